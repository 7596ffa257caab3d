import { sql } from 'drizzle-orm';
import { agencyFilter, jsonText, SUP, type ProblemModel } from '../model.js';

const rank = `FIELD(${jsonText('p.content', '$.discretionTier')}, 'MINOR', 'ORDINARY', 'SERIOUS', 'GRAVE')`;

/** A party punished repeatedly for the same power item, always in the same (not the gravest) tier. */
export const repeatPartyNoEscalation: ProblemModel = {
  code: 'REPEAT_PARTY_NO_ESCALATION',
  name: '同一当事人屡罚不升档',
  definition:
    '期间内作出的处罚决定，同一当事人（统一社会信用代码，无则当事人 ID）同一权力事项不少于 minCases 件，且裁量档次从未升高（各件档次相同且不是“严重”）的，提出线索。',
  legalAnchor: [
    {
      law: '中华人民共和国行政处罚法',
      article: '第五条第二款',
      excerpt: '设定和实施行政处罚必须以事实为依据，与违法行为的事实、性质、情节以及社会危害程度相当。',
    },
    { law: '中华人民共和国行政处罚法', article: '第三十三条第一款', excerpt: '初次违法且危害后果轻微并及时改正的，可以不予行政处罚。' },
  ],
  subjectKind: 'PARTY',
  parameters: { minCases: { value: 3, meaning: '同一当事人同一事项的处罚决定数下限' } },
  thresholdParameter: 'minCases',
  statement: (s, p) => sql`
    SELECT c.agency_id, ${SUP} AS sup, CONCAT(COALESCE(c.party_uscc, c.party_id), '/', c.power_item_code) AS subject,
      COUNT(*) AS hits, COUNT(*) AS base, JSON_ARRAYAGG(c.id) AS case_ids
    FROM cases c JOIN decision_proposals p ON p.id = c.decision_proposal_id
    WHERE c.decided_on BETWEEN ${s.from} AND ${s.to} AND ${sql.raw(jsonText('p.content', '$.outcome'))} = 'PENALTY'${agencyFilter(s)}
    GROUP BY c.agency_id, COALESCE(c.party_uscc, c.party_id), c.power_item_code
    HAVING COUNT(*) >= ${p.minCases} AND MAX(${sql.raw(rank)}) = MIN(${sql.raw(rank)}) AND MAX(${sql.raw(rank)}) < 4`,
  summary: (f) => `当事人/事项 ${f.subject}：${f.hits} 次处罚，裁量档次未升高`,
};
