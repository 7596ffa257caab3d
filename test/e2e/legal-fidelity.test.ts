import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPass, gqlOk, notify, sha256 } from '../helpers/scenarios.js';
import { startTestSystem, type GqlResult, type TestSystem } from '../helpers/system.js';

// Issue 13: the bypasses a careless or mischievous user found through the API, each tried again through the
// gateway (findings 1–12), and the legal pieces that were missing. Every act is entered on its day: the test
// moves the business clock; backdating is what these tests try, and what the system refuses.

const TODAY = '2026-11-20';
const BUREAU = 'midong-cgj';
const SQUAD = 'midong-zhzfdd';
let sys: TestSystem;
const t = {} as Record<'officer' | 'officerLicence' | 'principal' | 'reviewer' | 'reviewer2' | 'admin' | 'supervisor' | 'squadOfficer', string>;

const ext = (r: GqlResult) => r.errors?.[0]?.extensions ?? {};
const on = (date: string) => sys.clock.set(date);
const ok = (q: string, variables: Record<string, unknown>, tok?: string) => gqlOk(sys, q, variables, tok);

const CASE = 'id caseNumber caseType state version filedOn decidedOn decisionDueOn decisionOverdue';
const FILE = `mutation($input: FileCaseInput!) { fileCase(input: $input) { ${CASE} } }`;
const PROPOSE = `mutation($input: ProposeDecisionInput!) { proposeDecision(input: $input) { id contentHash reviewRequired collectiveDiscussionRequired reviewReasons { ruleCode } } }`;
const DECIDE = `mutation($input: DecideCaseInput!) { decideCase(input: $input) { ${CASE} } }`;
const EVENT = `mutation($input: CaseEventInput!) { recordEvent(input: $input) { ${CASE} } }`;
const TEXT = `mutation($input: TextRecordInput!) { recordText(input: $input) { id } }`;
const AV = `mutation($input: AvRecordInput!) { registerAvRecord(input: $input) { id } }`;
const SERVE = `mutation($input: ServeInput!) { serveDecision(input: $input) { ${CASE} } }`;
const DATED = (m: string) => `mutation($input: DatedActionInput!) { ${m}(input: $input) { ${CASE} } }`;
const PUB = 'id status version dueOn overdue publishedOn withdrawalDueOn withdrawalOverdue partyNotifiedOn';
const PUBLISH = `mutation($input: PublicationActionInput!) { publishDecision(input: $input) { ${PUB} } }`;
const CHANGE = `mutation($input: DecisionChangeInput!) { recordDecisionChange(input: $input) { ${PUB} } }`;
const SUBMIT = `mutation($input: SubmitForReviewInput!) { submitForReview(input: $input) { id version status } }`;
const OPINION = `mutation($id: ID!, $input: ReviewOpinionInput!) { recordReviewOpinion(reviewId: $id, input: $input) { id status } }`;

const bureauOfficers = () => [sys.officerId('officer-sun'), sys.officerId('officer-abdurahman')];
const COMPANY = {
  kind: 'LEGAL_PERSON',
  name: '乌鲁木齐某某建筑工程有限公司',
  uscc: '91230500MA1B3N1N2M',
  legalRepresentative: '张某',
  address: '米东区某路1号',
};
const PERSON = { kind: 'NATURAL_PERSON', name: '马建军', residentIdNumber: '11010519491231002X', address: '米东区某街道' };
const BARBECUE_BASIS = [{ law: '中华人民共和国大气污染防治法', article: '第一百一十八条第三款' }];

const caseOf = async (id: string, fields = CASE) => ok(`query($id: ID!) { case(id: $id) { ${fields} } }`, { id }, t.supervisor);
const publicationOf = async (id: string) => (await caseOf(id, `publication { ${PUB} }`)).publication;

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

/** A bureau penalty investigated and notified of `fine` on the clock's day; returns the case, proposal and version. */
async function notifiedCase(fine: string, over: Record<string, unknown> = {}) {
  const c = await fileBureau(over);
  await ok(EVENT, { input: { caseId: c.id, kind: 'CREDENTIAL_SHOWN', occurredOn: sys.clock.today(), officerIds: bureauOfficers() } }, t.officer);
  await ok(`mutation($input: CaseActionInput!) { startInvestigation(input: $input) { id } }`, { input: { caseId: c.id, version: c.version } }, t.officer);
  const p = await proposeFine(c.id, fine);
  const n = await notify(sys, c.id, p.id, t.officer, `米城管告〔2026〕${++docSeq}号`);
  return { id: c.id as string, caseNumber: c.caseNumber as string, proposal: p, version: n.version as number };
}

/** Legal review through the reviews subgraph: submitted by the handler, approved by reviewer-li. */
async function approve(caseId: string, proposalId: string) {
  const r = await ok(
    SUBMIT,
    { input: { caseId, proposalId, materials: ['案卷'], handlerStatement: '送审材料真实、准确、完整。', reviewerId: sys.officerId('reviewer-li') } },
    t.officer,
  );
  // The reviewer confirms every point in writing (automatic findings it overrides carry the note).
  const findings = allPass().map((f) => ({ ...f, note: '经审核人员核查，符合要求。' }));
  await ok(OPINION, { id: r.id, input: { version: r.version, findings, conclusion: 'APPROVED', opinion: '同意。' } }, t.reviewer2);
}

