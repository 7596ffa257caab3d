import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpSquad, sha256 } from '../helpers/scenarios.js';
import { startTestSystem, type TestSystem } from '../helpers/system.js';

// Whole-process recording through the gateway: cases walk from filing to archive on the real database,
// with `powers` answering the officer, power item, catalog and AV-list questions over HTTP.

const TODAY = '2026-11-20';
const BUREAU = 'midong-cgj';
const SQUAD = 'midong-zhzfdd';
let sys: TestSystem;
const t = {} as Record<'officer' | 'principal' | 'supervisor' | 'admin' | 'squadOfficer' | 'squadReviewer' | 'squadPrincipal' | 'analyst', string>;

const codeOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code;
const ext = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions ?? {};

const CASE_FIELDS = 'id caseNumber state version filedOn decidedOn serviceDueOn servedOn decisionOverdue serviceOverdue';
const FILE = `mutation($input: FileCaseInput!) { fileCase(input: $input) { ${CASE_FIELDS} powerItemVersionNo } }`;
const EVENT = `mutation($input: CaseEventInput!) { recordEvent(input: $input) { ${CASE_FIELDS} } }`;
const TEXT = `mutation($input: TextRecordInput!) { recordText(input: $input) { id caseSeq stage kind } }`;
const AV = `mutation($input: AvRecordInput!) { registerAvRecord(input: $input) { id kind } }`;
const PROPOSE = `mutation($input: ProposeDecisionInput!) { proposeDecision(input: $input) { id contentHash reviewRequired reviewReasons { ruleCode } hearingRight checks { fineWithinBenchmark benchmarkMin benchmarkMax notes } } }`;
const DECIDE = `mutation($input: DecideCaseInput!) { decideCase(input: $input) { ${CASE_FIELDS} } }`;
const SERVE = `mutation($input: ServeInput!) { serveDecision(input: $input) { ${CASE_FIELDS} } }`;
const DATED = (m: string) => `mutation($input: DatedActionInput!) { ${m}(input: $input) { ${CASE_FIELDS} } }`;
const START = `mutation($input: CaseActionInput!) { startInvestigation(input: $input) { ${CASE_FIELDS} } }`;
const PUBLISH = `mutation($input: PublicationActionInput!) { publishDecision(input: $input) { id status publishedOn periodEndsOn } }`;

const LEGAL_PERSON = {
  kind: 'LEGAL_PERSON',
  name: '乌鲁木齐某某建筑工程有限公司',
  uscc: '91230500MA1B3N1N2M',
  legalRepresentative: '张某',
  address: '米东区某路1号',
};

beforeAll(async () => {
  sys = await startTestSystem({ today: TODAY });
  t.officer = await sys.token('OFFICER', BUREAU, 'officer-sun');
  t.principal = await sys.token('PRINCIPAL', BUREAU, 'principal-wang');
  t.supervisor = await sys.token('SUPERVISOR', null, 'supervisor-ma');
  t.admin = await sys.token('ADMIN', null, 'admin-zhao');
  t.squadOfficer = await sys.token('OFFICER', SQUAD, 'squad-he');
  t.squadReviewer = await sys.token('REVIEWER', SQUAD, 'squad-nuraili');
  t.squadPrincipal = await sys.token('PRINCIPAL', SQUAD, 'squad-nuraili');
  t.analyst = await sys.token('ANALYST', null);
});
afterAll(() => sys?.stop());
/** Acts are entered on the day they happen: the test moves the business clock (issue 13). */
const on = (date: string) => sys.clock.set(date);

/** The squad (大队) reviews only what its catalog lists: no catalog, no general rule, so its penalties need no review. */
const squadPowerItem = (code: string) =>
  setUpSquad(sys, {
    code,
    item: { name: '对施工工地未采取防尘措施的行政处罚', law: '中华人民共和国大气污染防治法', article: '第一百一十五条' },
    tokens: { admin: t.admin, officer: t.squadOfficer, reviewer: t.squadReviewer },
  });

