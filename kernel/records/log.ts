import { and, asc, count, desc, eq, gt, inArray, lte, max, sql } from 'drizzle-orm';
import type { MySql2Database } from 'drizzle-orm/mysql2';
import type { KeyObject } from 'node:crypto';
import type { Clock } from '../clock.js';
import { loadConfig } from '../config.js';
import { isDuplicateKeyOn } from '../db.js';
import { badInput } from '../errors.js';
import { fenceWrite, type LeaseFence } from '../lease.js';
import { newId } from '../ids.js';
import { GENESIS, canonicalJson, entryHash, entryMacOk, hashOfEntry, verifyChains, type KeyedHead, type VerifyResult } from './chain.js';
import { DEFAULT_LOG_SERVICE, entryMac, headMac, loadMacKeyRing, loadMacKeysForVerify, type LogService, type MacKeyRing } from './keys.js';
import { chainHeads, recordCheckpoints, recordEntries, type CheckpointRow, type RecordEntryRow } from './schema.js';
import { loadPublicKeys, loadSigningKey, readWitness, signCheckpoint, writeWitness, type Witness } from './signing.js';

/** The record log in the database (R17): append under row locks on the chain heads, checkpoint, verify. */

/** Any subgraph's drizzle database whose schema includes kernel/records/schema.ts's three tables. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- every subgraph's schema type is accepted
export type Orm = MySql2Database<any>;
export type Tx = Parameters<Parameters<Orm['transaction']>[0]>[0];
export type Executor = Orm | Tx;

export const GLOBAL_CHAIN = 'GLOBAL';
export const caseChain = (caseId: string) => `case:${caseId}`;

/** Reuse the caller's transaction (so the state change and its entry commit together), else open one. */
function inTx<T>(db: Executor, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return 'rollback' in db ? fn(db) : db.transaction(fn);
}

export interface AppendInput {
  caseId: string;
  kind: string;
  stage: string;
  payload: unknown;
  actor: string;
  /** The business clock's instant of the act (the caller's clock, so tests and the demo seed can pin it). */
  recordedAt: Date;
}

const MAX_PAYLOAD_BYTES = 65_535; // TEXT

function checkLength(field: string, value: string, maxLen: number) {
  if (typeof value !== 'string' || value.length === 0 || value.length > maxLen) {
    throw new RangeError(`record entry ${field} must be a non-empty string of at most ${maxLen} characters`);
  }
}

const rings = new Map<LogService, MacKeyRing>();
/** The writing service's key ring from the configured key dir (SANXIANG_KEY_DIR / RECORD_MAC_KEYS[_<SERVICE>][_FILE]). */
export function serviceMacKeyRing(service: LogService = DEFAULT_LOG_SERVICE): MacKeyRing {
  let ring = rings.get(service);
  if (!ring) {
    ring = loadMacKeyRing(loadConfig().keyDir, process.env, service);
    rings.set(service, ring);
  }
  return ring;
}

/**
 * Benchmark-only comparison (scripts/bench-records.ts): RECORD_MAC_DISABLED=1 writes entries without a MAC.
 * Such entries never verify, so the switch cannot quietly weaken a real deployment: decisions are refused.
 */
const unkeyed = () => process.env.RECORD_MAC_DISABLED === '1';

/**
 * Append one entry. Locks the GLOBAL head then the case head (always in that order, so appends never
 * deadlock each other); the GLOBAL lock serialises all appends until the caller's transaction commits,
 * so call this last in a short transaction.
 */
