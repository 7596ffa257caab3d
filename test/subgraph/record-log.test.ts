import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { schema } from '../../subgraphs/cases/db/schema.js';
import { appendEntry, createCheckpoint, listEntries, startCheckpointTimer, verifyRecords, type CheckpointOptions } from '../../subgraphs/cases/records/log.js';
import { readWitness } from '../../kernel/records/signing.js';
import { headMac, loadMacKeyRing } from '../../kernel/records/keys.js';
import { dropDatabase, prepareDatabase, type Db } from '../../kernel/db.js';
import { newId } from '../../kernel/ids.js';
import { canonicalJson, entryHash } from '../../kernel/records/chain.js';
import { testClock } from '../helpers/clock.js';

const clock = testClock();
const at = () => clock.now();

const url = process.env.DATABASE_URL || 'mysql://root@127.0.0.1:3306';
const migrationsFolder = new URL('../../subgraphs/cases/migrations', import.meta.url).pathname;
// The run's key dir: appendEntry MACs with the service's key ring from it, verification reads the same ring.
const keyDir = process.env.SANXIANG_KEY_DIR ?? mkdtempSync(join(tmpdir(), 'reclog-'));
const opened: { db: Db<typeof schema>; name: string }[] = [];

afterAll(async () => {
  for (const { db, name } of opened) {
    await db.close();
    await dropDatabase(url, name);
  }
});

async function freshDb(tag: string) {
  const name = `${process.env.SANXIANG_TEST_PREFIX}_reclog_${tag}_${randomBytes(3).toString('hex')}`;
  const db = await prepareDatabase(url, name, schema, migrationsFolder);
  opened.push({ db, name });
  return { db, name, opts: { keyDir, dbName: name, clock } };
}

/** Two cases, interleaved, each entry appended inside a caller transaction; checkpoints after 4 and 8 entries. */
async function populate(db: Db<typeof schema>, opts: CheckpointOptions) {
  const a = newId();
  const b = newId();
  const order = [a, b, a, a, b, b, a, b];
  for (const [i, caseId] of order.entries()) {
    await db.orm.transaction(async (tx) => {
      await tx.execute(sql`SELECT 1`); // stands for the state change committed with the entry
      await appendEntry(tx, {
        caseId,
        kind: 'EVENT',
        stage: 'INVESTIGATION',
        payload: { step: i + 1, text: `第${i + 1}步` },
        actor: `officer-${i % 2}`,
        recordedAt: at(),
      });
    });
    if (i === 3 || i === 7) await createCheckpoint(db.orm, opts);
  }
  return { a, b };
}

const dropTriggers = async (db: Db<typeof schema>) => {
  for (const t of ['record_entries_no_update', 'record_entries_no_delete', 'record_checkpoints_no_update', 'record_checkpoints_no_delete']) {
    await db.pool.query(`DROP TRIGGER IF EXISTS ${t}`);
  }
};
const rewindHeads = async (db: Db<typeof schema>) => {
  await db.pool.query('DELETE FROM record_chain_heads');
  await db.pool.query(
    `INSERT INTO record_chain_heads (chain, seq, hash)
       SELECT 'GLOBAL', global_seq, hash FROM record_entries ORDER BY global_seq DESC LIMIT 1`,
  );
  await db.pool.query(
    `INSERT INTO record_chain_heads (chain, seq, hash)
       SELECT CONCAT('case:', e.case_id), e.case_seq, e.hash FROM record_entries e
        WHERE e.case_seq = (SELECT MAX(case_seq) FROM record_entries f WHERE f.case_id = e.case_id)`,
  );
  // As a restored backup would have them: heads with the MACs the service wrote at the time (the worst case).
  const ring = loadMacKeyRing(keyDir);
  const [heads] = await db.pool.query('SELECT chain, seq, hash FROM record_chain_heads');
  for (const h of heads as { chain: string; seq: string; hash: string }[]) {
    const mac = headMac(ring.keys.get(ring.activeId)!, ring.activeId, h.chain, Number(h.seq), h.hash);
    await db.pool.query('UPDATE record_chain_heads SET mac_key_id = ?, mac = ? WHERE chain = ?', [ring.activeId, mac, h.chain]);
  }
};
const entryAt = async (db: Db<typeof schema>, globalSeq: number) => {
  const [rows] = await db.pool.query('SELECT id, case_id AS caseId FROM record_entries WHERE global_seq = ?', [globalSeq]);
  return (rows as { id: string; caseId: string }[])[0]!;
};

