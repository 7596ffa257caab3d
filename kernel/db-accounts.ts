import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { createOnce } from './files.js';
import { readSecret } from './secrets.js';
import { SERVICE_ORDER, type Config, type ServiceName } from './config.js';
import { awaitAppliedEverywhere, connectDb, ensureDatabase, prepareDatabase, withMigrationLease, withServerConnection, type Db } from './db.js';
import { ensureLeaseTable, LEASE_TABLE } from './lease.js';

/**
 * Least privilege (issue 12): every grant the project makes, in one place, and the one way every subgraph opens
 * its database (`openLeastPrivilegeDb`).
 *
 * - DATABASE_URL is only the bootstrap account (root with an empty password on a fresh demo machine): it creates
 *   the databases and the accounts below, and grants.
 * - The admin (migration) account `DB_ADMIN_USER` (default `<DB_PREFIX>_admin`) owns the subgraph databases
 *   (ALL on them): it runs the migrations, including the append-only triggers, and creates the lease table.
 * - One service account per subgraph, `DB_<NAME>_SERVICE_USER` (default `<DB_PREFIX>_<name>_svc`; for cases
 *   `DB_SERVICE_USER` is still read), with privileges on its own database only, per table:
 *   - cases: SELECT and INSERT on the record log and its checkpoints and nothing more (no UPDATE, DELETE, DROP,
 *     ALTER, TRIGGER — so no TRUNCATE and no dropping the triggers), SELECT/INSERT/UPDATE on the chain heads (an
 *     append moves them);
 *   - reviews: no DELETE on `review_rounds` (a round is never removed; recording the opinion is an UPDATE that
 *     the opinion-final trigger allows once, so UPDATE stays);
 *   - every service: SELECT only on `__drizzle_migrations`, SELECT/INSERT/UPDATE on the lease table; SELECT/
 *     INSERT/UPDATE/DELETE on the other (workflow) tables. Never DROP, ALTER, CREATE, INDEX, TRIGGER.
 *
 * Why one account per subgraph rather than one shared service account: `grantService` converges the account on
 * exactly the table below at every start (takes away any other privilege, adds what is missing, without a moment of
 * none for replicas already running on it). A shared account would need one table for every database, and a
 * compromised powers process could write the record log; separate accounts confine each process to its own database.
 *
 * Passwords: DB_ADMIN_PASSWORD / DB_<NAME>_SERVICE_PASSWORD (cases: also DB_SERVICE_PASSWORD), else generated once
 * into `<key dir>/db-account-<user>.secret`. A start creates an absent account and never changes a password;
 * `npm run db:accounts` is the explicit step (and `-- --rotate` the only thing that sets passwords). DB_ACCOUNTS=off keeps the old behaviour (everything as DATABASE_URL),
 * e.g. on a server where the bootstrap account may not create users.
 */

export interface DbAccount {
  user: string;
  password: string;
}

/** The key-directory file holding an account's generated password. */
export const secretFile = (keyDir: string, user: string) => join(keyDir, `db-account-${user}.secret`);

export interface DbAccounts {
  admin: DbAccount;
  /** The account each subgraph's running service connects as. */
  services: Record<ServiceName, DbAccount>;
}

/** Privileges of a service account on one table; undefined: the defaults (see `servicePrivilegesFor`). */
export type PrivilegesFor = (table: string) => readonly string[] | undefined;

const CRUD = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'] as const;

/** Log tables (kernel/records, cases and reviews): append-only for the service account. */
export const APPEND_ONLY_TABLES = ['record_entries', 'record_checkpoints'] as const;
/** cases: the chain heads move on every append (and are MAC-protected). */
const HEAD_TABLES = ['record_chain_heads'] as const;

/** The shared record log (kernel/records), in whichever database keeps one: append-only entries and checkpoints, moving heads. */
export const logPrivilegesFor: PrivilegesFor = (table) => {
  if ((APPEND_ONLY_TABLES as readonly string[]).includes(table)) return ['SELECT', 'INSERT'];
  if ((HEAD_TABLES as readonly string[]).includes(table)) return ['SELECT', 'INSERT', 'UPDATE'];
  return undefined;
};

export const casesPrivilegesFor: PrivilegesFor = logPrivilegesFor;

/**
 * reviews: `review_rounds` is trigger-protected (no DELETE; no UPDATE once the opinion is recorded). The service
 * inserts rounds and records the opinion by one conditional UPDATE (repo.updateRound), never deletes: no DELETE.
 * `legal_reviews` is the workflow row (state, version): CRUD.
 */
export const reviewsPrivilegesFor: PrivilegesFor = (table) => (table === 'review_rounds' ? ['SELECT', 'INSERT', 'UPDATE'] : logPrivilegesFor(table));

/** Per table: exactly the privileges a service account gets (`specific` first, then the shared defaults). */
export function servicePrivilegesFor(table: string, specific: PrivilegesFor = casesPrivilegesFor): string[] {
  if (table === '__drizzle_migrations') return ['SELECT'];
  if (table === LEASE_TABLE) return ['SELECT', 'INSERT', 'UPDATE'];
  return [...(specific(table) ?? CRUD)];
}

