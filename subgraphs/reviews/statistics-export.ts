import type { CsvExportSpec } from '../../kernel/csv-export.js';
import type { StatisticsScope } from '../../kernel/statistics.js';

// CSV of the review rounds behind each reviews indicator (issue 17; docs/indicators.md): the same anchor date and
// filter as the indicator, its own columns, Chinese headers and labels. No person's name: ids of cases and staff only.

interface RoundRow {
  review_id: string;
  round_no: number;
  agency_id: string | null;
  case_type: string | null;
  submitted_on: string | null;
  due_on: string;
  concluded_on: string | null;
  conclusion: string | null;
  reviewer_id: string | null;
  reviewer_qualified: number | null;
  reviewer_first_time: number | null;
  reviewer_has_certificate: number | null;
}

const CATEGORY: Record<string, string> = { PENALTY: '行政处罚', LICENSING: '行政许可', COERCION: '行政强制', INSPECTION: '行政检查', OTHER: '其他' };
const CONCLUSION: Record<string, string> = { APPROVED: '同意', ISSUES_FOUND: '存在问题' };
const flag = (v: number | null) => (v === null ? '' : v ? '是' : '否');

const rounds = (anchor: 'submitted_on' | 'due_on') => (s: StatisticsScope) => ({
  sql: `SELECT r.review_id, r.round_no, r.agency_id, r.case_type, r.submitted_on, r.due_on, r.concluded_on, r.conclusion, r.reviewer_id,
      r.reviewer_qualified, r.reviewer_first_time, r.reviewer_has_certificate
    FROM review_rounds r WHERE r.${anchor} BETWEEN ? AND ?${s.agencyId ? ' AND r.agency_id = ?' : ''} ORDER BY r.${anchor}, r.review_id, r.round_no`,
  values: [s.from, s.to, ...(s.agencyId ? [s.agencyId] : [])],
});
const base = (r: RoundRow) => [r.review_id, r.round_no, r.agency_id ?? '', r.case_type ? (CATEGORY[r.case_type] ?? r.case_type) : ''];
const BASE = ['审核ID', '轮次', '执法主体ID', '执法类别'];

export const REVIEW_EXPORTS: Record<string, CsvExportSpec<RoundRow>> = {
  'review-outcomes': {
    title: '审核轮次（按结论）',
    header: [...BASE, '送审日期', '审结日期', '指标判定'],
    query: rounds('submitted_on'),
    cells: (r) => [...base(r), r.submitted_on, r.concluded_on, r.conclusion ? (CONCLUSION[r.conclusion] ?? r.conclusion) : '审核中'],
  },
  'review-overdue': {
    title: '超期审核率',
    header: [...BASE, '送审日期', '审核期限', '审结日期', '指标判定'],
    query: rounds('due_on'),
    cells: (r, today) => [
      ...base(r),
      r.submitted_on,
      r.due_on,
      r.concluded_on,
      r.concluded_on ? (r.concluded_on > r.due_on ? '超期' : '按期') : r.due_on < today ? '超期未审结' : '未到期（不计入）',
    ],
  },
  'review-qualification': {
    title: '审核人员资格合规率（R7）',
    header: [...BASE, '送审日期', '审核人员ID', '具有审核资格', '初次从事审核', '具有法律职业资格', '指标判定'],
    query: rounds('submitted_on'),
    cells: (r) => [
      ...base(r),
      r.submitted_on,
      r.reviewer_id,
      flag(r.reviewer_qualified),
      flag(r.reviewer_first_time),
      flag(r.reviewer_has_certificate),
      r.reviewer_qualified === null
        ? r.reviewer_id
          ? '未记录（不计入）'
          : '未指定审核人员'
        : r.reviewer_qualified === 1 && (r.reviewer_first_time === 0 || r.reviewer_has_certificate === 1)
          ? '合规'
          : '不合规',
    ],
  },
};
