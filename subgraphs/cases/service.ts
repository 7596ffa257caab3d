import { startCalendarRefresh } from '../../kernel/calendar-refresh.js';
import { readsVerified } from '../../kernel/records/bench-switch.js';
import { readFileSync } from 'node:fs';
import { CASES_INPUT_LIMITS } from './input-limits.js';
import { parse } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { loadBundledCalendar, type YearArrangement } from '../../kernel/calendar.js';
import type { Config } from '../../kernel/config.js';
import { isReachable } from '../../kernel/db.js';
import { casesPrivilegesFor, openLeastPrivilegeDb, type AccountSetup } from '../../kernel/db-accounts.js';
import { isFencedOut, registerLeaseMetrics, runAsSingleton, type LeaseTiming, type SingletonJob } from '../../kernel/lease.js';
import type { KeyMaterial } from '../../kernel/identity.js';
import type { Logger } from '../../kernel/logger.js';
import { startSubgraph, type RunningService } from '../../kernel/server.js';
import { createSubgraphClient, type SubgraphClient } from '../../kernel/subgraph-client.js';
import { AppError } from '../../kernel/errors.js';
import { createCaseService } from './case-service.js';
import type { ClearanceSource, ReviewClearance } from './acts/deps.js';
import type { CasesContext } from './context.js';
import { calendarYears, schema } from './db/schema.js';
import { drizzle } from 'drizzle-orm/mysql2';
import { createCaseLoaders } from './loaders.js';
import { createPowersFacts } from './powers-facts.js';
import { checkpointLag, startCheckpointTimer, verifyRecords } from './records/log.js';
import { createCasesRepo, type CaseRow, type CasesDb, type CasesRepo } from './repo.js';
import { eventsOf } from './domain/entries.js';
import { effectiveFineAmount } from './domain/fines.js';
import { publicationResolvers } from './publication-resolvers.js';
import { createPublicationService, type RecomputedReviewDeadline } from './publication-service.js';
import { resolvers as caseResolvers } from './resolvers.js';
import { statisticsResolvers } from './statistics-resolvers.js';
import { createReliefService } from './relief.js';
import { reliefResolvers } from './relief-resolvers.js';
import { caseExportRoute } from './statistics-export.js';
import type { Resolvers } from './generated/resolvers-types.js';
import { INTEGRITY_ALARM_KINDS, type AlarmSink } from './integrity.js';
import { createPublicTextChecker } from './public-text.js';
import { createAccessChecker } from './verified-access.js';
import type { Counter } from 'prom-client';
import { supervisionResolvers } from './supervision/resolvers.js';
import { createSupervisionService } from './supervision/clues/service.js';
import { fetchProblemInspections } from './clients/inspections.js';
import { createEvaluation, evaluationResolvers } from './supervision/evaluation/index.js';
import { powersChecklistSource } from './supervision/evaluation/checklist-source.js';

const resolvers: Resolvers = {
  ...caseResolvers,
  ...publicationResolvers,
  ...statisticsResolvers,
  ...reliefResolvers,
  ...supervisionResolvers,
  ...evaluationResolvers,
  Case: { ...caseResolvers.Case, ...reliefResolvers.Case },
  Statistics: { ...statisticsResolvers.Statistics, ...supervisionResolvers.Statistics },
  Query: {
    ...caseResolvers.Query,
    ...publicationResolvers.Query,
    ...statisticsResolvers.Query,
    ...supervisionResolvers.Query,
    ...evaluationResolvers.Query,
  },
  Mutation: {
    ...caseResolvers.Mutation,
    ...publicationResolvers.Mutation,
    ...reliefResolvers.Mutation,
    ...supervisionResolvers.Mutation,
    ...evaluationResolvers.Mutation,
  },
};

export const CASES_SDL_PATH = new URL('../../schema/cases.graphql', import.meta.url);
export const CASES_MIGRATIONS = new URL('./migrations', import.meta.url).pathname;
/**
 * Signed checkpoints of the record log: every second by default and at most every second (CHECKPOINT_INTERVAL_MS),
 * so the unsigned tail is at most ~1 s of entries (README: record integrity).
 */
export const MAX_CHECKPOINT_INTERVAL_MS = 1000;
function checkpointIntervalMs(env: NodeJS.ProcessEnv = process.env): number {
  const ms = Number(env.CHECKPOINT_INTERVAL_MS || MAX_CHECKPOINT_INTERVAL_MS);
  if (!Number.isInteger(ms) || ms < 10 || ms > MAX_CHECKPOINT_INTERVAL_MS) {
    throw new Error(
      `CHECKPOINT_INTERVAL_MS=${env.CHECKPOINT_INTERVAL_MS} 须为 10 至 ${MAX_CHECKPOINT_INTERVAL_MS} 之间的整数毫秒（签名检查点的滞后不超过 1 秒）`,
    );
  }
  return ms;
}
/**
 * The cases database, least privilege (kernel/db-accounts.ts): the service connects as the cases service
 * account (SELECT/INSERT on the record log only); the admin account migrates and creates the lease table.
 */
