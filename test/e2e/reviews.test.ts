import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPass, gqlOk, notifiedBureauCase, notify, proposeBarbecueFine } from '../helpers/scenarios.js';
import { startTestSystem, type TestSystem } from '../helpers/system.js';

// Legal review of major decisions and the decision gate (R5–R9), across powers, cases and reviews.

const TODAY = '2026-11-20';
const BUREAU = 'midong-cgj';
let sys: TestSystem;
const t = {} as Record<'reviewer' | 'reviewer2' | 'principal' | 'supervisor', string>;
const codeOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code;
const ext = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions ?? {};

const CASE = 'id state version decidedOn decisionReviewId';
const REVIEW = `id status version currentRound { roundNo proposalHash dueOn overdue reviewer { id } automaticFindings { point result evidence } conclusion }`;

const ok = (q: string, variables: Record<string, unknown>, tok?: string) => gqlOk(sys, q, variables, tok);

const notifiedCase = (officerKeys?: string[]) => notifiedBureauCase(sys, officerKeys);
const propose = (caseId: string, tok: string, _law: string, article: string) => proposeBarbecueFine(sys, caseId, tok, article);

const SUBMIT = `mutation($input: SubmitForReviewInput!) { submitForReview(input: $input) { ${REVIEW} } }`;
const OPINION = `mutation($id: ID!, $input: ReviewOpinionInput!) { recordReviewOpinion(reviewId: $id, input: $input) { ${REVIEW} } }`;
const DECIDE = `mutation($input: DecideCaseInput!) { decideCase(input: $input) { ${CASE} } }`;
const caseState = async (id: string) => (await ok(`query($id: ID!) { case(id: $id) { ${CASE} } }`, { id }, t.supervisor)) as { state: string; version: number };

beforeAll(async () => {
  sys = await startTestSystem({ today: TODAY });
  t.reviewer = await sys.token('REVIEWER', BUREAU, 'reviewer-zhang');
  t.reviewer2 = await sys.token('REVIEWER', BUREAU, 'reviewer-li');
  t.principal = await sys.token('PRINCIPAL', BUREAU, 'principal-wang');
  t.supervisor = await sys.token('SUPERVISOR', null, 'supervisor-ma');
});
afterAll(() => sys?.stop());

