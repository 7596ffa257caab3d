import { and, asc, inArray, like, or } from 'drizzle-orm';
import type { Clock } from '../../../kernel/clock.js';
import { AppError } from '../../../kernel/errors.js';
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { entryMacOk, hashOfEntry, isoOf } from '../../../kernel/records/chain.js';
import { inList, preparedOnce } from '../../../kernel/prepared.js';
import { appendEntry, serviceMacKeyRing, type Executor } from '../../../kernel/records/log.js';
import { cachedMacKeysForVerify } from '../../../kernel/records/keys.js';
import { recordEntries, type RecordEntryRow } from '../../../kernel/records/schema.js';
import { POWERS_LOG_SERVICE, POWERS_STAGE, type LoggedEntry, type PowersEntryKind } from './facts.js';

// The powers log (issue 25) on kernel/records: appends in the transaction of the change, and the authenticated
// entries of a set of streams (a document version's id, an officer's id, an agency's id) for the read checks.

export interface LiveKey {
  kind: string;
  agencyId: string;
}
export interface LiveVersions {
  ids: Set<string>;
  authentic: boolean;
}

export interface PowersLog {
  append(tx: Executor, streamId: string, kind: PowersEntryKind, payload: unknown, actor: string): Promise<void>;
  /** Each stream's entries in order, each marked authentic or not (hash and MAC under the powers key). */
  entries(db: Executor, streamIds: readonly string[]): Promise<Map<string, LoggedEntry[]>>;
  /**
   * The versions of one kind of one agency that the log says are published now (last PUBLISHED / RETIRED entry of
   * their stream is PUBLISHED), and whether every entry read authenticated: a published row flipped away by SQL
   * (so it is no longer served) shows as a version missing from the rows. For several (kind, agency) pairs at once in
   * one statement (a list of agencies asks for each one's policy: loaders.ts liveVersions), answered in their order.
   */
  liveVersions(db: Executor, keys: readonly LiveKey[]): Promise<LiveVersions[]>;
}

/** One entry under the powers key, at the given instant (the data loader records the demo's history with its dates). */
export async function appendPowersEntry(
  tx: Executor,
  streamId: string,
  kind: PowersEntryKind,
  payload: unknown,
  actor: string,
  recordedAt: Date,
): Promise<void> {
  await appendEntry(
    tx,
    { caseId: streamId, kind, stage: POWERS_STAGE, payload, actor: actor.slice(0, 100), recordedAt },
    serviceMacKeyRing(POWERS_LOG_SERVICE),
  );
}

/**
 * Every stored column of an entry, unambiguously (a JSON array of the values): the fields its hash covers, the hash,
 * the key id and the MAC. Two entries with the same fingerprint are the same bytes in every column the check reads.
 */
export const entryFingerprint = (e: RecordEntryRow): string =>
  JSON.stringify([
    e.id,
    e.caseId,
    e.caseSeq,
    e.globalSeq,
    e.kind,
    e.stage,
    e.payload,
    e.actor,
    isoOf(e.recordedAt),
    e.prevCaseHash,
    e.prevGlobalHash,
    e.hash,
    e.macKeyId,
    e.mac,
  ]);

// Issue 28: checking an entry (SHA-256 of its canonical JSON, then its HMAC) on every read was a tenth of powers'
// CPU under load; the same entries are read by every request. The verdict "authentic" is remembered for the exact
// bytes checked (the fingerprint above) under the exact key ring (a digest of its ids and keys, so a reloaded ring
// with the same keys keeps hitting and a ring without a key misses). The entries are still read from the database
// on every request: an entry rewritten by SQL has another fingerprint, misses, is checked in full and refused; only
// "authentic" is remembered, so a forged entry is checked again each time.
const ringDigests = new WeakMap<Map<string, Buffer>, string>();
function ringDigest(ring: Map<string, Buffer>): string {
  let d = ringDigests.get(ring);
  if (!d) {
    const h = createHash('sha256');
    for (const [id, key] of [...ring].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) h.update(`${id.length}:${id}`).update(key);
    d = h.digest('hex');
    ringDigests.set(ring, d);
  }
  return d;
}
const authenticEntries = new LRUCache<string, true>({ max: 20_000 });
function authenticEntry(e: RecordEntryRow, fingerprint: string, ring: Map<string, Buffer>): boolean {
  const key = `${ringDigest(ring)}${fingerprint}`;
  if (authenticEntries.get(key)) return true;
  const ok = hashOfEntry(e) === e.hash && entryMacOk(e, ring);
  if (ok) authenticEntries.set(key, true);
  return ok;
}

