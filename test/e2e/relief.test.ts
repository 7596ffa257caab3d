import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_CASES_TODAY, seedCases, type SeededCase } from '../../data/loader/index.js';
import { startTestSystem, type TestSystem } from '../helpers/system.js';

// Relief proceedings (issue 17): administrative reconsideration and litigation against a decision of the demo
// bureau, registered and concluded through the gateway; a REVOKED outcome changes the decision through the one
// revocation path (R14) and its publication is withdrawn; refusals are specific and in Chinese.

let sys: TestSystem;
let seeded: SeededCase[];
const t = {} as Record<'reviewer' | 'principal' | 'officer' | 'squadReviewer' | 'analyst', string>;
const caseOf = (key: string) => seeded.find((c) => c.key === key)!;

const APPLY = `mutation($input: ReliefApplicationInput!) { recordReliefApplication(input: $input) { id version kind organ receivedOn outcome recordedBy } }`;
const OUTCOME = `mutation($input: ReliefOutcomeInput!) { recordReliefOutcome(input: $input) { id version outcome outcomeOn outcomeReason correction } }`;
const CASE = `query($id: ID!) { case(id: $id) { state decisionChange { kind changedOn halted }
  reliefProceedings { kind organ receivedOn outcome outcomeOn correction }
  publication { id version status withdrawalDueOn withdrawalNotice { changeKind reason } }
  records { kind payload } } }`;

const gql = (q: string, v: Record<string, unknown>, tok: string) => sys.gql(q, v, tok);
const ok = async (q: string, v: Record<string, unknown>, tok: string) => {
  const r = await gql(q, v, tok);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return Object.values(r.data!)[0] as any;
};
const refusal = async (q: string, v: Record<string, unknown>, tok: string) => {
  const r = await gql(q, v, tok);
  expect(r.status).toBeLessThan(500);
  expect(r.errors?.length, JSON.stringify(r.data)).toBeGreaterThan(0);
  return r.errors![0]!;
};

beforeAll(async () => {
  sys = await startTestSystem({ today: SEED_CASES_TODAY });
  ({ cases: seeded } = await seedCases({ config: sys.config, keys: sys.keys, db: sys.casesDb, reviewsDb: sys.reviewsDb, powersUrl: sys.powers.url }));
  t.reviewer = await sys.token('REVIEWER', 'midong-cgj', 'reviewer-zhang');
  t.principal = await sys.token('PRINCIPAL', 'midong-cgj', 'principal-wang');
  t.officer = await sys.token('OFFICER', 'midong-cgj', 'officer-sun');
  t.squadReviewer = await sys.token('REVIEWER', 'midong-zhzfdd', null);
  t.analyst = await sys.token('ANALYST', null);
}, 180_000);
afterAll(() => sys?.stop());

