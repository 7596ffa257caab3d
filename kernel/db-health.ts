import net from 'node:net';
import mysql from 'mysql2';

/**
 * Which database nodes of a cluster URL are healthy now (issue 27): the one place that decides it, shared by every
 * pool of the process. A node is down when
 * - a connection to it was refused or never greeted (kernel/db.ts marks it down for HOST_DOWN_MS), or
 * - the periodic probe (one small query per node every DB_PROBE_INTERVAL_MS on a connection of its own) got no
 *   answer within DB_PROBE_TIMEOUT_MS — a hung or SIGSTOPped mariadbd accepts TCP and never answers — or the node
 *   answered that it is not ready (`wsrep_ready=OFF`) or not in the primary component (`wsrep_cluster_status` not
 *   Primary); it stays down until a probe finds it healthy again.
 * When the probe finds a node down, every pooled connection to it is cut (its in-flight statement fails with
 * PROTOCOL_CONNECTION_LOST → UPSTREAM_UNAVAILABLE; nothing acknowledged depended on it), so the pools reconnect to
 * the healthy nodes at once instead of waiting behind the hung one. Infrastructure timing (process uptime), not
 * business time.
 */

export interface Host {
  host: string;
  port: number;
}

export const HOST_DOWN_MS = 5000;
const envMs = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const probeIntervalMs = () => envMs('DB_PROBE_INTERVAL_MS', 1000);
const probeTimeoutMs = () => envMs('DB_PROBE_TIMEOUT_MS', 2000);

/** A live pooled connection (mysql2 core connection): what is needed to cut it. */
interface Cuttable {
  stream: net.Socket;
}

interface HostState {
  downUntil: number;
  probeDown?: string;
  conns: Set<Cuttable>;
}

const states = new Map<string, HostState>();
export const hostKey = (h: Host) => `${h.host}:${h.port}`;
const stateOf = (h: Host): HostState => {
  let s = states.get(hostKey(h));
  if (!s) states.set(hostKey(h), (s = { downUntil: 0, conns: new Set() }));
  return s;
};

export function isDown(h: Host, now = performance.now()): boolean {
  const s = states.get(hostKey(h));
  return !!s && (!!s.probeDown || s.downUntil > now);
}

/** Why the node is down (for logs and tests), or undefined. */
export const downReason = (h: Host): string | undefined => states.get(hostKey(h))?.probeDown ?? (isDown(h) ? 'connection failed' : undefined);

/** Cut every pooled connection to the node: statements in flight on it fail now rather than hang. */
function cutConnections(s: HostState, why: string) {
  for (const c of s.conns) {
    const err = Object.assign(new Error(`Connection lost: 数据库节点不可用 (${why})`), { code: 'PROTOCOL_CONNECTION_LOST', fatal: true });
    c.stream.destroy(err);
  }
  s.conns.clear();
}

/**
 * A connection to the node failed (refused, or no greeting within connectTimeout): try it last for a while. Its
 * live connections are left to the probe (a refused login, say, is no reason to cut working connections).
 */
export function markDown(h: Host, ms = HOST_DOWN_MS) {
  stateOf(h).downUntil = performance.now() + ms;
}

function setProbeResult(h: Host, down: string | undefined) {
  const s = stateOf(h);
  const wasDown = s.probeDown;
  s.probeDown = down;
  if (down && !wasDown) cutConnections(s, down);
  if (!down) s.downUntil = 0;
}

/**
 * The hosts in the order to try now: the list rotated by `offset` (so the pools of a process, and of replicas with
 * the same DATABASE_URL, spread over the nodes instead of all using the first), the healthy ones first.
 */
export function hostsInOrder(hosts: Host[], offset = 0): Host[] {
  const now = performance.now();
  const n = hosts.length;
  const rotated = hosts.map((_, i) => hosts[(i + (offset % n) + n) % n]!);
  const up = rotated.filter((h) => !isDown(h, now));
  return [...up, ...rotated.filter((h) => !up.includes(h))];
}

/** Remember a live pooled connection to the node (cut when the node goes down); forgotten when it closes. */
export function track(h: Host, conn: Cuttable & { on(ev: 'error', fn: () => void): unknown }) {
  const s = stateOf(h);
  if (isDown(h) && s.probeDown) {
    // Opened just as the node went down: do not keep it.
    conn.stream.destroy(Object.assign(new Error(`Connection lost: 数据库节点不可用 (${s.probeDown})`), { code: 'PROTOCOL_CONNECTION_LOST', fatal: true }));
    return;
  }
  s.conns.add(conn);
  // mysql2 emits 'error' on a connection that failed while idle; the pool listens once, a second emit must not throw.
  conn.on('error', () => undefined);
  conn.stream.once('close', () => s.conns.delete(conn));
}

