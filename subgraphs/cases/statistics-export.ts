import type { SubgraphRoute } from '../../kernel/server.js';
import { csvExportRoute, type CsvExportSpec } from '../../kernel/csv-export.js';
import type { StatisticsScope } from '../../kernel/statistics.js';
import { maskPersonName, personNamed } from './domain/publicity.js';
import { serviceLate } from './domain/stated-order.js';
import { HEARING_HELD_SQL } from './statistics.js';
import { LABELS } from '../../kernel/statistics-tables.js';
import type { CasesDb } from './repo.js';
import { SUPERVISION_EXPORTS } from './supervision/scorecard/export.js';

// CSV of the rows behind a cases indicator, for analysts (issue 7): GET /exports/indicators/<name>.csv
// ?from=&to=[&agencyId=]. Streamed from the database row by row (mysql2 query stream → HTTP response,
// with back-pressure), never built in memory. Masked: a natural person is 张某; never an ID number,
// phone, address or the facts text. Behind the internal token (the gateway proxies analysts' requests).

type Anchor = 'filed' | 'decided' | 'closed' | 'published' | 'changed';

interface ExportRow {
  case_number: string;
  agency_id: string;
  case_type: string;
  procedure: string;
  state: string;
  party_kind: string;
  party_name: string;
  confidentiality: string | null;
  filed_on: string;
  decision_due_on: string;
  decided_on: string | null;
  outcome: string | null;
  fine_amount: string | null;
  confiscation_amount: string | null;
  review_required: number | null;
  hearing_held: number | null;
  decision_review_id: string | null;
  party_present_at_decision: number | null;
  service_due_on: string | null;
  served_on: string | null;
  service_recorded_on: string | null;
  closed_on: string | null;
  archived_on: string | null;
  publication_status: string | null;
  publication_due_on: string | null;
  published_on: string | null;
  changed_on: string | null;
  withdrawal_due_on: string | null;
  withdrawn_on: string | null;
}

type Column =
  | 'case_number'
  | 'agency_id'
  | 'case_type'
  | 'procedure'
  | 'state'
  | 'party'
  | 'filed_on'
  | 'decision_due_on'
  | 'decided_on'
  | 'outcome'
  | 'fine_amount'
  | 'confiscation_amount'
  | 'review_required'
  | 'hearing_held'
  | 'decision_review_id'
  | 'party_present_at_decision'
  | 'service_due_on'
  | 'served_on'
  | 'service_recorded_on'
  | 'closed_on'
  | 'archived_on'
  | 'publication_status'
  | 'publication_due_on'
  | 'published_on'
  | 'changed_on'
  | 'withdrawal_due_on'
  | 'withdrawn_on';

/** Chinese labels of the codes an export shows (issue 17: no English enum code reaches a spreadsheet). */
const CODE_ZH: Record<string, string> = {
  ...LABELS,
  PENALTY: '行政处罚',
  FILED: '已立案',
  INVESTIGATING: '调查取证',
  NOTIFIED: '已告知',
  HEARING: '听证',
  UNDER_REVIEW: '法制审核中',
  DECIDED: '已决定',
  SERVED: '已送达',
  EXECUTED: '已执行',
  CLOSED: '已结案',
  ARCHIVED: '已归档',
  PENDING: '待公示',
  PUBLISHED: '已公示',
  WITHDRAWN: '已撤回',
  EXEMPT: '不予公示',
  ENDED: '提前停止公示',
};
const zh = (code: string | null) => (code === null ? '' : (CODE_ZH[code] ?? code));
const OUTCOME_ZH: Record<string, string> = { PENALTY: '给予行政处罚' };
const flag = (v: number | null) => (v === null ? '' : v ? '是' : '否');

