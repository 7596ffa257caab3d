import { sql } from 'drizzle-orm';
import { agencyFilter, jsonText, periodInstants, SUP, type ProblemModel } from '../model.js';

/**
 * Legal reviews concluded implausibly fast: the APPROVED opinion entry follows the case's submission for review (its
 * TRANSITION to UNDER_REVIEW) by less than `minMinutes`. Both instants are the record log's own (not settable).
 */
export const fastReview: ProblemModel = {
  code: 'FAST_REVIEW',
  name: '法制审核用时过短',
  definition: '期间内记录的“同意”法制审核意见，自案件送审（进入法制审核）至审核意见记录不足 minMinutes 分钟的，按审核人员统计；件数不少于 minFast 时提出线索。',
  legalAnchor: [
    {
      law: '中华人民共和国行政处罚法',
      article: '第五十八条第一款',
      excerpt:
        '有下列情形之一，在行政机关负责人作出行政处罚的决定之前，应当由从事行政处罚决定法制审核的人员进行法制审核；未经法制审核或者审核未通过的，不得作出决定。',
    },
  ],
  subjectKind: 'OFFICER',
  parameters: {
    minMinutes: { value: 30, meaning: '送审至审核意见的最短合理分钟数' },
    minFast: { value: 1, meaning: '用时过短的审核件数下限' },
  },
  thresholdParameter: 'minFast',
  statement: (s, p) => {
    const { start, end } = periodInstants(s);
    const submitted = sql.raw(`(SELECT MAX(su.recorded_at) FROM record_entries su WHERE su.case_id = o.case_id AND su.kind = 'TRANSITION'
        AND ${jsonText('su.payload', '$.to')} = 'UNDER_REVIEW' AND su.case_seq < o.case_seq)`);
    return sql`
    SELECT c.agency_id, ${SUP} AS sup, o.actor AS subject,
      SUM(CASE WHEN TIMESTAMPDIFF(SECOND, ${submitted}, o.recorded_at) < ${(p.minMinutes ?? 0) * 60} THEN 1 ELSE 0 END) AS hits, COUNT(*) AS base,
      JSON_ARRAYAGG(CASE WHEN TIMESTAMPDIFF(SECOND, ${submitted}, o.recorded_at) < ${(p.minMinutes ?? 0) * 60} THEN o.case_id END) AS case_ids
    FROM record_entries o JOIN cases c ON c.id = o.case_id
    WHERE o.kind = 'REVIEW_OPINION' AND o.recorded_at >= ${start} AND o.recorded_at < ${end}
      AND ${sql.raw(jsonText('o.payload', '$.conclusion'))} = 'APPROVED'${agencyFilter(s)}
    GROUP BY c.agency_id, o.actor
    HAVING SUM(CASE WHEN TIMESTAMPDIFF(SECOND, ${submitted}, o.recorded_at) < ${(p.minMinutes ?? 0) * 60} THEN 1 ELSE 0 END) >= ${p.minFast}`;
  },
  summary: (f, p) => `审核人员 ${f.subject}：${f.base} 件同意意见中 ${f.hits} 件自送审起不足 ${p.minMinutes} 分钟`,
};
