import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPass, gqlOk, notify, publishThroughWorkflow } from '../helpers/scenarios.js';
import { startTestSystem, type GqlResult, type TestSystem } from '../helpers/system.js';

// Issue 26, part D: what part C left open, each point tried through the gateway on the real database — the entrusting
// bureau's catalog and policy decide R5 on the squad's case, the 委托书 at the squad's submission for review (Art. 20),
// review rounds' due dates recomputed when a year is loaded, and a corrected arrangement for a year already loaded (R12).

const BUREAU = 'midong-cgj';
const SQUAD = 'midong-zhzfdd';
let sys: TestSystem;
const t = {} as Record<'officer' | 'principal' | 'reviewer' | 'admin' | 'supervisor' | 'squad' | 'squadReviewer', string>;

const ext = (r: GqlResult) => r.errors?.[0]?.extensions ?? {};
const on = (date: string) => sys.clock.set(date);
const ok = (q: string, variables: Record<string, unknown>, tok?: string) => gqlOk(sys, q, variables, tok);

const CASE = 'id caseNumber state version filedOn decidedOn inNameOf { id } agency { id }';
const FILE = `mutation($input: FileCaseInput!) { fileCase(input: $input) { ${CASE} } }`;
const START = `mutation($input: CaseActionInput!) { startInvestigation(input: $input) { id version } }`;
const PROPOSE = `mutation($input: ProposeDecisionInput!) { proposeDecision(input: $input) {
  id contentHash reviewRequired collectiveDiscussionRequired reviewReasons { ruleCode } } }`;
const DECIDE = `mutation($input: DecideCaseInput!) { decideCase(input: $input) { ${CASE} } }`;
const EVENT = `mutation($input: CaseEventInput!) { recordEvent(input: $input) { id version } }`;
const SUBMIT = `mutation($input: SubmitForReviewInput!) { submitForReview(input: $input) { id version status } }`;
const ASSIGN = `mutation($input: AssignReviewerInput!) { assignReviewer(input: $input) { id version status } }`;
const OPINION = `mutation($id: ID!, $input: ReviewOpinionInput!) { recordReviewOpinion(reviewId: $id, input: $input) { id status } }`;
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
const submission = (caseId: string, proposalId: string, reviewerId?: string) => ({
  input: { caseId, proposalId, materials: ['案卷'], handlerStatement: '送审材料真实、准确、完整。', ...(reviewerId ? { reviewerId } : {}) },
});

/** A general-procedure barbecue fine filed by `tok` for `agency` with `officers`, investigated and proposed (notified unless told not to). */
async function proposedCase(agency: string, officers: string[], tok: string, fine: string, n: number, notified = true) {
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
  if (notified) await notify(sys, c.id, p.id, tok, `米城管告〔2026〕8${n}号`);
  return { c, p };
}

const approve = (reviewId: string, version: number, tok: string) =>
  sys.gql(
    OPINION,
    {
      id: reviewId,
      input: { version, findings: allPass().map((f) => ({ ...f, note: '经审核人员核查，符合要求。' })), conclusion: 'APPROVED', opinion: '同意。' },
    },
    tok,
  );

beforeAll(async () => {
  sys = await startTestSystem({ today: '2026-11-20' });
  t.officer = await sys.token('OFFICER', BUREAU, 'officer-sun');
  t.principal = await sys.token('PRINCIPAL', BUREAU, 'principal-wang');
  t.reviewer = await sys.token('REVIEWER', BUREAU, 'reviewer-li');
  t.admin = await sys.token('ADMIN', null, 'admin-zhao');
  t.supervisor = await sys.token('SUPERVISOR', null, 'supervisor-ma');
  t.squad = await sys.token('OFFICER', SQUAD, 'squad-he');
  t.squadReviewer = await sys.token('REVIEWER', SQUAD, 'squad-nuraili');
}, 60_000);
afterAll(() => sys?.stop());

