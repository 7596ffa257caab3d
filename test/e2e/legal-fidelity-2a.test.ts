import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPass, gqlOk, notify } from '../helpers/scenarios.js';
import { startTestSystem, type GqlResult, type TestSystem } from '../helpers/system.js';

// Issue 26 part A (legal fidelity, second round), each point tried through the gateway on the real database.
// Acts are entered on their day: the test moves the business clock.

const TODAY = '2026-11-20';
const BUREAU = 'midong-cgj';
let sys: TestSystem;
const t = {} as Record<'officer' | 'principal' | 'reviewer' | 'reviewer2' | 'supervisor', string>;

const ext = (r: GqlResult) => r.errors?.[0]?.extensions ?? {};
const on = (date: string) => sys.clock.set(date);
const ok = (q: string, variables: Record<string, unknown>, tok?: string) => gqlOk(sys, q, variables, tok);

const CASE = 'id caseNumber caseType state version filedOn decidedOn';
const FILE = `mutation($input: FileCaseInput!) { fileCase(input: $input) { ${CASE} } }`;
const PROPOSE = `mutation($input: ProposeDecisionInput!) { proposeDecision(input: $input) { id contentHash reviewRequired collectiveDiscussionRequired } }`;
const DECIDE = `mutation($input: DecideCaseInput!) { decideCase(input: $input) { ${CASE} } }`;
const EVENT = `mutation($input: CaseEventInput!) { recordEvent(input: $input) { ${CASE} } }`;
const START = `mutation($input: CaseActionInput!) { startInvestigation(input: $input) { id version } }`;
const SUBMIT = `mutation($input: SubmitForReviewInput!) { submitForReview(input: $input) { id version status } }`;
const OPINION = `mutation($id: ID!, $input: ReviewOpinionInput!) { recordReviewOpinion(reviewId: $id, input: $input) { id status } }`;

const officers = () => [sys.officerId('officer-sun'), sys.officerId('officer-abdurahman')];
const COMPANY = {
  kind: 'LEGAL_PERSON',
  name: '乌鲁木齐某某建筑工程有限公司',
  uscc: '91230500MA1B3N1N2M',
  legalRepresentative: '张某',
  address: '米东区某路1号',
};
const PERSON = { kind: 'NATURAL_PERSON', name: '马建军', residentIdNumber: '11010519491231002X', address: '米东区某街道' };
const BARBECUE_BASIS = [{ law: '中华人民共和国大气污染防治法', article: '第一百一十八条第三款' }];
let docSeq = 0;

const caseOf = (id: string, fields = CASE) => ok(`query($id: ID!) { case(id: $id) { ${fields} } }`, { id }, t.supervisor);
const version = async (id: string) => (await caseOf(id, 'version')).version as number;

async function file(over: Record<string, unknown> = {}) {
  const c = await ok(
    FILE,
    {
      input: {
        agencyId: sys.agencyId(BUREAU),
        procedure: 'GENERAL',
        powerItemCode: '650109-CF-0001',
        party: PERSON,
        officerIds: officers(),
        source: { kind: 'COMPLAINT' },
        factsSummary: '在禁止区域内露天烧烤食品。',
        ...over,
      },
    },
    t.officer,
  );
  await ok(EVENT, { input: { caseId: c.id, kind: 'CREDENTIAL_SHOWN', occurredOn: sys.clock.today(), officerIds: officers() } }, t.officer);
  await ok(START, { input: { caseId: c.id, version: c.version } }, t.officer);
  return c as { id: string; caseNumber: string };
}

const proposeFine = (caseId: string, fineAmount: string, over: Record<string, unknown> = {}) =>
  ok(
    PROPOSE,
    {
      input: {
        caseId,
        outcome: 'PENALTY',
        penaltyTypes: ['FINE'],
        fineAmount,
        discretionTier: 'ORDINARY',
        legalBasis: BARBECUE_BASIS,
        reasoning: '当事人在禁止区域内露天烧烤食品，经责令后仍未改正。',
        outsideRangeReason: '依情节调整。',
        ...over,
      },
    },
    t.officer,
  );