describe('record log on MariaDB', () => {
  it('appends interleaved cases in transactions, checkpoints, verifies; UPDATE and DELETE are refused', async () => {
    const { db, opts } = await freshDb('ok');
    const { a, b } = await populate(db, opts);
    const listA = await listEntries(db.orm, a);
    expect(listA.map((e) => e.caseSeq)).toEqual([1, 2, 3, 4]);
    expect(listA.map((e) => e.globalSeq)).toEqual([1, 3, 4, 7]);
    expect(listA[0]!.payload).toBe('{"step":1,"text":"第1步"}');
    expect((await listEntries(db.orm, b)).map((e) => e.caseSeq)).toEqual([1, 2, 3, 4]);
    expect(readWitness(keyDir, opts.dbName)).toMatchObject({ checkpointSeq: 2, globalSeq: 8 });
    expect(await createCheckpoint(db.orm, opts)).toBeNull(); // nothing new since the last one

    const all = await verifyRecords(db.orm, opts);
    expect(all).toEqual({ ok: true, entriesChecked: 8, checkpointsChecked: 2, witnessChecked: true, firstBad: null });
    expect(await verifyRecords(db.orm, { ...opts, caseId: a })).toMatchObject({ ok: true, entriesChecked: 4 });
    expect(await verifyRecords(db.orm, { ...opts, caseId: newId() })).toMatchObject({ ok: true, entriesChecked: 0 });

    await expect(db.pool.query("UPDATE record_entries SET actor = 'x' WHERE global_seq = 2")).rejects.toThrow(/append-only/);
    await expect(db.pool.query('DELETE FROM record_entries WHERE global_seq = 8')).rejects.toThrow(/append-only/);
    await expect(db.pool.query("UPDATE record_checkpoints SET head_hash = 'x'")).rejects.toThrow(/append-only/);
    await expect(db.pool.query('DELETE FROM record_checkpoints')).rejects.toThrow(/append-only/);
    expect((await verifyRecords(db.orm, opts)).ok).toBe(true);
  });

  it('an entry rolls back with the caller transaction', async () => {
    const { db, opts } = await freshDb('rb');
    const caseId = newId();
    await appendEntry(db.orm, { caseId, kind: 'EVENT', stage: 'FILING', payload: { n: 1 }, actor: 'o1', recordedAt: at() }); // its own transaction
    await expect(
      db.orm.transaction(async (tx) => {
        await appendEntry(tx, { caseId, kind: 'EVENT', stage: 'FILING', payload: { n: 2 }, actor: 'o1', recordedAt: at() });
        throw new Error('state change failed');
      }),
    ).rejects.toThrow('state change failed');
    const e3 = await appendEntry(db.orm, {
      caseId,
      kind: 'EVENT',
      stage: 'FILING',
      payload: { n: 3 },
      actor: 'o1',
      recordedAt: new Date('2025-03-04T05:06:07.089Z'),
    });
    expect([e3.caseSeq, e3.globalSeq]).toEqual([2, 2]);
    const stored = await listEntries(db.orm, caseId);
    expect(stored.at(-1)).toEqual(e3); // round trip keeps every hashed byte, including milliseconds
    expect(await verifyRecords(db.orm, opts)).toMatchObject({ ok: true, entriesChecked: 2 });
  });

  it('20 concurrent appends to one case (on a fresh database) give caseSeq 1..20 and contiguous globalSeq', async () => {
    const { db, opts } = await freshDb('conc');
    const caseId = newId();
    const rows = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.orm.transaction((tx) => appendEntry(tx, { caseId, kind: 'EVENT', stage: 'FILING', payload: { i }, actor: 'o', recordedAt: at() })),
      ),
    );
    expect(rows.map((r) => r.caseSeq).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(rows.map((r) => r.globalSeq).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await createCheckpoint(db.orm, opts)).toMatchObject({ checkpointSeq: 1, globalSeq: 20 });
    expect(await verifyRecords(db.orm, opts)).toMatchObject({ ok: true, entriesChecked: 20 });
    expect(await verifyRecords(db.orm, { ...opts, caseId })).toMatchObject({ ok: true, entriesChecked: 20 });
  });

  it('the checkpoint timer signs new entries and stops cleanly', async () => {
    const { db, opts } = await freshDb('timer');
    await appendEntry(db.orm, { caseId: newId(), kind: 'EVENT', stage: 'FILING', payload: {}, actor: 'o', recordedAt: at() });
    const errors: unknown[] = [];
    const stop = startCheckpointTimer(db.orm, { ...opts, onError: (e) => void errors.push(e) }, 20);
    // However slow the machine: wait for the first tick's checkpoint (the bound only turns a hang into a failure).
    for (const end = performance.now() + 30_000; !readWitness(keyDir, opts.dbName) && performance.now() < end;) await new Promise((r) => setTimeout(r, 20));
    await stop();
    expect(errors).toEqual([]);
    expect(readWitness(keyDir, opts.dbName)).toMatchObject({ checkpointSeq: 1, globalSeq: 1 });
  });

  it('an explicit checkpoint beside the timer and a signer elsewhere never fails on the unique checkpoint_seq (issue 23)', async () => {
    const { db, opts } = await freshDb('race');
    const errors: unknown[] = [];
    // The service's timer as fast as it goes, as the seed's explicit checkpoint ran beside it under load.
    const stop = startCheckpointTimer(db.orm, { ...opts, onError: (e) => void errors.push(e) }, 1);
    // Another replica's signer does not share this process's queue: the same key dir spelled differently stands for it.
    const elsewhere = { ...opts, keyDir: `${keyDir}/` };
    const caseId = newId();
    try {
      for (let round = 0; round < 8; round++) {
        for (let i = 0; i < 3; i++) {
          await appendEntry(db.orm, { caseId, kind: 'EVENT', stage: 'FILING', payload: { round, i }, actor: 'o', recordedAt: at() });
        }
        const signed = await Promise.all([createCheckpoint(db.orm, opts), createCheckpoint(db.orm, elsewhere), createCheckpoint(db.orm, opts)]);
        // Each call returns either the checkpoint it signed or null: the others' signed everything already.
        for (const cp of signed) if (cp) expect(cp.globalSeq).toBeLessThanOrEqual((round + 1) * 3);
      }
    } finally {
      await stop();
    }
    expect(errors).toEqual([]);
    const [[last]] = (await db.pool.query('SELECT MAX(checkpoint_seq) AS seq, MAX(global_seq) AS g FROM record_checkpoints')) as unknown as [
      { seq: number; g: string }[],
    ];
    expect(Number(last!.g)).toBe(24);
    expect(readWitness(keyDir, opts.dbName)).toMatchObject({ checkpointSeq: Number(last!.seq), globalSeq: 24 });
    expect(await verifyRecords(db.orm, opts)).toMatchObject({ ok: true, entriesChecked: 24 });
  });
});

