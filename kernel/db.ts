import net from 'node:net';
import mysql from 'mysql2/promise';
import { drizzle, type MySql2Database } from 'drizzle-orm/mysql2';
import { migrate } from 'drizzle-orm/mysql2/migrator';
import { acquireLease, ensureTable, newHolderId, releaseLease } from './lease.js';
import { hostsInOrder as healthOrder, isDown, markDown, track, watchHosts, type Host } from './db-health.js';
import { isRetryableTransactionError } from './tx-retry.js';
import { databaseTls } from './tls.js';

export interface Db<S extends Record<string, unknown>> {
  orm: MySql2Database<S>;
  pool: mysql.Pool;
  /**
   * Statements issued through drizzle since start: tests use it to check the shape of cost. While `capture` is
   * set, each statement's text and parameters are appended to it (the benchmark replays them as raw SQL).
   */
  stats: { statements: number; capture?: { sql: string; params: unknown[] }[] };
  close(): Promise<void>;
}

const POOL_DEFAULTS: mysql.PoolOptions = { timezone: 'Z', dateStrings: ['DATE'], supportBigNumbers: true, bigNumberStrings: true, charset: 'utf8mb4' };

/** Human-readable cause and fix when MySQL is unreachable (the first thing a new user hits). */
export class DatabaseUnavailableError extends Error {
  constructor(url: string, cause: unknown) {
    const safe = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
    const code = (cause as { code?: string }).code ?? '';
    super(
      `无法连接 MySQL/MariaDB (cannot reach the database) at ${safe}: ${code} ${(cause as Error).message}\n` +
        `  尝试/tried: DATABASE_URL=${safe}\n` +
        `  修复/fix: start MariaDB (e.g. \`start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd\`)\n` +
        `            or set DATABASE_URL=mysql://user:password@host:3306 to a reachable server.`,
    );
    this.name = 'DatabaseUnavailableError';
  }
}

/** One server URL may name several hosts of a cluster: mysql://user:pass@h1:3307,h2:3308,h3:3309 */
export interface ServerTarget {
  hosts: { host: string; port: number }[];
  user: string;
  password: string;
}

