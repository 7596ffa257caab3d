#!/usr/bin/env bash
# Runs before `npm test`: the dashboard test drives Debian's Chromium (no browser download on an intranet).
# Idempotent; installs from Debian's packages only when missing. On a shared machine another process may hold
# the dpkg/apt locks (issue 23): apt waits for them up to 5 minutes, `apt-get update` is retried once, and a
# failure says which step failed and what to do instead of apt's bare "Could not get lock".
set -euo pipefail

APT=(apt-get -o DPkg::Lock::Timeout=300 -o Acquire::Retries=3)

fail() {
  echo "ensure-browser: $1" >&2
  echo "ensure-browser: install it by hand (as root: apt-get install -y chromium), then run the tests again." >&2
  exit 1
}

if [ ! -x /usr/bin/chromium ]; then
  echo "installing Debian's chromium for the dashboard test…" >&2
  if ! "${APT[@]}" update -qq; then
    echo "ensure-browser: apt-get update failed; retrying once in 10 s…" >&2
    sleep 10
    "${APT[@]}" update -qq || fail "apt-get update failed twice (network, mirror, or the apt lists lock held for over 5 minutes)."
  fi
  "${APT[@]}" install -y -qq chromium >/dev/null ||
    fail "apt-get install chromium failed (the dpkg lock held for over 5 minutes by another apt/dpkg, or the package could not be fetched)."
  [ -x /usr/bin/chromium ] || fail "apt-get install chromium succeeded but /usr/bin/chromium is missing."
fi
# A CJK font so the dashboard screenshot shows its Chinese labels (the test itself does not need it).
if ! fc-list 2>/dev/null | grep -qi 'wqy\|noto sans cjk'; then
  "${APT[@]}" install -y -qq fonts-wqy-zenhei >/dev/null 2>&1 || echo "warning: no CJK font installed; screenshots show boxes for Chinese" >&2
fi
