import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_CASES_TODAY, SEEDED_CASE_STATES, isCasesSeeded, seedCases, type SeededCase, isReviewsSeeded, seedReviews } from '../../data/loader/index.js';
import { CASE_STATES } from '../../subgraphs/cases/domain/types.js';
import { openReviewsDb } from '../../subgraphs/reviews/service.js';
import { loadConfig } from '../../kernel/config.js';
import { dropDatabase } from '../../kernel/db.js';
import { TEST_TODAY } from '../helpers/clock.js';
import { allPass } from '../helpers/scenarios.js';
import { startTestSystem, type TestSystem } from '../helpers/system.js';

// The demo cases (data/demo/cases.yaml), created through the real workflow against the running powers
// subgraph, then read back through the gateway as a supervisor would.

let sys: TestSystem;
let supervisor: string;
let seeded: SeededCase[];

/** What the seed must produce, in filing order: each kind of decision has its own number series (issue 13). */
const EXPECTED: [string, string, string, string][] = [
  ['dust-dingyuan', '米城管罚〔2026〕1号', 'INVESTIGATING', 'GENERAL'],
  ['spill-hengdashun', '米城管罚〔2026〕2号', 'ARCHIVED', 'SIMPLE'],
  ['waste-erkin', '米城管罚〔2026〕3号', 'ARCHIVED', 'SIMPLE'],
  ['fumes-abla', '米城管罚〔2026〕4号', 'HEARING', 'GENERAL'],
  ['spill-tongqu', '米城管罚〔2026〕5号', 'CLOSED', 'SIMPLE'],
  ['barbecue-wang', '米城管罚〔2026〕6号', 'NOTIFIED', 'GENERAL'],
  ['waste-ma', '米城管罚〔2026〕7号', 'EXECUTED', 'SIMPLE'],
  ['spill-longsheng', '米城管罚〔2026〕8号', 'SERVED', 'SIMPLE'],
  ['fumes-hongfuyuan', '米城管罚〔2026〕9号', 'FILED', 'GENERAL'],
  ['spill-tianshan', '米城管罚〔2026〕10号', 'DECIDED', 'SIMPLE'],
  ['fumes-hongfuyuan-2', '米城管罚〔2026〕11号', 'NOTIFIED', 'GENERAL'],
  ['licence-dingyuan', '米城管许〔2026〕1号', 'CLOSED', 'GENERAL'],
  ['impound-zhongxin', '米城管强〔2026〕1号', 'SERVED', 'GENERAL'],
  // The one decision made on an approved legal review (R5/R6): filed 10-12, reviewed 10-27..10-29, decided 10-30.
  ['fumes-xiangmanlou', '米城管罚〔2026〕12号', 'EXECUTED', 'GENERAL'],
  // Filed by the entrusted squad in the bureau's name (Art. 20, issue 26): the bureau's number series.
  ['barbecue-hongfuyuan-squad', '米城管罚〔2026〕13号', 'NOTIFIED', 'GENERAL'],
];
const shape = (cs: SeededCase[]) => cs.map((c) => [c.key, c.caseNumber, c.state, c.procedure]);
const expectedShape = EXPECTED;

beforeAll(async () => {
  // The demo is seeded at its own fixed dates; the services run on the test's business date (TEST_TODAY,
  // the demo's date unless CI pins another), so every derived flag below is computed against that date.
  sys = await startTestSystem();
  supervisor = await sys.token('SUPERVISOR', null, 'supervisor-ma');
  expect(await isCasesSeeded(sys.casesDb)).toBe(false);
  ({ cases: seeded } = await seedCases({ config: sys.config, keys: sys.keys, db: sys.casesDb, reviewsDb: sys.reviewsDb, powersUrl: sys.powers.url }));
}, 120_000);
afterAll(() => sys?.stop());

const CASE_QUERY = `query($n: Int!) { cases(first: $n) { totalCount edges { node {
  id caseNumber caseType state procedure filedOn decisionDueOn decisionOverdue serviceDueOn serviceOverdue seizure { endsOn overdue }
  publication { status content { title violation matter text decisionNumber } }
  party { kind name uscc residentIdNumber }
  handlingOfficers { name credentialStatus }
  powerItem { code name }
  decision { fineAmount penaltyTypes reviewRequired }
  proposals { reviewRequired reviewReasons { ruleCode } hearingRight hearingHeld checks { fineWithinBenchmark } }
  records { kind stage payload }
} } } }`;

