import { createHash, type KeyObject } from 'node:crypto';
import { verifyCheckpointSignature, type CheckpointLike, type Witness } from './signing.js';
import { entryMac, headMac, macEquals } from './keys.js';

/**
 * Pure verification of the record log (R17). Every entry is hashed over all of its columns and chained
 * twice: to the previous entry of its case and to the previous entry overall. Signed checkpoints pin the
 * global head; an external witness file pins the latest checkpoint, so truncation and rollback show too.
 */

export const GENESIS = '0'.repeat(64);

/** JSON with recursively sorted keys and no whitespace: one byte string per value, so hashes are stable. */
export function canonicalJson(value: unknown): string {
  return encode(value, '$');
}

function encode(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${path} 不是有限数值 (non-finite number)`);
      return JSON.stringify(value); // -0 becomes 0, as JSON does
    case 'object': {
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) throw new TypeError(`canonicalJson: ${path} 是无效日期 (invalid Date)`);
        return JSON.stringify(value.toISOString());
      }
      if (Array.isArray(value)) return `[${value.map((v, i) => encode(v, `${path}[${i}]`)).join(',')}]`;
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) {
        throw new TypeError(`canonicalJson: ${path} 不是普通对象 (not a plain object)`);
      }
      const obj = value as Record<string, unknown>;
      // Default sort = UTF-16 code unit order: deterministic and the same in every JS engine.
      const keys = Object.keys(obj).sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${encode(obj[k], `${path}.${k}`)}`).join(',')}}`;
    }
    default:
      // undefined, function, symbol, bigint: JSON would drop or mangle them silently, so refuse.
      throw new TypeError(`canonicalJson: ${path} 的类型 ${typeof value} 不能写入记录 (unsupported type)`);
  }
}

export interface EntryHashInput {
  id: string;
  caseId: string;
  caseSeq: number;
  globalSeq: number;
  kind: string;
  stage: string;
  /** The canonical JSON string exactly as stored. */
  payload: string;
  actor: string;
  /** ISO 8601 with milliseconds (what DATETIME(3) keeps). */
  recordedAt: string;
  prevCaseHash: string;
  prevGlobalHash: string;
}

export function entryHash(e: EntryHashInput): string {
  // Pick exactly these fields so an extra property (e.g. the stored hash) can never leak into the hash.
  const fields: EntryHashInput = {
    id: e.id,
    caseId: e.caseId,
    caseSeq: e.caseSeq,
    globalSeq: e.globalSeq,
    kind: e.kind,
    stage: e.stage,
    payload: e.payload,
    actor: e.actor,
    recordedAt: e.recordedAt,
    prevCaseHash: e.prevCaseHash,
    prevGlobalHash: e.prevGlobalHash,
  };
  return createHash('sha256').update(canonicalJson(fields), 'utf8').digest('hex');
}

/** A stored entry as read back (RecordEntryRow, or the same with recordedAt already an ISO string). */
export interface EntryLike extends Omit<EntryHashInput, 'recordedAt'> {
  recordedAt: Date | string;
  hash: string;
  /** Key id and HMAC of `hash` by the writing service's key (records/keys.ts). */
  macKeyId: string;
  mac: string;
}

/** True when the entry's MAC verifies under the key it names (the hash itself is checked separately). */
export function entryMacOk(e: Pick<EntryLike, 'hash' | 'macKeyId' | 'mac'>, macKeys: Map<string, Buffer>): boolean {
  const key = e.macKeyId ? macKeys.get(e.macKeyId) : undefined;
  return !!key && macEquals(entryMac(key, e.macKeyId, e.hash), e.mac);
}

/** A chain head row with its MAC. */
export interface KeyedHead extends HeadLike {
  macKeyId: string;
  mac: string;
}

export function headMacOk(chain: string, h: KeyedHead, macKeys: Map<string, Buffer>): boolean {
  const key = h.macKeyId ? macKeys.get(h.macKeyId) : undefined;
  return !!key && macEquals(headMac(key, h.macKeyId, chain, h.seq, h.hash), h.mac);
}

export const isoOf = (d: Date | string): string => (typeof d === 'string' ? d : Number.isNaN(d.getTime()) ? 'Invalid Date' : d.toISOString());

export const hashOfEntry = (e: EntryLike): string => entryHash({ ...e, recordedAt: isoOf(e.recordedAt) });

export type ChainProblem =
  | 'HASH_MISMATCH'
  | 'MAC_MISMATCH'
  | 'HEAD_MAC_MISMATCH'
  | 'WITNESS_MISSING'
  | 'WITNESS_STALE'
  | 'PROJECTION_MISMATCH'
  | 'BROKEN_GLOBAL_LINK'
  | 'BROKEN_CASE_LINK'
  | 'GLOBAL_SEQ_GAP'
  | 'CASE_SEQ_GAP'
  | 'TRUNCATED'
  | 'CHECKPOINT_SIGNATURE'
  | 'CHECKPOINT_MISMATCH'
  | 'CHECKPOINT_ROLLBACK';

export interface ChainFault {
  entryId?: string;
  globalSeq?: number;
  caseId?: string;
  caseSeq?: number;
  checkpointSeq?: number;
  problem: ChainProblem;
  /** PROJECTION_MISMATCH: the first row field that differs from the log (e.g. `state`, `publication.status`). */
  field?: string;
  /** Chinese, names the entry or checkpoint. */
  message: string;
}

export interface VerifyResult {
  ok: boolean;
  entriesChecked: number;
  checkpointsChecked: number;
  /** False when no witness was given: rollback to an older checkpoint could then not be checked. */
  witnessChecked: boolean;
  firstBad: ChainFault | null;
}

export interface HeadLike {
  seq: number;
  hash: string;
}

export interface VerifyOptions {
  publicKeys: Map<string, KeyObject>;
  /** The MAC key ring (id → key): every entry must carry a MAC by one of these keys. */
  macKeys: Map<string, Buffer>;
  witness?: Witness | null;
  /** Per-case verification: only this case's chain fully, plus the global links around its entries. */
  caseId?: string;
  /** record_chain_heads as stored: a head ahead of the entries means a deleted tail. */
  heads?: { global?: HeadLike | KeyedHead | null; cases?: Map<string, HeadLike | KeyedHead> };
  /** Per-case mode: COUNT(*) and MAX(global_seq) of the whole table; unequal means an entry is missing somewhere. */
  globalExtent?: { count: number; maxGlobalSeq: number } | null;
  /**
   * Per-case mode before a decision: `checkpoints` holds only the latest checkpoint (and the witness's): their
   * signatures are checked, not the whole checkpoint chain from #1 (the whole-log verification does that).
   */
  latestCheckpointsOnly?: boolean;
}

const MAC_MESSAGE = (e: { macKeyId: string }) =>
  e.macKeyId ? `的密钥认证码（密钥 ${e.macKeyId}）不符或密钥未知：记录不是由本系统写入（伪造或被改写）` : '没有密钥认证码：记录不是由本系统写入（伪造）';

const describe = (e: { id: string; caseId: string; caseSeq: number; globalSeq: number }) =>
  `记录 ${e.id}（案件 ${e.caseId} 第 ${e.caseSeq} 条，全局第 ${e.globalSeq} 条）`;

function entryFault(e: EntryLike, problem: ChainProblem, what: string): ChainFault {
  return { entryId: e.id, globalSeq: e.globalSeq, caseId: e.caseId, caseSeq: e.caseSeq, problem, message: `${describe(e)}${what}` };
}

const cpFault = (cp: { checkpointSeq: number; globalSeq?: number }, problem: ChainProblem, message: string): ChainFault => ({
  checkpointSeq: cp.checkpointSeq,
  ...(cp.globalSeq !== undefined ? { globalSeq: cp.globalSeq } : {}),
  problem,
  message,
});

/** Only the signatures of the given checkpoints (per-case mode with the latest checkpoints only). */
function checkCheckpointSignatures(checkpoints: readonly CheckpointLike[], publicKeys: Map<string, KeyObject>): ChainFault | null {
  for (const cp of checkpoints) {
    const key = publicKeys.get(cp.keyId);
    if (!key) return cpFault(cp, 'CHECKPOINT_SIGNATURE', `签名检查点 #${cp.checkpointSeq} 的签名密钥 ${cp.keyId} 未知：无法验证签名`);
    if (!verifyCheckpointSignature(cp, key)) {
      return cpFault(cp, 'CHECKPOINT_SIGNATURE', `签名检查点 #${cp.checkpointSeq}（全局第 ${cp.globalSeq} 条）签名无效：检查点被篡改或伪造`);
    }
  }
  return null;
}

