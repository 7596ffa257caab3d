import { sql } from 'drizzle-orm';
import { agencyFilter, SUP, type ProblemModel } from '../model.js';

const corrected = `r.outcome IN ('CHANGED', 'REVOKED', 'CONFIRMED_ILLEGAL', 'CONFIRMED_VOID')`;

/** Decisions of one power item corrected by reconsideration or litigation (纠错) unusually often. */
export const reliefCorrectionsByPowerItem: ProblemModel = {
  code: 'RELIEF_CORRECTIONS_BY_POWER_ITEM',
  name: '同一事项决定被复议诉讼纠错',
  definition:
    '期间内审结的行政复议、行政诉讼，按原决定的权力事项统计被变更、撤销、确认违法或无效的件数与比例；件数不少于 minCorrections 且比例不低于 share 时提出线索。',
  legalAnchor: [
    {
      law: '中华人民共和国行政处罚法',
      article: '第七十五条第二款',
      excerpt: '公民、法人或者其他组织对行政机关实施行政处罚的行为，有权申诉或者检举；行政机关应当认真审查，发现有错误的，应当主动改正。',
    },
  ],
  subjectKind: 'POWER_ITEM',
  parameters: {
    minCorrections: { value: 2, meaning: '被纠错件数下限' },
    share: { value: 0.25, meaning: '被纠错件数占审结件数的比例' },
  },
  thresholdParameter: 'share',
  statement: (s, p) => sql`
    SELECT r.agency_id, ${SUP} AS sup, c.power_item_code AS subject,
      SUM(CASE WHEN ${sql.raw(corrected)} THEN 1 ELSE 0 END) AS hits, COUNT(*) AS base,
      JSON_ARRAYAGG(CASE WHEN ${sql.raw(corrected)} THEN r.case_id END) AS case_ids
    FROM relief_proceedings r JOIN cases c ON c.id = r.case_id
    WHERE r.outcome_on BETWEEN ${s.from} AND ${s.to}${agencyFilter(s, 'r.agency_id')}
    GROUP BY r.agency_id, c.power_item_code
    HAVING SUM(CASE WHEN ${sql.raw(corrected)} THEN 1 ELSE 0 END) >= ${p.minCorrections}
      AND SUM(CASE WHEN ${sql.raw(corrected)} THEN 1 ELSE 0 END) >= ${p.share} * COUNT(*)`,
  summary: (f) => `权力事项 ${f.subject}：审结 ${f.base} 件复议、诉讼中 ${f.hits} 件决定被纠错`,
};
