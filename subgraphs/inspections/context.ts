import type { RequestBase } from '../../kernel/server.js';
import type { InspectionsLoaders } from './loaders.js';
import type { InspectionsRepo } from './repo.js';
import type { SyncEngine } from './sync.js';

/** Per-request context: caller, fresh DataLoaders, the store, the sync engine, and today's legal date. */
export interface InspectionsContext extends RequestBase {
  repo: InspectionsRepo;
  loaders: InspectionsLoaders;
  sync: SyncEngine;
  /** Asia/Shanghai date of the request (R19 lateness, publication visibility). */
  today: string;
  /** USCCs of the caller's agency (via the agency links from powers); memoised per request. */
  callerAgencyUsccs: () => Promise<string[]>;
}