describe('tampering by someone with DBA rights (triggers dropped) is detected', () => {
  it('a modified byte of a payload names that entry', async () => {
    const { db, opts } = await freshDb('mod');
    await populate(db, opts);
    await dropTriggers(db);
    const victim = await entryAt(db, 5);
    await db.pool.query("UPDATE record_entries SET payload = REPLACE(payload, '5', '6') WHERE global_seq = 5");
    const r = await verifyRecords(db.orm, opts);
    expect(r.firstBad).toMatchObject({ problem: 'HASH_MISMATCH', entryId: victim.id, globalSeq: 5 });
    expect(r.firstBad!.message).toContain(victim.id);
    expect((await verifyRecords(db.orm, { ...opts, caseId: victim.caseId })).firstBad).toMatchObject({ problem: 'HASH_MISMATCH', entryId: victim.id });
    // A modified recorded_at (one millisecond) and actor likewise.
    await db.pool.query('UPDATE record_entries SET recorded_at = recorded_at + INTERVAL 1000 MICROSECOND WHERE global_seq = 2');
    expect((await verifyRecords(db.orm, opts)).firstBad).toMatchObject({ problem: 'HASH_MISMATCH', globalSeq: 2 });
  });

  it('a deleted middle entry', async () => {
    const { db, opts } = await freshDb('del');
    await populate(db, opts);
    await dropTriggers(db);
    const victim = await entryAt(db, 4);
    await db.pool.query('DELETE FROM record_entries WHERE global_seq = 4');
    expect((await verifyRecords(db.orm, opts)).firstBad).toMatchObject({ problem: 'GLOBAL_SEQ_GAP', globalSeq: 5 });
    expect((await verifyRecords(db.orm, { ...opts, caseId: victim.caseId })).ok).toBe(false);
  });

  it('two entries reordered (global_seq swapped, then payloads swapped)', async () => {
    const { db, opts } = await freshDb('reord');
    await populate(db, opts);
    await dropTriggers(db);
    await db.pool.query('UPDATE record_entries SET global_seq = -1 WHERE global_seq = 2');
    await db.pool.query('UPDATE record_entries SET global_seq = 2 WHERE global_seq = 3');
    await db.pool.query('UPDATE record_entries SET global_seq = 3 WHERE global_seq = -1');
    expect((await verifyRecords(db.orm, opts)).firstBad).toMatchObject({ problem: 'HASH_MISMATCH', globalSeq: 2 });
    await db.pool.query('UPDATE record_entries SET global_seq = -1 WHERE global_seq = 2');
    await db.pool.query('UPDATE record_entries SET global_seq = 2 WHERE global_seq = 3');
    await db.pool.query('UPDATE record_entries SET global_seq = 3 WHERE global_seq = -1');
    expect((await verifyRecords(db.orm, opts)).ok).toBe(true); // swapped back: intact again
    await db.pool.query(
      `UPDATE record_entries x JOIN record_entries y ON x.global_seq = 6 AND y.global_seq = 7
          SET x.payload = y.payload, y.payload = x.payload`,
    );
    expect((await verifyRecords(db.orm, opts)).firstBad).toMatchObject({ problem: 'HASH_MISMATCH', globalSeq: 6 });
  });

  it('a truncated tail, even with record_chain_heads rewound', async () => {
    const { db, opts } = await freshDb('trunc');
    await populate(db, opts);
    await dropTriggers(db);
    await db.pool.query('DELETE FROM record_entries WHERE global_seq > 5');
    expect((await verifyRecords(db.orm, opts)).firstBad?.problem).toBe('TRUNCATED');
    await rewindHeads(db);
    const r = await verifyRecords(db.orm, opts);
    expect(r.firstBad).toMatchObject({ problem: 'TRUNCATED', checkpointSeq: 2 });
    const caseOf1 = (await entryAt(db, 1)).caseId;
    expect((await verifyRecords(db.orm, { ...opts, caseId: caseOf1 })).firstBad?.problem).toBe('TRUNCATED');
  });

  it('a replayed old checkpoint (newer checkpoints and entries deleted, heads rewound) via the witness', async () => {
    const { db, opts } = await freshDb('replay');
    await populate(db, opts);
    await dropTriggers(db);
    await db.pool.query('DELETE FROM record_checkpoints WHERE checkpoint_seq > 1');
    await db.pool.query('DELETE FROM record_entries WHERE global_seq > 4');
    await rewindHeads(db);
    const r = await verifyRecords(db.orm, opts);
    expect(r.firstBad).toMatchObject({ problem: 'CHECKPOINT_ROLLBACK', checkpointSeq: 2 });
    // Without the witness (outside the DB) this state would be self-consistent: so a missing witness fails too.
    expect((await verifyRecords(db.orm, { ...opts, dbName: `${opts.dbName}_nowitness` })).firstBad).toMatchObject({ problem: 'WITNESS_MISSING' });
  });
});