export const openCasesDb = (config: Config, setup: AccountSetup = {}): Promise<CasesDb> =>
  openLeastPrivilegeDb(config, { service: 'cases', schema, migrations: CASES_MIGRATIONS, privilegesFor: casesPrivilegesFor, leases: true, ...setup });

/** R6's gate: asks the `reviews` subgraph for an APPROVED opinion on exactly this proposal content. */
export function reviewClearanceSource(reviewsClient: SubgraphClient): ClearanceSource {
  return async (caseId, proposalId, contentHash, requestId) =>
    (
      await reviewsClient.query<{ reviewClearance: ReviewClearance }>(
        `query CasesReviewClearance($caseId: ID!, $proposalId: ID!, $contentHash: String!) { reviewClearance(caseId: $caseId, proposalId: $proposalId, contentHash: $contentHash) {
           approved reviewId roundNo reviewerId approvedAt reason } }`,
        { caseId, proposalId, contentHash },
        { requestId },
      )
    ).reviewClearance;
}

/** R12 (issue 26, part D): tells `reviews` a year's arrangement was loaded; it recounts its open rounds' due dates. */
export function reviewsCalendarSink(reviewsClient: SubgraphClient) {
  return async (input: YearArrangement & { loadedBy: string }, requestId?: string): Promise<RecomputedReviewDeadline[]> =>
    (
      await reviewsClient.query<{ applyHolidayArrangement: RecomputedReviewDeadline[] }>(
        `mutation CasesApplyHolidayArrangement($input: AppliedHolidayArrangementInput!) { applyHolidayArrangement(input: $input) {
           caseId reviewId roundNo countedFrom workingDays previousDueOn dueOn confirmed } }`,
        { input: { year: input.year, holidays: input.holidays, makeupWorkdays: input.makeupWorkdays, source: input.source ?? null, loadedBy: input.loadedBy } },
        { requestId },
      )
    ).applyHolidayArrangement;
}

