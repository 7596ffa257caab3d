import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { afterAll, describe, expect, it } from 'vitest';
import { openCasesDb } from '../../subgraphs/cases/service.js';
import { openInspectionsDb } from '../../subgraphs/inspections/service.js';
import { openPowersDb } from '../../subgraphs/powers/service.js';
import { openReviewsDb } from '../../subgraphs/reviews/service.js';
import { loadConfig, SERVICE_ORDER, type ServiceName } from '../../kernel/config.js';
import { allAccounts, dbAccounts, dropAccounts, dropPrefixAccounts, reviewsPrivilegesFor, servicePrivilegesFor, urlAs } from '../../kernel/db-accounts.js';
import { dropDatabase, type Db } from '../../kernel/db.js';

// Least privilege (issue 12): each subgraph connects as its own service account; the cases one can append to the
// record log and nothing more; none may change the schema.

const prefix = `${process.env.SANXIANG_TEST_PREFIX}_acct_${randomBytes(3).toString('hex')}`;
const config = loadConfig({ ...process.env, DB_PREFIX: prefix });
const accounts = dbAccounts(config);
const dbName = config.databaseName('cases');
let db: Db<Record<string, unknown>> | null = null;
const others: Db<Record<string, unknown>>[] = [];

afterAll(async () => {
  await db?.close();
  for (const o of others) await o.close();
  for (const s of SERVICE_ORDER) await dropDatabase(config.databaseUrl, config.databaseName(s));
  await dropAccounts(config.databaseUrl, allAccounts(accounts));
});

async function connectAs(a: { user: string; password: string }, database = dbName) {
  const u = new URL(urlAs(config.databaseUrl, a));
  return mysql.createConnection({ host: u.hostname, port: Number(u.port || 3306), user: a.user, password: a.password, database });
}

const DENIED = { code: expect.stringMatching(/DENIED/) };

