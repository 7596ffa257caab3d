import { readFileSync } from 'node:fs';
import { POWERS_INPUT_LIMITS } from './input-limits.js';
import { parse } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { openLeastPrivilegeDb, type AccountSetup } from '../../kernel/db-accounts.js';
import type { Config } from '../../kernel/config.js';
import { isReachable } from '../../kernel/db.js';
import type { KeyMaterial } from '../../kernel/identity.js';
import type { Logger } from '../../kernel/logger.js';
import { startSubgraph, type RunningService } from '../../kernel/server.js';
import type { PowersContext } from './context.js';
import { schema } from './db/schema.js';
import { createDocumentService } from './documents.js';
import { drizzle } from 'drizzle-orm/mysql2';
import { registerLeaseMetrics, runAsSingleton } from '../../kernel/lease.js';
import { startCheckpointTimer } from '../../kernel/records/log.js';
import { createPowersLog } from './integrity/log.js';
import { POWERS_LOG } from './integrity/verify.js';
import { readsVerified } from '../../kernel/records/bench-switch.js';
import { createLoaders } from './loaders.js';
import { createRepo, type PowersDb } from './repo.js';
import { resolvers } from './resolvers.js';
import { statisticsResolvers } from './statistics.js';

export const POWERS_SDL_PATH = new URL('../../schema/powers.graphql', import.meta.url);
export const POWERS_MIGRATIONS = new URL('./migrations', import.meta.url).pathname;

export const openPowersDb = (config: Config, setup: AccountSetup = {}): Promise<PowersDb> =>
  openLeastPrivilegeDb(config, { service: 'powers', schema, migrations: POWERS_MIGRATIONS, leases: true, ...setup });

/** Start the powers subgraph on an already prepared database. */
export async function startPowers(opts: {
  config: Config;
  db: PowersDb;
  keys: KeyMaterial;
  log: Logger;
  port?: number;
  /** `npm run bench:integrity` only (kernel/records/bench-switch.ts): refused outside the benchmark's databases. */
  unverifiedReadsForBenchmark?: boolean;
}): Promise<RunningService> {
  const clock = opts.config.clock;
  const verifyReads = readsVerified(opts.unverifiedReadsForBenchmark, opts.config.dbPrefix);
  const log = createPowersLog(clock, opts.config.keyDir);
  const repo = createRepo(opts.db, clock, log);
  const docs = createDocumentService(repo, clock, log);
  // Issue 25: the powers log's head is signed each second (one signer among replicas: the lease holder).
  const backgroundOrm = drizzle(opts.db.pool, { schema, mode: 'default' });
  const recordKeys = { keyDir: opts.config.keyDir, dbName: opts.config.databaseName('powers'), clock, ...POWERS_LOG };
  const checkpointLease = runAsSingleton({ pool: opts.db.pool, lease: 'powers-record-checkpoints', log: opts.log }, () =>
    startCheckpointTimer(backgroundOrm, { ...recordKeys, onError: (err) => opts.log.error({ err }, 'powers record checkpoint failed') }, 1000),
  );
  return startSubgraph<PowersContext>({
    name: 'powers',
    inputLimits: POWERS_INPUT_LIMITS,
    typeDefs: parse(readFileSync(POWERS_SDL_PATH, 'utf8')),
    resolvers: { ...resolvers, ...statisticsResolvers } as GraphQLResolverMap<PowersContext>,
    keys: opts.keys,
    log: opts.log,
    port: opts.port ?? opts.config.servicePort('powers'),
    ready: () => isReachable(opts.db.pool),
    context: (base) => ({ ...base, repo, docs, powersLog: log, loaders: createLoaders(repo, log), verifyReads, today: () => clock.today() }),
    pool: opts.db.pool,
    metrics: (m) => registerLeaseMetrics(m, [checkpointLease]),
    onClose: async () => {
      await checkpointLease.stop();
      await opts.db.close();
    },
  });
}