/** Signatures and the prevSignature chain of the checkpoints, in checkpointSeq order. */
function checkCheckpointChain(checkpoints: readonly CheckpointLike[], publicKeys: Map<string, KeyObject>): ChainFault | null {
  let prev: CheckpointLike | null = null;
  for (const cp of checkpoints) {
    const expectedSeq = prev ? prev.checkpointSeq + 1 : 1;
    if (cp.checkpointSeq !== expectedSeq) {
      return cpFault(cp, 'CHECKPOINT_MISMATCH', `签名检查点 #${cp.checkpointSeq} 前缺少检查点 #${expectedSeq}：检查点被删除或重排`);
    }
    const key = publicKeys.get(cp.keyId);
    if (!key) return cpFault(cp, 'CHECKPOINT_SIGNATURE', `签名检查点 #${cp.checkpointSeq} 的签名密钥 ${cp.keyId} 未知：无法验证签名`);
    if (!verifyCheckpointSignature(cp, key)) {
      return cpFault(cp, 'CHECKPOINT_SIGNATURE', `签名检查点 #${cp.checkpointSeq}（全局第 ${cp.globalSeq} 条）签名无效：检查点被篡改或伪造`);
    }
    if (cp.prevSignature !== (prev ? prev.signature : '')) {
      return cpFault(cp, 'CHECKPOINT_MISMATCH', `签名检查点 #${cp.checkpointSeq} 未链接到上一个检查点：检查点链断裂`);
    }
    if (prev && cp.globalSeq <= prev.globalSeq) {
      return cpFault(cp, 'CHECKPOINT_MISMATCH', `签名检查点 #${cp.checkpointSeq} 的全局序号 ${cp.globalSeq} 未超过上一个检查点`);
    }
    prev = cp;
  }
  return null;
}

