import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { afterAll, describe, expect, it } from 'vitest';
import { openCasesDb } from '../../subgraphs/cases/service.js';
import { loadConfig } from '../../subgraphs/shared/config.js';
import { dbAccounts, dropAccounts, servicePrivilegesFor, urlAs } from '../../subgraphs/shared/db-accounts.js';
import { dropDatabase, type Db } from '../../subgraphs/shared/db.js';

// Least privilege (issue 12): the cases service account can append to the record log and nothing more.

const prefix = `${process.env.SANXIANG_TEST_PREFIX}_acct_${randomBytes(3).toString('hex')}`;
const config = loadConfig({ ...process.env, DB_PREFIX: prefix });
const accounts = dbAccounts(config);
const dbName = config.databaseName('cases');
let db: Db<Record<string, unknown>> | null = null;

afterAll(async () => {
  await db?.close();
  await dropDatabase(config.databaseUrl, dbName);
  await dropAccounts(config.databaseUrl, [accounts.admin, accounts.service]);
});

async function connectAs(a: { user: string; password: string }) {
  const u = new URL(urlAs(config.databaseUrl, a));
  return mysql.createConnection({ host: u.hostname, port: Number(u.port || 3306), user: a.user, password: a.password, database: dbName });
}

describe('database accounts', () => {
  it('the grants table: append-only log tables, moving heads, workflow tables', () => {
    expect(servicePrivilegesFor('record_entries')).toEqual(['SELECT', 'INSERT']);
    expect(servicePrivilegesFor('record_checkpoints')).toEqual(['SELECT', 'INSERT']);
    expect(servicePrivilegesFor('record_chain_heads')).toEqual(['SELECT', 'INSERT', 'UPDATE']);
    expect(servicePrivilegesFor('cases')).toEqual(['SELECT', 'INSERT', 'UPDATE', 'DELETE']);
  });

  it('openCasesDb migrates as the admin account and connects as the service account, which may not TRUNCATE, DROP TRIGGER, UPDATE or DELETE the log', async () => {
    db = await openCasesDb(config);
    const [[who]] = (await db.pool.query('SELECT CURRENT_USER() AS u')) as unknown as [{ u: string }[]];
    expect(who!.u).toBe(`${accounts.service.user}@%`);
    const svc = await connectAs(accounts.service);
    try {
      await svc.query(
        "INSERT INTO record_entries (id, case_id, case_seq, global_seq, kind, stage, payload, actor, recorded_at, prev_case_hash, prev_global_hash, hash) VALUES ('01ACCT0000000000000000000A', '01ACCT0000000000000000000C', 1, 1, 'EVENT', 'FILING', '{}', 'o', NOW(3), REPEAT('0', 64), REPEAT('0', 64), REPEAT('a', 64))",
      );
      const [rows] = await svc.query('SELECT COUNT(*) AS n FROM record_entries');
      expect(Number((rows as { n: number }[])[0]!.n)).toBe(1);
      await expect(svc.query('TRUNCATE TABLE record_entries')).rejects.toMatchObject({ code: 'ER_TABLEACCESS_DENIED_ERROR' });
      await expect(svc.query('DROP TRIGGER record_entries_no_delete')).rejects.toMatchObject({ code: expect.stringMatching(/DENIED/) });
      await expect(svc.query("UPDATE record_entries SET actor = 'x'")).rejects.toMatchObject({ code: 'ER_TABLEACCESS_DENIED_ERROR' });
      await expect(svc.query('DELETE FROM record_entries')).rejects.toMatchObject({ code: 'ER_TABLEACCESS_DENIED_ERROR' });
      await expect(svc.query("UPDATE record_checkpoints SET key_id = 'x'")).rejects.toMatchObject({ code: 'ER_TABLEACCESS_DENIED_ERROR' });
      await expect(svc.query('DELETE FROM record_chain_heads')).rejects.toMatchObject({ code: 'ER_TABLEACCESS_DENIED_ERROR' });
      await expect(svc.query('DROP TABLE record_entries')).rejects.toMatchObject({ code: 'ER_TABLEACCESS_DENIED_ERROR' });
      await expect(svc.query('ALTER TABLE record_entries ADD COLUMN x INT')).rejects.toMatchObject({ code: 'ER_TABLEACCESS_DENIED_ERROR' });
      await expect(svc.query('CREATE TABLE x (a INT)')).rejects.toMatchObject({ code: expect.stringMatching(/DENIED/) });
      // The workflow tables are the service's to change.
      await svc.query("UPDATE cases SET state = state WHERE id = 'none'");
    } finally {
      await svc.end();
    }
    // The admin account owns the schema (migrations, triggers): it can drop a trigger (and is not what services use).
    const admin = await connectAs(accounts.admin);
    try {
      await admin.query('DROP TRIGGER record_entries_no_update');
    } finally {
      await admin.end();
    }
    // A second start (grants re-applied) works with the same accounts.
    const again = await openCasesDb(config);
    await again.close();
  });
});