export function parseServerUrl(serverUrl: string): ServerTarget {
  const m = /^mysql:\/\/(?:([^:@/]*)(?::([^@/]*))?@)?([^/?#]+)/.exec(serverUrl);
  if (!m) throw new Error(`DATABASE_URL 格式不正确 (expected mysql://user:password@host:port[,host:port…]): ${serverUrl.replace(/:[^@/]*@/, ':***@')}`);
  const hosts = m[3]!.split(',').map((part) => {
    const hp = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(part.trim());
    if (!hp) throw new Error(`DATABASE_URL 主机不正确 (bad host): ${part}`);
    return { host: hp[1]!, port: Number(hp[2] || 3306) };
  });
  return { hosts, user: decodeURIComponent(m[1] || 'root'), password: decodeURIComponent(m[2] || '') };
}

/** The hosts to try now, as listed, healthy ones first (kernel/db-health.ts decides which are down). */
export function hostsInOrder(target: ServerTarget, offset = 0): Host[] {
  return healthOrder(target.hosts, offset);
}

const envMs = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v >= 0 && process.env[name] !== '' ? v : fallback;
};
/** Timeouts of every pool (issue 27): a node that accepts TCP and never answers must not hold a request for ever. */
export const dbTimeouts = () => ({
  /** Opening a connection (TCP + the server's greeting + login). */
  connectMs: envMs('DB_CONNECT_TIMEOUT_MS', 5000),
  /** One statement; 0 = none (migrations: DDL on a large table may take long). */
  queryMs: envMs('DB_QUERY_TIMEOUT_MS', 30_000),
  /** Waiting for a pooled connection when all are busy. */
  acquireMs: envMs('DB_ACQUIRE_TIMEOUT_MS', 10_000),
});

// Each pool of the process starts at another node of the list (issue 27: the same DATABASE_URL everywhere must not
// put every pool on its first node); DB_HOST_ORDER=listed keeps the listed order (all pools on the first healthy node).
let nextOffset = process.pid;
const poolOffset = () => (process.env.DB_HOST_ORDER === 'listed' ? 0 : nextOffset++);

/** The host a pooled connection's socket went to (set by the stream factory below). */
const socketHost = new WeakMap<net.Socket, Host>();

/**
 * Connection options. With several hosts each new connection goes to the first host in `hostsInOrder` for the
 * pool's offset (mysql2's `stream` factory); a host that refuses or never greets is marked down, so the next
 * connection fails over.
 */
function serverOptions(serverUrl: string, host?: Host, offset = 0): mysql.ConnectionOptions {
  const target = parseServerUrl(serverUrl);
  // DATABASE_TLS_CA (+ _CERT/_KEY): TLS to every host, the server's certificate verified (kernel/tls.ts).
  const ssl = databaseTls();
  const base = { user: target.user, password: target.password, connectTimeout: dbTimeouts().connectMs, ...POOL_DEFAULTS, ...(ssl ? { ssl } : {}) };
  if (host) return { ...base, host: host.host, port: host.port };
  if (target.hosts.length === 1) return { ...base, host: target.hosts[0]!.host, port: target.hosts[0]!.port };
  return {
    ...base,
    host: target.hosts[0]!.host,
    port: target.hosts[0]!.port,
    stream: () => {
      const h = hostsInOrder(target, offset)[0]!;
      const socket = net.connect(h.port, h.host);
      socketHost.set(socket, h);
      socket.setNoDelay(true);
      socket.once('connect', () => socket.setKeepAlive(true));
      // A node that greets is alive. One that refuses, or accepts the TCP connection but never sends the server's
      // greeting (a hung or SIGSTOPped mariadbd: the kernel still completes the handshake from its backlog) is
      // marked down when the socket closes (mysql2 closes it after connectTimeout), so the next connection goes
      // to another node instead of queueing behind the hung one (issue 27).
      let greeted = false;
      socket.once('data', () => (greeted = true));
      socket.once('close', () => {
        if (!greeted) markDown(h);
      });
      return socket;
    },
  };
}

export async function withServerConnection<T>(serverUrl: string, fn: (c: mysql.Connection) => Promise<T>): Promise<T> {
  let conn: mysql.Connection | undefined;
  let lastErr: unknown;
  for (const host of hostsInOrder(parseServerUrl(serverUrl))) {
    try {
      conn = await mysql.createConnection(serverOptions(serverUrl, host));
      break;
    } catch (err) {
      markDown(host);
      lastErr = err;
    }
  }
  if (!conn) throw new DatabaseUnavailableError(serverUrl, lastErr);
  try {
    return await fn(conn);
  } finally {
    await conn.end();
  }
}

/**
 * Galera applies account changes and DDL (TOI) on the other nodes a moment after the node that ran them answered: a
 * connection opened on another node just then may not know a new account or grant yet, and pools spread over the
 * nodes (issue 27). A causal read (`wsrep_sync_wait`) on every reachable node returns once that node has applied
 * everything committed before it; called after the account set-up, before a pool connects as those accounts.
 */
export async function awaitAppliedEverywhere(serverUrl: string): Promise<void> {
  const target = parseServerUrl(serverUrl);
  if (target.hosts.length < 2) return;
  await Promise.all(
    target.hosts.map(async (h) => {
      if (isDown(h)) return;
      const c = await mysql.createConnection(serverOptions(serverUrl, h)).catch(() => null);
      if (!c) return;
      let t: NodeJS.Timeout | undefined;
      try {
        const work = (async () => {
          await c.query('SET SESSION wsrep_sync_wait = 1');
          await c.query('SELECT COUNT(*) FROM mysql.global_priv');
        })().catch(() => undefined);
        // A node that stops answering here is the probe's business, not a reason to hang the start.
        await Promise.race([work, new Promise((r) => (t = setTimeout(r, dbTimeouts().queryMs || 30_000)))]);
      } finally {
        clearTimeout(t);
        c.destroy();
      }
    }),
  );
}

const quoteIdent = (name: string) => {
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`bad database name ${name}`);
  return `\`${name}\``;
};