/** The DB must hold the witness's checkpoint unchanged; the witness lives outside the DB, so a rollback cannot rewrite it. */
function checkWitness(witness: Witness, checkpoints: readonly CheckpointLike[], lastGlobalSeq: number): ChainFault | null {
  const cp = checkpoints.find((c) => c.checkpointSeq === witness.checkpointSeq);
  if (!cp) {
    const latest = checkpoints.at(-1)?.checkpointSeq ?? 0;
    return cpFault(
      { checkpointSeq: witness.checkpointSeq, globalSeq: witness.globalSeq },
      'CHECKPOINT_ROLLBACK',
      `外部见证文件记载签名检查点 #${witness.checkpointSeq}（覆盖至全局第 ${witness.globalSeq} 条），数据库中最新只有 #${latest}：数据库被回退到旧检查点`,
    );
  }
  if (cp.globalSeq !== witness.globalSeq || cp.headHash !== witness.headHash || (witness.signature !== undefined && cp.signature !== witness.signature)) {
    return cpFault(cp, 'CHECKPOINT_ROLLBACK', `签名检查点 #${cp.checkpointSeq} 与外部见证文件不一致：检查点被替换`);
  }
  if (witness.globalSeq > lastGlobalSeq) {
    return cpFault(cp, 'TRUNCATED', `外部见证文件记载的检查点覆盖至全局第 ${witness.globalSeq} 条，数据库只剩 ${lastGlobalSeq} 条：末尾记录被删除`);
  }
  return null;
}

