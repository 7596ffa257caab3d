import type { ProblemModel } from './model.js';
import { benchmarkDepartureByOfficer } from './models/benchmark-departure-by-officer.js';
import { closedWithoutExecution } from './models/closed-without-execution.js';
import { decidedAtDeadline } from './models/decided-at-deadline.js';
import { fastReview } from './models/fast-review.js';
import { fineAtTierMaximum } from './models/fine-at-tier-maximum.js';
import { inspectionProblemWithoutCase } from './models/inspection-problem-without-case.js';
import { lateEntriesByOfficer } from './models/late-entries-by-officer.js';
import { publicationOverdue } from './models/publication-overdue.js';
import { reliefCorrectionsByPowerItem } from './models/relief-corrections-by-power-item.js';
import { repeatPartyNoEscalation } from './models/repeat-party-no-escalation.js';
import { sameOfficerPair } from './models/same-officer-pair.js';
import { seizureOverdue } from './models/seizure-overdue.js';

/** Every problem model, in the order docs/supervision-models.md describes them. Adding a model = one file + one line. */
export const SUPERVISION_MODELS: readonly ProblemModel[] = [
  fineAtTierMaximum,
  benchmarkDepartureByOfficer,
  decidedAtDeadline,
  lateEntriesByOfficer,
  sameOfficerPair,
  fastReview,
  publicationOverdue,
  seizureOverdue,
  closedWithoutExecution,
  repeatPartyNoEscalation,
  reliefCorrectionsByPowerItem,
  inspectionProblemWithoutCase,
];

export const modelByCode = (code: string): ProblemModel | undefined => SUPERVISION_MODELS.find((m) => m.code === code);
