import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { WorkingDayCalendar } from '../../kernel/calendar.js';
import type { Clock } from '../../kernel/clock.js';
import { newId } from '../../kernel/ids.js';
import { retryingTransaction } from '../../kernel/tx-retry.js';
import { fenceWrite, type LeaseFence } from '../../kernel/lease.js';
import type { Logger } from '../../kernel/logger.js';
import { agencyLinks, checkpoints, officerLinks, plans, quarantine, results, syncRuns, taskInspectors, taskObjects, tasks } from './db/schema.js';
import { RESULT_KINDS, type ResultCode } from './domain/codes.js';
import { publicationDue } from './domain/deadline.js';
import { checkRecord, RESOURCES, type PlatformPlan, type PlatformResult, type PlatformTask, type Resource } from './domain/validate.js';
import type { Directory } from './directory.js';
import { PlatformError, type BreakerStateName, type PlatformClient } from './platform-client.js';
import type { InspectionsDb, InspectionsRepo } from './repo.js';

// Incremental sync from the platform into the local store.
//  - Per resource, pages are read by `updatedSince` + cursor; each page's records AND the advanced checkpoint
//    commit in one transaction, so an interrupted run resumes after the last committed page.
//  - Upserts are keyed by the platform id; a record whose content hash is unchanged is not written again
//    (re-sent duplicates), an older version than the stored one is ignored.
//  - A record failing validation is quarantined with the reason and never imported; a later valid version of
//    the same id resolves it.

type Tx = Parameters<Parameters<InspectionsDb['orm']['transaction']>[0]>[0];

export interface ResourceStats {
  resource: Resource;
  fetched: number;
  upserted: number;
  unchanged: number;
  quarantined: number;
  pages: number;
}

export interface SyncReport {
  startedAt: Date;
  finishedAt: Date;
  resources: ResourceStats[];
  warnings: string[];
}

export interface SourceStatus {
  lastSyncedAt: Date | null;
  lastAttemptAt: Date | null;
  stale: boolean;
  lastError: string | null;
  breakerState: BreakerStateName;
}

export interface SyncEngine {
  /** One run; concurrent callers share the run in progress. Throws PlatformError when the platform fails. */
  run(trigger: 'SCHEDULE' | 'MANUAL' | 'START', fence?: LeaseFence): Promise<SyncReport>;
  status(): Promise<SourceStatus>;
  /**
   * Runs every intervalMs (unref'd: never keeps the process alive); returns a stop function. With a lease `fence`
   * (issue 27) each page's checkpoint write is conditioned on it: a holder that lost the lease writes nothing.
   */
  schedule(intervalMs: number, fence?: LeaseFence): () => Promise<void>;
}

const maxIso = (a: string | null, b: string | null): string | null => {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
};