export async function appendEntry(db: Executor, input: AppendInput, ring: MacKeyRing | null = serviceMacKeyRing()): Promise<RecordEntryRow> {
  checkLength('caseId', input.caseId, 26);
  checkLength('kind', input.kind, 32);
  checkLength('stage', input.stage, 16);
  checkLength('actor', input.actor, 100);
  const payload = canonicalJson(input.payload);
  // The texts of one act together (each is limited on its own, kernel/input-limits.ts): the client's to shorten.
  if (Buffer.byteLength(payload, 'utf8') > MAX_PAYLOAD_BYTES) {
    throw badInput('input', `各项文字合计超过一条执法记录的上限 ${MAX_PAYLOAD_BYTES} 字节，请精简 (record entry too long)`);
  }
  // Millisecond precision is all DATETIME(3) keeps; the hash must cover exactly what is stored.
  const recordedAt = new Date(input.recordedAt.getTime());
  if (Number.isNaN(recordedAt.getTime())) throw new RangeError('record recordedAt is not a valid date');

  return inTx(db, async (tx) => {
    const caseKey = caseChain(input.caseId);
    // INSERT … ON DUPLICATE KEY UPDATE takes an exclusive lock on an existing row (INSERT IGNORE takes a
    // shared one, and two shared holders upgrading to FOR UPDATE deadlock on the very first appends).
    for (const chain of [GLOBAL_CHAIN, caseKey]) {
      await tx
        .insert(chainHeads)
        .values({ chain, seq: 0, hash: GENESIS })
        .onDuplicateKeyUpdate({ set: { seq: sql`${chainHeads.seq}` } });
    }
    const heads = await tx
      .select()
      .from(chainHeads)
      .where(inArray(chainHeads.chain, [GLOBAL_CHAIN, caseKey]))
      .orderBy(asc(chainHeads.chain))
      .for('update');
    const g = heads.find((h) => h.chain === GLOBAL_CHAIN);
    const c = heads.find((h) => h.chain === caseKey);
    if (!g || !c) throw new Error('record chain heads missing after insert');
    const row: RecordEntryRow = {
      id: newId(),
      caseId: input.caseId,
      caseSeq: Number(c.seq) + 1,
      globalSeq: Number(g.seq) + 1,
      kind: input.kind,
      stage: input.stage,
      payload,
      actor: input.actor,
      recordedAt,
      prevCaseHash: c.hash,
      prevGlobalHash: g.hash,
      hash: '',
      macKeyId: '',
      mac: '',
    };
    row.hash = entryHash({ ...row, recordedAt: recordedAt.toISOString() });
    // ring null: the benchmark's "without keying" column only (such entries never verify).
    const keyId = unkeyed() || !ring ? '' : ring.activeId;
    const key = ring?.keys.get(ring.activeId) ?? Buffer.alloc(0);
    if (keyId) {
      row.macKeyId = keyId;
      row.mac = entryMac(key, keyId, row.hash);
    }
    const keyed = (chain: string, seq: number) => (keyId ? { macKeyId: keyId, mac: headMac(key, keyId, chain, seq, row.hash) } : {});
    await tx.insert(recordEntries).values(row);
    await tx
      .update(chainHeads)
      .set({ seq: row.globalSeq, hash: row.hash, ...keyed(GLOBAL_CHAIN, row.globalSeq) })
      .where(eq(chainHeads.chain, GLOBAL_CHAIN));
    await tx
      .update(chainHeads)
      .set({ seq: row.caseSeq, hash: row.hash, ...keyed(caseKey, row.caseSeq) })
      .where(eq(chainHeads.chain, caseKey));
    return row;
  });
}

/** appendEntry stamped with the business clock's instant: what services use (callers never choose recordedAt). */
export const clockedAppender =
  (clock: Clock, ring?: MacKeyRing | null) =>
  (db: Executor, input: Omit<AppendInput, 'recordedAt'>): Promise<RecordEntryRow> =>
    appendEntry(db, { ...input, recordedAt: clock.now() }, ring);

/**
 * How far the signed checkpoints trail the log (an operator's signal): entries not yet covered by a
 * checkpoint, and when the oldest of them was recorded (null when every entry is covered).
 */
export async function checkpointLag(orm: Orm): Promise<{ entries: number; oldestUncoveredAt: Date | null }> {
  const [head] = await orm.select({ seq: chainHeads.seq }).from(chainHeads).where(eq(chainHeads.chain, GLOBAL_CHAIN));
  const [last] = await orm.select({ seq: recordCheckpoints.globalSeq }).from(recordCheckpoints).orderBy(desc(recordCheckpoints.checkpointSeq)).limit(1);
  const covered = last?.seq ?? 0;
  const entries = Math.max(0, (head?.seq ?? 0) - covered);
  if (entries === 0) return { entries, oldestUncoveredAt: null };
  const [oldest] = await orm
    .select({ at: recordEntries.recordedAt })
    .from(recordEntries)
    .where(eq(recordEntries.globalSeq, covered + 1));
  return { entries, oldestUncoveredAt: oldest?.at ?? null };
}

export function listEntries(db: Executor, caseId: string): Promise<RecordEntryRow[]> {
  return db.select().from(recordEntries).where(eq(recordEntries.caseId, caseId)).orderBy(asc(recordEntries.caseSeq));
}

export interface RecordKeyOptions {
  keyDir: string;
  /** Names the witness file: one per database. */
  dbName: string;
  /** Whose keys (MAC ring and checkpoint signing key): 'cases' by default. */
  service?: LogService;
}

