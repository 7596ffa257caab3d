import { count } from 'drizzle-orm';
import { loadBundledCalendar } from '../../kernel/calendar.js';
import { pinnedClock, type PinnedClock } from '../../kernel/clock.js';
import type { Config } from '../../kernel/config.js';
import { DataFileError } from '../../kernel/data-file.js';
import { dropDatabase } from '../../kernel/db.js';
import type { Caller, KeyMaterial } from '../../kernel/identity.js';
import { createLogger } from '../../kernel/logger.js';
import { createSubgraphClient } from '../../kernel/subgraph-client.js';
import { createCaseService, type ClearanceSource } from '../../subgraphs/cases/case-service.js';
import { cases } from '../../subgraphs/cases/db/schema.js';
import type { CaseState } from '../../subgraphs/cases/domain/types.js';
import { createPowersFacts } from '../../subgraphs/cases/powers-facts.js';
import { createPublicationService } from '../../subgraphs/cases/publication-service.js';
import { createCheckpoint } from '../../subgraphs/cases/records/log.js';
import { removeWitness } from '../../kernel/records/signing.js';
import { createCasesRepo, type CasesDb } from '../../subgraphs/cases/repo.js';
import { openCasesDb, reviewClearanceSource, startCases } from '../../subgraphs/cases/service.js';
import { createReviewFacts } from '../../subgraphs/reviews/facts.js';
import { createReviewsRepo, type ReviewsDb } from '../../subgraphs/reviews/repo.js';
import { createReviewService } from '../../subgraphs/reviews/review-service.js';
import { openReviewsDb, startReviews } from '../../subgraphs/reviews/service.js';
import { demoDataset, type Dataset } from './dataset.js';
import { agencyIdOf, officerIdOf } from './ids.js';
import { ActRefused, CaseWalk, type WalkEnv } from './walk.js';

// The cases of cases.yaml, each walked through the real case workflow on its own dates against the RUNNING
// powers subgraph (officers' credentials, power items, benchmarks, the review catalog and the AV list are all
// checked as for a user). Deterministic: the same cases, numbers (filing order gives them), parties, facts and
// dates on every run; only ids and the time of day in record timestamps differ.

/** The demo's "today": every demo act is dated on or before it, and demo processes pin the business clock to it. */
export const SEED_CASES_TODAY: string = demoDataset().today!;

/**
 * Demo processes (`npm start`, `npm run seed`) run on the demo's date unless SANXIANG_TODAY says otherwise,
 * so the demo's flags (overdue, hearing windows, publication periods) and figures read the same on any day.
 */
export function pinDemoClock(env: NodeJS.ProcessEnv = process.env, data: Dataset = demoDataset()): NodeJS.ProcessEnv {
  if (!env.SANXIANG_TODAY?.trim() && data.today) env.SANXIANG_TODAY = data.today;
  return env;
}

export interface SeededCase {
  key: string;
  id: string;
  caseNumber: string;
  state: CaseState;
  procedure: 'GENERAL' | 'SIMPLE';
}

export interface SeedCasesDeps {
  config: Config;
  keys: KeyMaterial;
  /** The cases database. With `reset` it is closed and replaced: use the `db` returned. */
  db?: CasesDb;
  /** Where the RUNNING powers subgraph answers (its direct URL, not the gateway). */
  powersUrl: string | (() => string);
  /** The reviews database: a case may go through legal review to its decision (R5/R6); its review rows go here. */
  reviewsDb: ReviewsDb;
  /** Drop and re-create the cases database (and its record-log witness) before loading. */
  reset?: boolean;
  /** The data folder read (default: the demo). */
  data?: Dataset;
}

/** The state each demo case ends in (tests and the start banner). */
export const SEEDED_CASE_STATES: readonly CaseState[] = [...new Set((demoDataset().scenario?.cases ?? []).map((c) => c.endsIn))];

export async function isCasesSeeded(db: CasesDb): Promise<boolean> {
  const [row] = await db.orm.select({ n: count() }).from(cases);
  return (row?.n ?? 0) > 0;
}

/**
 * The record log refuses DELETE by trigger (R17), so a reset drops the whole database, removes the
 * witness of its signed checkpoints (otherwise the fresh log reads as a rollback) and migrates anew.
 */
export async function resetCasesDatabase(config: Config): Promise<CasesDb> {
  const dbName = config.databaseName('cases');
  await dropDatabase(config.databaseUrl, dbName);
  removeWitness(config.keyDir, dbName);
  return openCasesDb(config);
}

/**
 * Walks the data's cases through the workflow. Requires the powers subgraph (with the same data) running at
 * `powersUrl`. Returns the database in use (a new one after `reset`) and what was created. A refused act
 * throws DataFileError naming the act in cases.yaml (the cases written before it stay: the caller undoes them).
 */