export function createSyncEngine(opts: {
  db: InspectionsDb;
  repo: InspectionsRepo;
  client: PlatformClient;
  calendar: WorkingDayCalendar;
  directory?: Directory;
  log: Logger;
  pageSize?: number;
  /** Data older than this (since the last successful run) is stale. */
  staleAfterMs?: number;
  /** The business clock (sync and quarantine stamps, staleness). */
  clock: Clock;
}): SyncEngine {
  const { db, client, calendar, log } = opts;
  const orm = db.orm;
  const pageSize = opts.pageSize ?? 100;
  const staleAfterMs = opts.staleAfterMs ?? 30 * 60_000;
  const now = () => opts.clock.now();
  let inFlight: Promise<SyncReport> | null = null;

  async function quarantineRecord(tx: Tx, resource: Resource, raw: unknown, platformId: string | null, reason: string, hash: string) {
    // Unique on (resource, hash): the same bad record re-sent is kept once.
    await tx
      .insert(quarantine)
      .values({ id: newId(), resource, platformId, reason, payload: JSON.stringify(raw).slice(0, 1_000_000), payloadHash: hash, receivedAt: now() })
      .onDuplicateKeyUpdate({ set: { reason } });
  }

  function dueOf(completedOn: string) {
    const due = publicationDue(calendar, completedOn);
    return { publicationDueOn: due.dueOn, calendarConfirmed: due.confirmed };
  }

  async function writePlan(tx: Tx, p: PlatformPlan, hash: string) {
    const row = {
      id: p.id,
      name: p.name,
      year: p.year,
      agencyUscc: p.agency.uscc,
      agencyName: p.agency.name,
      itemCodes: p.itemCodes,
      periodStart: p.periodStart,
      periodEnd: p.periodEnd,
      platformUpdatedAt: new Date(p.updatedAt),
      payloadHash: hash,
      syncedAt: now(),
    };
    const { id: _id, ...set } = row;
    await tx.insert(plans).values(row).onDuplicateKeyUpdate({ set });
  }

  async function writeTask(tx: Tx, t: PlatformTask, hash: string) {
    const row = {
      id: t.id,
      planId: t.planId,
      itemCode: t.itemCode,
      name: t.name,
      status: t.status,
      agencyUscc: t.agency.uscc,
      agencyName: t.agency.name,
      drawSeed: t.draw.seed,
      drawnAt: new Date(t.draw.drawnAt),
      objectCandidates: t.draw.objectCandidates,
      inspectorCandidates: t.draw.inspectorCandidates,
      checkStartOn: t.checkStartOn,
      checkEndOn: t.checkEndOn,
      platformUpdatedAt: new Date(t.updatedAt),
      payloadHash: hash,
      syncedAt: now(),
    };
    const { id: _id, ...set } = row;
    await tx.insert(tasks).values(row).onDuplicateKeyUpdate({ set });
    // The drawn lists are replaced whole with the task, in the same transaction.
    await tx.delete(taskObjects).where(eq(taskObjects.taskId, t.id));
    await tx.delete(taskInspectors).where(eq(taskInspectors.taskId, t.id));
    await tx.insert(taskObjects).values(t.objects.map((o, position) => ({ taskId: t.id, uscc: o.uscc, name: o.name, position })));
    await tx.insert(taskInspectors).values(t.inspectors.map((i, position) => ({ taskId: t.id, credentialNumber: i.credentialNumber, name: i.name, position })));
  }

  async function writeResult(tx: Tx, r: PlatformResult, hash: string) {
    const row = {
      id: r.id,
      taskId: r.taskId,
      itemCode: r.itemCode,
      uscc: r.enterprise.uscc,
      enterpriseName: r.enterprise.name,
      agencyUscc: r.agency.uscc,
      agencyName: r.agency.name,
      resultCode: r.resultCode,
      subCode: r.subCode,
      problemsFound: RESULT_KINDS[r.resultCode as ResultCode].problems,
      methods: r.methods,
      findings: r.findings,
      followUpAction: r.followUp.action,
      followUpNote: r.followUp.note,
      completedOn: r.completedOn,
      publishedOn: r.publishedOn,
      ...dueOf(r.completedOn),
      platformUpdatedAt: new Date(r.updatedAt),
      payloadHash: hash,
      syncedAt: now(),
    };
    const { id: _id, ...set } = row;
    await tx.insert(results).values(row).onDuplicateKeyUpdate({ set });
  }

  const TABLES = { plans, tasks, results } as const;

  async function importPage(tx: Tx, resource: Resource, items: unknown[], stats: ResourceStats): Promise<string | null> {
    let highWater: string | null = null;
    const table = TABLES[resource];
    const checked = items.map((raw) => ({ raw, c: checkRecord(resource, raw) }));
    const ids = [...new Set(checked.flatMap(({ c }) => (c.ok ? [c.record.id] : [])))];
    const existing = new Map(
      ids.length
        ? (await tx.select({ id: table.id, hash: table.payloadHash, at: table.platformUpdatedAt }).from(table).where(inArray(table.id, ids))).map((r) => [
            r.id,
            r,
          ])
        : [],
    );
    for (const { raw, c } of checked) {
      const at = (raw as { updatedAt?: unknown } | null)?.updatedAt;
      if (typeof at === 'string' && !Number.isNaN(Date.parse(at))) highWater = maxIso(highWater, at);
      stats.fetched++;
      if (!c.ok) {
        stats.quarantined++;
        await quarantineRecord(tx, resource, raw, c.platformId, c.reason, c.hash);
        log.warn({ resource, platformId: c.platformId, reason: c.reason }, 'platform record quarantined');
        continue;
      }
      const rec = c.record;
      const prev = existing.get(rec.id);
      if (prev && (prev.hash === c.hash || prev.at.getTime() > Date.parse(rec.updatedAt))) {
        stats.unchanged++; // a re-sent duplicate, or an older version arriving late
        continue;
      }
      if (resource === 'plans') await writePlan(tx, rec as PlatformPlan, c.hash);
      else if (resource === 'tasks') await writeTask(tx, rec as PlatformTask, c.hash);
      else await writeResult(tx, rec as PlatformResult, c.hash);
      existing.set(rec.id, { id: rec.id, hash: c.hash, at: new Date(rec.updatedAt) });
      stats.upserted++;
      await tx
        .update(quarantine)
        .set({ resolvedAt: now() })
        .where(and(eq(quarantine.resource, resource), eq(quarantine.platformId, rec.id), isNull(quarantine.resolvedAt)));
    }
    return highWater;
  }

  async function syncResource(resource: Resource, fence?: LeaseFence): Promise<ResourceStats> {
    const stats: ResourceStats = { resource, fetched: 0, upserted: 0, unchanged: 0, quarantined: 0, pages: 0 };
    const cp = (await orm.select().from(checkpoints).where(eq(checkpoints.resource, resource)).limit(1))[0];
    const updatedSince = cp?.updatedSince ?? null;
    let cursor = cp?.cursor ?? null;
    let highWater = cp?.highWater ?? null;
    for (;;) {
      const page = await client.listPage(resource, { updatedSince, cursor, limit: pageSize });
      stats.pages++;
      // Re-run whole on deadlocks / certification conflicts (another replica's manual sync): counts per attempt.
      const counted = await retryingTransaction(() => {
        const attempt = { ...stats };
        return orm
          .transaction(async (tx) => {
            highWater = maxIso(highWater, await importPage(tx, resource, page.items, attempt));
            // Mid-run: remember the cursor. Run done: the next run starts at the highest updatedAt seen (inclusive,
            // so records sharing that instant are read again and counted unchanged rather than lost).
            const next = page.nextCursor
              ? { updatedSince, cursor: page.nextCursor, highWater }
              : { updatedSince: maxIso(updatedSince, highWater), cursor: null, highWater: null };
            if (fence) await fenceWrite(tx, fence);
            await tx
              .insert(checkpoints)
              .values({ resource, ...next, updatedAt: now() })
              .onDuplicateKeyUpdate({ set: { ...next, updatedAt: now() } });
          })
          .then(() => attempt);
      });
      Object.assign(stats, counted);
      if (!page.nextCursor) return stats;
      cursor = page.nextCursor;
    }
  }

  /** Due dates computed without the year's official arrangement are recomputed once it is loaded. */
  async function refreshUnconfirmedDeadlines(): Promise<void> {
    const rows = await orm.select({ id: results.id, completedOn: results.completedOn }).from(results).where(eq(results.calendarConfirmed, false));
    for (const r of rows) {
      const due = dueOf(r.completedOn);
      if (due.calendarConfirmed) await orm.update(results).set(due).where(eq(results.id, r.id));
    }
  }

  async function refreshDirectory(warnings: string[]): Promise<void> {
    if (!opts.directory) return;
    try {
      const { agencies, officers } = await opts.directory.load();
      const at = now();
      await retryingTransaction(() =>
        orm.transaction(async (tx) => {
          await tx.delete(agencyLinks);
          await tx.delete(officerLinks);
          if (agencies.length) await tx.insert(agencyLinks).values(agencies.map((a) => ({ uscc: a.uscc, agencyId: a.id, refreshedAt: at })));
          if (officers.length) {
            await tx
              .insert(officerLinks)
              .values(officers.map((o) => ({ credentialNumber: o.credentialNumber, officerId: o.id, agencyId: o.agencyId, refreshedAt: at })));
          }
        }),
      );
    } catch (err) {
      // Links from an earlier run stay in place; the platform data still syncs.
      warnings.push(`未能从 powers 刷新执法主体与执法人员名录：${(err as Error).message}`);
      log.warn({ err }, 'directory refresh failed');
    }
  }

  async function runOnce(trigger: string, fence?: LeaseFence): Promise<SyncReport> {
    const runId = newId();
    const startedAt = now();
    await orm.insert(syncRuns).values({ id: runId, trigger, startedAt });
    const warnings: string[] = [];
    const done: ResourceStats[] = [];
    try {
      await refreshDirectory(warnings);
      for (const resource of RESOURCES) done.push(await syncResource(resource, fence));
      await refreshUnconfirmedDeadlines();
      const finishedAt = now();
      await orm
        .update(syncRuns)
        .set({ finishedAt, ok: true, stats: { resources: done, warnings } })
        .where(eq(syncRuns.id, runId));
      log.info({ trigger, resources: done }, 'inspection sync done');
      return { startedAt, finishedAt, resources: done, warnings };
    } catch (err) {
      const message = err instanceof PlatformError ? err.message : '同步失败（内部错误）';
      await orm
        .update(syncRuns)
        .set({ finishedAt: now(), ok: false, error: message, stats: { resources: done, warnings } })
        .where(eq(syncRuns.id, runId))
        .catch(() => undefined);
      log.warn({ err, trigger }, 'inspection sync failed');
      throw err;
    }
  }

  const engine: SyncEngine = {
    run(trigger, fence) {
      inFlight ??= runOnce(trigger, fence).finally(() => {
        inFlight = null;
      });
      return inFlight;
    },

    async status() {
      const { lastFinished, lastOk } = await opts.repo.latestRuns();
      const lastSyncedAt = lastOk?.finishedAt ?? null;
      const failed = lastFinished?.ok === false;
      return {
        lastSyncedAt,
        lastAttemptAt: lastFinished?.startedAt ?? null,
        stale: !lastSyncedAt || failed || now().getTime() - lastSyncedAt.getTime() > staleAfterMs,
        lastError: failed ? (lastFinished?.error ?? null) : null,
        breakerState: client.breakerState(),
      };
    },

    schedule(intervalMs, fence) {
      const tick = () => {
        engine.run('SCHEDULE', fence).catch(() => undefined); // recorded in sync_runs; the next tick tries again
      };
      const first = setTimeout(tick, 0);
      const timer = setInterval(tick, intervalMs);
      first.unref();
      timer.unref();
      return async () => {
        clearTimeout(first);
        clearInterval(timer);
        await inFlight?.catch(() => undefined);
      };
    },
  };
  return engine;
}
