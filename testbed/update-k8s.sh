#!/usr/bin/env bash
# Re-pin testbed/kubernetes to another Kubernetes release: require k8s.io/kubernetes v1.Y.Z and
# replace every staging module with its published v0.Y.Z tag. The list of staging modules is
# derived from the go.mod the proxy serves for that release, never typed by hand (it grows:
# 1.36 added cri-streaming and streaming). Then build with K8S_VERSION=1.Y.Z bash testbed/build.sh.
#
#   bash testbed/update-k8s.sh 1.37.2
set -euo pipefail
K="${1:?usage: $0 <kubernetes version, e.g. 1.37.2>}"
S="v0.${K#1.}"
cd "$(dirname "${BASH_SOURCE[0]}")/kubernetes"
gomod="$(go mod download -json "k8s.io/kubernetes@v$K" | python3 -c 'import json,sys; print(json.load(sys.stdin)["GoMod"])')"
for m in $(go mod edit -json | python3 -c 'import json,sys; print(" ".join(r["Old"]["Path"] for r in json.load(sys.stdin).get("Replace") or []))'); do
  go mod edit -dropreplace="$m"
done
for m in $(sed -n 's#^[[:space:]]*\(k8s\.io/[a-z0-9-]*\) => \./staging/.*#\1#p' "$gomod"); do
  go mod edit -replace="$m=$m@$S"
done
go mod edit -require="k8s.io/kubernetes@v$K"
go mod tidy
echo "testbed/kubernetes now pins k8s.io/kubernetes v$K (staging $S)" >&2
