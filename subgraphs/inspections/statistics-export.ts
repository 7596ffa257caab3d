import type { CsvExportSpec } from '../../kernel/csv-export.js';
import { shanghaiDayEndUtc, shanghaiDayStartUtc, type StatisticsScope } from '../../kernel/statistics.js';
import { RESULT_KINDS, type ResultCode } from './domain/codes.js';

// CSV of the synced random-inspection rows behind each inspections indicator (issue 17; docs/indicators.md): same
// anchor date and agency filter as the indicator, its own columns, Chinese headers and labels. An enterprise is named
// only once its result is published (双随机、一公开); inspectors' names never appear.

interface Row {
  name?: string;
  item_code: string;
  agency_name: string;
  drawn_at?: Date;
  status?: string;
  object_candidates?: number;
  enterprise_name?: string;
  result_code?: string;
  problems_found?: number;
  completed_on?: string;
  publication_due_on?: string;
  published_on?: string | null;
}

const STATUS: Record<string, string> = { DRAWN: '已抽取', IN_PROGRESS: '检查中', COMPLETED: '已完成' };
const agency = (s: StatisticsScope, alias: string) =>
  s.agencyId ? ` AND ${alias}.agency_uscc IN (SELECT al.uscc FROM agency_links al WHERE al.agency_id = ?)` : '';
const beijingDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const resultLabel = (code: string) => `${code} ${RESULT_KINDS[code as ResultCode]?.label ?? ''}`.trim();

const results = (s: StatisticsScope) => ({
  sql: `SELECT r.item_code, r.agency_name, r.enterprise_name, r.result_code, r.problems_found, r.completed_on, r.publication_due_on, r.published_on
    FROM inspection_results r WHERE r.completed_on BETWEEN ? AND ?${agency(s, 'r')} ORDER BY r.completed_on, r.id`,
  values: [s.from, s.to, ...(s.agencyId ? [s.agencyId] : [])],
});
const RESULT_HEADER = ['抽查事项', '执法主体', '检查对象', '检查结果', '发现问题', '检查完成日期', '公示期限', '公示日期'];
const resultCells = (r: Row) => [
  r.item_code,
  r.agency_name,
  r.published_on ? r.enterprise_name : '（未公示）',
  resultLabel(r.result_code!),
  r.problems_found ? '是' : '否',
  r.completed_on,
  r.publication_due_on,
  r.published_on,
];

export const INSPECTION_EXPORTS: Record<string, CsvExportSpec<Row>> = {
  'inspection-completion': {
    title: '抽查任务完成率',
    header: ['任务名称', '抽查事项', '执法主体', '抽取日期', '任务状态', '对象名录数', '指标判定'],
    query: (s) => ({
      sql: `SELECT t.name, t.item_code, t.agency_name, t.drawn_at, t.status, t.object_candidates
        FROM inspection_tasks t WHERE t.drawn_at >= ? AND t.drawn_at < ?${agency(s, 't')} ORDER BY t.drawn_at, t.id`,
      values: [shanghaiDayStartUtc(s.from), shanghaiDayEndUtc(s.to), ...(s.agencyId ? [s.agencyId] : [])],
    }),
    cells: (r) => [
      r.name,
      r.item_code,
      r.agency_name,
      beijingDay(r.drawn_at!),
      STATUS[r.status!] ?? r.status,
      r.object_candidates,
      r.status === 'COMPLETED' ? '已完成' : '未完成',
    ],
  },
  'inspection-problems': {
    title: '发现问题率',
    header: [...RESULT_HEADER, '指标判定'],
    query: results,
    cells: (r) => [...resultCells(r), r.problems_found ? '发现问题' : '未发现问题'],
  },
  'inspection-publication-timeliness': {
    title: '抽查结果按期公示率（R19）',
    header: [...RESULT_HEADER, '指标判定'],
    query: results,
    cells: (r, today) => [
      ...resultCells(r),
      r.published_on ? (r.published_on <= r.publication_due_on! ? '按期' : '逾期') : r.publication_due_on! < today ? '逾期未公示' : '未到期（不计入）',
    ],
  },
};