describe('a GENERAL-procedure penalty: refused without review, one ISSUES_FOUND round, approved, decided, archived', () => {
  it('walks the whole review and keeps the responsibility trail', async () => {
    const c = await notifiedCase();
    expect(c.proposal.reviewRequired).toBe(true);
    const refused = await sys.gql(
      DECIDE,
      { input: { caseId: c.id, proposalId: c.proposal.id, version: c.version, decidedOn: TODAY, partyPresent: true } },
      t.principal,
    );
    expect(codeOf(refused)).toBe('REVIEW_REQUIRED');

    // Only a handler submits.
    const notHandler = await sys.gql(
      SUBMIT,
      { input: { caseId: c.id, proposalId: c.proposal.id, materials: ['案卷'], handlerStatement: '真实完整' } },
      await sys.token('OFFICER', BUREAU, 'officer-chen'),
    );
    expect(codeOf(notHandler)).toBe('FORBIDDEN');

    const r1 = await ok(
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
    expect(r1).toMatchObject({
      status: 'IN_REVIEW',
      currentRound: { roundNo: 1, proposalHash: c.proposal.contentHash, reviewer: { id: sys.officerId('reviewer-zhang') } },
    });
    // Review time limit: 5 working days from 2026-11-20 (Friday) → 2026-11-27.
    expect(r1.currentRound.dueOn).toBe('2026-11-27');
    const auto = Object.fromEntries(r1.currentRound.automaticFindings.map((f: any) => [f.point, f]));
    expect(auto.OFFICERS_QUALIFIED.result).toBe('PASS');
    expect(auto.OFFICERS_QUALIFIED.evidence.join()).toContain('孙志强');
    expect(auto.DISCRETION).toMatchObject({ result: 'PASS' });
    expect(auto.DISCRETION.evidence[0]).toContain('2000–8000');
    expect(auto.PROCEDURE_LAWFUL.result).toBe('PASS');
    expect(auto.DOCUMENTS.result).toBe('PASS');
    expect(auto.LEGAL_BASIS.result).toBe('NOT_CHECKED');
    expect((await caseState(c.id)).state).toBe('UNDER_REVIEW');

    // An opinion must cover all nine points; overriding an automatic finding needs a note.
    const partial = await sys.gql(
      OPINION,
      { id: r1.id, input: { version: r1.version, findings: allPass().slice(0, 8), conclusion: 'APPROVED', opinion: '同意' } },
      t.reviewer,
    );
    expect(ext(partial)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'findings' });
    const silentOverride = await sys.gql(
      OPINION,
      {
        id: r1.id,
        input: {
          version: r1.version,
          findings: allPass().map((f) => (f.point === 'DOCUMENTS' ? { ...f, result: 'ISSUE' } : f)),
          conclusion: 'ISSUES_FOUND',
          opinion: 'x',
          requiredCorrections: ['y'],
        },
      },
      t.reviewer,
    );
    expect(ext(silentOverride)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'findings.7.note' });
    // Only the assigned reviewer records the opinion.
    expect(
      codeOf(await sys.gql(OPINION, { id: r1.id, input: { version: r1.version, findings: allPass(), conclusion: 'APPROVED', opinion: '同意' } }, t.reviewer2)),
    ).toBe('FORBIDDEN');

    const issues = await ok(
      OPINION,
      {
        id: r1.id,
        input: {
          version: r1.version,
          findings: allPass().map((f) => (f.point === 'LEGAL_BASIS' ? { ...f, result: 'ISSUE', note: '未引用具体款项' } : f)),
          conclusion: 'ISSUES_FOUND',
          opinion: '法律依据引用不准确，请改正后重新送审。',
          requiredCorrections: ['法律依据应为大气污染防治法第一百一十八条第三款'],
        },
      },
      t.reviewer,
    );
    expect(issues).toMatchObject({ status: 'ISSUES_FOUND', currentRound: { conclusion: 'ISSUES_FOUND' } });
    // Back to the handlers.
    expect((await caseState(c.id)).state).toBe('NOTIFIED');

    // A second opinion on the same round is refused: an opinion cannot be changed once recorded.
    const second = await sys.gql(
      OPINION,
      { id: r1.id, input: { version: issues.version, findings: allPass(), conclusion: 'APPROVED', opinion: '同意' } },
      t.reviewer,
    );
    expect(codeOf(second)).toBe('INVALID_STATE');

    // Corrected proposal, resubmitted as round 2.
    const corrected = await propose(c.id, c.tok, '中华人民共和国大气污染防治法', '第一百一十八条第三款');
    expect(corrected.contentHash).not.toBe(c.proposal.contentHash);
    // Another legal basis: the party is told the new basis before the decision (Art. 44; issue 26).
    await notify(sys, c.id, corrected.id, c.tok, `${c.caseNumber}-告知2`);
    const r2 = await ok(
      SUBMIT,
      {
        input: {
          caseId: c.id,
          proposalId: corrected.id,
          materials: ['改正后的决定建议'],
          handlerStatement: '已按审核意见改正。',
          reviewerId: sys.officerId('reviewer-zhang'),
        },
      },
      c.tok,
    );
    expect(r2).toMatchObject({ id: r1.id, currentRound: { roundNo: 2, proposalHash: corrected.contentHash } });
    const approved = await ok(
      OPINION,
      { id: r2.id, input: { version: r2.version, findings: allPass(), conclusion: 'APPROVED', opinion: '同意作出处罚决定。' } },
      t.reviewer,
    );
    expect(approved.status).toBe('APPROVED');

    const before = await caseState(c.id);
    const decided = await ok(
      DECIDE,
      { input: { caseId: c.id, proposalId: corrected.id, version: before.version, decidedOn: TODAY, partyPresent: true } },
      t.principal,
    );
    expect(decided).toMatchObject({ state: 'DECIDED', decisionReviewId: r1.id });

    const tok = c.tok;
    const text = c.text;
    await text('DECISION', 'DECISION', '行政处罚决定书');
    const served = await ok(
      `mutation($input: ServeInput!) { serveDecision(input: $input) { ${CASE} } }`,
      {
        input: {
          caseId: c.id,
          version: decided.version,
          method: 'DIRECT',
          servedOn: TODAY,
          officerIds: c.officers,
          publicationNoticeNumber: `${c.caseNumber}-公示告知`,
        },
      },
      tok,
    );
    await text('SERVICE_RECEIPT', 'SERVICE', '送达回证');
    // The fine is paid at the bank (罚缴分离) before the execution is recorded.
    await ok(
      `mutation($input: FinePaymentInput!) { recordFinePayment(input: $input) { id } }`,
      { input: { caseId: c.id, amount: '5000', paidOn: TODAY, receiptNumber: 'NO.20261120-0001' } },
      tok,
    );
    const executed = await ok(
      `mutation($input: DatedActionInput!) { recordExecution(input: $input) { ${CASE} } }`,
      { input: { caseId: c.id, version: served.version, on: TODAY } },
      tok,
    );
    await text('EXECUTION_RECORD', 'EXECUTION', '罚没款缴纳凭证');
    // The closing report asks to close: it is recorded before closing (later records are supplements, R18).
    await text('CLOSING_REPORT', 'ARCHIVING', '结案报告');
    const closed = await ok(
      `mutation($input: DatedActionInput!) { closeCase(input: $input) { ${CASE} } }`,
      { input: { caseId: c.id, version: executed.version } },
      tok,
    );
    const pub = (await ok(`query($id: ID!) { case(id: $id) { publication { id version status } } }`, { id: c.id }, tok)).publication;
    expect(pub.status).toBe('PENDING');
    await ok(
      `mutation($input: PublicationActionInput!) { publishDecision(input: $input) { status } }`,
      { input: { id: pub.id, version: pub.version } },
      t.reviewer,
    );
    const archived = await ok(
      `mutation($input: DatedActionInput!) { archiveCase(input: $input) { ${CASE} } }`,
      { input: { caseId: c.id, version: closed.version } },
      tok,
    );
    expect(archived.state).toBe('ARCHIVED');

    const trail = await ok(
      `query($id: ID!) { case(id: $id) { responsibilityTrail { action actor proposalId reviewId } legalReviews { rounds { roundNo conclusion } } reviewStatus } }`,
      { id: c.id },
      t.supervisor,
    );
    expect(trail.responsibilityTrail.map((s: any) => s.action)).toEqual([
      'SUBMITTED_FOR_REVIEW',
      'REVIEW_ISSUES_FOUND',
      'SUBMITTED_FOR_REVIEW',
      'REVIEW_APPROVED',
      'DECIDED',
    ]);
    expect(trail.responsibilityTrail.at(-1)).toMatchObject({ actor: sys.officerId('principal-wang'), proposalId: corrected.id, reviewId: r1.id });
    expect(trail.responsibilityTrail[3].actor).toBe(sys.officerId('reviewer-zhang'));
    expect(trail.legalReviews[0].rounds).toEqual([
      { roundNo: 1, conclusion: 'ISSUES_FOUND' },
      { roundNo: 2, conclusion: 'APPROVED' },
    ]);
    expect(trail.reviewStatus).toBe('APPROVED');

    const queue = await ok(
      `{ reviews(filter: { reviewerId: "${sys.officerId('reviewer-zhang')}" }) { totalCount edges { node { id status } } } }`,
      {},
      t.reviewer,
    );
    expect(queue.edges.map((e: any) => e.node.id)).toContain(r1.id);
  });
});