beforeAll(async () => {
  sys = await startTestSystem({ today: TODAY });
  t.officer = await sys.token('OFFICER', BUREAU, 'officer-sun');
  t.officerLicence = await sys.token('OFFICER', BUREAU, 'officer-sun');
  t.principal = await sys.token('PRINCIPAL', BUREAU, 'principal-wang');
  t.reviewer = await sys.token('REVIEWER', BUREAU, 'reviewer-zhang');
  t.reviewer2 = await sys.token('REVIEWER', BUREAU, 'reviewer-li');
  t.admin = await sys.token('ADMIN', null, 'admin-zhao');
  t.supervisor = await sys.token('SUPERVISOR', null, 'supervisor-ma');
  t.squadOfficer = await sys.token('OFFICER', SQUAD, 'squad-he');
}, 60_000);
afterAll(() => sys?.stop());

describe('finding 1 — facts decide, not labels: the case type comes from the pinned power item', () => {
  it('refuses a general-procedure penalty filed as OTHER or LICENSING, and derives PENALTY when no label is given', async () => {
    on(TODAY);
    for (const caseType of ['OTHER', 'LICENSING']) {
      const r = await sys.gql(
        FILE,
        {
          input: {
            agencyId: sys.agencyId(BUREAU),
            caseType,
            procedure: 'GENERAL',
            powerItemCode: '650109-CF-0001',
            party: PERSON,
            officerIds: bureauOfficers(),
            source: { kind: 'COMPLAINT' },
            factsSummary: '露天烧烤。',
          },
        },
        t.officer,
      );
      expect(ext(r), caseType).toMatchObject({ code: 'BAD_USER_INPUT', field: 'caseType' });
    }
    const c = await fileBureau();
    expect(c.caseType).toBe('PENALTY');
    await ok(`mutation($input: CaseActionInput!) { startInvestigation(input: $input) { id } }`, { input: { caseId: c.id, version: c.version } }, t.officer);
    // A 15,000-yuan fine on it is a general-procedure penalty: reviewed, whatever label was tried.
    const p = await proposeFine(c.id, '15000');
    expect(p.reviewRequired).toBe(true);
    expect(p.reviewReasons.map((r: any) => r.ruleCode)).toEqual(expect.arrayContaining(['POLICY', '650109-SH-0001']));
    // A licensing outcome cannot be chosen for a penalty case either.
    const licence = await sys.gql(PROPOSE, { input: { caseId: c.id, outcome: 'LICENCE_GRANTED', legalBasis: BARBECUE_BASIS, reasoning: 'x' } }, t.officer);
    expect(ext(licence)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'outcome' });
  });
});

describe('finding 2 — two times: system acts take the recorded date, field acts need a reason to be entered late', () => {
  it('refuses a backdated decision, publication, withdrawal and archive; a late publication stays flagged', async () => {
    on('2026-11-02');
    const c = await notifiedCase('1000');
    on(TODAY);
    await approve(c.id, c.proposal.id);
    const v = (await caseOf(c.id)).version;
    const backdated = await sys.gql(
      DECIDE,
      { input: { caseId: c.id, proposalId: c.proposal.id, version: v, decidedOn: '2026-11-05', partyPresent: true } },
      t.principal,
    );
    expect(ext(backdated)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'decidedOn' });
    const decided = await ok(DECIDE, { input: { caseId: c.id, proposalId: c.proposal.id, version: v, partyPresent: true } }, t.principal);
    expect(decided.decidedOn).toBe(TODAY);
    // Due 2026-12-01 (7 working days). Published on 2026-12-03 it is late, and a backdated date cannot clear that.
    on('2026-12-03');
    const pub = await publicationOf(c.id);
    expect(pub).toMatchObject({ dueOn: '2026-12-01', overdue: true });
    expect(ext(await sys.gql(PUBLISH, { input: { id: pub.id, version: pub.version, on: '2026-11-30' } }, t.reviewer))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'on',
    });
    const published = await ok(PUBLISH, { input: { id: pub.id, version: pub.version } }, t.reviewer);
    expect(published).toMatchObject({ publishedOn: '2026-12-03', overdue: true });
    // A withdrawal is dated when recorded too (R14).
    // A changed fine names its new amount (issue 26: the decision is executed as changed).
    const changed = await ok(
      CHANGE,
      { input: { caseId: c.id, kind: 'CHANGED', reason: '决定内容经复核予以变更。', documentNumber: '米城管变〔2026〕1号', changedFineAmount: '800' } },
      t.principal,
    );
    on('2026-12-09');
    const withdraw = `mutation($input: PublicationActionInput!) { withdrawPublication(input: $input) { ${PUB} } }`;
    expect(ext(await sys.gql(withdraw, { input: { id: pub.id, version: changed.version, on: '2026-12-04' } }, t.reviewer))).toMatchObject({ field: 'on' });
    expect(await ok(withdraw, { input: { id: pub.id, version: changed.version } }, t.reviewer)).toMatchObject({ status: 'WITHDRAWN', withdrawalOverdue: true });
    on(TODAY);
  });

  it('keeps both the stated date and the recorded time; a field date far back needs a reason', async () => {
    on(TODAY);
    const c = await fileBureau();
    const late = await doc(c.id, 'FILING_APPROVAL', 'INITIATION', { occurredOn: TODAY });
    expect(late.errors).toBeUndefined();
    const old = await sys.gql(EVENT, { input: { caseId: c.id, kind: 'CREDENTIAL_SHOWN', occurredOn: '2026-11-09', officerIds: bureauOfficers() } }, t.officer);
    // Filed today: an act before filing is refused outright; a date far back needs a reason.
    expect(ext(old)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'occurredOn' });
    const filedLate = await sys.gql(FILE, { input: { ...fileInputOf(), filedOn: '2026-11-02' } }, t.officer);
    expect(ext(filedLate)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lateEntryReason' });
    const withReason = await ok(
      FILE,
      { input: { ...fileInputOf(), filedOn: '2026-11-02', lateEntryReason: '立案审批表当日签批，系统故障次周补录' } },
      t.officer,
    );
    const entry = (await caseOf(withReason.id, 'records { kind statedOn lateEntryReason recordedAt }')).records[0];
    expect(entry).toMatchObject({ kind: 'TRANSITION', statedOn: '2026-11-02', lateEntryReason: '立案审批表当日签批，系统故障次周补录' });
    expect(entry.recordedAt.slice(0, 10)).toBe('2026-11-20');
  });
});

