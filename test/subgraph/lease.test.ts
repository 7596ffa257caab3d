import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { connectDb, dropDatabase, ensureDatabase, type Db } from '../../kernel/db.js';
import { acquireLease, leaseTimingFromEnv, readLeaseHolder, runAsSingleton, tryAcquireLease, type SingletonJob } from '../../kernel/lease.js';
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

/**
 * Wait for a condition. The bound is only there so a broken lease fails instead of hanging; it is generous
 * (a loaded machine may be many times slower than a quiet one) and never the property under test.
 */
async function until(cond: () => boolean, ms = 30_000) {
  const end = performance.now() + ms;
  while (!cond()) {
    if (performance.now() > end) return false;
    await sleep(10);
  }
  return true;
}

/** One tenure of the job on one replica, from the job's own start/stop callbacks (one process, one monotonic clock). */
interface Tenure {
  holder: string;
  token: number;
  startedAt: number;
  stoppedAt: number | null;
}

/**
 * The properties a lease must keep however slow the machine is: tenures never overlap (one stops before the
 * next starts), and the fencing token never goes back and moves whenever the job changes hands.
 */
function expectMutualExclusion(tenures: readonly Tenure[]) {
  const byStart = [...tenures].sort((a, b) => a.startedAt - b.startedAt);
  for (let i = 1; i < byStart.length; i++) {
    const [prev, next] = [byStart[i - 1]!, byStart[i]!];
    const what = `${prev.holder}#${prev.token} then ${next.holder}#${next.token}`;
    expect(prev.stoppedAt, `${what}: the earlier tenure ended`).not.toBeNull();
    expect(prev.stoppedAt!, `${what}: no overlap`).toBeLessThanOrEqual(next.startedAt);
    expect(next.token, `${what}: fencing token never goes back`).toBeGreaterThanOrEqual(prev.token);
    if (next.holder !== prev.holder) expect(next.token, `${what}: fencing token moves with the lease`).toBeGreaterThan(prev.token);
  }
}

/** A "replica": its job records its tenures in the shared list and whether it is running now. */
async function replica(shared: Db<Record<string, never>>, holderId: string, timing: { ttlMs: number; renewMs: number }, tenures: Tenure[]) {
  const db = await ownPool(shared);
  const state = { running: false, starts: 0, stops: 0, overlaps: 0 };
  const job: SingletonJob = runAsSingleton({ pool: db.pool, lease: 'test-job', log, holderId, ...timing }, ({ token }) => {
    if (tenures.some((t) => t.stoppedAt === null)) state.overlaps++;
    const tenure: Tenure = { holder: holderId, token, startedAt: performance.now(), stoppedAt: null };
    tenures.push(tenure);
    state.running = true;
    state.starts++;
    return async () => {
      tenure.stoppedAt = performance.now();
      state.running = false;
      state.stops++;
    };
  });
  /** A crash as far as the database can tell: the connection is gone, renewals stop, nothing is released. */
  const crash = async () => {
    poolsClosed.add(db);
    await db.close();
  };
  return { job, state, crash, holderId };
}

const tokenOf = async (db: Db<Record<string, never>>, lease: string) =>
  Number((await db.pool.query<any[]>('SELECT token FROM sanxiang_leases WHERE name = ?', [lease]))[0][0].token);

