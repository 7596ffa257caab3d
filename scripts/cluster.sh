#!/usr/bin/env bash
# A 3-node MariaDB Galera cluster on this machine, for development and the cluster suite (issue 16).
#   npm run cluster:up      start it (idempotent: a running cluster is reused)
#   npm run cluster:down    stop it and remove its data
#   scripts/cluster.sh kill N / start N / status   (the cluster suite kills and restarts single nodes)
#   scripts/cluster.sh pause N / resume N [M…]      (SIGSTOP / SIGCONT: a hung node; resume wakes all given, then waits until each is Synced again)
# Everything runs as the current user, in its own data directories (SANXIANG_CLUSTER_DIR, default .cluster/)
# and on its own ports: SQL 3307-3309, Galera replication 4567/4577/4587, IST +1, SST (rsync) +2.
# The system MariaDB on 3306 is not touched. Connect with
#   DATABASE_URL=mysql://root@127.0.0.1:3307,127.0.0.1:3308,127.0.0.1:3309
set -euo pipefail
cd "$(dirname "$0")/.."
DIR="$(realpath -m "${SANXIANG_CLUSTER_DIR:-.cluster}")"
NODES=3
BASE_SQL_PORT="${CLUSTER_BASE_PORT:-3307}"
MARIADBD="${MARIADBD:-/usr/sbin/mariadbd}"
PROVIDER="${GALERA_PROVIDER:-/usr/lib/galera/libgalera_smm.so}"
ME="$(id -un)"

sql_port() { echo $((BASE_SQL_PORT + $1 - 1)); }
gal_port() { echo $((4567 + ($1 - 1) * 10)); }
node_dir() { echo "$DIR/node$1"; }
pid_of() { cat "$(node_dir "$1")/pid" 2>/dev/null || true; }
alive() { local p; p="$(pid_of "$1")"; [[ -n "$p" ]] && kill -0 "$p" 2>/dev/null; }
# Over the socket as the OS user running the cluster (mariadb-install-db gives that account unix_socket access).
q() { mariadb --protocol=socket -S "$(node_dir "$1")/mariadbd.sock" -u"$ME" -N -B -e "$2"; }
qtcp() { mariadb --protocol=tcp -h127.0.0.1 -P"$(sql_port "$1")" -uroot -N -B --connect-timeout=2 -e "$2"; }

write_config() {
  local n=$1 d addr=""
  d="$(node_dir "$n")"
  for i in $(seq 1 $NODES); do addr+="${addr:+,}127.0.0.1:$(gal_port "$i")"; done
  mkdir -p "$d/data"
  # rsync state transfer (SST, and the marker file of an IST) runs its daemon as "nobody" when the server was
  # started by root: let it write this node's data directory. Not needed when run as an ordinary user.
  if [[ "$(id -u)" == 0 ]]; then chmod 0777 "$d/data"; fi
  cat >"$d/my.cnf" <<CNF
[mysqld]
user=$ME
datadir=$d/data
socket=$d/mariadbd.sock
pid-file=$d/mariadbd.pid
log-error=$d/error.log
port=$(sql_port "$n")
bind-address=127.0.0.1
skip-name-resolve
innodb_buffer_pool_size=64M
innodb_log_file_size=32M
max_connections=300
# Galera: row-based replication, interleaved auto-increment locks, InnoDB only.
binlog_format=ROW
# Migrations run as the admin account, not SUPER (issue 12's least privilege); with binary logging on, creating the
# record log's triggers then needs this (the managed-service setting of the same name, docs/deployment.md).
log_bin_trust_function_creators=1
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
innodb_flush_log_at_trx_commit=2
wsrep_on=ON
wsrep_provider=$PROVIDER
wsrep_cluster_name=sanxiang_dev
wsrep_cluster_address=gcomm://$addr
wsrep_node_name=node$n
wsrep_node_address=127.0.0.1:$(gal_port "$n")
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:$(gal_port "$n");ist.recv_addr=127.0.0.1:$(($(gal_port "$n") + 1));gcache.size=64M;evs.suspect_timeout=PT3S;evs.inactive_timeout=PT6S;evs.install_timeout=PT6S"
wsrep_sst_method=rsync
wsrep_sst_receive_address=127.0.0.1:$(($(gal_port "$n") + 2))
wsrep_slave_threads=2
# Reads wait until this node has applied every write committed anywhere before them (read-your-writes across
# replicas: a case filed through one replica is found by the next request on another). See docs/deployment.md.
wsrep_sync_wait=1
CNF
}

wait_synced() {
  local n=$1
  for _ in $(seq 1 120); do
    if ! alive "$n"; then echo "node$n died; see $(node_dir "$n")/error.log" >&2; tail -30 "$(node_dir "$n")/error.log" >&2; return 1; fi
    [[ "$(q "$n" "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME='wsrep_local_state_comment'" 2>/dev/null)" == "Synced" ]] && return 0
    sleep 0.5
  done
  echo "node$n did not reach Synced in 60 s" >&2
  return 1
}

