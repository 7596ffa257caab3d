import { schema as casesSchema } from '../../subgraphs/cases/db/schema.js';
import { verifyRecords } from '../../subgraphs/cases/records/log.js';
import { schema as reviewsSchema } from '../../subgraphs/reviews/db/schema.js';
import { verifyReviewRecords } from '../../subgraphs/reviews/records.js';
import { schema as powersSchema } from '../../subgraphs/powers/db/schema.js';
import { verifyPowersRecords } from '../../subgraphs/powers/integrity/verify.js';
import { POWERS_LOG_SERVICE } from '../../subgraphs/powers/integrity/facts.js';
import type { VerifyResult } from '../../kernel/records/chain.js';
import type { ServiceName } from '../../kernel/config.js';
import { connectDb } from '../../kernel/db.js';

/**
 * The record logs the project keeps, one per database, each with its own keys and verifier: what `npm run
 * verify-records`, `npm run backup` / `restore` and the re-anchoring procedure go through (one list, so a new log
 * is covered by all of them).
 */
export type Verifier = (orm: never, opts: { keyDir: string; dbName: string; caseId?: string }) => Promise<VerifyResult>;
export interface RecordLog {
  /** The subgraph whose database keeps it. */
  service: ServiceName;
  /** The log's key-owner name (kernel/records LogService). */
  logService: string;
  schema: Record<string, unknown>;
  verify: Verifier;
}

export const RECORD_LOGS: RecordLog[] = [
  { service: 'cases', logService: 'cases', schema: casesSchema, verify: verifyRecords as Verifier },
  { service: 'reviews', logService: 'reviews', schema: reviewsSchema, verify: verifyReviewRecords as Verifier },
  { service: 'powers', logService: POWERS_LOG_SERVICE, schema: powersSchema, verify: verifyPowersRecords as Verifier },
];

/** Verify one log in database `dbName` (whole log, the projection check included), with the keys and witness in keyDir. */
export async function verifyLogIn(serverUrl: string, log: RecordLog, dbName: string, keyDir: string): Promise<VerifyResult> {
  const db = connectDb(serverUrl, dbName, log.schema);
  try {
    return await log.verify(db.orm as never, { keyDir, dbName });
  } finally {
    await db.close();
  }
}