describe('demo cases', () => {
  it('are the same cases, numbers and states on every run (filing order gives the case number)', () => {
    expect(shape(seeded)).toEqual(expectedShape);
    expect(SEED_CASES_TODAY).toBe('2026-11-20');
  });

  it('cover every state the API can reach (UNDER_REVIEW waits for the reviews subgraph, issue 4)', async () => {
    expect(await isCasesSeeded(sys.casesDb)).toBe(true);
    const r = await sys.gql(CASE_QUERY, { n: 100 }, supervisor);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    const nodes = r.data!.cases.edges.map((e: any) => e.node);
    expect(r.data!.cases.totalCount).toBe(EXPECTED.length);
    const states = new Set(nodes.map((n: any) => n.state));
    for (const s of CASE_STATES.filter((x) => x !== 'UNDER_REVIEW')) expect(states.has(s), s).toBe(true);
    expect([...SEEDED_CASE_STATES].sort()).toEqual([...states].sort());
    for (const n of nodes) {
      expect(n.caseNumber).toMatch(/^米城管(罚|许|强)〔2026〕\d+号$/);
      expect(n.handlingOfficers).toHaveLength(2);
      expect(n.handlingOfficers.every((o: any) => o.credentialStatus === 'VALID')).toBe(true);
      expect(n.powerItem.name).toBeTruthy();
    }
    expect(new Set(nodes.map((n: any) => n.caseNumber)).size).toBe(nodes.length);
  });

  it('every case record verifies (hash chains and the signed checkpoint)', async () => {
    for (const c of seeded) {
      const r = await sys.gql(`query($id: ID!) { verifyCaseRecords(caseId: $id) { ok entriesChecked firstProblem } }`, { id: c.id }, supervisor);
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      expect(r.data!.verifyCaseRecords, c.key).toMatchObject({ ok: true, firstProblem: null });
      expect(r.data!.verifyCaseRecords.entriesChecked).toBeGreaterThan(1);
    }
  });

  it('have parties of every kind with valid identifiers, and realistic records', async () => {
    const nodes = (await sys.gql(CASE_QUERY, { n: 100 }, supervisor)).data!.cases.edges.map((e: any) => e.node);
    const byKey = new Map(seeded.map((s) => [s.key, nodes.find((n: any) => n.id === s.id)]));
    expect(new Set(nodes.map((n: any) => n.party.kind))).toEqual(new Set(['NATURAL_PERSON', 'LEGAL_PERSON', 'INDIVIDUAL_BUSINESS']));
    for (const n of nodes) {
      if (n.party.kind === 'NATURAL_PERSON') expect(n.party.residentIdNumber).toMatch(/^65\d{15}[\dX]$/);
      else expect(n.party.uscc).toMatch(n.party.kind === 'INDIVIDUAL_BUSINESS' ? /^92650109/ : /^91650109/);
    }

    // R10: the construction-dust case is past its 90 days undecided.
    expect(byKey.get('dust-dingyuan')).toMatchObject({ filedOn: '2026-08-10', decisionDueOn: '2026-11-08', decisionOverdue: true });
    // R11: absent party, decided 2026-11-20 (Friday) → due 2026-12-01; overdue only once that day has passed.
    expect(byKey.get('spill-tianshan')).toMatchObject({ serviceDueOn: '2026-12-01', serviceOverdue: TEST_TODAY > '2026-12-01' });

    // The hearing case: hearing right, hearing held, the latest proposal made after it and needing review.
    const hearing = byKey.get('fumes-abla');
    expect(hearing.proposals).toHaveLength(2);
    expect(hearing.proposals[1]).toMatchObject({ hearingRight: true, hearingHeld: true, reviewRequired: true });
    expect(hearing.proposals[1].reviewReasons.map((r: any) => r.ruleCode)).toEqual(expect.arrayContaining(['POLICY', '650109-SH-0001', '650109-SH-0008']));
    const kindsOf = (n: any) =>
      n.records.map((r: any) => `${r.kind}:${JSON.parse(r.payload).activity ?? JSON.parse(r.payload).documentType ?? JSON.parse(r.payload).eventKind ?? ''}`);
    expect(kindsOf(hearing)).toEqual(expect.arrayContaining(['AV_RECORD:HEARING', 'TEXT_RECORD:HEARING', 'EVENT:HEARING_HELD']));

    // The NOTIFIED case waits for legal review of its proposal.
    expect(byKey.get('barbecue-wang').proposals[0]).toMatchObject({ reviewRequired: true, hearingRight: false });

    // Simple-procedure decisions need no review and stay within Art. 51; a person's fine is outside the (unit) benchmark, with a reason.
    for (const s of seeded.filter((x) => x.procedure === 'SIMPLE' && x.state !== 'DECIDED')) {
      const d = byKey.get(s.key).decision;
      expect(d.reviewRequired, s.key).toBe(false);
    }
    // Persons dumping construction waste are a separate item with the statute's 200-yuan range (CF-0005 is for units only).
    expect(byKey.get('waste-erkin').powerItem.code).toBe('650109-CF-0008');
    expect(byKey.get('waste-erkin').proposals[0].checks.fineWithinBenchmark).toBe(true);
    expect(byKey.get('spill-hengdashun').proposals[0].checks.fineWithinBenchmark).toBe(true);

    // AV records where the AV list requires them: on-site checks, the lodged service.
    expect(kindsOf(byKey.get('waste-erkin'))).toEqual(expect.arrayContaining(['AV_RECORD:ON_SITE_INSPECTION', 'AV_RECORD:LODGED_SERVICE']));
    for (const s of seeded) expect(kindsOf(byKey.get(s.key)), s.key).toContain('EVENT:CREDENTIAL_SHOWN');
  });

  it('publishes each kind of decision with its own template and number: a licence is no violation, an impoundment runs 30 days', async () => {
    const nodes = (await sys.gql(CASE_QUERY, { n: 100 }, supervisor)).data!.cases.edges.map((e: any) => e.node);
    const byKey = new Map(seeded.map((s) => [s.key, nodes.find((n: any) => n.id === s.id)]));
    const licence = byKey.get('licence-dingyuan');
    expect(licence).toMatchObject({ caseType: 'LICENSING', decisionOverdue: false });
    expect(licence.publication.content).toMatchObject({ title: '准予行政许可决定公示', violation: null, decisionNumber: '米城管许〔2026〕1号' });
    expect(licence.publication.content.text).toContain('决定准予行政许可');
    expect(licence.publication.content.text).not.toMatch(/违反|处罚/);
    const impound = byKey.get('impound-zhongxin');
    expect(impound).toMatchObject({
      caseType: 'COERCION',
      decisionDueOn: null,
      decisionOverdue: false,
      seizure: { endsOn: '2026-12-09', overdue: TEST_TODAY > '2026-12-09' },
    });
    expect(impound.publication.content.title).toBe('行政强制措施（扣押）决定公示');
    expect(impound.publication.content.text).toContain('期限自 2026-11-09 至 2026-12-09');
    // Penalty texts read as the item's published wording of the violation, never "违反……的规定" built from the item name.
    const spill = byKey.get('spill-hengdashun').publication.content;
    expect(spill.violation).toBe('乌鲁木齐恒达顺渣土运输有限公司运输散装、流体物料的车辆未采取密闭或者其他措施防止物料遗撒');
    for (const n of nodes) if (n.publication?.content) expect(n.publication.content.text, n.caseNumber).not.toMatch(/违反.*的规定|违反对/);
  });

  it('the review seed submits the waiting case: the demo then has a case in every state, UNDER_REVIEW included', async () => {
    const review = await seedReviews({ db: sys.reviewsDb, keys: sys.keys, casesUrl: sys.cases.url, powersUrl: sys.powers.url, clock: sys.clock });
    expect(review?.caseNumber).toBe('米城管罚〔2026〕6号');
    expect(await isReviewsSeeded(sys.reviewsDb)).toBe(true);
    const r = await sys.gql(
      `{ cases(first: 100) { edges { node { state caseNumber reviewStatus legalReviews { currentRound { reviewer { name } automaticFindings { point result } } } } } } }`,
      {},
      supervisor,
    );
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    const nodes = r.data!.cases.edges.map((e: any) => e.node);
    expect(new Set(nodes.map((n: any) => n.state))).toEqual(new Set(CASE_STATES));
    const waiting = nodes.find((n: any) => n.caseNumber === review!.caseNumber);
    expect(waiting).toMatchObject({ state: 'UNDER_REVIEW', reviewStatus: 'IN_REVIEW' });
    expect(waiting.legalReviews[0].currentRound.reviewer.name).toBe('张伟');
    expect(waiting.legalReviews[0].currentRound.automaticFindings).toHaveLength(9);
  });

  it('the dashboard figures of the seeded demo agree with each other (issue 17: 审核轮次 0 beside a case under review)', async () => {
    // The supervisor's dashboard period of the issue report. Every figure is pinned to a nonzero value that the
    // seed explains, and the figures that describe the same rows agree.
    const r = await sys.gql(
      `query($f: StatisticsFilter!) { statistics(filter: $f) {
        cases { byOutcome { total } caseDuration { count totalDays average max } reviewCoverage { numerator denominator } }
        reviews { outcomes { total cells { key count } } qualificationCompliance { numerator denominator } } } }`,
      // The review seed submits on the services' business date (TEST_TODAY; 2027-07-01 under test:dates): the period runs to it.
      { f: { from: '2026-01-01', to: TEST_TODAY > '2026-12-01' ? TEST_TODAY : '2026-12-01' } },
      supervisor,
    );
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    const s = r.data!.statistics;
    // Two rounds: the one under review (PENDING) and the approved one of fumes-xiangmanlou — the same two
    // rounds whose reviewers' qualification is 2/2.
    expect(s.reviews.outcomes).toEqual({
      total: 2,
      cells: expect.arrayContaining([
        { key: 'APPROVED', count: 1 },
        { key: 'PENDING', count: 1 },
      ]),
    });
    expect(s.reviews.outcomes.cells).toHaveLength(2);
    expect(s.reviews.qualificationCompliance).toEqual({ numerator: 2, denominator: 2 });
    expect(s.reviews.outcomes.total).toBe(s.reviews.qualificationCompliance.denominator);
    // Nine decisions: six on-the-spot (simple procedure, 0 days), the licence after 4 days (11-02 → 11-06), the
    // impound on its filing day and the reviewed fine after 18 days (10-12 → 10-30). One duration per decision.
    expect(s.cases.caseDuration).toEqual({ count: 9, totalDays: 22, average: 2.44, max: 18 });
    expect(s.cases.caseDuration.count).toBe(s.cases.byOutcome.total);
    // 法制审核覆盖率 is a rate over decisions whose proposal needed review: the demo has one, made on an approved
    // review, so 1/1 — and its denominator is the number of decided review-required decisions in the rows.
    const [[{ n }]] = (await sys.casesDb.pool.query(
      `SELECT COUNT(*) AS n FROM cases c JOIN decision_proposals p ON p.id = c.decision_proposal_id
        WHERE c.decided_on BETWEEN '2026-01-01' AND ? AND p.review_required = 1`,
      [TEST_TODAY > '2026-12-01' ? TEST_TODAY : '2026-12-01'],
    )) as unknown as [[{ n: number }]];
    expect(Number(n)).toBe(1);
    expect(s.cases.reviewCoverage.denominator).toBeGreaterThan(0);
    expect(s.cases.reviewCoverage).toEqual({ numerator: Number(n), denominator: Number(n) });
  });

  it('the squad’s entrusted case is reviewed by the bureau’s legal staff and decided by its principal, and the squad may not submit once its 委托书 has ended (Art. 20, issue 26)', async () => {
    // Runs last: it adds a review round and a decision to the figures pinned above.
    const squad = seeded.find((c) => c.key === 'barbecue-hongfuyuan-squad')!;
    const ok = async (q: string, variables: Record<string, unknown>, token: string) => {
      const r = await sys.gql(q, variables, token);
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      return Object.values(r.data!)[0] as any;
    };
    const c = await ok(`query($id: ID!) { case(id: $id) { state version inNameOf { name } proposals { id } } }`, { id: squad.id }, supervisor);
    expect(c).toMatchObject({ state: 'NOTIFIED', inNameOf: { name: '乌鲁木齐市米东区城市管理局' } });
    const proposalId = c.proposals.at(-1).id;
    // Past the 5-working-day hearing window of the notice of 2026-11-19.
    const day = TEST_TODAY > '2026-11-27' ? TEST_TODAY : '2026-11-27';
    sys.clock.set(day);
    const SUBMIT = `mutation($input: SubmitForReviewInput!) { submitForReview(input: $input) { id version } }`;
    const submission = {
      input: { caseId: squad.id, proposalId, materials: ['案卷'], handlerStatement: '送审材料真实、准确、完整。', reviewerId: sys.officerId('reviewer-li') },
    };
    const squadHe = await sys.token('OFFICER', 'midong-zhzfdd', 'squad-he');
    // The demo's 委托书 米城管委〔2024〕1号 runs to 2026-12-31 (data/demo/agencies.yaml): on a later day (test:dates runs
    // on 2027-07-01) the squad may no longer act (Art. 20(2)), and its submission is refused with nothing written.
    if (day > '2026-12-31') {
      const refused = await sys.gql(SUBMIT, submission, squadHe);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', entrustment: '米城管委〔2024〕1号' });
      expect(refused.errors?.[0]?.message).toContain('第二十条');
      expect((await ok(`query($id: ID!) { case(id: $id) { state } }`, { id: squad.id }, supervisor)).state).toBe('NOTIFIED');
      sys.clock.set(TEST_TODAY);
      return;
    }
    const review = await ok(SUBMIT, submission, squadHe);
    await ok(
      `mutation($id: ID!, $input: ReviewOpinionInput!) { recordReviewOpinion(reviewId: $id, input: $input) { status } }`,
      {
        id: review.id,
        input: {
          version: review.version,
          findings: allPass().map((f) => ({ ...f, note: '经审核人员核查，符合要求。' })),
          conclusion: 'APPROVED',
          opinion: '同意。',
        },
      },
      await sys.token('REVIEWER', 'midong-cgj', 'reviewer-li'),
    );
    const version = (await ok(`query($id: ID!) { case(id: $id) { version } }`, { id: squad.id }, supervisor)).version;
    const input = { caseId: squad.id, proposalId, version, partyPresent: true };
    const DECIDE = `mutation($input: DecideCaseInput!) { decideCase(input: $input) { state decidedOn } }`;
    const bySquad = await sys.gql(DECIDE, { input }, await sys.token('PRINCIPAL', 'midong-zhzfdd', 'squad-nuraili'));
    expect(bySquad.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(await ok(DECIDE, { input }, await sys.token('PRINCIPAL', 'midong-cgj', 'principal-wang'))).toEqual({ state: 'DECIDED', decidedOn: day });
    sys.clock.set(TEST_TODAY);
  });
});

describe('seedCases with reset', () => {
  it('drops and rebuilds its own database and produces the same cases again', async () => {
    const config = loadConfig({ ...process.env, DB_PREFIX: `${sys.prefix}_again`, PORT: '0' });
    const reviewsDb = await openReviewsDb(config);
    const { db, cases } = await seedCases({ config, keys: sys.keys, reviewsDb, powersUrl: sys.powers.url, reset: true });
    try {
      expect(shape(cases)).toEqual(expectedShape);
      // A second reset starts from nothing again (the record log refuses DELETE, so the database is dropped).
      const again = await seedCases({ config, keys: sys.keys, db, reviewsDb, powersUrl: sys.powers.url, reset: true });
      try {
        expect(shape(again.cases)).toEqual(expectedShape);
        expect(await isCasesSeeded(again.db)).toBe(true);
      } finally {
        await again.db.close();
      }
    } finally {
      await reviewsDb.close();
      await dropDatabase(config.databaseUrl, config.databaseName('cases'));
      await dropDatabase(config.databaseUrl, config.databaseName('reviews'));
    }
  }, 120_000);
});
