import { verify, type KeyObject } from 'node:crypto';
import { desc } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { VerifyResult } from './chain.js';
import { loadMacKeyRing, type LogService } from './keys.js';
import { appendEntry, createCheckpoint, type Orm } from './log.js';
import { postHead, reanchorMessage } from './remote-witness.js';
import { recordCheckpoints, type CheckpointRow } from './schema.js';
import { keyIdOf, readWitness, removeWitness, replaceWitnessFile, type Witness } from './signing.js';

/**
 * Re-anchoring a log's witness to the database's head after a deliberate restore (issue 29). A restored backup older
 * than the witness is exactly what the witness calls a rollback, and it stays reported as one until the key holder
 * approves: an Ed25519 signature, by the approver key (WITNESS_APPROVER_PUBLIC_KEY_FILE, the same key the off-host
 * witness service trusts), over `reanchorMessage(dbName, head, reason)`. Then, in this order:
 *
 *   1. the log is verified against the restored head as if it were the witness (chains, MACs, every checkpoint
 *      signature, the projection): a re-anchoring never blesses a broken log;
 *   2. the off-host witness (WITNESS_URL) is re-anchored with the same approval (it checks the signature itself and
 *      keeps a REANCHOR line);
 *   3. the local witness file is set to the head, and a WITNESS_REANCHORED entry (the witness it replaces, the head,
 *      the reason, the approver's key id and signature) is appended to the log on the OPERATIONS stream and signed
 *      into a new checkpoint, which moves both witnesses on: the re-anchoring is part of the record for good.
 *
 * Any failure before step 3 puts the local witness back as it was.
 */

export const OPERATIONS_STREAM = 'OPERATIONS';
export const REANCHOR_KIND = 'WITNESS_REANCHORED';

export class ReanchorRefused extends Error {}

export interface ReanchorInput {
  orm: Orm;
  keyDir: string;
  dbName: string;
  service: LogService;
  clock: Clock;
  reason: string;
  /** base64 Ed25519 signature over reanchorMessage(dbName, head, reason). */
  approval: string;
  approverKey: KeyObject | null;
  /** Who runs the procedure (an operator's name), for the entry. */
  actor: string;
  /** The log's own verifier (with its projection check), reading the witness from keyDir. */
  verify: () => Promise<VerifyResult>;
  remoteUrl?: string | null;
}

export interface ReanchorResult {
  previous: Witness | null;
  anchoredTo: Witness;
  entryGlobalSeq: number;
  checkpoint: CheckpointRow | null;
}

/** The head a re-anchoring would anchor to (the database's latest checkpoint): what the key holder signs. */
export async function latestHead(orm: Orm): Promise<Witness | null> {
  const [cp] = await orm.select().from(recordCheckpoints).orderBy(desc(recordCheckpoints.checkpointSeq)).limit(1);
  return cp ? { checkpointSeq: cp.checkpointSeq, globalSeq: cp.globalSeq, headHash: cp.headHash, signature: cp.signature } : null;
}

export function approvalValid(approverKey: KeyObject, dbName: string, head: Witness, reason: string, approval: string): boolean {
  try {
    return verify(null, Buffer.from(reanchorMessage(dbName, head, reason), 'utf8'), approverKey, Buffer.from(approval, 'base64'));
  } catch {
    return false;
  }
}

export async function reanchorWitness(input: ReanchorInput): Promise<ReanchorResult> {
  const reason = input.reason.trim();
  if (!reason) throw new ReanchorRefused('重新锚定须写明理由 (a reason is required)');
  if (!input.approverKey) {
    throw new ReanchorRefused('未配置批准人公钥 WITNESS_APPROVER_PUBLIC_KEY_FILE：不能重新锚定 (no approver key: re-anchoring is impossible)');
  }
  const head = await latestHead(input.orm);
  if (!head) throw new ReanchorRefused(`数据库 ${input.dbName} 没有签名检查点：无可锚定 (no checkpoint to anchor to)`);
  if (!approvalValid(input.approverKey, input.dbName, head, reason, input.approval)) {
    throw new ReanchorRefused(`批准签名无效：须由密钥持有人对 ${input.dbName} 检查点 #${head.checkpointSeq} 及理由签名 (approval signature invalid)`);
  }
  const previous = readWitness(input.keyDir, input.dbName);
  const putBack = () => (previous ? replaceWitnessFile(input.keyDir, input.dbName, previous) : removeWitness(input.keyDir, input.dbName));
  replaceWitnessFile(input.keyDir, input.dbName, head);
  try {
    const check = await input.verify();
    if (!check.ok) {
      throw new ReanchorRefused(`恢复的记录本身校验不通过，不能重新锚定 (${check.firstBad?.problem}): ${check.firstBad?.message ?? ''}`);
    }
    if (input.remoteUrl) {
      const res = await fetch(`${input.remoteUrl}/reanchor/${encodeURIComponent(input.dbName)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ checkpointSeq: head.checkpointSeq, globalSeq: head.globalSeq, headHash: head.headHash, reason, approval: input.approval }),
        signal: AbortSignal.timeout(5000),
      });
      if (!res.ok) throw new ReanchorRefused(`见证服务拒绝重新锚定 (witness service refused): HTTP ${res.status} ${await res.text()}`);
    }
  } catch (err) {
    putBack();
    throw err;
  }
  const entry = await appendEntry(
    input.orm,
    {
      caseId: OPERATIONS_STREAM,
      kind: REANCHOR_KIND,
      stage: 'OPERATIONS',
      payload: {
        dbName: input.dbName,
        replacedWitness: previous ? { checkpointSeq: previous.checkpointSeq, globalSeq: previous.globalSeq, headHash: previous.headHash } : null,
        anchoredTo: { checkpointSeq: head.checkpointSeq, globalSeq: head.globalSeq, headHash: head.headHash },
        reason,
        approverKeyId: keyIdOf(input.approverKey),
        approval: input.approval,
      },
      actor: input.actor,
      recordedAt: input.clock.now(),
    },
    loadMacKeyRing(input.keyDir, process.env, input.service),
  );
  const checkpoint = await createCheckpoint(input.orm, { keyDir: input.keyDir, dbName: input.dbName, clock: input.clock, service: input.service });
  // writeWitness posted it fire-and-forget; a short-lived command waits for the off-host witness to have it.
  if (checkpoint && input.remoteUrl) {
    await postHead(input.remoteUrl, input.dbName, {
      checkpointSeq: checkpoint.checkpointSeq,
      globalSeq: checkpoint.globalSeq,
      headHash: checkpoint.headHash,
      signature: checkpoint.signature,
    });
  }
  return { previous, anchoredTo: head, entryGlobalSeq: entry.globalSeq, checkpoint };
}
