import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { connectDb, dropDatabase, ensureDatabase, type Db } from '../../kernel/db.js';
import { leaseTimingFromEnv, readLeaseHolder, runAsSingleton, tryAcquireLease, type SingletonJob } from '../../kernel/lease.js';
import { createLogger } from '../../kernel/logger.js';

// Singleton work across replicas (issue 16) on the real database: two lease holders, one job running.

const url = process.env.DATABASE_URL || 'mysql://root@127.0.0.1:3306';
const opened: { db: Db<Record<string, never>>; name: string }[] = [];
const lines: Record<string, unknown>[] = [];
const log = createLogger('lease-test', 'info', { write: (l: string) => void lines.push(JSON.parse(l) as Record<string, unknown>) });

afterAll(async () => {
  for (const { db, name } of opened) {
    await db.close();
    await dropDatabase(url, name);
  }
});

async function freshDb() {
  const name = `${process.env.SANXIANG_TEST_PREFIX}_lease_${randomBytes(3).toString('hex')}`;
  await ensureDatabase(url, name);
  const db = connectDb(url, name, {});
  opened.push({ db, name });
  return db;
}

/** Each replica has its own pool, as separate processes would. */
const poolsClosed = new Set<Db<Record<string, never>>>();
async function ownPool(shared: Db<Record<string, never>>) {
  const [[row]] = await shared.pool.query<any[]>('SELECT DATABASE() AS name');
  const db = connectDb(url, row.name as string, {});
  afterAll(async () => {
    if (!poolsClosed.has(db)) await db.close();
  });
  return db;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(cond: () => boolean, ms: number) {
  const end = performance.now() + ms;
  while (!cond()) {
    if (performance.now() > end) return false;
    await sleep(10);
  }
  return true;
}

/** A "replica": its job counts how many times it ran and whether it is running now. */
async function replica(shared: Db<Record<string, never>>, holderId: string, timing = { ttlMs: 600, renewMs: 100 }) {
  const db = await ownPool(shared);
  const state = { running: false, starts: 0, stops: 0, stoppedAt: 0, startedAt: 0 };
  const job: SingletonJob = runAsSingleton({ pool: db.pool, lease: 'test-job', log, holderId, ...timing }, () => {
    state.running = true;
    state.starts++;
    state.startedAt = performance.now();
    return async () => {
      state.running = false;
      state.stops++;
      state.stoppedAt = performance.now();
    };
  });
  /** A crash as far as the database can tell: the connection is gone, renewals stop, nothing is released. */
  const crash = async () => {
    poolsClosed.add(db);
    await db.close();
  };
  return { job, state, crash };
}

describe('database lease (compare-and-set with expiry)', () => {
  it('one compare-and-set: the first holder gets it, the second not until it expires, the holder renews', async () => {
    const db = await freshDb();
    const a = runAsSingleton({ pool: db.pool, lease: 'cas', log, holderId: 'warmup', ttlMs: 200, renewMs: 50 }, () => async () => undefined);
    await a.stop(); // creates the table and row, then releases
    expect(await tryAcquireLease(db.pool, 'cas', 'A', 400)).toBe(true);
    expect(await tryAcquireLease(db.pool, 'cas', 'B', 400)).toBe(false);
    expect(await tryAcquireLease(db.pool, 'cas', 'A', 400)).toBe(true); // renewal
    expect(await readLeaseHolder(db.pool, 'cas')).toMatchObject({ holder: 'A' });
    await sleep(450);
    expect(await readLeaseHolder(db.pool, 'cas')).toBeNull();
    const before = (await db.pool.query<any[]>('SELECT token FROM sanxiang_leases WHERE name = ?', ['cas']))[0][0].token;
    expect(await tryAcquireLease(db.pool, 'cas', 'B', 400)).toBe(true);
    const after = (await db.pool.query<any[]>('SELECT token FROM sanxiang_leases WHERE name = ?', ['cas']))[0][0].token;
    expect(Number(after)).toBe(Number(before) + 1); // the fencing token moves when the lease changes hands
  });

  it('two replicas: exactly one runs the job; after the holder dies the other takes over within ttl + renew', async () => {
    const db = await freshDb();
    const r1 = await replica(db, 'replica-1');
    const r2 = await replica(db, 'replica-2');
    expect(await until(() => r1.state.running || r2.state.running, 2000)).toBe(true);
    // For a while (several renewals) exactly one runs, and the same one.
    for (let i = 0; i < 10; i++) {
      expect(Number(r1.state.running) + Number(r2.state.running)).toBe(1);
      expect(Number(r1.job.isHolder()) + Number(r2.job.isHolder())).toBe(1);
      await sleep(50);
    }
    expect(r1.state.starts + r2.state.starts).toBe(1);
    const [holder, other] = r1.state.running ? [r1, r2] : [r2, r1];
    expect((await holder.job.currentHolder())?.holder).toBe(holder.job.holderId);

    // The holder loses its database: renewals fail, nothing is released; the lease row stays until it expires.
    const died = performance.now();
    await holder.crash();
    expect(await until(() => other.state.running, 600 + 100 + 500)).toBe(true);
    const takeoverMs = performance.now() - died;
    expect(takeoverMs).toBeGreaterThan(300); // not before the lease expired
    expect(takeoverMs).toBeLessThan(600 + 100 + 300); // ttl + one renew interval (+ scheduling slack)
    // The cut-off holder gave its job up on its own (no renewal for 80% of the ttl) before the other started.
    expect(holder.state.running).toBe(false);
    expect(holder.state.stoppedAt).toBeLessThan(other.state.startedAt);
    await holder.job.stop();
    expect((await other.job.currentHolder())?.holder).toBe(other.job.holderId);
    await other.job.stop();
    expect(other.state.stops).toBe(1);
    expect(await other.job.currentHolder()).toBeNull(); // released on stop
    expect(lines.some((l) => l.msg === 'lease acquired: this replica runs the singleton job' && l.holder === other.job.holderId)).toBe(true);
  });

  it('a clean stop releases the lease: the other replica starts within one renew interval', async () => {
    const db = await freshDb();
    const r1 = await replica(db, 'clean-1', { ttlMs: 5000, renewMs: 100 });
    expect(await until(() => r1.state.running, 2000)).toBe(true);
    const r2 = await replica(db, 'clean-2', { ttlMs: 5000, renewMs: 100 });
    await sleep(300);
    expect(r2.state.running).toBe(false);
    const t = performance.now();
    await r1.job.stop();
    expect(await until(() => r2.state.running, 1000)).toBe(true);
    expect(performance.now() - t).toBeLessThan(1000); // far less than the 5 s ttl
    await r2.job.stop();
  });

  it('gives the job up while a renewal hangs on a stalled database, before the lease can pass to another replica', async () => {
    const db = await freshDb();
    const r = await replica(db, 'hang-1', { ttlMs: 2000, renewMs: 100 });
    expect(await until(() => r.state.running, 2000)).toBe(true);
    // Someone holds the lease row: the holder's next renewal waits for the lock (as commits wait while Galera evicts a node).
    const blocker = await db.pool.getConnection();
    await blocker.query('BEGIN');
    await blocker.query("SELECT * FROM sanxiang_leases WHERE name = 'test-job' FOR UPDATE");
    const t = performance.now();
    expect(await until(() => !r.state.running, 3000)).toBe(true);
    // The last renewal was at most one interval before t: the lease lasts until at least t + 1900 ms.
    expect(performance.now() - t).toBeLessThan(1900);
    await blocker.query('ROLLBACK');
    blocker.release();
    expect(await until(() => r.state.running, 3000)).toBe(true); // the hung renewal went through: the job runs again
    await r.job.stop();
  });

  it('rejects a renew interval longer than half the lease', () => {
    expect(() => leaseTimingFromEnv({ LEASE_TTL_MS: '1000', LEASE_RENEW_MS: '800' })).toThrow(/续约间隔/);
    expect(leaseTimingFromEnv({})).toEqual({ ttlMs: 10_000, renewMs: 3_000 });
  });
});