describe('a GENERAL-procedure penalty whose proposal needs no review, from filing to archive', () => {
  it('walks every stage on its day, refuses an incomplete archive, takes a supplement after closing, and verifies its records', async () => {
    await squadPowerItem('650109-ZD-0001');
    const officers = [sys.officerId('squad-he'), sys.officerId('squad-nuraili')];
    on('2026-10-09');
    const fileInput = {
      agencyId: sys.agencyId(SQUAD),
      caseType: 'PENALTY',
      procedure: 'GENERAL',
      powerItemCode: '650109-ZD-0001',
      party: LEGAL_PERSON,
      officerIds: officers,
      source: { kind: 'COMPLAINT', reference: '12345-20261009-001' },
      factsSummary: '当事人施工工地未采取覆盖等防尘措施，扬尘明显。',
      idempotencyKey: 'file-general-1',
    };
    const filed = await sys.gql(FILE, { input: fileInput }, t.squadOfficer);
    expect(filed.errors).toBeUndefined();
    const c = filed.data!.fileCase;
    expect(c).toMatchObject({ state: 'FILED', caseNumber: '米城管执罚〔2026〕1号', powerItemVersionNo: 1, filedOn: '2026-10-09' });
    const id = c.id;
    // The same idempotency key returns the same case; with another input it is a CONFLICT (issue 12).
    const again = await sys.gql(FILE, { input: fileInput }, t.squadOfficer);
    expect(again.data!.fileCase.id).toBe(id);
    const changed = await sys.gql(FILE, { input: { ...fileInput, factsSummary: 'x' } }, t.squadOfficer);
    expect(changed.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });

    const step = async (q: string, input: Record<string, unknown>, tok = t.squadOfficer) => {
      const r = await sys.gql(q, { input }, tok);
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      return Object.values(r.data!)[0] as Record<string, any>;
    };
    let n = 0;
    const doc = (documentType: string, stage: string, title: string, content: string, extra: Record<string, unknown> = {}) =>
      step(TEXT, { caseId: id, documentType, stage, title, content, documentNumber: `米城管执〔2026〕1-${++n}`, ...extra });
    await step(EVENT, { caseId: id, kind: 'CREDENTIAL_SHOWN', occurredOn: '2026-10-09', officerIds: officers, location: '米东区某工地' });
    await doc('FILING_APPROVAL', 'INITIATION', '立案审批表', '经初步核查符合立案条件，同意立案。承办人何静、努尔艾力。');
    let v = (await sys.gql(`query($id: ID!) { case(id: $id) { version } }`, { id }, t.squadOfficer)).data!.case.version;
    v = (await step(START, { caseId: id, version: v })).version;
    on('2026-10-10');
    await doc('ON_SITE_INSPECTION_RECORD', 'INVESTIGATION', '现场检查笔录', '现场未覆盖裸土约800平方米，围挡缺失约20米。', { officerIds: officers });
    const proposal = await step(PROPOSE, {
      caseId: id,
      outcome: 'PENALTY',
      penaltyTypes: ['FINE'],
      fineAmount: '20000',
      discretionTier: 'ORDINARY',
      legalBasis: [{ law: '中华人民共和国大气污染防治法', article: '第一百一十五条第一款第一项' }],
      reasoning: '事实清楚，证据充分，依法应予处罚。',
    });
    expect(proposal.reviewRequired).toBe(false);
    expect(proposal.hearingRight).toBe(false);
    expect(proposal.contentHash).toMatch(/^[0-9a-f]{64}$/);
    on('2026-10-12');
    v = (
      await step(EVENT, {
        caseId: id,
        kind: 'RIGHTS_NOTIFIED',
        occurredOn: '2026-10-12',
        rightsNotice: { proposalId: proposal.id, documentNumber: '米城管执告〔2026〕1号', content: '拟处罚款20000元，当事人享有陈述、申辩权。' },
      })
    ).version;

    // Only the principal decides; the decision is dated when it is recorded.
    on('2026-10-20');
    expect(codeOf(await sys.gql(DECIDE, { input: { caseId: id, proposalId: proposal.id, version: v, partyPresent: false } }, t.squadOfficer))).toBe(
      'FORBIDDEN',
    );
    const decided = await step(DECIDE, { caseId: id, proposalId: proposal.id, version: v, partyPresent: false }, t.squadPrincipal);
    // R11: absent party, 7 working days from 2026-10-20 (Tuesday) → 2026-10-29.
    expect(decided).toMatchObject({ state: 'DECIDED', decidedOn: '2026-10-20', serviceDueOn: '2026-10-29', decisionOverdue: false });
    await doc('DECISION', 'DECISION', '行政处罚决定书', '决定对当事人处罚款人民币20000元，十五日内缴纳。');
    // R12: a penalty decision is published within 7 working days (2026-10-20 → 2026-10-29), by legal staff.
    const pub = (await sys.gql(`query($id: ID!) { case(id: $id) { publication { id version status dueOn calendarConfirmed } } }`, { id }, t.squadOfficer)).data!
      .case.publication;
    expect(pub).toMatchObject({ status: 'PENDING', dueOn: '2026-10-29', calendarConfirmed: true });
    on('2026-10-22');
    const served = await step(SERVE, {
      caseId: id,
      version: decided.version,
      method: 'DIRECT',
      servedOn: '2026-10-22',
      officerIds: officers,
      publicationNoticeNumber: '米城管执公告〔2026〕1号',
    });
    expect(served).toMatchObject({ state: 'SERVED', serviceOverdue: false });
    await doc('SERVICE_RECEIPT', 'SERVICE', '送达回证', '行政处罚决定书由当事人法定代表人签收。');
    // A fine must be executed before closing.
    on('2026-10-23');
    expect(codeOf(await sys.gql(DATED('closeCase'), { input: { caseId: id, version: served.version } }, t.squadOfficer))).toBe('INVALID_STATE');
    on('2026-10-25');
    await step(`mutation($input: FinePaymentInput!) { recordFinePayment(input: $input) { id } }`, {
      caseId: id,
      amount: '20000',
      paidOn: '2026-10-25',
      receiptNumber: '6501202610250001',
    });
    const executed = await step(DATED('recordExecution'), { caseId: id, version: served.version, on: '2026-10-25', note: '罚款已缴纳' });
    await doc('EXECUTION_RECORD', 'EXECUTION', '罚没款缴纳凭证', '当事人已于2026年10月25日缴纳罚款20000元。');
    on('2026-10-26');
    const closed = await step(DATED('closeCase'), { caseId: id, version: executed.version });

    // R18: archiving refuses and lists what is missing.
    on('2026-10-27');
    const refused = await sys.gql(DATED('archiveCase'), { input: { caseId: id, version: closed.version } }, t.squadOfficer);
    expect(codeOf(refused)).toBe('RECORD_INCOMPLETE');
    expect(ext(refused).missing).toEqual(['归档阶段没有文字或音像记录', '缺少结案报告', '决定尚未公示（R12）']);
    // After closing, a document is a supplement with its reason, listed as such.
    const noReason = await sys.gql(
      TEXT,
      {
        input: {
          caseId: id,
          documentType: 'CLOSING_REPORT',
          stage: 'ARCHIVING',
          title: '结案报告',
          content: '案件已执行完毕，建议结案归档。',
          documentNumber: 'X-1',
        },
      },
      t.squadOfficer,
    );
    expect(ext(noReason)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'supplementReason' });
    await doc('CLOSING_REPORT', 'ARCHIVING', '结案报告', '案件已执行完毕，建议结案归档。', { supplementReason: '结案时遗漏结案报告，归档审查发现后补正' });
    // Serving recorded the written notice of publication on it (公示规定 Art. 8), a new version.
    const pending = (await sys.gql(`query($id: ID!) { case(id: $id) { publication { version partyNotifiedOn } } }`, { id }, t.squadOfficer)).data!.case
      .publication;
    expect(pending.partyNotifiedOn).toBe('2026-10-22');
    expect(codeOf(await sys.gql(PUBLISH, { input: { id: pub.id, version: pending.version } }, t.squadOfficer))).toBe('FORBIDDEN');
    await step(PUBLISH, { id: pub.id, version: pending.version }, t.squadReviewer);
    const archived = await step(DATED('archiveCase'), { caseId: id, version: closed.version });
    expect(archived.state).toBe('ARCHIVED');

    // Archived: nothing more can be appended.
    expect(
      codeOf(
        await sys.gql(
          TEXT,
          { input: { caseId: id, documentType: 'OTHER', stage: 'ARCHIVING', title: 'x', content: 'y', supplementReason: 'z' } },
          t.squadOfficer,
        ),
      ),
    ).toBe('INVALID_STATE');

    const full = await sys.gql(
      `query($id: ID!) { case(id: $id) { state caseNumber agency { name } powerItem { code name } handlingOfficers { name } decision { id fineAmount }
        retention { years until } records { kind stage caseSeq supplementReason } } verifyCaseRecords(caseId: $id) { ok entriesChecked firstProblem } }`,
      { id },
      t.supervisor,
    );
    expect(full.errors).toBeUndefined();
    expect(full.data!.case.agency.name).toContain('综合执法大队');
    expect(full.data!.case.handlingOfficers.map((o: any) => o.name).sort()).toEqual(['何静', '努尔艾力·吐尔逊'].sort());
    expect(full.data!.case.decision).toEqual({ id: proposal.id, fineAmount: '20000' });
    // Archive retention by case type: a general-procedure penalty file is kept 30 years (agency default).
    expect(full.data!.case.retention).toEqual({ years: 30, until: '2056-12-31' });
    expect(full.data!.case.records.filter((r: any) => r.supplementReason).map((r: any) => r.kind)).toEqual(['TEXT_RECORD']);
    const kinds = full.data!.case.records.map((r: any) => r.kind);
    expect(kinds.filter((k: string) => k === 'TRANSITION').length).toBe(8); // file, investigate, notify, decide, serve, execute, close, archive
    expect(full.data!.case.records.map((r: any) => r.caseSeq)).toEqual(kinds.map((_: unknown, i: number) => i + 1));
    expect(full.data!.verifyCaseRecords).toMatchObject({ ok: true, firstProblem: null });
    expect(full.data!.verifyCaseRecords.entriesChecked).toBeGreaterThanOrEqual(kinds.length);
  });
});