export function createPowersLog(clock: Clock, keyDir: string): PowersLog {
  const macKeys = () => cachedMacKeysForVerify(keyDir, POWERS_LOG_SERVICE);
  // Prepared once per executor (issue 28, kernel/prepared.ts): the read every verified list makes.
  const entriesQ = new WeakMap<Executor, { execute: (v: { ids: string[] }) => Promise<RecordEntryRow[]> }>();
  const entriesOf = (db: Executor) => {
    let q = entriesQ.get(db);
    if (!q) {
      const build = () =>
        db.select().from(recordEntries).where(inList(recordEntries.caseId, 'ids')).orderBy(asc(recordEntries.caseId), asc(recordEntries.caseSeq)).prepare();
      q = preparedOnce(build)();
      entriesQ.set(db, q);
    }
    return q;
  };
  return {
    append: (tx, streamId, kind, payload, actor) => appendPowersEntry(tx, streamId, kind, payload, actor, clock.now()),
    async entries(db, streamIds) {
      const out = new Map<string, LoggedEntry[]>(streamIds.map((id) => [id, []]));
      if (!streamIds.length) return out;
      const rows: RecordEntryRow[] = await entriesOf(db).execute({ ids: [...new Set(streamIds)] });
      const ring = macKeys();
      for (const e of rows) {
        const fingerprint = entryFingerprint(e);
        out.get(e.caseId)?.push({ kind: e.kind, payload: e.payload, authentic: authenticEntry(e, fingerprint, ring), fingerprint });
      }
      return out;
    },
    async liveVersions(db, keys) {
      if (!keys.length) return [];
      const likeAny = (field: string, values: string[]) => or(...values.map((v) => like(recordEntries.payload, `%"${field}":${JSON.stringify(v)}%`)))!;
      const kinds = [...new Set(keys.map((k) => k.kind))];
      const agencies = [...new Set(keys.map((k) => k.agencyId))];
      const rows: RecordEntryRow[] = await db
        .select()
        .from(recordEntries)
        .where(and(inArray(recordEntries.kind, ['PUBLISHED', 'RETIRED']), likeAny('agencyId', agencies), likeAny('kind', kinds)))
        .orderBy(asc(recordEntries.globalSeq));
      return keys.map(({ kind, agencyId }) => {
        // Exactly what one pair's own statement would have read: the entries whose payload names this agency and kind.
        const agencyText = `"agencyId":${JSON.stringify(agencyId)}`;
        const kindText = `"kind":${JSON.stringify(kind)}`;
        const last = new Map<string, string>();
        let authentic = true;
        for (const e of rows) {
          if (!e.payload.includes(agencyText) || !e.payload.includes(kindText)) continue;
          if (!authenticEntry(e, entryFingerprint(e), macKeys())) authentic = false;
          const fact = JSON.parse(e.payload) as { kind?: string; agencyId?: string };
          if (fact.kind === kind && fact.agencyId === agencyId) last.set(e.caseId, e.kind);
        }
        return { ids: new Set([...last].filter(([, k]) => k === 'PUBLISHED').map(([id]) => id)), authentic };
      });
    },
  };
}

/** A powers fact that does not match its authenticated entry: refused (the case gate then refuses too). */
export const integrityFault = (problems: string[]) =>
  new AppError('INVALID_STATE', `权力清单数据完整性校验未通过，拒绝使用：${problems.join('；')}`, { reason: '完整性校验未通过', integrity: problems });
