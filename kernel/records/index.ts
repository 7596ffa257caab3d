/**
 * The shared integrity mechanism (issue 25): a keyed, hash-chained, checkpointed, witnessed append-only log that
 * any subgraph keeps in its own database for the facts a decision rests on (cases: the whole-process record;
 * reviews: rounds, assignments and opinions).
 *
 * A subgraph that keeps a log:
 *   1. includes `recordsSchema` (schema.ts: `record_entries`, `record_chain_heads`, `record_checkpoints`) in its
 *      drizzle schema and adds a migration creating them plus the append-only triggers (see cases 0000/0001/0008);
 *   2. names itself as a `LogService` ('cases', 'reviews', …): its MAC key ring (`record-mac-keys[-<service>].json`
 *      or RECORD_MAC_KEYS[_<SERVICE>]) and checkpoint key (`record-checkpoint[-<service>].ed25519.pem`) are its own,
 *      so no service can write a log that verifies under another's keys; the witness file is per database;
 *   3. appends with `appendEntry(txOrOrm, { caseId, kind, stage, payload, actor, recordedAt }, serviceMacKeyRing(service))`
 *      inside the transaction of the state change (`caseId` is the stream the entry chains in: a case id);
 *   4. runs `startCheckpointTimer(orm, { keyDir, dbName, clock, service }, 1000)` so the head is signed each second;
 *   5. reads facts only through `verifiedCaseEntries` (one stream, before acting on it) or `verifyLog` (everything;
 *      pass a `ProjectionCheck` to compare rows with what the entries say). `npm run verify-records` runs both.
 *
 * Pure parts (no database): chain.ts (canonical JSON, entry hash, `verifyChains`), keys.ts (HMAC key rings),
 * signing.ts (Ed25519 checkpoints, witness file). Privileges: kernel/db-accounts.ts gives each service account
 * SELECT/INSERT on the entries and checkpoints and SELECT/INSERT/UPDATE on the heads (`logPrivilegesFor`).
 */
export { GENESIS, canonicalJson, entryHash, verifyChains, type ChainFault, type ChainProblem, type EntryLike, type VerifyResult } from './chain.js';
export { DEFAULT_LOG_SERVICE, loadMacKeyRing, loadMacKeysForVerify, rotateMacKey, macKeysPath, type LogService, type MacKeyRing } from './keys.js';
export { chainHeads, recordCheckpoints, recordEntries, recordsSchema, type CheckpointRow, type RecordEntryRow } from './schema.js';
export { readWitness, removeWitness, witnessPath, type Witness } from './signing.js';
export {
  appendEntry,
  checkpointLag,
  clockedAppender,
  createCheckpoint,
  listEntries,
  serviceMacKeyRing,
  startCheckpointTimer,
  verifiedCaseEntries,
  verifiedStreamsEntries,
  verifyLog,
  type AppendInput,
  type CheckpointOptions,
  type Executor,
  type Orm,
  type ProjectionCheck,
  type RecordKeyOptions,
  type Tx,
} from './log.js';
