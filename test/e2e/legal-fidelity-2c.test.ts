import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPass, barbecueFineCase, gqlOk } from '../helpers/scenarios.js';
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
const DECIDE = `mutation($input: DecideCaseInput!) { decideCase(input: $input) { ${CASE} } }`;
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
const caseOf = async (id: string, fields = CASE) => ok(`query($id: ID!) { case(id: $id) { ${fields} } }`, { id }, t.supervisor);
const bureauOfficers = () => [sys.officerId('officer-sun'), sys.officerId('officer-abdurahman')];
const squadOfficers = () => [sys.officerId('squad-he'), sys.officerId('squad-nuraili')];

/** A general-procedure barbecue fine, filed by `tok` for `agency` with `officers`, investigated, proposed and notified. */
async function notifiedCase(agency: string, officers: string[], tok: string, fine: string, n: number) {
  return barbecueFineCase(sys, { agency, officers, token: tok, fine, noticeNumber: `米城管告〔2026〕6${n}号` });
}

const opinion = (reviewId: string, version: number, tok: string) =>
  sys.gql(
    OPINION,
    {
      id: reviewId,
      input: { version, findings: allPass().map((f) => ({ ...f, note: '经审核人员核查，符合要求。' })), conclusion: 'APPROVED', opinion: '同意。' },
    },
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
    expect(
      ext(await sys.gql(ASSIGN, { input: { reviewId: r.id, version: r.version, reviewerId: sys.officerId('reviewer-li') } }, t.squadReviewer)),
    ).toMatchObject({
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
      {
        input: {
          caseId: c.id,
          proposalId: p.id,
          materials: ['案卷'],
          handlerStatement: '送审材料真实、准确、完整。',
          reviewerId: sys.officerId('reviewer-li'),
        },
      },
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

describe('R12 — deadlines counted while a year’s holidays were unconfirmed are counted again when the year is loaded', () => {
  const LOAD = `mutation($input: HolidayArrangementInput!) { loadHolidayArrangement(input: $input) {
    year recomputedDeadlines { caseId publicationId kind countedFrom workingDays previousDueOn dueOn confirmed } } }`;
  const SERVE = `mutation($input: ServeInput!) { serveDecision(input: $input) { id version servedOn } }`;
  const DUES = 'decisionDueOn decisionDueConfirmed serviceDueOn serviceDueConfirmed publication { dueOn calendarConfirmed } records { kind payload }';
  // Test data, not the State Council's notice (2027's is not available offline): a Spring Festival week off
  // (2027-02-06 … 02-12) and a make-up Saturday, as an operator would load the real one (docs/operations.md).
  const Y2027 = {
    year: 2027,
    source: '测试用2027年节假日安排（非官方）',
    holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'],
    makeupWorkdays: ['2027-02-20'],
  };

  async function decidedOn(day: string, n: number) {
    on('2027-01-25');
    const { c, p } = await notifiedCase(BUREAU, bureauOfficers(), t.officer, '2500', n);
    on('2027-02-01');
    const r = await ok(
      SUBMIT,
      {
        input: {
          caseId: c.id,
          proposalId: p.id,
          materials: ['案卷'],
          handlerStatement: '送审材料真实、准确、完整。',
          reviewerId: sys.officerId('reviewer-li'),
        },
      },
      t.officer,
    );
    expect((await opinion(r.id, r.version, t.reviewer2)).errors).toBeUndefined();
    on(day);
    return ok(DECIDE, { input: { caseId: c.id, proposalId: p.id, version: (await caseOf(c.id)).version, partyPresent: false } }, t.principal);
  }

  it('recomputes the open service, publication and licensing due dates, records each change, and leaves met deadlines as they were', async () => {
    // Two decisions on 2027-02-03, party absent: 7 working days on weekends and New Year's Day only → 2027-02-12, unconfirmed.
    const a = await decidedOn('2027-02-03', 3);
    const b = await decidedOn('2027-02-03', 4);
    for (const x of [a, b]) {
      expect(await caseOf(x.id, 'serviceDueOn serviceDueConfirmed publication { dueOn calendarConfirmed }')).toMatchObject({
        serviceDueOn: '2027-02-12',
        serviceDueConfirmed: false,
        publication: { dueOn: '2027-02-12', calendarConfirmed: false },
      });
    }
    // b is served the next day: its service deadline was met and stays as it was counted.
    on('2027-02-04');
    await ok(
      SERVE,
      {
        input: {
          caseId: b.id,
          version: b.version,
          method: 'DIRECT',
          servedOn: '2027-02-04',
          officerIds: bureauOfficers(),
          publicationNoticeNumber: '米城管公告知〔2027〕4号',
        },
      },
      t.officer,
    );
    // A licence filed the same week: 20 working days from 2027-01-25, unconfirmed.
    on('2027-01-25');
    const licence = await ok(
      FILE,
      {
        input: {
          agencyId: sys.agencyId(BUREAU),
          procedure: 'GENERAL',
          powerItemCode: '650109-XK-0001',
          party: COMPANY,
          officerIds: bureauOfficers(),
          source: { kind: 'OTHER' },
          factsSummary: '申请临时堆放物料。',
        },
      },
      t.officer,
    );
    const before = await caseOf(licence.id, 'decisionDueOn decisionDueConfirmed');
    expect(before).toEqual({ decisionDueOn: '2027-02-22', decisionDueConfirmed: false });

    on('2027-02-04');
    expect(ext(await sys.gql(LOAD, { input: Y2027 }, t.principal))).toMatchObject({ code: 'FORBIDDEN' });
    const loaded = await ok(LOAD, { input: Y2027 }, t.admin);
    const mine = loaded.recomputedDeadlines.filter((d: { caseId: string }) => [a.id, b.id, licence.id].includes(d.caseId));
    expect(mine.map((d: { caseId: string; kind: string }) => `${d.caseId === a.id ? 'a' : d.caseId === b.id ? 'b' : 'licence'}:${d.kind}`).sort()).toEqual([
      'a:PUBLICATION_DUE',
      'a:SERVICE_DUE',
      'b:PUBLICATION_DUE',
      'licence:DECISION_DUE',
    ]);
    // 7 working days from 2027-02-03 on the loaded arrangement: 02-04, 02-05, then 02-15 … 02-19.
    const afterA = await caseOf(a.id, DUES);
    expect(afterA).toMatchObject({ serviceDueOn: '2027-02-19', serviceDueConfirmed: true, publication: { dueOn: '2027-02-19', calendarConfirmed: true } });
    const afterB = await caseOf(b.id, DUES);
    expect(afterB).toMatchObject({ serviceDueOn: '2027-02-12', serviceDueConfirmed: false, publication: { dueOn: '2027-02-19', calendarConfirmed: true } });
    // The licence's 20 working days: 01-26 … 02-05 (9), the festival week off, 02-15 … 02-19 (14), Saturday 02-20 worked (15), 02-22 … 02-26.
    expect(await caseOf(licence.id, 'decisionDueOn decisionDueConfirmed')).toEqual({ decisionDueOn: '2027-02-26', decisionDueConfirmed: true });

    // Not silently: the log keeps the earlier date beside the new one, and the record still verifies.
    const logged = afterA.records
      .filter((e: { kind: string }) => e.kind === 'DEADLINE_RECOMPUTED')
      .map((e: { payload: string }) => JSON.parse(e.payload) as Record<string, unknown>);
    expect(logged).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          deadline: 'SERVICE_DUE',
          from: { date: '2027-02-12', confirmed: false },
          to: { date: '2027-02-19', confirmed: true },
          workingDays: 7,
          year: 2027,
        }),
        expect.objectContaining({ deadline: 'PUBLICATION_DUE', from: { date: '2027-02-12', confirmed: false }, to: { date: '2027-02-19', confirmed: true } }),
      ]),
    );
    for (const id of [a.id, b.id, licence.id]) {
      expect(await ok(`query($id: ID!) { verifyCaseRecords(caseId: $id) { ok firstProblem } }`, { id }, t.supervisor)).toMatchObject({ ok: true });
    }
    // A decision of the same day made after the loading gets the same due date as the recomputed one.
    const c = await decidedOn('2027-02-03', 5);
    expect(await caseOf(c.id, 'serviceDueOn serviceDueConfirmed publication { dueOn }')).toMatchObject({
      serviceDueOn: afterA.serviceDueOn,
      serviceDueConfirmed: true,
      publication: { dueOn: afterA.publication.dueOn },
    });
    // Loading the same year again changes nothing more (nothing is open and unconfirmed for 2027).
    const again = await ok(LOAD, { input: Y2027 }, t.admin);
    expect(again.recomputedDeadlines.filter((d: { caseId: string }) => [a.id, b.id, licence.id, c.id].includes(d.caseId))).toEqual([]);
  });
});
