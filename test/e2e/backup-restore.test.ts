import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../kernel/config.js';
import { dropDatabase, withServerConnection } from '../../kernel/db.js';
import { OPERATIONS_STREAM, REANCHOR_KIND, ReanchorRefused } from '../../kernel/records/reanchor.js';
import { fetchHead } from '../../kernel/records/remote-witness.js';
import { readWitness } from '../../kernel/records/signing.js';
import { startWitnessServer, type WitnessServer } from '../../kernel/records/witness-server.js';
import { readManifest, restore } from '../../scripts/ops/backup.js';
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
let witness: WitnessServer;
let stopped = false;
const work = mkdtempSync(join(tmpdir(), 'sanxiang-backup-'));
const dir = join(work, 'backup');
const approver = generateKeyPairSync('ed25519');
const configFor = (prefix: string): Config => ({ ...loadConfig({ ...process.env, DB_PREFIX: prefix }), clock: sys.config.clock });
let drill: Config;

/** One of the project's commands (scripts/<script>.ts, what `npm run <script>` runs) on the given prefix: exit code and output. */
function cli(script: string, prefix: string, args: string[] = [], env: Record<string, string> = {}): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(
      'npx',
      ['tsx', `scripts/${script}.ts`, ...args],
      { env: { ...process.env, DB_PREFIX: prefix, WITNESS_URL: witness.url, ...env } },
      (err, stdout, stderr) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` }),
    );
  });
}
const verifyRecordsCli = (prefix: string) => cli('verify-records', prefix);

async function until<T>(what: string, f: () => Promise<T | null | undefined | false> | T | null | undefined | false): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const v = await f();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The latest checkpoint of a database (what a re-anchoring anchors to). */
const approvalHead = async (db: string) => {
  const [rows] = await withServerConnection(sys.config.databaseUrl, (c) =>
    c.query(`SELECT checkpoint_seq AS checkpointSeq, global_seq AS globalSeq FROM \`${db}\`.record_checkpoints ORDER BY checkpoint_seq DESC LIMIT 1`),
  );
  return (rows as { checkpointSeq: number; globalSeq: number }[])[0];
};

const dropPrefix = async (config: Config) => {
  for (const s of ['powers', 'cases', 'reviews', 'inspections'] as const) await dropDatabase(config.databaseUrl, config.databaseName(s));
};