const fileInputOf = () => ({
  agencyId: sys.agencyId(BUREAU),
  procedure: 'GENERAL',
  powerItemCode: '650109-CF-0001',
  party: PERSON,
  officerIds: bureauOfficers(),
  source: { kind: 'COMPLAINT' },
  factsSummary: '在禁止区域内露天烧烤食品。',
});

describe('finding 3 — R4 is bound to the proposal', () => {
  it('refuses a bare notice event and a loose notice document; a heavier proposal needs a new notice and a new hearing window', async () => {
    on('2026-11-02');
    const c = await fileBureau();
    await ok(EVENT, { input: { caseId: c.id, kind: 'CREDENTIAL_SHOWN', occurredOn: '2026-11-02', officerIds: bureauOfficers() } }, t.officer);
    await ok(`mutation($input: CaseActionInput!) { startInvestigation(input: $input) { id } }`, { input: { caseId: c.id, version: c.version } }, t.officer);
    const p1 = await proposeFine(c.id, '5000');
    const bare = await sys.gql(EVENT, { input: { caseId: c.id, kind: 'RIGHTS_NOTIFIED', occurredOn: '2026-11-02' } }, t.officer);
    expect(ext(bare)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'rightsNotice' });
    expect(ext(await doc(c.id, 'RIGHTS_NOTICE', 'INVESTIGATION'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'documentType' });
    await notify(sys, c.id, p1.id, t.officer, '米城管告〔2026〕31号');
    // A heavier proposal after the notice (20,000 yuan): no decision on it without a new notice.
    on('2026-11-10');
    const p2 = await proposeFine(c.id, '20000');
    await approve(c.id, p2.id);
    on(TODAY);
    const v = (await caseOf(c.id)).version;
    const heavier = await sys.gql(DECIDE, { input: { caseId: c.id, proposalId: p2.id, version: v, partyPresent: true } }, t.principal);
    expect(ext(heavier)).toMatchObject({ code: 'INVALID_STATE', missing: 'RIGHTS_NOTIFIED' });
    expect(heavier.errors![0]!.message).toContain('罚款由 5000 元增至 20000 元');
  });

  it('after a new notice of the heavier proposal the hearing window runs again from it', async () => {
    on('2026-11-02');
    const c = await notifiedCase('5000');
    on('2026-11-10');
    const p2 = await proposeFine(c.id, '20000');
    await notify(sys, c.id, p2.id, t.officer, '米城管告〔2026〕32号'); // 20,000 yuan for a person: a hearing right (Art. 63)
    await approve(c.id, p2.id);
    on('2026-11-16');
    const v = (await caseOf(c.id)).version;
    // 2026-11-10 + 5 working days = 2026-11-17: the new window is still open.
    expect(ext(await sys.gql(DECIDE, { input: { caseId: c.id, proposalId: p2.id, version: v, partyPresent: true } }, t.principal))).toMatchObject({
      code: 'INVALID_STATE',
      hearingWindowEnds: '2026-11-17',
    });
    on('2026-11-18');
    expect((await ok(DECIDE, { input: { caseId: c.id, proposalId: p2.id, version: v, partyPresent: true } }, t.principal)).state).toBe('DECIDED');
    on(TODAY);
  });
});

describe('finding 4 — revocation: only the principal (or a relief outcome); a revoked decision is not served or executed', () => {
  it('refuses an officer, withdraws a pending publication at once, stops the execution with a record entry', async () => {
    on('2026-11-09');
    const c = await notifiedCase('1000');
    on('2026-11-16');
    await approve(c.id, c.proposal.id);
    const decided = await ok(
      DECIDE,
      { input: { caseId: c.id, proposalId: c.proposal.id, version: (await caseOf(c.id)).version, partyPresent: false } },
      t.principal,
    );
    const byOfficer = await sys.gql(CHANGE, { input: { caseId: c.id, kind: 'REVOKED', reason: '撤销。' } }, t.officer);
    expect(ext(byOfficer)).toMatchObject({ code: 'FORBIDDEN' });
    const revoked = await ok(
      CHANGE,
      { input: { caseId: c.id, kind: 'REVOKED', reason: '经复核，认定事实不清，撤销原决定。', documentNumber: '米城管撤〔2026〕1号' } },
      t.principal,
    );
    // Pending (never public): withdrawn at once.
    expect(revoked).toMatchObject({ status: 'WITHDRAWN', withdrawalOverdue: false });
    const served = await sys.gql(
      SERVE,
      { input: { caseId: c.id, version: decided.version + 1, method: 'POSTAL', servedOn: '2026-11-16', officerIds: bureauOfficers() } },
      t.officer,
    );
    expect(ext(served)).toMatchObject({ code: 'INVALID_STATE', changeKind: 'REVOKED' });
    const after = await caseOf(c.id, `${CASE} decisionChange { kind changedOn halted } records { kind stage }`);
    expect(after.decisionChange).toEqual({ kind: 'REVOKED', changedOn: '2026-11-16', halted: true });
    expect(after.records.map((r: any) => `${r.kind}:${r.stage}`)).toContain('EXECUTION_STOPPED:EXECUTION');
    // The case ends without execution.
    expect((await ok(DATED('closeCase'), { input: { caseId: c.id, version: after.version } }, t.officer)).state).toBe('CLOSED');
    on(TODAY);
  });
});

