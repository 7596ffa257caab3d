import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GENESIS, canonicalJson, entryHash, verifyChains, type EntryLike, type KeyedHead } from '../../kernel/records/chain.js';
import { entryMac, headMac } from '../../kernel/records/keys.js';
import {
  keyIdOf,
  loadPublicKeys,
  loadSigningKey,
  readWitness,
  removeWitness,
  signCheckpoint,
  verifyCheckpointSignature,
  writeWitness,
  type CheckpointLike,
  type SigningKey,
  type Witness,
} from '../../kernel/records/signing.js';

const keyDir = mkdtempSync(join(tmpdir(), 'record-chain-unit-'));
afterAll(() => rmSync(keyDir, { recursive: true, force: true }));
const key: SigningKey = loadSigningKey(keyDir, {});
const publicKeys = loadPublicKeys(keyDir, {});
const MAC_KEY = Buffer.alloc(32, 7);
const macKeys = new Map([['k1', MAC_KEY]]);
const macOf = (hash: string) => ({ macKeyId: 'k1', mac: entryMac(MAC_KEY, 'k1', hash) });
/** A chain head as the service writes it: with its MAC. */
const kh = (chain: string, h: { seq: number; hash: string }): KeyedHead => ({ ...h, macKeyId: 'k1', mac: headMac(MAC_KEY, 'k1', chain, h.seq, h.hash) });
const keyedCases = (m: Map<string, { seq: number; hash: string }>) => new Map([...m].map(([id, h]) => [id, kh(`case:${id}`, h)]));

/** Build a valid log in memory: entries for the given case ids in order, checkpoints after the given globalSeqs. */
function build(caseOrder: string[], checkpointAfter: number[] = []) {
  const entries: EntryLike[] = [];
  const checkpoints: CheckpointLike[] = [];
  const caseHeads = new Map<string, { seq: number; hash: string }>();
  let prevGlobal = GENESIS;
  caseOrder.forEach((caseId, i) => {
    const ch = caseHeads.get(caseId) ?? { seq: 0, hash: GENESIS };
    const fields = {
      id: `E${String(i + 1).padStart(25, '0')}`,
      caseId,
      caseSeq: ch.seq + 1,
      globalSeq: i + 1,
      kind: 'EVENT',
      stage: 'FILING',
      payload: canonicalJson({ n: i + 1, note: `第${i + 1}条` }),
      actor: 'officer-1',
      recordedAt: new Date(Date.UTC(2025, 0, 1, 8, 0, 0, i)).toISOString(),
      prevCaseHash: ch.hash,
      prevGlobalHash: prevGlobal,
    };
    const hash = entryHash(fields);
    entries.push({ ...fields, hash, ...macOf(hash) });
    caseHeads.set(caseId, { seq: fields.caseSeq, hash });
    prevGlobal = hash;
    if (checkpointAfter.includes(i + 1)) {
      const prev = checkpoints.at(-1);
      checkpoints.push(
        signCheckpoint(key, {
          checkpointSeq: checkpoints.length + 1,
          globalSeq: i + 1,
          headHash: hash,
          prevSignature: prev?.signature ?? '',
          signedAt: new Date(Date.UTC(2025, 0, 1, 9, 0, 0, i)),
        }),
      );
    }
  });
  const lastCp = checkpoints.at(-1);
  const witness: Witness | null = lastCp
    ? { checkpointSeq: lastCp.checkpointSeq, globalSeq: lastCp.globalSeq, headHash: lastCp.headHash, signature: lastCp.signature }
    : null;
  const heads = { global: kh('GLOBAL', { seq: entries.length, hash: prevGlobal }), cases: keyedCases(caseHeads) };
  return { entries, checkpoints, witness, heads };
}

