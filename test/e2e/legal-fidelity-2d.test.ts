import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPass, barbecueFineCase, gqlOk, publishThroughWorkflow } from '../helpers/scenarios.js';
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
const DECIDE = `mutation($input: DecideCaseInput!) { decideCase(input: $input) { ${CASE} } }`;
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
const caseOf = async (id: string, fields = CASE) => ok(`query($id: ID!) { case(id: $id) { ${fields} } }`, { id }, t.supervisor);
const bureauOfficers = () => [sys.officerId('officer-sun'), sys.officerId('officer-abdurahman')];
const squadOfficers = () => [sys.officerId('squad-he'), sys.officerId('squad-nuraili')];
const submission = (caseId: string, proposalId: string, reviewerId?: string) => ({
  input: { caseId, proposalId, materials: ['案卷'], handlerStatement: '送审材料真实、准确、完整。', ...(reviewerId ? { reviewerId } : {}) },
});

/** A general-procedure barbecue fine filed by `tok` for `agency` with `officers`, investigated and proposed (notified unless told not to). */
async function proposedCase(agency: string, officers: string[], tok: string, fine: string, n: number, notified = true) {
  return barbecueFineCase(sys, { agency, officers, token: tok, fine, noticeNumber: notified ? `米城管告〔2026〕8${n}号` : null });
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

describe('R12 in the reviews database, and a corrected arrangement for a year already loaded (issue 26, part D)', () => {
  const LOAD = `mutation($input: HolidayArrangementInput!) { loadHolidayArrangement(input: $input) {
    year recomputedDeadlines { caseId kind previousDueOn dueOn confirmed }
    recomputedReviewDeadlines { caseId reviewId roundNo countedFrom workingDays previousDueOn dueOn confirmed } } }`;
  const SERVE = `mutation($input: ServeInput!) { serveDecision(input: $input) { id version servedOn } }`;
  const ROUND = 'legalReviews { currentRound { roundNo dueOn dueConfirmed conclusion } }';
  // Test data, not the State Council's notices: a Spring Festival week off (2027-02-06 … 02-12) with a make-up
  // Saturday, then a "correction" that withdraws the make-up day; 2028 with New Year's Day, then a correction adding a day.
  const HOLIDAYS_2027 = [
    '2027-01-01',
    '2027-01-02',
    '2027-01-03',
    '2027-02-06',
    '2027-02-07',
    '2027-02-08',
    '2027-02-09',
    '2027-02-10',
    '2027-02-11',
    '2027-02-12',
  ];
  const Y2027 = { year: 2027, source: '测试用2027年节假日安排（非官方）', holidays: HOLIDAYS_2027, makeupWorkdays: ['2027-02-20'] };
  const Y2027_CORRECTED = { year: 2027, source: '测试用2027年节假日安排（更正，非官方）', holidays: HOLIDAYS_2027, makeupWorkdays: [] };
  const Y2028 = { year: 2028, source: '测试用2028年节假日安排（非官方）', holidays: ['2028-01-01', '2028-01-02', '2028-01-03'], makeupWorkdays: [] };
  const Y2028_CORRECTED = { ...Y2028, source: '测试用2028年节假日安排（更正，非官方）', holidays: [...Y2028.holidays, '2028-01-04'] };
  const rows = async (q: string, params: unknown[]) => ((await sys.reviewsDb.pool.query(q, params)) as unknown as [Record<string, any>[]])[0];
  const reviewLog = async (caseId: string) =>
    (await rows(`SELECT payload FROM record_entries WHERE case_id = ? AND kind = 'DEADLINE_RECOMPUTED' ORDER BY case_seq`, [caseId])).map(
      (r) => JSON.parse(String(r.payload)) as Record<string, unknown>,
    );
  const caseLog = async (caseId: string) =>
    (await caseOf(caseId, 'records { kind payload }')).records
      .filter((e: { kind: string }) => e.kind === 'DEADLINE_RECOMPUTED')
      .map((e: { payload: string }) => JSON.parse(e.payload) as Record<string, unknown>);
  const mine = (list: any[], ids: string[]) => list.filter((d: { caseId: string }) => ids.includes(d.caseId));

  /** A bureau case notified on `notifiedOn` and submitted for review on `submittedOn` (reviewer named). */
  async function submittedOn(notifiedOn: string, submitted: string, n: number) {
    on(notifiedOn);
    const { c, p } = await proposedCase(BUREAU, bureauOfficers(), t.officer, '2500', n);
    on(submitted);
    const r = await ok(SUBMIT, submission(c.id, p.id, sys.officerId('reviewer-li')), t.officer);
    return { c, p, r };
  }
  /** …approved and decided on `day`, the party absent (7 working days to serve). */
  async function decidedOn(day: string, n: number) {
    const { c, p, r } = await submittedOn('2027-01-25', '2027-02-01', n);
    expect((await approve(r.id, r.version, t.reviewer)).errors).toBeUndefined();
    on(day);
    return ok(DECIDE, { input: { caseId: c.id, proposalId: p.id, version: (await caseOf(c.id)).version, partyPresent: false } }, t.principal);
  }

  it('recounts the open review rounds’ due dates when the year is loaded, logs each with the earlier date, leaves concluded rounds', async () => {
    // Two rounds submitted on 2027-02-03: 5 working days on weekends and New Year's Day only → 2027-02-10, unconfirmed.
    const a = await submittedOn('2027-01-25', '2027-02-03', 11);
    const b = await submittedOn('2027-01-25', '2027-02-03', 12);
    for (const x of [a, b]) {
      expect((await caseOf(x.c.id, ROUND)).legalReviews[0].currentRound).toMatchObject({ dueOn: '2027-02-10', dueConfirmed: false });
    }
    // b's opinion is recorded the next day: its deadline was met and stays as it was counted.
    on('2027-02-04');
    expect((await approve(b.r.id, b.r.version, t.reviewer)).errors).toBeUndefined();

    const loaded = await ok(LOAD, { input: Y2027 }, t.admin);
    // 5 working days from 2027-02-03 on the loaded arrangement: 02-04, 02-05, then 02-15, 02-16, 02-17.
    expect(mine(loaded.recomputedReviewDeadlines, [a.c.id, b.c.id])).toEqual([
      {
        caseId: a.c.id,
        reviewId: a.r.id,
        roundNo: 1,
        countedFrom: '2027-02-03',
        workingDays: 5,
        previousDueOn: '2027-02-10',
        dueOn: '2027-02-17',
        confirmed: true,
      },
    ]);
    expect((await caseOf(a.c.id, ROUND)).legalReviews[0].currentRound).toMatchObject({ dueOn: '2027-02-17', dueConfirmed: true, conclusion: null });
    expect((await caseOf(b.c.id, ROUND)).legalReviews[0].currentRound).toMatchObject({ dueOn: '2027-02-10', dueConfirmed: false, conclusion: 'APPROVED' });
    // The reviews log keeps the earlier date beside the new one; the review's queue due date follows the round.
    expect(await reviewLog(a.c.id)).toEqual([
      expect.objectContaining({
        reviewId: a.r.id,
        roundNo: 1,
        deadline: 'REVIEW_DUE',
        from: { date: '2027-02-10', confirmed: false },
        to: { date: '2027-02-17', confirmed: true },
        workingDays: 5,
        year: 2027,
        correction: false,
      }),
    ]);
    expect(await reviewLog(b.c.id)).toEqual([]);
    expect((await rows('SELECT due_on FROM legal_reviews WHERE id = ?', [a.r.id]))[0]!.due_on).toMatch(/2027-02-17/);
    // A round submitted on the same day after the loading gets the same due date (the reviews service counts on it too).
    const c = await submittedOn('2027-01-26', '2027-02-03', 13);
    expect((await caseOf(c.c.id, ROUND)).legalReviews[0].currentRound).toMatchObject({ dueOn: '2027-02-17', dueConfirmed: true });
    // Loading the same arrangement again changes nothing more, in either database.
    const again = await ok(LOAD, { input: Y2027 }, t.admin);
    expect(mine(again.recomputedReviewDeadlines, [a.c.id, b.c.id, c.c.id])).toEqual([]);
    expect(mine(again.recomputedDeadlines, [a.c.id, b.c.id, c.c.id])).toEqual([]);
    expect(await reviewLog(a.c.id)).toHaveLength(1);
  });

  it('load → correct: deadlines confirmed under the first arrangement are counted again on the corrected one; met ones stay', async () => {
    // Decided on 2027-02-18 (Y2027 loaded): 7 working days with the make-up Saturday 02-20 → 2027-02-26, confirmed.
    const d = await decidedOn('2027-02-18', 14);
    const f = await decidedOn('2027-02-18', 15);
    expect(await caseOf(d.id, 'serviceDueOn serviceDueConfirmed')).toEqual({ serviceDueOn: '2027-02-26', serviceDueConfirmed: true });
    on('2027-02-19');
    await ok(
      SERVE,
      {
        input: {
          caseId: f.id,
          version: f.version,
          method: 'DIRECT',
          servedOn: '2027-02-19',
          officerIds: bureauOfficers(),
          publicationNoticeNumber: '米城管公告知〔2027〕15号',
        },
      },
      t.officer,
    );
    // A round submitted on 2027-02-16: 02-17, 02-18, 02-19, 02-20 (make-up), 02-22 → 2027-02-22, confirmed.
    const e = await submittedOn('2027-02-08', '2027-02-16', 16);
    expect((await caseOf(e.c.id, ROUND)).legalReviews[0].currentRound).toMatchObject({ dueOn: '2027-02-22', dueConfirmed: true });

    on('2027-02-19');
    const corrected = await ok(LOAD, { input: Y2027_CORRECTED }, t.admin);
    // Without the make-up Saturday: service from 02-18 → 03-01; review from 02-16 → 02-23; publication of d too.
    expect(
      mine(corrected.recomputedDeadlines, [d.id, f.id, e.c.id])
        .map(
          (x: { caseId: string; kind: string; previousDueOn: string; dueOn: string }) =>
            `${x.caseId === d.id ? 'd' : x.caseId === f.id ? 'f' : 'e'}:${x.kind}:${x.previousDueOn}→${x.dueOn}`,
        )
        .sort(),
    ).toEqual(['d:PUBLICATION_DUE:2027-02-26→2027-03-01', 'd:SERVICE_DUE:2027-02-26→2027-03-01', 'f:PUBLICATION_DUE:2027-02-26→2027-03-01']);
    expect(mine(corrected.recomputedReviewDeadlines, [d.id, f.id, e.c.id])).toEqual([
      expect.objectContaining({ caseId: e.c.id, roundNo: 1, previousDueOn: '2027-02-22', dueOn: '2027-02-23', confirmed: true }),
    ]);
    expect(await caseOf(d.id, 'serviceDueOn serviceDueConfirmed')).toEqual({ serviceDueOn: '2027-03-01', serviceDueConfirmed: true });
    // e's penalty: 90 calendar days from filing (Art. 60) — no holiday arrangement moves it, so no correction does.
    expect(await caseOf(e.c.id, 'decisionDueOn')).toEqual({ decisionDueOn: '2027-05-09' });
    // f was served on 2027-02-19: its service deadline was met and is not rewritten.
    expect(await caseOf(f.id, 'serviceDueOn servedOn')).toEqual({ serviceDueOn: '2027-02-26', servedOn: '2027-02-19' });
    expect(await caseLog(d.id)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          deadline: 'SERVICE_DUE',
          from: { date: '2027-02-26', confirmed: true },
          to: { date: '2027-03-01', confirmed: true },
          correction: true,
        }),
      ]),
    );
    expect(await reviewLog(e.c.id)).toEqual([
      expect.objectContaining({ from: { date: '2027-02-22', confirmed: true }, to: { date: '2027-02-23', confirmed: true }, correction: true }),
    ]);
    for (const id of [d.id, f.id]) {
      expect(await ok(`query($id: ID!) { verifyCaseRecords(caseId: $id) { ok firstProblem } }`, { id }, t.supervisor)).toMatchObject({ ok: true });
    }
    // The corrected arrangement again: nothing more.
    const again = await ok(LOAD, { input: Y2027_CORRECTED }, t.admin);
    expect(mine(again.recomputedDeadlines, [d.id, f.id, e.c.id])).toEqual([]);
    expect(mine(again.recomputedReviewDeadlines, [d.id, f.id, e.c.id])).toEqual([]);
  });

  it('correct before any case: the corrected arrangement is the one both services count on', async () => {
    on('2027-12-01');
    const first = await ok(LOAD, { input: Y2028 }, t.admin);
    const second = await ok(LOAD, { input: Y2028_CORRECTED }, t.admin);
    for (const x of [first, second]) {
      expect(x.recomputedDeadlines).toEqual([]);
      expect(x.recomputedReviewDeadlines).toEqual([]);
    }
    // A licence filed 2027-12-20: 20 working days over New Year with 2028-01-03 and 01-04 off → 2028-01-19 (not 01-18).
    on('2027-12-20');
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
    expect(await caseOf(licence.id, 'decisionDueOn decisionDueConfirmed')).toEqual({ decisionDueOn: '2028-01-19', decisionDueConfirmed: true });
    // A round submitted 2027-12-29: 12-30, 12-31, then 2028-01-05, 01-06, 01-07 (01-06 on the first arrangement).
    const g = await submittedOn('2027-12-27', '2027-12-29', 17);
    expect((await caseOf(g.c.id, ROUND)).legalReviews[0].currentRound).toMatchObject({ dueOn: '2028-01-07', dueConfirmed: true });
  });
  it('a loading that reaches cases but not reviews is reported, and loading the same arrangement again completes it', async () => {
    // A round submitted Wednesday 2028-12-27: 12-28, 12-29, then 2029-01-02 … 01-04 (New Year's Day only) → unconfirmed.
    const h = await submittedOn('2028-12-25', '2028-12-27', 18);
    expect((await caseOf(h.c.id, ROUND)).legalReviews[0].currentRound).toMatchObject({ dueOn: '2029-01-04', dueConfirmed: false });
    const Y2029 = { year: 2029, source: '测试用2029年节假日安排（非官方）', holidays: ['2029-01-01', '2029-01-02'], makeupWorkdays: [] };
    await sys.stopService('reviews');
    try {
      const half = await sys.gql(LOAD, { input: Y2029 }, t.admin);
      expect(ext(half)).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', pendingService: 'reviews', year: 2029 });
      expect(half.errors?.[0]?.message).toContain('再次载入');
    } finally {
      await sys.restartReviews();
    }
    // Nothing was recounted in reviews; loading the same arrangement again completes it (cases has nothing more to do).
    expect((await rows('SELECT year FROM calendar_years WHERE year = 2029', [])).length).toBe(0);
    const again = await ok(LOAD, { input: Y2029 }, t.admin);
    expect(again.recomputedDeadlines).toEqual([]);
    expect(mine(again.recomputedReviewDeadlines, [h.c.id])).toEqual([
      expect.objectContaining({ roundNo: 1, previousDueOn: '2029-01-04', dueOn: '2029-01-05', confirmed: true }),
    ]);
    expect((await caseOf(h.c.id, ROUND)).legalReviews[0].currentRound).toMatchObject({ dueOn: '2029-01-05', dueConfirmed: true });
  });
});
