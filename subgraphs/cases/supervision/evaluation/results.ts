import { CHECKLIST_ITEM_CODES, type ChecklistItemCode } from './checklist.js';
import type { AgencyEvaluationSummary } from './summary.js';
import type { EvaluationRepo } from './repo.js';
import { rectificationOverdue } from './rules.js';
import type { EvaluationFileRow, RectificationRow } from './schema.js';

// The read the assessment scorecard (评议考核, issue 30) uses: per agency, what the case-file evaluations of a period
// found. Two statements whatever the number of files; the aggregation is pure (aggregateEvaluationResults).

export function aggregateEvaluationResults(
  agencyIds: readonly string[],
  files: readonly Pick<EvaluationFileRow, 'id' | 'agencyId' | 'state' | 'score' | 'maxScore' | 'findings'>[],
  rects: readonly Pick<RectificationRow, 'agencyId' | 'state' | 'dueOn' | 'doneOn'>[],
  today: string,
): AgencyEvaluationSummary[] {
  return [...new Set(agencyIds)].map((agencyId) => {
    const mine = files.filter((f) => f.agencyId === agencyId);
    const scored = mine.filter((f) => f.state === 'SCORED');
    const got = scored.reduce((s, f) => s + (f.score ?? 0), 0);
    const max = scored.reduce((s, f) => s + f.maxScore, 0);
    const byItem = Object.fromEntries(CHECKLIST_ITEM_CODES.map((c) => [c, 0])) as Record<ChecklistItemCode, number>;
    for (const f of scored) for (const x of f.findings ?? []) byItem[x.itemCode] = (byItem[x.itemCode] ?? 0) + 1;
    const rs = rects.filter((r) => r.agencyId === agencyId);
    return {
      agencyId,
      files: mine.length,
      scored: scored.length,
      scorePercent: max ? Math.round((got * 10000) / max) / 100 : null,
      findings: scored.reduce((s, f) => s + (f.findings?.length ?? 0), 0),
      findingsByItem: byItem,
      rectifications: {
        total: rs.length,
        done: rs.filter((r) => r.state === 'DONE').length,
        doneLate: rs.filter((r) => r.state === 'DONE' && !!r.doneOn && r.doneOn > r.dueOn).length,
        open: rs.filter((r) => r.state === 'OPEN').length,
        overdue: rs.filter((r) => rectificationOverdue(r, today)).length,
      },
    };
  });
}

/**
 * Per agency, the evaluation results of the rounds whose period lies within `period` (both ends inclusive). No access
 * check here: the caller (a resolver, or the scorecard) decides who may see which agencies.
 */
export async function evaluationResultsForPeriod(
  repo: EvaluationRepo,
  agencyIds: readonly string[],
  period: { from: string; to: string },
  today: string,
): Promise<AgencyEvaluationSummary[]> {
  if (!agencyIds.length) return [];
  const rows = await repo.filesForPeriod(agencyIds, period.from, period.to);
  const files = rows.map((r) => r.file);
  const rects = await repo.rectificationsForFiles(files.map((f) => f.id));
  return aggregateEvaluationResults(agencyIds, files, rects, today);
}

export type { AgencyEvaluationSummary };