describe('the gate refuses', () => {
  it('a proposal changed after approval', async () => {
    const c = await notifiedCase();
    const r = await ok(
      SUBMIT,
      { input: { caseId: c.id, proposalId: c.proposal.id, materials: ['案卷'], handlerStatement: '真实完整', reviewerId: sys.officerId('reviewer-li') } },
      c.tok,
    );
    await ok(OPINION, { id: r.id, input: { version: r.version, findings: allPass(), conclusion: 'APPROVED', opinion: '同意' } }, t.reviewer2);
    // The handlers change the proposal after approval (a lower fine, still covered by the notice): it has a new
    // content hash and no approval.
    const changed = await ok(
      `mutation($input: ProposeDecisionInput!) { proposeDecision(input: $input) { id contentHash } }`,
      {
        input: {
          caseId: c.id,
          outcome: 'PENALTY',
          penaltyTypes: ['FINE', 'CONFISCATE_ILLEGAL_PROPERTY'],
          fineAmount: '4000',
          discretionTier: 'ORDINARY',
          legalBasis: [{ law: '中华人民共和国大气污染防治法', article: '第一百一十八条' }],
          reasoning: '改为从轻。',
        },
      },
      c.tok,
    );
    const v = (await caseState(c.id)).version;
    const onChanged = await sys.gql(DECIDE, { input: { caseId: c.id, proposalId: changed.id, version: v, decidedOn: TODAY, partyPresent: true } }, t.principal);
    expect(ext(onChanged)).toMatchObject({ code: 'REVIEW_REQUIRED', contentHash: changed.contentHash });
    // And the approved one is no longer the proposal on the table.
    const onOld = await sys.gql(DECIDE, { input: { caseId: c.id, proposalId: c.proposal.id, version: v, decidedOn: TODAY, partyPresent: true } }, t.principal);
    expect(codeOf(onOld)).toBe('INVALID_STATE');
    expect((await caseState(c.id)).state).toBe('UNDER_REVIEW');
  });

  it('an unqualified or conflicted reviewer', async () => {
    const c = await notifiedCase(['officer-sun', 'reviewer-zhang']);
    const r = await ok(SUBMIT, { input: { caseId: c.id, proposalId: c.proposal.id, materials: ['案卷'], handlerStatement: '真实完整' } }, c.tok);
    expect(r.status).toBe('AWAITING_ASSIGNMENT');
    const assign = (reviewerKey: string) =>
      sys.gql(
        `mutation($input: AssignReviewerInput!) { assignReviewer(input: $input) { ${REVIEW} } }`,
        { input: { reviewId: r.id, version: r.version, reviewerId: sys.officerId(reviewerKey) } },
        t.reviewer2,
      );
    const noCert = await assign('reviewer-liu-nocert');
    expect(ext(noCert)).toMatchObject({ code: 'FORBIDDEN', field: 'reviewerId' });
    expect(noCert.errors![0]!.message).toContain('法律职业资格');
    const handler = await assign('reviewer-zhang');
    expect(ext(handler)).toMatchObject({ code: 'FORBIDDEN', field: 'reviewerId' });
    expect(handler.errors![0]!.message).toContain('承办人员');
    const unqualified = await assign('officer-chen');
    expect(unqualified.errors![0]!.message).toContain('不具备法制审核资格');
    const good = await assign('reviewer-li');
    expect(good.errors).toBeUndefined();
    expect(good.data!.assignReviewer).toMatchObject({ status: 'IN_REVIEW', currentRound: { reviewer: { id: sys.officerId('reviewer-li') } } });
  });

  it('a decision while the reviews subgraph is stopped (fail closed), and case queries still answer', async () => {
    const c = await notifiedCase();
    const r = await ok(
      SUBMIT,
      { input: { caseId: c.id, proposalId: c.proposal.id, materials: ['案卷'], handlerStatement: '真实完整', reviewerId: sys.officerId('reviewer-li') } },
      c.tok,
    );
    await ok(OPINION, { id: r.id, input: { version: r.version, findings: allPass(), conclusion: 'APPROVED', opinion: '同意' } }, t.reviewer2);
    await sys.stopService('reviews');

    const v = (await caseState(c.id)).version;
    const refused = await sys.gql(
      DECIDE,
      { input: { caseId: c.id, proposalId: c.proposal.id, version: v, decidedOn: TODAY, partyPresent: true } },
      t.principal,
    );
    expect(codeOf(refused)).toBe('REVIEW_REQUIRED');
    expect(refused.errors![0]!.message).toContain('不可用');
    expect((await caseState(c.id)).state).toBe('UNDER_REVIEW');

    const q = await sys.gql(`query($id: ID!) { case(id: $id) { caseNumber state legalReviews { id } } }`, { id: c.id }, t.supervisor);
    expect(q.data!.case).toMatchObject({ state: 'UNDER_REVIEW', legalReviews: null });
    expect(q.data!.case.caseNumber).toMatch(/^米城管罚〔2026〕\d+号$/);
    expect(q.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', serviceName: 'reviews' });
  });
});