describe('database lease (compare-and-set with expiry)', () => {
  it('one compare-and-set: the first holder gets it, the second not while it lasts, the holder renews; expired, it passes on with the next token', async () => {
    const db = await freshDb();
    const a = runAsSingleton({ pool: db.pool, lease: 'cas', log, holderId: 'warmup', ttlMs: 200, renewMs: 50 }, () => async () => undefined);
    await a.stop(); // creates the table and row, then releases
    // A minute-long lease: no scheduler delay on a loaded machine lets it lapse between these statements.
    const first = await acquireLease(db.pool, 'cas', 'A', 60_000);
    expect(first).toBe(await tokenOf(db, 'cas'));
    expect(await tryAcquireLease(db.pool, 'cas', 'B', 60_000)).toBe(false);
    expect(await acquireLease(db.pool, 'cas', 'A', 60_000)).toBe(first); // a renewal keeps the token
    expect(await readLeaseHolder(db.pool, 'cas')).toMatchObject({ holder: 'A', token: first });
    // A renews for 1 ms: after any wait longer than that, the lease has expired (database time) and B may take it.
    expect(await tryAcquireLease(db.pool, 'cas', 'A', 1)).toBe(true);
    await sleep(20);
    expect(await readLeaseHolder(db.pool, 'cas')).toBeNull();
    expect(await acquireLease(db.pool, 'cas', 'B', 60_000)).toBe(first! + 1); // the fencing token moves when the lease changes hands
    expect(await tokenOf(db, 'cas')).toBe(first! + 1);
    expect(await tryAcquireLease(db.pool, 'cas', 'A', 60_000)).toBe(false);
  });

  it('two replicas: never both run the job; after the holder dies the other takes over, after the dead one stopped, with a higher token', async () => {
    const db = await freshDb();
    const tenures: Tenure[] = [];
    // Short lease and renewals so the takeover comes quickly; on a loaded machine a late renewal may make the
    // holder give the job up and take it again (more tenures): allowed, as long as tenures never overlap.
    const timing = { ttlMs: 600, renewMs: 100 };
    const r1 = await replica(db, 'replica-1', timing, tenures);
    const r2 = await replica(db, 'replica-2', timing, tenures);
    let bothRunning = 0;
    const sampler = setInterval(() => void (r1.state.running && r2.state.running && bothRunning++), 5);
    try {
      expect(await until(() => r1.state.running || r2.state.running)).toBe(true);
      await sleep(500); // several renewals

      // Crash the replica that runs the job at this instant (it may have changed hands on a loaded machine).
      expect(await until(() => r1.job.isHolder() || r2.job.isHolder())).toBe(true);
      const [holder, other] = r1.job.isHolder() ? [r1, r2] : [r2, r1];
      const crashedAt = performance.now();
      const holderToken = tenures.at(-1)!.token;
      expect(tenures.at(-1)!.holder).toBe(holder.holderId);
      await holder.crash();

      // The cut-off holder gives its job up on its own (no renewal for 80% of the ttl); the other takes over.
      const takenOver = () => tenures.some((t) => t.holder === other.holderId && t.startedAt > crashedAt);
      expect(await until(takenOver)).toBe(true);
      expect(holder.state.running).toBe(false);
      const takeover = tenures.find((t) => t.holder === other.holderId && t.startedAt > crashedAt)!;
      expect(takeover.token).toBeGreaterThan(holderToken);
      expect((await other.job.currentHolder())?.holder).toBe(other.holderId);
      await holder.job.stop();
      await other.job.stop();
      expect(await other.job.currentHolder()).toBeNull(); // released on stop

      expect(bothRunning).toBe(0);
      expect(r1.state.overlaps + r2.state.overlaps).toBe(0);
      expectMutualExclusion(tenures);
      expect(tenures.every((t) => t.stoppedAt !== null)).toBe(true);
      expect(lines.some((l) => l.msg === 'lease acquired: this replica runs the singleton job' && l.holder === other.holderId)).toBe(true);
    } finally {
      clearInterval(sampler);
    }
  }, 120_000);

  it('a clean stop releases the lease: the other replica starts long before the lease would have expired', async () => {
    const db = await freshDb();
    const tenures: Tenure[] = [];
    // A lease far longer than any wait below: the other can only start early because the lease was released.
    const timing = { ttlMs: 120_000, renewMs: 100 };
    const r1 = await replica(db, 'clean-1', timing, tenures);
    expect(await until(() => r1.state.running)).toBe(true);
    const r2 = await replica(db, 'clean-2', timing, tenures);
    await sleep(300); // r2 tries a few times meanwhile
    expect(r2.state.starts).toBe(0);
    const stoppedAt = performance.now();
    await r1.job.stop();
    expect(await until(() => r2.state.running, 60_000)).toBe(true); // half the ttl: released, not expired
    expect(performance.now() - stoppedAt).toBeLessThan(timing.ttlMs);
    await r2.job.stop();
    expectMutualExclusion(tenures);
    expect(tenures.map((t) => t.holder)).toEqual(['clean-1', 'clean-2']);
  }, 120_000);

  it('gives the job up while a renewal hangs on a stalled database, before the lease can pass to another replica', async () => {
    const db = await freshDb();
    const tenures: Tenure[] = [];
    const timing = { ttlMs: 15_000, renewMs: 100 };
    const r = await replica(db, 'hang-1', timing, tenures);
    expect(await until(() => r.state.running)).toBe(true);
    // Someone holds the lease row: the holder's next renewal waits for the lock (as commits wait while Galera evicts a node).
    const blocker = await db.pool.getConnection();
    try {
      await blocker.query('BEGIN');
      await blocker.query("SELECT * FROM sanxiang_leases WHERE name = 'test-job' FOR UPDATE");
      // Without the watchdog the job would run on until the lock is released: the bound (beyond the ttl) fails then.
      expect(await until(() => !r.state.running, 60_000)).toBe(true);
      // The job stopped while the lease, in the database's time, was still this holder's: nobody could have taken
      // it over yet (a plain read does not wait for the lock). The watchdog's 20% margin is 3 s here.
      const [[row]] = await db.pool.query<any[]>("SELECT holder, expires_at > NOW(6) AS live FROM sanxiang_leases WHERE name = 'test-job'");
      expect(row).toMatchObject({ holder: 'hang-1', live: 1 });
      await blocker.query('ROLLBACK');
    } finally {
      blocker.release();
    }
    expect(await until(() => r.state.running)).toBe(true); // the hung renewal went through: the job runs again
    await r.job.stop();
    expectMutualExclusion(tenures);
  }, 120_000);

  it('rejects a renew interval longer than half the lease', () => {
    expect(() => leaseTimingFromEnv({ LEASE_TTL_MS: '1000', LEASE_RENEW_MS: '800' })).toThrow(/续约间隔/);
    expect(leaseTimingFromEnv({})).toEqual({ ttlMs: 10_000, renewMs: 3_000 });
  });
});