describe('R5 on an entrusted organisation’s case follows the entrusting bureau’s catalog and policy (Art. 20, 58)', () => {
  it('the bureau requires review, the squad’s own policy does not: the squad’s proposal needs review by the bureau’s rule', async () => {
    on('2026-11-16');
    // The squad's own settings, published through R1: no review of general-procedure penalties.
    const policy = await ok(
      `mutation($input: ReviseAgencyPolicyInput!) { reviseAgencyPolicy(input: $input) { id version } }`,
      { input: { agencyId: sys.agencyId(SQUAD), policy: { reviewAllGeneralProcedurePenalties: false } } },
      t.squad,
    );
    await publishThroughWorkflow(sys, policy, { officer: t.squad, reviewer: t.squadReviewer });
    const { p } = await proposedCase(SQUAD, squadOfficers(), t.squad, '3000', 1, false);
    // The bureau's catalog (650109-SH-0001: every general-procedure penalty) and policy apply.
    expect(p.reviewRequired).toBe(true);
    expect(p.reviewReasons.map((r: { ruleCode: string }) => r.ruleCode).sort()).toEqual(['650109-SH-0001', 'POLICY']);
  });

  it('the squad’s own catalog requires collective discussion, the bureau’s does not: the requirement follows the bureau', async () => {
    on('2026-11-17');
    const rule = await ok(
      `mutation($input: CreateReviewCatalogRuleInput!) { createReviewCatalogRule(input: $input) { id version } }`,
      {
        input: {
          agencyId: sys.agencyId(SQUAD),
          code: '650109-SH-0091',
          rule: {
            description: '对单位处一千元以上罚款的决定（大队自定，须集体讨论）',
            basis: [{ law: '中华人民共和国行政处罚法', article: '第五十七条第二款' }],
            penaltyTypes: ['FINE'],
            fineThresholds: [{ partyKind: 'LEGAL_PERSON', amount: '1000' }],
            collectiveDiscussion: true,
          },
        },
      },
      t.squad,
    );
    await publishThroughWorkflow(sys, rule, { officer: t.squad, reviewer: t.squadReviewer });
    const { p } = await proposedCase(SQUAD, squadOfficers(), t.squad, '3000', 2, false);
    expect(p.collectiveDiscussionRequired).toBe(false);
    expect(p.reviewReasons.map((r: { ruleCode: string }) => r.ruleCode)).not.toContain('650109-SH-0091');
    // And the squad's own case rules still decide for the squad's … nothing: a bureau case is the same as before.
    const own = await proposedCase(BUREAU, bureauOfficers(), t.officer, '3000', 3, false);
    expect(own.p.collectiveDiscussionRequired).toBe(false);
  });
});

describe('the 委托书 at the squad’s submission for review, as powers has it at the moment of the act (Art. 20)', () => {
  // The demo 委托书 米城管委〔2024〕1号 runs 2024-01-01 … 2026-12-31.
  it('refuses a submission after the 委托书 expired (FORBIDDEN, 第二十条), and writes nothing', async () => {
    on('2026-12-21');
    const { c, p } = await proposedCase(SQUAD, squadOfficers(), t.squad, '3000', 4);
    on('2027-01-04');
    const refused = await sys.gql(SUBMIT, submission(c.id, p.id), t.squad);
    expect(ext(refused)).toMatchObject({ code: 'FORBIDDEN', entrustment: '米城管委〔2024〕1号' });
    expect(refused.errors?.[0]?.message).toContain('第二十条');
    expect(refused.errors?.[0]?.message).toContain('送审');
    expect(await caseOf(c.id, 'state legalReviews { id }')).toEqual({ state: 'NOTIFIED', legalReviews: [] });
  });

  it('a submission made within the period stands: the bureau reviews and decides after expiry (its own acts)', async () => {
    on('2026-12-22');
    const { c, p } = await proposedCase(SQUAD, squadOfficers(), t.squad, '3000', 5);
    on('2026-12-30');
    const r = await ok(SUBMIT, submission(c.id, p.id), t.squad);
    on('2027-01-04');
    const assigned = await ok(ASSIGN, { input: { reviewId: r.id, version: r.version, reviewerId: sys.officerId('reviewer-li') } }, t.principal);
    expect((await approve(r.id, assigned.version, t.reviewer)).errors).toBeUndefined();
    const decided = await ok(DECIDE, { input: { caseId: c.id, proposalId: p.id, version: (await caseOf(c.id)).version, partyPresent: true } }, t.principal);
    expect(decided).toMatchObject({ state: 'DECIDED', decidedOn: '2027-01-04', inNameOf: { id: sys.agencyId(BUREAU) } });
  });

  it('a renewed 委托书, published through R1, lets the squad submit again', async () => {
    on('2026-12-23');
    const { c, p } = await proposedCase(SQUAD, squadOfficers(), t.squad, '3000', 6);
    on('2027-01-04');
    expect(ext(await sys.gql(SUBMIT, submission(c.id, p.id), t.squad))).toMatchObject({ code: 'FORBIDDEN' });
    const draft = await ok(
      `mutation($input: ReviseEntrustmentInput!) { reviseEntrustment(input: $input) { id version } }`,
      {
        input: {
          agencyId: sys.agencyId(SQUAD),
          entrustment: {
            entrustingAgencyId: sys.agencyId(BUREAU),
            documentNumber: '米城管委〔2027〕1号',
            powerItemCodes: ['650109-CF-0001'],
            validFrom: '2027-01-01',
            validUntil: '2029-12-31',
          },
        },
      },
      t.squad,
    );
    await publishThroughWorkflow(sys, draft, { officer: t.squad, reviewer: t.squadReviewer });
    const r = await ok(SUBMIT, submission(c.id, p.id), t.squad);
    expect(r.status).toBe('AWAITING_ASSIGNMENT');
    expect((await caseOf(c.id, 'state')).state).toBe('UNDER_REVIEW');
  });
});
