import { desc, eq } from 'drizzle-orm';
import { canonicalJson } from './chain.js';
import type { Orm } from './log.js';
import { recordCheckpoints } from './schema.js';
import type { Witness } from './signing.js';

/**
 * The off-host witness (issue 25): each log's signed checkpoint heads are also posted to a small append-only HTTP
 * service with its own storage (`npm run witness`, kernel/records/witness-server.ts), normally on another host and
 * under other administrators. Restoring a database together with every local file (keys, the local witness file)
 * brings back an older but self-consistent log that verifies locally; the remote witness still holds the later head,
 * so the verifier reports ROLLBACK. WITNESS_URL names it; unset = no remote witness (the threat model says what that
 * leaves open).
 */

export interface RemoteHead extends Witness {
  dbName: string;
  postedAt?: string;
}

export const witnessUrl = (env: NodeJS.ProcessEnv = process.env): string | null => env.WITNESS_URL?.replace(/\/+$/, '') || null;

/** Post a checkpoint head; never throws (the next checkpoint posts the then-latest head again). */
export async function postHead(url: string, dbName: string, w: Witness): Promise<boolean> {
  try {
    const res = await fetch(`${url}/heads/${encodeURIComponent(dbName)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ checkpointSeq: w.checkpointSeq, globalSeq: w.globalSeq, headHash: w.headHash, signature: w.signature ?? null }),
      signal: AbortSignal.timeout(2000),
    });
    return res.ok;
  } catch {
    return false;
  }
}

/** Fire-and-forget after a local witness write (the remote may lag; it must never be ahead of the database). */
export function publishHead(dbName: string, w: Witness, env: NodeJS.ProcessEnv = process.env): void {
  const url = witnessUrl(env);
  if (url) void postHead(url, dbName, w);
}

export async function fetchHead(url: string, dbName: string): Promise<RemoteHead | null> {
  const res = await fetch(`${url}/heads/${encodeURIComponent(dbName)}`, { signal: AbortSignal.timeout(5000) });
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`见证服务 ${url} 返回 HTTP ${res.status} (witness service error)`);
  return (await res.json()) as RemoteHead;
}

export type RemoteVerdict = { ok: true; note?: string } | { ok: false; problem: 'ROLLBACK' | 'FORK'; message: string };

/**
 * The database's checkpoints against the remote head (pure): the remote may lag (posted after commit) but the
 * database must hold the remote's checkpoint, with the same head hash.
 */
export function compareWithRemote(
  dbName: string,
  latest: { checkpointSeq: number } | null,
  atRemoteSeq: { checkpointSeq: number; headHash: string } | null,
  remote: RemoteHead | null,
): RemoteVerdict {
  if (!remote) return { ok: true, note: latest ? `见证服务尚无 ${dbName} 的记录 (remote witness has no head yet)` : undefined };
  if (!latest || latest.checkpointSeq < remote.checkpointSeq) {
    return {
      ok: false,
      problem: 'ROLLBACK',
      message: `数据库 ${dbName} 的最新检查点为 #${latest?.checkpointSeq ?? 0}，远程见证已记载 #${remote.checkpointSeq}：数据库（及本地文件）被回滚到旧状态`,
    };
  }
  if (!atRemoteSeq || atRemoteSeq.headHash !== remote.headHash) {
    return { ok: false, problem: 'FORK', message: `数据库 ${dbName} 的检查点 #${remote.checkpointSeq} 与远程见证记载的链头不同：记录被改写后重新签名` };
  }
  return { ok: true };
}

/** The exact bytes the key holder signs to approve a re-anchoring (a deliberate reset of one log). */
export const reanchorMessage = (dbName: string, head: { checkpointSeq: number; headHash: string }, reason: string) =>
  canonicalJson({ purpose: 'sanxiang/witness-reanchor/v1', dbName, checkpointSeq: head.checkpointSeq, headHash: head.headHash, reason });

/** The database's checkpoints against the off-host witness at `url` (what verify-records runs when WITNESS_URL is set). */
export async function checkRemoteWitness(orm: Orm, dbName: string, url: string): Promise<RemoteVerdict> {
  const remote = await fetchHead(url, dbName);
  const [latest] = await orm.select().from(recordCheckpoints).orderBy(desc(recordCheckpoints.checkpointSeq)).limit(1);
  const [atSeq] = remote ? await orm.select().from(recordCheckpoints).where(eq(recordCheckpoints.checkpointSeq, remote.checkpointSeq)).limit(1) : [];
  return compareWithRemote(dbName, latest ?? null, atSeq ?? null, remote);
}