/** Status rows of a node → why it must not be used, or undefined when it is fine. A server without Galera is fine. */
export function unhealthyReason(status: Record<string, string>): string | undefined {
  const get = (k: string) => status[k.toLowerCase()] ?? status[k.toUpperCase()];
  if ((get('wsrep_on') ?? 'OFF').toUpperCase() !== 'ON') return undefined;
  if ((get('wsrep_ready') ?? '').toUpperCase() !== 'ON') return 'wsrep_ready=OFF';
  const cluster = get('wsrep_cluster_status') ?? '';
  if (cluster !== 'Primary') return `wsrep_cluster_status=${cluster || '?'}（非主组件）`;
  return undefined;
}

interface Watched {
  refs: number;
  user: string;
  password: string;
  /** Further connection options of the pools (TLS: DATABASE_TLS_CA). */
  extra: mysql.ConnectionOptions;
  conn?: mysql.Connection;
  busy?: boolean;
}

const watched = new Map<string, Watched>();
let timer: NodeJS.Timeout | undefined;

function closeProbe(w: Watched) {
  w.conn?.destroy();
  w.conn = undefined;
}

function query(conn: mysql.Connection, sql: string): Promise<Record<string, string>> {
  return new Promise((resolve, reject) =>
    conn.query(sql, (err, rows) => {
      if (err) return reject(err);
      const out: Record<string, string> = {};
      for (const r of rows as { Variable_name: string; Value: string }[]) out[r.Variable_name.toLowerCase()] = String(r.Value);
      resolve(out);
    }),
  );
}

async function probeOnce(h: Host, w: Watched): Promise<string | undefined> {
  if (!w.conn) {
    const socket = net.connect(h.port, h.host);
    socket.unref(); // the probe never keeps a process alive
    socket.setNoDelay(true);
    const conn = mysql.createConnection({ ...w.extra, stream: socket, user: w.user, password: w.password, connectTimeout: probeTimeoutMs() });
    conn.on('error', () => {
      if (w.conn === conn) w.conn = undefined;
    });
    w.conn = conn;
  }
  const conn = w.conn;
  const status = await query(conn, "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_ready', 'wsrep_cluster_status')");
  Object.assign(status, await query(conn, "SHOW GLOBAL VARIABLES WHERE Variable_name = 'wsrep_on'"));
  return unhealthyReason(status);
}

async function probe(key: string, w: Watched) {
  if (w.busy) return;
  w.busy = true;
  const [host, port] = [key.slice(0, key.lastIndexOf(':')), Number(key.slice(key.lastIndexOf(':') + 1))];
  const h = { host, port };
  let t: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<string>((resolve) => {
      t = setTimeout(() => resolve(`no answer within ${probeTimeoutMs()} ms`), probeTimeoutMs());
      t.unref();
    });
    const reason = await Promise.race([probeOnce(h, w).catch((err: Error & { code?: string }) => `probe failed: ${err.code ?? err.message}`), timeout]);
    if (reason) closeProbe(w);
    if (watched.get(key) === w) setProbeResult(h, reason);
  } finally {
    clearTimeout(t);
    w.busy = false;
  }
}

function tick() {
  for (const [key, w] of watched) void probe(key, w);
}

/**
 * Probe the nodes of a cluster URL while a pool uses them (kernel/db.ts calls this for URLs naming several hosts).
 * Returns the function that stops watching (the last pool closed stops the probes and closes their connections).
 */
export function watchHosts(hosts: Host[], user: string, password: string, extra: mysql.ConnectionOptions = {}): () => void {
  const keys = hosts.map(hostKey);
  for (const key of keys) {
    const w = watched.get(key);
    if (w) {
      w.refs++;
      continue;
    }
    watched.set(key, { refs: 1, user, password, extra });
  }
  if (!timer) {
    timer = setInterval(tick, probeIntervalMs());
    timer.unref();
    // A first look at once: a node hung before this process started is found before the first interval.
    setImmediate(tick);
  }
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    for (const key of keys) {
      const w = watched.get(key);
      if (w && --w.refs === 0) {
        closeProbe(w);
        watched.delete(key);
      }
    }
    if (watched.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** Tests: forget every node's state. */
export function resetHostStates() {
  for (const s of states.values()) s.conns.clear();
  states.clear();
}