const event = (caseId: string, kind: string, extra: Record<string, unknown> = {}) =>
  sys.gql(EVENT, { input: { caseId, kind, occurredOn: sys.clock.today(), ...extra } }, t.officer);
const decide = async (caseId: string, proposalId: string) =>
  sys.gql(DECIDE, { input: { caseId, proposalId, version: await version(caseId), partyPresent: true } }, t.principal);

/** Legal review through the reviews subgraph: submitted by the handler, approved by reviewer-li. */
async function approve(caseId: string, proposalId: string) {
  const r = await ok(
    SUBMIT,
    { input: { caseId, proposalId, materials: ['案卷'], handlerStatement: '送审材料真实、准确、完整。', reviewerId: sys.officerId('reviewer-li') } },
    t.officer,
  );
  const findings = allPass().map((f) => ({ ...f, note: '经审核人员核查，符合要求。' }));
  return ok(OPINION, { id: r.id, input: { version: r.version, findings, conclusion: 'APPROVED', opinion: '同意。' } }, t.reviewer2);
}

beforeAll(async () => {
  sys = await startTestSystem({ today: TODAY });
  t.officer = await sys.token('OFFICER', BUREAU, 'officer-sun');
  t.principal = await sys.token('PRINCIPAL', BUREAU, 'principal-wang');
  t.reviewer = await sys.token('REVIEWER', BUREAU, 'reviewer-zhang');
  t.reviewer2 = await sys.token('REVIEWER', BUREAU, 'reviewer-li');
  t.supervisor = await sys.token('SUPERVISOR', null, 'supervisor-ma');
}, 60_000);
afterAll(() => sys?.stop());

describe('point 1 — R5 after a hearing: review and collective discussion re-evaluated at the decision from the log', () => {
  it('refuses a licence while a requested hearing was never held, then requires review once it was held', async () => {
    on('2026-11-23');
    const c = await file({ powerItemCode: '650109-XK-0001', party: COMPANY, source: { kind: 'OTHER' }, factsSummary: '申请临时堆放物料。' });
    const p = await ok(
      PROPOSE,
      {
        input: { caseId: c.id, outcome: 'LICENCE_GRANTED', legalBasis: [{ law: '城市市容和环境卫生管理条例', article: '第十四条' }], reasoning: '符合条件。' },
      },
      t.officer,
    );
    expect(p.reviewRequired).toBe(false); // frozen at the proposal: no hearing yet
    await notify(sys, c.id, p.id, t.officer, `米城管许告〔2026〕${++docSeq}号`);
    on('2026-11-24');
    expect((await event(c.id, 'HEARING_REQUESTED')).errors).toBeUndefined();
    // 行政许可法 Art. 47–48: a requested hearing is held before the licence is decided.
    on('2026-11-25');
    expect(ext(await decide(c.id, p.id))).toMatchObject({ code: 'INVALID_STATE', missing: 'HEARING_HELD' });
    on('2026-12-01');
    expect((await event(c.id, 'HEARING_HELD', { officerIds: officers() })).errors).toBeUndefined();
    // Heard: the catalog's "经过听证程序作出的行政许可决定" now applies although the proposal said no.
    const gated = await decide(c.id, p.id);
    expect(ext(gated)).toMatchObject({ code: 'REVIEW_REQUIRED', proposalId: p.id });
    await approve(c.id, p.id);
    const decided = await decide(c.id, p.id);
    expect(decided.errors).toBeUndefined();
    const entry = (await caseOf(c.id, 'records { kind payload }')).records.find((r: { kind: string }) => r.kind === 'DECISION');
    expect(JSON.parse(entry.payload).requirement).toMatchObject({ hearingHeld: true, reviewRequired: true, reasons: ['650109-SH-0002'] });
  });

  it('requires collective discussion for a major-rights fine heard after it was proposed', async () => {
    on('2026-11-23');
    const c = await file();
    const p = await proposeFine(c.id, '15000', { reviewFlags: ['MAJOR_RIGHTS'] });
    expect(p).toMatchObject({ collectiveDiscussionRequired: false });
    await notify(sys, c.id, p.id, t.officer, `米城管告〔2026〕${++docSeq}号`);
    on('2026-11-24');
    await event(c.id, 'HEARING_REQUESTED');
    on('2026-12-01');
    expect((await event(c.id, 'HEARING_HELD', { officerIds: officers() })).errors).toBeUndefined();
    await approve(c.id, p.id);
    expect(ext(await decide(c.id, p.id))).toMatchObject({ code: 'INVALID_STATE', missing: 'COLLECTIVE_DISCUSSION' });
  });
});

