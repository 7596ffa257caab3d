import { randomBytes } from 'node:crypto';
import { startGateway } from '../../gateway/server.js';
import { applicationRoutes } from '../../apps/index.js';
import { openCasesDb, startCases } from '../../subgraphs/cases/service.js';
import { startPlatformStandIn } from '../../subgraphs/inspections/platform/server.js';
import { openInspectionsDb, startInspections } from '../../subgraphs/inspections/service.js';
import { openPowersDb, startPowers } from '../../subgraphs/powers/service.js';
import { openReviewsDb, startReviews } from '../../subgraphs/reviews/service.js';
import { demoAgencyId, demoOfficerId, seedPowers } from '../../data/loader/index.js';
import { loadConfig, type Config } from '../../kernel/config.js';
import { testClock } from './clock.js';
import { dropDatabase } from '../../kernel/db.js';
import { dropPrefixAccounts } from '../../kernel/db-accounts.js';
import { loadKeyMaterial, signDevUserToken, signInternalToken, type Caller, type Role } from '../../kernel/identity.js';
import { createLogger } from '../../kernel/logger.js';
import type { RunningService } from '../../kernel/server.js';

// The whole system in-process on free ports and its own databases: real MariaDB, real HTTP, nothing mocked.

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  headers: Headers;
}

