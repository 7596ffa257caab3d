import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPass, gqlOk, notify } from '../helpers/scenarios.js';
import { startTestSystem, type GqlResult, type TestSystem } from '../helpers/system.js';

// Issue 26, part C: what parts A and B left open, each point tried through the gateway on the real database — the
// entrusting agency decides an entrusted organisation's case (Art. 20), the principal's correction carries its
// document number, and deadlines computed before a year's holidays were loaded are recomputed when they are (R12).

const TODAY = '2026-11-20';
const BUREAU = 'midong-cgj';
const SQUAD = 'midong-zhzfdd';
let sys: TestSystem;
const t = {} as Record<'officer' | 'principal' | 'reviewer2' | 'admin' | 'supervisor' | 'squad' | 'squadPrincipal' | 'squadReviewer', string>;

const ext = (r: GqlResult) => r.errors?.[0]?.extensions ?? {};
const on = (date: string) => sys.clock.set(date);
const ok = (q: string, variables: Record<string, unknown>, tok?: string) => gqlOk(sys, q, variables, tok);

const CASE = 'id caseNumber state version filedOn decidedOn inNameOf { id } agency { id }';
const FILE = `mutation($input: FileCaseInput!) { fileCase(input: $input) { ${CASE} } }`;
const START = `mutation($input: CaseActionInput!) { startInvestigation(input: $input) { id version } }`;
const PROPOSE = `mutation($input: ProposeDecisionInput!) { proposeDecision(input: $input) { id contentHash reviewRequired } }`;
const DECIDE = `mutation($input: DecideCaseInput!) { decideCase(input: $input) { ${CASE} } }`;
const EVENT = `mutation($input: CaseEventInput!) { recordEvent(input: $input) { id version } }`;
const SUBMIT = `mutation($input: SubmitForReviewInput!) { submitForReview(input: $input) { id version status } }`;
const ASSIGN = `mutation($input: AssignReviewerInput!) { assignReviewer(input: $input) { id version status } }`;
const OPINION = `mutation($id: ID!, $input: ReviewOpinionInput!) { recordReviewOpinion(reviewId: $id, input: $input) { id status } }`;
const CHANGE = `mutation($input: DecisionChangeInput!) { recordDecisionChange(input: $input) { id status } }`;
const COMPANY = {
  kind: 'LEGAL_PERSON',
  name: '乌鲁木齐某某餐饮管理有限公司',
  uscc: '91230500MA1B3N1N2M',
  legalRepresentative: '李某',
  address: '米东区某路2号',
};
const BARBECUE_BASIS = [{ law: '中华人民共和国大气污染防治法', article: '第一百一十八条第三款' }];
const caseOf = async (id: string, fields = CASE) => ok(`query($id: ID!) { case(id: $id) { ${fields} } }`, { id }, t.supervisor);
const bureauOfficers = () => [sys.officerId('officer-sun'), sys.officerId('officer-abdurahman')];
const squadOfficers = () => [sys.officerId('squad-he'), sys.officerId('squad-nuraili')];

/** A general-procedure barbecue fine, filed by `tok` for `agency` with `officers`, investigated, proposed and notified. */
async function notifiedCase(agency: string, officers: string[], tok: string, fine: string, n: number) {
  const c = await ok(
    FILE,
    {
      input: {
        agencyId: sys.agencyId(agency),
        procedure: 'GENERAL',
        powerItemCode: '650109-CF-0001',
        party: COMPANY,
        officerIds: officers,
        source: { kind: 'INSPECTION' },
        factsSummary: '在禁止区域内露天烧烤食品。',
      },
    },
    tok,
  );
  await ok(EVENT, { input: { caseId: c.id, kind: 'CREDENTIAL_SHOWN', occurredOn: sys.clock.today(), officerIds: officers } }, tok);
  await ok(START, { input: { caseId: c.id, version: c.version } }, tok);
  const p = await ok(
    PROPOSE,
    {
      input: {
        caseId: c.id,
        outcome: 'PENALTY',
        penaltyTypes: ['FINE'],
        fineAmount: fine,
        discretionTier: 'ORDINARY',
        legalBasis: BARBECUE_BASIS,
        reasoning: '依法处罚。',
        outsideRangeReason: '依情节调整。',
      },
    },
    tok,
  );
  await notify(sys, c.id, p.id, tok, `米城管告〔2026〕6${n}号`);
  return { c, p };
}

const opinion = (reviewId: string, version: number, tok: string) =>
  sys.gql(
    OPINION,
    { id: reviewId, input: { version, findings: allPass().map((f) => ({ ...f, note: '经审核人员核查，符合要求。' })), conclusion: 'APPROVED', opinion: '同意。' } },
    tok,
  );

beforeAll(async () => {
  sys = await startTestSystem({ today: TODAY });
  t.officer = await sys.token('OFFICER', BUREAU, 'officer-sun');
  t.principal = await sys.token('PRINCIPAL', BUREAU, 'principal-wang');
  t.reviewer2 = await sys.token('REVIEWER', BUREAU, 'reviewer-li');
  t.admin = await sys.token('ADMIN', null, 'admin-zhao');
  t.supervisor = await sys.token('SUPERVISOR', null, 'supervisor-ma');
  t.squad = await sys.token('OFFICER', SQUAD, 'squad-he');
  // The squad's own head and legal staff, as they would sign in: staff of the entrusted organisation.
  t.squadPrincipal = await sys.token('PRINCIPAL', SQUAD, 'squad-nuraili');
  t.squadReviewer = await sys.token('REVIEWER', SQUAD, 'squad-nuraili');
}, 60_000);
afterAll(() => sys?.stop());