/**
 * The witness outside the database must exist once there is a checkpoint, and must not be older than the latest
 * checkpoint the database shows (a witness left behind means it was restored or replaced with an old copy; the
 * signer writes it right after each checkpoint commits).
 */
function witnessFault(witness: Witness | null, cps: readonly CheckpointLike[], lastSeq: number): ChainFault | null {
  const latest = cps.at(-1);
  if (!witness) {
    return latest
      ? cpFault(latest, 'WITNESS_MISSING', `数据库有签名检查点 #${latest.checkpointSeq}，但外部见证文件缺失：无法排除数据库被回退到旧检查点（请恢复见证文件）`)
      : null;
  }
  const wBad = checkWitness(witness, cps, lastSeq);
  if (wBad) return wBad;
  if (latest && latest.checkpointSeq > witness.checkpointSeq) {
    return cpFault(
      latest,
      'WITNESS_STALE',
      `外部见证文件只记载到签名检查点 #${witness.checkpointSeq}，数据库已有 #${latest.checkpointSeq}：见证文件被替换为旧副本或未能写入`,
    );
  }
  return null;
}

function result(ok: boolean, entriesChecked: number, checkpointsChecked: number, witnessChecked: boolean, firstBad: ChainFault | null): VerifyResult {
  return { ok, entriesChecked, checkpointsChecked, witnessChecked, firstBad };
}

/**
 * Verify entries (sorted by globalSeq; re-sorted defensively) against themselves, the signed checkpoints
 * (any order) and the external witness. Whole-log mode expects every entry; per-case mode (opts.caseId)
 * expects the case's entries plus their global neighbours (globalSeq ± 1), the last entry of the log and
 * the entries at the checkpoints to cross-check.
 */
