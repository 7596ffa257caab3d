import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPass, gqlOk, notify, sha256 } from '../helpers/scenarios.js';
import { startTestSystem, type GqlResult, type TestSystem } from '../helpers/system.js';

// Issue 26, part B: the second round of legal fidelity, each point tried through the gateway on the real database.
// The business clock is moved; every act is entered on its day unless the test tries backdating.

const TODAY = '2026-11-20';
const BUREAU = 'midong-cgj';
let sys: TestSystem;
const t = {} as Record<'officer' | 'principal' | 'reviewer' | 'reviewer2' | 'admin' | 'supervisor', string>;

const ext = (r: GqlResult) => r.errors?.[0]?.extensions ?? {};
const on = (date: string) => sys.clock.set(date);
const ok = (q: string, variables: Record<string, unknown>, tok?: string) => gqlOk(sys, q, variables, tok);

const CASE = 'id caseNumber caseType state version filedOn decidedOn';
const FILE = `mutation($input: FileCaseInput!) { fileCase(input: $input) { ${CASE} } }`;
const TEXT = `mutation($input: TextRecordInput!) { recordText(input: $input) { id } }`;
const AV = `mutation($input: AvRecordInput!) { registerAvRecord(input: $input) { id } }`;
const START = `mutation($input: CaseActionInput!) { startInvestigation(input: $input) { id version } }`;

const PROPOSE = `mutation($input: ProposeDecisionInput!) { proposeDecision(input: $input) { id contentHash reviewRequired collectiveDiscussionRequired } }`;
const DECIDE = `mutation($input: DecideCaseInput!) { decideCase(input: $input) { ${CASE} } }`;
const EVENT = `mutation($input: CaseEventInput!) { recordEvent(input: $input) { ${CASE} } }`;
const SUBMIT = `mutation($input: SubmitForReviewInput!) { submitForReview(input: $input) { id version status } }`;
const OPINION = `mutation($id: ID!, $input: ReviewOpinionInput!) { recordReviewOpinion(reviewId: $id, input: $input) { id status } }`;
const DISCUSS = `mutation($input: CollectiveDiscussionInput!) { recordCollectiveDiscussion(input: $input) { id } }`;
const WORKFLOW = (m: string) => `mutation($input: WorkflowInput!) { ${m}(input: $input) { id status version } }`;
const COMPANY = {
  kind: 'LEGAL_PERSON',
  name: '乌鲁木齐某某建筑工程有限公司',
  uscc: '91230500MA1B3N1N2M',
  legalRepresentative: '张某',
  address: '米东区某路1号',
};
const BARBECUE_BASIS = [{ law: '中华人民共和国大气污染防治法', article: '第一百一十八条第三款' }];
const caseOf = async (id: string, fields = CASE) => ok(`query($id: ID!) { case(id: $id) { ${fields} } }`, { id }, t.supervisor);

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
        reasoning: '依法处罚。',
        outsideRangeReason: '依情节调整。',
        ...over,
      },
    },
    t.officer,
  );

/** Legal review through the reviews subgraph: submitted by the handler, approved by reviewer-li. */
async function approve(caseId: string, proposalId: string) {
  const r = await ok(
    SUBMIT,
    { input: { caseId, proposalId, materials: ['案卷'], handlerStatement: '送审材料真实、准确、完整。', reviewerId: sys.officerId('reviewer-li') } },
    t.officer,
  );
  const findings = allPass().map((f) => ({ ...f, note: '经审核人员核查，符合要求。' }));
  await ok(OPINION, { id: r.id, input: { version: r.version, findings, conclusion: 'APPROVED', opinion: '同意。' } }, t.reviewer2);
}

const bureauOfficers = () => [sys.officerId('officer-sun'), sys.officerId('officer-abdurahman')];
const PERSON = { kind: 'NATURAL_PERSON', name: '马建军', residentIdNumber: '11010519491231002X', address: '米东区某街道' };

async function fileBureau(over: Record<string, unknown> = {}, tok = t.officer) {
  return ok(
    FILE,
    {
      input: {
        agencyId: sys.agencyId(BUREAU),
        procedure: 'GENERAL',
        powerItemCode: '650109-CF-0001',
        party: PERSON,
        officerIds: bureauOfficers(),
        source: { kind: 'COMPLAINT' },
        factsSummary: '在禁止区域内露天烧烤食品。',
        ...over,
      },
    },
    tok,
  );
}

