import { boolean, date, index, int, mysqlTable, text, uniqueIndex, varchar, char } from 'drizzle-orm/mysql-core';
import { idColumn, jsonText, lockVersion, timestamp3 } from '../../../kernel/columns.js';
import type { YearArrangement } from '../../../kernel/calendar.js';
import type { AutomaticFinding, ReviewFinding } from '../domain/types.js';
import { recordsSchema } from '../../../kernel/records/schema.js';

/** The reviews log (issue 25): kernel/records' tables in the reviews database, keyed with the reviews key. */
export { recordEntries, chainHeads, recordCheckpoints, type RecordEntryRow, type CheckpointRow } from '../../../kernel/records/schema.js';

/** One legal review per case; its rounds are the submissions (送审) and their opinions. */
export const legalReviews = mysqlTable(
  'legal_reviews',
  {
    id: idColumn().primaryKey(),
    caseId: idColumn('case_id').notNull(),
    agencyId: idColumn('agency_id').notNull(),
    status: varchar('status', { length: 24 }).notNull(),
    currentRound: int('current_round').notNull(),
    /** Denormalised from the current round for the work queue. */
    reviewerId: idColumn('reviewer_id'),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    version: lockVersion(),
    createdAt: timestamp3('created_at').notNull(),
    updatedAt: timestamp3('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('reviews_case').on(t.caseId),
    index('reviews_queue').on(t.agencyId, t.status, t.id),
    index('reviews_reviewer').on(t.reviewerId, t.id),
    index('reviews_due').on(t.status, t.dueOn),
  ],
);

/**
 * A round: the proposal snapshot with its content hash, the handlers' statement, the reviewer and the
 * opinion. Once `conclusion` is set the row can no longer change (trigger in migration 0001).
 */
export const reviewRounds = mysqlTable(
  'review_rounds',
  {
    id: idColumn().primaryKey(),
    reviewId: idColumn('review_id').notNull(),
    roundNo: int('round_no').notNull(),
    proposalId: idColumn('proposal_id').notNull(),
    proposalHash: char('proposal_hash', { length: 64 }).notNull(),
    proposalSnapshot: text('proposal_snapshot').notNull(),
    materials: jsonText<string[]>('materials').notNull(),
    handlerStatement: text('handler_statement').notNull(),
    submittedBy: varchar('submitted_by', { length: 100 }).notNull(),
    submittedAt: timestamp3('submitted_at').notNull(),
    reviewerId: idColumn('reviewer_id'),
    assignedBy: varchar('assigned_by', { length: 100 }),
    assignedAt: timestamp3('assigned_at'),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    dueConfirmed: boolean('due_confirmed').notNull(),
    automaticFindings: jsonText<AutomaticFinding[]>('automatic_findings').notNull(),
    findings: jsonText<ReviewFinding[]>('findings'),
    conclusion: varchar('conclusion', { length: 16 }),
    opinion: text('opinion'),
    requiredCorrections: jsonText<string[]>('required_corrections'),
    concludedAt: timestamp3('concluded_at'),
    concludedOn: date('concluded_on', { mode: 'string' }),
    // Statistics (issue 7): facts recorded when the round is created or its reviewer assigned (null on rounds from before).
    /** The agency of the review, denormalised so indicators group one table by an index range. */
    agencyId: idColumn('agency_id'),
    /** The case type (执法类别) of the reviewed case. */
    caseType: varchar('case_type', { length: 16 }),
    /** Submission date in Asia/Shanghai. */
    submittedOn: date('submitted_on', { mode: 'string' }),
    /** R7 facts of the reviewer at assignment: review qualification, first-time reviewer, 法律职业资格 held. */
    reviewerQualified: boolean('reviewer_qualified'),
    reviewerFirstTime: boolean('reviewer_first_time'),
    reviewerHasCertificate: boolean('reviewer_has_certificate'),
  },
  (t) => [
    uniqueIndex('rounds_review_no').on(t.reviewId, t.roundNo),
    index('rounds_proposal').on(t.proposalId, t.proposalHash),
    index('rounds_stats_concluded').on(t.concludedOn, t.agencyId, t.caseType, t.conclusion, t.submittedOn),
    index('rounds_stats_agency_concluded').on(t.agencyId, t.concludedOn, t.caseType, t.conclusion, t.submittedOn),
    index('rounds_stats_due').on(t.dueOn, t.agencyId, t.caseType, t.concludedOn),
    index('rounds_stats_agency_due').on(t.agencyId, t.dueOn, t.caseType, t.concludedOn),
    index('rounds_stats_submitted').on(t.submittedOn, t.agencyId, t.caseType, t.reviewerId, t.reviewerQualified, t.reviewerFirstTime, t.reviewerHasCertificate),
    index('rounds_stats_agency_submitted').on(
      t.agencyId,
      t.submittedOn,
      t.caseType,
      t.reviewerId,
      t.reviewerQualified,
      t.reviewerFirstTime,
      t.reviewerHasCertificate,
    ),
  ],
);

/**
 * R12 (issue 26, part D): the holiday arrangements this service has applied — the years an administrator loaded
 * through cases' `loadHolidayArrangement`, which tells this service (`applyHolidayArrangement`). The review workflow
 * counts its due dates on the bundled years plus these, and a reload compares with what is stored here.
 */
export const calendarYears = mysqlTable('calendar_years', {
  year: int('year').primaryKey(),
  arrangement: jsonText<YearArrangement>('arrangement').notNull(),
  loadedBy: varchar('loaded_by', { length: 100 }).notNull(),
  loadedAt: timestamp3('loaded_at').notNull(),
});

export const schema = { legalReviews, reviewRounds, calendarYears, ...recordsSchema };
export type CalendarYearRow = typeof calendarYears.$inferSelect;
export type LegalReviewRow = typeof legalReviews.$inferSelect;
export type ReviewRoundRow = typeof reviewRounds.$inferSelect;