/** Each column: its Chinese header and its cell. */
const COLUMNS: Record<Column, { header: string; cell: (r: ExportRow) => unknown }> = {
  case_number: { header: '案号', cell: (r) => r.case_number },
  agency_id: { header: '执法主体ID', cell: (r) => r.agency_id },
  case_type: { header: '执法类别', cell: (r) => zh(r.case_type) },
  procedure: { header: '程序', cell: (r) => zh(r.procedure) },
  state: { header: '案件状态', cell: (r) => zh(r.state) },
  // DOMAIN.md §4: a natural person, and an individual business named after a person (issue 26), is surname + 某. An organisation's name is public only once a decision about
  // it is published: before that (or in a classified case) analysts must not learn who is under investigation.
  party: {
    header: '当事人（脱敏）',
    cell: (r) =>
      r.confidentiality
        ? '（不公开）'
        : personNamed(r.party_kind, r.party_name)
          ? maskPersonName(r.party_name)
          : r.publication_status === 'PUBLISHED'
            ? r.party_name
            : '（未公开）',
  },
  filed_on: { header: '立案日期', cell: (r) => r.filed_on },
  decision_due_on: { header: '决定期限', cell: (r) => r.decision_due_on },
  decided_on: { header: '决定日期', cell: (r) => r.decided_on },
  outcome: { header: '决定结果', cell: (r) => (r.outcome ? (OUTCOME_ZH[r.outcome] ?? zh(r.outcome)) : '') },
  fine_amount: { header: '罚款（元）', cell: (r) => r.fine_amount },
  confiscation_amount: { header: '没收金额（元）', cell: (r) => r.confiscation_amount },
  review_required: { header: '须法制审核', cell: (r) => flag(r.review_required) },
  hearing_held: { header: '经过听证', cell: (r) => flag(r.hearing_held) },
  decision_review_id: { header: '法制审核ID', cell: (r) => r.decision_review_id },
  party_present_at_decision: { header: '决定时当事人在场', cell: (r) => flag(r.party_present_at_decision) },
  service_due_on: { header: '送达期限', cell: (r) => r.service_due_on },
  served_on: { header: '送达日期', cell: (r) => r.served_on },
  service_recorded_on: { header: '送达登记日期', cell: (r) => r.service_recorded_on },
  closed_on: { header: '结案日期', cell: (r) => r.closed_on },
  archived_on: { header: '归档日期', cell: (r) => r.archived_on },
  publication_status: { header: '公示状态', cell: (r) => zh(r.publication_status) },
  publication_due_on: { header: '公示期限', cell: (r) => r.publication_due_on },
  published_on: { header: '公示日期', cell: (r) => r.published_on },
  changed_on: { header: '变更日期', cell: (r) => r.changed_on },
  withdrawal_due_on: { header: '撤回期限', cell: (r) => r.withdrawal_due_on },
  withdrawn_on: { header: '撤回日期', cell: (r) => r.withdrawn_on },
};

const ID: Column[] = ['case_number', 'agency_id', 'case_type', 'party'];

interface ExportSpec {
  anchor: Anchor;
  title: string;
  /** The columns this indicator needs (after case number, agency, category and party), then 指标判定. */
  columns: Column[];
  /** Rows of the anchor range that belong to the indicator (e.g. only decisions with a confiscation). */
  only?: string;
  judge: (r: ExportRow, today: string) => string;
}

