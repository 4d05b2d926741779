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
  module="helm.sh/helm/v3@v$HELM_VERSION"
  # Stamp versions as helm's Makefile does. Without it `helm version` says v3.22 and
  # `helm template` assumes Kubernetes 1.20 (the kube version it reports is
  # 1.<client-go minor>, from the module's go.mod).
  gomod="$(go mod download -json "$module" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')"
  k8s_minor="$(sed -n 's#^\s*k8s.io/client-go v0\.\([0-9]*\)\..*#\1#p' "$gomod")"
  ldflags="-s -w -X helm.sh/helm/v3/internal/version.version=v$HELM_VERSION"
  for pkg in pkg/lint/rules pkg/chartutil; do
    ldflags+=" -X helm.sh/helm/v3/$pkg.k8sVersionMajor=1 -X helm.sh/helm/v3/$pkg.k8sVersionMinor=$k8s_minor"
  done
  rm -rf "$out.tmp" && mkdir -p "$out.tmp"
  # Only two cores: cgo off (a static binary, no gcc).
  CGO_ENABLED=0 GOFLAGS="${GOFLAGS:--buildvcs=false}" GOBIN="$out.tmp" \
    go install -trimpath -ldflags "$ldflags" "helm.sh/helm/v3/cmd/helm@v$HELM_VERSION"
  rm -rf "$out" && mv "$out.tmp" "$out"
fi
echo "$out/helm"
