#!/usr/bin/env bash
# System packages the identity tests need: OpenLDAP (slapd + ldap-utils) as the directory
# Keycloak federates, and Debian's Chromium for the real-browser sign-in test (Playwright
# drives it; no `playwright install` download). Idempotent: apt runs only when something
# is missing. The package's own slapd instance is never used: tests run a private one.
set -euo pipefail

declare -A apt_for=([slapd]=slapd [ldapadd]=ldap-utils [chromium]=chromium [unzip]=unzip)
missing=()
for binary in "${!apt_for[@]}"; do
  command -v "$binary" >/dev/null 2>&1 || [ -x "/usr/sbin/$binary" ] || missing+=("${apt_for[$binary]}")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-identity-deps: installing ${missing[*]} from apt" >&2
  export DEBIAN_FRONTEND=noninteractive
  # slapd's postinst asks for a domain and admin password; preseed "no configuration".
  echo "slapd slapd/no_configuration boolean true" | debconf-set-selections
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
