import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type mysql from 'mysql2/promise';
import { sql, type SQL } from 'drizzle-orm';
import type { Logger } from './logger.js';
import type { ServiceMetrics } from './metrics.js';

// Singleton work across replicas (issue 16): the record-log checkpoint signer and the inspection sync run in
// exactly one replica at a time, the one holding a lease row in the service's database.
//
// - Compare-and-set with expiry: one UPDATE takes the lease when it is free, expired, or already ours, and
//   extends it; `affectedRows` (mysql2 reports rows matched) says whether we hold it. GET_LOCK is not used:
//   Galera does not replicate it, so every node would grant it. Under Galera two replicas taking an expired
//   lease on different nodes conflict on the same row: one commit wins, the other fails certification (1213)
//   and simply is not the holder this round.
// - Expiry is the database's time (NOW(6)), so replicas' clocks do not matter; the lease's own timing
//   (renew every renewMs; a watchdog gives the job up when no renewal succeeded for 80% of ttlMs, even while a
//   round hangs on a stalled database) uses the process's monotonic clock. Neither is business time: nothing here is stamped on a record.
// - A holder that dies stops renewing; another replica takes over at its first attempt after expiry, so within
//   ttlMs + renewMs + a round's latency (the next round starts renewMs after the previous one finished; each is two
//   replicated statements, hundreds of ms on a loaded machine). A holder that stops cleanly releases the lease: the
//   next holder starts within renewMs. A holder paused inside a fenced transaction is ended by the server after ttlMs
//   idle (`fenceWrite`), so its row lock cannot hold a takeover on its node (issue 27: > 15 s once, 50 s lock waits).
// - The table is the same in every database and owned by this module (created on first use), not by a
//   subgraph's drizzle schema.

export interface LeaseTiming {
  /** How long a lease lasts without renewal (LEASE_TTL_MS, default 10 s). */
  ttlMs: number;
  /** How often the holder renews and the others try to take over (LEASE_RENEW_MS, default 3 s). */
  renewMs: number;
}

export function leaseTimingFromEnv(env: NodeJS.ProcessEnv = process.env): LeaseTiming {
  const ttlMs = Number(env.LEASE_TTL_MS || 10_000);
  const renewMs = Number(env.LEASE_RENEW_MS || 3_000);
  if (!Number.isInteger(ttlMs) || !Number.isInteger(renewMs) || ttlMs <= 0 || renewMs <= 0 || renewMs * 2 > ttlMs) {
    throw new Error(`LEASE_TTL_MS=${ttlMs} / LEASE_RENEW_MS=${renewMs} 无效：续约间隔必须为正整数且不超过租约时长的一半 (renew must be at most half the ttl)`);
  }
  return { ttlMs, renewMs };
}

/** This process's name in the lease table: REPLICA_ID, else host:pid:random (several replicas may share a process in tests). */
export const newHolderId = (env: NodeJS.ProcessEnv = process.env): string =>
  `${env.REPLICA_ID || `${hostname()}:${process.pid}`}:${randomBytes(3).toString('hex')}`;

