import type { ChecklistItemCode } from './checklist.js';

// The shape of one agency's evaluation results (results.ts); its own module so the generated resolver types can
// name it without importing the data access.

export interface AgencyEvaluationSummary {
  agencyId: string;
  /** Files drawn for the agency in rounds whose period lies within the asked period. */
  files: number;
  scored: number;
  /** Σ score / Σ max score over scored files, as a percentage with two decimals; null when none is scored. */
  scorePercent: number | null;
  findings: number;
  findingsByItem: Record<ChecklistItemCode, number>;
  rectifications: { total: number; done: number; doneLate: number; open: number; overdue: number };
}