let docSeq = 0;
const doc = (caseId: string, documentType: string, stage: string, extra: Record<string, unknown> = {}, tok = t.officer) =>
  sys.gql(
    TEXT,
    {
      input: {
        caseId,
        documentType,
        stage,
        title: documentType,
        content: `${documentType}：依法制作，载明事实、理由、依据和处理意见。`,
        documentNumber: `米城管文〔2026〕${++docSeq}号`,
        ...extra,
      },
    },
    tok,
  );

const av = (caseId: string, activity: string, officerIds: string[], day = sys.clock.today()) =>
  sys.gql(
    AV,
    {
      input: {
        caseId,
        stage: 'INVESTIGATION',
        activity,
        sha256: sha256(`av:${caseId}:${activity}:${++docSeq}`),
        sizeBytes: 2048000,
        durationSeconds: 600,
        device: '执法记录仪 DSJ-007',
        officerIds,
        startedAt: `${day}T03:00:00Z`,
        endedAt: `${day}T03:10:00Z`,
        location: '米东区某街道',
        storageUri: `file://av/${docSeq}.mp4`,
      },
    },
    t.officer,
  );

beforeAll(async () => {
  sys = await startTestSystem({ today: TODAY });
  t.officer = await sys.token('OFFICER', BUREAU, 'officer-sun');
  t.principal = await sys.token('PRINCIPAL', BUREAU, 'principal-wang');
  t.reviewer = await sys.token('REVIEWER', BUREAU, 'reviewer-zhang');
  t.reviewer2 = await sys.token('REVIEWER', BUREAU, 'reviewer-li');
  t.admin = await sys.token('ADMIN', null, 'admin-zhao');
  t.supervisor = await sys.token('SUPERVISOR', null, 'supervisor-ma');
}, 60_000);
afterAll(() => sys?.stop());