export const LEASE_TABLE = 'sanxiang_leases';

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS ${LEASE_TABLE} (
  name VARCHAR(64) NOT NULL PRIMARY KEY,
  holder VARCHAR(191) NOT NULL,
  token BIGINT NOT NULL,
  acquired_at DATETIME(6) NOT NULL,
  renewed_at DATETIME(6) NOT NULL,
  expires_at DATETIME(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4`;

export interface LeaseHolderInfo {
  holder: string;
  /** Increases by one each time the lease changes hands (a fencing token). */
  token: number;
  expiresInMs: number;
}

/**
 * What a singleton job was started with (issue 27): the lease it runs under, this replica's holder id and the
 * fencing token the lease had when this replica took it. Every write the job makes calls `fenceWrite` in the same
 * transaction, so a holder that lost the lease while paused (GC, SIGSTOP, a stalled VM) cannot write after another
 * replica took over.
 */
export interface LeaseFence {
  readonly lease: string;
  readonly holderId: string;
  readonly token: number;
  /** The lease's ttl: a fenced transaction left idle this long is ended by the server (see `fenceWrite`). */
  readonly ttlMs?: number;
}

/** The lease moved on (taken over, expired or released) since the job started: its write was refused. */
export class FencedOutError extends Error {
  constructor(fence: LeaseFence) {
    super(`租约 ${fence.lease} 已不再由本副本持有（令牌 ${fence.token}），拒绝写入 (fenced out: lease moved on since token ${fence.token})`);
    this.name = 'FencedOutError';
  }
}

/**
 * Inside the writer's transaction, before its write: touch the lease row, conditioned on holder, token and expiry.
 * Zero rows → the lease moved on → throw (the transaction rolls back, nothing is written). One row → this
 * transaction now holds the lease row's lock until it commits, so a takeover on this node waits for it, and under
 * Galera a takeover committed on another node meanwhile makes this commit fail certification (1213): the write
 * commits only if it was ordered before any takeover. (A real change, `renewed_at`, so the row is in the write set.)
 *
 * That lock is also why a holder paused *inside* this transaction (SIGSTOP, GC, a stalled VM between this UPDATE
 * and its COMMIT) must not keep it: its connection stays open, and a takeover attempt through the same node waits on
 * the row lock for innodb_lock_wait_timeout (50 s), fails with 1205, and waits again — the takeover is blocked for
 * as long as the pause lasts (issue 27: a takeover once took > 15 s). So the transaction tells the server to end it
 * when it stays idle for the lease's ttl (`idle_write_transaction_timeout`, MariaDB): the server kills the paused
 * connection, the transaction rolls back (nothing written), the lock is released and the takeover proceeds at once.
 * The setting stays on the pooled connection: a later write transaction left idle that long on it is ended too
 * (rolled back, UPSTREAM_UNAVAILABLE) — a request never waits seconds between its own statements unless its process
 * is stalled, where ending it is right.
 */
export async function fenceWrite(tx: { execute: (q: SQL) => Promise<unknown> }, fence: LeaseFence): Promise<void> {
  if (fence.ttlMs) await tx.execute(sql.raw(`SET SESSION idle_write_transaction_timeout = ${Math.max(1, Math.ceil(fence.ttlMs / 1000))}`));
  const res = (await tx.execute(
    sql`UPDATE ${sql.raw(LEASE_TABLE)} SET renewed_at = NOW(6) WHERE name = ${fence.lease} AND holder = ${fence.holderId} AND token = ${fence.token} AND expires_at > NOW(6)`,
  )) as unknown;
  const header = (Array.isArray(res) ? res[0] : res) as { affectedRows?: number };
  if (header?.affectedRows !== 1) throw new FencedOutError(fence);
}

/** What the job is told when it starts (main's name for it): the lease's fencing token for this tenure, and whose. */
export type LeaseTenure = LeaseFence;

export const isFencedOut = (err: unknown): boolean => {
  for (let e: unknown = err, d = 0; e && d < 8; e = (e as { cause?: unknown }).cause, d++) if (e instanceof FencedOutError) return true;
  return false;
};

export interface SingletonJob {
  readonly lease: string;
  readonly holderId: string;
  /** This replica holds the lease and runs the job now. */
  isHolder(): boolean;
  /** Who holds the lease according to the database (null: nobody, or it expired). */
  currentHolder(): Promise<LeaseHolderInfo | null>;
  /** Stop the job (waiting for work in progress), stop renewing and release the lease. */
  stop(): Promise<void>;
}

export interface SingletonOptions extends Partial<LeaseTiming> {
  pool: mysql.Pool;
  /** The lease's name, e.g. `record-checkpoints`, `inspection-sync`. */
  lease: string;
  log: Logger;
  holderId?: string;
  /** Told when this replica becomes holder (true) or stops being it (false). */
  onChange?: (held: boolean) => void;
}

const tableReady = new WeakMap<mysql.Pool, Promise<unknown>>();

/** Create the lease table; under least privilege the admin account does this at start (the service may not CREATE). */
export async function ensureLeaseTable(pool: mysql.Pool): Promise<void> {
  await pool.query(CREATE_TABLE);
}

/** The lease table and the lease's row exist (created when missing). */
export async function ensureTable(pool: mysql.Pool, lease: string): Promise<void> {
  let ready = tableReady.get(pool);
  if (!ready) {
    // Only create when missing: a least-privilege service account may use the table but not CREATE it.
    ready = pool.query(`SELECT 1 FROM ${LEASE_TABLE} LIMIT 0`).catch(() => ensureLeaseTable(pool));
    tableReady.set(pool, ready);
    ready.catch(() => tableReady.delete(pool));
  }
  await ready;
  // The row exists once; a concurrent insert on another Galera node may fail certification: the next round retries.
  await pool.query(`INSERT IGNORE INTO ${LEASE_TABLE} (name, holder, token, acquired_at, renewed_at, expires_at) VALUES (?, '', 0, NOW(6), NOW(6), NOW(6))`, [
    lease,
  ]);
}

/** One compare-and-set round: take or extend the lease. True when this holder has it until now + ttl. */
export async function tryAcquireLease(pool: mysql.Pool, lease: string, holderId: string, ttlMs: number): Promise<boolean> {
  return (await acquireLease(pool, lease, holderId, ttlMs)) !== null;
}

/** The same round, answering the fencing token this holder has the lease with (null: not the holder). */
export async function acquireLease(pool: mysql.Pool, lease: string, holderId: string, ttlMs: number): Promise<number | null> {
  // LAST_INSERT_ID(expr) hands the row's new token back in the same statement (the OK packet's insert id).
  const [res] = await pool.query<mysql.ResultSetHeader>(
    `UPDATE ${LEASE_TABLE}
        SET token = LAST_INSERT_ID(IF(holder = ?, token, token + 1)),
            acquired_at = IF(holder = ?, acquired_at, NOW(6)),
            holder = ?,
            renewed_at = NOW(6),
            expires_at = NOW(6) + INTERVAL ? MICROSECOND
      WHERE name = ? AND (holder = ? OR expires_at < NOW(6))`,
    [holderId, holderId, holderId, ttlMs * 1000, lease, holderId],
  );
  return res.affectedRows === 1 ? Number(res.insertId) : null;
}

export async function releaseLease(pool: mysql.Pool, lease: string, holderId: string): Promise<void> {
  await pool.query(`UPDATE ${LEASE_TABLE} SET holder = '', expires_at = NOW(6) - INTERVAL 1 SECOND WHERE name = ? AND holder = ?`, [lease, holderId]);
}

export async function readLeaseHolder(pool: mysql.Pool, lease: string): Promise<LeaseHolderInfo | null> {
  const [rows] = await pool.query<mysql.RowDataPacket[]>(
    `SELECT holder, token, TIMESTAMPDIFF(MICROSECOND, NOW(6), expires_at) AS us FROM ${LEASE_TABLE} WHERE name = ?`,
    [lease],
  );
  const r = rows[0];
  if (!r || !r.holder || Number(r.us) <= 0) return null;
  return { holder: String(r.holder), token: Number(r.token), expiresInMs: Math.floor(Number(r.us) / 1000) };
}

/**
 * Run `start` only while this replica holds the lease: it is called when the lease is taken and the function it
 * returns is called (and awaited) when the lease is lost or on stop.
 */
export function runAsSingleton(opts: SingletonOptions, start: (fence: LeaseFence) => () => Promise<void>): SingletonJob {
  const defaults = leaseTimingFromEnv();
  const ttlMs = opts.ttlMs ?? defaults.ttlMs;
  const renewMs = opts.renewMs ?? Math.min(defaults.renewMs, Math.floor(ttlMs / 3));
  const holderId = opts.holderId ?? newHolderId();
  const log = opts.log.child({ lease: opts.lease, holder: holderId });
  let stopJob: (() => Promise<void>) | null = null;
  let fenceToken = 0;
  let lastRenewedAt = -Infinity;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let round: Promise<void> | null = null;
  let failing = false;

  const giveUp = async (why: string) => {
    const stopIt = stopJob;
    if (!stopIt) return;
    stopJob = null;
    log.warn({ why }, 'lease lost: stopping the singleton job');
    opts.onChange?.(false);
    await stopIt().catch((err: unknown) => log.error({ err }, 'singleton job failed to stop'));
  };

  const once = async () => {
    const sentAt = performance.now();
    let held = false;
    let token: number | null = null;
    try {
      await ensureTable(opts.pool, opts.lease);
      token = await acquireLease(opts.pool, opts.lease, holderId, ttlMs);
      held = token !== null;
      if (failing) log.info('lease table reachable again');
      failing = false;
    } catch (err) {
      if (!failing) log.warn({ err }, 'lease round failed (will retry)');
      failing = true;
      return;
    }
    if (stopped) return;
    if (held) {
      lastRenewedAt = sentAt;
      // Taken over and taken back while this process was paused: the job's fence is stale, start it afresh.
      if (stopJob && token !== fenceToken) await giveUp(`token moved from ${fenceToken} to ${token}`);
      if (!stopJob && !stopped) {
        fenceToken = token!;
        log.info({ ttlMs, renewMs, token }, 'lease acquired: this replica runs the singleton job');
        stopJob = start({ lease: opts.lease, holderId, token: fenceToken, ttlMs });
        opts.onChange?.(true);
      }
    } else if (stopJob) {
      await giveUp('taken by another replica');
    }
  };

  // Independent of the rounds (one may hang while the database stalls): give the job up in time, before another
  // replica can take the lease over.
  const watchdog = setInterval(
    () => {
      if (stopJob && performance.now() - lastRenewedAt >= ttlMs * 0.8) void giveUp('not renewed in time');
    },
    Math.max(10, Math.floor(renewMs / 2)),
  );
  watchdog.unref();

  const loop = () => {
    if (stopped) return;
    round = once().finally(() => {
      round = null;
      if (!stopped) {
        timer = setTimeout(loop, renewMs);
        timer.unref();
      }
    });
  };
  loop();

  return {
    lease: opts.lease,
    holderId,
    isHolder: () => stopJob !== null,
    currentHolder: () => readLeaseHolder(opts.pool, opts.lease),
    async stop() {
      stopped = true;
      clearInterval(watchdog);
      if (timer) clearTimeout(timer);
      await round;
      if (stopJob) {
        const stopIt = stopJob;
        stopJob = null;
        await stopIt();
        opts.onChange?.(false);
      }
      // Also when a round took the lease just as we stopped: the UPDATE only touches a lease we hold.
      await releaseLease(opts.pool, opts.lease, holderId).catch((err: unknown) => log.warn({ err }, 'lease release failed (it expires by itself)'));
    },
  };
}

/** `sanxiang_lease_held{lease,holder}`: 1 on the replica that runs the job, 0 on the others. */
export function registerLeaseMetrics(metrics: ServiceMetrics, jobs: readonly SingletonJob[]): void {
  metrics.gauge('sanxiang_lease_held', 'Singleton leases: 1 when this replica holds the lease and runs the job', ['lease', 'holder'], (set) => {
    for (const j of jobs) set({ lease: j.lease, holder: j.holderId }, j.isHolder() ? 1 : 0);
  });
}
