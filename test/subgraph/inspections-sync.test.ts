import { randomBytes } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { checkpoints, quarantine, results, schema, taskInspectors, taskObjects, tasks, plans } from '../../subgraphs/inspections/db/schema.js';
import { BUREAU, DEMO_COUNTS, ENTERPRISES, INSPECTORS, RESULT_BUILDER, TASK_DUST } from '../../subgraphs/inspections/platform/data.js';
import { startPlatformStandIn, type PlatformStandIn } from '../../subgraphs/inspections/platform/server.js';
import { createPlatformClient, PlatformError, type ResilienceOptions } from '../../subgraphs/inspections/platform-client.js';
import { createInspectionsRepo, type InspectionsDb } from '../../subgraphs/inspections/repo.js';
import { INSPECTIONS_MIGRATIONS } from '../../subgraphs/inspections/service.js';
import { createSyncEngine, type SyncReport } from '../../subgraphs/inspections/sync.js';
import { loadBundledCalendar } from '../../kernel/calendar.js';
import { dropDatabase, prepareDatabase } from '../../kernel/db.js';
import { createLogger } from '../../kernel/logger.js';
import { testClock } from '../helpers/clock.js';

// The sync engine against the stand-in platform over real HTTP, into a real MariaDB database per test.

const url = process.env.DATABASE_URL || 'mysql://root@127.0.0.1:3306';
const log = createLogger('inspections-sync-test', 'silent');
const opened: { db: InspectionsDb; name: string; platform: PlatformStandIn }[] = [];

afterEach(async () => {
  for (const { db, name, platform } of opened.splice(0)) {
    await platform.close();
    await db.close();
    await dropDatabase(url, name);
  }
});
afterAll(async () => {
  for (const { db, name, platform } of opened.splice(0)) {
    await platform.close();
    await db.close();
    await dropDatabase(url, name);
  }
});

const FAST: Partial<ResilienceOptions> = {
  timeoutMs: 1000,
  maxAttempts: 1,
  initialBackoffMs: 10,
  maxBackoffMs: 20,
  breakerThreshold: 50,
  halfOpenAfterMs: 1000,
};

async function setup(resilience: Partial<ResilienceOptions> = {}, pageSize = 4) {
  const name = `${process.env.SANXIANG_TEST_PREFIX}_insp_${randomBytes(3).toString('hex')}`;
  const platform = await startPlatformStandIn({ port: 0 });
  const db = await prepareDatabase(url, name, schema, INSPECTIONS_MIGRATIONS);
  opened.push({ db, name, platform });
  const repo = createInspectionsRepo(db);
  const engine = createSyncEngine({
    clock: testClock(),
    db,
    repo,
    client: createPlatformClient({ baseUrl: () => platform.url, resilience: { ...FAST, ...resilience } }),
    calendar: loadBundledCalendar(),
    log,
    pageSize,
  });
  const rows = async (table: typeof plans | typeof tasks | typeof results | typeof quarantine | typeof taskObjects | typeof taskInspectors) =>
    (await db.orm.select({ n: count() }).from(table))[0]!.n;
  return { db, platform, engine, rows };
}

const statsOf = (report: SyncReport, resource: string) => report.resources.find((r) => r.resource === resource)!;

