import mysql from 'mysql2/promise';
import { drizzle, type MySql2Database } from 'drizzle-orm/mysql2';
import { migrate } from 'drizzle-orm/mysql2/migrator';

export interface Db<S extends Record<string, unknown>> {
  orm: MySql2Database<S>;
  pool: mysql.Pool;
  /** Statements issued through drizzle since start: tests use it to check the shape of cost. */
  stats: { statements: number };
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

function serverOptions(serverUrl: string): mysql.ConnectionOptions {
  const u = new URL(serverUrl);
  return {
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username || 'root'),
    password: decodeURIComponent(u.password || ''),
    ...POOL_DEFAULTS,
  };
}

export async function withServerConnection<T>(serverUrl: string, fn: (c: mysql.Connection) => Promise<T>): Promise<T> {
  let conn: mysql.Connection;
  try {
    conn = await mysql.createConnection({ ...serverOptions(serverUrl), connectTimeout: 5000 });
  } catch (err) {
    throw new DatabaseUnavailableError(serverUrl, err);
  }
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
  const pool = mysql.createPool({ ...serverOptions(serverUrl), database, connectionLimit: 10, connectTimeout: 5000 });
  const stats = { statements: 0 };
  const orm = drizzle(pool, {
    schema,
    mode: 'default',
    logger: { logQuery: () => void stats.statements++ },
  });
  return { orm, pool, stats, close: () => pool.end() };
}

/** Create the database if missing and apply the committed drizzle-kit migrations. */
export async function prepareDatabase<S extends Record<string, unknown>>(
  serverUrl: string,
  database: string,
  schema: S,
  migrationsFolder: string,
): Promise<Db<S>> {
  await ensureDatabase(serverUrl, database);
  const db = connectDb(serverUrl, database, schema);
  await migrate(db.orm, { migrationsFolder });
  return db;
}

/** A duplicate key on the named unique index (e.g. a concurrent retry with the same idempotency key). */
export function isDuplicateKeyOn(err: unknown, indexName: string): boolean {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
    const { code, message } = e as { code?: string; message?: string };
    if (code === 'ER_DUP_ENTRY') return (message ?? '').includes(`'${indexName}'`) || (message ?? '').includes(`.${indexName}'`);
  }
  return false;
}

/** InnoDB chose this transaction as a deadlock victim (or timed out on a lock): it was rolled back whole. */
export function isRetryableLockError(err: unknown): boolean {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: string }).code;
    if (code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT') return true;
  }
  return false;
}

/**
 * Run a transaction, retrying it from the start when InnoDB rolled it back for a deadlock. Only for
 * transactions whose callback does nothing but database work (no calls to other services).
 */
export async function retryingTransaction<T>(run: () => Promise<T>, attempts = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await run();
    } catch (err) {
      if (i >= attempts || !isRetryableLockError(err)) throw err;
      await new Promise((r) => setTimeout(r, 5 * i + Math.random() * 20));
    }
  }
}

export async function isReachable(pool: mysql.Pool): Promise<boolean> {
  try {
    await pool.query('SELECT 1');
    return true;
  } catch {
    return false;
  }
}
