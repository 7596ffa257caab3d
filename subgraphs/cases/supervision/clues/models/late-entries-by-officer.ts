import { sql } from 'drizzle-orm';
import { agencyFilter, jsonText, periodInstants, SUP, type ProblemModel } from '../model.js';

const late = `${jsonText('re.payload', '$.lateEntryReason')} IS NOT NULL`;

/** Officers who often record acts long after they happened (stated date vs recorded time, issue 13). */
export const lateEntriesByOfficer: ProblemModel = {
  code: 'LATE_ENTRIES_BY_OFFICER',
  name: '执法人员补录频繁',
  definition:
    '期间内记录的执法记录，按记录人统计所述日期早于录入日超过机关设定工作日数（须说明补录理由）的条数与比例；条数不少于 minLate 且比例不低于 share 时提出线索。',
  legalAnchor: [
    {
      law: '中华人民共和国行政处罚法',
      article: '第四十七条',
      excerpt: '行政机关应当依法以文字、音像等形式，对行政处罚的启动、调查取证、审核、决定、送达、执行等进行全过程记录，归档保存。',
    },
  ],
  subjectKind: 'OFFICER',
  parameters: {
    minLate: { value: 3, meaning: '补录条数下限' },
    share: { value: 0.2, meaning: '补录条数占其记录条数的比例' },
  },
  thresholdParameter: 'share',
  statement: (s, p) => {
    const { start, end } = periodInstants(s);
    return sql`
    SELECT c.agency_id, ${SUP} AS sup, re.actor AS subject,
      SUM(CASE WHEN ${sql.raw(late)} THEN 1 ELSE 0 END) AS hits, COUNT(*) AS base,
      JSON_ARRAYAGG(CASE WHEN ${sql.raw(late)} THEN re.case_id END) AS case_ids
    FROM record_entries re JOIN cases c ON c.id = re.case_id
    WHERE re.recorded_at >= ${start} AND re.recorded_at < ${end}${agencyFilter(s)}
    GROUP BY c.agency_id, re.actor
    HAVING SUM(CASE WHEN ${sql.raw(late)} THEN 1 ELSE 0 END) >= ${p.minLate} AND SUM(CASE WHEN ${sql.raw(late)} THEN 1 ELSE 0 END) >= ${p.share} * COUNT(*)`;
  },
  summary: (f) => `记录人 ${f.subject}：${f.base} 条记录中 ${f.hits} 条为补录`,
};