describe('database accounts', () => {
  it('a throwaway prefix’s accounts and their secrets go with it; a deployment’s named account never does', async () => {
    const throwaway = loadConfig({ ...process.env, DB_PREFIX: `${prefix}_x` });
    const named = `deploy_${randomBytes(3).toString('hex')}`;
    const env = { ...process.env, DB_ADMIN_USER: named, DB_ADMIN_PASSWORD: 'not-a-file' };
    const all = allAccounts(dbAccounts(throwaway, env));
    const root = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root' });
    try {
      for (const a of all) await root.query('CREATE USER IF NOT EXISTS ?@? IDENTIFIED BY ?', [a.user, '%', a.password]);
      const secrets = all.filter((a) => a.user !== named).map((a) => join(throwaway.keyDir, `db-account-${a.user}.secret`));
      expect(secrets.length).toBe(all.length - 1);
      for (const f of secrets) expect(existsSync(f)).toBe(true);
      const dropped = await dropPrefixAccounts(throwaway.databaseUrl, throwaway, env);
      expect(dropped.map((a) => a.user).sort()).toEqual(
        all
          .filter((a) => a.user !== named)
          .map((a) => a.user)
          .sort(),
      );
      const [rows] = await root.query('SELECT User AS user FROM mysql.user WHERE User LIKE ? OR User = ?', [`${throwaway.dbPrefix}\\_%`, named]);
      expect((rows as { user: string }[]).map((r) => r.user)).toEqual([named]);
      for (const f of secrets) expect(existsSync(f)).toBe(false);
    } finally {
      await root.query('DROP USER IF EXISTS ?@?', [named, '%']);
      await root.end();
    }
  });

  it('the grants table: append-only log tables, moving heads, workflow tables', () => {
    expect(servicePrivilegesFor('record_entries')).toEqual(['SELECT', 'INSERT']);
    expect(servicePrivilegesFor('record_checkpoints')).toEqual(['SELECT', 'INSERT']);
    expect(servicePrivilegesFor('record_chain_heads')).toEqual(['SELECT', 'INSERT', 'UPDATE']);
    expect(servicePrivilegesFor('cases')).toEqual(['SELECT', 'INSERT', 'UPDATE', 'DELETE']);
    expect(servicePrivilegesFor('__drizzle_migrations')).toEqual(['SELECT']);
    expect(servicePrivilegesFor('sanxiang_leases')).toEqual(['SELECT', 'INSERT', 'UPDATE']);
    expect(servicePrivilegesFor('review_rounds', reviewsPrivilegesFor)).toEqual(['SELECT', 'INSERT', 'UPDATE']);
    expect(servicePrivilegesFor('legal_reviews', reviewsPrivilegesFor)).toEqual(['SELECT', 'INSERT', 'UPDATE', 'DELETE']);
  });

  it('one service account per subgraph, each with its own name', () => {
    const users = SERVICE_ORDER.map((s) => accounts.services[s].user);
    expect(new Set(users).size).toBe(4);
    expect(users).toEqual(SERVICE_ORDER.map((s) => `${prefix}_${s}_svc`));
    // Issue 12's names for the cases account still work.
    const legacy = dbAccounts(config, { ...process.env, DB_SERVICE_USER: 'legacy_svc', DB_SERVICE_PASSWORD: 'pw' });
    expect(legacy.services.cases).toEqual({ user: 'legacy_svc', password: 'pw' });
    expect(legacy.services.powers.user).toBe(`${prefix}_powers_svc`);
  });

  it('openCasesDb migrates as the admin account and connects as the service account, which may not TRUNCATE, DROP TRIGGER, UPDATE or DELETE the log', async () => {
    db = await openCasesDb(config);
    const [[who]] = (await db.pool.query('SELECT CURRENT_USER() AS u')) as unknown as [{ u: string }[]];
    expect(who!.u).toBe(`${accounts.services.cases.user}@%`);
    const svc = await connectAs(accounts.services.cases);
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

  const openers: Record<Exclude<ServiceName, 'cases'>, (c: typeof config) => Promise<Db<Record<string, unknown>>>> = {
    powers: openPowersDb as never,
    reviews: openReviewsDb as never,
    inspections: openInspectionsDb as never,
  };
  const workflowTable: Record<Exclude<ServiceName, 'cases'>, string> = { powers: 'officers', reviews: 'legal_reviews', inspections: 'inspection_tasks' };

  it.each(['powers', 'reviews', 'inspections'] as const)(
    'open%sDb connects as its own service account, which may not DROP, TRUNCATE, ALTER or CREATE',
    async (service) => {
      const opened = await openers[service](config);
      others.push(opened);
      const [[who]] = (await opened.pool.query('SELECT CURRENT_USER() AS u')) as unknown as [{ u: string }[]];
      expect(who!.u).toBe(`${accounts.services[service].user}@%`);
      const database = config.databaseName(service);
      const svc = await connectAs(accounts.services[service], database);
      try {
        const table = workflowTable[service];
        await svc.query(`SELECT COUNT(*) FROM ${table}`);
        await expect(svc.query(`TRUNCATE TABLE ${table}`)).rejects.toMatchObject(DENIED);
        await expect(svc.query(`DROP TABLE ${table}`)).rejects.toMatchObject(DENIED);
        await expect(svc.query(`ALTER TABLE ${table} ADD COLUMN x INT`)).rejects.toMatchObject(DENIED);
        await expect(svc.query('CREATE TABLE x (a INT)')).rejects.toMatchObject(DENIED);
        await expect(svc.query('UPDATE __drizzle_migrations SET hash = hash')).rejects.toMatchObject(DENIED);
        await expect(svc.query('DELETE FROM __drizzle_migrations')).rejects.toMatchObject(DENIED);
        // Its own database only: another subgraph's database is out of reach.
        await expect(svc.query(`SELECT COUNT(*) FROM \`${config.databaseName('cases')}\`.record_entries`)).rejects.toMatchObject(DENIED);
        if (service === 'reviews') {
          // Review rounds are never deleted (the trigger backs it up): no DELETE, no TRUNCATE, no dropping the triggers.
          await expect(svc.query('DELETE FROM review_rounds')).rejects.toMatchObject(DENIED);
          await expect(svc.query('TRUNCATE TABLE review_rounds')).rejects.toMatchObject(DENIED);
          await expect(svc.query('DROP TRIGGER review_rounds_opinion_final')).rejects.toMatchObject(DENIED);
          await expect(svc.query('DROP TRIGGER review_rounds_no_delete')).rejects.toMatchObject(DENIED);
        }
        if (service === 'powers' || service === 'reviews') {
          // Issue 25: their logs are append-only for the service account (no privilege) and for every account (triggers).
          for (const t of ['record_entries', 'record_checkpoints']) {
            await expect(svc.query(`UPDATE ${t} SET id = id`)).rejects.toMatchObject(DENIED);
            await expect(svc.query(`DELETE FROM ${t}`)).rejects.toMatchObject(DENIED);
            await expect(svc.query(`DROP TRIGGER ${t}_no_delete`)).rejects.toMatchObject(DENIED);
          }
          const admin = await connectAs(accounts.admin, database);
          try {
            await admin.query(
              "INSERT INTO record_entries (id, case_id, case_seq, global_seq, kind, stage, payload, actor, recorded_at, prev_case_hash, prev_global_hash, hash) VALUES ('01ACCT0000000000000000000A', '01ACCT0000000000000000000C', 1, 1, 'EVENT', 'X', '{}', 'o', NOW(3), REPEAT('0', 64), REPEAT('0', 64), REPEAT('a', 64))",
            );
            await admin.query(
              "INSERT INTO record_checkpoints (id, checkpoint_seq, global_seq, head_hash, prev_signature, signed_at, key_id, signature) VALUES ('01ACCT0000000000000000000K', 1, 1, REPEAT('a', 64), '', NOW(3), 'k', 's')",
            );
            for (const t of ['record_entries', 'record_checkpoints']) {
              await expect(admin.query(`UPDATE ${t} SET id = id`)).rejects.toThrow(/append-only/);
              await expect(admin.query(`DELETE FROM ${t}`)).rejects.toThrow(/append-only/);
            }
          } finally {
            await admin.end();
          }
        }
        if (service === 'inspections') {
          // The sync lease table was created by the admin account; the service may use it but not remove rows.
          await svc.query(
            "INSERT IGNORE INTO sanxiang_leases (name, holder, token, acquired_at, renewed_at, expires_at) VALUES ('t', '', 0, NOW(6), NOW(6), NOW(6))",
          );
          await svc.query("UPDATE sanxiang_leases SET holder = 'x' WHERE name = 't'");
          await expect(svc.query('DELETE FROM sanxiang_leases')).rejects.toMatchObject(DENIED);
          await expect(svc.query('DROP TABLE sanxiang_leases')).rejects.toMatchObject(DENIED);
        }
      } finally {
        await svc.end();
      }
      // The cases account (and every other) is confined the same way: no access to this database.
      const casesSvc = await connectAs(accounts.services.cases, config.databaseName('cases'));
      try {
        await expect(casesSvc.query(`SELECT COUNT(*) FROM \`${database}\`.__drizzle_migrations`)).rejects.toMatchObject(DENIED);
      } finally {
        await casesSvc.end();
      }
    },
  );
});