/**
 * Checkpoints are stamped (signedAt) by the business clock. `fence`: the signer's lease (issue 27) — the INSERT is
 * conditioned on it in the same transaction, so a signer that lost the lease (paused past its ttl) signs nothing.
 */
export type CheckpointOptions = RecordKeyOptions & { clock: Clock; fence?: LeaseFence };

/** Signers in this process, by witness: one at a time (the timer and an explicit call, e.g. the seed's). */
const signing = new Map<string, Promise<unknown>>();

/**
 * Sign the global head if it advanced since the last checkpoint; null when there is nothing new.
 * The entries since the last checkpoint are re-verified first, so a checkpoint never blesses a broken tail.
 * Safe beside the checkpoint timer or another replica's signer (issue 23): calls in one process wait for each
 * other, and a collision with a signer elsewhere on the unique checkpoint_seq is retried on the newer state
 * (which then usually has nothing left to sign) instead of failing the caller.
 */
export async function createCheckpoint(orm: Orm, opts: CheckpointOptions): Promise<CheckpointRow | null> {
  const key = `${opts.service ?? DEFAULT_LOG_SERVICE}\0${opts.keyDir}\0${opts.dbName}`;
  const turn = (signing.get(key) ?? Promise.resolve()).catch(() => undefined).then(() => signRetryingCollisions(orm, opts));
  signing.set(key, turn);
  try {
    return await turn;
  } finally {
    if (signing.get(key) === turn) signing.delete(key);
  }
}

/** The witness file is missing or older than the newest checkpoint: signing now would hide a rollback. */
export class WitnessBehindError extends Error {}

async function signRetryingCollisions(orm: Orm, opts: CheckpointOptions): Promise<CheckpointRow | null> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await signCheckpointOnce(orm, opts);
    } catch (err) {
      // A collision, or a witness one checkpoint behind the table: another signer has committed and not yet written
      // its witness (a slow machine widens that gap). Give it a moment; a witness still behind after the retries
      // (about 5 s) is what a rollback looks like, and is refused.
      const racing = isDuplicateKeyOn(err, 'checkpoint_seq') || err instanceof WitnessBehindError;
      if (attempt >= 8 || !racing) throw err;
      await new Promise((r) => setTimeout(r, 150 * attempt));
    }
  }
}

async function signCheckpointOnce(orm: Orm, opts: CheckpointOptions): Promise<CheckpointRow | null> {
  // Idle (every second, usually nothing new): one plain read, no transaction and no head lock.
  const [[idleHead], [idleLast]] = await Promise.all([
    orm.select({ seq: chainHeads.seq }).from(chainHeads).where(eq(chainHeads.chain, GLOBAL_CHAIN)),
    orm.select({ seq: recordCheckpoints.globalSeq }).from(recordCheckpoints).orderBy(desc(recordCheckpoints.checkpointSeq)).limit(1),
  ]);
  if (!idleHead || Number(idleHead.seq) <= Number(idleLast?.seq ?? 0)) return null;
  const key = loadSigningKey(opts.keyDir, process.env, opts.service);
  const macKeys = loadMacKeysForVerify(opts.keyDir, process.env, opts.service);
  // No lock on the GLOBAL head (appends never wait for the signer): one consistent snapshot of head, last checkpoint
  // and the new entries — the head is moved in the same transaction as its entry, so what the snapshot shows is
  // committed and whole. Two signers at once collide on the unique checkpoint_seq; one of them fails harmlessly.
  const created = await orm.transaction(
    async (tx) => {
      const [head] = await tx.select().from(chainHeads).where(eq(chainHeads.chain, GLOBAL_CHAIN));
      if (!head || head.seq === 0) return null;
      const [last] = await tx.select().from(recordCheckpoints).orderBy(desc(recordCheckpoints.checkpointSeq)).limit(1);
      // A witness missing or behind would be overwritten by the next one, hiding a rollback: stop signing instead.
      const witness = readWitness(opts.keyDir, opts.dbName);
      if (last && (!witness || witness.checkpointSeq < last.checkpointSeq)) {
        throw new WitnessBehindError(
          `拒绝签名检查点：外部见证文件${witness ? `只记载到 #${witness.checkpointSeq}` : '缺失'}，数据库已有 #${last.checkpointSeq}（witness missing or behind; not signing — run npm run verify-records）`,
        );
      }
      const fromSeq = last?.globalSeq ?? 0;
      if (head.seq <= fromSeq) return null;
      const segment = await tx
        .select()
        .from(recordEntries)
        .where(and(gt(recordEntries.globalSeq, fromSeq), lte(recordEntries.globalSeq, head.seq)))
        .orderBy(asc(recordEntries.globalSeq));
      let prevHash = last?.headHash ?? GENESIS;
      let expected = fromSeq + 1;
      for (const e of segment) {
        if (e.globalSeq !== expected || e.prevGlobalHash !== prevHash || hashOfEntry(e) !== e.hash || (!unkeyed() && !entryMacOk(e, macKeys))) {
          throw new Error(`拒绝签名检查点：全局第 ${expected} 条记录（${e.id}）校验失败，记录可能被篡改 (record log broken; not signing)`);
        }
        prevHash = e.hash;
        expected++;
      }
      if (expected !== head.seq + 1 || prevHash !== head.hash) {
        throw new Error(`拒绝签名检查点：链头（第 ${head.seq} 条）与记录不一致 (chain head does not match entries; not signing)`);
      }
      const signed = signCheckpoint(key, {
        checkpointSeq: (last?.checkpointSeq ?? 0) + 1,
        globalSeq: head.seq,
        headHash: head.hash,
        prevSignature: last?.signature ?? '',
        signedAt: opts.clock.now(),
      });
      const row: CheckpointRow = { id: newId(), ...signed };
      if (opts.fence) await fenceWrite(tx, opts.fence);
      await tx.insert(recordCheckpoints).values(row);
      return row;
    },
    { isolationLevel: 'repeatable read', withConsistentSnapshot: true },
  );
  // Only after commit: the witness may lag the database (harmless) but must never run ahead of it.
  if (created) {
    writeWitness(opts.keyDir, opts.dbName, {
      checkpointSeq: created.checkpointSeq,
      globalSeq: created.globalSeq,
      headHash: created.headHash,
      signature: created.signature,
    });
  }
  return created;
}

