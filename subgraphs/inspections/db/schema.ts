import { boolean, char, date, index, int, mediumtext, mysqlTable, primaryKey, text, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { idColumn, jsonText, timestamp3 } from '../../../kernel/columns.js';

// The local store of the random-inspection platform. Rows are keyed by the platform's stable ids, so every
// import is an upsert; `payload_hash` tells a re-sent identical record (no write) from a real change.

const platformId = (name = 'id') => varchar(name, { length: 64 });
const syncColumns = () => ({
  platformUpdatedAt: timestamp3('platform_updated_at').notNull(),
  payloadHash: char('payload_hash', { length: 64 }).notNull(),
  syncedAt: timestamp3('synced_at').notNull(),
});

export const plans = mysqlTable('inspection_plans', {
  id: platformId().primaryKey(),
  name: varchar('name', { length: 300 }).notNull(),
  year: int('year').notNull(),
  agencyUscc: varchar('agency_uscc', { length: 18 }).notNull(),
  agencyName: varchar('agency_name', { length: 200 }).notNull(),
  itemCodes: jsonText<string[]>('item_codes').notNull(),
  periodStart: date('period_start', { mode: 'string' }).notNull(),
  periodEnd: date('period_end', { mode: 'string' }).notNull(),
  ...syncColumns(),
});

export const tasks = mysqlTable(
  'inspection_tasks',
  {
    id: platformId().primaryKey(),
    planId: platformId('plan_id').notNull(),
    itemCode: varchar('item_code', { length: 64 }).notNull(),
    name: varchar('name', { length: 300 }).notNull(),
    status: varchar('status', { length: 16 }).notNull(),
    agencyUscc: varchar('agency_uscc', { length: 18 }).notNull(),
    agencyName: varchar('agency_name', { length: 200 }).notNull(),
    drawSeed: varchar('draw_seed', { length: 128 }).notNull(),
    drawnAt: timestamp3('drawn_at').notNull(),
    objectCandidates: int('object_candidates').notNull(),
    inspectorCandidates: int('inspector_candidates').notNull(),
    checkStartOn: date('check_start_on', { mode: 'string' }),
    checkEndOn: date('check_end_on', { mode: 'string' }),
    ...syncColumns(),
  },
  (t) => [
    index('tasks_item').on(t.itemCode, t.id),
    index('tasks_plan').on(t.planId, t.id),
    index('tasks_agency').on(t.agencyUscc, t.status, t.id),
    // Statistics (issue 7): coverage and completion by draw date.
    index('tasks_stats_drawn').on(t.drawnAt, t.agencyUscc, t.itemCode, t.status, t.objectCandidates),
    index('tasks_stats_agency_drawn').on(t.agencyUscc, t.drawnAt, t.itemCode, t.status, t.objectCandidates),
  ],
);

/** Drawn objects of a task: replaced with the task in one transaction, never partially. */
export const taskObjects = mysqlTable(
  'inspection_task_objects',
  {
    taskId: platformId('task_id').notNull(),
    uscc: varchar('uscc', { length: 18 }).notNull(),
    name: varchar('name', { length: 200 }).notNull(),
    position: int('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.uscc] }), index('task_objects_uscc').on(t.uscc, t.taskId)],
);

/** Drawn inspectors of a task (personal data: staff-only in the API). */
export const taskInspectors = mysqlTable(
  'inspection_task_inspectors',
  {
    taskId: platformId('task_id').notNull(),
    credentialNumber: varchar('credential_number', { length: 32 }).notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    position: int('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.credentialNumber] }), index('task_inspectors_credential').on(t.credentialNumber, t.taskId)],
);

export const results = mysqlTable(
  'inspection_results',
  {
    id: platformId().primaryKey(),
    taskId: platformId('task_id').notNull(),
    itemCode: varchar('item_code', { length: 64 }).notNull(),
    uscc: varchar('uscc', { length: 18 }).notNull(),
    enterpriseName: varchar('enterprise_name', { length: 200 }).notNull(),
    agencyUscc: varchar('agency_uscc', { length: 18 }).notNull(),
    agencyName: varchar('agency_name', { length: 200 }).notNull(),
    resultCode: varchar('result_code', { length: 4 }).notNull(),
    subCode: varchar('sub_code', { length: 4 }),
    problemsFound: boolean('problems_found').notNull(),
    methods: jsonText<string[]>('methods').notNull(),
    findings: text('findings'),
    followUpAction: varchar('follow_up_action', { length: 24 }).notNull(),
    followUpNote: text('follow_up_note'),
    completedOn: date('completed_on', { mode: 'string' }).notNull(),
    publishedOn: date('published_on', { mode: 'string' }),
    /** R19 deadline, computed at import; recomputed while the calendar year was not yet confirmed. */
    publicationDueOn: date('publication_due_on', { mode: 'string' }).notNull(),
    calendarConfirmed: boolean('calendar_confirmed').notNull(),
    ...syncColumns(),
  },
  (t) => [
    index('results_uscc').on(t.uscc, t.id),
    index('results_task').on(t.taskId, t.id),
    index('results_item').on(t.itemCode, t.id),
    index('results_published').on(t.publishedOn, t.id),
    index('results_unconfirmed').on(t.calendarConfirmed),
    // Statistics (issue 7): result codes, problem rate and R19 timeliness by completion date.
    index('results_stats_completed').on(t.completedOn, t.agencyUscc, t.itemCode, t.resultCode, t.problemsFound, t.publishedOn, t.publicationDueOn),
    index('results_stats_agency_completed').on(t.agencyUscc, t.completedOn, t.itemCode, t.resultCode, t.problemsFound, t.publishedOn, t.publicationDueOn),
  ],
);

/** Records that failed validation: kept with the reason, never imported. */
export const quarantine = mysqlTable(
  'quarantined_records',
  {
    id: idColumn().primaryKey(),
    resource: varchar('resource', { length: 16 }).notNull(),
    platformId: platformId('platform_id'),
    reason: text('reason').notNull(),
    payload: mediumtext('payload').notNull(),
    payloadHash: char('payload_hash', { length: 64 }).notNull(),
    receivedAt: timestamp3('received_at').notNull(),
    resolvedAt: timestamp3('resolved_at'),
  },
  (t) => [uniqueIndex('quarantine_payload').on(t.resource, t.payloadHash), index('quarantine_platform_id').on(t.resource, t.platformId)],
);

/** Per resource: where the next incremental read starts (advanced in the same transaction as each page). */
export const checkpoints = mysqlTable('sync_checkpoints', {
  resource: varchar('resource', { length: 16 }).primaryKey(),
  /** Lower bound (`updatedSince`) of the run in progress or the next run. */
  updatedSince: varchar('updated_since', { length: 40 }),
  /** Platform cursor after the last committed page; null between runs. */
  cursor: varchar('cursor', { length: 500 }),
  /** Highest platform `updatedAt` committed in the run in progress. */
  highWater: varchar('high_water', { length: 40 }),
  updatedAt: timestamp3('updated_at').notNull(),
});

/** Every sync attempt, for inspectionSource and audit. */
export const syncRuns = mysqlTable(
  'sync_runs',
  {
    id: idColumn().primaryKey(),
    trigger: varchar('trigger', { length: 16 }).notNull(),
    startedAt: timestamp3('started_at').notNull(),
    finishedAt: timestamp3('finished_at'),
    ok: boolean('ok'),
    error: text('error'),
    stats: jsonText<unknown>('stats'),
  },
  (t) => [index('sync_runs_started').on(t.startedAt)],
);

/** Directory links from `powers`, refreshed at each sync: agency USCC → agency id, credential number → officer id. */
export const agencyLinks = mysqlTable(
  'agency_links',
  {
    uscc: varchar('uscc', { length: 18 }).primaryKey(),
    agencyId: idColumn('agency_id').notNull(),
    refreshedAt: timestamp3('refreshed_at').notNull(),
  },
  (t) => [index('agency_links_agency').on(t.agencyId, t.uscc)],
);
export const officerLinks = mysqlTable('officer_links', {
  credentialNumber: varchar('credential_number', { length: 32 }).primaryKey(),
  officerId: idColumn('officer_id').notNull(),
  agencyId: idColumn('agency_id').notNull(),
  refreshedAt: timestamp3('refreshed_at').notNull(),
});

export const schema = { plans, tasks, taskObjects, taskInspectors, results, quarantine, checkpoints, syncRuns, agencyLinks, officerLinks };
export type PlanRow = typeof plans.$inferSelect;
export type TaskRow = typeof tasks.$inferSelect;
export type TaskObjectRow = typeof taskObjects.$inferSelect;
export type TaskInspectorRow = typeof taskInspectors.$inferSelect;
export type ResultRow = typeof results.$inferSelect;
export type QuarantineRow = typeof quarantine.$inferSelect;
export type CheckpointRow = typeof checkpoints.$inferSelect;
export type SyncRunRow = typeof syncRuns.$inferSelect;
