import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, SERVICE_ORDER } from '../../kernel/config.js';
import { allAccounts, dbAccounts, dropAccounts, urlAs } from '../../kernel/db-accounts.js';
import { dropDatabase, withServerConnection, type Db } from '../../kernel/db.js';
import { openCasesDb } from '../../subgraphs/cases/service.js';
import { openInspectionsDb } from '../../subgraphs/inspections/service.js';

// Issue 27, points 3 and 5: replicas started at the same instant on a fresh prefix all start (one migrates under
// the database's migration lease, the others wait and find nothing to do), and a start never changes an existing
// account's password (another machine's replicas use it).

const prefix = `${process.env.SANXIANG_TEST_PREFIX}_tog_${randomBytes(3).toString('hex')}`;
const config = loadConfig({ ...process.env, DB_PREFIX: prefix });
const accounts = dbAccounts(config);
const opened: Db<Record<string, unknown>>[] = [];

afterAll(async () => {
  for (const d of opened) await d.close();
  for (const s of SERVICE_ORDER) await dropDatabase(config.databaseUrl, config.databaseName(s));
  await dropAccounts(config.databaseUrl, allAccounts(accounts));
});

describe('replicas started together on a fresh prefix', () => {
  it('all start: migrations run once, under a lease, no ER_DUP_FIELDNAME / ER_TABLE_EXISTS_ERROR', async () => {
    const starts = [openCasesDb, openCasesDb, openCasesDb, openInspectionsDb, openInspectionsDb, openInspectionsDb].map((open) => open(config));
    const results = await Promise.allSettled(starts);
    for (const r of results) if (r.status === 'fulfilled') opened.push(r.value as Db<Record<string, unknown>>);
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    const [rows] = await withServerConnection(config.databaseUrl, (c) =>
      c.query<mysql.RowDataPacket[]>(`SELECT COUNT(*) AS n FROM \`${config.databaseName('cases')}\`.__drizzle_migrations`),
    );
    const files = (await import('node:fs')).readdirSync(new URL('../../subgraphs/cases/migrations', import.meta.url)).filter((f) => f.endsWith('.sql'));
    expect(Number(rows[0]!.n)).toBe(files.length); // each migration recorded once
  });

  it("a start does not change an existing account's password", async () => {
    const svc = accounts.services.cases;
    // Another machine's start created the account with its own secret: ours (the key dir's) must not overwrite it.
    await withServerConnection(config.databaseUrl, (c) => c.query(`ALTER USER ?@'%' IDENTIFIED BY 'other-machines-secret'`, [svc.user]));
    await openCasesDb(config)
      .then((d) => opened.push(d as Db<Record<string, unknown>>))
      .catch(() => undefined); // our own service login fails: that is for the operator to sort out (npm run db:accounts)
    const u = new URL(urlAs(config.databaseUrl, { user: svc.user, password: 'other-machines-secret' }));
    const c = await mysql.createConnection({ host: u.hostname, port: Number(u.port || 3306), user: svc.user, password: 'other-machines-secret' });
    await c.end();
  });
});
