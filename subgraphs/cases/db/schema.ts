import { boolean, date, index, int, mysqlTable, primaryKey, text, uniqueIndex, varchar, decimal, char } from 'drizzle-orm/mysql-core';
import { idColumn, idempotencyKey, jsonText, lockVersion, timestamp3 } from '../../../kernel/columns.js';
import { recordsSchema } from './records-schema.js';
import type { CaseSource, ProposalContent, ProposalChecks, ReviewReason } from '../domain/types.js';
import type { PublicationCorrection, PublicationSnapshot } from '../domain/publicity.js';
import type { YearArrangement } from '../../../kernel/calendar.js';

export * from './records-schema.js';
// Issue 30 (supervision): problem-model clues live with their module; here so drizzle-kit and the schema see them.
export { supervisionClues } from '../supervision/clues/db.js';
import { supervisionClues } from '../supervision/clues/db.js';
export * from '../supervision/evaluation/schema.js';

/** A case (案件). The power item version in force at filing is pinned (code + version id + number). */
export const cases = mysqlTable(
  'cases',
  {
    id: idColumn().primaryKey(),
    /** The agency whose staff handle the case (the entrusted organisation, when one acts). */
    agencyId: idColumn('agency_id').notNull(),
    /** Art. 20: the entrusting agency in whose name an entrusted organisation acts; null = the agency itself. */
    inNameOfAgencyId: idColumn('in_name_of_agency_id'),
    caseNumber: varchar('case_number', { length: 100 }).notNull(),
    /** `<numbering agency>:<case type>`: each kind of decision has its own number series. */
    numberSeries: varchar('number_series', { length: 48 }).notNull().default(''),
    caseYear: int('case_year').notNull(),
    caseSeq: int('case_seq').notNull(),
    caseType: varchar('case_type', { length: 16 }).notNull(),
    procedure: varchar('procedure', { length: 8 }).notNull(),
    powerItemCode: varchar('power_item_code', { length: 64 }).notNull(),
    powerItemVersionId: idColumn('power_item_version_id').notNull(),
    powerItemVersionNo: int('power_item_version_no').notNull(),
    enforcementArea: varchar('enforcement_area', { length: 100 }).notNull(),
    partyId: idColumn('party_id').notNull(),
    partyUscc: varchar('party_uscc', { length: 18 }),
    handlingOfficerIds: jsonText<string[]>('handling_officer_ids').notNull(),
    source: jsonText<CaseSource>('source').notNull(),
    sourceInspectionTaskId: varchar('source_inspection_task_id', { length: 64 }),
    factsSummary: text('facts_summary').notNull(),
    confidentiality: varchar('confidentiality', { length: 24 }),
    state: varchar('state', { length: 16 }).notNull(),
    filedOn: date('filed_on', { mode: 'string' }).notNull(),
    /** The case type's time limit (penalty: 90 days, Art. 60; licensing: 20 WD; coercion: none); null = none. */
    decisionDueOn: date('decision_due_on', { mode: 'string' }),
    decisionDueConfirmed: boolean('decision_due_confirmed'),
    decidedOn: date('decided_on', { mode: 'string' }),
    decisionProposalId: idColumn('decision_proposal_id'),
    decisionReviewId: idColumn('decision_review_id'),
    partyPresentAtDecision: boolean('party_present_at_decision'),
    serviceDueOn: date('service_due_on', { mode: 'string' }),
    serviceDueConfirmed: boolean('service_due_confirmed'),
    servedOn: date('served_on', { mode: 'string' }),
    /** The business date service was recorded (issue 26: a service stated after the due date does not clear R11). */
    serviceRecordedOn: date('service_recorded_on', { mode: 'string' }),
    closedOn: date('closed_on', { mode: 'string' }),
    archivedOn: date('archived_on', { mode: 'string' }),
    /** Archive retention: years (null with a retention date null = permanent) and the last day to keep the file. */
    retentionYears: int('retention_years'),
    retentionUntil: date('retention_until', { mode: 'string' }),
    /** Seizure / impoundment (行政强制法 Art. 25): end of the 30 days, the one approved extension, the lifting. */
    measureEndsOn: date('measure_ends_on', { mode: 'string' }),
    measureExtendedTo: date('measure_extended_to', { mode: 'string' }),
    measureLiftedOn: date('measure_lifted_on', { mode: 'string' }),
    /** The decision was changed, revoked, confirmed illegal or void (R14): then it is not served or executed further. */
    decisionChangeKind: varchar('decision_change_kind', { length: 24 }),
    decisionChangedOn: date('decision_changed_on', { mode: 'string' }),
    version: lockVersion(),
    idempotencyKey: idempotencyKey(),
    /** sha256 of the request that used the idempotency key: a retry must carry the same input (else CONFLICT). */
    idempotencyFingerprint: char('idempotency_fingerprint', { length: 64 }),
    createdBy: varchar('created_by', { length: 100 }).notNull(),
    createdAt: timestamp3('created_at').notNull(),
    updatedAt: timestamp3('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('cases_number').on(t.numberSeries, t.caseYear, t.caseSeq),
    uniqueIndex('cases_idem').on(t.idempotencyKey),
    index('cases_agency_list').on(t.agencyId, t.state, t.id),
    // An agency's case list, newest first, without a filesort whatever the number of agencies.
    index('cases_agency_id').on(t.agencyId, t.id),
    index('cases_list').on(t.state, t.id),
    index('cases_power_item').on(t.powerItemCode, t.id),
    index('cases_party_uscc').on(t.partyUscc, t.id),
    index('cases_filed').on(t.agencyId, t.filedOn),
    index('cases_due').on(t.state, t.decisionDueOn),
    // Statistics (issue 7, docs/indicators.md): covering indexes per anchor date, with and without an agency filter.
    index('cases_stats_filed').on(t.filedOn, t.agencyId, t.caseType, t.state, t.decisionDueOn, t.decidedOn),
    index('cases_stats_agency_filed').on(t.agencyId, t.filedOn, t.caseType, t.state, t.decisionDueOn, t.decidedOn),
    index('cases_stats_decided').on(
      t.decidedOn,
      t.agencyId,
      t.caseType,
      t.decisionProposalId,
      t.filedOn,
      t.decisionReviewId,
      t.partyPresentAtDecision,
      t.serviceDueOn,
      t.servedOn,
    ),
    index('cases_stats_agency_decided').on(
      t.agencyId,
      t.decidedOn,
      t.caseType,
      t.decisionProposalId,
      t.filedOn,
      t.decisionReviewId,
      t.partyPresentAtDecision,
      t.serviceDueOn,
      t.servedOn,
    ),
    index('cases_stats_closed').on(t.closedOn, t.agencyId, t.caseType, t.archivedOn),
    index('cases_stats_agency_closed').on(t.agencyId, t.closedOn, t.caseType, t.archivedOn),
  ],
);

/** 当事人. The resident ID number is stored for the record and never leaves to public or analyst views. */
export const parties = mysqlTable('parties', {
  id: idColumn().primaryKey(),
  kind: varchar('kind', { length: 24 }).notNull(),
  name: varchar('name', { length: 200 }).notNull(),
  uscc: varchar('uscc', { length: 18 }),
  residentId: varchar('resident_id', { length: 18 }),
  legalRepresentative: varchar('legal_representative', { length: 100 }),
  address: varchar('address', { length: 300 }),
  phone: varchar('phone', { length: 40 }),
  isMinor: boolean('is_minor').notNull().default(false),
  createdAt: timestamp3('created_at').notNull(),
});

/** Per agency, case type and year, the last case sequence number handed out (row locked FOR UPDATE when numbering). */
export const caseNumberCounters = mysqlTable(
  'case_number_counters',
  {
    agencyId: idColumn('agency_id').notNull(),
    series: varchar('series', { length: 16 }).notNull().default('PENALTY'),
    year: int('year').notNull(),
    lastSeq: int('last_seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.series, t.year] })],
);

/** 决定建议: immutable once recorded; the content hash identifies exactly what a review approved. */
export const proposals = mysqlTable(
  'decision_proposals',
  {
    id: idColumn().primaryKey(),
    caseId: idColumn('case_id').notNull(),
    content: jsonText<ProposalContent>('content').notNull(),
    contentHash: char('content_hash', { length: 64 }).notNull(),
    fineAmount: decimal('fine_amount', { precision: 16, scale: 2 }),
    checks: jsonText<ProposalChecks>('checks').notNull(),
    reviewRequired: boolean('review_required').notNull(),
    reviewReasons: jsonText<ReviewReason[]>('review_reasons').notNull(),
    /** A catalog rule asks for the leaders' collective discussion before deciding (Art. 57(2)). */
    collectiveDiscussionRequired: boolean('collective_discussion_required').notNull().default(false),
    createdBy: varchar('created_by', { length: 100 }).notNull(),
    createdAt: timestamp3('created_at').notNull(),
    idempotencyKey: idempotencyKey(),
    idempotencyFingerprint: char('idempotency_fingerprint', { length: 64 }),
  },
  (t) => [index('proposals_case').on(t.caseId, t.createdAt), uniqueIndex('proposals_idem').on(t.idempotencyKey)],
);

/**
 * Ex-post publication of a decision (R12–R15): one row per decision, either exempt with its reason or due
 * by a date; the public content is generated from `snapshot` at read time with masking (never stored masked text).
 */
export const publications = mysqlTable(
  'publications',
  {
    id: idColumn().primaryKey(),
    caseId: idColumn('case_id').notNull(),
    agencyId: idColumn('agency_id').notNull(),
    /** PENDING, PUBLISHED, WITHDRAWN, EXEMPT or ENDED (stopped early on the party's application) */
    status: varchar('status', { length: 16 }).notNull(),
    category: varchar('category', { length: 24 }),
    caseType: varchar('case_type', { length: 16 }).notNull(),
    partyName: varchar('party_name', { length: 200 }).notNull(),
    partyUscc: varchar('party_uscc', { length: 18 }),
    snapshot: jsonText<PublicationSnapshot>('snapshot').notNull(),
    decisionDate: date('decision_date', { mode: 'string' }).notNull(),
    exemptionReason: text('exemption_reason'),
    dueOn: date('due_on', { mode: 'string' }),
    dueConfirmed: boolean('due_confirmed'),
    publishedOn: date('published_on', { mode: 'string' }),
    publishedBy: varchar('published_by', { length: 100 }),
    periodEndsOn: date('period_ends_on', { mode: 'string' }),
    changeKind: varchar('change_kind', { length: 24 }),
    changeReason: text('change_reason'),
    changedOn: date('changed_on', { mode: 'string' }),
    withdrawalDueOn: date('withdrawal_due_on', { mode: 'string' }),
    withdrawalDueConfirmed: boolean('withdrawal_due_confirmed'),
    withdrawnOn: date('withdrawn_on', { mode: 'string' }),
    withdrawnBy: varchar('withdrawn_by', { length: 100 }),
    withdrawalReason: text('withdrawal_reason'),
    /** 公示规定 Art. 8: the party was told in writing, when served, that the decision will be published. */
    partyNotifiedOn: date('party_notified_on', { mode: 'string' }),
    partyNoticeNumber: varchar('party_notice_number', { length: 100 }),
    /** 公示规定 Art. 12: corrections of what was published, oldest first (what changed, why, by whom, when). */
    corrections: jsonText<PublicationCorrection[]>('corrections'),
    /** 公示规定 Art. 14: publication ended early on the party's application. */
    endedOn: date('ended_on', { mode: 'string' }),
    endReason: text('end_reason'),
    version: lockVersion(),
    createdAt: timestamp3('created_at').notNull(),
    updatedAt: timestamp3('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('publications_case').on(t.caseId),
    index('publications_public').on(t.status, t.periodEndsOn, t.id),
    index('publications_agency').on(t.agencyId, t.status, t.id),
    index('publications_party').on(t.partyUscc),
    index('publications_due').on(t.status, t.dueOn),
    // Statistics (issue 7): R12 by decision date, R14 by change date; covering the columns the indicators read.
    index('publications_stats_decided').on(t.decisionDate, t.agencyId, t.caseType, t.status, t.dueOn, t.publishedOn),
    index('publications_stats_agency_decided').on(t.agencyId, t.decisionDate, t.caseType, t.status, t.dueOn, t.publishedOn),
    index('publications_stats_changed').on(t.changedOn, t.agencyId, t.caseType, t.withdrawalDueOn, t.withdrawnOn),
    index('publications_stats_agency_changed').on(t.agencyId, t.changedOn, t.caseType, t.withdrawalDueOn, t.withdrawnOn),
  ],
);

/**
 * Relief proceedings against a decision (issue 17): an administrative reconsideration (行政复议) or lawsuit (行政诉讼),
 * registered when the agency receives the application or complaint, concluded with the organ's outcome. A REVOKED,
 * CHANGED or CONFIRMED_ILLEGAL outcome changes the decision through revocation.ts (R14).
 */
export const reliefProceedings = mysqlTable(
  'relief_proceedings',
  {
    id: idColumn().primaryKey(),
    caseId: idColumn('case_id').notNull(),
    /** Denormalised from the case for the statistics' index ranges. */
    agencyId: idColumn('agency_id').notNull(),
    caseType: varchar('case_type', { length: 16 }).notNull(),
    /** ADMINISTRATIVE_RECONSIDERATION or ADMINISTRATIVE_LITIGATION (the values of powers' ReliefKind) */
    kind: varchar('kind', { length: 32 }).notNull(),
    organ: varchar('organ', { length: 100 }).notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    documentNumber: varchar('document_number', { length: 100 }),
    /** UPHELD, CHANGED, REVOKED, CONFIRMED_ILLEGAL, SETTLED, WITHDRAWN; null while open. */
    outcome: varchar('outcome', { length: 24 }),
    outcomeOn: date('outcome_on', { mode: 'string' }),
    outcomeReason: text('outcome_reason'),
    outcomeDocumentNumber: varchar('outcome_document_number', { length: 100 }),
    correction: text('correction'),
    recordedBy: varchar('recorded_by', { length: 100 }).notNull(),
    version: lockVersion(),
    createdAt: timestamp3('created_at').notNull(),
    updatedAt: timestamp3('updated_at').notNull(),
  },
  (t) => [
    index('relief_case').on(t.caseId, t.receivedOn),
    index('relief_stats_received').on(t.receivedOn, t.agencyId, t.caseType, t.kind),
    index('relief_stats_agency_received').on(t.agencyId, t.receivedOn, t.caseType, t.kind),
    index('relief_stats_concluded').on(t.outcomeOn, t.agencyId, t.caseType, t.kind, t.outcome),
    index('relief_stats_agency_concluded').on(t.agencyId, t.outcomeOn, t.caseType, t.kind, t.outcome),
  ],
);

/** Holiday arrangements loaded by an administrator (a year here overrides the bundled file). */
export const calendarYears = mysqlTable('calendar_years', {
  year: int('year').primaryKey(),
  arrangement: jsonText<YearArrangement>('arrangement').notNull(),
  loadedBy: varchar('loaded_by', { length: 100 }).notNull(),
  loadedAt: timestamp3('loaded_at').notNull(),
});

export const schema = { cases, parties, caseNumberCounters, proposals, publications, reliefProceedings, calendarYears, supervisionClues, ...recordsSchema };
export type PublicationRow = typeof publications.$inferSelect;
export type CaseRow = typeof cases.$inferSelect;
export type PartyRow = typeof parties.$inferSelect;
export type ProposalRow = typeof proposals.$inferSelect;
export type ReliefRow = typeof reliefProceedings.$inferSelect;