export const dbAccountsEnabled = (env: NodeJS.ProcessEnv = process.env) => env.DB_ACCOUNTS !== 'off';

const USER_RE = /^[A-Za-z0-9_]{1,80}$/;

function account(env: NodeJS.ProcessEnv, keyDir: string, userVars: string[], passwordVars: string[], fallbackUser: string): DbAccount {
  const userVar = userVars.find((v) => env[v]);
  const user = (userVar && env[userVar]) || fallbackUser;
  if (!USER_RE.test(user)) throw new Error(`${userVar ?? userVars[0]}=${user} 只能包含字母、数字和下划线，最长 80 个字符`);
  // NAME or NAME_FILE (kernel/secrets.ts), in the order given.
  const given = passwordVars.map((v) => readSecret(v, env)).find(Boolean);
  const password = given || createOnce(secretFile(keyDir, user), () => randomBytes(18).toString('base64url')).trim();
  return { user, password };
}

type AccountConfig = { dbPrefix: string; keyDir: string };

export const adminAccount = (config: AccountConfig, env: NodeJS.ProcessEnv = process.env): DbAccount =>
  account(env, config.keyDir, ['DB_ADMIN_USER'], ['DB_ADMIN_PASSWORD'], `${config.dbPrefix}_admin`);

/** The service account of one subgraph: DB_<NAME>_SERVICE_USER/_PASSWORD (cases also DB_SERVICE_USER/_PASSWORD, issue 12's names). */
export function serviceAccount(config: AccountConfig, service: ServiceName, env: NodeJS.ProcessEnv = process.env): DbAccount {
  const upper = service.toUpperCase();
  const legacy = service === 'cases';
  return account(
    env,
    config.keyDir,
    [`DB_${upper}_SERVICE_USER`, ...(legacy ? ['DB_SERVICE_USER'] : [])],
    [`DB_${upper}_SERVICE_PASSWORD`, ...(legacy ? ['DB_SERVICE_PASSWORD'] : [])],
    `${config.dbPrefix}_${service}_svc`,
  );
}

export function dbAccounts(config: AccountConfig, env: NodeJS.ProcessEnv = process.env): DbAccounts {
  const services = Object.fromEntries(SERVICE_ORDER.map((s) => [s, serviceAccount(config, s, env)])) as Record<ServiceName, DbAccount>;
  return { admin: adminAccount(config, env), services };
}

/** Every account of a deployment (tests drop them). */
export const allAccounts = (a: DbAccounts): DbAccount[] => [a.admin, ...Object.values(a.services)];

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

/** Whether the account set-up may change existing passwords: only the explicit `npm run db:accounts -- --rotate`. */
export interface AccountSetup {
  rotatePasswords?: boolean;
}

/**
 * Create the account when absent. A start never changes an existing account's password (issue 27: on three
 * machines each start would otherwise reset it to that machine's secret, locking the other machines out); only
 * the explicit step does (`npm run db:accounts -- --rotate`, scripts/db-accounts.ts).
 */
async function ensureUser(c: mysql.Connection, a: DbAccount, setup: AccountSetup) {
  await c.query('CREATE USER IF NOT EXISTS ?@? IDENTIFIED BY ?', [a.user, '%', a.password]);
  if (setup.rotatePasswords) await c.query('ALTER USER ?@? IDENTIFIED BY ?', [a.user, '%', a.password]);
}

/** Admin account: ALL on the given databases (created by the bootstrap account beforehand). */
export async function grantAdmin(bootstrapUrl: string, admin: DbAccount, databases: string[], setup: AccountSetup = {}): Promise<void> {
  await withServerConnection(bootstrapUrl, async (c) => {
    await ensureUser(c, admin, setup);
    for (const db of databases) await c.query(`GRANT ALL PRIVILEGES ON ${ident(db)}.* TO ?@?`, [admin.user, '%']);
  });
}

/**
 * Service account on one database, after its migrations: revoke everything, then grant per table exactly
 * `servicePrivilegesFor(table)`. Run at every start, so tables added by a migration get their grants.
 */