export function verifyChains(entries: readonly EntryLike[], checkpoints: readonly CheckpointLike[], opts: VerifyOptions): VerifyResult {
  const sorted = [...entries].sort((a, b) => a.globalSeq - b.globalSeq);
  const cps = [...checkpoints].sort((a, b) => a.checkpointSeq - b.checkpointSeq);
  const witnessChecked = Boolean(opts.witness);
  const cpBad = opts.latestCheckpointsOnly ? checkCheckpointSignatures(cps, opts.publicKeys) : checkCheckpointChain(cps, opts.publicKeys);
  if (cpBad) return result(false, 0, cps.length, witnessChecked, cpBad);
  const fail = (checked: number, f: ChainFault) => result(false, checked, cps.length, witnessChecked, f);
  const cpAt = new Map(cps.map((c) => [c.globalSeq, c]));

  let checked = 0;
  if (opts.caseId === undefined) {
    // Whole log: globalSeq 1..N contiguous, every link, every case chain.
    let prevHash = GENESIS;
    const caseHeads = new Map<string, HeadLike>();
    for (const e of sorted) {
      const expected = checked + 1;
      if (hashOfEntry(e) !== e.hash) return fail(checked, entryFault(e, 'HASH_MISMATCH', '内容哈希不符：记录内容被修改'));
      if (!entryMacOk(e, opts.macKeys)) return fail(checked, entryFault(e, 'MAC_MISMATCH', MAC_MESSAGE(e)));
      if (e.globalSeq !== expected) {
        return fail(checked, entryFault(e, 'GLOBAL_SEQ_GAP', `之前缺少全局第 ${expected} 条记录：记录被删除或重排`));
      }
      if (e.prevGlobalHash !== prevHash) return fail(checked, entryFault(e, 'BROKEN_GLOBAL_LINK', '未链接到全局上一条记录：记录被删除、替换或重排'));
      const ch = caseHeads.get(e.caseId) ?? { seq: 0, hash: GENESIS };
      if (e.caseSeq !== ch.seq + 1) {
        return fail(checked, entryFault(e, 'CASE_SEQ_GAP', `之前缺少该案件第 ${ch.seq + 1} 条记录：记录被删除或重排`));
      }
      if (e.prevCaseHash !== ch.hash) return fail(checked, entryFault(e, 'BROKEN_CASE_LINK', '未链接到本案上一条记录：记录被删除、替换或重排'));
      const cp = cpAt.get(e.globalSeq);
      if (cp && cp.headHash !== e.hash) {
        return fail(checked, {
          ...entryFault(e, 'CHECKPOINT_MISMATCH', `与签名检查点 #${cp.checkpointSeq} 不符：此前的记录被改写`),
          checkpointSeq: cp.checkpointSeq,
        });
      }
      caseHeads.set(e.caseId, { seq: e.caseSeq, hash: e.hash });
      prevHash = e.hash;
      checked++;
    }
    const last = sorted.at(-1);
    const lastSeq = last?.globalSeq ?? 0;
    const lastCp = cps.at(-1);
    if (lastCp && lastCp.globalSeq > lastSeq) {
      return fail(
        checked,
        cpFault(lastCp, 'TRUNCATED', `签名检查点 #${lastCp.checkpointSeq} 覆盖至全局第 ${lastCp.globalSeq} 条，数据库只剩 ${lastSeq} 条：末尾记录被删除`),
      );
    }
    const headBad = checkHeads(opts.heads && { ...opts.heads, macKeys: opts.macKeys }, lastSeq, last?.hash ?? GENESIS, caseHeads);
    if (headBad) return fail(checked, headBad);
    const wBad = witnessFault(opts.witness ?? null, cps, lastSeq);
    if (wBad) return fail(checked, wBad);
    return result(true, checked, cps.length, witnessChecked, null);
  }

  // Per case: the case chain in full, and each of its entries linked to its global neighbours.
  const caseId = opts.caseId;
  const bySeq = new Map(sorted.map((e) => [e.globalSeq, e]));
  const last = sorted.at(-1);
  const lastSeq = last?.globalSeq ?? 0;
  if (opts.globalExtent && (opts.globalExtent.count !== opts.globalExtent.maxGlobalSeq || opts.globalExtent.maxGlobalSeq !== lastSeq)) {
    const g = opts.globalExtent;
    return fail(0, {
      problem: 'GLOBAL_SEQ_GAP',
      message: `全局记录共 ${g.count} 条而最大序号为 ${g.maxGlobalSeq}：有记录被删除（请做全库校验以定位）`,
    });
  }
  for (const e of sorted) {
    if (hashOfEntry(e) !== e.hash) return fail(checked, entryFault(e, 'HASH_MISMATCH', '内容哈希不符：记录内容被修改'));
    if (!entryMacOk(e, opts.macKeys)) return fail(checked, entryFault(e, 'MAC_MISMATCH', MAC_MESSAGE(e)));
  }
  let ch: HeadLike = { seq: 0, hash: GENESIS };
  for (const e of sorted) {
    if (e.caseId !== caseId) continue;
    if (e.caseSeq !== ch.seq + 1) return fail(checked, entryFault(e, 'CASE_SEQ_GAP', `之前缺少该案件第 ${ch.seq + 1} 条记录：记录被删除或重排`));
    if (e.prevCaseHash !== ch.hash) return fail(checked, entryFault(e, 'BROKEN_CASE_LINK', '未链接到本案上一条记录：记录被删除、替换或重排'));
    const before = e.globalSeq === 1 ? null : bySeq.get(e.globalSeq - 1);
    if (e.globalSeq !== 1 && !before) return fail(checked, entryFault(e, 'GLOBAL_SEQ_GAP', `之前缺少全局第 ${e.globalSeq - 1} 条记录：记录被删除`));
    if (e.prevGlobalHash !== (before ? before.hash : GENESIS)) {
      return fail(checked, entryFault(e, 'BROKEN_GLOBAL_LINK', '未链接到全局上一条记录：记录被删除、替换或重排'));
    }
    if (e.globalSeq < lastSeq) {
      const after = bySeq.get(e.globalSeq + 1);
      if (!after) return fail(checked, entryFault(e, 'GLOBAL_SEQ_GAP', `之后缺少全局第 ${e.globalSeq + 1} 条记录：记录被删除`));
      if (after.prevGlobalHash !== e.hash) {
        return fail(checked, entryFault(after, 'BROKEN_GLOBAL_LINK', `未链接到全局上一条记录 ${e.id}：记录被替换或重排`));
      }
    }
    ch = { seq: e.caseSeq, hash: e.hash };
    checked++;
  }
  for (const cp of cps) {
    const e = bySeq.get(cp.globalSeq);
    if (e && cp.headHash !== e.hash) {
      return fail(checked, {
        ...entryFault(e, 'CHECKPOINT_MISMATCH', `与签名检查点 #${cp.checkpointSeq} 不符：此前的记录被改写`),
        checkpointSeq: cp.checkpointSeq,
      });
    }
  }
  const lastCp = cps.at(-1);
  if (lastCp && lastCp.globalSeq > lastSeq) {
    return fail(
      checked,
      cpFault(lastCp, 'TRUNCATED', `签名检查点 #${lastCp.checkpointSeq} 覆盖至全局第 ${lastCp.globalSeq} 条，数据库只剩 ${lastSeq} 条：末尾记录被删除`),
    );
  }
  const headBad = checkHeads(
    opts.heads && { ...opts.heads, macKeys: opts.macKeys },
    lastSeq,
    last?.hash ?? GENESIS,
    new Map(ch.seq ? [[caseId, ch]] : []),
    caseId,
  );
  if (headBad) return fail(checked, headBad);
  const wBad = witnessFault(opts.witness ?? null, cps, lastSeq);
  if (wBad) return fail(checked, wBad);
  return result(true, checked, cps.length, witnessChecked, null);
}

