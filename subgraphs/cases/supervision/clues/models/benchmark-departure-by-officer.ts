import { sql } from 'drizzle-orm';
import { agencyFilter, jsonText, officerAt, officerIndex, SUP, type ProblemModel } from '../model.js';

const outside = `${jsonText('p.checks', '$.fineWithinBenchmark')} = 'false'`;

/** Officers whose cases depart from the discretion benchmark ("outside range", R9) unusually often. */
export const benchmarkDepartureByOfficer: ProblemModel = {
  code: 'BENCHMARK_DEPARTURE_BY_OFFICER',
  name: '承办人员偏离裁量基准',
  definition:
    '期间内作出的、有裁量基准可比的罚款决定，按承办人员统计罚款超出所选档次范围（R9）的件数与比例；件数不少于 minDepartures 且比例不低于 share 时提出线索。',
  legalAnchor: [
    {
      law: '中华人民共和国行政处罚法',
      article: '第三十四条',
      excerpt: '行政机关可以依法制定行政处罚裁量基准，规范行使行政处罚裁量权。行政处罚裁量基准应当向社会公布。',
    },
  ],
  subjectKind: 'OFFICER',
  parameters: {
    minDepartures: { value: 2, meaning: '超出裁量范围的决定件数下限' },
    share: { value: 0.3, meaning: '超出裁量范围的决定所占比例' },
  },
  thresholdParameter: 'share',
  statement: (s, p) => sql`
    SELECT c.agency_id, ${SUP} AS sup, ${sql.raw(officerAt('ix'))} AS subject,
      SUM(CASE WHEN ${sql.raw(outside)} THEN 1 ELSE 0 END) AS hits, COUNT(*) AS base,
      JSON_ARRAYAGG(CASE WHEN ${sql.raw(outside)} THEN c.id END) AS case_ids
    FROM cases c JOIN decision_proposals p ON p.id = c.decision_proposal_id
      JOIN ${officerIndex('ix')} ON ix.i < JSON_LENGTH(c.handling_officer_ids)
    WHERE c.decided_on BETWEEN ${s.from} AND ${s.to} AND ${sql.raw(jsonText('p.checks', '$.fineWithinBenchmark'))} IS NOT NULL${agencyFilter(s)}
    GROUP BY c.agency_id, subject
    HAVING SUM(CASE WHEN ${sql.raw(outside)} THEN 1 ELSE 0 END) >= ${p.minDepartures}
      AND SUM(CASE WHEN ${sql.raw(outside)} THEN 1 ELSE 0 END) >= ${p.share} * COUNT(*)`,
  summary: (f) => `执法人员 ${f.subject}：${f.base} 件可比决定中 ${f.hits} 件罚款超出裁量档次范围`,
};
