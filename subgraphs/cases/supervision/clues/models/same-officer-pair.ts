import { sql } from 'drizzle-orm';
import { agencyFilter, officerAt, officerIndex, type ProblemModel } from '../model.js';

/** The same two officers on nearly every case of either of them (no rotation of the handlers). */
export const sameOfficerPair: ProblemModel = {
  code: 'SAME_OFFICER_PAIR',
  name: '固定搭档办案',
  definition: '期间内立案的案件，统计每两名承办人员共同承办的件数；共同承办件数不少于 minCases，且占其中任一人承办件数的比例都不低于 share 时提出线索。',
  legalAnchor: [
    {
      law: '中华人民共和国行政处罚法',
      article: '第四十二条',
      excerpt: '行政处罚应当由具有行政执法资格的执法人员实施。执法人员不得少于两人，法律另有规定的除外。',
    },
    { law: '中华人民共和国行政处罚法', article: '第四十三条第一款', excerpt: '执法人员与案件有直接利害关系或者有其他关系可能影响公正执法的，应当回避。' },
  ],
  subjectKind: 'OFFICER_PAIR',
  parameters: {
    minCases: { value: 5, meaning: '共同承办件数下限' },
    share: { value: 0.8, meaning: '共同承办件数占各自承办件数的比例' },
  },
  thresholdParameter: 'share',
  // Pairs (a < b) and each officer's own count, both from the one index table over the period's cases.
  statement: (s, p) => sql`
    SELECT pr.agency_id, pr.sup, CONCAT(pr.a, '+', pr.b) AS subject, pr.n AS hits, GREATEST(ta.n, tb.n) AS base, pr.case_ids
    FROM (
      SELECT c.agency_id, MAX(COALESCE(c.in_name_of_agency_id, c.agency_id)) AS sup, ${sql.raw(officerAt('x'))} AS a, ${sql.raw(officerAt('y'))} AS b,
        COUNT(*) AS n, JSON_ARRAYAGG(c.id) AS case_ids
      FROM cases c JOIN ${officerIndex('x')} ON x.i < JSON_LENGTH(c.handling_officer_ids)
        JOIN ${officerIndex('y')} ON y.i < JSON_LENGTH(c.handling_officer_ids) AND ${sql.raw(officerAt('x'))} < ${sql.raw(officerAt('y'))}
      WHERE c.filed_on BETWEEN ${s.from} AND ${s.to}${agencyFilter(s)}
      GROUP BY c.agency_id, a, b
      HAVING COUNT(*) >= ${p.minCases}
    ) pr
    JOIN (
      SELECT c.agency_id, ${sql.raw(officerAt('z'))} AS o, COUNT(*) AS n
      FROM cases c JOIN ${officerIndex('z')} ON z.i < JSON_LENGTH(c.handling_officer_ids)
      WHERE c.filed_on BETWEEN ${s.from} AND ${s.to}${agencyFilter(s)}
      GROUP BY c.agency_id, o
    ) ta ON ta.agency_id = pr.agency_id AND ta.o = pr.a
    JOIN (
      SELECT c.agency_id, ${sql.raw(officerAt('w'))} AS o, COUNT(*) AS n
      FROM cases c JOIN ${officerIndex('w')} ON w.i < JSON_LENGTH(c.handling_officer_ids)
      WHERE c.filed_on BETWEEN ${s.from} AND ${s.to}${agencyFilter(s)}
      GROUP BY c.agency_id, o
    ) tb ON tb.agency_id = pr.agency_id AND tb.o = pr.b
    WHERE pr.n >= ${p.share} * GREATEST(ta.n, tb.n)`,
  summary: (f) => `执法人员 ${f.subject.replace('+', ' 与 ')} 共同承办 ${f.hits} 件，占其中承办较多者 ${f.base} 件的大部分`,
};
