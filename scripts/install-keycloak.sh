#!/usr/bin/env bash
# Put the Keycloak server distribution into the cache outside the repo, keyed by version,
# and pre-build ("augment") it once so every later start can use `start --optimized`.
# Idempotent: a complete cache entry means no work (the entry is renamed into place only
# after the fetch, unzip and build all succeeded).
#
#   bash scripts/install-keycloak.sh        # prints the Keycloak home directory on stdout
#
# Needs: mvn (Maven Central), unzip, the Temurin 25 JDK (Keycloak 26.7 supports Java 25).
set -euo pipefail

KEYCLOAK_VERSION="${KEYCLOAK_VERSION:-26.7.3}"
CACHE="${KUBECHAT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kubechat}"
HOME_DIR="$CACHE/keycloak-$KEYCLOAK_VERSION"
# The build options are part of the key: a change here must not reuse an old augmentation.
# Keep in sync with BUILD_OPTIONS in libs/devstack/src/kubechat_devstack/keycloak.py.
BUILD_OPTIONS=(--health-enabled=true --db=dev-file)
STAMP="$HOME_DIR/.kubechat-built"

if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "${BUILD_OPTIONS[*]}" ]; then
  echo "$HOME_DIR"
  exit 0
fi

JAVA_HOME="${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1)}"
if [ -z "$JAVA_HOME" ] || [ ! -x "$JAVA_HOME/bin/java" ]; then
  echo "install-keycloak: Temurin 25 JDK not found under /usr/lib/jvm (set JAVA_HOME)" >&2
  exit 1
fi
export JAVA_HOME
for tool in mvn unzip; do
  command -v "$tool" >/dev/null || { echo "install-keycloak: $tool missing (apt-get install maven unzip)" >&2; exit 1; }
done

mkdir -p "$CACHE"
work="$(mktemp -d "$CACHE/keycloak-$KEYCLOAK_VERSION.tmp.XXXXXX")"
trap 'rm -rf "$work"' EXIT

if [ ! -d "$HOME_DIR" ]; then
  echo "install-keycloak: fetching org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" >&2
  mvn -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
    -DoutputDirectory="$work" >&2
  zip="$work/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
  # Maven verified the artifact's checksum against Central; check the archive is whole too.
  unzip -tq "$zip" >/dev/null
  unzip -q "$zip" -d "$work"
  mv "$work/keycloak-$KEYCLOAK_VERSION" "$HOME_DIR"
fi

echo "install-keycloak: kc.sh build ${BUILD_OPTIONS[*]} (once per version)" >&2
started=$(date +%s)
"$HOME_DIR/bin/kc.sh" build "${BUILD_OPTIONS[@]}" >&2
echo "install-keycloak: build took $(( $(date +%s) - started ))s" >&2
echo "${BUILD_OPTIONS[*]}" > "$STAMP"
echo "$HOME_DIR"
