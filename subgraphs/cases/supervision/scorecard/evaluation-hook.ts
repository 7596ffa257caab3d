import type { Executor } from '../../../../kernel/records/log.js';

// The case-file evaluation (案卷评查) results the scorecard uses: points obtained and points possible per agency over
// the evaluated files of a period. Issue 30's evaluation module (helper 30a, subgraphs/cases/supervision/evaluation/)
// provides `evaluationResultsForPeriod`; until it is merged this hook answers "no evaluation data" and the EVALUATION
// component is left out of the total (its weight is redistributed, weights.ts).

export interface EvaluationResult {
  agencyId: string;
  /** Points the evaluated files obtained, summed. */
  points: number;
  /** Points possible for those files, summed. */
  maxPoints: number;
}

export type EvaluationResultsSource = (db: Executor, period: { agencyId: string | null; from: string; to: string }) => Promise<EvaluationResult[]>;

export const evaluationResultsForPeriod: EvaluationResultsSource = async () => [];
