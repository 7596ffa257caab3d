import { date, index, mysqlTable, text, uniqueIndex, varchar, char } from 'drizzle-orm/mysql-core';
import { idColumn, jsonText, lockVersion, timestamp3 } from '../../../../kernel/columns.js';

/** What a clue carries as evidence: the model's figures and the cases behind them (the drill-down). */
export interface ClueEvidence {
  summary: string;
  measure: number;
  threshold: number;
  /** Counts behind the measure (e.g. hits / base), as the model computed them. */
  figures: Record<string, number | string | null>;
  caseIds: string[];
  /** The model's parameters as run (a later change of the defaults does not rewrite an old clue). */
  parameters: Record<string, number>;
}

/**
 * 线索 (issue 30): raised by a problem model to the supervising agency, handled (accepted or dismissed with a reason).
 * Every raise and every handling is also an entry of the record log (stream = the clue id), committed with the row.
 */
export const supervisionClues = mysqlTable(
  'supervision_clues',
  {
    id: idColumn().primaryKey(),
    modelCode: varchar('model_code', { length: 48 }).notNull(),
    /** The agency whose cases the clue is about. */
    agencyId: idColumn('agency_id').notNull(),
    /** Who must handle it: the entrusting agency for an entrusted organisation's cases, else the agency itself. */
    supervisingAgencyId: idColumn('supervising_agency_id').notNull(),
    /** OFFICER, OFFICER_PAIR, CASE, POWER_ITEM, PARTY, INSPECTION_TASK, AGENCY */
    subjectKind: varchar('subject_kind', { length: 16 }).notNull(),
    subject: varchar('subject', { length: 200 }).notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    evidence: jsonText<ClueEvidence>('evidence').notNull(),
    /** sha256 of (model, agency, subject, period): running a model twice over the same period raises nothing new. */
    fingerprint: char('fingerprint', { length: 64 }).notNull(),
    /** OPEN, ACCEPTED, DISMISSED */
    status: varchar('status', { length: 12 }).notNull(),
    handlingReason: text('handling_reason'),
    handledBy: varchar('handled_by', { length: 100 }),
    handledOn: date('handled_on', { mode: 'string' }),
    raisedBy: varchar('raised_by', { length: 100 }).notNull(),
    raisedOn: date('raised_on', { mode: 'string' }).notNull(),
    version: lockVersion(),
    createdAt: timestamp3('created_at').notNull(),
    updatedAt: timestamp3('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('clues_fingerprint').on(t.fingerprint),
    index('clues_supervising').on(t.supervisingAgencyId, t.status, t.id),
    index('clues_agency').on(t.agencyId, t.status, t.id),
    index('clues_list').on(t.status, t.id),
    // The scorecard's clue figures: by agency over the raise date.
    index('clues_stats_raised').on(t.raisedOn, t.agencyId, t.status, t.modelCode),
  ],
);
export type ClueRow = typeof supervisionClues.$inferSelect;