const IN_CHUNK = 1000;

async function entriesAt(db: Executor, seqs: number[]): Promise<RecordEntryRow[]> {
  const out: RecordEntryRow[] = [];
  for (let i = 0; i < seqs.length; i += IN_CHUNK) {
    const part = seqs.slice(i, i + IN_CHUNK);
    out.push(...(await db.select().from(recordEntries).where(inArray(recordEntries.globalSeq, part))));
  }
  return out;
}

/**
 * Checks a subgraph adds after the chains verify (e.g. cases: every logged fact against its row). Called with
 * the verified entries grouped by stream (case) id in caseSeq order; per-stream mode passes that one stream.
 */
export type ProjectionCheck = (db: Executor, result: VerifyResult, byStream: Map<string, RecordEntryRow[]>, streamId?: string) => Promise<VerifyResult>;

/**
 * Verify the whole log, or one stream (its chain, the global links around its entries, the log's extent,
 * the latest checkpoint and the witness), then the subgraph's projection check. Whole-log verification is the
 * definitive check: it also catches an attacker who rewrote entries and recomputed every later hash.
 */
export async function verifyLog(orm: Orm, opts: RecordKeyOptions & { caseId?: string }, project?: ProjectionCheck): Promise<VerifyResult> {
  if (opts.caseId !== undefined) {
    const { result, entries } = await verifiedCaseEntries(orm, { ...opts, caseId: opts.caseId });
    if (!result.ok || !project) return result;
    return project(orm, result, new Map([[opts.caseId, entries]]), opts.caseId);
  }
  return inSnapshot(orm, opts, async (rt, loaded) => {
    const entries = await rt.select().from(recordEntries).orderBy(asc(recordEntries.globalSeq));
    const result = verifyChains(entries, loaded.checkpoints, loaded);
    if (!result.ok || !project) return result;
    const byCase = new Map<string, RecordEntryRow[]>();
    for (const e of [...entries].sort((a, b) => a.caseSeq - b.caseSeq)) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
    return project(rt, result, byCase);
  });
}

/**
 * One case's entries, verified (chain, MACs, global links around them, extent, latest checkpoint, witness):
 * what rules that read record events use, never bare rows. `entries` are in caseSeq order.
 */
export async function verifiedCaseEntries(
  orm: Orm,
  opts: RecordKeyOptions & { caseId: string; latestCheckpointsOnly?: boolean },
): Promise<{ result: VerifyResult; entries: RecordEntryRow[] }> {
  const { caseId, ...rest } = opts;
  const { byStream } = await verifiedStreamsEntries(orm, { ...rest, caseIds: [caseId] });
  return byStream.get(caseId)!;
}

