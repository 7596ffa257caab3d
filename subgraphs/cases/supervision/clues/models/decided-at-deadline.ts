import { sql } from 'drizzle-orm';
import { agencyFilter, SUP, type ProblemModel } from '../model.js';

/** Decisions made in the last days before the Art. 60 time limit, as a pattern of the agency. */
export const decidedAtDeadline: ProblemModel = {
  code: 'DECIDED_AT_DEADLINE',
  name: '临近期限集中作出决定',
  definition:
    '期间内作出的有办案期限的行政处罚决定中，在期限届满前 lastDays 日内（含届满日）作出的比例；决定数不少于 minDecisions 且比例不低于 share 时提出线索。',
  legalAnchor: [{ law: '中华人民共和国行政处罚法', article: '第六十条', excerpt: '行政机关应当自行政处罚案件立案之日起九十日内作出行政处罚决定。' }],
  subjectKind: 'AGENCY',
  parameters: {
    lastDays: { value: 5, meaning: '期限届满前的自然日数' },
    minDecisions: { value: 3, meaning: '期间内有期限的决定数下限' },
    share: { value: 0.5, meaning: '临近期限作出的决定所占比例' },
  },
  thresholdParameter: 'share',
  statement: (s, p) => {
    const near = sql`DATEDIFF(c.decision_due_on, c.decided_on) BETWEEN 0 AND ${p.lastDays}`;
    return sql`
    SELECT c.agency_id, ${SUP} AS sup, c.agency_id AS subject,
      SUM(CASE WHEN ${near} THEN 1 ELSE 0 END) AS hits, COUNT(*) AS base,
      JSON_ARRAYAGG(CASE WHEN ${near} THEN c.id END) AS case_ids
    FROM cases c
    WHERE c.decided_on BETWEEN ${s.from} AND ${s.to} AND c.case_type = 'PENALTY' AND c.decision_due_on IS NOT NULL${agencyFilter(s)}
    GROUP BY c.agency_id
    HAVING COUNT(*) >= ${p.minDecisions} AND SUM(CASE WHEN ${near} THEN 1 ELSE 0 END) >= ${p.share} * COUNT(*)`;
  },
  summary: (f, p) => `${f.base} 件有期限的处罚决定中 ${f.hits} 件在期限届满前 ${p.lastDays} 日内作出`,
};