describe('point 2 — R4 grounds: the notice is bound to facts, reasons and basis; the waiver is a document', () => {
  it('refuses a decision on the old notice after a new proposal of the same amount on other facts and another article', async () => {
    on('2026-11-23');
    const c = await file();
    const p1 = await proposeFine(c.id, '5000');
    await notify(sys, c.id, p1.id, t.officer, `米城管告〔2026〕${++docSeq}号`);
    const p2 = await proposeFine(c.id, '5000', {
      legalBasis: [{ law: '中华人民共和国大气污染防治法', article: '第一百一十六条' }],
      reasoning: '当事人运输渣土未采取密闭措施，沿途遗撒。',
    });
    on('2026-12-02');
    const refused = await decide(c.id, p2.id);
    expect(ext(refused)).toMatchObject({ code: 'INVALID_STATE', missing: 'RIGHTS_NOTIFIED' });
    expect(ext(refused).changedGrounds).toEqual(['法律依据与告知的不同', '事实和理由与告知的不同']);
  });

  it('refuses a bare waiver and records a written one as a document', async () => {
    on('2026-11-23');
    const c = await file();
    const p = await proposeFine(c.id, '15000');
    await notify(sys, c.id, p.id, t.officer, `米城管告〔2026〕${++docSeq}号`);
    const bare = await event(c.id, 'HEARING_WAIVED', { note: '当事人书面放弃听证' });
    expect(ext(bare)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'hearingWaiver' });
    const written = await event(c.id, 'HEARING_WAIVED', {
      hearingWaiver: { documentNumber: `米城管弃听〔2026〕${++docSeq}号`, content: '本人知悉享有要求听证的权利，现书面声明放弃听证。' },
    });
    expect(written.errors).toBeUndefined();
    const records = (await caseOf(c.id, 'records { kind payload }')).records as { kind: string; payload: string }[];
    const docs = records.filter((r) => r.kind === 'TEXT_RECORD').map((r) => JSON.parse(r.payload) as { documentType: string; documentNumber: string });
    expect(docs.filter((d) => d.documentType === 'HEARING_WAIVER')).toEqual([
      expect.objectContaining({ documentNumber: expect.stringMatching(/^米城管弃听/) }),
    ]);
  });
});

describe('point 4 — R7 late participant: the opinion re-checks that the reviewer took no part in the case', () => {
  it('refuses the opinion of a reviewer named on an on-site record after being assigned', async () => {
    on('2026-11-23');
    const c = await file();
    const p = await proposeFine(c.id, '5000');
    await notify(sys, c.id, p.id, t.officer, `米城管告〔2026〕${++docSeq}号`);
    const r = await ok(
      SUBMIT,
      {
        input: {
          caseId: c.id,
          proposalId: p.id,
          materials: ['案卷'],
          handlerStatement: '送审材料真实、准确、完整。',
          reviewerId: sys.officerId('reviewer-zhang'),
        },
      },
      t.officer,
    );
    // After the assignment the reviewer goes along to the site and is named on the record.
    const onSite = await sys.gql(
      `mutation($input: TextRecordInput!) { recordText(input: $input) { id } }`,
      {
        input: {
          caseId: c.id,
          documentType: 'ON_SITE_INSPECTION_RECORD',
          stage: 'INVESTIGATION',
          title: '现场检查笔录',
          content: '现场检查笔录：补充检查现场，载明检查情况和当事人陈述。',
          documentNumber: `米城管勘〔2026〕${++docSeq}号`,
          officerIds: [sys.officerId('officer-sun'), sys.officerId('reviewer-zhang')],
        },
      },
      t.officer,
    );
    expect(onSite.errors).toBeUndefined();
    const findings = allPass().map((f) => ({ ...f, note: '经审核人员核查，符合要求。' }));
    const opinion = await sys.gql(OPINION, { id: r.id, input: { version: r.version, findings, conclusion: 'APPROVED', opinion: '同意。' } }, t.reviewer);
    expect(ext(opinion)).toMatchObject({ code: 'FORBIDDEN', field: 'reviewerId' });
    expect(opinion.errors![0]!.message).toContain('参与过本案');
    expect(ext(await decide(c.id, p.id))).toMatchObject({ code: 'REVIEW_REQUIRED' });
  });
});

