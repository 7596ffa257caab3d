import type { RequestBase } from '../../kernel/server.js';
import type { WorkingDayCalendar } from '../../kernel/calendar.js';
import type { CaseService } from './case-service.js';
import type { PublicationService } from './publication-service.js';
import type { CaseLoaders } from './loaders.js';
import type { CasesRepo } from './repo.js';
import type { RecordsVerifier } from './model.js';
import type { ReliefService } from './relief.js';
import type { PublicTextCheck } from './public-text.js';
import type { ClassifiedAccess } from './verified-access.js';
import type { SupervisionService } from './supervision/clues/service.js';
import type { EvaluationContext } from './supervision/evaluation/index.js';

export interface CasesContext extends RequestBase {
  repo: CasesRepo;
  service: CaseService;
  loaders: CaseLoaders;
  verify: RecordsVerifier;
  publications: PublicationService;
  relief: ReliefService;
  calendar: WorkingDayCalendar;
  today: () => string;
  /** Issue 25: public text is served only when it matches its verified PUBLICATION entry. */
  publicText: PublicTextCheck;
  /** Issue 25: R16's "who sees the party's identity" from the case row and its authenticated filing entry together. */
  access: ClassifiedAccess;
  /** Issue 30: problem models and their clues. */
  supervision: SupervisionService;
  /** 案卷评查 (issue 30): supervision/evaluation/. */
  evaluation: EvaluationContext;
}
