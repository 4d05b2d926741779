#!/usr/bin/env bash
# buf (proto lint) from the Go module proxy, built once into the cache outside the repo.
set -euo pipefail
BUF_VERSION="${BUF_VERSION:-1.75.0}"
CACHE="${KUBECHAT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kubechat}"
out="$CACHE/buf-v$BUF_VERSION"
if [[ ! -x "$out/buf" ]]; then
  echo ">> building buf v$BUF_VERSION into $out" >&2
  rm -rf "$out.tmp" && mkdir -p "$out.tmp"
  CGO_ENABLED=0 GOBIN="$out.tmp" go install -trimpath -ldflags "-s -w" \
    "github.com/bufbuild/buf/cmd/buf@v$BUF_VERSION"
  rm -rf "$out" && mv "$out.tmp" "$out"
fi
echo "$out/buf"