describe('R2 — on-site activities from the published list, with officers', () => {
  it('refuses an unlisted activity code (SAMPLING) on a text or AV record, and a listed on-site activity without officers', async () => {
    on(TODAY);
    const c = await fileBureau();
    await ok(START, { input: { caseId: c.id, version: c.version } }, t.officer);
    expect(ext(await doc(c.id, 'OTHER', 'INVESTIGATION', { activity: 'SAMPLING' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'activity' });
    expect(ext(await doc(c.id, 'OTHER', 'INVESTIGATION', { activity: 'SAMPLING', officerIds: bureauOfficers() }))).toMatchObject({
      field: 'activity',
    });
    expect(ext(await av(c.id, 'SAMPLING', bureauOfficers()))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'activity' });
    // EVIDENCE_COLLECTION is on the bureau's published list: it names its two officers.
    expect(ext(await doc(c.id, 'OTHER', 'INVESTIGATION', { activity: 'EVIDENCE_COLLECTION' }))).toMatchObject({
      code: 'CREDENTIAL_INVALID',
      field: 'officerIds',
    });
    expect((await doc(c.id, 'OTHER', 'INVESTIGATION', { activity: 'EVIDENCE_COLLECTION', officerIds: bureauOfficers() })).errors).toBeUndefined();
    expect((await av(c.id, 'EVIDENCE_COLLECTION', bureauOfficers())).errors).toBeUndefined();
  });
});

describe('R2 — enforcement areas and credential validity have a dated history', () => {
  const OFFICER = 'id version enforcementAreas validUntil credentialTermsHistory { effectiveFrom validUntil enforcementAreas reason }';
  it('an area added or a validity extended today does not validate an act of three days ago', async () => {
    on('2026-11-17');
    const c = await fileBureau();
    await ok(START, { input: { caseId: c.id, version: c.version } }, t.officer);
    on(TODAY);
    const create = (name: string, credentialNumber: string, validUntil: string, enforcementAreas: string[]) =>
      ok(
        `mutation($input: CreateOfficerInput!) { createOfficer(input: $input) { ${OFFICER} } }`,
        { input: { agencyId: sys.agencyId(BUREAU), name, credentialNumber, validFrom: '2024-01-01', validUntil, enforcementAreas } },
        t.admin,
      );
    const update = (input: Record<string, unknown>) =>
      sys.gql(`mutation($input: UpdateOfficerInput!) { updateOfficer(input: $input) { ${OFFICER} } }`, { input }, t.admin);
    const areaLess = await create('周海涛', '65010901261', '2028-12-31', ['市容环境卫生']);
    const expired = await create('钱志远', '65010901262', '2026-11-15', ['城市管理综合执法']);
    // Backdating a change needs a reason (it changes how earlier acts are judged).
    expect(
      ext(
        await update({ id: areaLess.id, version: areaLess.version, enforcementAreas: ['市容环境卫生', '城市管理综合执法'], termsEffectiveFrom: '2026-11-01' }),
      ),
    ).toMatchObject({
      field: 'termsReason',
    });
    const widened = (await update({ id: areaLess.id, version: areaLess.version, enforcementAreas: ['市容环境卫生', '城市管理综合执法'] })).data!
      .updateOfficer as any;
    expect(widened.credentialTermsHistory.map((h: any) => [h.effectiveFrom, h.enforcementAreas])).toEqual([
      ['2024-01-01', ['市容环境卫生']],
      [TODAY, ['市容环境卫生', '城市管理综合执法']],
    ]);
    const renewed = (await update({ id: expired.id, version: expired.version, validUntil: '2028-12-31' })).data!.updateOfficer as any;
    expect(renewed.validUntil).toBe('2028-12-31');
    const threeDaysAgo = { occurredOn: '2026-11-17', lateEntryReason: '现场笔录纸质签署，系统补录' };
    for (const o of [areaLess, expired]) {
      const pair = [sys.officerId('officer-sun'), o.id];
      expect(ext(await doc(c.id, 'ON_SITE_INSPECTION_RECORD', 'INVESTIGATION', { officerIds: pair, ...threeDaysAgo })), o.id).toMatchObject({
        code: 'CREDENTIAL_INVALID',
        officerId: o.id,
      });
      expect((await doc(c.id, 'ON_SITE_INSPECTION_RECORD', 'INVESTIGATION', { officerIds: pair })).errors, o.id).toBeUndefined();
    }
    // The API answers the same way for the past date.
    const check = await ok(
      `query($id: ID!) { officer(id: $id) { past: credentialValidOn(date: "2026-11-17", area: "城市管理综合执法") { valid } now: credentialValidOn(date: "${TODAY}", area: "城市管理综合执法") { valid } } }`,
      { id: areaLess.id },
      t.supervisor,
    );
    expect(check).toMatchObject({ past: { valid: false }, now: { valid: true } });
  });
});

describe('collective discussion (Art. 57(2)) — the leaders on the published list, the principal presiding or absent with a reason', () => {
  it('refuses handlers and staff who are not on the list, a draft leader, and an absent principal without a reason', async () => {
    on('2026-11-09');
    const c = await fileBureau({ party: COMPANY });
    await ok(EVENT, { input: { caseId: c.id, kind: 'CREDENTIAL_SHOWN', occurredOn: '2026-11-09', officerIds: bureauOfficers() } }, t.officer);
    await ok(START, { input: { caseId: c.id, version: c.version } }, t.officer);
    const p = await proposeFine(c.id, '6000', { reviewFlags: ['COMPLEX'] });
    expect(p).toMatchObject({ collectiveDiscussionRequired: true });
    await notify(sys, c.id, p.id, t.officer, '米城管告〔2026〕271号');
    await approve(c.id, p.id);
    on('2026-11-16');
    const id = (k: string) => sys.officerId(k);
    const base = {
      caseId: c.id,
      proposalId: p.id,
      heldOn: '2026-11-16',
      conclusion: '同意按决定建议作出处罚决定。',
      minutesNumber: '米城管集〔2026〕21号',
      minutes: '局务会集体讨论，参会负责人一致同意决定建议。',
    };
    const discuss = (over: Record<string, unknown>) => sys.gql(DISCUSS, { input: { ...base, ...over } }, t.principal);
    // The principal and the two handlers: three staff, but the handlers are not leaders.
    expect(ext(await discuss({ participantIds: [id('principal-wang'), ...bureauOfficers()] }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'participantIds',
    });
    expect(ext(await discuss({ participantIds: [id('principal-wang'), id('supervisor-ma'), id('reviewer-zhang')] }))).toMatchObject({
      field: 'participantIds',
    });
    // The principal takes part, so the principal presides.
    const leaders3 = [id('principal-wang'), id('supervisor-ma'), id('admin-zhao')];
    expect(ext(await discuss({ participantIds: leaders3, presidedBy: id('supervisor-ma') }))).toMatchObject({ field: 'presidedBy' });
    // A fourth leader is drafted: not yet on the published list, not yet a leader.
    const drafted = await ok(
      `mutation($input: CreateAgencyLeaderInput!) { createAgencyLeader(input: $input) { id status version name } }`,
      {
        input: {
          agencyId: sys.agencyId(BUREAU),
          code: '650109-LD-0099',
          leader: { officerId: id('officer-gulimila'), name: 'x', position: '副局长', principal: false },
        },
      },
      t.officer,
    );
    expect(drafted).toMatchObject({ status: 'DRAFT', name: '古丽米拉·艾山' });
    const without = [id('supervisor-ma'), id('admin-zhao'), id('officer-gulimila')];
    const absent = { participantIds: without, presidedBy: id('supervisor-ma'), principalAbsenceReason: '局长参加市政府专题会议，委托副局长主持。' };
    expect(ext(await discuss(absent))).toMatchObject({ field: 'participantIds' });
    await ok(WORKFLOW('submitExAnteDocument'), { input: { id: drafted.id, version: drafted.version } }, t.officer);
    await ok(WORKFLOW('approveExAnteDocument'), { input: { id: drafted.id, version: drafted.version + 1 } }, t.reviewer);
    await ok(WORKFLOW('publishExAnteDocument'), { input: { id: drafted.id, version: drafted.version + 2 } }, t.reviewer);
    // Published: a leader now. The principal is absent: only with a reason.
    expect(ext(await discuss({ ...absent, principalAbsenceReason: null }))).toMatchObject({ field: 'principalAbsenceReason' });
    await ok(DISCUSS, { input: { ...base, ...absent } }, t.principal);
    const v = (await caseOf(c.id)).version;
    expect((await ok(DECIDE, { input: { caseId: c.id, proposalId: p.id, version: v, partyPresent: true } }, t.principal)).state).toBe('DECIDED');
    const entry = (await caseOf(c.id, 'records { kind payload }')).records.find((r: any) => r.kind === 'COLLECTIVE_DISCUSSION');
    expect(JSON.parse(entry.payload)).toMatchObject({
      presidedBy: id('supervisor-ma'),
      principalId: id('principal-wang'),
      principalAbsenceReason: absent.principalAbsenceReason,
    });
    on(TODAY);
  });
});

describe('relief outcomes — a document number for every correcting outcome; CHANGED executes as changed; 确认无效', () => {
  const APPLY = `mutation($input: ReliefApplicationInput!) { recordReliefApplication(input: $input) { id version } }`;
  const OUTCOME = `mutation($input: ReliefOutcomeInput!) { recordReliefOutcome(input: $input) { id version outcome } }`;
  const SERVE = `mutation($input: ServeInput!) { serveDecision(input: $input) { ${CASE} } }`;
  const PAY = `mutation($input: FinePaymentInput!) { recordFinePayment(input: $input) { id } }`;
  const EXECUTE = `mutation($input: DatedActionInput!) { recordExecution(input: $input) { ${CASE} } }`;
  const FINE = 'version state decisionChange { kind halted } fine { fineAmount totalDue outstanding paidInFull }';

  /** A bureau penalty of `fine` yuan decided and served on 2026-11-09 (notified 2026-11-02). */
  async function servedCase(fine: string, n: number) {
    on('2026-11-02');
    const c = await fileBureau({ party: COMPANY });
    await ok(EVENT, { input: { caseId: c.id, kind: 'CREDENTIAL_SHOWN', occurredOn: sys.clock.today(), officerIds: bureauOfficers() } }, t.officer);
    await ok(START, { input: { caseId: c.id, version: c.version } }, t.officer);
    const p = await proposeFine(c.id, fine);
    await notify(sys, c.id, p.id, t.officer, `米城管告〔2026〕3${n}号`);
    on('2026-11-09');
    await approve(c.id, p.id);
    const decided = await ok(DECIDE, { input: { caseId: c.id, proposalId: p.id, version: (await caseOf(c.id)).version, partyPresent: true } }, t.principal);
    const serve = { caseId: c.id, version: decided.version, method: 'DIRECT', servedOn: '2026-11-09', officerIds: bureauOfficers() };
    await ok(SERVE, { input: { ...serve, publicationNoticeNumber: `米城管公告知〔2026〕3${n}号` } }, t.officer);
    on(TODAY);
    return ok(
      APPLY,
      { input: { caseId: c.id, kind: 'ADMINISTRATIVE_RECONSIDERATION', organ: '乌鲁木齐市米东区人民政府', receivedOn: '2026-11-16' } },
      t.reviewer,
    ).then((r) => ({ id: c.id as string, relief: r }));
  }

  it('refuses a revoking outcome without its document number, and a CHANGED fine without its new amount; executes the changed fine', async () => {
    const c = await servedCase('1000', 1);
    const outcome = (over: Record<string, unknown>) =>
      sys.gql(OUTCOME, { input: { id: c.relief.id, version: c.relief.version, decidedOn: '2026-11-20', reason: '罚款明显不当', ...over } }, t.reviewer);
    expect(ext(await outcome({ outcome: 'REVOKED' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'documentNumber' });
    expect(ext(await outcome({ outcome: 'CHANGED', correction: '罚款改为600元', documentNumber: '米政复决〔2026〕7号' }))).toMatchObject({
      field: 'changedFineAmount',
    });
    await ok(
      OUTCOME,
      {
        input: {
          id: c.relief.id,
          version: c.relief.version,
          decidedOn: '2026-11-20',
          reason: '罚款明显不当',
          outcome: 'CHANGED',
          correction: '罚款改为600元',
          documentNumber: '米政复决〔2026〕7号',
          changedFineAmount: '600',
        },
      },
      t.reviewer,
    );
    // Executed as changed: 600 yuan is what is owed, paid and then executed; nothing stops it.
    const after = await caseOf(c.id, FINE);
    expect(after).toMatchObject({ state: 'SERVED', decisionChange: { kind: 'CHANGED', halted: false }, fine: { fineAmount: '600', totalDue: '600' } });
    expect(ext(await sys.gql(PAY, { input: { caseId: c.id, amount: '1000', paidOn: TODAY, receiptNumber: 'R-26-1' } }, t.officer))).toMatchObject({
      field: 'amount',
    });
    await ok(PAY, { input: { caseId: c.id, amount: '600', paidOn: TODAY, receiptNumber: 'R-26-1' } }, t.officer);
    const executed = await ok(EXECUTE, { input: { caseId: c.id, version: (await caseOf(c.id)).version } }, t.officer);
    expect(executed.state).toBe('EXECUTED');
  });

  it('records 确认无效 (CONFIRMED_VOID) with its document: the decision ends, nothing more is paid or executed', async () => {
    const c = await servedCase('1000', 2);
    await ok(
      OUTCOME,
      {
        input: {
          id: c.relief.id,
          version: c.relief.version,
          decidedOn: '2026-11-20',
          reason: '实施主体不具有行政主体资格',
          outcome: 'CONFIRMED_VOID',
          documentNumber: '米政复决〔2026〕8号',
        },
      },
      t.reviewer,
    );
    const after = await caseOf(c.id, `${FINE} publication { status }`);
    expect(after.decisionChange).toEqual({ kind: 'CONFIRMED_VOID', halted: true });
    expect(after.publication.status).toBe('WITHDRAWN');
    expect(ext(await sys.gql(PAY, { input: { caseId: c.id, amount: '1000', paidOn: TODAY, receiptNumber: 'R-26-2' } }, t.officer))).toMatchObject({
      code: 'INVALID_STATE',
    });
    expect(ext(await sys.gql(EXECUTE, { input: { caseId: c.id, version: after.version } }, t.officer))).toMatchObject({ code: 'INVALID_STATE' });
  });
});

describe('publicity — the decision served, masked reasons, early end on time, businesses named after a person', () => {
  it('refuses a basis other than the decision’s, masks the reason and the person-named business, times the early end', async () => {
    const SHOP = { kind: 'INDIVIDUAL_BUSINESS', name: '马建军', uscc: '92650109MA7F3K2P1G', legalRepresentative: '马建军' };
    on('2026-11-02');
    const c = await fileBureau({ party: SHOP });
    await ok(EVENT, { input: { caseId: c.id, kind: 'CREDENTIAL_SHOWN', occurredOn: sys.clock.today(), officerIds: bureauOfficers() } }, t.officer);
    await ok(START, { input: { caseId: c.id, version: c.version } }, t.officer);
    const p = await proposeFine(c.id, '1000');
    await notify(sys, c.id, p.id, t.officer, '米城管告〔2026〕351号');
    on('2026-11-09');
    await approve(c.id, p.id);
    const decided = await ok(DECIDE, { input: { caseId: c.id, proposalId: p.id, version: (await caseOf(c.id)).version, partyPresent: true } }, t.principal);
    await ok(
      `mutation($input: ServeInput!) { serveDecision(input: $input) { id } }`,
      {
        input: {
          caseId: c.id,
          version: decided.version,
          method: 'DIRECT',
          servedOn: '2026-11-09',
          officerIds: bureauOfficers(),
          publicationNoticeNumber: '米城管公告知〔2026〕351号',
        },
      },
      t.officer,
    );
    const PUB = 'id version status content { partyName text } corrections { reason changes { field from to } }';
    let pub = (await caseOf(c.id, `publication { ${PUB} }`)).publication;
    pub = await ok(
      `mutation($input: PublicationActionInput!) { publishDecision(input: $input) { ${PUB} } }`,
      { input: { id: pub.id, version: pub.version } },
      t.reviewer,
    );
    // R16: an individual business registered under its operator's name is a person in public view.
    expect(pub.content.partyName).toBe('马某');
    expect(pub.content.text).not.toContain('马建军');
    const CORRECT = `mutation($input: PublicationCorrectionInput!) { correctPublication(input: $input) { ${PUB} } }`;
    // 公示规定 Art. 7: the published basis is the one of the decision served.
    const other = await sys.gql(
      CORRECT,
      { input: { id: pub.id, version: pub.version, reason: '依据更正。', legalBasis: [{ law: '城市市容和环境卫生管理条例', article: '第三十六条' }] } },
      t.reviewer,
    );
    expect(ext(other)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'corrections.legalBasis' });
    const reason = '当事人马建军（身份证号11010519491231002X，电话13912345678）来电指出公示事项表述不准确。';
    const corrected = await ok(CORRECT, { input: { id: pub.id, version: pub.version, reason, matter: '在禁止区域内露天烧烤食品' } }, t.reviewer);
    const shown = await ok(`query($id: ID!) { publication(id: $id) { ${PUB} } }`, { id: pub.id });
    expect(shown.corrections[0].reason).not.toMatch(/马建军|11010519491231002X|13912345678/);
    expect(shown.corrections[0].reason).toContain('马某');
    // 公示规定 Art. 14: not on an application dated before the decision, not before the minimum period (3 months).
    const END = `mutation($input: EndPublicationInput!) { endPublicationEarly(input: $input) { status } }`;
    const endInput = { id: pub.id, version: corrected.version, reason: '当事人申请，已履行处罚决定并消除不良影响。' };
    expect(ext(await sys.gql(END, { input: { ...endInput, applicationDate: '2026-11-01' } }, t.reviewer))).toMatchObject({ field: 'applicationDate' });
    expect(ext(await sys.gql(END, { input: { ...endInput, applicationDate: '2026-11-09' } }, t.reviewer))).toMatchObject({ code: 'INVALID_STATE' });
    on(TODAY);
  });
});

describe('entrustment (Art. 20) — the 委托书 is checked at every act of the entrusted squad, not only at filing', () => {
  it('refuses investigating and recording after the 委托书 (valid to 2026-12-31) expired, whatever date the record states', async () => {
    const squad = await sys.token('OFFICER', 'midong-zhzfdd', 'squad-he');
    const squadOfficers = [sys.officerId('squad-he'), sys.officerId('squad-nuraili')];
    on('2026-12-30');
    const c = await ok(
      FILE,
      {
        input: {
          agencyId: sys.agencyId('midong-zhzfdd'),
          procedure: 'GENERAL',
          powerItemCode: '650109-CF-0001',
          party: COMPANY,
          officerIds: squadOfficers,
          source: { kind: 'INSPECTION' },
          factsSummary: '在禁止区域内露天烧烤食品。',
        },
      },
      squad,
    );
    on('2027-01-04');
    expect(ext(await sys.gql(START, { input: { caseId: c.id, version: c.version } }, squad))).toMatchObject({ code: 'FORBIDDEN' });
    const record = (occurredOn: string) =>
      doc(c.id, 'INQUIRY_RECORD', 'INVESTIGATION', { officerIds: squadOfficers, occurredOn, lateEntryReason: '纸质笔录补录' }, squad);
    expect(ext(await record('2027-01-04'))).toMatchObject({ code: 'FORBIDDEN' });
    expect(ext(await record('2026-12-31'))).toMatchObject({ code: 'FORBIDDEN' }); // the act itself is today: the organisation no longer acts
    on(TODAY);
  });
});