describe('point 6 — no dead end: a new proposal after an APPROVED round can be notified and submitted again', () => {
  it('notifies a heavier proposal made under review, then submits it; submits a lighter one straight away', async () => {
    on('2026-11-23');
    const c = await file();
    const p1 = await proposeFine(c.id, '5000');
    await notify(sys, c.id, p1.id, t.officer, `米城管告〔2026〕${++docSeq}号`);
    await approve(c.id, p1.id);
    expect((await caseOf(c.id)).state).toBe('UNDER_REVIEW');
    // A heavier proposal while UNDER_REVIEW: it must be notified (Art. 44), which is now possible.
    const p2 = await proposeFine(c.id, '8000');
    expect(ext(await decide(c.id, p2.id))).toMatchObject({ code: 'INVALID_STATE', missing: 'RIGHTS_NOTIFIED' });
    const renotified = await notify(sys, c.id, p2.id, t.officer, `米城管告〔2026〕${++docSeq}号`);
    expect(renotified.state).toBe('NOTIFIED');
    await approve(c.id, p2.id);
    // A lighter one under review (no new notice needed): submitted again as a new round.
    const p3 = await proposeFine(c.id, '6000');
    await approve(c.id, p3.id);
    const decided = await decide(c.id, p3.id);
    expect(decided.errors).toBeUndefined();
    expect(decided.data!.decideCase).toMatchObject({ state: 'DECIDED' });
  });
});

describe('point 7 — MINOR_OFFENDER (Art. 30) only for a party the ID number does not show adult at the act', () => {
  const below = (caseId: string) =>
    sys.gql(
      PROPOSE,
      {
        input: {
          caseId,
          outcome: 'PENALTY',
          penaltyTypes: ['FINE'],
          fineAmount: '300',
          discretionTier: 'MINOR',
          legalBasis: BARBECUE_BASIS,
          reasoning: '当事人在禁止区域内露天烧烤食品。',
          outsideRangeReason: '依法减轻。',
          mitigationGround: 'MINOR_OFFENDER',
        },
      },
      t.officer,
    );

  it('refuses it for a party born in 1949 and accepts it for one aged 16', async () => {
    on('2026-11-23');
    const old = await file();
    expect(ext(await below(old.id))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'mitigationGround' });
    const minor = await file({ party: { ...PERSON, name: '王小明', residentIdNumber: '650109201003150018' } });
    expect((await below(minor.id)).errors).toBeUndefined();
  });
});

