import { sql } from 'drizzle-orm';
import { agencyFilter, type ProblemModel } from '../model.js';

/** Seizures and impoundments running past their 30 days (or the one extension) without being lifted. */
export const seizureOverdue: ProblemModel = {
  code: 'SEIZURE_OVERDUE',
  name: '查封扣押超期',
  definition: '期间内决定的查封、扣押，期限（三十日，经批准延长的为延长后期限）届满至今未解除或作出处理决定，或晚于期限解除的，每件提出线索。',
  legalAnchor: [
    {
      law: '中华人民共和国行政强制法',
      article: '第二十五条第一款',
      excerpt: '查封、扣押的期限不得超过三十日；情况复杂的，经行政机关负责人批准，可以延长，但是延长期限不得超过三十日。',
    },
  ],
  subjectKind: 'CASE',
  parameters: { graceDays: { value: 0, meaning: '期限届满后的宽限自然日数' } },
  thresholdParameter: 'graceDays',
  statement: (s, p) => {
    const end = sql.raw('COALESCE(c.measure_extended_to, c.measure_ends_on)');
    return sql`
    SELECT c.agency_id, COALESCE(c.in_name_of_agency_id, c.agency_id) AS sup, c.id AS subject,
      DATEDIFF(COALESCE(c.measure_lifted_on, ${s.today}), ${end}) AS hits, 1 AS base, JSON_ARRAY(c.id) AS case_ids
    FROM cases c
    WHERE c.decided_on BETWEEN ${s.from} AND ${s.to} AND c.measure_ends_on IS NOT NULL${agencyFilter(s)}
      AND DATEDIFF(COALESCE(c.measure_lifted_on, ${s.today}), ${end}) > ${p.graceDays}`;
  },
  summary: (f) => `案件 ${f.subject}：查封、扣押超过期限 ${f.hits} 日`,
};
