import { sql } from 'drizzle-orm';
import { agencyFilter, type ProblemModel } from '../model.js';

/** Publications not made, or made late, and withdrawals overdue (R12, R14). */
export const publicationOverdue: ProblemModel = {
  code: 'PUBLICATION_OVERDUE',
  name: '公示或撤回逾期',
  definition:
    '期间内作出的决定，其事后公示逾期未公示或晚于期限公示，或决定变更后逾期未撤回公示（或晚于期限撤回）的，按执法主体统计；件数不少于 minOverdue 时提出线索。',
  legalAnchor: [
    { law: '中华人民共和国行政处罚法', article: '第四十八条', excerpt: '具有一定社会影响的行政处罚决定应当依法公开。' },
    {
      law: '市场监督管理行政处罚信息公示规定',
      article: '第十一条',
      excerpt: '行政处罚决定被依法变更、撤销、确认违法或者确认无效的，市场监督管理部门应当在三个工作日内撤回行政处罚信息并说明理由。',
    },
  ],
  subjectKind: 'AGENCY',
  parameters: { minOverdue: { value: 1, meaning: '逾期公示、撤回件数下限' } },
  thresholdParameter: 'minOverdue',
  statement: (s, p) => {
    const overdue = sql`((pu.status = 'PENDING' AND pu.due_on < ${s.today}) OR (pu.published_on IS NOT NULL AND pu.published_on > pu.due_on)
      OR (pu.withdrawal_due_on IS NOT NULL AND ((pu.withdrawn_on IS NULL AND pu.withdrawal_due_on < ${s.today}) OR pu.withdrawn_on > pu.withdrawal_due_on)))`;
    return sql`
    SELECT pu.agency_id, MAX(COALESCE(c.in_name_of_agency_id, c.agency_id)) AS sup, pu.agency_id AS subject,
      SUM(CASE WHEN ${overdue} THEN 1 ELSE 0 END) AS hits, COUNT(*) AS base,
      JSON_ARRAYAGG(CASE WHEN ${overdue} THEN pu.case_id END) AS case_ids
    FROM publications pu JOIN cases c ON c.id = pu.case_id
    WHERE pu.decision_date BETWEEN ${s.from} AND ${s.to} AND pu.status <> 'EXEMPT'${agencyFilter(s, 'pu.agency_id')}
    GROUP BY pu.agency_id
    HAVING SUM(CASE WHEN ${overdue} THEN 1 ELSE 0 END) >= ${p.minOverdue}`;
  },
  summary: (f) => `${f.base} 件应公示的决定中 ${f.hits} 件公示或撤回逾期`,
};