describe('entrustment (Art. 20) — the entrusting bureau reviews and decides the squad’s general-procedure case, the squad cannot', () => {
  it('lets the bureau’s legal staff review and its principal decide; refuses the squad’s own reviewer and principal', async () => {
    on('2026-11-02');
    const { c, p } = await notifiedCase(SQUAD, squadOfficers(), t.squad, '3000', 1);
    expect(c.inNameOf).toEqual({ id: sys.agencyId(BUREAU) });
    on('2026-11-09');
    // The squad's handler submits; the reviewer is the bureau's legal staff (a squad member is refused as reviewer).
    const input = { caseId: c.id, proposalId: p.id, materials: ['案卷'], handlerStatement: '送审材料真实、准确、完整。' };
    expect(ext(await sys.gql(SUBMIT, { input: { ...input, reviewerId: sys.officerId('squad-nuraili') } }, t.squad))).toMatchObject({
      code: 'FORBIDDEN',
      field: 'reviewerId',
    });
    const r = await ok(SUBMIT, { input }, t.squad);
    // The squad's own legal staff cannot take the review: it is the bureau's.
    expect(ext(await sys.gql(ASSIGN, { input: { reviewId: r.id, version: r.version, reviewerId: sys.officerId('reviewer-li') } }, t.squadReviewer))).toMatchObject({
      code: 'NOT_FOUND',
    });
    const assigned = await ok(ASSIGN, { input: { reviewId: r.id, version: r.version, reviewerId: sys.officerId('reviewer-li') } }, t.principal);
    const approved = await opinion(r.id, assigned.version, t.reviewer2);
    expect(approved.errors).toBeUndefined();
    // The squad's head may not decide in the squad's own name; the bureau's principal decides in the bureau's.
    const version = (await caseOf(c.id)).version;
    const bySquad = await sys.gql(DECIDE, { input: { caseId: c.id, proposalId: p.id, version, partyPresent: true } }, t.squadPrincipal);
    expect(ext(bySquad)).toMatchObject({ code: 'FORBIDDEN', decidingAgencyId: sys.agencyId(BUREAU) });
    expect(bySquad.errors?.[0]?.message).toContain('第二十条');
    const decided = await ok(DECIDE, { input: { caseId: c.id, proposalId: p.id, version, partyPresent: true } }, t.principal);
    expect(decided).toMatchObject({ state: 'DECIDED', decidedOn: '2026-11-09', agency: { id: sys.agencyId(SQUAD) }, inNameOf: { id: sys.agencyId(BUREAU) } });
    // The squad's head cannot correct the decision either: it is the bureau's (Art. 75(2)).
    on(TODAY);
    const change = { caseId: c.id, kind: 'REVOKED', reason: '经复核，认定事实不清，撤销原决定。', documentNumber: '米城管撤〔2026〕61号' };
    expect(ext(await sys.gql(CHANGE, { input: change }, t.squadPrincipal))).toMatchObject({ code: 'FORBIDDEN' });
    expect(ext(await sys.gql(CHANGE, { input: change }, await sys.token('PRINCIPAL', 'midong-other', null)))).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('the principal’s correction of a decision carries its document number (R14, Art. 75(2))', () => {
  it('refuses a revocation without its 文书编号 (BAD_USER_INPUT, field documentNumber) and records the number given', async () => {
    on('2026-11-02');
    const { c, p } = await notifiedCase(BUREAU, bureauOfficers(), t.officer, '2500', 2);
    on('2026-11-09');
    const r = await ok(
      SUBMIT,
      { input: { caseId: c.id, proposalId: p.id, materials: ['案卷'], handlerStatement: '送审材料真实、准确、完整。', reviewerId: sys.officerId('reviewer-li') } },
      t.officer,
    );
    expect((await opinion(r.id, r.version, t.reviewer2)).errors).toBeUndefined();
    await ok(DECIDE, { input: { caseId: c.id, proposalId: p.id, version: (await caseOf(c.id)).version, partyPresent: true } }, t.principal);
    on(TODAY);
    const change = { caseId: c.id, kind: 'REVOKED', reason: '经复核，认定事实不清，撤销原决定。' };
    for (const documentNumber of [undefined, '   ']) {
      const refused = await sys.gql(CHANGE, { input: { ...change, documentNumber } }, t.principal);
      expect(ext(refused)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'documentNumber' });
      expect(refused.errors?.[0]?.message).toMatch(/文书编号/);
    }
    expect((await caseOf(c.id, 'decisionChange { kind }')).decisionChange).toBeNull(); // nothing written
    await ok(CHANGE, { input: { ...change, documentNumber: '米城管撤〔2026〕62号' } }, t.principal);
    const after = await caseOf(c.id, 'decisionChange { kind halted } records { kind payload }');
    expect(after.decisionChange).toEqual({ kind: 'REVOKED', halted: true });
    const entry = after.records
      .filter((e: { kind: string }) => e.kind === 'EVENT')
      .map((e: { payload: string }) => JSON.parse(e.payload) as { eventKind: string; source?: { documentNumber: string | null } })
      .find((e: { eventKind: string }) => e.eventKind === 'DECISION_CHANGED');
    expect(entry?.source).toMatchObject({ kind: 'PRINCIPAL', documentNumber: '米城管撤〔2026〕62号' });
  });
});
