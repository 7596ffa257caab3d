import { boolean, date, index, int, mysqlTable, uniqueIndex, varchar, text } from 'drizzle-orm/mysql-core';
import { recordsSchema } from '../../../kernel/records/schema.js';
import { idColumn, idempotencyKey, jsonText, lockVersion, timestamp3 } from '../../../kernel/columns.js';
import type {
  AgencyPolicyValue,
  ComplaintChannelValue,
  ContactValue,
  EntrustmentValue,
  ExAnteContent,
  LegalBasisValue,
  ServiceWindowValue,
} from '../domain/types.js';

export const agencies = mysqlTable(
  'agencies',
  {
    id: idColumn().primaryKey(),
    name: varchar('name', { length: 200 }).notNull(),
    kind: varchar('kind', { length: 16 }).notNull(),
    uscc: varchar('uscc', { length: 18 }).notNull(),
    region: varchar('region', { length: 100 }).notNull(),
    legalBasis: jsonText<LegalBasisValue[]>('legal_basis').notNull(),
    contact: jsonText<ContactValue>('contact').notNull(),
    complaintChannels: jsonText<ComplaintChannelValue[]>('complaint_channels').notNull(),
    serviceWindows: jsonText<ServiceWindowValue[]>('service_windows').notNull(),
    policy: jsonText<AgencyPolicyValue>('policy').notNull(),
    /** ENTRUSTED organisations: the written entrustment they act under (行政处罚法 Art. 20). */
    entrustment: jsonText<EntrustmentValue>('entrustment'),
    version: lockVersion(),
    idempotencyKey: idempotencyKey(),
    createdAt: timestamp3('created_at').notNull(),
    updatedAt: timestamp3('updated_at').notNull(),
  },
  (t) => [uniqueIndex('agencies_uscc').on(t.uscc), uniqueIndex('agencies_idem').on(t.idempotencyKey)],
);

export const officers = mysqlTable(
  'officers',
  {
    id: idColumn().primaryKey(),
    agencyId: idColumn('agency_id').notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    credentialNumber: varchar('credential_number', { length: 32 }).notNull(),
    credentialStatus: varchar('credential_status', { length: 16 }).notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    enforcementAreas: jsonText<string[]>('enforcement_areas').notNull(),
    reviewQualified: boolean('review_qualified').notNull().default(false),
    legalProfessionCertificate: varchar('legal_profession_certificate', { length: 64 }),
    firstTimeReviewer: boolean('first_time_reviewer').notNull().default(false),
    version: lockVersion(),
    idempotencyKey: idempotencyKey(),
    createdAt: timestamp3('created_at').notNull(),
    updatedAt: timestamp3('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('officers_credential').on(t.credentialNumber),
    uniqueIndex('officers_idem').on(t.idempotencyKey),
    index('officers_agency').on(t.agencyId, t.id),
  ],
);

/**
 * The dated history of each credential's status (R2): issued, suspended, reinstated, revoked … A check for a
 * past date reads the status in force that day, never today's. Append-only by the service.
 */
export const credentialStatusChanges = mysqlTable(
  'credential_status_changes',
  {
    id: idColumn().primaryKey(),
    officerId: idColumn('officer_id').notNull(),
    status: varchar('status', { length: 16 }).notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    recordedBy: varchar('recorded_by', { length: 100 }).notNull(),
    recordedAt: timestamp3('recorded_at').notNull(),
  },
  (t) => [index('credential_changes_officer').on(t.officerId, t.effectiveFrom)],
);

/**
 * The dated history of each credential's terms (R2, issue 26): validity period and enforcement areas in force from a
 * date. An act is checked against the terms in force on the act's date, not today's: an area added today does not
 * validate an act of three days ago. Append-only by the service.
 */
export const credentialTermChanges = mysqlTable(
  'credential_term_changes',
  {
    id: idColumn().primaryKey(),
    officerId: idColumn('officer_id').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    enforcementAreas: jsonText<string[]>('enforcement_areas').notNull(),
    reason: text('reason').notNull(),
    recordedBy: varchar('recorded_by', { length: 100 }).notNull(),
    recordedAt: timestamp3('recorded_at').notNull(),
  },
  (t) => [index('credential_terms_officer').on(t.officerId, t.effectiveFrom)],
);

/**
 * Every kind of ex-ante information (R1) shares one versioned publication workflow, so it lives in one
 * table: one row per version, the kind-specific content as JSON, and the columns that lists filter on.
 */
export const exAnteDocuments = mysqlTable(
  'ex_ante_documents',
  {
    id: idColumn().primaryKey(),
    kind: varchar('kind', { length: 32 }).notNull(),
    agencyId: idColumn('agency_id').notNull(),
    code: varchar('code', { length: 64 }).notNull(),
    versionNo: int('version_no').notNull(),
    status: varchar('status', { length: 16 }).notNull(),
    title: varchar('title', { length: 300 }).notNull(),
    category: varchar('category', { length: 16 }),
    enforcementArea: varchar('enforcement_area', { length: 100 }),
    powerItemCode: varchar('power_item_code', { length: 64 }),
    planYear: int('plan_year'),
    content: jsonText<ExAnteContent>('content').notNull(),
    createdAt: timestamp3('created_at').notNull(),
    createdBy: varchar('created_by', { length: 100 }).notNull(),
    submittedAt: timestamp3('submitted_at'),
    submittedBy: varchar('submitted_by', { length: 100 }),
    approvedAt: timestamp3('approved_at'),
    approvedBy: varchar('approved_by', { length: 100 }),
    approvalNote: text('approval_note'),
    publishedAt: timestamp3('published_at'),
    publishedBy: varchar('published_by', { length: 100 }),
    retiredAt: timestamp3('retired_at'),
    retiredBy: varchar('retired_by', { length: 100 }),
    retireReason: text('retire_reason'),
    updatedAt: timestamp3('updated_at').notNull(),
    version: lockVersion(),
    idempotencyKey: idempotencyKey(),
  },
  (t) => [
    uniqueIndex('exante_kind_code_version').on(t.kind, t.code, t.versionNo),
    uniqueIndex('exante_idem').on(t.idempotencyKey),
    index('exante_list').on(t.kind, t.status, t.code, t.versionNo),
    index('exante_agency_list').on(t.kind, t.agencyId, t.status, t.code),
    index('exante_power_item').on(t.powerItemCode, t.kind, t.status),
  ],
);

/**
 * The powers log (issue 25): kernel/records' keyed, hash-chained, checkpointed log in this database, written with the
 * powers MAC key. Every published version of an ex-ante document, every retirement, every agency's established
 * settings and every credential change is appended; the facts the case gate reads are checked against it.
 */
export { recordEntries, chainHeads, recordCheckpoints } from '../../../kernel/records/schema.js';

export const schema = { agencies, officers, credentialStatusChanges, credentialTermChanges, exAnteDocuments, ...recordsSchema };
export type AgencyRow = typeof agencies.$inferSelect;
export type OfficerRow = typeof officers.$inferSelect;
export type CredentialChangeRow = typeof credentialStatusChanges.$inferSelect;
export type CredentialTermRow = typeof credentialTermChanges.$inferSelect;
export type ExAnteRow = typeof exAnteDocuments.$inferSelect;
