import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { loadBundledCalendar } from '../shared/calendar.js';
import type { Config } from '../shared/config.js';
import { isReachable, prepareDatabase } from '../shared/db.js';
import type { KeyMaterial } from '../shared/identity.js';
import type { Logger } from '../shared/logger.js';
import { startSubgraph, type RunningService } from '../shared/server.js';
import { createSubgraphClient } from '../shared/subgraph-client.js';
import { createCaseService } from './case-service.js';
import type { CasesContext } from './context.js';
import { schema } from './db/schema.js';
import { createCaseLoaders } from './loaders.js';
import { createPowersFacts } from './powers-facts.js';
import { startCheckpointTimer, verifyRecords } from './records/log.js';
import { createCasesRepo, type CasesDb } from './repo.js';
import { resolvers } from './resolvers.js';

export const CASES_SDL_PATH = new URL('../../schema/cases.graphql', import.meta.url);
export const CASES_MIGRATIONS = new URL('./migrations', import.meta.url).pathname;
/** Signed checkpoints of the record log: every minute by default (CHECKPOINT_INTERVAL_MS). */
const CHECKPOINT_INTERVAL_MS = Number(process.env.CHECKPOINT_INTERVAL_MS || 60_000);

export const openCasesDb = (config: Config): Promise<CasesDb> => prepareDatabase(config.databaseUrl, config.databaseName('cases'), schema, CASES_MIGRATIONS);

export async function startCases(opts: {
  config: Config;
  db: CasesDb;
  keys: KeyMaterial;
  log: Logger;
  port?: number;
  /** Where `powers` answers (defaults to config: POWERS_URL or localhost:POWERS_PORT). */
  powersUrl?: () => string;
  today?: () => string;
}): Promise<RunningService> {
  const { config, db } = opts;
  const repo = createCasesRepo(db);
  const powersClient = createSubgraphClient({ name: 'powers', service: 'cases', url: opts.powersUrl ?? (() => config.serviceUrl('powers')), keys: opts.keys });
  const service = createCaseService({ repo, powers: createPowersFacts(powersClient), calendar: loadBundledCalendar(), today: opts.today });
  const recordKeys = { keyDir: config.keyDir, dbName: config.databaseName('cases') };
  const stopCheckpoints = startCheckpointTimer(
    db.orm,
    { ...recordKeys, onError: (err) => opts.log.error({ err }, 'record checkpoint failed') },
    CHECKPOINT_INTERVAL_MS,
  );
  const verify = async (caseId: string) => {
    const r = await verifyRecords(db.orm, { ...recordKeys, caseId });
    return { ok: r.ok, entriesChecked: r.entriesChecked, firstProblem: r.firstBad?.message ?? null, firstBadEntryId: r.firstBad?.entryId ?? null };
  };
  return startSubgraph<CasesContext>({
    name: 'cases',
    typeDefs: parse(readFileSync(CASES_SDL_PATH, 'utf8')),
    resolvers: resolvers as GraphQLResolverMap<CasesContext>,
    keys: opts.keys,
    log: opts.log,
    port: opts.port ?? config.servicePort('cases'),
    ready: () => isReachable(db.pool),
    context: (base) => ({ ...base, repo, service, loaders: createCaseLoaders(repo), verify }),
    onClose: async () => {
      await stopCheckpoints();
      await db.close();
    },
  });
}