/** Create the database if missing; on a cluster, known to every node before a pool (on any node) opens it. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  await withServerConnection(serverUrl, (c) => c.query(`CREATE DATABASE IF NOT EXISTS ${quoteIdent(name)} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`));
  await awaitAppliedEverywhere(serverUrl);
}

export const dropDatabase = (serverUrl: string, name: string) => withServerConnection(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`));

export function connectDb<S extends Record<string, unknown>>(
  serverUrl: string,
  database: string,
  schema: S,
  opts: { connectionLimit?: number; queryTimeoutMs?: number } = {},
): Db<S> {
  const pool = guardedPool(serverUrl, database, opts.connectionLimit ?? 10, opts.queryTimeoutMs ?? dbTimeouts().queryMs);
  const stats: Db<S>['stats'] = { statements: 0 };
  const orm = drizzle(pool, {
    schema,
    mode: 'default',
    logger: {
      logQuery: (sql, params) => {
        stats.statements++;
        stats.capture?.push({ sql, params });
      },
    },
  });
  return { orm, pool, stats, close: () => pool.end() };
}

/** Errors of opening a connection (nothing was sent on it). */
const CONNECT_ERRORS = new Set(['ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'PROTOCOL_CONNECTION_LOST']);

interface CoreConnection {
  stream: net.Socket;
  config: { host?: string; port?: number };
  query: (...args: unknown[]) => { once(ev: 'end', fn: () => void): unknown };
  execute: (...args: unknown[]) => { once(ev: 'end', fn: () => void): unknown };
  on(ev: 'error', fn: () => void): unknown;
}
type AcquireCb = ((err: Error | null, conn?: { release(): void }) => void) & { guarded?: boolean };
interface CorePool {
  getConnection(cb: AcquireCb): void;
  on(ev: 'connection', fn: (c: CoreConnection) => void): unknown;
}

/**
 * A pool with the timeouts of issue 27: connections open within connectMs, a statement that has not finished within
 * queryMs cuts its connection (the statement fails with PROTOCOL_SEQUENCE_TIMEOUT → UPSTREAM_UNAVAILABLE; mysql2's
 * own query timeout would leave the connection busy behind the unanswered statement), a request waits at most
 * acquireMs for a pooled connection. With several hosts, the nodes are probed and connections to a node that goes
 * down are cut (kernel/db-health.ts).
 */
function guardedPool(serverUrl: string, database: string, connectionLimit: number, queryMs: number): mysql.Pool {
  const target = parseServerUrl(serverUrl);
  // trace off: mysql2 otherwise captures a stack trace for every query, in case it fails (2 % of the busy CPU of powers
  // and of cases under load, issue 28); a failed statement is still logged with its code and message.
  const pool = mysql.createPool({ ...serverOptions(serverUrl, undefined, poolOffset()), database, connectionLimit, trace: false });
  const core = (pool as unknown as { pool: CorePool }).pool;
  core.on('connection', (conn) => {
    const h = socketHost.get(conn.stream) ?? { host: conn.config.host ?? '127.0.0.1', port: conn.config.port ?? 3306 };
    track(h, conn);
    if (queryMs > 0) {
      for (const method of ['query', 'execute'] as const) {
        const original = conn[method].bind(conn);
        conn[method] = (...args: unknown[]) => {
          const cmd = original(...args);
          const t = setTimeout(() => {
            conn.stream.destroy(Object.assign(new Error(`Query inactivity timeout (${queryMs} ms)`), { code: 'PROTOCOL_SEQUENCE_TIMEOUT', fatal: true }));
          }, queryMs);
          t.unref();
          // (A connection that failed first may never emit 'end': the timer then cuts what is already closed.)
          cmd.once('end', () => clearTimeout(t));
          return cmd;
        };
      }
    }
  });
  const acquireMs = dbTimeouts().acquireMs;
  const getConnection = core.getConnection.bind(core);
  // A new connection that could not be opened (refused, no greeting) sent nothing: with several hosts it is tried on
  // the next one (the failed host is marked down when its socket closes), so a dead first choice costs no request.
  const retriesLeft = target.hosts.length - 1;
  core.getConnection = (cb: AcquireCb) => {
    // mysql2 hands a queued request back to getConnection when a connection was removed: one timer per request.
    if (cb.guarded) return getConnection(cb);
    let settled = false;
    const t =
      acquireMs > 0
        ? setTimeout(() => {
            settled = true;
            cb(Object.assign(new Error(`等待数据库连接超时 (no pooled connection within ${acquireMs} ms)`), { code: 'POOL_ACQUIRE_TIMEOUT' }));
          }, acquireMs)
        : undefined;
    t?.unref();
    let left = retriesLeft;
    const guarded: AcquireCb = (err, conn) => {
      if (settled) return conn?.release();
      if (err && left > 0 && CONNECT_ERRORS.has((err as { code?: string }).code ?? '')) {
        left--;
        // After the failed socket's 'close' (which marks its host down).
        setTimeout(() => getConnection(guarded), 20);
        return;
      }
      settled = true;
      clearTimeout(t);
      cb(err, conn);
    };
    guarded.guarded = true;
    getConnection(guarded);
  };
  if (target.hosts.length > 1) {
    const ssl = databaseTls();
    const unwatch = watchHosts(target.hosts, target.user, target.password, ssl ? { ssl } : {});
    const end = pool.end.bind(pool);
    pool.end = () => {
      unwatch();
      return end();
    };
  }
  return pool;
}

/**
 * Create the database if missing and apply the committed drizzle-kit migrations — under the database's migration
 * lease (`withMigrationLease`) unless the caller already holds it.
 */
export async function prepareDatabase<S extends Record<string, unknown>>(
  serverUrl: string,
  database: string,
  schema: S,
  migrationsFolder: string,
  opts: { leaseHeld?: boolean } = {},
): Promise<Db<S>> {
  await ensureDatabase(serverUrl, database);
  // No statement timeout for migrations: DDL on a large table may rightly take long.
  const db = connectDb(serverUrl, database, schema, { queryTimeoutMs: 0 });
  try {
    if (opts.leaseHeld) await migrate(db.orm, { migrationsFolder });
    else await withMigrationLease(serverUrl, database, () => migrate(db.orm, { migrationsFolder }));
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}

const MIGRATION_LEASE = 'migrate';
const MIGRATION_TTL_MS = 60_000;

/**
 * Replicas started together on a fresh (or older) database (issue 27): one migrates, the others wait for it and
 * then find nothing left to do. The lock is a lease row in the database's own lease table (kernel/lease.ts), a
 * compare-and-set on a replicated row — not GET_LOCK, which Galera does not replicate (each node would grant it).
 * The holder renews while it works; one that dies mid-way is waited for at most the ttl (60 s).
 */
export async function withMigrationLease<T>(serverUrl: string, database: string, fn: () => Promise<T>): Promise<T> {
  const pool = connectDb(serverUrl, database, {}, { connectionLimit: 2 }).pool;
  const holder = newHolderId();
  try {
    for (let waited = 0; ; waited++) {
      // The table and row may be created by several replicas at once: a certification conflict is just another round.
      const got = await ensureTable(pool, MIGRATION_LEASE)
        .then(() => acquireLease(pool, MIGRATION_LEASE, holder, MIGRATION_TTL_MS))
        .catch((err: unknown) => {
          if (isRetryableTransactionError(err) || (err as { code?: string }).code === 'ER_DUP_ENTRY') return null;
          throw err;
        });
      if (got !== null) break;
      await new Promise((r) => setTimeout(r, Math.min(1000, 50 * (waited + 1))));
    }
    const renew = setInterval(() => void acquireLease(pool, MIGRATION_LEASE, holder, MIGRATION_TTL_MS).catch(() => undefined), MIGRATION_TTL_MS / 6);
    try {
      return await fn();
    } finally {
      clearInterval(renew);
      await releaseLease(pool, MIGRATION_LEASE, holder).catch(() => undefined);
    }
  } finally {
    await pool.end();
  }
}

// Transactions re-run on deadlocks, Galera certification failures and lock wait timeouts: one module.
export { isRetryableLockError, isRetryableTransactionError, retryingTransaction } from './tx-retry.js';

/** A duplicate key on the named unique index (e.g. a concurrent retry with the same idempotency key). */
export function isDuplicateKeyOn(err: unknown, indexName: string): boolean {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
    const { code, message } = e as { code?: string; message?: string };
    if (code === 'ER_DUP_ENTRY') return (message ?? '').includes(`'${indexName}'`) || (message ?? '').includes(`.${indexName}'`);
  }
  return false;
}

export async function isReachable(pool: mysql.Pool): Promise<boolean> {
  try {
    await pool.query('SELECT 1');
    return true;
  } catch {
    return false;
  }
}