describe('inspection sync', () => {
  it('upserts duplicates once, quarantines malformed records with the reason, and imports nothing half-way', async () => {
    const { db, engine, rows, platform } = await setup();
    const first = await engine.run('MANUAL');
    expect(statsOf(first, 'results')).toMatchObject({ fetched: 12, upserted: DEMO_COUNTS.results.valid, unchanged: 2, quarantined: 3 });
    expect(statsOf(first, 'tasks')).toMatchObject({ upserted: 4, quarantined: 1 });
    expect(await rows(plans)).toBe(DEMO_COUNTS.plans.valid);
    expect(await rows(tasks)).toBe(DEMO_COUNTS.tasks.valid);
    expect(await rows(results)).toBe(DEMO_COUNTS.results.valid);

    const q = await db.orm.select().from(quarantine);
    const reasonOf = (id: string) => q.find((r) => r.platformId === id)?.reason;
    expect(q).toHaveLength(5);
    expect(reasonOf('JG-650109-2026-0008')).toMatch(/enterprise\.uscc.*校验位错误/);
    expect(reasonOf('JG-650109-2026-0009')).toMatch(/resultCode.*未知的结果代码/);
    expect(reasonOf('JG-650109-2026-0010')).toMatch(/子代码只用于结果代码 A/);
    expect(reasonOf('RW-650109-2026-0005')).toMatch(/draw\.seed/);
    expect(reasonOf('JH-650109-2026-99')).toMatch(/periodStart.*有效日期/);
    expect(JSON.parse(q.find((r) => r.platformId === 'JG-650109-2026-0008')!.payload).enterprise.uscc).toBe('91650109MA776H9E27');
    // The quarantined task left no rows anywhere (its drawn objects and inspectors included).
    expect(await db.orm.select().from(tasks).where(eq(tasks.id, 'RW-650109-2026-0005'))).toHaveLength(0);
    expect(await db.orm.select().from(taskObjects).where(eq(taskObjects.taskId, 'RW-650109-2026-0005'))).toHaveLength(0);
    expect(await rows(taskInspectors)).toBe(2 + 2 + 3 + 2);

    // A second run with nothing new writes nothing and quarantines nothing twice.
    const second = await engine.run('MANUAL');
    for (const s of second.resources) expect(s.upserted, s.resource).toBe(0);
    expect(await rows(results)).toBe(DEMO_COUNTS.results.valid);
    expect(await rows(quarantine)).toBe(5);

    // A changed record is written; a corrected version of a quarantined one is imported and resolves it.
    const [stored] = await db.orm.select().from(results).where(eq(results.id, RESULT_BUILDER));
    expect(stored!.publishedOn).toBe('2026-07-10');
    expect(stored!.publicationDueOn).toBe('2026-06-12');
    platform.put('tasks', {
      id: 'RW-650109-2026-0005',
      planId: 'JH-650109-2026-02',
      itemCode: '650109-SJ-0001',
      name: '2026年餐饮服务业油烟排放随机抽查（补充）',
      status: 'DRAWN',
      agency: BUREAU,
      draw: { seed: '1679091c5a880faf', drawnAt: '2026-11-20T03:00:00.000Z', objectCandidates: 180, inspectorCandidates: 9 },
      objects: [ENTERPRISES.silkRoad],
      inspectors: [INSPECTORS.chen, INSPECTORS.gulimila],
      checkStartOn: null,
      checkEndOn: null,
    });
    const third = await engine.run('MANUAL');
    expect(statsOf(third, 'tasks').upserted).toBe(1);
    expect(await rows(tasks)).toBe(5);
    const resolved = await db.orm.select().from(quarantine).where(eq(quarantine.platformId, 'RW-650109-2026-0005'));
    expect(resolved[0]!.resolvedAt).toBeInstanceOf(Date);
    expect((await engine.status()).stale).toBe(false);
  });

  it('resumes after an interruption from the last committed page', async () => {
    const { db, engine, rows, platform } = await setup({}, 2);
    // plans take 2 pages, tasks' first page is served, then the platform goes down mid-run.
    platform.setKnobs({ failAfter: 3 });
    await expect(engine.run('MANUAL')).rejects.toThrow(/HTTP 503/);
    const [cpTasks] = await db.orm.select().from(checkpoints).where(eq(checkpoints.resource, 'tasks'));
    const [cpPlans] = await db.orm.select().from(checkpoints).where(eq(checkpoints.resource, 'plans'));
    expect(cpPlans).toMatchObject({ cursor: null, updatedSince: '2026-06-26T02:00:00.000Z' });
    expect(cpTasks!.cursor).toEqual(expect.any(String));
    expect(await rows(tasks)).toBe(2); // the committed first page, not more, not less
    expect(await rows(results)).toBe(0);
    const down = await engine.status();
    expect(down).toMatchObject({ stale: true, lastError: expect.stringContaining('HTTP 503') });

    platform.setKnobs({ failAfter: null });
    const before = platform.requests.length;
    const report = await engine.run('MANUAL');
    const resumed = platform.requests.slice(before);
    expect(resumed[0]).toMatchObject({ path: '/api/v1/plans', query: { updatedSince: '2026-06-26T02:00:00.000Z' } });
    expect(resumed.find((r) => r.path === '/api/v1/tasks')!.query.cursor).toBe(cpTasks!.cursor);
    expect(statsOf(report, 'tasks')).toMatchObject({ upserted: 2, quarantined: 1 });
    expect(await rows(tasks)).toBe(4);
    expect(await rows(results)).toBe(DEMO_COUNTS.results.valid);
    expect(await engine.status()).toMatchObject({ stale: false, lastError: null });
    const [cpAfter] = await db.orm.select().from(checkpoints).where(eq(checkpoints.resource, 'tasks'));
    expect(cpAfter).toMatchObject({ cursor: null, updatedSince: '2026-11-20T03:00:00.000Z', highWater: null });
  });

  it('opens the breaker after repeated failures, fails fast while open, and closes after recovery', async () => {
    const { engine, platform } = await setup({ breakerThreshold: 2, halfOpenAfterMs: 300 });
    platform.setKnobs({ alwaysFail: true });
    await expect(engine.run('MANUAL')).rejects.toThrow(/HTTP 503/);
    expect((await engine.status()).breakerState).toBe('CLOSED');
    await expect(engine.run('MANUAL')).rejects.toThrow(/HTTP 503/);
    expect((await engine.status()).breakerState).toBe('OPEN');

    const calls = platform.requests.length;
    const err = await engine.run('MANUAL').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlatformError);
    expect((err as PlatformError).kind).toBe('breaker-open');
    expect(platform.requests.length).toBe(calls); // the platform was not called at all
    expect(await engine.status()).toMatchObject({ stale: true, lastError: expect.stringContaining('断路器') });

    platform.setKnobs({ alwaysFail: false });
    await new Promise((r) => setTimeout(r, 350));
    await engine.run('MANUAL');
    expect(await engine.status()).toMatchObject({ breakerState: 'CLOSED', stale: false, lastError: null });
  });

  it('times out a hanging platform, retries reads with backoff, and treats a malformed page as a failed read', async () => {
    const { engine, platform, rows } = await setup({ timeoutMs: 200, maxAttempts: 2 });
    platform.setKnobs({ hang: true });
    // The platform never answers: that the run ends at all, with the timeout error, is the property (the test's
    // own limit catches a missing timeout); how long it took depends on the machine (issue 23).
    await expect(engine.run('MANUAL')).rejects.toThrow(/超时/);
    expect(platform.requests.filter((r) => r.path === '/api/v1/plans')).toHaveLength(2); // one retry

    // One garbled page: the retry reads it properly, nothing is lost or quarantined.
    platform.setKnobs({ hang: false, malformedNext: 1 });
    const report = await engine.run('MANUAL');
    expect(statsOf(report, 'plans')).toMatchObject({ upserted: 2, quarantined: 1 });
    expect(await rows(results)).toBe(DEMO_COUNTS.results.valid);

    // Garbled every time: the run fails, and the page's records are not imported.
    platform.put('results', { id: 'JG-650109-2026-0099', bogus: true });
    platform.setKnobs({ malformedNext: 10 });
    await expect(engine.run('MANUAL')).rejects.toThrow(/JSON|格式不正确/);
    expect(await rows(quarantine)).toBe(5);
  });

  it('flags a result published after its R19 due date, and an unpublished one past it', async () => {
    const { db, engine } = await setup();
    await engine.run('MANUAL');
    const rowsById = new Map((await db.orm.select().from(results)).map((r) => [r.id, r]));
    expect(rowsById.get(RESULT_BUILDER)).toMatchObject({ completedOn: '2026-05-15', publicationDueOn: '2026-06-12', calendarConfirmed: true });
    expect(rowsById.get('JG-650109-2026-0007')).toMatchObject({ publishedOn: null, publicationDueOn: '2026-10-09' });
    const repo = createInspectionsRepo(db);
    const late = await repo.listResults({ publishedLate: true }, { all: true }, '2026-11-28', { limit: 50, after: null });
    expect(late.map((r) => r.id).sort()).toEqual([RESULT_BUILDER, 'JG-650109-2026-0007']);
    const onTime = await repo.listResults({ publishedLate: false, taskId: TASK_DUST }, { all: true }, '2026-11-28', { limit: 50, after: null });
    expect(onTime.map((r) => r.id)).toEqual(['JG-650109-2026-0005']);
    // The public sees only published results.
    const pub = await repo.listResults({}, { all: false, agencyUsccs: [] }, '2026-11-28', { limit: 50, after: null });
    expect(pub.map((r) => r.id)).not.toContain('JG-650109-2026-0007');
    expect(pub).toHaveLength(6);
  });
});