describe('point 3 — stated dates do not precede what they refer to; a raised flag stays', () => {
  it('refuses a rights notice stated before its proposal existed', async () => {
    on('2026-11-23');
    const c = await file();
    on('2026-11-26');
    const p = await proposeFine(c.id, '5000');
    const early = await event(c.id, 'RIGHTS_NOTIFIED', {
      occurredOn: '2026-11-24',
      lateEntryReason: '告知书当日已送达，补录。',
      rightsNotice: {
        proposalId: p.id,
        documentNumber: `米城管告〔2026〕${++docSeq}号`,
        content: '拟作出的行政处罚内容及事实、理由、依据；当事人享有陈述、申辩的权利。',
      },
    });
    expect(ext(early)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'occurredOn' });
    expect(early.errors![0]!.message).toContain('所告知的决定建议的提出日期');
  });

  it('keeps a service recorded after its due date overdue, and refuses an execution stated before the payment', async () => {
    on('2026-11-23');
    const c = await file();
    const p = await proposeFine(c.id, '5000');
    await notify(sys, c.id, p.id, t.officer, `米城管告〔2026〕${++docSeq}号`);
    await approve(c.id, p.id);
    on('2026-12-01');
    const d = await sys.gql(DECIDE, { input: { caseId: c.id, proposalId: p.id, version: await version(c.id), partyPresent: false } }, t.principal);
    expect(d.errors).toBeUndefined();
    expect((await caseOf(c.id, 'serviceDueOn')).serviceDueOn).toBe('2026-12-10');
    // Recorded on 12-14 (the overdue flag was up since 12-11), stated as served on 12-02.
    on('2026-12-14');
    const served = await sys.gql(
      `mutation($input: ServeInput!) { serveDecision(input: $input) { id version state } }`,
      {
        input: {
          caseId: c.id,
          version: await version(c.id),
          method: 'DIRECT',
          servedOn: '2026-12-02',
          officerIds: officers(),
          lateEntryReason: '送达回证遗漏，补录。',
          publicationNoticeNumber: `米城管公告〔2026〕${++docSeq}号`,
        },
      },
      t.officer,
    );
    expect(served.errors).toBeUndefined();
    expect(await caseOf(c.id, 'servedOn serviceOverdue')).toEqual({ servedOn: '2026-12-02', serviceOverdue: true });
    // Paid on 12-22, 5 days after the 15-day term (12-17): 750 yuan surcharge owed on top (Art. 72).
    on('2026-12-22');
    await ok(
      `mutation($input: FinePaymentInput!) { recordFinePayment(input: $input) { id } }`,
      { input: { caseId: c.id, amount: '5000', paidOn: '2026-12-22', receiptNumber: 'NS-2026-0001' } },
      t.officer,
    );
    const EXECUTE = `mutation($input: DatedActionInput!) { recordExecution(input: $input) { id state } }`;
    const early = await sys.gql(EXECUTE, { input: { caseId: c.id, version: await version(c.id), on: '2026-12-10', lateEntryReason: '补录。' } }, t.officer);
    expect(ext(early)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'on' });
    const unpaid = await sys.gql(EXECUTE, { input: { caseId: c.id, version: await version(c.id) } }, t.officer);
    expect(ext(unpaid)).toMatchObject({ code: 'INVALID_STATE', outstanding: '750' });
  });
});

describe('point 5 — R18 order of acts: a document counts only if recorded after its act', () => {
  it('does not count a 决定书, 送达回证, 执行记录 or 结案报告 recorded while the case was being investigated', async () => {
    on('2026-11-23');
    const c = await file();
    for (const [documentType, stage] of [
      ['DECISION', 'DECISION'],
      ['SERVICE_RECEIPT', 'SERVICE'],
      ['EXECUTION_RECORD', 'EXECUTION'],
      ['CLOSING_REPORT', 'ARCHIVING'],
    ] as const) {
      const r = await sys.gql(
        `mutation($input: TextRecordInput!) { recordText(input: $input) { id } }`,
        {
          input: {
            caseId: c.id,
            documentType,
            stage,
            title: documentType,
            content: `${documentType}：依法制作，载明事实、理由、依据和处理结果。`,
            documentNumber: `米城管文〔2026〕${++docSeq}号`,
          },
        },
        t.officer,
      );
      expect(r.errors).toBeUndefined();
    }
    const p = await proposeFine(c.id, '5000');
    await notify(sys, c.id, p.id, t.officer, `米城管告〔2026〕${++docSeq}号`);
    await approve(c.id, p.id);
    expect((await decide(c.id, p.id)).errors).toBeUndefined();
    await ok(
      `mutation($input: ServeInput!) { serveDecision(input: $input) { id } }`,
      {
        input: {
          caseId: c.id,
          version: await version(c.id),
          method: 'DIRECT',
          servedOn: '2026-11-23',
          officerIds: officers(),
          publicationNoticeNumber: `米城管公告〔2026〕${++docSeq}号`,
        },
      },
      t.officer,
    );
    await ok(
      `mutation($input: FinePaymentInput!) { recordFinePayment(input: $input) { id } }`,
      { input: { caseId: c.id, amount: '5000', paidOn: '2026-11-23', receiptNumber: 'NS-2026-0002' } },
      t.officer,
    );
    await ok(
      `mutation($input: DatedActionInput!) { recordExecution(input: $input) { id } }`,
      { input: { caseId: c.id, version: await version(c.id) } },
      t.officer,
    );
    await ok(`mutation($input: DatedActionInput!) { closeCase(input: $input) { id } }`, { input: { caseId: c.id, version: await version(c.id) } }, t.officer);
    const archived = await sys.gql(
      `mutation($input: DatedActionInput!) { archiveCase(input: $input) { id } }`,
      { input: { caseId: c.id, version: await version(c.id) } },
      t.officer,
    );
    expect(ext(archived).code).toBe('RECORD_INCOMPLETE');
    const early = (ext(archived).missing as string[]).filter((m) => m.includes('系在其所记载的行为之前录入'));
    expect(early).toHaveLength(4);
  });
});

