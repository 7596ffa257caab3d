import { unlinkSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, entryHash } from '../../kernel/records/chain.js';
import { verifyRecords } from '../../subgraphs/cases/records/log.js';
import { witnessPath } from '../../kernel/records/signing.js';
import { newId } from '../../kernel/ids.js';
import { withServerConnection } from '../../kernel/db.js';
import { allPass, gqlOk, notifiedBureauCase } from '../helpers/scenarios.js';
import { startTestSystem, type TestSystem } from '../helpers/system.js';

// Issue 12: integrity that does not trust the database. Someone with SQL access (root here: a DBA, a restored
// backup, a compromised admin account) edits rows; each kind is refused by decideCase and/or caught by the verifier.

const TODAY = '2026-11-20';
const BUREAU = 'midong-cgj';
const DECIDE = `mutation($input: DecideCaseInput!) { decideCase(input: $input) { id state version } }`;
const SUBMIT = `mutation($input: SubmitForReviewInput!) { submitForReview(input: $input) { id version } }`;
const OPINION = `mutation($id: ID!, $input: ReviewOpinionInput!) { recordReviewOpinion(reviewId: $id, input: $input) { id status } }`;
type Err = { errors?: { message: string; extensions?: Record<string, unknown> }[] };
const err = (r: Err) => r.errors?.[0] ?? { message: '', extensions: {} };

async function system() {
  return startTestSystem({ today: TODAY });
}

const keyOpts = (sys: TestSystem) => ({ keyDir: sys.config.keyDir, dbName: sys.config.databaseName('cases') });
/** As the cases service account (what a compromised application account can do). */
const sqlExec = (sys: TestSystem, q: string, params: unknown[] = []) => sys.casesDb.pool.query(q, params);
/** As the bootstrap (root) account: a DBA or anyone holding it. */
const rootExec = (sys: TestSystem, q: string) =>
  withServerConnection(sys.config.databaseUrl, async (c) => {
    await c.query(`USE \`${sys.config.databaseName('cases')}\``);
    return c.query(q);
  });
const caseRow = async (sys: TestSystem, id: string) =>
  ((await sqlExec(sys, 'SELECT state, version FROM cases WHERE id = ?', [id]))[0] as { state: string; version: number }[])[0]!;
