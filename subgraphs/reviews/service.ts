import { startCalendarRefresh } from '../../kernel/calendar-refresh.js';
import { createExportRowsCheck, createRoundCheck } from './verified-rounds.js';
import { readFileSync } from 'node:fs';
import { REVIEWS_INPUT_LIMITS } from './input-limits.js';
import { parse } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { loadBundledCalendar } from '../../kernel/calendar.js';
import { drizzle } from 'drizzle-orm/mysql2';
import { openLeastPrivilegeDb, reviewsPrivilegesFor, type AccountSetup } from '../../kernel/db-accounts.js';
import { isFencedOut, registerLeaseMetrics, runAsSingleton } from '../../kernel/lease.js';
import { startCheckpointTimer } from '../../kernel/records/log.js';
import { REVIEWS_LOG } from './records.js';
import { reviewsSigningKey } from './conclusion.js';
import type { Config } from '../../kernel/config.js';
import { isReachable } from '../../kernel/db.js';
import type { KeyMaterial } from '../../kernel/identity.js';
import type { Logger } from '../../kernel/logger.js';
import { startSubgraph, type RunningService } from '../../kernel/server.js';
import { createSubgraphClient } from '../../kernel/subgraph-client.js';
import type { ReviewsContext } from './context.js';
import { csvExportRoute } from '../../kernel/csv-export.js';
import { REVIEW_EXPORTS } from './statistics-export.js';
import { calendarYears, schema } from './db/schema.js';
import { createReviewFacts } from './facts.js';
import { createReviewLoaders } from './loaders.js';
import { createReviewsRepo, type ReviewsDb } from './repo.js';
import { resolvers as reviewResolvers } from './resolvers.js';
import { statisticsResolvers } from './statistics.js';
import type { Resolvers } from './generated/resolvers-types.js';
import { createReviewService } from './review-service.js';

const resolvers: Resolvers = { ...reviewResolvers, ...statisticsResolvers };

export const REVIEWS_SDL_PATH = new URL('../../schema/reviews.graphql', import.meta.url);
export const REVIEWS_MIGRATIONS = new URL('./migrations', import.meta.url).pathname;

export const openReviewsDb = (config: Config, setup: AccountSetup = {}): Promise<ReviewsDb> =>
  openLeastPrivilegeDb(config, { service: 'reviews', schema, migrations: REVIEWS_MIGRATIONS, privilegesFor: reviewsPrivilegesFor, leases: true, ...setup });

export async function startReviews(opts: {
  config: Config;
  db: ReviewsDb;
  keys: KeyMaterial;
  log: Logger;
  port?: number;
  casesUrl?: () => string;
  powersUrl?: () => string;
}): Promise<RunningService> {
  const { config, db, keys } = opts;
  const { clock } = config;
  const repo = createReviewsRepo(db, clock);
  const client = (name: string, url: () => string) => createSubgraphClient({ name, service: 'reviews', url, keys });
  const facts = createReviewFacts(
    client('cases', opts.casesUrl ?? (() => config.serviceUrl('cases'))),
    client('powers', opts.powersUrl ?? (() => config.serviceUrl('powers'))),
  );
  const today = () => clock.today();
  // R12 (issue 26, part D): the bundled years plus those loaded at run time, as this service applied them (its own
  // calendar_years); with several replicas, a year applied through another one is picked up within CALENDAR_REFRESH_MS.
  const calendar = loadBundledCalendar();
  for (const y of await repo.calendarYears()) calendar.setYear(y.arrangement);
  const service = createReviewService({ repo, facts, calendar, clock, keyDir: config.keyDir });
  // Issue 25: the reviews log is checkpointed each second like the cases log (one signer among replicas), and the
  // reviews signing key (with its public half, which cases verifies conclusions with) exists from the start.
  reviewsSigningKey(config.keyDir);
  const backgroundOrm = drizzle(db.pool, { schema, mode: 'default' });
  const calendarRefresh = startCalendarRefresh(calendar, () => backgroundOrm.select().from(calendarYears), opts.log);
  const recordKeys = { keyDir: config.keyDir, dbName: config.databaseName('reviews'), clock, ...REVIEWS_LOG };
  const checkpointLease = runAsSingleton({ pool: db.pool, lease: 'reviews-record-checkpoints', log: opts.log }, (fence) =>
    // Each checkpoint INSERT is conditioned on the lease token (issue 27: fencing).
    startCheckpointTimer(
      backgroundOrm,
      {
        ...recordKeys,
        fence,
        onError: (err) =>
          isFencedOut(err)
            ? opts.log.warn({ err, token: fence.token }, 'reviews record checkpoint refused: lease moved on')
            : opts.log.error({ err }, 'reviews record checkpoint failed'),
      },
      1000,
    ),
  );
  // Issue 25: the API serves rounds only as the reviews log says they are (verified-rounds.ts).
  const checkRounds = createRoundCheck(db.orm, config.keyDir, opts.log);
  return startSubgraph<ReviewsContext>({
    name: 'reviews',
    inputLimits: REVIEWS_INPUT_LIMITS,
    typeDefs: parse(readFileSync(REVIEWS_SDL_PATH, 'utf8')),
    resolvers: resolvers as GraphQLResolverMap<ReviewsContext>,
    keys,
    log: opts.log,
    port: opts.port ?? config.servicePort('reviews'),
    ready: () => isReachable(db.pool),
    context: (base) => ({ ...base, repo, service, loaders: createReviewLoaders(repo, checkRounds), today, calendar }),
    routes: [csvExportRoute(db.pool, REVIEW_EXPORTS, today, createExportRowsCheck(db.orm, checkRounds))],
    pool: db.pool,
    metrics: (m) => registerLeaseMetrics(m, [checkpointLease]),
    onClose: async () => {
      clearInterval(calendarRefresh);
      await checkpointLease.stop();
      await db.close();
    },
  });
}
