#!/usr/bin/env bash
# Builds the web UI into web/dist (served by the gateway at /). Idempotent and cheap when
# nothing changed:
#   - `npm ci` runs only when node_modules was not installed from this package-lock.json;
#   - `npm run build` runs only when the sources, configs or lock changed since the last
#     build (a hash kept in ${KUBECHAT_CACHE:-~/.cache/kubechat}/web-build.sha256).
# FORCE=1 rebuilds regardless.
set -euo pipefail
cd "$(dirname "$0")/../web"

cache="${KUBECHAT_CACHE:-$HOME/.cache/kubechat}"
mkdir -p "$cache"

if ! command -v npm >/dev/null; then
  echo "build-web: npm not found (Node.js 20+ is required to build the UI)" >&2
  exit 1
fi

lock_hash="$(sha256sum package-lock.json | cut -d' ' -f1)"
stamp="node_modules/.kubechat-lock.sha256"
if [[ "${FORCE:-0}" == 1 || ! -f "$stamp" || "$(cat "$stamp")" != "$lock_hash" ]]; then
  echo "build-web: npm ci (package-lock.json changed or node_modules missing)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > "$stamp"
fi

# Everything that changes the bundle: sources, the page, configs and the lock.
source_hash="$(
  find src index.html vite.config.ts tsconfig.json package.json package-lock.json -type f -print0 \
    | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1
)"
built="$cache/web-build.sha256"
if [[ "${FORCE:-0}" != 1 && -f dist/index.html && -f "$built" && "$(cat "$built")" == "$source_hash" ]]; then
  echo "build-web: web/dist is up to date"
  exit 0
fi
echo "build-web: npm run build"
npm run build --silent
echo "$source_hash" > "$built"
echo "build-web: built web/dist"
