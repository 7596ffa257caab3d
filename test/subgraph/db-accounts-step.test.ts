import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { afterAll, describe, expect, it } from 'vitest';
import { openCasesDb } from '../../subgraphs/cases/service.js';
import { loadConfig, SERVICE_ORDER } from '../../kernel/config.js';
import { dbAccounts, dropPrefixAccounts, secretFile, urlAs } from '../../kernel/db-accounts.js';
import { dropDatabase } from '../../kernel/db.js';

// Issue 27, point 5: `npm run db:accounts` is the explicit step that creates the least-privilege accounts and, with
// --rotate, the only thing that changes their passwords. A start never changes an existing account's password
// (on three machines a start with its own secret would lock the others out).

const prefix = `${process.env.SANXIANG_TEST_PREFIX}_dbacct_${randomBytes(3).toString('hex')}`;
const keyDir = mkdtempSync(join(tmpdir(), 'sanxiang-dbacct-keys-'));
const env = { ...process.env, DB_PREFIX: prefix, SANXIANG_KEY_DIR: keyDir };
const config = loadConfig(env);
const cases = () => dbAccounts(config, env).services.cases;

afterAll(async () => {
  for (const s of SERVICE_ORDER) await dropDatabase(config.databaseUrl, config.databaseName(s));
  await dropPrefixAccounts(config.databaseUrl, config, env);
  rmSync(keyDir, { recursive: true, force: true });
});

const step = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/db-accounts.ts', ...args], { env, encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
};

/** Can the account log in with this password? */
async function logsIn(user: string, password: string): Promise<boolean> {
  const u = new URL(urlAs(config.databaseUrl, { user, password }));
  const c = await mysql.createConnection({ host: u.hostname, port: Number(u.port || 3306), user, password }).catch(() => null);
  await c?.end();
  return c !== null;
}

async function setPasswordElsewhere(user: string, password: string) {
  const u = new URL(config.databaseUrl.split(',')[0]!);
  const root = await mysql.createConnection({ host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username || 'root') });
  try {
    await root.query('ALTER USER ?@? IDENTIFIED BY ?', [user, '%', password]);
  } finally {
    await root.end();
  }
}

describe('npm run db:accounts', () => {
  // Three runs of the step, each migrating four databases: a generous hang guard for a loaded machine.
  it(
    'creates the accounts; a start and a plain run leave another machine’s password alone; --rotate sets the configured one',
    { timeout: 600_000 },
    async () => {
      const first = step();
      expect(first.status, first.out).toBe(0);
      for (const s of SERVICE_ORDER) expect(first.out).toContain(`${prefix}_${s}_svc`);
      const svc = cases();
      expect(await logsIn(svc.user, svc.password)).toBe(true);

      // Another machine set the password (its own secret). A start here, and the step without --rotate, keep it.
      await setPasswordElsewhere(svc.user, 'set-on-another-machine');
      const db = await openCasesDb(config);
      await db.close();
      expect(step().status).toBe(0);
      expect(await logsIn(svc.user, 'set-on-another-machine')).toBe(true);
      expect(await logsIn(svc.user, svc.password)).toBe(false);

      // The explicit rotation sets every account to the configured secret.
      const rotated = step('--rotate');
      expect(rotated.status, rotated.out).toBe(0);
      expect(await logsIn(svc.user, svc.password)).toBe(true);
      expect(await logsIn(svc.user, 'set-on-another-machine')).toBe(false);
    },
  );

  it('--rotate --new-secrets writes new secrets into the key directory and sets them', async () => {
    const before = cases();
    const r = step('--rotate', '--new-secrets');
    expect(r.status, r.out).toBe(0);
    const after = readFileSync(secretFile(keyDir, before.user), 'utf8').trim();
    expect(after).not.toBe(before.password);
    expect(await logsIn(before.user, after)).toBe(true);
    expect(await logsIn(before.user, before.password)).toBe(false);
  });

  it('refuses --new-secrets without --rotate (it would leave the secrets and the database apart)', () => {
    expect(step('--new-secrets').status).toBe(2);
  });
});