export async function startCases(opts: {
  config: Config;
  db: CasesDb;
  keys: KeyMaterial;
  log: Logger;
  port?: number;
  /** Where `powers` answers (defaults to config: POWERS_URL or localhost:POWERS_PORT). */
  powersUrl?: () => string;
  /** Where `reviews` answers the decision gate (defaults to config). */
  reviewsUrl?: () => string;
  /** Where `inspections` answers the supervision models' R19 join (defaults to config). */
  inspectionsUrl?: () => string;
  /** Lease timing of the checkpoint signer (defaults: LEASE_TTL_MS, LEASE_RENEW_MS). */
  lease?: Partial<LeaseTiming>;
  /** `npm run bench:integrity` only (kernel/records/bench-switch.ts): refused outside the benchmark's databases. */
  unverifiedReadsForBenchmark?: boolean;
}): Promise<RunningService & { checkpointLease: SingletonJob }> {
  const { config, db } = opts;
  const unverifiedForBenchmark = !readsVerified(opts.unverifiedReadsForBenchmark, config.dbPrefix);
  const { clock } = config;
  const repo = createCasesRepo(db, clock);
  const powersClient = createSubgraphClient({ name: 'powers', service: 'cases', url: opts.powersUrl ?? (() => config.serviceUrl('powers')), keys: opts.keys });
  const reviewsClient = createSubgraphClient({
    name: 'reviews',
    service: 'cases',
    url: opts.reviewsUrl ?? (() => config.serviceUrl('reviews')),
    keys: opts.keys,
  });
  const clearance = reviewClearanceSource(reviewsClient);
  const inspectionsClient = createSubgraphClient({
    name: 'inspections',
    service: 'cases',
    url: opts.inspectionsUrl ?? (() => config.serviceUrl('inspections')),
    keys: opts.keys,
  });
  // Bundled years plus any an administrator loaded at run time (stored in this subgraph's database).
  const calendar = loadBundledCalendar();
  for (const y of await repo.calendarYears()) calendar.setYear(y.arrangement);
  // Background work (the calendar refresh, the checkpoint signer) runs on its own drizzle instance over the pool, so
  // its statements are not counted in db.stats, which tests use for the SQL cost of requests.
  const backgroundOrm = drizzle(db.pool, { schema, mode: 'default' });
  const calendarRefresh = startCalendarRefresh(calendar, () => backgroundOrm.select().from(calendarYears), opts.log);
  const powers = createPowersFacts(powersClient);
  const today = () => clock.today();
  // Integrity alarms (issue 12): one structured log line each, and a counter when metrics are on.
  let alarmCounter: Counter<string> | null = null;
  const alarm: AlarmSink = (a) => {
    opts.log.error({ integrityAlarm: a }, `record integrity alarm: ${a.kind} ${a.problem}`);
    alarmCounter?.inc({ kind: a.kind });
  };
  const caseDeps = {
    repo,
    powers,
    calendar,
    clearance,
    clock,
    integrity: { keyDir: config.keyDir, dbName: config.databaseName('cases'), alarm, unverifiedForBenchmark },
  };
  const service = createCaseService(caseDeps);
  const evaluation = createEvaluation({ ...caseDeps, checklistOf: powersChecklistSource(powersClient) });
  const relief = createReliefService({ repo, clock, revokeDecision: service.revokeDecision, decidedFine: (c) => decidedFineOf(repo, c) });
  const publications = createPublicationService({
    repo,
    calendar,
    clock,
    applyToReviews: reviewsCalendarSink(reviewsClient),
    policyOf: async (agencyId, requestId) => {
      const agency = await powers.agency(agencyId, requestId);
      if (!agency) throw new AppError('UPSTREAM_UNAVAILABLE', '无法读取执法主体的公示设置', { serviceName: 'powers' });
      return agency.policy;
    },
  });
  const recordKeys = { keyDir: config.keyDir, dbName: config.databaseName('cases'), clock };
  // One signer among all replicas: the one holding the `record-checkpoints` lease (issue 16).
  // Every checkpoint INSERT is conditioned on the lease token it was started with (issue 27: fencing).
  const checkpointLease = runAsSingleton({ pool: db.pool, lease: 'record-checkpoints', log: opts.log, ...opts.lease }, (fence) =>
    startCheckpointTimer(
      backgroundOrm,
      {
        ...recordKeys,
        fence,
        // Debug: which holder (and token) signed which checkpoint; the cluster suite's paused-holder scenario reads it.
        onSigned: (row) => opts.log.debug({ checkpointSeq: row.checkpointSeq, token: fence.token }, 'record checkpoint signed'),
        onError: (err) =>
          isFencedOut(err)
            ? opts.log.warn({ err, token: fence.token }, 'record checkpoint refused: lease moved on')
            : opts.log.error({ err }, 'record checkpoint failed'),
      },
      checkpointIntervalMs(),
    ),
  );
  const verify = async (caseId: string) => {
    const r = await verifyRecords(db.orm, { ...recordKeys, caseId });
    return { ok: r.ok, entriesChecked: r.entriesChecked, firstProblem: r.firstBad?.message ?? null, firstBadEntryId: r.firstBad?.entryId ?? null };
  };
  const publicText = createPublicTextChecker(db.orm, config.keyDir, alarm);
  const access = createAccessChecker(alarm);
  const supervision = createSupervisionService({
    repo,
    clock,
    problemInspections: (scope, requestId) => fetchProblemInspections(inspectionsClient, scope, requestId),
  });
  const running = await startSubgraph<CasesContext>({
    name: 'cases',
    inputLimits: CASES_INPUT_LIMITS,
    typeDefs: parse(readFileSync(CASES_SDL_PATH, 'utf8')),
    resolvers: resolvers as GraphQLResolverMap<CasesContext>,
    keys: opts.keys,
    log: opts.log,
    port: opts.port ?? config.servicePort('cases'),
    ready: () => isReachable(db.pool),
    context: (base) => {
      const loaders = createCaseLoaders(repo, powers, base.requestId, config.keyDir);
      return {
        ...base,
        repo,
        service,
        loaders,
        verify,
        publications,
        relief,
        calendar,
        today,
        publicText: publicText.forRequest(),
        access: access.forRequest(loaders.filing),
        supervision,
        evaluation: evaluation.forRequest(base.requestId),
      };
    },
    routes: [caseExportRoute(db, today)],
    pool: db.pool,
    metrics: (m) => {
      registerLeaseMetrics(m, [checkpointLease]);
      alarmCounter = m.counter(
        'sanxiang_record_integrity_alarms_total',
        'Acts refused because the record log, a proposal or a case row did not verify (issue 12)',
        ['kind'],
        INTEGRITY_ALARM_KINDS.map((kind) => ({ kind })),
      );
      const lag = () => checkpointLag(db.orm);
      m.gauge('sanxiang_record_log_uncheckpointed_entries', 'Record-log entries not yet covered by a signed checkpoint', [], async (set) => {
        set({}, (await lag()).entries);
      });
      m.gauge(
        'sanxiang_record_log_checkpoint_lag_seconds',
        'Age of the oldest record-log entry not covered by a checkpoint (0: all covered)',
        [],
        async (set) => {
          const { oldestUncoveredAt } = await lag();
          set({}, oldestUncoveredAt ? (clock.now().getTime() - oldestUncoveredAt.getTime()) / 1000 : 0); // same clock that stamped the entries
        },
      );
    },
    onClose: async () => {
      clearInterval(calendarRefresh);
      await checkpointLease.stop();
      await db.close();
    },
  });
  return { ...running, checkpointLease };
}

/** The fine a case's decision orders now: the decided proposal's, as last changed (issue 26); null without a fine. */
async function decidedFineOf(repo: CasesRepo, c: CaseRow): Promise<string | null> {
  const p = (await repo.proposalsByCaseIds([c.id])).find((x) => x.id === c.decisionProposalId);
  if (!p?.content.penaltyTypes.includes('FINE')) return null;
  return effectiveFineAmount(p.content.fineAmount, eventsOf(await repo.entriesByCaseIds([c.id])));
}