beforeAll(async () => {
  // The off-host witness too (its own server and directory): the services post their heads to it.
  witness = await startWitnessServer({ dir: join(work, 'witness'), approverKey: approver.publicKey });
  process.env.WITNESS_URL = witness.url;
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
  delete process.env.WITNESS_URL;
  await witness?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('backup and restore (issue 29)', () => {
  it('backs up every database with checksums, the public keys and the witnesses; a changed file refuses the restore', async () => {
    const made = await cli('backup', sys.prefix, [dir]);
    expect(made.code, made.out).toBe(0);
    expect(made.out).toContain('备份完成');
    const m = readManifest(dir);
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
    const restored = await cli('restore', sys.prefix, [dir, '--prefix', drill.dbPrefix]);
    expect(restored.code, restored.out).toBe(0);
    for (const log of RECORD_LOGS) expect(restored.out).toContain(`${drill.databaseName(log.service)}: 见证 ANCHORED`);
    for (const log of RECORD_LOGS)
      expect(readWitness(sys.config.keyDir, drill.databaseName(log.service))).toEqual(readWitness(sys.config.keyDir, sys.config.databaseName(log.service)));
    const count = (db: string) =>
      withServerConnection(sys.config.databaseUrl, async (c) =>
        Number(((await c.query(`SELECT COUNT(*) AS n FROM \`${db}\`.record_entries`))[0] as { n: number }[])[0]!.n),
      );
    for (const log of RECORD_LOGS) expect(await count(drill.databaseName(log.service))).toBe(await count(sys.config.databaseName(log.service)));
    const verified = await verifyRecordsCli(drill.dbPrefix);
    expect(verified.out).toContain('记录完整');
    expect(verified.code, verified.out).toBe(0);
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

    const restoredCli = await cli('restore', sys.prefix, [dir]);
    expect(restoredCli.code, restoredCli.out).toBe(3);
    expect(restoredCli.out).toContain(`${powersDb}: 见证 ROLLBACK`);
    expect(restoredCli.out).toContain('CHECKPOINT_ROLLBACK');
    expect(restoredCli.out).toContain('npm run restore -- approve');
    const witnessAfter = readWitness(sys.config.keyDir, powersDb)!;
    expect(witnessAfter.checkpointSeq).toBeGreaterThan(before.checkpointSeq); // never moved back
    const powers = { head: (await approvalHead(powersDb))! };
    const refused = await verifyRecordsCli(sys.prefix);
    expect(refused.code, refused.out).toBe(1);
    expect(refused.out).toContain('CHECKPOINT_ROLLBACK');
    expect(refused.out).toContain('记录被回滚 (records rolled back)'); // the off-host witness says so too

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

    // The key holder signs (npm run restore -- approve), the operator applies it (npm run restore -- reanchor).
    const approverPem = join(work, 'approver.ed25519.pem');
    const approverPub = join(work, 'approver.pub.pem');
    writeFileSync(approverPem, approver.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), { mode: 0o600 });
    writeFileSync(approverPub, approver.publicKey.export({ type: 'spki', format: 'pem' }).toString());
    const approvalsFile = join(work, 'approvals.json');
    const approve = await cli('restore', sys.prefix, ['approve', '--reason', reason, '--approver-key', approverPem, '--out', approvalsFile]);
    expect(approve.code, approve.out).toBe(0);
    const applied = await cli('restore', sys.prefix, ['reanchor', '--approvals', approvalsFile, '--actor', 'ops-test'], {
      WITNESS_APPROVER_PUBLIC_KEY_FILE: approverPub,
    });
    expect(applied.code, applied.out).toBe(0);
    expect(applied.out).toContain(`已重新锚定 (re-anchored) ${powersDb}: 见证 #${witnessAfter.checkpointSeq} → 检查点 #${powers.head.checkpointSeq}`);
    expect(applied.out).toContain('record witness re-anchored with the key holder approval'); // the warn log line
    for (const other of ['cases', 'reviews'] as const) expect(applied.out).toContain(`${sys.config.databaseName(other)}: 记录完整，无需重新锚定`);
    const anchored = { previous: witnessAfter };
    const ok = await verifyRecordsCli(sys.prefix);
    expect(ok.code, ok.out).toBe(0);
    // The off-host witness took the approved re-anchoring (its REANCHOR line) and then the checkpoint covering the entry.
    expect((await fetchHead(witness.url, powersDb))!.checkpointSeq).toBe(powers.head.checkpointSeq + 1);

    // The re-anchoring is in the record, covered by a signed checkpoint the witness now holds.
    const [rows] = await withServerConnection(sys.config.databaseUrl, (c) =>
      c.query(`SELECT case_id AS stream, kind, actor, payload, global_seq AS seq FROM \`${powersDb}\`.record_entries WHERE kind = ?`, [REANCHOR_KIND]),
    );
    const entries = rows as { stream: string; kind: string; actor: string; payload: string; seq: number }[];
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ stream: OPERATIONS_STREAM, actor: 'ops-test' });
    expect(JSON.parse(entries[0]!.payload)).toMatchObject({
      reason,
      anchoredTo: { checkpointSeq: powers.head.checkpointSeq },
      replacedWitness: { checkpointSeq: anchored.previous!.checkpointSeq },
    });
    expect(readWitness(sys.config.keyDir, powersDb)!.globalSeq).toBe(Number(entries[0]!.seq));
  });
});
