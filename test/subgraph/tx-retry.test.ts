import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { connectDb, dropDatabase, ensureDatabase, parseServerUrl } from '../../kernel/db.js';
import { doNotRetry, isRetryableTransactionError, retryingTransaction, txRetryStats } from '../../kernel/tx-retry.js';

// Transactions re-run on deadlocks (1213, also Galera's certification failure), lock wait timeouts and
// WSREP not-ready errors (issue 16): a real deadlock between two connections on the real database.

const url = process.env.DATABASE_URL || 'mysql://root@127.0.0.1:3306';
const name = `${process.env.SANXIANG_TEST_PREFIX}_txretry_${randomBytes(3).toString('hex')}`;
await ensureDatabase(url, name);
const db = connectDb(url, name, {});

afterAll(async () => {
  await db.close();
  await dropDatabase(url, name);
});

describe('retryingTransaction', () => {
  it('re-runs the deadlock victim whole: both transactions commit, each exactly once', async () => {
    await db.pool.query('CREATE TABLE t (id INT PRIMARY KEY, v INT NOT NULL)');
    await db.pool.query('INSERT INTO t VALUES (1, 0), (2, 0)');
    // Each first attempt holds its first row lock until both do.
    const arrived = new Set<string>();
    let release!: () => void;
    const bothHold = new Promise<void>((resolve) => (release = resolve));
    const arrive = (who: string) => {
      arrived.add(who);
      if (arrived.size === 2) release();
    };
    const attempts = { A: 0, B: 0 };
    const errors: unknown[] = [];
    // A locks row 1 then row 2; B locks row 2 then row 1: on the first attempt InnoDB must pick a victim.
    const run = (who: 'A' | 'B', first: number, second: number, add: number) =>
      retryingTransaction(async () => {
        const attempt = ++attempts[who];
        const c = await db.pool.getConnection();
        try {
          await c.query('BEGIN');
          await c.query('UPDATE t SET v = v + ? WHERE id = ?', [add, first]);
          if (attempt === 1) {
            arrive(who);
            await bothHold;
          }
          await c.query('UPDATE t SET v = v + ? WHERE id = ?', [add, second]);
          await c.query('COMMIT');
        } catch (err) {
          errors.push(err);
          await c.query('ROLLBACK').catch(() => undefined);
          throw err;
        } finally {
          c.release();
        }
      });
    const before = txRetryStats.retries;
    await Promise.all([run('A', 1, 2, 1), run('B', 2, 1, 10)]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ errno: 1213, code: 'ER_LOCK_DEADLOCK' });
    expect(attempts.A + attempts.B).toBe(3); // the victim ran twice, the other once
    expect(txRetryStats.retries - before).toBe(1);
    const [rows] = await db.pool.query<any[]>('SELECT id, v FROM t ORDER BY id');
    expect(rows.map((r) => r.v)).toEqual([11, 11]); // both committed exactly once
  });

  it('does not re-run other errors, nor a transaction marked as having acted outside the database', async () => {
    let runs = 0;
    await expect(
      retryingTransaction(async () => {
        runs++;
        await db.pool.query('INSERT INTO t VALUES (1, 0)'); // duplicate key
      }),
    ).rejects.toMatchObject({ code: 'ER_DUP_ENTRY' });
    expect(runs).toBe(1);
    runs = 0;
    const deadlock = Object.assign(new Error('Deadlock found'), { errno: 1213, code: 'ER_LOCK_DEADLOCK' });
    await expect(
      retryingTransaction(async () => {
        runs++;
        throw doNotRetry(deadlock);
      }),
    ).rejects.toBe(deadlock);
    expect(runs).toBe(1);
  });

  it('gives up after the bounded number of attempts', async () => {
    let runs = 0;
    await expect(
      retryingTransaction(
        async () => {
          runs++;
          throw Object.assign(new Error('Lock wait timeout exceeded'), { errno: 1205, code: 'ER_LOCK_WAIT_TIMEOUT' });
        },
        { attempts: 4, initialDelayMs: 5, maxDelayMs: 20 },
      ),
    ).rejects.toMatchObject({ errno: 1205 });
    expect(runs).toBe(4); // and no more: bounded (the run's duration depends on the machine, not asserted)
  });

  it('knows which errors a re-run can cure (also inside drizzle’s wrapping cause)', () => {
    expect(isRetryableTransactionError({ errno: 1047, code: 'ER_UNKNOWN_COM_ERROR' })).toBe(true); // WSREP not ready
    expect(isRetryableTransactionError(new Error('Failed query', { cause: { errno: 1213 } }))).toBe(true);
    expect(isRetryableTransactionError({ errno: 1062, code: 'ER_DUP_ENTRY' })).toBe(false);
    expect(isRetryableTransactionError({ code: 'PROTOCOL_CONNECTION_LOST' })).toBe(false); // a COMMIT may have happened
  });

  it('parses a DATABASE_URL that lists the nodes of a cluster', () => {
    expect(parseServerUrl('mysql://app:s%40cret@10.0.0.1:3307,10.0.0.2,db3:3309/ignored')).toEqual({
      user: 'app',
      password: 's@cret',
      hosts: [
        { host: '10.0.0.1', port: 3307 },
        { host: '10.0.0.2', port: 3306 },
        { host: 'db3', port: 3309 },
      ],
    });
    expect(parseServerUrl('mysql://root@127.0.0.1:3306').hosts).toEqual([{ host: '127.0.0.1', port: 3306 }]);
  });
});
