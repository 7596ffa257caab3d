#!/usr/bin/env bash
# Unit tests of the shipped alert rules (ops/alerts.yml) with promtool: `bash scripts/check-alerts.sh`.
# Idempotent; installs Debian's prometheus package (which provides promtool) only when promtool is missing, the
# way scripts/ensure-browser.sh installs chromium. test/unit/alerts.test.ts runs this script.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v promtool >/dev/null 2>&1; then
  echo "installing Debian's prometheus package for promtool…" >&2
  if ! apt-get -o DPkg::Lock::Timeout=300 install -y -qq prometheus >/dev/null; then
    apt-get -o DPkg::Lock::Timeout=300 update -qq && apt-get -o DPkg::Lock::Timeout=300 install -y -qq prometheus >/dev/null
  fi
fi
promtool check rules ops/alerts.yml
promtool test rules ops/alerts.test.yml
