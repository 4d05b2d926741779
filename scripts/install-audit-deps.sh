#!/usr/bin/env bash
# What the audit tests need beyond bootstrap.sh: a real rsyslog (syslog forwarding tests)
# and openssl (TLS syslog test). Idempotent: apt runs only when something is missing.
# The Debian package would start a system rsyslog; the tests never use it, they run a
# private rsyslogd with their own config, port and pid file.
set -euo pipefail

missing=()
command -v rsyslogd >/dev/null 2>&1 || [ -x /usr/sbin/rsyslogd ] || missing+=(rsyslog)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-audit-deps: installing ${missing[*]} from apt"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