describe('relief proceedings', () => {
  it('refuses whoever is not legal staff or principal of the deciding agency, undecided cases and bad input, in Chinese', async () => {
    const decided = caseOf('spill-longsheng');
    const input = { caseId: decided.id, kind: 'ADMINISTRATIVE_RECONSIDERATION', organ: '乌鲁木齐市米东区人民政府', receivedOn: '2026-11-19' };
    expect((await refusal(APPLY, { input }, t.officer)).extensions?.code).toBe('FORBIDDEN');
    expect((await refusal(APPLY, { input }, t.squadReviewer)).extensions?.code).toBe('FORBIDDEN');
    const undecided = await refusal(APPLY, { input: { ...input, caseId: caseOf('dust-dingyuan').id } }, t.reviewer);
    expect(undecided.extensions?.code).toBe('INVALID_STATE');
    expect(undecided.message).toContain('尚未作出决定');
    const bad = await refusal(APPLY, { input: { ...input, organ: ' ', receivedOn: '2026-11-21' } }, t.reviewer);
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organ' });
    expect((bad.extensions?.problems as { field: string; reason: string }[]).map((p) => p.field)).toEqual(['organ', 'receivedOn']);
    expect(bad.message).toContain('须填写复议机关或人民法院');
    // Received before the decision was made: impossible.
    const early = await refusal(APPLY, { input: { ...input, receivedOn: '2026-11-01' } }, t.reviewer);
    expect(early.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'receivedOn' });
    expect(early.message).toContain('不得早于决定日期（2026-11-17）');
    // Nothing was written by any refusal.
    expect((await ok(CASE, { id: decided.id }, t.reviewer)).reliefProceedings).toEqual([]);
  });

  it('an upheld reconsideration leaves the decision as it is; a second open one of the same kind is refused', async () => {
    const c = caseOf('waste-ma');
    const r = await ok(
      APPLY,
      {
        input: {
          caseId: c.id,
          kind: 'ADMINISTRATIVE_RECONSIDERATION',
          organ: '乌鲁木齐市米东区人民政府',
          receivedOn: '2026-11-16',
          documentNumber: '米政复〔2026〕3号',
        },
      },
      t.reviewer,
    );
    expect(r).toMatchObject({ kind: 'ADMINISTRATIVE_RECONSIDERATION', outcome: null, recordedBy: sys.officerId('reviewer-zhang') });
    const again = await refusal(
      APPLY,
      { input: { caseId: c.id, kind: 'ADMINISTRATIVE_RECONSIDERATION', organ: '某机关', receivedOn: '2026-11-18' } },
      t.reviewer,
    );
    expect(again.extensions?.code).toBe('INVALID_STATE');
    expect(again.message).toContain('已有未结的行政复议');
    // A correction belongs to CHANGED only; CHANGED needs one.
    const stray = await refusal(
      OUTCOME,
      { input: { id: r.id, version: r.version, outcome: 'UPHELD', decidedOn: '2026-11-19', reason: '事实清楚', correction: 'x' } },
      t.reviewer,
    );
    expect(stray.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'correction' });
    const missing = await refusal(
      OUTCOME,
      { input: { id: r.id, version: r.version, outcome: 'CHANGED', decidedOn: '2026-11-19', reason: '罚款过重' } },
      t.reviewer,
    );
    expect(missing.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'correction' });
    const stale = await refusal(
      OUTCOME,
      { input: { id: r.id, version: r.version + 5, outcome: 'UPHELD', decidedOn: '2026-11-19', reason: '事实清楚' } },
      t.reviewer,
    );
    expect(stale.extensions?.code).toBe('CONFLICT');
    const done = await ok(
      OUTCOME,
      { input: { id: r.id, version: r.version, outcome: 'UPHELD', decidedOn: '2026-11-19', reason: '事实清楚，证据确凿，适用依据正确，程序合法，内容适当' } },
      t.principal,
    );
    expect(done).toMatchObject({ outcome: 'UPHELD', outcomeOn: '2026-11-19', version: 2 });
    const after = await ok(CASE, { id: c.id }, t.reviewer);
    expect(after.decisionChange).toBeNull();
    expect(after.reliefProceedings).toEqual([
      {
        kind: 'ADMINISTRATIVE_RECONSIDERATION',
        organ: '乌鲁木齐市米东区人民政府',
        receivedOn: '2026-11-16',
        outcome: 'UPHELD',
        outcomeOn: '2026-11-19',
        correction: null,
      },
    ]);
    const relief = after.records.filter((e: any) => e.kind === 'RELIEF').map((e: any) => JSON.parse(e.payload));
    expect(relief.map((p: any) => p.step)).toEqual(['RECEIVED', 'CONCLUDED']);
    const twice = await refusal(OUTCOME, { input: { id: r.id, version: 2, outcome: 'REVOKED', decidedOn: '2026-11-19', reason: 'x' } }, t.reviewer);
    expect(twice.extensions?.code).toBe('INVALID_STATE');
  });

  it('a revoking judgment revokes the decision (R14): execution stops, the publication is due for withdrawal and is withdrawn', async () => {
    const c = caseOf('spill-longsheng');
    const before = await ok(CASE, { id: c.id }, t.reviewer);
    expect(before.publication.status).toBe('PUBLISHED');
    const r = await ok(
      APPLY,
      {
        input: {
          caseId: c.id,
          kind: 'ADMINISTRATIVE_LITIGATION',
          organ: '乌鲁木齐市米东区人民法院',
          receivedOn: '2026-11-18',
          documentNumber: '（2026）新0109行初12号',
        },
      },
      t.reviewer,
    );
    await ok(
      OUTCOME,
      {
        input: {
          id: r.id,
          version: r.version,
          outcome: 'REVOKED',
          decidedOn: '2026-11-20',
          reason: '认定事实不清，主要证据不足',
          documentNumber: '（2026）新0109行初12号判决书',
        },
      },
      t.reviewer,
    );
    const after = await ok(CASE, { id: c.id }, t.reviewer);
    expect(after.decisionChange).toEqual({ kind: 'REVOKED', changedOn: '2026-11-20', halted: true });
    expect(after.publication.withdrawalDueOn).toBe('2026-11-25');
    const change = after.records
      .filter((e: any) => e.kind === 'EVENT')
      .map((e: any) => JSON.parse(e.payload))
      .find((p: any) => p.eventKind === 'DECISION_CHANGED');
    expect(change.source).toMatchObject({ kind: 'RELIEF', reliefId: r.id });
    expect(change.reason).toContain('行政诉讼（乌鲁木齐市米东区人民法院');
    expect(after.records.some((e: any) => e.kind === 'EXECUTION_STOPPED')).toBe(true);
    // Legal staff withdraw it (R14): the public sees the withdrawal notice with the reason, not the decision.
    const w = await ok(
      `mutation($input: PublicationActionInput!) { withdrawPublication(input: $input) { status withdrawalNotice { changeKind reason } content { text } } }`,
      { input: { id: after.publication.id, version: after.publication.version } },
      t.reviewer,
    );
    expect(w.status).toBe('WITHDRAWN');
    expect(w.withdrawalNotice.changeKind).toBe('REVOKED');
    expect(w.withdrawalNotice.reason).toContain('认定事实不清');
    // A revoked decision cannot be changed again by another proceeding.
    const r2 = await ok(APPLY, { input: { caseId: c.id, kind: 'ADMINISTRATIVE_RECONSIDERATION', organ: '某政府', receivedOn: '2026-11-20' } }, t.reviewer);
    const again = await refusal(
      OUTCOME,
      {
        input: {
          id: r2.id,
          version: 1,
          outcome: 'CHANGED',
          decidedOn: '2026-11-20',
          reason: 'x',
          correction: 'y',
          documentNumber: '米政复决〔2026〕9号',
          changedFineAmount: '100',
        },
      },
      t.reviewer,
    );
    expect(again.extensions?.code).toBe('INVALID_STATE');
  });

  it('a lawsuit may come after the case was archived: recorded in its record log, which still verifies', async () => {
    const c = caseOf('spill-hengdashun');
    expect((await ok(CASE, { id: c.id }, t.reviewer)).state).toBe('ARCHIVED');
    const r = await ok(
      APPLY,
      { input: { caseId: c.id, kind: 'ADMINISTRATIVE_LITIGATION', organ: '乌鲁木齐市米东区人民法院', receivedOn: '2026-11-20' } },
      t.principal,
    );
    await ok(
      OUTCOME,
      { input: { id: r.id, version: r.version, outcome: 'WITHDRAWN', decidedOn: '2026-11-20', reason: '原告撤回起诉，法院裁定准许' } },
      t.principal,
    );
    const after = await ok(CASE, { id: c.id }, t.reviewer);
    expect(after.decisionChange).toBeNull();
    expect(after.records.filter((e: any) => e.kind === 'RELIEF')).toHaveLength(2);
    const v = await ok(`query($id: ID!) { verifyCaseRecords(caseId: $id) { ok firstProblem } }`, { id: c.id }, t.reviewer);
    expect(v).toEqual({ ok: true, firstProblem: null });
  });
});