describe('keyed entries (issue 12): SQL access alone cannot make an entry that verifies', () => {
  it('an entry INSERTed with a correctly computed plain hash fails as MAC_MISMATCH, and is never checkpointed', async () => {
    const { db, opts } = await freshDb('forge');
    const { a } = await populate(db, opts);
    const [[head]] = (await db.pool.query("SELECT seq, hash FROM record_chain_heads WHERE chain = 'GLOBAL'")) as unknown as [{ seq: string; hash: string }[]];
    const [[caseHead]] = (await db.pool.query('SELECT seq, hash FROM record_chain_heads WHERE chain = ?', [`case:${a}`])) as unknown as [
      { seq: string; hash: string }[],
    ];
    const fields = {
      id: newId(),
      caseId: a,
      caseSeq: Number(caseHead!.seq) + 1,
      globalSeq: Number(head!.seq) + 1,
      kind: 'EVENT',
      stage: 'INVESTIGATION',
      payload: canonicalJson({ eventKind: 'HEARING_WAIVED', occurredOn: '2026-12-01' }),
      actor: 'officer-0',
      recordedAt: '2026-12-01T02:00:00.000Z',
      prevCaseHash: caseHead!.hash,
      prevGlobalHash: head!.hash,
    };
    const hash = entryHash(fields);
    await db.pool.query(
      `INSERT INTO record_entries (id, case_id, case_seq, global_seq, kind, stage, payload, actor, recorded_at, prev_case_hash, prev_global_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        fields.id,
        a,
        fields.caseSeq,
        fields.globalSeq,
        fields.kind,
        fields.stage,
        fields.payload,
        fields.actor,
        new Date(fields.recordedAt),
        fields.prevCaseHash,
        fields.prevGlobalHash,
        hash,
      ],
    );
    await db.pool.query("UPDATE record_chain_heads SET seq = ?, hash = ? WHERE chain = 'GLOBAL'", [fields.globalSeq, hash]);
    await db.pool.query('UPDATE record_chain_heads SET seq = ?, hash = ? WHERE chain = ?', [fields.caseSeq, hash, `case:${a}`]);
    const r = await verifyRecords(db.orm, opts);
    expect(r.firstBad).toMatchObject({ problem: 'MAC_MISMATCH', entryId: fields.id, globalSeq: 9 });
    expect(r.firstBad!.message).toBe(`记录 ${fields.id}（案件 ${a} 第 5 条，全局第 9 条）没有密钥认证码：记录不是由本系统写入（伪造）`);
    expect((await verifyRecords(db.orm, { ...opts, caseId: a })).firstBad?.problem).toBe('MAC_MISMATCH');
    await expect(createCheckpoint(db.orm, opts)).rejects.toThrow(/拒绝签名检查点/);
  });
});

describe('entries after the last checkpoint (the ≤ 1 s unsigned tail)', () => {
  it('rows deleted after the last checkpoint: the keyed heads show it; heads moved back by SQL do not verify', async () => {
    const { db, opts } = await freshDb('tail');
    await populate(db, opts); // checkpoint #2 covers 8 entries
    const caseId = newId();
    for (let i = 0; i < 2; i++) await appendEntry(db.orm, { caseId, kind: 'EVENT', stage: 'FILING', payload: { i }, actor: 'o', recordedAt: at() });
    await dropTriggers(db);
    await db.pool.query('DELETE FROM record_entries WHERE global_seq > 8');
    const r = await verifyRecords(db.orm, opts);
    expect(r.firstBad).toMatchObject({ problem: 'TRUNCATED', globalSeq: 10 });
    expect(r.firstBad!.message).toBe('全局链头指向第 10 条，数据库只剩 8 条：末尾记录被删除');
    // Moving the heads back by SQL (no key): their MACs no longer verify.
    await db.pool.query("UPDATE record_chain_heads SET seq = 8, hash = (SELECT hash FROM record_entries WHERE global_seq = 8) WHERE chain = 'GLOBAL'");
    expect((await verifyRecords(db.orm, opts)).firstBad).toMatchObject({ problem: 'HEAD_MAC_MISMATCH' });
  });
});
