import { sql, type SQL } from 'drizzle-orm';
import type { ProblemModel } from '../model.js';

/**
 * R19 join: a random-inspection result with problems found (codes A, E, 8) and no case of the agency on it — neither
 * a case citing the task as its source nor any case against the same enterprise filed on or after the check ended.
 * The results come from `inspections` (one call); the join is ONE statement over a derived table of them.
 */
export const inspectionProblemWithoutCase: ProblemModel = {
  code: 'INSPECTION_PROBLEM_WITHOUT_CASE',
  name: '抽查发现问题未立案',
  definition:
    '期间内检查结束、发现问题（结果代码 A、E、8）的双随机抽查结果，检查结束 graceDays 日后，实施机关仍没有以该任务为来源或针对该市场主体在检查结束后立案的案件的，每个结果提出线索。',
  legalAnchor: [
    {
      law: '中华人民共和国行政处罚法',
      article: '第五十四条',
      excerpt:
        '行政机关发现公民、法人或者其他组织有依法应当给予行政处罚的行为的，必须全面、客观、公正地调查，收集有关证据……符合立案标准的，行政机关应当及时立案。',
    },
  ],
  subjectKind: 'INSPECTION_TASK',
  parameters: { graceDays: { value: 15, meaning: '检查结束后等待立案的自然日数' } },
  thresholdParameter: 'graceDays',
  needs: 'problemInspections',
  statement: (s, p, facts) => {
    const rows = facts.problemInspections.filter((r) => (!s.agencyId || r.agencyId === s.agencyId) && r.completedOn >= s.from && r.completedOn <= s.to);
    // A derived table of the results (bound parameters); an empty list still costs its one (empty) statement.
    const derived: SQL = rows.length
      ? sql.join(
          rows.map(
            (r) => sql`SELECT ${r.resultId} AS rid, ${r.taskId} AS task_id, ${r.uscc} AS uscc, ${r.agencyId} AS agency_id, ${r.completedOn} AS completed_on`,
          ),
          sql` UNION ALL `,
        )
      : sql`SELECT NULL AS rid, NULL AS task_id, NULL AS uscc, NULL AS agency_id, NULL AS completed_on FROM DUAL WHERE 1 = 0`;
    return sql`
    SELECT t.agency_id, t.agency_id AS sup, CONCAT(t.task_id, '/', t.uscc) AS subject, DATEDIFF(${s.today}, t.completed_on) AS hits, 1 AS base, JSON_ARRAY() AS case_ids
    FROM (${derived}) t
    WHERE DATEDIFF(${s.today}, t.completed_on) > ${p.graceDays}
      AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.agency_id = t.agency_id
        AND (c.source_inspection_task_id = t.task_id OR (c.party_uscc = t.uscc AND c.filed_on >= t.completed_on)))`;
  },
  summary: (f) => `抽查任务/主体 ${f.subject}：发现问题已 ${f.hits} 日，未见立案`,
};