describe('finding 5 — R7: no one who took part in the case reviews it', () => {
  it('refuses as reviewer an officer who was at the on-site inspection without being a handler', async () => {
    on('2026-11-09');
    const c = await fileBureau();
    await ok(`mutation($input: CaseActionInput!) { startInvestigation(input: $input) { id } }`, { input: { caseId: c.id, version: c.version } }, t.officer);
    const onSite = await doc(c.id, 'ON_SITE_INSPECTION_RECORD', 'INVESTIGATION', {
      officerIds: [sys.officerId('officer-sun'), sys.officerId('reviewer-zhang')],
    });
    expect(onSite.errors).toBeUndefined();
    const p = await proposeFine(c.id, '1000');
    await notify(sys, c.id, p.id, t.officer, '米城管告〔2026〕51号');
    const submitted = await sys.gql(
      SUBMIT,
      { input: { caseId: c.id, proposalId: p.id, materials: ['案卷'], handlerStatement: '真实完整。', reviewerId: sys.officerId('reviewer-zhang') } },
      t.officer,
    );
    expect(ext(submitted)).toMatchObject({ code: 'FORBIDDEN', field: 'reviewerId' });
    expect(submitted.errors![0]!.message).toContain('参与过本案');
    const r = await ok(SUBMIT, { input: { caseId: c.id, proposalId: p.id, materials: ['案卷'], handlerStatement: '真实完整。' } }, t.officer);
    const assign = await sys.gql(
      `mutation($input: AssignReviewerInput!) { assignReviewer(input: $input) { id } }`,
      { input: { reviewId: r.id, version: r.version, reviewerId: sys.officerId('reviewer-zhang') } },
      t.reviewer2,
    );
    expect(ext(assign)).toMatchObject({ code: 'FORBIDDEN', field: 'reviewerId' });
    on(TODAY);
  });
});