/**
 * Several streams' entries, each verified exactly as `verifiedCaseEntries` verifies one, read in ONE snapshot with a
 * fixed number of statements (entries, heads and neighbours by IN lists, in chunks of 1 000), whatever the number of
 * streams: for acts that read many files at once (issue 30: a case-file evaluation round's sample). `result` is the
 * first failing stream's result (ok when all verify); `byStream` holds every stream's own result and entries.
 */
export async function verifiedStreamsEntries(
  orm: Orm,
  opts: RecordKeyOptions & { caseIds: readonly string[]; latestCheckpointsOnly?: boolean },
): Promise<{ result: VerifyResult; byStream: Map<string, { result: VerifyResult; entries: RecordEntryRow[] }> }> {
  const caseIds = [...new Set(opts.caseIds)];
  if (!caseIds.length) return { result: { ok: true, entriesChecked: 0, checkpointsChecked: 0, witnessChecked: false, firstBad: null }, byStream: new Map() };
  return inSnapshot(orm, { ...opts, caseIds }, async (rt, loaded) => {
    const { witness, checkpoints } = loaded;
    const own: RecordEntryRow[] = [];
    for (let i = 0; i < caseIds.length; i += IN_CHUNK) {
      const part = caseIds.slice(i, i + IN_CHUNK);
      own.push(...(await rt.select().from(recordEntries).where(inArray(recordEntries.caseId, part)).orderBy(asc(recordEntries.globalSeq))));
    }
    const [extent] = await rt.select({ count: count(), maxSeq: max(recordEntries.globalSeq) }).from(recordEntries);
    const maxGlobalSeq = Number(extent?.maxSeq ?? 0);
    const globalExtent = { count: Number(extent?.count ?? 0), maxGlobalSeq };
    const lastCp = checkpoints.at(-1);
    // What every stream's check wants besides its own entries: its global neighbours, the log's last entry and the
    // entries at the latest checkpoint and the witness.
    const common = [maxGlobalSeq, lastCp?.globalSeq, witness?.globalSeq].filter((s): s is number => s !== undefined && s >= 1 && s <= maxGlobalSeq);
    const wantOf = (entries: readonly RecordEntryRow[]) => {
      const want = new Set<number>(common);
      for (const e of entries) {
        if (e.globalSeq > 1) want.add(e.globalSeq - 1);
        if (e.globalSeq < maxGlobalSeq) want.add(e.globalSeq + 1);
      }
      return want;
    };
    const bySeq = new Map(own.map((e) => [e.globalSeq, e]));
    const missing = [...wantOf(own)].filter((s) => !bySeq.has(s)).sort((a, b) => a - b);
    for (const e of await entriesAt(rt, missing)) bySeq.set(e.globalSeq, e);
    const ownOf = new Map<string, RecordEntryRow[]>(caseIds.map((id) => [id, []]));
    for (const e of own) ownOf.get(e.caseId)!.push(e);
    const byStream = new Map<string, { result: VerifyResult; entries: RecordEntryRow[] }>();
    let first: VerifyResult | null = null;
    for (const caseId of caseIds) {
      const mine = ownOf.get(caseId)!;
      const others = [...wantOf(mine)].map((s) => bySeq.get(s)).filter((e): e is RecordEntryRow => !!e && e.caseId !== caseId);
      const result = verifyChains([...mine, ...others], checkpoints, {
        ...loaded,
        latestCheckpointsOnly: opts.latestCheckpointsOnly ?? false,
        caseId,
        globalExtent,
      });
      if (!result.ok && !first) first = result;
      byStream.set(caseId, { result, entries: [...mine].sort((a, b) => a.caseSeq - b.caseSeq) });
    }
    return { result: first ?? byStream.get(caseIds[0]!)!.result, byStream };
  });
}

async function latestCheckpoints(rt: Tx, witness: Witness | null): Promise<CheckpointRow[]> {
  const [latest] = await rt.select().from(recordCheckpoints).orderBy(desc(recordCheckpoints.checkpointSeq)).limit(1);
  const out = latest ? [latest] : [];
  if (witness && latest && witness.checkpointSeq !== latest.checkpointSeq) {
    out.unshift(...(await rt.select().from(recordCheckpoints).where(eq(recordCheckpoints.checkpointSeq, witness.checkpointSeq))));
  }
  return out;
}

