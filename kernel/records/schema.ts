import { bigint, char, index, int, mysqlTable, text, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { idColumn, timestamp3 } from '../columns.js';

/**
 * The whole-process record log (执法全过程记录, R17): append-only, each entry hash-chained to the previous
 * entry of its case and to the previous entry overall. UPDATE and DELETE are refused by triggers
 * (migration 0001); checkpoints of the global chain head are signed with a key kept outside the database.
 */
export const recordEntries = mysqlTable(
  'record_entries',
  {
    id: idColumn().primaryKey(),
    caseId: idColumn('case_id').notNull(),
    /** 1, 2, 3 … within the case: a gap means a deleted entry. */
    caseSeq: int('case_seq').notNull(),
    /** 1, 2, 3 … over the whole database. */
    globalSeq: bigint('global_seq', { mode: 'number' }).notNull(),
    /** TEXT_RECORD, AV_RECORD, EVENT, TRANSITION, PROPOSAL, DECISION … */
    kind: varchar('kind', { length: 32 }).notNull(),
    stage: varchar('stage', { length: 16 }).notNull(),
    /** Canonical JSON of the entry's content: the exact bytes that were hashed. */
    payload: text('payload').notNull(),
    actor: varchar('actor', { length: 100 }).notNull(),
    recordedAt: timestamp3('recorded_at').notNull(),
    prevCaseHash: char('prev_case_hash', { length: 64 }).notNull(),
    prevGlobalHash: char('prev_global_hash', { length: 64 }).notNull(),
    hash: char('hash', { length: 64 }).notNull(),
    /** Id of the writing service's key in the MAC key ring (records/keys.ts); '' = unkeyed (never verifies). */
    macKeyId: varchar('mac_key_id', { length: 16 }).notNull().default(''),
    /** HMAC-SHA256 of `hash` under that key: SQL access alone cannot make an entry that verifies. */
    mac: varchar('mac', { length: 64 }).notNull().default(''),
  },
  (t) => [uniqueIndex('record_case_seq').on(t.caseId, t.caseSeq), uniqueIndex('record_global_seq').on(t.globalSeq), index('record_kind').on(t.caseId, t.kind)],
);

/** Current heads of the chains; the row locked FOR UPDATE serialises appends ('GLOBAL' and one row per case). */
export const chainHeads = mysqlTable('record_chain_heads', {
  chain: varchar('chain', { length: 40 }).primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: char('hash', { length: 64 }).notNull(),
  /** HMAC of (chain, seq, hash): a head moved by SQL alone does not verify. */
  macKeyId: varchar('mac_key_id', { length: 16 }).notNull().default(''),
  mac: varchar('mac', { length: 64 }).notNull().default(''),
});

/** Signed checkpoints of the global chain: (globalSeq, headHash) signed with Ed25519; each links to the previous one. */
export const recordCheckpoints = mysqlTable(
  'record_checkpoints',
  {
    id: idColumn().primaryKey(),
    checkpointSeq: int('checkpoint_seq').notNull(),
    globalSeq: bigint('global_seq', { mode: 'number' }).notNull(),
    headHash: char('head_hash', { length: 64 }).notNull(),
    prevSignature: text('prev_signature').notNull(),
    signedAt: timestamp3('signed_at').notNull(),
    keyId: varchar('key_id', { length: 64 }).notNull(),
    signature: text('signature').notNull(),
  },
  (t) => [uniqueIndex('checkpoint_seq').on(t.checkpointSeq)],
);

export const recordsSchema = { recordEntries, chainHeads, recordCheckpoints };
export type RecordEntryRow = typeof recordEntries.$inferSelect;
export type CheckpointRow = typeof recordCheckpoints.$inferSelect;
