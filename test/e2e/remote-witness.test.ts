import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withServerConnection } from '../../kernel/db.js';
import { checkRemoteWitness, fetchHead, reanchorMessage } from '../../kernel/records/remote-witness.js';
import { witnessPath } from '../../kernel/records/signing.js';
import { startWitnessServer, type WitnessServer } from '../../kernel/records/witness-server.js';
import { verifyPowersRecords } from '../../subgraphs/powers/integrity/verify.js';
import { BUREAU, gqlOk } from '../helpers/scenarios.js';
import { startTestSystem, type TestSystem } from '../helpers/system.js';

// Issue 25: a rollback the restorer cannot hide. The powers database AND every local file (the local witness file
// beside the keys) are restored together to an earlier moment: the log verifies locally, but the off-host witness
// (its own process and storage in production; here its own server and directory) still holds the later head.

let sys: TestSystem;
let witness: WitnessServer;
const approver = generateKeyPairSync('ed25519');
const dbName = () => sys.config.databaseName('powers');
const root = (q: string, params: unknown[] = []) =>
  withServerConnection(sys.config.databaseUrl, async (c) => {
    await c.query(`USE \`${dbName()}\``);
    return c.query(q, params);
  });
async function until<T>(what: string, f: () => Promise<T | null | undefined | false>): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const v = await f();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
  witness = await startWitnessServer({ dir: mkdtempSync(join(tmpdir(), 'sanxiang-witness-')), approverKey: approver.publicKey });
  process.env.WITNESS_URL = witness.url;
  sys = await startTestSystem({ today: '2026-11-20' });
}, 120_000);
afterAll(async () => {
  delete process.env.WITNESS_URL;
  await sys?.stop();
  await witness?.close();
});

describe('the off-host witness (issue 25)', () => {
  it('detects the database restored together with every local file; the witness refuses to move back; re-anchoring needs the key holder', async () => {
    // The backup: the log as it stands once the seeded facts are checkpointed and witnessed remotely.
    const first = await until('first remote head', () => fetchHead(witness.url, dbName()));
    const [[row]] = (await root('SELECT MAX(checkpoint_seq) AS s, MAX(global_seq) AS g FROM record_checkpoints')) as unknown as [{ s: number; g: number }[]];
    const cp = { s: Number(row!.s), g: Number(row!.g) };
    await until('local checkpoint witnessed', async () => (await fetchHead(witness.url, dbName()))!.checkpointSeq >= cp.s);
    const [heads] = (await root('SELECT * FROM record_chain_heads')) as unknown as [Record<string, unknown>[]];
    const localWitness = readFileSync(witnessPath(sys.config.keyDir, dbName()), 'utf8');
    expect(first.checkpointSeq).toBeGreaterThan(0);

    // Later facts: a new officer's credential is logged, checkpointed, and the witness moves on.
    const admin = await sys.token('ADMIN', null, 'admin-zhao');
    const officer = await gqlOk(
      sys,
      `mutation($input: CreateOfficerInput!) { createOfficer(input: $input) { id } }`,
      {
        input: {
          agencyId: sys.agencyId(BUREAU),
          name: '回滚测试',
          credentialNumber: '65010999999',
          validFrom: '2026-01-01',
          validUntil: '2030-12-31',
          enforcementAreas: ['城市管理综合执法'],
        },
      },
      admin,
    );
    const later = await until('later remote head', async () => {
      const h = await fetchHead(witness.url, dbName());
      return h && h.checkpointSeq > cp.s ? h : null;
    });

    // The restore: database and local witness file together, as they were at the backup. A restore recreates the
    // tables (the append-only triggers come back with the dump); here the DBA lifts them to cut the log back.
    await root('DROP TRIGGER record_entries_no_delete');
    await root('DROP TRIGGER record_checkpoints_no_delete');
    await root('DELETE FROM record_entries WHERE global_seq > ?', [cp.g]);
    await root('DELETE FROM record_checkpoints WHERE checkpoint_seq > ?', [cp.s]);
    for (const t of ['record_entries', 'record_checkpoints']) {
      await root(
        `CREATE TRIGGER \`${t}_no_delete\` BEFORE DELETE ON \`${t}\` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${t} is append-only (issue 25)'`,
      );
    }
    await root('DELETE FROM record_chain_heads');
    for (const h of heads) await root('INSERT INTO record_chain_heads SET ?', [h]);
    await root('DELETE FROM credential_status_changes WHERE officer_id = ?', [officer.id]);
    await root('DELETE FROM officers WHERE id = ?', [officer.id]);
    writeFileSync(witnessPath(sys.config.keyDir, dbName()), localWitness);

    // Locally everything agrees: this restore is exactly what a file-beside-the-keys witness cannot see.
    const local = await verifyPowersRecords(sys.powersDb.orm, { keyDir: sys.config.keyDir, dbName: dbName() });
    expect(local.ok, JSON.stringify(local.firstBad)).toBe(true);
    // The off-host witness holds the later head: ROLLBACK.
    const verdict = await checkRemoteWitness(sys.powersDb.orm, dbName(), witness.url);
    expect(verdict).toMatchObject({ ok: false, problem: 'ROLLBACK' });

    // Append-only: the restored (older) head is refused, and so is a re-anchoring without the key holder's approval.
    const old = { checkpointSeq: cp.s, globalSeq: cp.g, headHash: first.headHash };
    const back = await fetch(`${witness.url}/heads/${dbName()}`, { method: 'POST', body: JSON.stringify(old) });
    expect(back.status).toBe(409);
    const [[restored]] = (await root('SELECT head_hash AS h FROM record_checkpoints WHERE checkpoint_seq = ?', [cp.s])) as unknown as [{ h: string }[]];
    const head = { checkpointSeq: cp.s, globalSeq: cp.g, headHash: restored!.h };
    const reason = '经批准恢复备份（测试）';
    const unapproved = await fetch(`${witness.url}/reanchor/${dbName()}`, {
      method: 'POST',
      body: JSON.stringify({ ...head, reason, approval: Buffer.from('x').toString('base64') }),
    });
    expect(unapproved.status).toBe(403);
    expect((await fetchHead(witness.url, dbName()))!.checkpointSeq).toBe(later.checkpointSeq);
    const approval = sign(null, Buffer.from(reanchorMessage(dbName(), head, reason), 'utf8'), approver.privateKey).toString('base64');
    const approved = await fetch(`${witness.url}/reanchor/${dbName()}`, { method: 'POST', body: JSON.stringify({ ...head, reason, approval }) });
    expect(approved.status).toBe(200);
    expect(await checkRemoteWitness(sys.powersDb.orm, dbName(), witness.url)).toMatchObject({ ok: true });
  });
});