const toHead = (h: { seq: number; hash: string; macKeyId: string; mac: string }): KeyedHead => ({
  seq: Number(h.seq),
  hash: h.hash,
  macKeyId: h.macKeyId,
  mac: h.mac,
});

interface Loaded {
  publicKeys: Map<string, KeyObject>;
  macKeys: Map<string, Buffer>;
  witness: Witness | null;
  checkpoints: CheckpointRow[];
  heads: { global: KeyedHead | null; cases: Map<string, KeyedHead> };
}

/**
 * Keys and witness first (outside the database), then ONE consistent read-only snapshot of the log: appends
 * and checkpoints committing meanwhile can neither make heads and entries disagree nor put the witness ahead.
 */
async function inSnapshot<T extends VerifyResult | { result: VerifyResult }>(
  orm: Orm,
  opts: RecordKeyOptions & { caseId?: string; caseIds?: readonly string[]; latestCheckpointsOnly?: boolean },
  fn: (rt: Tx, loaded: Loaded) => Promise<T>,
): Promise<T> {
  // The signer writes the witness right after its checkpoint commits: a read in between sees it one behind, or
  // missing before the first checkpoint's witness is written. Read again for up to about a second (one signing
  // interval, longer on a loaded machine) before calling it a fault; only a real fault pays the wait.
  let result = await snapshotOnce(orm, opts, fn);
  for (let attempt = 1; attempt <= 4; attempt++) {
    const r: VerifyResult = 'result' in result ? result.result : (result as VerifyResult);
    if (r.ok || (r.firstBad?.problem !== 'WITNESS_STALE' && r.firstBad?.problem !== 'WITNESS_MISSING')) return result;
    await new Promise((res) => setTimeout(res, 250 * attempt));
    result = await snapshotOnce(orm, opts, fn);
  }
  return result;
}

async function snapshotOnce<T>(
  orm: Orm,
  opts: RecordKeyOptions & { caseId?: string; caseIds?: readonly string[]; latestCheckpointsOnly?: boolean },
  fn: (rt: Tx, loaded: Loaded) => Promise<T>,
): Promise<T> {
  const publicKeys = loadPublicKeys(opts.keyDir, process.env, opts.service);
  const macKeys = loadMacKeysForVerify(opts.keyDir, process.env, opts.service);
  const witness = readWitness(opts.keyDir, opts.dbName);
  return orm.transaction(
    async (rt) => {
      // Before a decision: the latest checkpoint and the witness's (signatures checked), not the whole chain from #1,
      // which grows by one a second; `npm run verify-records` checks the whole chain.
      const checkpoints = opts.latestCheckpointsOnly
        ? await latestCheckpoints(rt, witness)
        : await rt.select().from(recordCheckpoints).orderBy(asc(recordCheckpoints.checkpointSeq));
      const streams = opts.caseIds ?? (opts.caseId === undefined ? undefined : [opts.caseId]);
      const headRows: (typeof chainHeads.$inferSelect)[] = [];
      if (streams === undefined) headRows.push(...(await rt.select().from(chainHeads)));
      else {
        const chains = [GLOBAL_CHAIN, ...streams.map(caseChain)];
        for (let i = 0; i < chains.length; i += IN_CHUNK) {
          headRows.push(
            ...(await rt
              .select()
              .from(chainHeads)
              .where(inArray(chainHeads.chain, chains.slice(i, i + IN_CHUNK)))),
          );
        }
      }
      const globalHead = headRows.find((h) => h.chain === GLOBAL_CHAIN);
      const heads = {
        global: globalHead ? toHead(globalHead) : null,
        cases: new Map(headRows.filter((h) => h.chain.startsWith('case:')).map((h) => [h.chain.slice(5), toHead(h)])),
      };
      return fn(rt, { publicKeys, macKeys, witness, checkpoints, heads });
    },
    { isolationLevel: 'repeatable read', withConsistentSnapshot: true },
  );
}

/** Periodic checkpoints; the returned stop function waits for a checkpoint in progress. */
export function startCheckpointTimer(
  orm: Orm,
  opts: CheckpointOptions & { onError?: (err: unknown) => void; onSigned?: (row: CheckpointRow) => void },
  intervalMs: number,
): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const onError = opts.onError ?? ((err: unknown) => console.error('record checkpoint failed', err));
  const timer = setInterval(() => {
    if (running) return; // never overlap: a slow checkpoint just delays the next one
    running = createCheckpoint(orm, opts)
      .then((row) => row && opts.onSigned?.(row))
      .catch(onError)
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
