import net from 'node:net';
import mysql from 'mysql2/promise';
import { drizzle, type MySql2Database } from 'drizzle-orm/mysql2';
import { migrate } from 'drizzle-orm/mysql2/migrator';
import { acquireLease, ensureTable, newHolderId, releaseLease } from './lease.js';
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

// Hosts of a cluster that refused a connection recently are tried last for a while: a dead node costs one
// failed connection per pool, not one per request. Infrastructure timing (process uptime), not business time.
const HOST_DOWN_MS = 5000;
const downUntil = new Map<string, number>();
const hostKey = (h: { host: string; port: number }) => `${h.host}:${h.port}`;
const markDown = (h: { host: string; port: number }) => void downUntil.set(hostKey(h), performance.now() + HOST_DOWN_MS);

/** The hosts in the order to try now: as listed, those that failed recently last. */
export function hostsInOrder(target: ServerTarget): { host: string; port: number }[] {
  const now = performance.now();
  const up = target.hosts.filter((h) => (downUntil.get(hostKey(h)) ?? 0) <= now);
  return [...up, ...target.hosts.filter((h) => !up.includes(h))];
}

/**
 * Connection options. With several hosts each new connection goes to the first host in `hostsInOrder`
 * (mysql2's `stream` factory); a host that refuses is marked down, so the next connection fails over.
 */
function serverOptions(serverUrl: string, host?: { host: string; port: number }): mysql.ConnectionOptions {
  const target = parseServerUrl(serverUrl);
  // DATABASE_TLS_CA (+ _CERT/_KEY): TLS to every host, the server's certificate verified (kernel/tls.ts).
  const ssl = databaseTls();
  const base = { user: target.user, password: target.password, ...POOL_DEFAULTS, ...(ssl ? { ssl } : {}) };
  if (host) return { ...base, host: host.host, port: host.port };
  if (target.hosts.length === 1) return { ...base, host: target.hosts[0]!.host, port: target.hosts[0]!.port };
  return {
    ...base,
    host: target.hosts[0]!.host,
    port: target.hosts[0]!.port,
    stream: () => {
      const h = hostsInOrder(target)[0]!;
      const socket = net.connect(h.port, h.host);
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
      conn = await mysql.createConnection({ ...serverOptions(serverUrl, host), connectTimeout: 5000 });
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

const quoteIdent = (name: string) => {
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`bad database name ${name}`);
  return `\`${name}\``;
};

export const ensureDatabase = (serverUrl: string, name: string) =>
  withServerConnection(serverUrl, (c) => c.query(`CREATE DATABASE IF NOT EXISTS ${quoteIdent(name)} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`));

export const dropDatabase = (serverUrl: string, name: string) => withServerConnection(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`));

export function connectDb<S extends Record<string, unknown>>(serverUrl: string, database: string, schema: S): Db<S> {
  // trace off: mysql2 otherwise captures a stack trace for every query, in case it fails (2 % of the busy CPU of powers
  // and of cases under load, issue 28); a failed statement is still logged with its code and message.
  const pool = mysql.createPool({ ...serverOptions(serverUrl), database, connectionLimit: 10, connectTimeout: 5000, trace: false });
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
  const db = connectDb(serverUrl, database, schema);
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
  const pool = mysql.createPool({ ...serverOptions(serverUrl), database, connectionLimit: 2, connectTimeout: 5000 });
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
