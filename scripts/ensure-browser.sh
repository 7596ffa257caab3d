#!/usr/bin/env bash
# Runs before `npm test`: the dashboard test drives Debian's Chromium (no browser download on an intranet).
# Idempotent; installs from Debian's packages only when missing.
set -euo pipefail
if [ ! -x /usr/bin/chromium ]; then
  echo "installing Debian's chromium for the dashboard test…" >&2
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi
# A CJK font so the dashboard screenshot shows its Chinese labels (the test itself does not need it).
if ! fc-list 2>/dev/null | grep -qi 'wqy\|noto sans cjk'; then
  apt-get install -y -qq fonts-wqy-zenhei >/dev/null 2>&1 || echo "warning: no CJK font installed; screenshots show boxes for Chinese" >&2
fi