describe('point 8 — indicators follow their legal definitions', () => {
  const RATE = 'numerator denominator excluded';
  const statsOn = async (from: string, to: string) =>
    (
      await ok(
        `query($filter: StatisticsFilter!) { statistics(filter: $filter) { cases { beyond90Days { ${RATE} } licensingBeyondTimeLimit { ${RATE} } reviewCoverage { ${RATE} } } } }`,
        { filter: { agencyId: sys.agencyId(BUREAU), from, to } },
        t.supervisor,
      )
    ).cases;

  it('counts a licence past its working days and a measure in neither 90-day figure; sees a heard licence as requiring review', async () => {
    // Filed on 2026-11-02 (no other case of this file is): a licence (20 working days: due 2026-11-30), a measure.
    on('2026-11-02');
    const licence = await file({ powerItemCode: '650109-XK-0001', party: COMPANY, source: { kind: 'OTHER' }, factsSummary: '申请临时堆放物料。' });
    const measure = await file({ powerItemCode: '650109-QZ-0001', party: COMPANY });
    const pm = await ok(
      PROPOSE,
      {
        input: {
          caseId: measure.id,
          outcome: 'IMPOUND',
          legalBasis: [{ law: '中华人民共和国行政强制法', article: '第二十五条' }],
          reasoning: '扣押焚烧炉具。',
        },
      },
      t.officer,
    );
    expect((await decide(measure.id, pm.id)).errors).toBeUndefined();
    const pl = await ok(
      PROPOSE,
      {
        input: {
          caseId: licence.id,
          outcome: 'LICENCE_GRANTED',
          legalBasis: [{ law: '城市市容和环境卫生管理条例', article: '第十四条' }],
          reasoning: '符合条件。',
        },
      },
      t.officer,
    );
    await notify(sys, licence.id, pl.id, t.officer, `米城管许告〔2026〕${++docSeq}号`);
    on('2026-11-03');
    await event(licence.id, 'HEARING_REQUESTED');
    on('2026-12-15');
    await event(licence.id, 'HEARING_HELD', { officerIds: officers() });
    await approve(licence.id, pl.id);
    expect((await decide(licence.id, pl.id)).errors).toBeUndefined();

    const filed = await statsOn('2026-11-02', '2026-11-02');
    // 行政处罚法 Art. 60's 90 days are for penalties: neither the measure (no limit) nor the licence is in it.
    expect(filed.beyond90Days).toMatchObject({ numerator: 0, denominator: 0 });
    // The licence was decided after its 20 working days (行政许可法 Art. 42): its own indicator counts it.
    expect(filed.licensingBeyondTimeLimit).toMatchObject({ numerator: 1, denominator: 1 });
    // Decided after a hearing: review was required by the rule at the decision (the proposal said no).
    expect(pl.reviewRequired).toBe(false);
    const decided = await statsOn('2026-12-15', '2026-12-15');
    expect(decided.reviewCoverage).toMatchObject({ numerator: 1, denominator: 1 });
  });
});