describe('a SIMPLE-procedure penalty (当场处罚)', () => {
  beforeAll(() => on('2026-11-18'));
  it('is decided on the spot after the credential is shown and the party told, served at once, and archived', async () => {
    const officers = [sys.officerId('officer-sun'), sys.officerId('officer-abdurahman')];
    const step = async (q: string, input: Record<string, unknown>, tok = t.officer) => {
      const r = await sys.gql(q, { input }, tok);
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      return Object.values(r.data!)[0] as Record<string, any>;
    };
    const c = await step(FILE, {
      agencyId: sys.agencyId(BUREAU),
      caseType: 'PENALTY',
      procedure: 'SIMPLE',
      powerItemCode: '650109-CF-0005',
      party: LEGAL_PERSON,
      officerIds: officers,
      source: { kind: 'INSPECTION' },
      factsSummary: '在道路旁堆放少量建筑垃圾，当场责令清理。',
    });
    expect(c.caseNumber).toBe('米城管罚〔2026〕1号');
    const id = c.id;
    // Deciding before the credential is shown is refused (Art. 52, R3).
    const p = await step(PROPOSE, {
      caseId: id,
      outcome: 'PENALTY',
      penaltyTypes: ['WARNING'],
      discretionTier: 'MINOR',
      legalBasis: [{ law: '城市建筑垃圾管理规定', article: '第二十六条' }],
      reasoning: '情节轻微，当场警告。',
    });
    expect(p.reviewRequired).toBe(false);
    expect(codeOf(await sys.gql(DECIDE, { input: { caseId: id, proposalId: p.id, version: c.version, partyPresent: true } }, t.principal))).toBe(
      'INVALID_STATE',
    );
    await step(EVENT, { caseId: id, kind: 'CREDENTIAL_SHOWN', occurredOn: '2026-11-18', officerIds: officers, location: '米东区某路' });
    await step(AV, {
      caseId: id,
      stage: 'INITIATION',
      activity: 'ON_SITE_INSPECTION',
      sha256: sha256(`simple:${id}`),
      sizeBytes: 10485760,
      durationSeconds: 300,
      device: '执法记录仪 DSJ-001',
      officerIds: officers,
      startedAt: '2026-11-18T02:00:00Z',
      endedAt: '2026-11-18T02:05:00Z',
      location: '米东区某路',
      storageUri: 'file://av/2026/11/18/001.mp4',
    });
    const notified = await step(EVENT, {
      caseId: id,
      kind: 'RIGHTS_NOTIFIED',
      occurredOn: '2026-11-18',
      rightsNotice: { proposalId: p.id, content: '当场告知拟给予警告及事实、理由、依据，当事人享有陈述、申辩权。' },
    });
    expect(notified.state).toBe('NOTIFIED');
    const decided = await step(DECIDE, { caseId: id, proposalId: p.id, version: notified.version, partyPresent: true }, t.principal);
    expect(decided).toMatchObject({ state: 'DECIDED', serviceDueOn: '2026-11-18' });
    await step(TEXT, {
      caseId: id,
      documentType: 'DECISION',
      stage: 'DECISION',
      title: '当场行政处罚决定书',
      content: '当事人随意堆放建筑垃圾，决定给予警告。',
      documentNumber: '米城管当罚〔2026〕0001',
    });
    const served = await step(SERVE, { caseId: id, version: decided.version, method: 'DIRECT', servedOn: '2026-11-18', officerIds: officers });
    await step(TEXT, { caseId: id, documentType: 'OTHER', stage: 'SERVICE', title: '当场交付', content: '当事人签收。' });
    await step(TEXT, {
      caseId: id,
      documentType: 'CLOSING_REPORT',
      stage: 'ARCHIVING',
      title: '结案报告',
      content: '已当场给予警告并交付决定书，建议结案。',
      documentNumber: '米城管结〔2026〕0001',
    });
    // A warning has nothing to execute: SERVED → CLOSED.
    const closed = await step(DATED('closeCase'), { caseId: id, version: served.version });
    on('2026-11-19');
    expect((await step(DATED('archiveCase'), { caseId: id, version: closed.version })).state).toBe('ARCHIVED');
  });

  it('refuses a simple-procedure fine above the Art. 51 limit', async () => {
    const officers = [sys.officerId('officer-sun'), sys.officerId('officer-abdurahman')];
    const c = await sys.gql(
      FILE,
      {
        input: {
          agencyId: sys.agencyId(BUREAU),
          caseType: 'PENALTY',
          procedure: 'SIMPLE',
          powerItemCode: '650109-CF-0005',
          party: LEGAL_PERSON,
          officerIds: officers,
          source: { kind: 'INSPECTION' },
          factsSummary: '堆放建筑垃圾。',
          filedOn: '2026-11-18',
        },
      },
      t.officer,
    );
    const r = await sys.gql(
      PROPOSE,
      {
        input: {
          caseId: c.data!.fileCase.id,
          outcome: 'PENALTY',
          penaltyTypes: ['FINE'],
          fineAmount: '5000',
          discretionTier: 'MINOR',
          legalBasis: [{ law: '城市建筑垃圾管理规定', article: '第二十六条' }],
          reasoning: 'x',
        },
      },
      t.officer,
    );
    expect(ext(r)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fineAmount' });

    // An individual business is held to the citizen's 200 yuan.
    const shop = { kind: 'INDIVIDUAL_BUSINESS', name: '米东区老马烧烤店', uscc: '92650109MA7F3K2P1G', legalRepresentative: '马某' };
    const filed = await sys.gql(
      FILE,
      {
        input: {
          agencyId: sys.agencyId(BUREAU),
          caseType: 'PENALTY',
          procedure: 'SIMPLE',
          powerItemCode: '650109-CF-0001',
          party: shop,
          officerIds: officers,
          source: { kind: 'INSPECTION' },
          factsSummary: '露天烧烤。',
          filedOn: '2026-11-18',
        },
      },
      t.officer,
    );
    expect(filed.errors).toBeUndefined();
    const over = await sys.gql(
      PROPOSE,
      {
        input: {
          caseId: filed.data!.fileCase.id,
          outcome: 'PENALTY',
          penaltyTypes: ['FINE'],
          fineAmount: '300',
          discretionTier: 'MINOR',
          outsideRangeReason: '初次',
          legalBasis: [{ law: '中华人民共和国大气污染防治法', article: '第一百一十八条第三款' }],
          reasoning: 'x',
        },
      },
      t.officer,
    );
    expect(ext(over)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fineAmount' });
    expect(over.errors![0]!.message).toContain('200');
  });
});

describe('refusals', () => {
  const base = () => ({
    agencyId: sys.agencyId(BUREAU),
    caseType: 'PENALTY',
    procedure: 'GENERAL',
    powerItemCode: '650109-CF-0001',
    party: { kind: 'NATURAL_PERSON', name: '张三', residentIdNumber: '11010519491231002X', address: '米东区某小区3栋', phone: '13800000000' },
    officerIds: [sys.officerId('officer-sun'), sys.officerId('officer-abdurahman')],
    source: { kind: 'COMPLAINT' },
    factsSummary: '在禁止区域露天烧烤。',
  });
  beforeAll(() => on(TODAY));

  it('R2: fewer than two officers, a suspended or expired credential, or an uncovered area', async () => {
    const one = await sys.gql(FILE, { input: { ...base(), officerIds: [sys.officerId('officer-sun')] } }, t.officer);
    expect(codeOf(one)).toBe('CREDENTIAL_INVALID');
    const same = await sys.gql(FILE, { input: { ...base(), officerIds: [sys.officerId('officer-sun'), sys.officerId('officer-sun')] } }, t.officer);
    expect(codeOf(same)).toBe('CREDENTIAL_INVALID');
    const suspended = await sys.gql(
      FILE,
      { input: { ...base(), officerIds: [sys.officerId('officer-sun'), sys.officerId('officer-zhou-suspended')] } },
      t.officer,
    );
    expect(ext(suspended)).toMatchObject({ code: 'CREDENTIAL_INVALID', officerId: sys.officerId('officer-zhou-suspended') });
    expect(suspended.errors![0]!.message).toContain('周浩');
    const expired = await sys.gql(FILE, { input: { ...base(), officerIds: [sys.officerId('officer-sun'), sys.officerId('officer-yang-expired')] } }, t.officer);
    expect(ext(expired)).toMatchObject({ code: 'CREDENTIAL_INVALID', officerId: sys.officerId('officer-yang-expired') });
    const area = await sys.gql(
      FILE,
      {
        input: { ...base(), caseType: 'LICENSING', powerItemCode: '650109-XK-0001', officerIds: [sys.officerId('officer-sun'), sys.officerId('officer-chen')] },
      },
      t.officer,
    );
    expect(ext(area)).toMatchObject({ code: 'CREDENTIAL_INVALID', officerId: sys.officerId('officer-chen') });
    // Nothing half-written: no case was created by any of these.
    expect((await sys.gql(`{ cases(filter: { powerItemCode: "650109-XK-0001" }) { totalCount } }`, {}, t.officer)).data!.cases.totalCount).toBe(0);
  });

  it('rejects bad party identifiers naming the field', async () => {
    const badId = await sys.gql(FILE, { input: { ...base(), party: { ...base().party, residentIdNumber: '110105194912310021' } } }, t.officer);
    expect(ext(badId)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'party.residentIdNumber' });
    const badUscc = await sys.gql(FILE, { input: { ...base(), party: { ...LEGAL_PERSON, uscc: '91230500MA1B3N1N2X' } } }, t.officer);
    expect(ext(badUscc)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'party.uscc' });
    const wrongKind = await sys.gql(FILE, { input: { ...base(), party: { ...LEGAL_PERSON, kind: 'INDIVIDUAL_BUSINESS' } } }, t.officer);
    expect(ext(wrongKind)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'party.uscc' });
    const unknownItem = await sys.gql(FILE, { input: { ...base(), powerItemCode: '650109-CF-0006' } }, t.officer);
    expect(ext(unknownItem)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'powerItemCode' });
  });

  it('R9, R5, R4: benchmark, review requirement, hearing window; only one of two concurrent transitions wins', async () => {
    on('2026-11-13');
    const filed = await sys.gql(FILE, { input: base() }, t.officer);
    expect(filed.errors).toBeUndefined();
    const id = filed.data!.fileCase.id;
    const v = filed.data!.fileCase.version;
    const race = await Promise.all([0, 1].map(() => sys.gql(START, { input: { caseId: id, version: v } }, t.officer)));
    expect(race.map((r) => (r.errors ? codeOf(r) : 'OK')).sort()).toEqual(['CONFLICT', 'OK']);

    const proposal = {
      caseId: id,
      outcome: 'PENALTY',
      penaltyTypes: ['FINE', 'CONFISCATE_ILLEGAL_PROPERTY'],
      fineAmount: '12000',
      discretionTier: 'ORDINARY',
      legalBasis: [{ law: '中华人民共和国大气污染防治法', article: '第一百一十八条第三款' }],
      reasoning: '依法处罚。',
    };
    // R9: outside the ORDINARY range (2000–8000) without a written reason.
    const outside = await sys.gql(PROPOSE, { input: proposal }, t.officer);
    expect(ext(outside)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'outsideRangeReason' });
    const withReason = await sys.gql(PROPOSE, { input: { ...proposal, outsideRangeReason: '多次违法，从重处罚。' } }, t.officer);
    expect(withReason.errors).toBeUndefined();
    const p = withReason.data!.proposeDecision;
    expect(p.checks).toMatchObject({ fineWithinBenchmark: false, benchmarkMin: '2000', benchmarkMax: '8000' });
    // R5: the bureau reviews every general-procedure penalty, and 12,000 yuan for a person crosses its threshold.
    expect(p.reviewRequired).toBe(true);
    expect(p.reviewReasons.map((r: any) => r.ruleCode)).toContain('POLICY');
    expect(p.hearingRight).toBe(true); // 12,000 yuan ≥ the large-amount default for a person

    on('2026-11-16');
    const notified = await sys.gql(
      EVENT,
      {
        input: {
          caseId: id,
          kind: 'RIGHTS_NOTIFIED',
          occurredOn: '2026-11-16',
          rightsNotice: {
            proposalId: p.id,
            documentNumber: '米城管罚告〔2026〕7号',
            content: '拟没收烧烤工具并处罚款12000元，当事人享有陈述、申辩和要求听证的权利。',
          },
        },
      },
      t.officer,
    );
    const nv = notified.data!.recordEvent.version;
    // R4: the 5-working-day hearing window (to 2026-11-23) has not passed on 2026-11-20.
    on(TODAY);
    const early = await sys.gql(DECIDE, { input: { caseId: id, proposalId: p.id, version: nv, partyPresent: true } }, t.principal);
    expect(ext(early)).toMatchObject({ code: 'INVALID_STATE', hearingWindowEnds: '2026-11-23' });
    // The waiver is entered today, stating the day the party signed it (within the agency's 3 working days: no reason needed).
    await sys.gql(
      EVENT,
      {
        input: {
          caseId: id,
          kind: 'HEARING_WAIVED',
          occurredOn: '2026-11-17',
          note: '当事人书面放弃听证',
          hearingWaiver: { documentNumber: '米城管弃听〔2026〕1号', content: '本人知悉享有要求听证的权利，现书面声明放弃听证。' },
        },
      },
      t.officer,
    );
    // Now the only obstacle is legal review (R6, gate completed with the reviews subgraph).
    const gated = await sys.gql(DECIDE, { input: { caseId: id, proposalId: p.id, version: nv, partyPresent: true } }, t.principal);
    expect(ext(gated)).toMatchObject({ code: 'REVIEW_REQUIRED', proposalId: p.id, contentHash: p.contentHash });
    const state = await sys.gql(`query($id: ID!) { case(id: $id) { state decidedOn } }`, { id }, t.officer);
    expect(state.data!.case).toEqual({ state: 'NOTIFIED', decidedOn: null });
  });

  it('keeps case rows from the public and analysts, and hides the ID number from staff who do not handle the case', async () => {
    expect(codeOf(await sys.gql(`{ cases { totalCount } }`))).toBe('FORBIDDEN');
    expect(codeOf(await sys.gql(`{ cases { totalCount } }`, {}, t.analyst))).toBe('FORBIDDEN');
    const filed = await sys.gql(FILE, { input: base() }, t.officer);
    const q = `query($id: ID!) { case(id: $id) { party { name residentIdNumber phone } } }`;
    const handler = await sys.gql(q, { id: filed.data!.fileCase.id }, t.officer);
    expect(handler.data!.case.party.residentIdNumber).toBe('11010519491231002X');
    const colleague = await sys.gql(q, { id: filed.data!.fileCase.id }, await sys.token('OFFICER', BUREAU, 'officer-chen'));
    expect(colleague.data!.case.party).toEqual({ name: '张三', residentIdNumber: null, phone: null });
    const otherAgency = await sys.gql(q, { id: filed.data!.fileCase.id }, t.squadOfficer);
    expect(codeOf(otherAgency)).toBe('FORBIDDEN');
  });
});

