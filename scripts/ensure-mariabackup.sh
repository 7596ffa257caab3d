#!/usr/bin/env bash
# mariadb-backup (mariabackup) for `npm run backup -- --physical`: `bash scripts/ensure-mariabackup.sh`. Idempotent;
# installs Debian's mariadb-backup package only when the program is missing, the way scripts/check-alerts.sh installs
# promtool. The package must be the server's version (Debian's mariadb-backup matches Debian's mariadb-server).
set -euo pipefail
if ! command -v mariadb-backup >/dev/null 2>&1; then
  echo "installing Debian's mariadb-backup package…" >&2
  if ! apt-get -o DPkg::Lock::Timeout=300 install -y -qq mariadb-backup >/dev/null; then
    apt-get -o DPkg::Lock::Timeout=300 update -qq && apt-get -o DPkg::Lock::Timeout=300 install -y -qq mariadb-backup >/dev/null
  fi
fi
mariadb-backup --version >&2
