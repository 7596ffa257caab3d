#!/usr/bin/env bash
# Run a command with every core kept busy by scripts/cpu-burner.ts beside it (issue 23): `npm run test:loaded`
# and `.ci/run` use it to prove that no test depends on how fast the machine is. The burner is always killed:
# on success, failure, Ctrl-C or termination (trap), and it also stops by itself after CPU_BURNER_MAX_S seconds
# (default 2 h) should this shell be killed with SIGKILL.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || { echo "usage: $0 <command> [args…]" >&2; exit 2; }

node --import tsx scripts/cpu-burner.ts ${CPU_BURNER_THREADS:+--threads "$CPU_BURNER_THREADS"} --seconds "${CPU_BURNER_MAX_S:-7200}" &
burner=$!
stop_burner() {
  if kill -0 "$burner" 2>/dev/null; then
    kill "$burner" 2>/dev/null || true
    wait "$burner" 2>/dev/null || true
  fi
}
trap stop_burner EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

status=0
"$@" || status=$?
stop_burner
exit "$status"