describe('classified records (R16 groundwork)', () => {
  it('shows commercial-secret and privacy records only to handlers, reviewer, principal and supervisor; a state secret is a reference only', async () => {
    const officers = [sys.officerId('officer-sun'), sys.officerId('officer-abdurahman')];
    const c = await sys.gql(
      FILE,
      {
        input: {
          agencyId: sys.agencyId(BUREAU),
          caseType: 'PENALTY',
          procedure: 'GENERAL',
          powerItemCode: '650109-CF-0002',
          party: LEGAL_PERSON,
          officerIds: officers,
          source: { kind: 'INSPECTION' },
          factsSummary: '油烟排放。',
        },
      },
      t.officer,
    );
    const id = c.data!.fileCase.id;
    const secret = await sys.gql(
      TEXT,
      {
        input: {
          caseId: id,
          documentType: 'EVIDENCE',
          stage: 'INVESTIGATION',
          title: '工艺资料',
          content: '配方：甲乙丙',
          confidentiality: 'COMMERCIAL_SECRET',
        },
      },
      t.officer,
    );
    expect(secret.errors).toBeUndefined();
    const state = await sys.gql(
      TEXT,
      { input: { caseId: id, documentType: 'EVIDENCE', stage: 'INVESTIGATION', title: '涉密材料', content: '不应录入', confidentiality: 'STATE_SECRET' } },
      t.officer,
    );
    expect(ext(state)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'content' });
    const ref = await sys.gql(
      TEXT,
      {
        input: {
          caseId: id,
          documentType: 'EVIDENCE',
          stage: 'INVESTIGATION',
          title: '涉密材料',
          secretReference: '密档-2026-017',
          confidentiality: 'STATE_SECRET',
        },
      },
      t.officer,
    );
    expect(ref.errors).toBeUndefined();

    const q = `query($id: ID!) { case(id: $id) { records { kind confidentiality payload } } }`;
    const payloads = async (tok: string) =>
      (await sys.gql(q, { id }, tok))
        .data!.case.records.filter((r: any) => r.kind === 'TEXT_RECORD')
        .map((r: any) => [r.confidentiality, r.payload && JSON.parse(r.payload).content]);
    expect(await payloads(t.officer)).toEqual([
      ['COMMERCIAL_SECRET', '配方：甲乙丙'],
      ['STATE_SECRET', null],
    ]);
    expect(await payloads(t.principal)).toEqual(await payloads(t.officer));
    expect(await payloads(t.supervisor)).toEqual(await payloads(t.officer));
    // A colleague of the same agency who does not handle the case sees that a record exists, not its content.
    expect(await payloads(await sys.token('OFFICER', BUREAU, 'officer-chen'))).toEqual([
      ['COMMERCIAL_SECRET', null],
      ['STATE_SECRET', null],
    ]);
  });
});

