import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mysql from 'mysql2/promise';
import { clientErrorFor } from '../../kernel/errors.js';
import { dbAccounts } from '../../kernel/db-accounts.js';
import { retryingTransaction } from '../../kernel/tx-retry.js';
import { startTestSystem, type TestSystem } from '../helpers/system.js';

// Issue 27, point 2: every database-unavailable condition reaches the client as UPSTREAM_UNAVAILABLE with the
// reason in Chinese — Galera's 1047/1180/1205 once the transaction retries ran out, and conditions met outside a
// transaction (fileCase's idempotency-key read is its first database access): a locked service account, a
// privilege taken away. The real database refuses here; the system runs in-process.

const FILE = `mutation($input: FileCaseInput!) { fileCase(input: $input) { id caseNumber } }`;
let sys: TestSystem;
let root: mysql.Connection;

beforeAll(async () => {
  sys = await startTestSystem();
  root = await mysql.createConnection({ uri: sys.config.databaseUrl.split(',')[0] });
});
afterAll(async () => {
  await root?.end();
  await sys?.stop();
});

const input = (key: string) => ({
  agencyId: sys.agencyId('midong-cgj'),
  caseType: 'PENALTY',
  procedure: 'GENERAL',
  powerItemCode: '650109-CF-0001',
  party: { kind: 'NATURAL_PERSON', name: '李四', residentIdNumber: '11010519491231002X', address: '米东区某街道' },
  officerIds: [sys.officerId('officer-sun'), sys.officerId('officer-abdurahman')],
  source: { kind: 'COMPLAINT' },
  factsSummary: '在禁止区域内露天烧烤食品。',
  idempotencyKey: key,
});

/** The cases pool's open connections are gone (as after a node restart): the next request connects anew. */
async function dropConnectionsOf(user: string) {
  const [rows] = await root.query<mysql.RowDataPacket[]>('SELECT id FROM information_schema.PROCESSLIST WHERE user = ?', [user]);
  for (const r of rows) await root.query(`KILL CONNECTION ${Number(r.id)}`).catch(() => undefined);
}

describe('clear refusals when the database is unavailable', () => {
  it('a locked service account: UPSTREAM_UNAVAILABLE with the reason in Chinese, then works again when unlocked', async () => {
    const tok = await sys.token('OFFICER', 'midong-cgj', 'officer-sun');
    const user = dbAccounts(sys.config).services.cases.user;
    await root.query(`ALTER USER ?@'%' ACCOUNT LOCK`, [user]);
    try {
      await dropConnectionsOf(user);
      let res = await sys.gql(FILE, { input: input('locked-1') }, tok);
      // A killed pooled connection may answer first with "connection lost": also a clear refusal; then the lock.
      for (let i = 0; i < 5 && !res.errors?.[0]?.message.includes('锁定'); i++) res = await sys.gql(FILE, { input: input('locked-1') }, tok);
      expect(res.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
      expect(res.errors?.[0]?.message).toMatch(/账户已被锁定/);
    } finally {
      await root.query(`ALTER USER ?@'%' ACCOUNT UNLOCK`, [user]);
    }
    const ok = await sys.gql(FILE, { input: input('locked-2') }, tok);
    expect(ok.errors).toBeUndefined();
  });

  it('a privilege taken away (access denied on the idempotency read): UPSTREAM_UNAVAILABLE, not INTERNAL_SERVER_ERROR', async () => {
    const tok = await sys.token('OFFICER', 'midong-cgj', 'officer-sun');
    const user = dbAccounts(sys.config).services.cases.user;
    const dbName = sys.config.databaseName('cases');
    await root.query(`REVOKE SELECT ON \`${dbName}\`.\`cases\` FROM ?@'%'`, [user]);
    try {
      await dropConnectionsOf(user);
      let res = await sys.gql(FILE, { input: input('denied-1') }, tok);
      for (let i = 0; i < 5 && !res.errors?.[0]?.message.includes('权限'); i++) res = await sys.gql(FILE, { input: input('denied-1') }, tok);
      expect(res.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
      expect(res.errors?.[0]?.message).toMatch(/拒绝了服务账户的访问/);
    } finally {
      await root.query(`GRANT SELECT ON \`${dbName}\`.\`cases\` TO ?@'%'`, [user]);
    }
  });

  it('Galera 1047 / 1180 / 1205 that outlive the transaction retries, and read-only, map to UPSTREAM_UNAVAILABLE in Chinese', async () => {
    const galera = [
      { errno: 1047, code: 'ER_UNKNOWN_COM_ERROR', message: 'WSREP has not yet prepared node for application use', want: /主组件|尚未就绪/ },
      { errno: 1180, code: 'ER_ERROR_DURING_COMMIT', message: 'Got error 6 "No such device or address" during COMMIT', want: /提交失败/ },
      { errno: 1205, code: 'ER_LOCK_WAIT_TIMEOUT', message: 'Lock wait timeout exceeded; try restarting transaction', want: /锁等待超时/ },
      { errno: 1290, code: 'ER_OPTION_PREVENTS_STATEMENT', message: 'The MariaDB server is running with the --read-only option', want: /只读/ },
    ];
    for (const g of galera) {
      let attempts = 0;
      const err = await retryingTransaction(
        () => {
          attempts++;
          throw Object.assign(new Error(g.message), { errno: g.errno, code: g.code, sqlMessage: g.message });
        },
        { attempts: 3, initialDelayMs: 1, maxDelayMs: 2 },
      ).catch((e: unknown) => e);
      // Drizzle wraps the driver's error: the mapping looks through the chain.
      const mapped = clientErrorFor(new Error('Failed query: …', { cause: err }), 'cases');
      expect(mapped?.extensions, String(g.errno)).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', serviceName: 'cases' });
      expect(mapped?.message).toMatch(g.want);
      if (g.errno !== 1290) expect(attempts).toBe(3);
    }
    // A bug stays a bug: a TypeError mentioning "read only" is not a database condition.
    expect(clientErrorFor(new TypeError("Cannot assign to read only property 'x' of object"))).toBeNull();
  });
});
