#!/usr/bin/env bash
# helm (chart lint/render in tests/test_chart.py) from the Go module proxy, built once into
# the cache outside the repo. helm.sh/helm/v3's go.mod has no replace directives, so a plain
# `go install pkg@version` works. Prints the path of the helm binary.
set -euo pipefail
HELM_VERSION="${HELM_VERSION:-3.22.0}"
CACHE="${KUBECHAT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kubechat}"
out="$CACHE/helm-v$HELM_VERSION"
if [[ ! -x "$out/helm" ]]; then
  echo ">> building helm v$HELM_VERSION into $out" >&2
  rm -rf "$out.tmp" && mkdir -p "$out.tmp"
  # Only two cores: cgo off (static binary, no gcc) and the version stamped like upstream.
  CGO_ENABLED=0 GOFLAGS="${GOFLAGS:--buildvcs=false}" GOBIN="$out.tmp" go install -trimpath \
    -ldflags "-s -w -X helm.sh/helm/v3/internal/version.version=v$HELM_VERSION" \
    "helm.sh/helm/v3/cmd/helm@v$HELM_VERSION"
  rm -rf "$out" && mv "$out.tmp" "$out"
fi
echo "$out/helm"