export async function seedCases(deps: SeedCasesDeps): Promise<{ db: CasesDb; cases: SeededCase[] }> {
  const data = deps.data ?? demoDataset();
  let db: CasesDb;
  if (deps.reset) {
    await deps.db?.close();
    db = await resetCasesDatabase(deps.config);
  } else {
    if (!deps.db) throw new Error('seedCases: db is required unless reset is set');
    db = deps.db;
  }
  if (!data.scenario?.cases.length) return { db, cases: [] };
  const today = data.today ?? deps.config.clock.today();
  // The walk moves its own clock from one act's date to the next; the running services keep theirs.
  if (deps.config.clock.today() < today) {
    throw new Error(
      `数据的日期截至 ${today}，业务日期 ${deps.config.clock.today()} 早于它：请设置 SANXIANG_TODAY=${today} 或更晚 (the data's acts would lie in the future)`,
    );
  }
  const clock = pinnedClock(today);
  const powersUrl = typeof deps.powersUrl === 'string' ? () => deps.powersUrl as string : deps.powersUrl;
  // A case that goes through legal review does so through the real review workflow on the walk's dates: a cases
  // and a reviews subgraph run on the walk's clock meanwhile (the review service calls the cases subgraph when a
  // case enters review and when the opinion is recorded; the decision asks the reviews subgraph for clearance, R6).
  const seedConfig: Config = { ...deps.config, clock };
  const quiet = createLogger('seed', 'warn');
  let reviewsUrl = '';
  // Their own connections: a service closes its pool when it stops.
  const casesSide = await startCases({
    config: seedConfig,
    db: await openCasesDb(seedConfig),
    keys: deps.keys,
    log: quiet,
    port: 0,
    powersUrl,
    reviewsUrl: () => reviewsUrl,
  });
  const reviewsSide = await startReviews({
    config: seedConfig,
    db: await openReviewsDb(seedConfig),
    keys: deps.keys,
    log: quiet,
    port: 0,
    casesUrl: () => casesSide.url,
    powersUrl,
  });
  reviewsUrl = reviewsSide.url;
  try {
    const clearance = reviewClearanceSource(createSubgraphClient({ name: 'reviews', service: 'cases', url: () => reviewsUrl, keys: deps.keys }));
    return { db, cases: await walkAll(deps, data, db, clock, clearance, { casesUrl: casesSide.url, powersUrl }) };
  } finally {
    await reviewsSide.close();
    await casesSide.close();
  }
}

async function walkAll(
  deps: SeedCasesDeps,
  data: Dataset,
  db: CasesDb,
  clock: PinnedClock,
  clearance: ClearanceSource,
  urls: { casesUrl: string; powersUrl: () => string },
): Promise<SeededCase[]> {
  const scenario = data.scenario!;
  const powers = createPowersFacts(createSubgraphClient({ name: 'powers', service: 'cases', url: urls.powersUrl, keys: deps.keys }));
  const repo = createCasesRepo(db, clock);
  const calendar = loadBundledCalendar();
  const svc = createCaseService({
    repo,
    powers,
    calendar,
    clearance,
    clock,
    integrity: { keyDir: deps.config.keyDir, dbName: deps.config.databaseName('cases') },
  });
  const reviewsRepo = createReviewsRepo(deps.reviewsDb, clock);
  const client = (name: string, u: () => string) => createSubgraphClient({ name, service: 'reviews', url: u, keys: deps.keys });
  const reviews = createReviewService({
    repo: reviewsRepo,
    facts: createReviewFacts(
      client('cases', () => urls.casesUrl),
      client('powers', urls.powersUrl),
    ),
    calendar,
    clock,
  });
  const publications = createPublicationService({ repo, calendar, clock, policyOf: async (agencyId) => (await powers.agency(agencyId))!.policy });
  const today = clock.today();
  // Each officer acts for their own agency: an entrusted organisation's handlers for it, the deciding agency's
  // principal and legal staff for that agency (Art. 20).
  const callerOf = (key: string, role?: Caller['role']): Caller => ({
    subject: key,
    role: role ?? data.officers.find((o) => o.key === key)!.role,
    agencyId: agencyIdOf(data.officers.find((o) => o.key === key)?.agency ?? scenario.agency),
    officerId: officerIdOf(key),
  });
  const env: WalkEnv = {
    svc,
    reviews,
    reviewsRepo,
    publications,
    reload: async (id) => (await repo.casesByIds([id]))[0]!,
    at(date) {
      if (date > today) throw new Error(`日期 ${date} 晚于数据的当日 ${today}`);
      clock.set(date);
    },
    callerOf,
    principal: callerOf(scenario.principal),
    publisher: callerOf(scenario.publisher),
    agencyKey: scenario.agency,
    avDevicePrefix: scenario.avDevicePrefix,
  };

  const created: SeededCase[] = [];
  for (const [i, entry] of scenario.cases.entries()) {
    let c;
    try {
      c = await new CaseWalk(env, entry).run(scenario.parties[entry.party]!);
    } catch (err) {
      if (!(err instanceof ActRefused)) throw err;
      const path = err.actIndex < 0 ? ['cases', i] : ['cases', i, 'acts', err.actIndex];
      const what = err.actIndex < 0 ? `案件 ${entry.key} 立案` : `案件 ${entry.key} 的第 ${err.actIndex + 1} 个行为（${entry.acts[err.actIndex]!.act}）`;
      throw new DataFileError([data.problemAt('cases', path, `${what}被拒绝：${err.message}`)]);
    }
    if (c.state !== entry.endsIn) {
      throw new DataFileError([
        data.problemAt('cases', ['cases', i, 'endsIn'], `案件 ${entry.key} 办理后的状态为 ${c.state}，与 endsIn: ${entry.endsIn} 不符`),
      ]);
    }
    created.push({ key: entry.key, id: c.id, caseNumber: c.caseNumber, state: c.state as CaseState, procedure: c.procedure as 'GENERAL' | 'SIMPLE' });
  }
  // Sign the loaded log at once rather than at the next timer tick.
  await createCheckpoint(db.orm, { keyDir: deps.config.keyDir, dbName: deps.config.databaseName('cases'), clock });
  return created;
}
