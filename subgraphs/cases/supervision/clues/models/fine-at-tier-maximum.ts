import { sql } from 'drizzle-orm';
import { agencyFilter, jsonText, SUP, type ProblemModel } from '../model.js';

const max = `CAST(${jsonText('p.checks', '$.benchmarkRange.max')} AS DECIMAL(16,2))`;

/** Fines of one power item clustered at the upper bound of the benchmark tier chosen (裁量顶格处罚). */
export const fineAtTierMaximum: ProblemModel = {
  code: 'FINE_AT_TIER_MAXIMUM',
  name: '罚款集中于裁量档次上限',
  definition: '期间内作出的罚款决定中，按权力事项统计罚款数额等于或高于所适用裁量档次上限的比例；决定数不少于 minDecisions 且比例不低于 share 时提出线索。',
  legalAnchor: [
    { law: '中华人民共和国行政处罚法', article: '第三十四条', excerpt: '行政机关可以依法制定行政处罚裁量基准，规范行使行政处罚裁量权。' },
    {
      law: '中华人民共和国行政处罚法',
      article: '第五条第二款',
      excerpt: '设定和实施行政处罚必须以事实为依据，与违法行为的事实、性质、情节以及社会危害程度相当。',
    },
  ],
  subjectKind: 'POWER_ITEM',
  parameters: {
    minDecisions: { value: 3, meaning: '该权力事项期间内有裁量基准的罚款决定数下限' },
    share: { value: 0.6, meaning: '罚款达到档次上限的决定所占比例' },
  },
  thresholdParameter: 'share',
  statement: (s, p) => sql`
    SELECT c.agency_id, ${SUP} AS sup, c.power_item_code AS subject,
      SUM(CASE WHEN p.fine_amount >= ${sql.raw(max)} THEN 1 ELSE 0 END) AS hits, COUNT(*) AS base,
      JSON_ARRAYAGG(CASE WHEN p.fine_amount >= ${sql.raw(max)} THEN c.id END) AS case_ids
    FROM cases c JOIN decision_proposals p ON p.id = c.decision_proposal_id
    WHERE c.decided_on BETWEEN ${s.from} AND ${s.to} AND p.fine_amount IS NOT NULL AND ${sql.raw(max)} IS NOT NULL${agencyFilter(s)}
    GROUP BY c.agency_id, c.power_item_code
    HAVING COUNT(*) >= ${p.minDecisions} AND SUM(CASE WHEN p.fine_amount >= ${sql.raw(max)} THEN 1 ELSE 0 END) >= ${p.share} * COUNT(*)`,
  summary: (f) => `权力事项 ${f.subject}：${f.base} 件罚款决定中 ${f.hits} 件达到裁量档次上限`,
};
