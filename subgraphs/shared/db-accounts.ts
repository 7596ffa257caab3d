import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { createOnce } from './files.js';
import { withServerConnection } from './db.js';

/**
 * Least privilege (issue 12): every grant the project makes, in one place.
 *
 * - DATABASE_URL is only the bootstrap account (root with an empty password on a fresh demo machine): it creates
 *   the databases and the two accounts below, and grants.
 * - The admin (migration) account `DB_ADMIN_USER` (default `<DB_PREFIX>_admin`) owns the subgraph databases
 *   (ALL on them): it runs the migrations, including the append-only triggers.
 * - The service account `DB_SERVICE_USER` (default `<DB_PREFIX>_svc`) is what the running `cases` subgraph
 *   connects as: SELECT and INSERT on the record log and its checkpoints and nothing more (no UPDATE, DELETE,
 *   DROP, ALTER, TRIGGER — so no TRUNCATE and no dropping the triggers), SELECT/INSERT/UPDATE on the chain heads
 *   (an append moves them), and SELECT/INSERT/UPDATE/DELETE on the workflow tables. No other privilege.
 *
 * Passwords: DB_ADMIN_PASSWORD / DB_SERVICE_PASSWORD, else generated once into `<key dir>/db-account-<user>.secret`.
 * DB_ACCOUNTS=off keeps the old behaviour (everything as DATABASE_URL), e.g. on a server where the bootstrap
 * account may not create users. Scope today: the `cases` subgraph (the record log); the other subgraphs still
 * connect as DATABASE_URL.
 */

export interface DbAccount {
  user: string;
  password: string;
}

export interface DbAccounts {
  admin: DbAccount;
  service: DbAccount;
}

/** Log tables: append-only for the service account. */
export const APPEND_ONLY_TABLES = ['record_entries', 'record_checkpoints'] as const;
/** The chain heads move on every append (and are MAC-protected). */
const HEAD_TABLES = ['record_chain_heads'] as const;
/** Read-only for the service account. */
const READ_ONLY_TABLES = ['__drizzle_migrations'] as const;

/** Per table of the cases database: exactly the privileges the service account gets. */
export function servicePrivilegesFor(table: string): string[] {
  if ((APPEND_ONLY_TABLES as readonly string[]).includes(table)) return ['SELECT', 'INSERT'];
  if ((HEAD_TABLES as readonly string[]).includes(table)) return ['SELECT', 'INSERT', 'UPDATE'];
  if ((READ_ONLY_TABLES as readonly string[]).includes(table)) return ['SELECT'];
  return ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];
}

export const dbAccountsEnabled = (env: NodeJS.ProcessEnv = process.env) => env.DB_ACCOUNTS !== 'off';

const USER_RE = /^[A-Za-z0-9_]{1,80}$/;

function account(env: NodeJS.ProcessEnv, keyDir: string, userVar: string, passwordVar: string, fallbackUser: string): DbAccount {
  const user = env[userVar] || fallbackUser;
  if (!USER_RE.test(user)) throw new Error(`${userVar}=${user} 只能包含字母、数字和下划线，最长 80 个字符`);
  const password = env[passwordVar] || createOnce(join(keyDir, `db-account-${user}.secret`), () => randomBytes(18).toString('base64url')).trim();
  return { user, password };
}

export function dbAccounts(config: { dbPrefix: string; keyDir: string }, env: NodeJS.ProcessEnv = process.env): DbAccounts {
  return {
    admin: account(env, config.keyDir, 'DB_ADMIN_USER', 'DB_ADMIN_PASSWORD', `${config.dbPrefix}_admin`),
    service: account(env, config.keyDir, 'DB_SERVICE_USER', 'DB_SERVICE_PASSWORD', `${config.dbPrefix}_svc`),
  };
}

/** The bootstrap server URL with another account's credentials (also a cluster URL listing several hosts). */
export function urlAs(serverUrl: string, a: DbAccount): string {
  const m = /^mysql:\/\/(?:[^@/]*@)?(.*)$/.exec(serverUrl);
  if (!m) throw new Error('DATABASE_URL 格式不正确 (expected mysql://user:password@host:port[,host:port…])');
  return `mysql://${encodeURIComponent(a.user)}:${encodeURIComponent(a.password)}@${m[1]!.replace(/\/$/, '')}`;
}

const ident = (name: string) => {
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`bad identifier ${name}`);
  return `\`${name}\``;
};

async function ensureUser(c: mysql.Connection, a: DbAccount) {
  await c.query('CREATE USER IF NOT EXISTS ?@? IDENTIFIED BY ?', [a.user, '%', a.password]);
  await c.query('ALTER USER ?@? IDENTIFIED BY ?', [a.user, '%', a.password]);
}

/** Admin account: ALL on the given databases (created by the bootstrap account beforehand). */
export async function grantAdmin(bootstrapUrl: string, admin: DbAccount, databases: string[]): Promise<void> {
  await withServerConnection(bootstrapUrl, async (c) => {
    await ensureUser(c, admin);
    for (const db of databases) await c.query(`GRANT ALL PRIVILEGES ON ${ident(db)}.* TO ?@?`, [admin.user, '%']);
  });
}

/**
 * Service account on one database, after its migrations: revoke everything, then grant per table exactly
 * `servicePrivilegesFor(table)`. Run at every start, so tables added by a migration get their grants.
 */
export async function grantService(bootstrapUrl: string, service: DbAccount, database: string): Promise<void> {
  await withServerConnection(bootstrapUrl, async (c) => {
    await ensureUser(c, service);
    await c.query('REVOKE ALL PRIVILEGES, GRANT OPTION FROM ?@?', [service.user, '%']);
    const [rows] = await c.query("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE'", [database]);
    for (const { name } of rows as { name: string }[]) {
      await c.query(`GRANT ${servicePrivilegesFor(name).join(', ')} ON ${ident(database)}.${ident(name)} TO ?@?`, [service.user, '%']);
    }
  });
}

/** Tests: drop the accounts a run created (by exact name). */
export async function dropAccounts(bootstrapUrl: string, accounts: DbAccount[]): Promise<void> {
  await withServerConnection(bootstrapUrl, async (c) => {
    for (const a of accounts) await c.query('DROP USER IF EXISTS ?@?', [a.user, '%']);
  });
}
