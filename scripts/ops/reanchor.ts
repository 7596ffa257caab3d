import { sign, type KeyObject } from 'node:crypto';
import type { Config } from '../../kernel/config.js';
import { connectDb } from '../../kernel/db.js';
import { latestHead, reanchorWitness, type ReanchorResult } from '../../kernel/records/reanchor.js';
import { checkRemoteWitness, reanchorMessage, witnessUrl } from '../../kernel/records/remote-witness.js';
import { RECORD_LOGS, verifyLogIn } from './record-logs.js';

/** What the key holder signs for each log of a prefix: the database's latest checkpoint and the reason. */
export async function approvalRequests(config: Config, reason: string): Promise<{ dbName: string; message: string }[]> {
  const out: { dbName: string; message: string }[] = [];
  for (const log of RECORD_LOGS) {
    const dbName = config.databaseName(log.service);
    const db = connectDb(config.databaseUrl, dbName, log.schema);
    try {
      const head = await latestHead(db.orm as never);
      if (head) out.push({ dbName, message: reanchorMessage(dbName, head, reason.trim()) });
    } finally {
      await db.close();
    }
  }
  return out;
}

/** The key holder's signatures (base64), by database, over approvalRequests' messages. */
export const signApprovals = (requests: { dbName: string; message: string }[], approverPrivateKey: KeyObject): Record<string, string> =>
  Object.fromEntries(requests.map((r) => [r.dbName, sign(null, Buffer.from(r.message, 'utf8'), approverPrivateKey).toString('base64')]));

/** Re-anchor every log of the configured prefix whose witness disagrees with its database, each with its approval. */
export async function reanchorPrefix(
  config: Config,
  opts: { reason: string; approvals: Record<string, string>; approverKey: KeyObject | null; actor: string; env?: NodeJS.ProcessEnv },
): Promise<{ service: string; dbName: string; result: ReanchorResult | null; skipped?: string }[]> {
  const out: { service: string; dbName: string; result: ReanchorResult | null; skipped?: string }[] = [];
  for (const log of RECORD_LOGS) {
    const dbName = config.databaseName(log.service);
    const verify = () => verifyLogIn(config.databaseUrl, log, dbName, config.keyDir);
    const remoteUrl = witnessUrl(opts.env);
    const db = connectDb(config.databaseUrl, dbName, log.schema);
    try {
      // A log that verifies against both witnesses needs nothing (a broken chain is refused by reanchorWitness itself).
      const localOk = (await verify()).ok;
      const remoteOk = !remoteUrl || (await checkRemoteWitness(db.orm as never, dbName, remoteUrl)).ok;
      if (localOk && remoteOk) {
        out.push({ service: log.service, dbName, result: null, skipped: '记录完整，无需重新锚定 (intact)' });
        continue;
      }
      const result = await reanchorWitness({
        orm: db.orm as never,
        keyDir: config.keyDir,
        dbName,
        service: log.logService,
        clock: config.clock,
        reason: opts.reason,
        approval: opts.approvals[dbName] ?? '',
        approverKey: opts.approverKey,
        actor: opts.actor,
        verify,
        remoteUrl,
      });
      out.push({ service: log.service, dbName, result });
    } finally {
      await db.close();
    }
  }
  return out;
}