/** The indicator each export belongs to: its anchor rows, its own columns and the per-row judgement (the indicator's rule). */
export const CASE_EXPORTS: Record<string, ExportSpec> = {
  'by-type': { anchor: 'filed', title: '立案数（按执法类别）', columns: ['procedure', 'filed_on'], judge: (r) => zh(r.case_type) },
  'by-state': { anchor: 'filed', title: '立案数（按状态）', columns: ['filed_on', 'state'], judge: (r) => zh(r.state) },
  'beyond-90-days': {
    anchor: 'filed',
    title: '超过九十日作出行政处罚决定（R10）',
    columns: ['case_type', 'filed_on', 'decision_due_on', 'decided_on'],
    only: "c.case_type = 'PENALTY' AND c.decision_due_on IS NOT NULL",
    judge: (r, today) => (r.decided_on ? (r.decided_on > r.decision_due_on ? '超期' : '按期') : r.decision_due_on < today ? '超期未决定' : '未到期（不计入）'),
  },
  'licensing-beyond-time-limit': {
    anchor: 'filed',
    title: '超过法定期限作出行政许可决定（R10）',
    columns: ['case_type', 'filed_on', 'decision_due_on', 'decided_on'],
    only: "c.case_type = 'LICENSING' AND c.decision_due_on IS NOT NULL",
    judge: (r, today) => (r.decided_on ? (r.decided_on > r.decision_due_on ? '超期' : '按期') : r.decision_due_on < today ? '超期未决定' : '未到期（不计入）'),
  },
  'by-outcome': { anchor: 'decided', title: '决定数（按结果）', columns: ['decided_on', 'outcome'], judge: (r) => COLUMNS.outcome.cell(r) as string },
  fines: { anchor: 'decided', title: '罚款金额', columns: ['decided_on', 'fine_amount'], only: 'p.fine_amount IS NOT NULL', judge: () => '有罚款' },
  confiscations: {
    anchor: 'decided',
    title: '没收金额',
    columns: ['decided_on', 'confiscation_amount'],
    only: `CAST(NULLIF(JSON_UNQUOTE(JSON_EXTRACT(p.content, '$.confiscationAmount')), 'null') AS DECIMAL(16,2)) IS NOT NULL`,
    judge: () => '有没收',
  },
  'review-coverage': {
    anchor: 'decided',
    title: '法制审核覆盖率（R5、R6）',
    columns: ['decided_on', 'review_required', 'hearing_held', 'decision_review_id'],
    judge: (r) => (r.review_required || r.hearing_held ? (r.decision_review_id ? '依据审核通过意见决定' : '须审核但无审核依据') : '无须审核（不计入）'),
  },
  'case-duration': {
    anchor: 'decided',
    title: '办案时长',
    columns: ['procedure', 'filed_on', 'decided_on'],
    judge: (r) => `${dayDiff(r.filed_on, r.decided_on!)}天`,
  },
  'service-timeliness': {
    anchor: 'decided',
    title: '送达及时率（R11）',
    columns: ['decided_on', 'party_present_at_decision', 'service_due_on', 'served_on', 'service_recorded_on'],
    judge: (r, today) =>
      r.party_present_at_decision !== 0
        ? '当场送达（不计入）'
        : r.served_on
          ? !serviceLate({ serviceDueOn: r.service_due_on, servedOn: r.served_on, serviceRecordedOn: r.service_recorded_on })
            ? '按期'
            : '逾期'
          : r.service_due_on! < today
            ? '逾期未送达'
            : '未到期（不计入）',
  },
  'publication-timeliness': {
    anchor: 'published',
    title: '按期公示率（R12）',
    columns: ['decided_on', 'publication_status', 'publication_due_on', 'published_on'],
    judge: (r, today) =>
      r.published_on
        ? r.published_on <= r.publication_due_on!
          ? '按期'
          : '逾期'
        : r.publication_status === 'WITHDRAWN' || r.publication_due_on! >= today
          ? '未到期（不计入）'
          : '逾期未公示',
  },
  'withdrawal-timeliness': {
    anchor: 'changed',
    title: '按期撤回率（R14）',
    columns: ['changed_on', 'withdrawal_due_on', 'withdrawn_on'],
    judge: (r, today) =>
      r.withdrawn_on ? (r.withdrawn_on <= r.withdrawal_due_on! ? '按期' : '逾期') : r.withdrawal_due_on! < today ? '逾期未撤回' : '未到期（不计入）',
  },
  'record-completeness': {
    anchor: 'closed',
    title: '归档率（R18）',
    columns: ['closed_on', 'archived_on'],
    judge: (r) => (r.archived_on ? '已归档（记录完整）' : '未归档'),
  },
};

