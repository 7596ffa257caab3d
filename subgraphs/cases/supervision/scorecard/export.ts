import type { CsvExportSpec } from '../../../../kernel/csv-export.js';
import type { StatisticsScope } from '../../../../kernel/statistics.js';
import { modelByCode } from '../clues/registry.js';

// The rows behind the scorecard's clue component (issue 30): GET /exports/indicators/supervision-clues.csv?from=&to=
// [&agencyId=], streamed like every indicator export (kernel/csv-export.ts). For analysts too, so no subject or
// summary (which can name an officer or a party): the agency, the model, the dates, the status and the counts.

interface ClueExportRow {
  agency_id: string;
  model_code: string;
  raised_on: string;
  period_from: string;
  period_to: string;
  status: string;
  handled_on: string | null;
  hits: unknown;
  base: unknown;
}

const STATUS_ZH: Record<string, string> = { OPEN: '待处理', ACCEPTED: '采纳', DISMISSED: '不予采纳' };

export const SUPERVISION_EXPORTS: Record<string, CsvExportSpec<ClueExportRow>> = {
  'supervision-clues': {
    title: '执法监督线索（线索办结率）',
    header: ['执法主体ID', '问题模型', '提出日期', '期间起', '期间止', '命中件数', '基数', '处理日期', '指标判定'],
    query: (scope: StatisticsScope) => ({
      sql: `SELECT agency_id, model_code, raised_on, period_from, period_to, status, handled_on,
          JSON_EXTRACT(evidence, '$.figures.hits') AS hits, JSON_EXTRACT(evidence, '$.figures.base') AS base
        FROM supervision_clues WHERE raised_on BETWEEN ? AND ?${scope.agencyId ? ' AND agency_id = ?' : ''}
        ORDER BY agency_id, raised_on, id`,
      values: [scope.from, scope.to, ...(scope.agencyId ? [scope.agencyId] : [])],
    }),
    cells: (r) => [
      r.agency_id,
      modelByCode(r.model_code)?.name ?? r.model_code,
      r.raised_on,
      r.period_from,
      r.period_to,
      Number(r.hits ?? 0),
      Number(r.base ?? 0),
      r.handled_on,
      STATUS_ZH[r.status] ?? r.status,
    ],
  },
};
