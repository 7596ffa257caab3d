import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../kernel/config.js';
import { dropDatabase, withServerConnection } from '../../kernel/db.js';
import { OPERATIONS_STREAM, REANCHOR_KIND, ReanchorRefused } from '../../kernel/records/reanchor.js';
import { readWitness } from '../../kernel/records/signing.js';
import { backup, readManifest, restore } from '../../scripts/ops/backup.js';
import { approvalRequests, reanchorPrefix, signApprovals } from '../../scripts/ops/reanchor.js';
import { RECORD_LOGS } from '../../scripts/ops/record-logs.js';
import { BUREAU, gqlOk, notifiedBureauCase } from '../helpers/scenarios.js';
import { startTestSystem, type TestSystem } from '../helpers/system.js';

// Issue 29: a backup restores, and a restore is never silently a rollback. The system is seeded and a case goes
// through filing, review and notification (entries in the cases, reviews and powers logs); `npm run backup` takes
// everything; the drill restores into fresh databases and `npm run verify-records` passes there. Then the witness
// moves on, the live databases are lost, and the backup is restored in their place: older than the witness, which
// reports it as the rollback it is until the key holder approves the re-anchoring, which the log then records.

let sys: TestSystem;
let stopped = false;
const work = mkdtempSync(join(tmpdir(), 'sanxiang-backup-'));
const dir = join(work, 'backup');
const approver = generateKeyPairSync('ed25519');
const configFor = (prefix: string): Config => ({ ...loadConfig({ ...process.env, DB_PREFIX: prefix }), clock: sys.config.clock });
let drill: Config;

/** `npm run verify-records` itself, on the given prefix: its exit code and output. */
function verifyRecordsCli(prefix: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'scripts/verify-records.ts'], { env: { ...process.env, DB_PREFIX: prefix, WITNESS_URL: '' } }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` }),
    );
  });
}

async function until<T>(what: string, f: () => Promise<T | null | undefined | false> | T | null | undefined | false): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const v = await f();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const dropPrefix = async (config: Config) => {
  for (const s of ['powers', 'cases', 'reviews', 'inspections'] as const) await dropDatabase(config.databaseUrl, config.databaseName(s));
};

beforeAll(async () => {
  sys = await startTestSystem({ today: '2026-11-20' });
  drill = configFor(`${sys.prefix}_r`);
  await notifiedBureauCase(sys);
  // Every log that has entries checkpointed and witnessed up to its last entry before the backup.
  for (const log of RECORD_LOGS) {
    const db = sys.config.databaseName(log.service);
    const [rows] = await withServerConnection(sys.config.databaseUrl, (c) => c.query(`SELECT COALESCE(MAX(global_seq), 0) AS n FROM \`${db}\`.record_entries`));
    const last = Number((rows as { n: number }[])[0]!.n);
    if (last > 0) await until(`${log.service} witness`, () => (readWitness(sys.config.keyDir, db)?.globalSeq ?? 0) >= last);
  }
}, 300_000);

afterAll(async () => {
  if (!stopped) await sys?.stop();
  else await dropPrefix(sys.config);
  if (drill) await dropPrefix(drill);
  rmSync(work, { recursive: true, force: true });
});