/** Wait until the signer (every second) has covered every entry, so a test starts from a fully checkpointed log. */
async function checkpointed(sys: TestSystem) {
  for (let i = 0; i < 60; i++) {
    const [rows] = await sqlExec(
      sys,
      "SELECT (SELECT seq FROM record_chain_heads WHERE chain = 'GLOBAL') AS head, (SELECT MAX(global_seq) FROM record_checkpoints) AS cp",
    );
    const r = (rows as { head: string | null; cp: string | null }[])[0]!;
    if (r.head !== null && r.head === r.cp) return;
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error('checkpoint timer did not catch up');
}
const decide = async (sys: TestSystem, c: { id: string; proposal: { id: string } }, principal: string) =>
  sys.gql(DECIDE, { input: { caseId: c.id, proposalId: c.proposal.id, version: (await caseRow(sys, c.id)).version, partyPresent: true } }, principal);

/** A bureau case whose 5,000-yuan proposal was reviewed and APPROVED by reviewer-zhang: ready to decide. */
async function approvedCase(sys: TestSystem) {
  const c = await notifiedBureauCase(sys);
  const review = await gqlOk(
    sys,
    SUBMIT,
    {
      input: {
        caseId: c.id,
        proposalId: c.proposal.id,
        materials: ['立案审批表', '现场检查笔录', '音像记录', '行政处罚告知书'],
        handlerStatement: '承办机构对送审材料的真实性、准确性、完整性负责。',
        reviewerId: sys.officerId('reviewer-zhang'),
      },
    },
    c.tok,
  );
  await gqlOk(
    sys,
    OPINION,
    { id: review.id, input: { version: review.version, findings: allPass(), conclusion: 'APPROVED', opinion: '同意' } },
    await sys.token('REVIEWER', BUREAU, 'reviewer-zhang'),
  );
  return c;
}

/** What an attacker who knows the algorithm (but not the key) appends: correct plain hash, chained, heads moved. */
async function forgeEntry(sys: TestSystem, caseId: string, kind: string, payload: unknown) {
  const head = async (chain: string) =>
    ((await sqlExec(sys, 'SELECT seq, hash FROM record_chain_heads WHERE chain = ?', [chain]))[0] as { seq: string; hash: string }[])[0]!;
  const g = await head('GLOBAL');
  const c = await head(`case:${caseId}`);
  const fields = {
    id: newId(),
    caseId,
    caseSeq: Number(c.seq) + 1,
    globalSeq: Number(g.seq) + 1,
    kind,
    stage: 'INVESTIGATION',
    payload: canonicalJson(payload),
    actor: 'officer-forged',
    recordedAt: new Date().toISOString(),
    prevCaseHash: c.hash,
    prevGlobalHash: g.hash,
  };
  const hash = entryHash(fields);
  await sqlExec(
    sys,
    `INSERT INTO record_entries (id, case_id, case_seq, global_seq, kind, stage, payload, actor, recorded_at, prev_case_hash, prev_global_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [fields.id, caseId, fields.caseSeq, fields.globalSeq, kind, fields.stage, fields.payload, fields.actor, new Date(fields.recordedAt), c.hash, g.hash, hash],
  );
  await sqlExec(sys, "UPDATE record_chain_heads SET seq = ?, hash = ? WHERE chain = 'GLOBAL'", [fields.globalSeq, hash]);
  await sqlExec(sys, 'UPDATE record_chain_heads SET seq = ?, hash = ? WHERE chain = ?', [fields.caseSeq, hash, `case:${caseId}`]);
  return fields.id;
}

describe('edited rows outside the log: proposal and case row', () => {
  let sys: TestSystem;
  let principal: string;
  beforeAll(async () => {
    sys = await system();
    principal = await sys.token('PRINCIPAL', BUREAU, 'principal-wang');
  });
  afterAll(() => sys?.stop());

  it('an approved proposal whose fine is edited from 5,000 to 20,000 yuan is refused (REVIEW_REQUIRED naming the content) and alarmed', async () => {
    const c = await approvedCase(sys);
    await sqlExec(sys, "UPDATE decision_proposals SET content = JSON_SET(content, '$.fineAmount', '20000'), fine_amount = '20000' WHERE id = ?", [
      c.proposal.id,
    ]);
    const r = await decide(sys, c, principal);
    expect(err(r).extensions).toMatchObject({ code: 'REVIEW_REQUIRED', proposalId: c.proposal.id, integrity: ['contentHash', 'content'] });
    expect(err(r).message).toContain(`决定建议 ${c.proposal.id} 的内容与其存储的内容哈希不符（内容被修改）`);
    expect(err(r).message).toContain('与记录日志中登记的内容不符');
    expect((await caseRow(sys, c.id)).state).toBe('UNDER_REVIEW'); // nothing decided, nothing published
    const [pubs] = await sqlExec(sys, 'SELECT COUNT(*) AS n FROM publications WHERE case_id = ?', [c.id]);
    expect(Number((pubs as { n: number }[])[0]!.n)).toBe(0);
    const alarm = sys.logLines.find((l) => (l.integrityAlarm as { caseId?: string } | undefined)?.caseId === c.id);
    expect(alarm).toMatchObject({ level: 50, integrityAlarm: { kind: 'PROPOSAL', problem: 'contentHash' } });
    // The edited content with a recomputed content_hash too: still not what the log registered (or what was reviewed).
    const [[row]] = (await sqlExec(sys, 'SELECT content FROM decision_proposals WHERE id = ?', [c.proposal.id])) as unknown as [{ content: string }[]];
    const { proposalHash } = await import('../../subgraphs/cases/domain/rules.js');
    await sqlExec(sys, 'UPDATE decision_proposals SET content_hash = ? WHERE id = ?', [proposalHash(c.id, JSON.parse(row!.content)), c.proposal.id]);
    const again = await decide(sys, c, principal);
    expect(err(again).extensions).toMatchObject({ code: 'REVIEW_REQUIRED', integrity: ['content'] });
  });

  it('review_required flipped to 0 on a catalog-listed proposal is refused naming reviewRequired', async () => {
    const c = await notifiedBureauCase(sys);
    expect(c.proposal.reviewRequired).toBe(true);
    await sqlExec(sys, 'UPDATE decision_proposals SET review_required = 0 WHERE id = ?', [c.proposal.id]);
    const r = await decide(sys, c, principal);
    expect(err(r).extensions).toMatchObject({ code: 'REVIEW_REQUIRED', integrity: ['reviewRequired'] });
    expect(err(r).message).toContain('的“是否须法制审核”（否）与记录日志登记的（是）不符');
    expect((await caseRow(sys, c.id)).state).toBe('NOTIFIED');
  });

  it("a publication status edited by SQL (pending → published without the legal staff's act) is named by the verifier as publication.status", async () => {
    const c = await approvedCase(sys);
    expect((await decide(sys, c, principal)).errors).toBeUndefined();
    const [[pub]] = (await sqlExec(sys, 'SELECT id, status FROM publications WHERE case_id = ?', [c.id])) as unknown as [{ id: string; status: string }[]];
    expect((await verifyRecords(sys.casesDb.orm, { ...keyOpts(sys), caseId: c.id })).ok).toBe(true);
    const forged = pub!.status === 'PUBLISHED' ? 'WITHDRAWN' : 'PUBLISHED';
    await sqlExec(sys, 'UPDATE publications SET status = ? WHERE id = ?', [forged, pub!.id]);
    const one = await verifyRecords(sys.casesDb.orm, { ...keyOpts(sys), caseId: c.id });
    expect(one.ok).toBe(false);
    expect(one.firstBad).toMatchObject({ problem: 'PROJECTION_MISMATCH', caseId: c.id, field: 'publication.status' });
    expect(one.firstBad!.message).toBe(`案件 ${c.id} 的公示 ${pub!.id} 的公示状态（${forged}）与经认证的记录日志（${pub!.status}）不符：公示数据被直接修改`);
    const all = await verifyRecords(sys.casesDb.orm, keyOpts(sys));
    expect(all.firstBad).toMatchObject({ problem: 'PROJECTION_MISMATCH', caseId: c.id, field: 'publication.status' });
    // Put back, the case verifies again (and later tests in this block start from a consistent log).
    await sqlExec(sys, 'UPDATE publications SET status = ? WHERE id = ?', [pub!.status, pub!.id]);
    expect((await verifyRecords(sys.casesDb.orm, { ...keyOpts(sys), caseId: c.id })).ok).toBe(true);

    // The decided proposal edited after the decision: named against the DECISION entry's content hash.
    const [[before]] = (await sqlExec(sys, 'SELECT content, content_hash AS h FROM decision_proposals WHERE id = ?', [c.proposal.id])) as unknown as [
      { content: string; h: string }[],
    ];
    await sqlExec(sys, "UPDATE decision_proposals SET content = JSON_SET(content, '$.fineAmount', '500') WHERE id = ?", [c.proposal.id]);
    expect((await verifyRecords(sys.casesDb.orm, { ...keyOpts(sys), caseId: c.id })).firstBad).toMatchObject({
      problem: 'PROJECTION_MISMATCH',
      field: 'decision.content',
    });
    await sqlExec(sys, 'UPDATE decision_proposals SET content_hash = ? WHERE id = ?', ['0'.repeat(64), c.proposal.id]);
    expect((await verifyRecords(sys.casesDb.orm, { ...keyOpts(sys), caseId: c.id })).firstBad).toMatchObject({ field: 'decision.contentHash' });
    await sqlExec(sys, 'UPDATE decision_proposals SET content = ?, content_hash = ? WHERE id = ?', [before!.content, before!.h, c.proposal.id]);
    expect((await verifyRecords(sys.casesDb.orm, { ...keyOpts(sys), caseId: c.id })).ok).toBe(true);
  });

  it('a case row edited (party swapped) is refused by decideCase; an edited decision date is named by the verifier', async () => {
    const c = await approvedCase(sys);
    const [[other]] = (await sqlExec(sys, 'SELECT id FROM parties WHERE id <> (SELECT party_id FROM cases WHERE id = ?) LIMIT 1', [c.id])) as unknown as [
      { id: string }[],
    ];
    const [[orig]] = (await sqlExec(sys, 'SELECT party_id AS partyId FROM cases WHERE id = ?', [c.id])) as unknown as [{ partyId: string }[]];
    await sqlExec(sys, 'UPDATE cases SET party_id = ? WHERE id = ?', [other!.id, c.id]);
    const r = await decide(sys, c, principal);
    expect(err(r).extensions).toMatchObject({ code: 'INVALID_STATE', integrity: 'PROJECTION_MISMATCH', field: 'partyId' });
    expect(err(r).message).toContain(`案件 ${c.id} 的当事人（${other!.id}）与经认证的记录日志（${orig!.partyId}）不符`);
    expect((await verifyRecords(sys.casesDb.orm, { ...keyOpts(sys), caseId: c.id })).firstBad).toMatchObject({ problem: 'PROJECTION_MISMATCH', caseId: c.id });
    await sqlExec(sys, 'UPDATE cases SET party_id = ? WHERE id = ?', [orig!.partyId, c.id]);

    const decided = await decide(sys, c, principal);
    expect(decided.errors).toBeUndefined();
    expect((await verifyRecords(sys.casesDb.orm, { ...keyOpts(sys), caseId: c.id })).ok).toBe(true);
    await sqlExec(sys, 'UPDATE cases SET decided_on = ? WHERE id = ?', ['2026-11-10', c.id]);
    const v = await verifyRecords(sys.casesDb.orm, { ...keyOpts(sys), caseId: c.id });
    expect(v.firstBad).toMatchObject({ problem: 'PROJECTION_MISMATCH', caseId: c.id });
    expect(v.firstBad!.message).toBe(`案件 ${c.id} 的决定日期（2026-11-10）与经认证的记录日志（${TODAY}）不符：案件数据被直接修改`);
    // A state moved back by SQL likewise (the whole-log verifier names the first such case).
    await sqlExec(sys, 'UPDATE cases SET decided_on = ?, state = ? WHERE id = ?', [TODAY, 'NOTIFIED', c.id]);
    const all = await verifyRecords(sys.casesDb.orm, keyOpts(sys));
    expect(all.firstBad).toMatchObject({ problem: 'PROJECTION_MISMATCH', caseId: c.id });
    expect(all.firstBad!.message).toContain('的状态（NOTIFIED）与经认证的记录日志（DECIDED）不符');
  });
});

describe('forged record entries with a correctly computed plain hash', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await system();
  });
  afterAll(() => sys?.stop());

  it('a forged "hearing waived" event does not open the R4 gate: decideCase refuses naming the entry, the verifier fails', async () => {
    const c = await notifiedBureauCase(sys);
    const req = await sys.gql(
      `mutation($input: CaseEventInput!) { recordEvent(input: $input) { state } }`,
      { input: { caseId: c.id, kind: 'HEARING_REQUESTED', occurredOn: TODAY } },
      c.tok,
    );
    expect(req.data?.recordEvent.state).toBe('HEARING');
    await checkpointed(sys);
    const forged = await forgeEntry(sys, c.id, 'EVENT', {
      eventKind: 'HEARING_WAIVED',
      occurredOn: TODAY,
      officerIds: [],
      location: null,
      serviceMethod: null,
      note: '当事人书面放弃听证',
      lateEntryReason: null,
    });
    const r = await decide(sys, c, await sys.token('PRINCIPAL', BUREAU, 'principal-wang'));
    expect(err(r).extensions).toMatchObject({ code: 'INVALID_STATE', integrity: 'MAC_MISMATCH', entryId: forged });
    expect(err(r).message).toMatch(
      new RegExp(
        `^当前状态不允许此操作：案件记录未通过完整性校验，不能作出决定：记录 ${forged}（案件 ${c.id} 第 \\d+ 条，全局第 \\d+ 条）没有密钥认证码：记录不是由本系统写入（伪造）$`,
      ),
    );
    const v = await verifyRecords(sys.casesDb.orm, keyOpts(sys));
    expect(v.firstBad).toMatchObject({ problem: 'MAC_MISMATCH', entryId: forged });
    const alarm = sys.logLines.find((l) => (l.integrityAlarm as { entryId?: string } | undefined)?.entryId === forged);
    expect(alarm).toMatchObject({ integrityAlarm: { kind: 'RECORD_LOG', problem: 'MAC_MISMATCH' } });
    // The signer refuses to bless it.
    await new Promise((res) => setTimeout(res, 1200));
    const [[cp]] = (await sqlExec(sys, 'SELECT MAX(global_seq) AS seq FROM record_checkpoints')) as unknown as [{ seq: string }[]];
    const [[fe]] = (await sqlExec(sys, 'SELECT global_seq AS seq FROM record_entries WHERE id = ?', [forged])) as unknown as [{ seq: string }[]];
    expect(Number(cp!.seq)).toBeLessThan(Number(fe!.seq));
  });
});

describe('the log cut, truncated or rolled back', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await system();
  });
  afterAll(() => sys?.stop());

  it('TRUNCATE of the log: refused to the service account; done by root it is TRUNCATED for the verifier and refuses the next decision', async () => {
    const c = await approvedCase(sys);
    await checkpointed(sys);
    await expect(sqlExec(sys, 'TRUNCATE TABLE record_entries')).rejects.toThrow(/DROP command denied/);
    await rootExec(sys, 'TRUNCATE TABLE record_entries');
    const v = await verifyRecords(sys.casesDb.orm, keyOpts(sys));
    expect(v.firstBad?.problem).toMatch(/TRUNCATED|HEAD_MAC_MISMATCH/);
    expect(v.firstBad!.message).toMatch(/数据库只剩 0 条：末尾记录被删除/);
    const r = await decide(sys, c, await sys.token('PRINCIPAL', BUREAU, 'principal-wang'));
    expect(err(r).extensions).toMatchObject({ code: 'INVALID_STATE' });
    expect(err(r).message).toMatch(
      /^当前状态不允许此操作：案件记录未通过完整性校验，不能作出决定：签名检查点 #\d+ 覆盖至全局第 \d+ 条，数据库只剩 0 条：末尾记录被删除$/,
    );
  });

  it('a missing witness fails verification and decisions, and the signer does not quietly start a new one', async () => {
    const other = await system();
    try {
      const c = await approvedCase(other);
      await checkpointed(other);
      expect((await verifyRecords(other.casesDb.orm, keyOpts(other))).ok).toBe(true);
      // A rollback to an old checkpoint is only visible against the witness: so removing it is itself a failure.
      unlinkSync(witnessPath(other.config.keyDir, other.config.databaseName('cases')));
      const v = await verifyRecords(other.casesDb.orm, keyOpts(other));
      expect(v.firstBad).toMatchObject({ problem: 'WITNESS_MISSING' });
      expect(v.firstBad!.message).toMatch(/^数据库有签名检查点 #\d+，但外部见证文件缺失：无法排除数据库被回退到旧检查点（请恢复见证文件）$/);
      const r = await decide(other, c, await other.token('PRINCIPAL', BUREAU, 'principal-wang'));
      expect(err(r).extensions).toMatchObject({ code: 'INVALID_STATE', integrity: 'WITNESS_MISSING' });
      await new Promise((res) => setTimeout(res, 1200)); // a checkpoint interval: no new witness appears
      expect((await verifyRecords(other.casesDb.orm, keyOpts(other))).firstBad?.problem).toBe('WITNESS_MISSING');
    } finally {
      await other.stop();
    }
  });
});