export async function startTestSystem(
  opts: {
    seed?: boolean;
    today?: string;
    /** Database prefix before the random suffix (default SANXIANG_TEST_PREFIX or sxt_manual). */
    prefix?: string;
    /** `npm run bench:integrity`'s comparison stack only (refused unless the prefix starts with sxbench). */
    unverifiedReadsForBenchmark?: boolean;
  } = {},
) {
  const prefix = `${opts.prefix ?? process.env.SANXIANG_TEST_PREFIX ?? 'sxt_manual'}_${randomBytes(3).toString('hex')}`;
  const unverifiedReadsForBenchmark = opts.unverifiedReadsForBenchmark;
  // Every service of the system runs on one pinned business clock that the test moves (sys.clock.set).
  const clock = testClock(opts.today);
  const config: Config = { ...loadConfig({ ...process.env, DB_PREFIX: prefix, PORT: '0' }), clock };
  const keys = await loadKeyMaterial(config.keyDir);
  // Log lines are kept in memory so tests can follow a request id across services.
  const logLines: Record<string, unknown>[] = [];
  const sink = { write: (line: string) => void logLines.push(JSON.parse(line) as Record<string, unknown>) };
  // One logger per service (each line names its service once), all into the same sink.
  const logFor = (service: string) => createLogger(service, process.env.LOG_LEVEL ?? 'info', sink);
  const powersDb = await openPowersDb(config);
  if (opts.seed !== false) await seedPowers(powersDb);
  const powers = await startPowers({ config, db: powersDb, keys, log: logFor('powers'), port: 0, unverifiedReadsForBenchmark });
  const urls: Record<string, string> = { powers: powers.url };
  const casesDb = await openCasesDb(config);
  const cases = await startCases({
    config,
    db: casesDb,
    keys,
    log: logFor('cases'),
    port: 0,
    powersUrl: () => urls.powers!,
    reviewsUrl: () => urls.reviews!,
    unverifiedReadsForBenchmark,
    inspectionsUrl: () => urls.inspections!,
  });
  urls.cases = cases.url;
  let reviewsDb = await openReviewsDb(config);
  const reviewsOn = (db: typeof reviewsDb, port: number) =>
    startReviews({ config, db, keys, log: logFor('reviews'), port, casesUrl: () => urls.cases!, powersUrl: () => urls.powers! });
  const reviews = await reviewsOn(reviewsDb, 0);
  urls.reviews = reviews.url;
  // The random-inspection platform is the one stand-in (an external system); inspections syncs only on demand here.
  const platform = await startPlatformStandIn({ port: 0 });
  const inspectionsDb = await openInspectionsDb(config);
  const inspections = await startInspections({
    config,
    db: inspectionsDb,
    keys,
    log: logFor('inspections'),
    port: 0,
    platformUrl: () => platform.url,
    powersUrl: () => urls.powers!,
    resilience: { timeoutMs: 2000, maxAttempts: 2, initialBackoffMs: 20, maxBackoffMs: 50, breakerThreshold: 5, halfOpenAfterMs: 500 },
  });
  urls.inspections = inspections.url;
  const gateway = await startGateway({ config, keys, log: logFor('gateway'), port: 0, subgraphUrl: (name) => urls[name]!, routes: applicationRoutes() });
  const running = new Map<string, RunningService>([
    ['powers', powers],
    ['cases', cases],
    ['reviews', reviews],
    ['inspections', inspections],
    ['gateway', gateway],
  ]);

  const token = (role: Role, agencyKey: string | null = 'midong-cgj', officerKey: string | null = null) =>
    signDevUserToken(keys, {
      role,
      agencyId: agencyKey ? demoAgencyId(agencyKey) : null,
      officerId: officerKey ? demoOfficerId(officerKey) : null,
      subject: officerKey ?? `${role.toLowerCase()}-test`,
    });

  async function post<T>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<GqlResult<T>> {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const text = await res.text();
    let json: Partial<GqlResult<T>> = {};
    try {
      json = JSON.parse(text) as Partial<GqlResult<T>>;
    } catch {
      json = { errors: [{ message: `non-JSON response: ${text.slice(0, 200)}` }] };
    }
    return { ...json, status: res.status, headers: res.headers };
  }

  return {
    config,
    clock,
    keys,
    prefix,
    powersDb,
    casesDb,
    logLines,
    powers,
    cases,
    /** The reviews database (the current one after `restartReviews`). */
    get reviewsDb() {
      return reviewsDb;
    },
    reviews,
    platform,
    inspectionsDb,
    inspections,
    gateway,
    token,
    /** Stop one service mid-test (e.g. to show fail-closed behaviour); stop() skips it later. */
    async stopService(name: string) {
      const s = running.get(name);
      running.delete(name);
      await s?.close();
    },
    /** Start the reviews service again after `stopService('reviews')`, on the same port (the gateway's and cases' URL). */
    async restartReviews() {
      if (running.has('reviews')) throw new Error('reviews is running');
      reviewsDb = await openReviewsDb(config);
      running.set('reviews', await reviewsOn(reviewsDb, Number(new URL(reviews.url).port)));
    },
    agencyId: demoAgencyId,
    officerId: demoOfficerId,
    /** A query through the gateway, optionally with a bearer token. */
    gql: <T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, bearer?: string, headers: Record<string, string> = {}) =>
      post<T>(gateway.url, { query, variables }, { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...headers }),
    /** A query straight to a subgraph, as the gateway would send it (or without a token, as an attacker would). */
    subgraph: async <T = Record<string, any>>(url: string, query: string, variables: Record<string, unknown> = {}, caller?: Caller) =>
      post<T>(
        url,
        { query, variables },
        // The token names the subgraph it is for, as the gateway's do.
        caller ? { authorization: `Bearer ${await signInternalToken(keys, caller, 'test', Object.keys(urls).find((n) => urls[n] === url) ?? 'unknown')}` } : {},
      ),
    async stop() {
      for (const name of [...running.keys()].reverse()) {
        await running.get(name)!.close();
        running.delete(name);
      }
      await platform.close();
      for (const name of ['powers', 'cases', 'reviews', 'inspections'] as const) await dropDatabase(config.databaseUrl, config.databaseName(name));
      // The run's own MariaDB accounts (admin + service, named after the prefix).
      await dropPrefixAccounts(config.databaseUrl, config);
    },
  };
}

export type TestSystem = Awaited<ReturnType<typeof startTestSystem>>;