describe('backup and restore (issue 29)', () => {
  it('backs up every database with checksums, the public keys and the witnesses; a changed file refuses the restore', async () => {
    const m = await backup(sys.config, dir);
    expect(m.databases.map((d) => d.service).sort()).toEqual(['cases', 'inspections', 'powers', 'reviews']);
    for (const d of m.databases) expect(m.files[d.file]!.bytes).toBeGreaterThan(1000);
    expect(Object.keys(m.files).filter((f) => f.startsWith('keys/')).length).toBeGreaterThanOrEqual(3);
    expect(Object.keys(m.files).some((f) => /secret|mac-keys|\.ed25519\.pem$/.test(f))).toBe(false);
    for (const service of ['cases', 'powers']) expect(m.logs.find((l) => l.service === service)?.witness?.checkpointSeq, service).toBeGreaterThan(0);
    expect(readManifest(dir).sourcePrefix).toBe(sys.prefix);

    const bad = join(work, 'bad');
    cpSync(dir, bad, { recursive: true });
    writeFileSync(join(bad, 'db', 'cases.sql'), '-- emptied\n');
    expect(() => readManifest(bad)).toThrow(/校验和不符/);
  });

  it('the drill: restores into fresh databases of another prefix, and npm run verify-records passes there', async () => {
    const report = await restore(drill, dir, `${sys.prefix}_r`);
    for (const l of report.logs) {
      expect(l.outcome, l.dbName).toBe('ANCHORED');
      expect(l.verify.ok, JSON.stringify(l.verify.firstBad)).toBe(true);
      if (l.service !== 'reviews') expect(l.verify.entriesChecked, l.dbName).toBeGreaterThan(0);
    }
    const count = (db: string) =>
      withServerConnection(sys.config.databaseUrl, async (c) =>
        Number(((await c.query(`SELECT COUNT(*) AS n FROM \`${db}\`.record_entries`))[0] as { n: number }[])[0]!.n),
      );
    for (const log of RECORD_LOGS) expect(await count(drill.databaseName(log.service))).toBe(await count(sys.config.databaseName(log.service)));
    const cli = await verifyRecordsCli(drill.dbPrefix);
    expect(cli.out).toContain('记录完整');
    expect(cli.code, cli.out).toBe(0);
    // A restore never writes into databases that hold tables.
    await expect(restore(drill, dir, drill.dbPrefix)).rejects.toThrow(/已有数据表/);
  });

  it('a restore older than the witness is a rollback until the key holder approves the re-anchoring, which the log records', async () => {
    const powersDb = sys.config.databaseName('powers');
    const before = readWitness(sys.config.keyDir, powersDb)!;
    // After the backup: a new officer's credential is logged, checkpointed and witnessed.
    const admin = await sys.token('ADMIN', null, 'admin-zhao');
    await gqlOk(
      sys,
      `mutation($input: CreateOfficerInput!) { createOfficer(input: $input) { id } }`,
      {
        input: {
          agencyId: sys.agencyId(BUREAU),
          name: '恢复演练',
          credentialNumber: '65010888888',
          validFrom: '2026-01-01',
          validUntil: '2030-12-31',
          enforcementAreas: ['城市管理综合执法'],
        },
      },
      admin,
    );
    await until('the witness moves on', () => readWitness(sys.config.keyDir, powersDb)!.checkpointSeq > before.checkpointSeq);
    // The live databases are lost (stop drops them); the witness files stay where they are, beside the keys.
    await sys.stop();
    stopped = true;

    const report = await restore(sys.config, dir, sys.prefix);
    const powers = report.logs.find((l) => l.service === 'powers')!;
    expect(powers.outcome).toBe('ROLLBACK');
    expect(powers.verify.firstBad?.problem).toBe('CHECKPOINT_ROLLBACK');
    expect(readWitness(sys.config.keyDir, powersDb)!.checkpointSeq).toBeGreaterThan(powers.head!.checkpointSeq); // never moved back
    const refused = await verifyRecordsCli(sys.prefix);
    expect(refused.code, refused.out).toBe(1);
    expect(refused.out).toContain('CHECKPOINT_ROLLBACK');

    const reason = '机房故障，经批准恢复 2026-11-20 备份（演练）';
    const requests = await approvalRequests(sys.config, reason);
    // Without an approver key, with someone else's signature, or with the key holder's signature over another reason: refused.
    const base = { reason, actor: 'ops-test' };
    await expect(reanchorPrefix(sys.config, { ...base, approvals: signApprovals(requests, approver.privateKey), approverKey: null })).rejects.toThrow(
      ReanchorRefused,
    );
    const intruder = generateKeyPairSync('ed25519');
    await expect(
      reanchorPrefix(sys.config, { ...base, approvals: signApprovals(requests, intruder.privateKey), approverKey: approver.publicKey }),
    ).rejects.toThrow(/批准签名无效/);
    const otherReason = signApprovals(await approvalRequests(sys.config, '别的理由'), approver.privateKey);
    await expect(reanchorPrefix(sys.config, { ...base, approvals: otherReason, approverKey: approver.publicKey })).rejects.toThrow(/批准签名无效/);
    expect((await verifyRecordsCli(sys.prefix)).code).toBe(1);

    const done = await reanchorPrefix(sys.config, { ...base, approvals: signApprovals(requests, approver.privateKey), approverKey: approver.publicKey });
    const anchored = done.find((d) => d.service === 'powers')!.result!;
    expect(anchored.anchoredTo.checkpointSeq).toBe(powers.head!.checkpointSeq);
    expect(anchored.previous!.checkpointSeq).toBeGreaterThan(anchored.anchoredTo.checkpointSeq);
    expect(done.filter((d) => d.result).map((d) => d.service)).toEqual(['powers']); // the others were intact
    const ok = await verifyRecordsCli(sys.prefix);
    expect(ok.code, ok.out).toBe(0);

    // The re-anchoring is in the record, covered by a signed checkpoint the witness now holds.
    const [rows] = await withServerConnection(sys.config.databaseUrl, (c) =>
      c.query(`SELECT case_id AS stream, kind, actor, payload, global_seq AS seq FROM \`${powersDb}\`.record_entries WHERE kind = ?`, [REANCHOR_KIND]),
    );
    const entries = rows as { stream: string; kind: string; actor: string; payload: string; seq: number }[];
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ stream: OPERATIONS_STREAM, actor: 'ops-test' });
    expect(JSON.parse(entries[0]!.payload)).toMatchObject({
      reason,
      anchoredTo: { checkpointSeq: powers.head!.checkpointSeq },
      replacedWitness: { checkpointSeq: anchored.previous!.checkpointSeq },
    });
    expect(readWitness(sys.config.keyDir, powersDb)!.globalSeq).toBe(Number(entries[0]!.seq));
  });
});