describe('cost shape', () => {
  it('lists 50 cases with power item, agency and officers in the same number of SQL statements as 5', async () => {
    const input = {
      agencyId: sys.agencyId(BUREAU),
      caseType: 'PENALTY',
      procedure: 'GENERAL',
      powerItemCode: '650109-CF-0002',
      party: LEGAL_PERSON,
      officerIds: [sys.officerId('officer-sun'), sys.officerId('officer-gulimila')],
      source: { kind: 'INSPECTION' },
      factsSummary: '油烟超标排放。',
    };
    for (let i = 0; i < 50; i++) expect((await sys.gql(FILE, { input }, t.officer)).errors).toBeUndefined();
    const q = `query($n: Int!) { cases(first: $n, filter: { powerItemCode: "650109-CF-0002" }) { edges { node { caseNumber party { name }
      powerItem { name discretionBenchmark { code } } agency { name } handlingOfficers { name credentialStatus } } } } }`;
    const cost = async (n: number) => {
      const before = sys.powersDb.stats.statements + sys.casesDb.stats.statements;
      const r = await sys.gql(q, { n }, t.officer);
      expect(r.errors).toBeUndefined();
      expect(r.data!.cases.edges.length).toBe(n);
      expect(r.data!.cases.edges.every((e: any) => e.node.powerItem.name && e.node.agency.name && e.node.handlingOfficers.length === 2)).toBe(true);
      return sys.powersDb.stats.statements + sys.casesDb.stats.statements - before;
    };
    const five = await cost(5);
    const fifty = await cost(50);
    expect(fifty).toBe(five);
  });
});
