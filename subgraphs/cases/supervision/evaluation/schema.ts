import { date, decimal, index, int, mysqlTable, uniqueIndex, varchar, char } from 'drizzle-orm/mysql-core';
import { idColumn, idempotencyKey, jsonText, lockVersion, timestamp3 } from '../../../../kernel/columns.js';
import type { Connection } from '../../../../kernel/pagination.js';
import type { Checklist } from './checklist.js';
import type { AutoFinding } from './findings.js';
import type { ItemScoreInput, ScoredFinding, DismissalInput } from './rules.js';
import type { StratumCount } from './draw.js';

// 案卷评查 tables (issue 30). Each row is the projection of record-log entries in the round's own stream (the round id):
// EVALUATION_ROUND (opening and the draw), EVALUATION_SCORE, RECTIFICATION_DONE, EVALUATION_ROUND_COMPLETED.

export const evaluationRounds = mysqlTable(
  'evaluation_rounds',
  {
    id: idColumn().primaryKey(),
    /** The supervising agency (null = the government's supervision office). */
    supervisingAgencyId: idColumn('supervising_agency_id'),
    title: varchar('title', { length: 200 }).notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    agencyIds: jsonText<string[]>('agency_ids').notNull(),
    evaluatorIds: jsonText<string[]>('evaluator_ids').notNull(),
    seed: varchar('seed', { length: 128 }).notNull(),
    rate: decimal('rate', { precision: 5, scale: 4 }).notNull(),
    minPerStratum: int('min_per_stratum').notNull(),
    minPerAgency: int('min_per_agency').notNull(),
    rectificationWorkingDays: int('rectification_working_days').notNull(),
    candidateCount: int('candidate_count').notNull(),
    strata: jsonText<StratumCount[]>('strata').notNull(),
    /** The checklist version applied (R1): its id (null = built-in version 0), number and the items as pinned. */
    checklistVersionId: idColumn('checklist_version_id'),
    checklistVersionNo: int('checklist_version_no').notNull(),
    checklist: jsonText<Checklist>('checklist').notNull(),
    state: varchar('state', { length: 16 }).notNull(),
    openedBy: varchar('opened_by', { length: 100 }).notNull(),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    completedOn: date('completed_on', { mode: 'string' }),
    version: lockVersion(),
    idempotencyKey: idempotencyKey(),
    idempotencyFingerprint: char('idempotency_fingerprint', { length: 64 }),
    createdAt: timestamp3('created_at').notNull(),
  },
  (t) => [uniqueIndex('evaluation_rounds_idem').on(t.idempotencyKey), index('evaluation_rounds_period').on(t.periodTo, t.periodFrom)],
);

export const evaluationFiles = mysqlTable(
  'evaluation_files',
  {
    id: idColumn().primaryKey(),
    roundId: idColumn('round_id').notNull(),
    caseId: idColumn('case_id').notNull(),
    agencyId: idColumn('agency_id').notNull(),
    caseType: varchar('case_type', { length: 16 }).notNull(),
    stratum: varchar('stratum', { length: 48 }).notNull(),
    rank: char('draw_rank', { length: 64 }).notNull(),
    state: varchar('state', { length: 16 }).notNull(),
    evaluatorId: varchar('evaluator_id', { length: 100 }),
    autoFindings: jsonText<AutoFinding[]>('auto_findings'),
    items: jsonText<ItemScoreInput[]>('items'),
    findings: jsonText<ScoredFinding[]>('findings'),
    dismissals: jsonText<DismissalInput[]>('dismissals'),
    score: int('score'),
    maxScore: int('max_score').notNull(),
    scoredOn: date('scored_on', { mode: 'string' }),
    version: lockVersion(),
  },
  (t) => [uniqueIndex('evaluation_files_case').on(t.roundId, t.caseId), index('evaluation_files_agency').on(t.agencyId, t.roundId)],
);

export const rectifications = mysqlTable(
  'evaluation_rectifications',
  {
    id: idColumn().primaryKey(),
    roundId: idColumn('round_id').notNull(),
    fileId: idColumn('file_id').notNull(),
    caseId: idColumn('case_id').notNull(),
    agencyId: idColumn('agency_id').notNull(),
    itemCode: varchar('item_code', { length: 32 }).notNull(),
    findingCode: varchar('finding_code', { length: 32 }).notNull(),
    finding: varchar('finding', { length: 1000 }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    dueConfirmed: int('due_confirmed').notNull(),
    state: varchar('state', { length: 16 }).notNull(),
    doneOn: date('done_on', { mode: 'string' }),
    doneNote: varchar('done_note', { length: 1000 }),
    doneBy: varchar('done_by', { length: 100 }),
    version: lockVersion(),
  },
  (t) => [index('evaluation_rectifications_file').on(t.fileId), index('evaluation_rectifications_agency').on(t.agencyId, t.roundId)],
);

export const evaluationSchema = { evaluationRounds, evaluationFiles, rectifications };
export type EvaluationRoundRow = typeof evaluationRounds.$inferSelect;
/** A page of rounds (kernel/pagination.ts), newest first. */
export type EvaluationRoundConnectionModel = Connection<EvaluationRoundRow>;
export type EvaluationFileRow = typeof evaluationFiles.$inferSelect;
export type RectificationRow = typeof rectifications.$inferSelect;
