#!/usr/bin/env bash
# Install what KubeChat needs on a fresh Debian machine: server binaries from apt, uv, and
# the workspace venv at .venv/. Idempotent and quick when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

declare -A apt_for=([nats-server]=nats-server [redis-server]=redis-server [openssl]=openssl)
missing=()
for binary in "${!apt_for[@]}"; do
  command -v "$binary" >/dev/null 2>&1 || [ -x "/usr/sbin/$binary" ] || missing+=("${apt_for[$binary]}")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing ${missing[*]} from apt"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v uv >/dev/null 2>&1; then
  echo "bootstrap: installing uv"
  python3 -m pip install --quiet --user uv || python3 -m pip install --quiet uv
  export PATH="$HOME/.local/bin:$PATH"
fi

uv sync --frozen --quiet
