/** The cases record log uses the shared tables of kernel/records (one set per database). */
export { recordEntries, chainHeads, recordCheckpoints, recordsSchema, type RecordEntryRow, type CheckpointRow } from '../../../kernel/records/schema.js';
