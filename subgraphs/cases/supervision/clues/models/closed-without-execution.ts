import { sql } from 'drizzle-orm';
import { agencyFilter, jsonText, type ProblemModel } from '../model.js';

/** Penalty cases closed without their decision ever being executed (and not halted by a change or revocation). */
export const closedWithoutExecution: ProblemModel = {
  code: 'CLOSED_WITHOUT_EXECUTION',
  name: '未执行即结案',
  definition: '期间内结案的行政处罚案件，决定含警告以外的处罚、未被变更撤销、记录中没有执行完毕的，每件提出线索。',
  legalAnchor: [
    { law: '中华人民共和国行政处罚法', article: '第六十六条第一款', excerpt: '行政处罚决定依法作出后，当事人应当在行政处罚决定书载明的期限内，予以履行。' },
    { law: '中华人民共和国行政处罚法', article: '第七十二条第一款', excerpt: '当事人逾期不履行行政处罚决定的，作出行政处罚决定的行政机关可以采取下列措施……' },
  ],
  subjectKind: 'CASE',
  parameters: {},
  thresholdParameter: '',
  statement: (s) => sql`
    SELECT c.agency_id, COALESCE(c.in_name_of_agency_id, c.agency_id) AS sup, c.id AS subject, 1 AS hits, 1 AS base, JSON_ARRAY(c.id) AS case_ids
    FROM cases c JOIN decision_proposals p ON p.id = c.decision_proposal_id
    WHERE c.closed_on BETWEEN ${s.from} AND ${s.to} AND c.decision_change_kind IS NULL${agencyFilter(s)}
      AND ${sql.raw(jsonText('p.content', '$.outcome'))} = 'PENALTY'
      AND JSON_LENGTH(p.content, '$.penaltyTypes') > JSON_CONTAINS(p.content, '"WARNING"', '$.penaltyTypes')
      AND NOT EXISTS (SELECT 1 FROM record_entries re WHERE re.case_id = c.id AND re.kind = 'TRANSITION' AND ${sql.raw(jsonText('re.payload', '$.to'))} = 'EXECUTED')`,
  summary: (f) => `案件 ${f.subject}：处罚决定未记录执行即结案`,
};
