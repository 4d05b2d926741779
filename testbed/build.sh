#!/usr/bin/env bash
# Build the Kubernetes test bed binaries (kube-apiserver, kube-controller-manager, kube-scheduler,
# kubectl, etcd, kwok) from the Go module proxy into a version-keyed cache outside the repo.
#
# A cache entry is only written once its build succeeded (build into *.tmp, then rename), so
# "entry exists" means "complete" and a warm run does nothing but a few `test -x`.
#
#   bash testbed/build.sh            # build whatever is missing
#   KUBECHAT_CACHE=/x bash testbed/build.sh
#   TESTBED_TIME=1 bash testbed/build.sh   # wrap each cold build in /usr/bin/time -v
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="${KUBECHAT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kubechat}"
K8S_VERSION="${K8S_VERSION:-1.37.2}"
ETCD_VERSION="${ETCD_VERSION:-3.6.16}"
KWOK_VERSION="${KWOK_VERSION:-0.8.0}"
# Only two cores: one build at a time, and cgo off so the binaries are static and need no gcc.
export CGO_ENABLED=0
export GOFLAGS="${GOFLAGS:--buildvcs=false}"
mkdir -p "$CACHE"

timed() {
  if [[ "${TESTBED_TIME:-0}" == 1 && -x /usr/bin/time ]]; then /usr/bin/time -v "$@"; else "$@"; fi
}

build_k8s() {
  local out="$CACHE/k8s-v$K8S_VERSION"
  if [[ -x "$out/kube-apiserver" && -x "$out/kube-controller-manager" && -x "$out/kube-scheduler" && -x "$out/kubectl" ]]; then
    return 0
  fi
  echo ">> building kubernetes v$K8S_VERSION into $out" >&2
  local minor v ldf
  minor="$(echo "$K8S_VERSION" | cut -d. -f2)"
  v=k8s.io/component-base/version
  # Without -X the binaries report v0.0.0-master; the compatibility version is a constant.
  ldf="-s -w -X $v.gitVersion=v$K8S_VERSION -X $v.gitMajor=1 -X $v.gitMinor=$minor"
  ldf+=" -X k8s.io/client-go/pkg/version.gitVersion=v$K8S_VERSION"
  rm -rf "$out.tmp" && mkdir -p "$out.tmp"
  (cd "$HERE/kubernetes" && timed go build -trimpath -ldflags "$ldf" -o "$out.tmp/" ./cmd/...)
  rm -rf "$out" && mv "$out.tmp" "$out"
}

build_etcd() {
  local out="$CACHE/etcd-v$ETCD_VERSION"
  [[ -x "$out/etcd" ]] && return 0
  echo ">> building etcd v$ETCD_VERSION into $out" >&2
  rm -rf "$out.tmp" && mkdir -p "$out.tmp"
  (cd "$HERE/etcd" && timed go build -trimpath -ldflags "-s -w" -o "$out.tmp/etcd" .)
  rm -rf "$out" && mv "$out.tmp" "$out"
}

build_kwok() {
  local out="$CACHE/kwok-v$KWOK_VERSION"
  [[ -x "$out/kwok" && -f "$out/stages.yaml" ]] && return 0
  echo ">> installing kwok v$KWOK_VERSION into $out" >&2
  rm -rf "$out.tmp" && mkdir -p "$out.tmp"
  # kwok's go.mod has no replace directives, so a plain `go install pkg@version` works.
  (cd "$out.tmp" && GOBIN="$out.tmp" timed go install -trimpath -ldflags "-s -w" \
    "sigs.k8s.io/kwok/cmd/kwok@v$KWOK_VERSION")
  # v0.8.0 has no built-in stages: assemble the upstream ones from the module cache.
  local d
  d="$(go env GOMODCACHE)/sigs.k8s.io/kwok@v$KWOK_VERSION/kustomize/stage"
  for f in node/fast/node-initialize.yaml node/heartbeat-with-lease/node-heartbeat-with-lease.yaml \
    pod/fast/pod-ready.yaml pod/fast/pod-complete.yaml pod/fast/pod-delete.yaml; do
    cat "$d/$f"
    echo '---'
  done >"$out.tmp/stages.yaml"
  rm -rf "$out" && mv "$out.tmp" "$out"
}

case "${1:-all}" in
  k8s) build_k8s ;;
  etcd) build_etcd ;;
  kwok) build_kwok ;;
  all) build_etcd && build_kwok && build_k8s ;;
  *) echo "usage: $0 [all|k8s|etcd|kwok]" >&2 && exit 2 ;;
esac