start_node() { # start_node N [--wsrep-new-cluster]
  local n=$1 d pos
  d="$(node_dir "$n")"
  alive "$n" && return 0
  write_config "$n"
  # After a crash the saved position is unknown (seqno -1): recover it from InnoDB, as galera_recovery does,
  # so the node catches up by IST from a peer's cache instead of needing a full state transfer.
  pos=""
  if grep -q "seqno: *-1" "$d/data/grastate.dat" 2>/dev/null; then
    "$MARIADBD" --defaults-file="$d/my.cnf" --wsrep-recover --log-error="$d/recover.log" >/dev/null 2>&1 || true
    pos="$(sed -n 's/.*WSREP: Recovered position: *//p' "$d/recover.log" | tail -1)"
  fi
  "$MARIADBD" --defaults-file="$d/my.cnf" ${pos:+--wsrep_start_position=$pos} "${@:2}" >>"$d/stdout.log" 2>&1 &
  echo $! >"$d/pid"
  disown
  wait_synced "$n"
  echo "node$n up on 127.0.0.1:$(sql_port "$n")"
}

cluster_size() { q "$1" "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME='wsrep_cluster_size'" 2>/dev/null || echo 0; }

up() {
  if alive 1 && alive 2 && alive 3 && [[ "$(cluster_size 1)" == "$NODES" ]]; then
    echo "cluster already up (size $NODES)"
    return 0
  fi
  if [[ ! -d "$(node_dir 1)/data/mysql" ]]; then
    # A fresh cluster: initialise node1 once, give it the development access, stop it cleanly and copy its
    # data directory to the other nodes: they join at the same position by IST, without a full state transfer.
    write_config 1
    mariadb-install-db --defaults-file="$(node_dir 1)/my.cnf" --auth-root-authentication-method=socket --skip-test-db >"$(node_dir 1)/install.log" 2>&1 ||
      { cat "$(node_dir 1)/install.log" >&2; exit 1; }
    start_node 1 --wsrep-new-cluster
    # The same access as the development MariaDB: root over TCP from this machine, no password.
    q 1 "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY ''; GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;"
    stop_node 1
    for n in $(seq 2 $NODES); do
      write_config "$n"
      cp -a "$(node_dir 1)/data/." "$(node_dir "$n")/data/"
      rm -f "$(node_dir "$n")"/data/gvwstate.dat "$(node_dir "$n")"/data/*.pid
    done
    sed -i 's/^safe_to_bootstrap: .*/safe_to_bootstrap: 1/' "$(node_dir 1)/data/grastate.dat"
    start_node 1 --wsrep-new-cluster
  elif ! alive 1 && ! alive 2 && ! alive 3; then
    sed -i 's/^safe_to_bootstrap: .*/safe_to_bootstrap: 1/' "$(node_dir 1)/data/grastate.dat"
    start_node 1 --wsrep-new-cluster
  else
    alive 1 || start_node 1
  fi
  for n in $(seq 2 $NODES); do start_node "$n"; done
  for _ in $(seq 1 60); do [[ "$(cluster_size 1)" == "$NODES" ]] && break; sleep 0.5; done
  [[ "$(cluster_size 1)" == "$NODES" ]] || { echo "cluster size is $(cluster_size 1), expected $NODES" >&2; exit 1; }
  qtcp 1 "SELECT 1" >/dev/null
  echo "cluster up: DATABASE_URL=mysql://root@127.0.0.1:$(sql_port 1),127.0.0.1:$(sql_port 2),127.0.0.1:$(sql_port 3)"
}

stop_node() {
  local p; p="$(pid_of "$1")"
  [[ -n "$p" ]] && kill -TERM "$p" 2>/dev/null || true
  for _ in $(seq 1 60); do alive "$1" || break; sleep 0.25; done
  alive "$1" && kill_node "$1"
  rm -f "$(node_dir "$1")/pid"
}

pause_node() { local p; p="$(pid_of "$1")"; [[ -n "$p" ]] && kill -STOP "$p"; }
# Several nodes are woken together, then awaited: woken one by one, the first could not form a primary component with
# a node that already left the view (quorum lost by pausing two of three: node 2 alone with non-Primary node 1 did
# not reach Synced in 60 s; woken together, the three re-form the primary component within seconds).
resume_nodes() {
  local n p
  for n in "$@"; do p="$(pid_of "$n")"; [[ -n "$p" ]] && kill -CONT "$p"; done
  for n in "$@"; do wait_synced "$n"; done
}

kill_node() { local p; p="$(pid_of "$1")"; [[ -n "$p" ]] && kill -9 "$p" 2>/dev/null || true; rm -f "$(node_dir "$1")/pid"; }

down() {
  for n in $(seq "$NODES" -1 1); do stop_node "$n"; done
  rm -rf "$DIR"
  echo "cluster down"
}

status() {
  for n in $(seq 1 $NODES); do
    if alive "$n"; then echo "node$n pid $(pid_of "$n") port $(sql_port "$n") size $(cluster_size "$n") $(q "$n" "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME='wsrep_local_state_comment'" 2>/dev/null)"
    else echo "node$n down"; fi
  done
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  kill) kill_node "$2" ;;
  start) start_node "$2" ;;
  stop) stop_node "$2" ;;
  pause) pause_node "$2" ;;
  resume) shift; resume_nodes "$@" ;;
  *) echo "usage: $0 up|down|status|kill N|start N|stop N|pause N|resume N [M…]" >&2; exit 2 ;;
esac
