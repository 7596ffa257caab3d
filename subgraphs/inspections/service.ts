import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { loadBundledCalendar } from '../../kernel/calendar.js';
import { openLeastPrivilegeDb, type AccountSetup } from '../../kernel/db-accounts.js';
import type { Config } from '../../kernel/config.js';
import { isReachable } from '../../kernel/db.js';
import { registerLeaseMetrics, runAsSingleton, type LeaseTiming, type SingletonJob } from '../../kernel/lease.js';
import type { KeyMaterial } from '../../kernel/identity.js';
import type { Logger } from '../../kernel/logger.js';
import { startSubgraph, type RunningService } from '../../kernel/server.js';
import { createSubgraphClient } from '../../kernel/subgraph-client.js';
import type { InspectionsContext } from './context.js';
import { csvExportRoute } from '../../kernel/csv-export.js';
import { INSPECTION_EXPORTS } from './statistics-export.js';
import { schema } from './db/schema.js';
import { createPowersDirectory } from './directory.js';
import { createLoaders } from './loaders.js';
import { createPlatformClient, type ResilienceOptions } from './platform-client.js';
import { createInspectionsRepo, type InspectionsDb } from './repo.js';
import { resolvers as inspectionResolvers } from './resolvers.js';
import { statisticsResolvers } from './statistics.js';
import type { Resolvers } from './generated/resolvers-types.js';
import { createSyncEngine, type SyncEngine } from './sync.js';
import { readSecret } from '../../kernel/secrets.js';

const BREAKER_LEVEL = { CLOSED: 0, HALF_OPEN: 1, OPEN: 2, ISOLATED: 2 } as const;

const resolvers: Resolvers = { ...inspectionResolvers, ...statisticsResolvers };

export const INSPECTIONS_SDL_PATH = new URL('../../schema/inspections.graphql', import.meta.url);
export const INSPECTIONS_MIGRATIONS = new URL('./migrations', import.meta.url).pathname;

/** Where the random-inspection platform answers: PLATFORM_URL (base URL; the API is under /api/v1). */
export const platformUrlFromEnv = (env: NodeJS.ProcessEnv = process.env): string | undefined => env.PLATFORM_URL || undefined;
/** Sync every INSPECTIONS_SYNC_INTERVAL_MS (default 5 minutes; 0 disables the schedule). */
export const syncIntervalFromEnv = (env: NodeJS.ProcessEnv = process.env): number => Number(env.INSPECTIONS_SYNC_INTERVAL_MS ?? 300_000);

export const openInspectionsDb = (config: Config, setup: AccountSetup = {}): Promise<InspectionsDb> =>
  openLeastPrivilegeDb(config, { service: 'inspections', schema, migrations: INSPECTIONS_MIGRATIONS, leases: true, ...setup });

export async function startInspections(opts: {
  config: Config;
  db: InspectionsDb;
  keys: KeyMaterial;
  log: Logger;
  port?: number;
  platformUrl: () => string;
  platformApiKey?: string;
  /** Where `powers` answers, for the agency and officer links (defaults to config). */
  powersUrl?: () => string;
  /** 0 or absent: no schedule (tests call sync.run themselves). */
  syncIntervalMs?: number;
  resilience?: Partial<ResilienceOptions>;
  pageSize?: number;
  staleAfterMs?: number;
  /** Lease timing of the scheduled sync (defaults: LEASE_TTL_MS, LEASE_RENEW_MS). */
  lease?: Partial<LeaseTiming>;
}): Promise<RunningService & { sync: SyncEngine; syncLease: SingletonJob | null }> {
  const { config, db, log } = opts;
  const repo = createInspectionsRepo(db);
  const client = createPlatformClient({
    baseUrl: opts.platformUrl,
    apiKey: opts.platformApiKey ?? readSecret('PLATFORM_API_KEY'),
    resilience: opts.resilience,
  });
  const powers = createSubgraphClient({
    name: 'powers',
    service: 'inspections',
    url: opts.powersUrl ?? (() => config.serviceUrl('powers')),
    keys: opts.keys,
  });
  const sync = createSyncEngine({
    db,
    repo,
    client,
    calendar: loadBundledCalendar(),
    directory: createPowersDirectory(powers),
    log: log.child({ component: 'inspection-sync' }),
    pageSize: opts.pageSize,
    staleAfterMs: opts.staleAfterMs ?? (opts.syncIntervalMs ? opts.syncIntervalMs * 3 : undefined),
    clock: config.clock,
  });
  // The schedule runs in one replica only: the one holding the `inspection-sync` lease (issue 16). It resumes
  // from the checkpoints in the database, wherever the previous holder stopped.
  const interval = opts.syncIntervalMs;
  const syncLease = interval
    ? runAsSingleton({ pool: db.pool, lease: 'inspection-sync', log, ...opts.lease }, (fence) => sync.schedule(interval, fence))
    : null;
  const service = await startSubgraph<InspectionsContext>({
    name: 'inspections',
    typeDefs: parse(readFileSync(INSPECTIONS_SDL_PATH, 'utf8')),
    resolvers: resolvers as GraphQLResolverMap<InspectionsContext>,
    keys: opts.keys,
    log,
    port: opts.port ?? config.servicePort('inspections'),
    ready: () => isReachable(db.pool),
    context: (base) => {
      let usccs: Promise<string[]> | null = null;
      return {
        ...base,
        repo,
        sync,
        loaders: createLoaders(repo),
        today: config.clock.today(),
        callerAgencyUsccs: () => (usccs ??= base.caller.agencyId ? repo.usccsOfAgency(base.caller.agencyId) : Promise.resolve([])),
      };
    },
    routes: [csvExportRoute(db.pool, INSPECTION_EXPORTS, () => config.clock.today())],
    pool: db.pool,
    metrics: (m) => {
      if (syncLease) registerLeaseMetrics(m, [syncLease]);
      m.gauge('sanxiang_inspections_sync_lag_seconds', 'Seconds since the last successful platform sync (+Inf: never)', [], async (set) => {
        const { lastSyncedAt } = await sync.status();
        set({}, lastSyncedAt ? (config.clock.now().getTime() - lastSyncedAt.getTime()) / 1000 : Infinity); // same clock that stamped the sync
      });
      m.gauge('sanxiang_inspections_sync_failing', '1 when the last platform sync failed', [], async (set) => {
        set({}, (await sync.status()).lastError ? 1 : 0);
      });
      m.gauge('sanxiang_inspections_platform_breaker_state', "The platform client's circuit breaker: 0 closed, 1 half-open, 2 open", [], (set) => {
        set({}, BREAKER_LEVEL[client.breakerState()]);
      });
    },
    onClose: async () => {
      await syncLease?.stop();
      await db.close();
    },
  });
  return { ...service, sync, syncLease };
}