export async function grantService(
  bootstrapUrl: string,
  service: DbAccount,
  database: string,
  specific?: PrivilegesFor,
  setup: AccountSetup = {},
): Promise<void> {
  await withServerConnection(bootstrapUrl, async (c) => {
    await ensureUser(c, service, setup);
    // Converge on exactly the wanted grants without a moment of none: replicas of the service (and the seed, which
    // opens the database while the service runs) use this account, and REVOKE ALL followed by GRANT would refuse
    // their statements in between. So: take away what is not wanted, add what is missing, table by table.
    const grantee = `'${service.user}'@'%'`;
    const privs = async (sql: string, params: unknown[]) => ((await c.query(sql, params))[0] as { p: string; t?: string }[]).map((r) => r);
    const global = await privs("SELECT privilege_type AS p FROM information_schema.user_privileges WHERE grantee = ? AND privilege_type <> 'USAGE'", [grantee]);
    if (global.length) await c.query(`REVOKE ${global.map((r) => r.p).join(', ')} ON *.* FROM ?@?`, [service.user, '%']);
    const schema = await privs('SELECT privilege_type AS p FROM information_schema.schema_privileges WHERE grantee = ? AND table_schema = ?', [
      grantee,
      database,
    ]);
    if (schema.length) await c.query(`REVOKE ${schema.map((r) => r.p).join(', ')} ON ${ident(database)}.* FROM ?@?`, [service.user, '%']);
    const held = new Map<string, Set<string>>();
    for (const r of await privs('SELECT table_name AS t, privilege_type AS p FROM information_schema.table_privileges WHERE grantee = ? AND table_schema = ?', [
      grantee,
      database,
    ])) {
      held.set(r.t!, (held.get(r.t!) ?? new Set()).add(r.p));
    }
    const [rows] = await c.query("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE'", [database]);
    const tables = (rows as { name: string }[]).map((r) => r.name);
    for (const name of tables) {
      const want = servicePrivilegesFor(name, specific);
      const has = held.get(name) ?? new Set<string>();
      const extra = [...has].filter((p) => !want.includes(p));
      if (extra.length) await c.query(`REVOKE ${extra.join(', ')} ON ${ident(database)}.${ident(name)} FROM ?@?`, [service.user, '%']);
      const missing = want.filter((p) => !has.has(p));
      if (missing.length) await c.query(`GRANT ${missing.join(', ')} ON ${ident(database)}.${ident(name)} TO ?@?`, [service.user, '%']);
    }
    // Grants left on tables that no longer exist.
    for (const [name, has] of held) {
      if (!tables.includes(name)) await c.query(`REVOKE ${[...has].join(', ')} ON ${ident(database)}.${ident(name)} FROM ?@?`, [service.user, '%']);
    }
  });
}

/** Tests: drop the accounts a run created (by exact name). */
export async function dropAccounts(bootstrapUrl: string, accounts: DbAccount[]): Promise<void> {
  await withServerConnection(bootstrapUrl, async (c) => {
    for (const a of accounts) await c.query('DROP USER IF EXISTS ?@?', [a.user, '%']);
  });
}

/**
 * Drops a throwaway prefix's accounts (the admin and every service account named `<prefix>_…`) and their secrets in
 * the key directory: whatever creates a prefix's databases for a run (tests, `npm run bench`, the cluster suite)
 * drops them with its databases (issue 29). Accounts configured by name (DB_ADMIN_USER, <SERVICE>_DB_USER) that do
 * not carry the prefix are never dropped: they belong to a deployment.
 */
export async function dropPrefixAccounts(bootstrapUrl: string, config: AccountConfig, env: NodeJS.ProcessEnv = process.env): Promise<DbAccount[]> {
  const own = allAccounts(dbAccounts(config, env)).filter((a) => a.user.startsWith(`${config.dbPrefix}_`));
  await dropAccounts(bootstrapUrl, own);
  for (const a of own) rmSync(secretFile(config.keyDir, a.user), { force: true });
  return own;
}

/**
 * Open a subgraph's database, least privilege (used by every `open*Db`): the bootstrap account (DATABASE_URL)
 * creates the database and the accounts, the admin account migrates (and creates the lease table when the
 * service runs singleton jobs: the service may not CREATE), then the service account gets exactly its per-table
 * grants and the returned pool connects as it. The URL keeps every host of a cluster URL (`urlAs`).
 * DB_ACCOUNTS=off: everything as DATABASE_URL.
 */
export async function openLeastPrivilegeDb<S extends Record<string, unknown>>(
  config: Pick<Config, 'databaseUrl' | 'databaseName' | 'dbPrefix' | 'keyDir'>,
  opts: { service: ServiceName; schema: S; migrations: string; privilegesFor?: PrivilegesFor; leases?: boolean } & AccountSetup,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Db<S>> {
  const name = config.databaseName(opts.service);
  if (!dbAccountsEnabled(env)) {
    const db = await prepareDatabase(config.databaseUrl, name, opts.schema, opts.migrations);
    if (opts.leases) await ensureLeaseTable(db.pool);
    return db;
  }
  const admin = adminAccount(config, env);
  const service = serviceAccount(config, opts.service, env);
  await ensureDatabase(config.databaseUrl, name);
  // Accounts, migrations and grants by one replica at a time (replicas started together: issue 27).
  await withMigrationLease(config.databaseUrl, name, async () => {
    await grantAdmin(config.databaseUrl, admin, [name], opts);
    // Pools spread over the nodes: the admin's pool may open on a node that has not applied the grant yet.
    await awaitAppliedEverywhere(config.databaseUrl);
    const adminDb = await prepareDatabase(urlAs(config.databaseUrl, admin), name, opts.schema, opts.migrations, { leaseHeld: true });
    try {
      if (opts.leases) await ensureLeaseTable(adminDb.pool);
    } finally {
      await adminDb.close();
    }
    await grantService(config.databaseUrl, service, name, opts.privilegesFor, opts);
  });
  await awaitAppliedEverywhere(config.databaseUrl);
  return connectDb(urlAs(config.databaseUrl, service), name, opts.schema);
}