const dayDiff = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** The Chinese header of an export: its own columns and 指标判定. */
export const exportHeader = (spec: ExportSpec): string[] => [...ID, ...spec.columns].map((c) => COLUMNS[c].header).concat('指标判定');

const WHERE: Record<Anchor, string> = {
  filed: 'c.filed_on BETWEEN ? AND ?',
  decided: 'c.decided_on BETWEEN ? AND ?',
  closed: 'c.closed_on BETWEEN ? AND ?',
  published: "pu.decision_date BETWEEN ? AND ? AND pu.status <> 'EXEMPT'",
  changed: 'pu.changed_on BETWEEN ? AND ? AND pu.withdrawal_due_on IS NOT NULL',
};

/** The rows behind an indicator: selected columns only (no ID number, phone, address, facts). */
export function exportSql(anchor: Anchor, scope: StatisticsScope, only?: string): { sql: string; values: string[] } {
  const fromPublications = anchor === 'published' || anchor === 'changed';
  const agency = scope.agencyId ? ` AND ${fromPublications ? 'pu' : 'c'}.agency_id = ?` : '';
  const sql = `SELECT c.case_number, c.agency_id, c.case_type, c.procedure, c.state, pa.kind AS party_kind, pa.name AS party_name, c.confidentiality,
      c.filed_on, c.decision_due_on, c.decided_on,
      JSON_UNQUOTE(JSON_EXTRACT(p.content, '$.outcome')) AS outcome, p.fine_amount,
      CAST(NULLIF(JSON_UNQUOTE(JSON_EXTRACT(p.content, '$.confiscationAmount')), 'null') AS DECIMAL(16,2)) AS confiscation_amount,
      p.review_required, ${HEARING_HELD_SQL} AS hearing_held, c.decision_review_id, c.party_present_at_decision, c.service_due_on, c.served_on, c.service_recorded_on, c.closed_on, c.archived_on,
      pu.status AS publication_status, pu.due_on AS publication_due_on, pu.published_on, pu.changed_on, pu.withdrawal_due_on, pu.withdrawn_on
    FROM ${fromPublications ? 'publications pu JOIN cases c ON c.id = pu.case_id' : 'cases c LEFT JOIN publications pu ON pu.case_id = c.id'}
      JOIN parties pa ON pa.id = c.party_id
      LEFT JOIN decision_proposals p ON p.id = c.decision_proposal_id
    WHERE ${WHERE[anchor]}${agency}${only ? ` AND ${only}` : ''}
    ORDER BY c.agency_id, c.case_year, c.case_seq`;
  return { sql, values: [scope.from, scope.to, ...(scope.agencyId ? [scope.agencyId] : [])] };
}

export function exportCells(spec: ExportSpec, r: ExportRow, judgement: string): unknown[] {
  return [...ID, ...spec.columns].map((c) => COLUMNS[c].cell(r)).concat(judgement);
}

/** The case indicators as specs of the one CSV streamer the other subgraphs use (kernel/csv-export.ts). */
const CASE_CSV_SPECS: Record<string, CsvExportSpec<ExportRow>> = Object.fromEntries(
  Object.entries(CASE_EXPORTS).map(([name, spec]) => [
    name,
    {
      title: spec.title,
      header: exportHeader(spec),
      query: (scope: StatisticsScope) => exportSql(spec.anchor, scope, spec.only),
      cells: (row: ExportRow, today: string) => exportCells(spec, row, spec.judge(row, today)),
    },
  ]),
);

/** `/exports/indicators/<name>.csv?from=&to=&agencyId=`: checks the caller and streams the CSV (issue 30: and the clues behind the scorecard). */
export const caseExportRoute = (db: CasesDb, today: () => string): SubgraphRoute =>
  csvExportRoute(
    db.pool,
    { ...CASE_CSV_SPECS, ...(SUPERVISION_EXPORTS as Record<string, CsvExportSpec<never>>) } as Record<string, CsvExportSpec<ExportRow>>,
    today,
  );
