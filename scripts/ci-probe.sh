#!/usr/bin/env bash
# CI: the committed registry checked against running services (issue 29): the four core subgraphs (and the stand-in
# inspection platform) start as their own processes on a free block of ports, with their own databases and keys, and
# `npm run compose -- --check` probes each of them (forged, expired and misaddressed tokens, GET and an ordinary query
# without a valid token, the served SDL). Everything it started or created is removed afterwards, also on failure.
set -euo pipefail
cd "$(dirname "$0")/.."

base=$((21000 + RANDOM % 20000))
prefix="ci_probe_$$"
keys="$(mktemp -d)"
logs="$(mktemp -d)"
pids=()
export PORT="$base" DB_PREFIX="$prefix" SANXIANG_KEY_DIR="$keys" LOG_LEVEL=warn SHUTDOWN_DRAIN_SECONDS=0 \
  PLATFORM_PORT=$((base + 10)) PLATFORM_URL="http://127.0.0.1:$((base + 10))" FIELD_USAGE_DIR="$logs/usage"

cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  mysql -uroot -h127.0.0.1 -N -e "SELECT CONCAT('DROP DATABASE IF EXISTS \`', schema_name, '\`;') FROM information_schema.schemata WHERE schema_name LIKE '${prefix}\\_%';
    SELECT CONCAT('DROP USER IF EXISTS \`', User, '\`@\`', Host, '\`;') FROM mysql.user WHERE User LIKE '${prefix}\\_%';" |
    mysql -uroot -h127.0.0.1
  rm -rf "$keys" "$logs"
}
trap cleanup EXIT

start() {
  npx tsx "$2" >"$logs/$1.log" 2>&1 &
  pids+=("$!")
}
# The keys first, once (every process would otherwise race to create them).
npx tsx --eval "import('./kernel/identity.ts').then((m) => m.loadKeyMaterial(process.env.SANXIANG_KEY_DIR))"
start platform subgraphs/inspections/platform/main.ts
start powers subgraphs/powers/main.ts
start cases subgraphs/cases/main.ts
start reviews subgraphs/reviews/main.ts
start inspections subgraphs/inspections/main.ts

# Each answers /ready once migrated and listening; the limit is a hang guard for a loaded machine, not a timing.
for i in 1 2 3 4; do
  name=$(sed -n "${i}p" <<<$'powers\ncases\nreviews\ninspections')
  for _ in $(seq 1 300); do
    curl -fsS "http://127.0.0.1:$((base + i))/ready" >/dev/null 2>&1 && break
    sleep 1
  done
  if ! curl -fsS "http://127.0.0.1:$((base + i))/ready" >/dev/null 2>&1; then
    echo "$name did not become ready:"
    tail -50 "$logs/$name.log"
    exit 1
  fi
done
npm run --loglevel=warn compose -- --check