describe('finding 6 — R9: the statutory range is never left, whatever the reason', () => {
  it('refuses 50,000 yuan on an item whose law allows 500–20,000, even with an outside-range reason', async () => {
    on(TODAY);
    const c = await fileBureau({ party: COMPANY });
    await ok(`mutation($input: CaseActionInput!) { startInvestigation(input: $input) { id } }`, { input: { caseId: c.id, version: c.version } }, t.officer);
    const over = await sys.gql(
      PROPOSE,
      {
        input: {
          caseId: c.id,
          outcome: 'PENALTY',
          penaltyTypes: ['FINE'],
          fineAmount: '50000',
          discretionTier: 'GRAVE',
          legalBasis: BARBECUE_BASIS,
          reasoning: '情节恶劣。',
          outsideRangeReason: '多次违法，从重处罚。',
        },
      },
      t.officer,
    );
    expect(ext(over)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fineAmount' });
    expect(over.errors![0]!.message).toContain('20000');
    // The item publishes its statutory range.
    const item = await ok(`{ powerItem(code: "650109-CF-0001") { statutoryRanges { fineMin fineMax basis { article } } } }`, {});
    expect(item.statutoryRanges).toEqual([{ fineMin: '500', fineMax: '20000', basis: { article: '第一百一十八条第三款' } }]);
    // Below the minimum only on a statutory mitigation ground (Art. 32).
    expect(
      ext(
        await sys.gql(
          PROPOSE,
          {
            input: {
              caseId: c.id,
              outcome: 'PENALTY',
              penaltyTypes: ['FINE'],
              fineAmount: '300',
              discretionTier: 'MINOR',
              legalBasis: BARBECUE_BASIS,
              reasoning: 'x',
              outsideRangeReason: 'y',
            },
          },
          t.officer,
        ),
      ),
    ).toMatchObject({ field: 'fineAmount' });
    expect((await proposeFine(c.id, '300', { discretionTier: 'MINOR', mitigationGround: 'CONSEQUENCES_ELIMINATED' })).contentHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('finding 7 — R18 checks substance, not presence', () => {
  it('refuses a one-letter document, an unnumbered document, a backdated document, a placeholder AV hash and a duration that does not match (post-closing supplements: cases.test.ts)', async () => {
    on(TODAY);
    const c = await fileBureau();
    expect(ext(await doc(c.id, 'FILING_APPROVAL', 'INITIATION', { content: 'x' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'content' });
    expect(ext(await doc(c.id, 'FILING_APPROVAL', 'INITIATION', { documentNumber: null }))).toMatchObject({ field: 'documentNumber' });
    expect(ext(await doc(c.id, 'EVIDENCE', 'INITIATION', { occurredOn: '2026-11-02' }))).toMatchObject({ field: 'occurredOn' });
    const av = (sha: string, durationSeconds = 600) =>
      sys.gql(
        AV,
        {
          input: {
            caseId: c.id,
            stage: 'INITIATION',
            activity: 'ON_SITE_INSPECTION',
            sha256: sha,
            sizeBytes: 1000,
            durationSeconds,
            device: 'DSJ-1',
            officerIds: bureauOfficers(),
            startedAt: '2026-11-20T02:00:00Z',
            endedAt: '2026-11-20T02:10:00Z',
            location: '米东区某路',
            storageUri: 'file://av/x.mp4',
          },
        },
        t.officer,
      );
    expect(ext(await av('0'.repeat(64)))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sha256' });
    expect(ext(await av(sha256('real video'), 5))).toMatchObject({ field: 'durationSeconds' });
    expect((await av(sha256('real video'))).errors).toBeUndefined();
  });
});

describe('finding 8 — R2 on every on-site and inquiry record', () => {
  it('refuses an on-site or inquiry record that names no officers', async () => {
    on(TODAY);
    const c = await fileBureau();
    for (const documentType of ['ON_SITE_INSPECTION_RECORD', 'INQUIRY_RECORD']) {
      expect(ext(await doc(c.id, documentType, 'INVESTIGATION')), documentType).toMatchObject({ code: 'CREDENTIAL_INVALID', field: 'officerIds' });
    }
    expect((await doc(c.id, 'INQUIRY_RECORD', 'INVESTIGATION', { officerIds: bureauOfficers() })).errors).toBeUndefined();
  });
});

describe('finding 9 — Case.powerItem is the version pinned at filing', () => {
  it('shows the filing version after the item was revised, and the current one beside it', async () => {
    on(TODAY);
    const c = await fileBureau({ powerItemCode: '650109-CF-0002', party: COMPANY });
    const v1 = (await ok(`{ powerItem(code: "650109-CF-0002") { id version name } }`, {}, t.officer)) as { id: string; version: number; name: string };
    const draft = await ok(
      `mutation($input: ReviseExAnteInput!) { reviseExAnteDocument(input: $input) { id version } }`,
      {
        input: {
          id: v1.id,
          version: v1.version,
          powerItem: {
            name: '对餐饮服务业经营者超过排放标准排放油烟的行政处罚（2027年版）',
            category: 'PENALTY',
            enforcementArea: '城市管理综合执法',
            establishingBasis: [{ law: '中华人民共和国大气污染防治法', article: '第一百一十八条第一款' }],
            procedureSteps: ['立案', '调查', '告知', '决定'],
            reliefChannels: [{ kind: 'ADMINISTRATIVE_RECONSIDERATION', body: '米东区人民政府', timeLimit: '六十日' }],
          },
        },
      },
      t.officer,
    );
    let version = draft.version;
    for (const [m, tok] of [
      ['submitExAnteDocument', t.officer],
      ['approveExAnteDocument', t.reviewer],
      ['publishExAnteDocument', t.reviewer],
    ] as const) {
      version = (await ok(`mutation($input: WorkflowInput!) { ${m}(input: $input) { version } }`, { input: { id: draft.id, version } }, tok)).version;
    }
    const got = await caseOf(c.id, 'powerItemVersionNo powerItem { versionNo name } currentPowerItem { versionNo name }');
    expect(got.powerItem).toEqual({ versionNo: 1, name: v1.name });
    expect(got.currentPowerItem).toEqual({ versionNo: 2, name: '对餐饮服务业经营者超过排放标准排放油烟的行政处罚（2027年版）' });
  });
});

describe('finding 10 — publication text from templates per case type and outcome', () => {
  it('publishes a licence grant as a grant under a licensing number, and never applies the unit-only item to a person', async () => {
    on('2026-11-16');
    const licensing = await ok(
      FILE,
      {
        input: {
          agencyId: sys.agencyId(BUREAU),
          procedure: 'GENERAL',
          powerItemCode: '650109-XK-0001',
          party: COMPANY,
          officerIds: [sys.officerId('officer-sun'), sys.officerId('officer-gulimila')],
          source: { kind: 'OTHER' },
          factsSummary: '申请临时堆放物料。',
        },
      },
      t.officer,
    );
    expect(licensing).toMatchObject({ caseType: 'LICENSING', caseNumber: expect.stringMatching(/^米城管许〔2026〕\d+号$/) });
    // 20 working days from acceptance (行政许可法 Art. 42, 82), not the penalty's 90 days.
    expect(licensing.decisionDueOn).toBe('2026-12-14');
    await ok(
      `mutation($input: CaseActionInput!) { startInvestigation(input: $input) { id } }`,
      { input: { caseId: licensing.id, version: licensing.version } },
      t.officer,
    );
    const p = await ok(
      PROPOSE,
      {
        input: {
          caseId: licensing.id,
          outcome: 'LICENCE_GRANTED',
          legalBasis: [{ law: '城市市容和环境卫生管理条例', article: '第十四条' }],
          reasoning: '符合条件。',
        },
      },
      t.officer,
    );
    expect(p.reviewRequired).toBe(false);
    const decided = await ok(
      DECIDE,
      { input: { caseId: licensing.id, proposalId: p.id, version: (await caseOf(licensing.id)).version, partyPresent: true } },
      t.principal,
    );
    expect(decided.state).toBe('DECIDED');
    const pub = await publicationOf(licensing.id);
    await ok(PUBLISH, { input: { id: pub.id, version: pub.version } }, t.reviewer);
    const content = (await ok(`query($id: ID!) { publication(id: $id) { content { title violation matter text decisionNumber category } } }`, { id: pub.id }))
      .content;
    expect(content).toMatchObject({ title: '准予行政许可决定公示', violation: null, category: '行政许可', decisionNumber: licensing.caseNumber });
    expect(content.text).toContain('决定准予行政许可');
    expect(content.text).not.toMatch(/违反|罚/);
    // 650109-CF-0005 (对单位…) does not apply to a person.
    const person = await sys.gql(FILE, { input: { ...fileInputOf(), powerItemCode: '650109-CF-0005', procedure: 'SIMPLE' } }, t.officer);
    expect(ext(person)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'party.kind' });
    on(TODAY);
  });
});

describe('finding 11 — coercion has no 90-day clock; a seizure lasts 30 days, extended once with approval', () => {
  it('runs the impoundment period, one extension by the principal, and requires lifting before closing', async () => {
    on('2026-08-03');
    const c = await fileBureau({ powerItemCode: '650109-QZ-0001', party: COMPANY });
    expect(c).toMatchObject({ caseType: 'COERCION', decisionDueOn: null, caseNumber: expect.stringMatching(/^米城管强〔2026〕\d+号$/) });
    await ok(`mutation($input: CaseActionInput!) { startInvestigation(input: $input) { id } }`, { input: { caseId: c.id, version: c.version } }, t.officer);
    const p = await ok(
      PROPOSE,
      { input: { caseId: c.id, outcome: 'IMPOUND', legalBasis: [{ law: '中华人民共和国行政强制法', article: '第二十五条' }], reasoning: '扣押焚烧炉具。' } },
      t.officer,
    );
    // A penalty cannot be proposed on a coercion case.
    expect(
      ext(
        await sys.gql(
          PROPOSE,
          {
            input: {
              caseId: c.id,
              outcome: 'PENALTY',
              penaltyTypes: ['FINE'],
              fineAmount: '100',
              discretionTier: 'MINOR',
              legalBasis: BARBECUE_BASIS,
              reasoning: 'x',
            },
          },
          t.officer,
        ),
      ),
    ).toMatchObject({ field: 'outcome' });
    const decided = await ok(DECIDE, { input: { caseId: c.id, proposalId: p.id, version: (await caseOf(c.id)).version, partyPresent: true } }, t.principal);
    on(TODAY); // 109 days after filing: still no R10 flag for a measure
    const SEIZURE = `${CASE} seizure { startedOn endsOn extendedTo liftedOn overdue }`;
    expect(await caseOf(c.id, SEIZURE)).toMatchObject({ decisionOverdue: false, seizure: { startedOn: '2026-08-03', endsOn: '2026-09-02', overdue: true } });
    on('2026-08-25');
    const EXTEND = `mutation($input: SeizureExtensionInput!) { extendSeizure(input: $input) { ${SEIZURE} } }`;
    const ext30 = {
      caseId: c.id,
      version: decided.version,
      days: 30,
      reason: '需委托检测，情况复杂。',
      noticeNumber: '米城管强延〔2026〕1号',
      notice: '延长扣押期限三十日，理由为需委托检测，特此告知。',
    };
    expect(ext(await sys.gql(EXTEND, { input: ext30 }, t.officer))).toMatchObject({ code: 'FORBIDDEN' });
    expect(ext(await sys.gql(EXTEND, { input: { ...ext30, days: 31 } }, t.principal))).toMatchObject({ field: 'days' });
    const extended = await ok(EXTEND, { input: ext30 }, t.principal);
    expect(extended.seizure).toMatchObject({ endsOn: '2026-09-02', extendedTo: '2026-10-02', overdue: false });
    expect(ext(await sys.gql(EXTEND, { input: { ...ext30, version: extended.version, days: 5 } }, t.principal))).toMatchObject({ code: 'INVALID_STATE' });
    on('2026-09-20');
    const served = await ok(
      SERVE,
      {
        input: {
          caseId: c.id,
          version: extended.version,
          method: 'DIRECT',
          servedOn: '2026-08-03',
          officerIds: bureauOfficers(),
          lateEntryReason: '扣押决定书当场交付，送达回证补录',
          publicationNoticeNumber: '米城管强公告〔2026〕1号',
        },
      },
      t.officer,
    );
    expect(ext(await sys.gql(DATED('closeCase'), { input: { caseId: c.id, version: served.version } }, t.officer))).toMatchObject({ code: 'INVALID_STATE' });
    const lifted = await ok(
      `mutation($input: SeizureLiftInput!) { liftSeizure(input: $input) { ${SEIZURE} } }`,
      { input: { caseId: c.id, version: served.version, reason: '检测完毕，已作出处理决定，不再需要扣押。', documentNumber: '米城管强解〔2026〕1号' } },
      t.principal,
    );
    expect(lifted.seizure).toMatchObject({ liftedOn: '2026-09-20', overdue: false });
    expect((await ok(DATED('closeCase'), { input: { caseId: c.id, version: lifted.version } }, t.officer)).state).toBe('CLOSED');
    on(TODAY);
  });
});

describe('finding 12 — credential status has a dated history', () => {
  it('accepts an act from before a suspension and refuses one after it, whatever the status today', async () => {
    on(TODAY);
    const officer = await ok(
      `mutation($input: CreateOfficerInput!) { createOfficer(input: $input) { id version } }`,
      {
        input: {
          agencyId: sys.agencyId(BUREAU),
          name: '吴建华',
          credentialNumber: '65010901099',
          validFrom: '2024-01-01',
          validUntil: '2028-12-31',
          enforcementAreas: ['城市管理综合执法'],
        },
      },
      t.admin,
    );
    const suspended = await ok(
      `mutation($input: UpdateOfficerInput!) { updateOfficer(input: $input) { credentialStatus credentialHistory { status effectiveFrom reason } } }`,
      {
        input: {
          id: officer.id,
          version: officer.version,
          credentialStatus: 'SUSPENDED',
          credentialStatusEffectiveFrom: '2026-11-10',
          credentialStatusReason: '暂扣执法证件，接受调查。',
        },
      },
      t.admin,
    );
    expect(suspended.credentialStatus).toBe('SUSPENDED');
    expect(suspended.credentialHistory.map((h: any) => [h.status, h.effectiveFrom])).toEqual([
      ['VALID', '2024-01-01'],
      ['SUSPENDED', '2026-11-10'],
    ]);
    on('2026-11-05');
    const c = await fileBureau({ powerItemCode: '650109-CF-0002', party: COMPANY });
    await ok(`mutation($input: CaseActionInput!) { startInvestigation(input: $input) { id } }`, { input: { caseId: c.id, version: c.version } }, t.officer);
    on(TODAY);
    const pair = [sys.officerId('officer-sun'), officer.id];
    const before = await doc(c.id, 'ON_SITE_INSPECTION_RECORD', 'INVESTIGATION', {
      officerIds: pair,
      occurredOn: '2026-11-06',
      lateEntryReason: '现场笔录纸质签署，系统补录',
    });
    expect(before.errors).toBeUndefined();
    const after = await doc(c.id, 'INQUIRY_RECORD', 'INVESTIGATION', { officerIds: pair, occurredOn: '2026-11-18' });
    expect(ext(after)).toMatchObject({ code: 'CREDENTIAL_INVALID', officerId: officer.id });
  });
});

describe('missing legal pieces', () => {
  it('collective discussion (Art. 57(2)) where the catalog says so, recorded for exactly the proposal decided', async () => {
    on('2026-11-09');
    const c = await fileBureau({ party: COMPANY });
    await ok(EVENT, { input: { caseId: c.id, kind: 'CREDENTIAL_SHOWN', occurredOn: '2026-11-09', officerIds: bureauOfficers() } }, t.officer);
    await ok(`mutation($input: CaseActionInput!) { startInvestigation(input: $input) { id } }`, { input: { caseId: c.id, version: c.version } }, t.officer);
    const p = await proposeFine(c.id, '6000', { reviewFlags: ['COMPLEX'] });
    expect(p).toMatchObject({ reviewRequired: true, collectiveDiscussionRequired: true });
    await notify(sys, c.id, p.id, t.officer, '米城管告〔2026〕71号');
    await approve(c.id, p.id);
    on('2026-11-16');
    const v = (await caseOf(c.id)).version;
    expect(ext(await sys.gql(DECIDE, { input: { caseId: c.id, proposalId: p.id, version: v, partyPresent: true } }, t.principal))).toMatchObject({
      code: 'INVALID_STATE',
      missing: 'COLLECTIVE_DISCUSSION',
    });
    const DISCUSS = `mutation($input: CollectiveDiscussionInput!) { recordCollectiveDiscussion(input: $input) { id } }`;
    const discussion = {
      caseId: c.id,
      proposalId: p.id,
      heldOn: '2026-11-16',
      participantIds: [sys.officerId('principal-wang'), sys.officerId('supervisor-ma'), sys.officerId('admin-zhao')],
      conclusion: '同意按决定建议作出处罚决定。',
      minutesNumber: '米城管集〔2026〕3号',
      minutes: '局务会集体讨论，参会负责人一致同意决定建议。',
    };
    expect(ext(await sys.gql(DISCUSS, { input: { ...discussion, participantIds: discussion.participantIds.slice(0, 2) } }, t.principal))).toMatchObject({
      field: 'participantIds',
    });
    expect(ext(await sys.gql(DISCUSS, { input: discussion }, t.officer))).toMatchObject({ code: 'FORBIDDEN' });
    await ok(DISCUSS, { input: discussion }, t.principal);
    expect((await ok(DECIDE, { input: { caseId: c.id, proposalId: p.id, version: v, partyPresent: true } }, t.principal)).state).toBe('DECIDED');
    on(TODAY);
  });

  it('written notice of publication at service; fine with the 3 % daily surcharge capped at the fine; correcting and ending a publication early', async () => {
    on('2026-10-19');
    const c = await notifiedCase('1000', { party: COMPANY });
    on('2026-10-26');
    await approve(c.id, c.proposal.id);
    const decided = await ok(
      DECIDE,
      { input: { caseId: c.id, proposalId: c.proposal.id, version: (await caseOf(c.id)).version, partyPresent: true } },
      t.principal,
    );
    const serve = { caseId: c.id, version: decided.version, method: 'DIRECT', servedOn: '2026-10-26', officerIds: bureauOfficers() };
    expect(ext(await sys.gql(SERVE, { input: serve }, t.officer))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'publicationNoticeNumber' });
    const served = await ok(SERVE, { input: { ...serve, publicationNoticeNumber: '米城管公告知〔2026〕8号' } }, t.officer);
    let pub = await publicationOf(c.id);
    expect(pub.partyNotifiedOn).toBe('2026-10-26');
    pub = await ok(PUBLISH, { input: { id: pub.id, version: pub.version } }, t.reviewer);
    // Due 15 days after service (2026-11-10); paid on 2026-11-13: 3 days late, 3 % × 3 = 90 yuan.
    on('2026-11-13');
    const FINE = 'fine { dueOn daysLate lateSurcharge totalDue paid outstanding paidInFull }';
    expect((await caseOf(c.id, FINE)).fine).toMatchObject({ dueOn: '2026-11-10', daysLate: 3, lateSurcharge: '90', totalDue: '1090' });
    const PAY = `mutation($input: FinePaymentInput!) { recordFinePayment(input: $input) { id } }`;
    await ok(PAY, { input: { caseId: c.id, amount: '1000', paidOn: '2026-11-13', receiptNumber: 'R-1' } }, t.officer);
    const early = await sys.gql(
      `mutation($input: EndPublicationInput!) { endPublicationEarly(input: $input) { status } }`,
      { input: { id: pub.id, version: pub.version, reason: '当事人申请并已消除不良影响。', applicationDate: '2026-11-13' } },
      t.reviewer,
    );
    expect(ext(early)).toMatchObject({ code: 'INVALID_STATE' });
    // The fine alone does not execute the decision: the surcharge is owed too (and stopped accruing when the fine was paid).
    on('2026-11-20');
    expect(ext(await sys.gql(DATED('recordExecution'), { input: { caseId: c.id, version: served.version } }, t.officer))).toMatchObject({
      code: 'INVALID_STATE',
      outstanding: '90',
    });
    expect(ext(await sys.gql(PAY, { input: { caseId: c.id, amount: '100', paidOn: '2026-11-20', receiptNumber: 'R-2' } }, t.officer))).toMatchObject({
      field: 'amount',
    });
    await ok(PAY, { input: { caseId: c.id, amount: '90', paidOn: '2026-11-20', receiptNumber: 'R-2' } }, t.officer);
    await ok(DATED('recordExecution'), { input: { caseId: c.id, version: served.version } }, t.officer);
    // 公示规定 Art. 12: a correction, public with what it changed.
    const corrected = await ok(
      `mutation($input: PublicationCorrectionInput!) { correctPublication(input: $input) { version corrections { reason changes { field from to } } } }`,
      { input: { id: pub.id, version: pub.version, reason: '法定代表人姓名录入有误。', legalRepresentative: '张建国' } },
      t.reviewer,
    );
    expect(corrected.corrections[0].changes).toEqual([{ field: 'legalRepresentative', from: '张某', to: '张建国' }]);
    // 公示规定 Art. 14: ended early on the party's application once the decision is fulfilled and the publication has
    // run its minimum period (the short period, 3 months: issue 26).
    on('2027-01-26');
    const ended = await ok(
      `mutation($input: EndPublicationInput!) { endPublicationEarly(input: $input) { status endedOn } }`,
      {
        input: { id: pub.id, version: corrected.version, reason: '当事人申请，已履行处罚决定并消除不良影响，未再受同类处罚。', applicationDate: '2027-01-26' },
      },
      t.reviewer,
    );
    expect(ended).toEqual({ status: 'ENDED', endedOn: '2027-01-26' });
    expect(await ok(`query($id: ID!) { publication(id: $id) { id } }`, { id: pub.id })).toBeNull();
  });

  it('entrustment (Art. 20): the entrusted squad acts only on entrusted items, in the bureau’s name and number series', async () => {
    on(TODAY);
    const squadFile = (powerItemCode: string) =>
      sys.gql(
        FILE,
        {
          input: {
            agencyId: sys.agencyId(SQUAD),
            procedure: 'GENERAL',
            powerItemCode,
            party: COMPANY,
            officerIds: [sys.officerId('squad-he'), sys.officerId('squad-nuraili')],
            source: { kind: 'INSPECTION' },
            factsSummary: '施工扬尘。',
          },
        },
        t.squadOfficer,
      );
    const entrusted = await squadFile('650109-CF-0001');
    expect(entrusted.errors).toBeUndefined();
    expect(entrusted.data!.fileCase.caseNumber).toMatch(/^米城管罚〔2026〕\d+号$/);
    const c = await caseOf(entrusted.data!.fileCase.id, 'agency { id } inNameOf { id name }');
    expect(c).toMatchObject({ agency: { id: sys.agencyId(SQUAD) }, inNameOf: { id: sys.agencyId(BUREAU), name: '乌鲁木齐市米东区城市管理局' } });
    // A compulsory measure cannot be entrusted (行政强制法 Art. 17); items outside the entrustment are refused.
    expect(ext(await squadFile('650109-QZ-0001'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'powerItemCode' });
    expect(ext(await squadFile('650109-XK-0001'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'powerItemCode' });
    const agency = await ok(`query($id: ID!) { agency(id: $id) { kind entrustment { entrustingAgency { name } documentNumber powerItemCodes } } }`, {
      id: sys.agencyId(SQUAD),
    });
    expect(agency).toMatchObject({
      kind: 'ENTRUSTED',
      entrustment: { entrustingAgency: { name: '乌鲁木齐市米东区城市管理局' }, documentNumber: '米城管委〔2024〕1号' },
    });
  });
});