/** Recompute every hash from a given position, as an attacker who knows the algorithm would. */
function rehash(entries: EntryLike[]): EntryLike[] {
  const caseHeads = new Map<string, string>();
  let prev = GENESIS;
  return entries.map((e) => {
    const fields = { ...e, recordedAt: String(e.recordedAt), prevGlobalHash: prev, prevCaseHash: caseHeads.get(e.caseId) ?? GENESIS };
    const hash = entryHash(fields);
    caseHeads.set(e.caseId, hash);
    prev = hash;
    return { ...fields, hash, ...macOf(hash) };
  });
}

const CASES = ['A', 'B', 'A', 'A', 'B', 'C', 'A', 'B', 'C', 'A'];

describe('canonicalJson', () => {
  it('sorts keys recursively, keeps array order, no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1, { z: 1, y: 2 }], c: '中' } })).toBe('{"a":{"c":"中","d":[3,1,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson([true, false, -0, 1.5])).toBe('[true,false,0,1.5]');
  });
  it('rejects undefined, functions and non-finite numbers', () => {
    expect(() => canonicalJson({ a: undefined })).toThrow(/\$\.a/);
    expect(() => canonicalJson([() => 1])).toThrow();
    expect(() => canonicalJson(Number.NaN)).toThrow();
    expect(() => canonicalJson({ x: Infinity })).toThrow();
    expect(() => canonicalJson(10n)).toThrow();
    expect(() => canonicalJson(new Map())).toThrow();
  });
});

describe('entryHash', () => {
  it('changes when any field changes', () => {
    const base = build(['A']).entries[0]!;
    const fields = { ...base, recordedAt: String(base.recordedAt) };
    const h = entryHash(fields);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(entryHash({ ...fields, hash: 'ignored' } as typeof fields)).toBe(h);
    for (const k of ['id', 'caseId', 'kind', 'stage', 'payload', 'actor', 'recordedAt', 'prevCaseHash', 'prevGlobalHash'] as const) {
      expect(entryHash({ ...fields, [k]: `${fields[k]}x` })).not.toBe(h);
    }
    expect(entryHash({ ...fields, caseSeq: 2 })).not.toBe(h);
    expect(entryHash({ ...fields, globalSeq: 2 })).not.toBe(h);
  });
});

describe('signing', () => {
  it('keyId is 16 hex of the public key; the key file is created once', () => {
    expect(key.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(keyIdOf(key.publicKey)).toBe(key.keyId);
    expect(loadSigningKey(keyDir, {}).keyId).toBe(key.keyId);
    expect(readFileSync(join(keyDir, 'record-checkpoint.ed25519.pem'), 'utf8')).toContain('PRIVATE KEY');
  });
  it('RECORD_SIGNING_KEY_FILE points elsewhere', () => {
    const env = { RECORD_SIGNING_KEY_FILE: join(keyDir, 'other', 'k.pem') };
    const other = loadSigningKey(keyDir, env);
    expect(other.keyId).not.toBe(key.keyId);
    expect([...loadPublicKeys(keyDir, env).keys()]).toEqual([other.keyId]);
  });
  it('signs and verifies; any signed field changed breaks the signature', () => {
    const cp = signCheckpoint(key, { checkpointSeq: 1, globalSeq: 5, headHash: 'a'.repeat(64), prevSignature: '', signedAt: new Date() });
    expect(verifyCheckpointSignature(cp, key.publicKey)).toBe(true);
    expect(verifyCheckpointSignature({ ...cp, globalSeq: 6 }, key.publicKey)).toBe(false);
    expect(verifyCheckpointSignature({ ...cp, headHash: 'b'.repeat(64) }, key.publicKey)).toBe(false);
    expect(verifyCheckpointSignature({ ...cp, signedAt: new Date(0) }, key.publicKey)).toBe(false);
    expect(verifyCheckpointSignature({ ...cp, signature: 'garbage' }, key.publicKey)).toBe(false);
    expect(verifyCheckpointSignature(cp, generateKeyPairSync('ed25519').publicKey)).toBe(false);
  });
  it('witness file: atomic write, read back, never moves backwards, removable', () => {
    expect(readWitness(keyDir, 'db_w')).toBeNull();
    writeWitness(keyDir, 'db_w', { checkpointSeq: 2, globalSeq: 10, headHash: 'c'.repeat(64), signature: 's' });
    writeWitness(keyDir, 'db_w', { checkpointSeq: 1, globalSeq: 5, headHash: 'd'.repeat(64), signature: 't' });
    expect(readWitness(keyDir, 'db_w')).toEqual({ checkpointSeq: 2, globalSeq: 10, headHash: 'c'.repeat(64), signature: 's' });
    removeWitness(keyDir, 'db_w');
    expect(readWitness(keyDir, 'db_w')).toBeNull();
    expect(() => readWitness(keyDir, '../x')).toThrow();
  });
});

describe('verifyChains — whole log', () => {
  const valid = build(CASES, [4, 8]);
  const opts = { publicKeys, macKeys, witness: valid.witness, heads: valid.heads };

  it('a valid chain passes', () => {
    const r = verifyChains(valid.entries, valid.checkpoints, opts);
    expect(r).toEqual({ ok: true, entriesChecked: 10, checkpointsChecked: 2, witnessChecked: true, firstBad: null });
    expect(verifyChains([], [], { publicKeys, macKeys }).ok).toBe(true);
  });

  it.each(['payload', 'actor', 'kind', 'stage', 'caseId', 'id', 'recordedAt', 'prevCaseHash', 'prevGlobalHash', 'hash'] as const)(
    'modifying %s of an entry is HASH_MISMATCH naming it',
    (field) => {
      const entries = valid.entries.map((e) => ({ ...e }));
      const victim = entries[5]!;
      const v = String(victim[field]);
      (victim as Record<string, unknown>)[field] =
        field === 'recordedAt' ? new Date(Date.parse(v) + 1).toISOString() : v.slice(0, -1) + (v.endsWith('0') ? '1' : '0');
      const r = verifyChains(entries, valid.checkpoints, opts);
      expect(r.ok).toBe(false);
      expect(r.firstBad).toMatchObject({ problem: 'HASH_MISMATCH', entryId: victim.id, globalSeq: 6 });
      expect(r.firstBad!.message).toContain(victim.id);
    },
  );

  it('deleting a middle entry is a GLOBAL_SEQ_GAP at the next entry', () => {
    const entries = valid.entries.filter((e) => e.globalSeq !== 5);
    const r = verifyChains(entries, valid.checkpoints, opts);
    expect(r.firstBad).toMatchObject({ problem: 'GLOBAL_SEQ_GAP', globalSeq: 6 });
  });

  it('swapping globalSeq, caseSeq or payloads of two entries is detected', () => {
    const swapSeq = valid.entries.map((e) => ({ ...e }));
    [swapSeq[2]!.globalSeq, swapSeq[3]!.globalSeq] = [swapSeq[3]!.globalSeq, swapSeq[2]!.globalSeq];
    expect(verifyChains(swapSeq, valid.checkpoints, opts).firstBad?.problem).toBe('HASH_MISMATCH');
    const swapCase = valid.entries.map((e) => ({ ...e }));
    [swapCase[2]!.caseSeq, swapCase[3]!.caseSeq] = [swapCase[3]!.caseSeq, swapCase[2]!.caseSeq];
    expect(verifyChains(swapCase, valid.checkpoints, opts).firstBad).toMatchObject({ problem: 'HASH_MISMATCH', globalSeq: 3 });
    const swapPayload = valid.entries.map((e) => ({ ...e }));
    [swapPayload[0]!.payload, swapPayload[1]!.payload] = [swapPayload[1]!.payload, swapPayload[0]!.payload];
    expect(verifyChains(swapPayload, valid.checkpoints, opts).firstBad).toMatchObject({ problem: 'HASH_MISMATCH', globalSeq: 1 });
  });

  it('an attacker who rewrites and re-hashes everything is caught by the signed checkpoint', () => {
    const entries = valid.entries.map((e) => ({ ...e }));
    entries[1]!.payload = canonicalJson({ n: 2, note: '篡改' });
    const r = verifyChains(rehash(entries), valid.checkpoints, opts);
    expect(r.firstBad).toMatchObject({ problem: 'CHECKPOINT_MISMATCH', checkpointSeq: 1, globalSeq: 4 });
    // Deleting a middle entry and renumbering everything after it, likewise.
    const renumbered = rehash(
      valid.entries
        .filter((e) => e.globalSeq !== 2)
        .map((e, i) => ({ ...e, globalSeq: i + 1, caseSeq: e.caseId === 'B' && e.caseSeq > 1 ? e.caseSeq - 1 : e.caseSeq })),
    );
    expect(verifyChains(renumbered, valid.checkpoints, opts).firstBad?.problem).toBe('CHECKPOINT_MISMATCH');
  });

  it('truncating the tail past a checkpoint is TRUNCATED even with the heads rewound', () => {
    const entries = valid.entries.slice(0, 6);
    const last = entries.at(-1)!;
    const heads = {
      global: kh('GLOBAL', { seq: 6, hash: last.hash }),
      cases: keyedCases(
        new Map([
          ['A', { seq: 3, hash: entries[3]!.hash }],
          ['B', { seq: 2, hash: entries[4]!.hash }],
          ['C', { seq: 1, hash: last.hash }],
        ]),
      ),
    };
    const r = verifyChains(entries, valid.checkpoints, { publicKeys, macKeys, witness: valid.witness, heads });
    expect(r.firstBad).toMatchObject({ problem: 'TRUNCATED', checkpointSeq: 2 });
    // With the heads not rewound, the heads alone show it (no checkpoints needed).
    const r2 = verifyChains(valid.entries.slice(0, 9), [], { publicKeys, macKeys, heads: valid.heads });
    expect(r2.firstBad).toMatchObject({ problem: 'TRUNCATED', globalSeq: 10 });
  });

  it('replaying an old checkpoint is CHECKPOINT_ROLLBACK via the witness', () => {
    const entries = valid.entries.slice(0, 4);
    const cps = valid.checkpoints.slice(0, 1);
    const heads = { global: kh('GLOBAL', { seq: 4, hash: entries[3]!.hash }) };
    // Without the witness this state is self-consistent: so a missing witness is itself a failure.
    expect(verifyChains(entries, cps, { publicKeys, macKeys, heads }).firstBad).toMatchObject({ problem: 'WITNESS_MISSING', checkpointSeq: 1 });
    const r = verifyChains(entries, cps, { publicKeys, macKeys, heads, witness: valid.witness });
    expect(r.firstBad).toMatchObject({ problem: 'CHECKPOINT_ROLLBACK', checkpointSeq: 2 });
  });

  it('forged, unknown-key, deleted or reordered checkpoints are detected', () => {
    const forged = valid.checkpoints.map((c) => ({ ...c }));
    forged[1]!.globalSeq = 6;
    forged[1]!.headHash = valid.entries[5]!.hash;
    expect(verifyChains(valid.entries, forged, opts).firstBad).toMatchObject({ problem: 'CHECKPOINT_SIGNATURE', checkpointSeq: 2 });
    expect(verifyChains(valid.entries, valid.checkpoints, { ...opts, publicKeys: new Map() }).firstBad?.problem).toBe('CHECKPOINT_SIGNATURE');
    expect(verifyChains(valid.entries, valid.checkpoints.slice(1), opts).firstBad?.problem).toBe('CHECKPOINT_MISMATCH');
    const witness = { ...valid.witness!, headHash: 'f'.repeat(64) };
    expect(verifyChains(valid.entries, valid.checkpoints, { ...opts, witness }).firstBad?.problem).toBe('CHECKPOINT_ROLLBACK');
  });
});

describe('verifyChains — keyed entries and heads, witness (issue 12)', () => {
  const valid = build(CASES, [4, 8]);
  const opts = { publicKeys, macKeys, witness: valid.witness, heads: valid.heads };

  it('an entry appended by SQL with a correctly computed plain hash but no key fails as MAC_MISMATCH', () => {
    const last = valid.entries.at(-1)!;
    const fields = {
      id: 'F'.padEnd(26, '0'),
      caseId: 'A',
      caseSeq: 5,
      globalSeq: 11,
      kind: 'EVENT',
      stage: 'INVESTIGATION',
      payload: canonicalJson({ eventKind: 'HEARING_WAIVED' }),
      actor: 'officer-1',
      recordedAt: new Date(Date.UTC(2025, 0, 2)).toISOString(),
      prevCaseHash: valid.entries[9]!.hash,
      prevGlobalHash: last.hash,
    };
    const hash = entryHash(fields);
    for (const forged of [
      { ...fields, hash, macKeyId: '', mac: '' },
      { ...fields, hash, macKeyId: 'k1', mac: 'a'.repeat(64) },
      { ...fields, hash, macKeyId: 'k9', mac: entryMac(Buffer.alloc(32, 9), 'k9', hash) },
    ]) {
      const heads = { global: kh('GLOBAL', { seq: 11, hash }), cases: valid.heads.cases };
      const r = verifyChains([...valid.entries, forged], valid.checkpoints, { ...opts, heads });
      expect(r.firstBad).toMatchObject({ problem: 'MAC_MISMATCH', globalSeq: 11 });
      expect(r.firstBad!.message).toMatch(/认证码/);
      expect(verifyChains([...valid.entries, forged], valid.checkpoints, { ...opts, heads, caseId: 'A' }).firstBad?.problem).toBe('MAC_MISMATCH');
    }
  });

  it('a rotated ring verifies entries of the old key and the new one; a dropped old key fails them', () => {
    const NEW = Buffer.alloc(32, 8);
    const mixed = valid.entries.map((e, i) => (i < 5 ? e : { ...e, macKeyId: 'k2', mac: entryMac(NEW, 'k2', e.hash) }));
    const ring = new Map([...macKeys, ['k2', NEW]]);
    expect(verifyChains(mixed, valid.checkpoints, { ...opts, macKeys: ring }).ok).toBe(true);
    expect(verifyChains(mixed, valid.checkpoints, { ...opts, macKeys: new Map([['k2', NEW]]) }).firstBad).toMatchObject({
      problem: 'MAC_MISMATCH',
      globalSeq: 1,
    });
  });

  it('a chain head moved by SQL (no key) is HEAD_MAC_MISMATCH', () => {
    const heads = { ...valid.heads, global: { ...valid.heads.global, mac: 'b'.repeat(64) } };
    expect(verifyChains(valid.entries, valid.checkpoints, { ...opts, heads }).firstBad?.problem).toBe('HEAD_MAC_MISMATCH');
  });

  it('a missing witness, or one older than the latest checkpoint, fails', () => {
    expect(verifyChains(valid.entries, valid.checkpoints, { ...opts, witness: null }).firstBad).toMatchObject({ problem: 'WITNESS_MISSING', checkpointSeq: 2 });
    const old = { checkpointSeq: 1, globalSeq: 4, headHash: valid.checkpoints[0]!.headHash, signature: valid.checkpoints[0]!.signature };
    const r = verifyChains(valid.entries, valid.checkpoints, { ...opts, witness: old });
    expect(r.firstBad).toMatchObject({ problem: 'WITNESS_STALE', checkpointSeq: 2 });
    expect(r.firstBad!.message).toContain('#1');
    expect(verifyChains(valid.entries.slice(0, 3), [], { publicKeys, macKeys }).ok).toBe(true); // no checkpoint yet: nothing to witness
  });
});

describe('verifyChains — one case', () => {
  const valid = build(CASES, [4, 8]);
  /** What verifyRecords loads for a case: its entries, their global neighbours, the last entry, checkpoint entries. */
  function slice(entries: EntryLike[], caseId: string) {
    const own = entries.filter((e) => e.caseId === caseId);
    const want = new Set<number>([Math.max(...entries.map((e) => e.globalSeq)), ...valid.checkpoints.map((c) => c.globalSeq)]);
    for (const e of own) want.add(e.globalSeq - 1).add(e.globalSeq + 1);
    return [...own, ...entries.filter((e) => e.caseId !== caseId && want.has(e.globalSeq))];
  }
  const extent = { count: 10, maxGlobalSeq: 10 };

  it('a valid case passes, counting only its entries', () => {
    const r = verifyChains(slice(valid.entries, 'C'), valid.checkpoints, {
      publicKeys,
      macKeys,
      witness: valid.witness,
      heads: valid.heads,
      caseId: 'C',
      globalExtent: extent,
    });
    expect(r).toMatchObject({ ok: true, entriesChecked: 2 });
  });

  it('a modified entry of the case or of its neighbour is detected', () => {
    const entries = valid.entries.map((e) => ({ ...e }));
    entries[6]!.actor = 'someone-else'; // A's 4th entry
    expect(verifyChains(slice(entries, 'A'), valid.checkpoints, { publicKeys, macKeys, caseId: 'A' }).firstBad).toMatchObject({
      problem: 'HASH_MISMATCH',
      entryId: entries[6]!.id,
    });
    // Re-hashing the case's entry is caught by its global successor's link.
    const rehashed = valid.entries.map((e) => ({ ...e }));
    rehashed[5]!.payload = canonicalJson({ forged: true });
    rehashed[5]!.hash = entryHash({ ...rehashed[5]!, recordedAt: String(rehashed[5]!.recordedAt) });
    Object.assign(rehashed[5]!, macOf(rehashed[5]!.hash)); // even an insider with the key
    expect(verifyChains(slice(rehashed, 'C'), valid.checkpoints, { publicKeys, macKeys, caseId: 'C' }).firstBad?.problem).toBe('BROKEN_GLOBAL_LINK');
  });

  it('a deleted entry of the case, or anywhere, is detected', () => {
    const entries = valid.entries.filter((e) => e.globalSeq !== 4); // A's 3rd entry
    // A's 2nd entry (global 3) misses its global successor.
    expect(verifyChains(slice(entries, 'A'), valid.checkpoints, { publicKeys, macKeys, caseId: 'A' }).firstBad).toMatchObject({
      problem: 'GLOBAL_SEQ_GAP',
      globalSeq: 3,
    });
    // Global 4 deleted and the rest not renumbered would still leave A's case_seq 3 missing.
    const onlyCase = slice(entries, 'A').filter((e) => e.caseId === 'A');
    expect(verifyChains(onlyCase, [], { publicKeys, macKeys, caseId: 'A' }).firstBad?.problem).toMatch(/GAP/);
    expect(
      verifyChains(slice(entries, 'C'), valid.checkpoints, { publicKeys, macKeys, caseId: 'C', globalExtent: { count: 9, maxGlobalSeq: 10 } }).firstBad
        ?.problem,
    ).toBe('GLOBAL_SEQ_GAP');
  });

  it('a truncated case tail is detected by its head, a rollback by the witness', () => {
    const entries = valid.entries.slice(0, 9);
    expect(verifyChains(slice(entries, 'A'), valid.checkpoints, { publicKeys, macKeys, caseId: 'A', heads: valid.heads }).firstBad).toMatchObject({
      problem: 'TRUNCATED',
    });
    const old = valid.entries.slice(0, 4);
    expect(verifyChains(slice(old, 'A'), valid.checkpoints.slice(0, 1), { publicKeys, macKeys, caseId: 'A', witness: valid.witness }).firstBad?.problem).toBe(
      'CHECKPOINT_ROLLBACK',
    );
  });
});
