import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { openLeastPrivilegeDb } from '../../kernel/db-accounts.js';
import type { Config } from '../../kernel/config.js';
import { isReachable } from '../../kernel/db.js';
import type { KeyMaterial } from '../../kernel/identity.js';
import type { Logger } from '../../kernel/logger.js';
import { startSubgraph, type RunningService } from '../../kernel/server.js';
import type { PowersContext } from './context.js';
import { schema } from './db/schema.js';
import { createDocumentService } from './documents.js';
import { createPowersLog } from './integrity/log.js';
import { createLoaders } from './loaders.js';
import { createRepo, type PowersDb } from './repo.js';
import { resolvers } from './resolvers.js';
import { statisticsResolvers } from './statistics.js';

export const POWERS_SDL_PATH = new URL('../../schema/powers.graphql', import.meta.url);
export const POWERS_MIGRATIONS = new URL('./migrations', import.meta.url).pathname;

export const openPowersDb = (config: Config): Promise<PowersDb> => openLeastPrivilegeDb(config, { service: 'powers', schema, migrations: POWERS_MIGRATIONS });

/** Start the powers subgraph on an already prepared database. */
export async function startPowers(opts: { config: Config; db: PowersDb; keys: KeyMaterial; log: Logger; port?: number }): Promise<RunningService> {
  const clock = opts.config.clock;
  const log = createPowersLog(clock, opts.config.keyDir);
  const repo = createRepo(opts.db, clock, log);
  const docs = createDocumentService(repo, clock, log);
  return startSubgraph<PowersContext>({
    name: 'powers',
    typeDefs: parse(readFileSync(POWERS_SDL_PATH, 'utf8')),
    resolvers: { ...resolvers, ...statisticsResolvers } as GraphQLResolverMap<PowersContext>,
    keys: opts.keys,
    log: opts.log,
    port: opts.port ?? opts.config.servicePort('powers'),
    ready: () => isReachable(opts.db.pool),
    context: (base) => ({ ...base, repo, docs, powersLog: log, loaders: createLoaders(repo, log), today: () => clock.today() }),
    pool: opts.db.pool,
    onClose: () => opts.db.close(),
  });
}