/** Stored heads must agree with the entries; `onlyCase` limits the case heads compared (per-case mode). */
function checkHeads(
  heads: (VerifyOptions['heads'] & { macKeys?: Map<string, Buffer> }) | undefined,
  lastSeq: number,
  lastHash: string,
  actualCases: Map<string, HeadLike>,
  onlyCase?: string,
): ChainFault | null {
  if (!heads) return null;
  if (heads.macKeys) {
    const bad = [...(heads.global ? [['GLOBAL', heads.global] as const] : []), ...[...(heads.cases ?? [])].map(([id, h]) => [`case:${id}`, h] as const)].find(
      ([chain, h]) => (onlyCase === undefined || chain === 'GLOBAL' || chain === `case:${onlyCase}`) && !headMacOk(chain, h as KeyedHead, heads.macKeys!),
    );
    if (bad) {
      return { problem: 'HEAD_MAC_MISMATCH', message: `链头 ${bad[0]}（第 ${bad[1].seq} 条）的密钥认证码不符：链头被 SQL 直接改写` };
    }
  }
  const g = heads.global;
  if (g && (g.seq !== lastSeq || g.hash !== lastHash)) {
    return g.seq > lastSeq
      ? { globalSeq: g.seq, problem: 'TRUNCATED', message: `全局链头指向第 ${g.seq} 条，数据库只剩 ${lastSeq} 条：末尾记录被删除` }
      : { globalSeq: g.seq, problem: 'BROKEN_GLOBAL_LINK', message: `全局链头（第 ${g.seq} 条）与最后一条记录（第 ${lastSeq} 条）不一致` };
  }
  for (const [caseId, h] of heads.cases ?? []) {
    if (onlyCase !== undefined && caseId !== onlyCase) continue;
    const actual = actualCases.get(caseId) ?? { seq: 0, hash: GENESIS };
    if (h.seq !== actual.seq || h.hash !== actual.hash) {
      return h.seq > actual.seq
        ? { caseId, caseSeq: h.seq, problem: 'TRUNCATED', message: `案件 ${caseId} 的链头指向第 ${h.seq} 条，数据库只剩 ${actual.seq} 条：末尾记录被删除` }
        : { caseId, caseSeq: h.seq, problem: 'BROKEN_CASE_LINK', message: `案件 ${caseId} 的链头（第 ${h.seq} 条）与该案最后一条记录不一致` };
    }
  }
  return null;
}
