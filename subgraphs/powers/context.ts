import type { RequestBase } from '../../kernel/server.js';
import type { DocumentService } from './documents.js';
import type { PowersLog } from './integrity/log.js';
import type { PowersLoaders } from './loaders.js';
import type { PowersRepo } from './repo.js';

/** Per-request context: caller identity, a fresh set of DataLoaders, and the data services. */
export interface PowersContext extends RequestBase {
  repo: PowersRepo;
  docs: DocumentService;
  /** The powers log (issue 25): appends, and the authenticated entries the read checks compare rows with. */
  powersLog: PowersLog;
  loaders: PowersLoaders;
  /** False only in `npm run bench:integrity`'s comparison run (kernel/records/bench-switch.ts); true in production. */
  verifyReads: boolean;
  /** Today's business date (the credential status in force today). */
  today: () => string;
}
