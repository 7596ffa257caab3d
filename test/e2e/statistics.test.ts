import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentIdCheckChar } from '../../kernel/identifiers.js';
import { isPublishedLate } from '../../subgraphs/inspections/domain/deadline.js';
import { allPass, gqlOk, notifiedBureauCase, notify, proposeBarbecueFine, setUpSquad as setUpSquadScenario } from '../helpers/scenarios.js';
import { loadBundledCalendar } from '../../kernel/calendar.js';
import { TEST_TODAY } from '../helpers/clock.js';
import { startTestSystem, type TestSystem } from '../helpers/system.js';
import { startFrontServer } from '../helpers/dashboard-server.js';

// Statistics (issue 7) on hand-built data whose right answers are known: cases built through the gateway
// (the squad: simple and general-procedure penalties, published late and on time, one revoked; the bureau:
// one penalty reviewed in two rounds, decided, served, executed, closed, archived), then every indicator
// asserted exactly; access; statement counts that do not grow with the rows; the masked, streamed CSV export.

/** The day the hand-built data is entered and its exact figures are asserted (the clock is pinned to it). */
const TODAY = '2026-11-20';
const SQUAD = 'midong-zhzfdd';
const BUREAU = 'midong-cgj';
const ITEM = '650109-ZD-0100';
const YEAR = { from: '2026-01-01', to: '2026-12-31' };
let sys: TestSystem;
const t = {} as Record<'officer' | 'reviewer' | 'principal' | 'admin' | 'analyst' | 'supervisor' | 'partner' | 'bureauReviewer' | 'bureauPrincipal', string>;
const officers: string[] = [];
const codeOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code;

const ok = (q: string, variables: Record<string, unknown>, tok?: string) => gqlOk(sys, q, variables, tok);

const RATE = 'numerator denominator excluded rate groups { group numerator denominator excluded rate }';
const COUNT = 'total cells { group key count }';
const DURATION = 'count totalDays average max groups { group count totalDays average max }';
const AMOUNT = 'count amount groups { group count amount }';
const CASES = `cases {
  byType { ${COUNT} } byState { ${COUNT} } byOutcome { ${COUNT} } fines { ${AMOUNT} } confiscations { ${AMOUNT} }
  reviewCoverage { ${RATE} } caseDuration { ${DURATION} } beyond90Days { ${RATE} } serviceTimeliness { ${RATE} }
  publicationTimeliness { ${RATE} } withdrawalTimeliness { ${RATE} } recordCompleteness { ${RATE} } }`;
const REVIEWS = `reviews { outcomes { ${COUNT} } duration { ${DURATION} } overdue { ${RATE} } qualificationCompliance { ${RATE} } }`;
const INSPECTIONS = `inspections { coverage { ${RATE} } completion { ${RATE} } resultsByCode { ${COUNT} } problemRate { ${RATE} } publicationTimeliness { ${RATE} } }`;
const STATS = (fields: string) => `query($filter: StatisticsFilter!) { statistics(filter: $filter) { key agencyId from to groupBy asOf ${fields} } }`;
const stats = (filter: Record<string, unknown>, fields: string, tok = t.analyst) => ok(STATS(fields), { filter }, tok);

const setUpSquad = () => setUpSquadScenario(sys, { code: ITEM, policy: { publishSimpleProcedure: true, autoPublishDecisions: false }, tokens: t });

const person = (name: string, seq: number) => {
  const mm = String((seq % 12) + 1).padStart(2, '0');
  const dd = String((seq % 28) + 1).padStart(2, '0');
  const first17 = `6501091985${mm}${dd}${String(100 + seq).slice(-3)}`;
  return {
    kind: 'NATURAL_PERSON',
    name,
    residentIdNumber: first17 + residentIdCheckChar(first17),
    phone: '13912345678',
    address: '米东区古牧地东路88号3栋2单元501室',
  };
};

const publicationOf = async (caseId: string) =>
  (await ok(`query($id: ID!) { case(id: $id) { publication { id version status } } }`, { id: caseId }, t.officer)).publication;

/** Acts are entered on their day: the suite moves the business clock (issue 13). */
const on = (date: string) => sys.clock.set(date);

/** A squad penalty: filed, credential shown, proposed, notified, decided; optionally published. Returns id and version. */
async function squadCase(
  name: string,
  seq: number,
  o: {
    procedure?: 'SIMPLE' | 'GENERAL';
    filedOn: string;
    decidedOn?: string;
    fine?: string;
    confiscation?: string;
    partyPresent?: boolean;
    publishOn?: string;
  },
) {
  const procedure = o.procedure ?? 'SIMPLE';
  on(o.filedOn);
  const c = await ok(
    `mutation($input: FileCaseInput!) { fileCase(input: $input) { id version } }`,
    {
      input: {
        agencyId: sys.agencyId(SQUAD),
        caseType: 'PENALTY',
        procedure,
        powerItemCode: ITEM,
        party: person(name, seq),
        officerIds: officers,
        source: { kind: 'INSPECTION' },
        factsSummary: `${name}在禁止区域露天烧烤。`,
      },
    },
    t.officer,
  );
  await ok(
    `mutation($input: CaseEventInput!) { recordEvent(input: $input) { id } }`,
    { input: { caseId: c.id, kind: 'CREDENTIAL_SHOWN', occurredOn: o.filedOn, officerIds: officers } },
    t.officer,
  );
  let version = c.version as number;
  if (procedure === 'GENERAL')
    version = (
      await ok(`mutation($input: CaseActionInput!) { startInvestigation(input: $input) { version } }`, { input: { caseId: c.id, version } }, t.officer)
    ).version;
  if (!o.decidedOn) {
    on(TODAY);
    return { id: c.id as string, version };
  }
  on(o.decidedOn);
  const p = await ok(
    `mutation($input: ProposeDecisionInput!) { proposeDecision(input: $input) { id reviewRequired } }`,
    {
      input: {
        caseId: c.id,
        outcome: 'PENALTY',
        penaltyTypes: o.confiscation ? ['FINE', 'CONFISCATE_ILLEGAL_GAINS'] : ['FINE'],
        fineAmount: o.fine ?? '100',
        confiscationAmount: o.confiscation ?? null,
        discretionTier: 'MINOR',
        legalBasis: [{ law: '中华人民共和国大气污染防治法', article: '第一百一十八条第三款' }],
        reasoning: '依法处罚。',
      },
    },
    t.officer,
  );
  expect(p.reviewRequired).toBe(false);
  const n = await notify(sys, c.id, p.id, t.officer, procedure === 'GENERAL' ? `米城管执告-${seq}` : null);
  const d = await ok(
    `mutation($input: DecideCaseInput!) { decideCase(input: $input) { id version } }`,
    { input: { caseId: c.id, proposalId: p.id, version: n.version, partyPresent: o.partyPresent ?? true } },
    procedure === 'SIMPLE' ? t.officer : t.principal,
  );
  if (o.publishOn) {
    on(o.publishOn);
    const pub = await publicationOf(c.id);
    await ok(
      `mutation($input: PublicationActionInput!) { publishDecision(input: $input) { id } }`,
      { input: { id: pub.id, version: pub.version } },
      t.reviewer,
    );
  }
  on(TODAY);
  return { id: c.id as string, version: d.version as number };
}

/** The bureau's general-procedure penalty: round 1 ISSUES_FOUND, round 2 APPROVED, decided, served, executed, closed, archived. */
async function bureauReviewedCase() {
  const c = await notifiedBureauCase(sys);
  const { tok, text, officers: ids } = c;
  const propose = (article: string) => proposeBarbecueFine(sys, c.id, tok, article);
  const p1 = c.proposal;
  expect(p1.reviewRequired).toBe(true);
  const REVIEW = 'id version status';
  const SUBMIT = `mutation($input: SubmitForReviewInput!) { submitForReview(input: $input) { ${REVIEW} } }`;
  const OPINION = `mutation($id: ID!, $input: ReviewOpinionInput!) { recordReviewOpinion(reviewId: $id, input: $input) { ${REVIEW} } }`;
  const reviewer = sys.officerId('reviewer-zhang');
  const r1 = await ok(
    SUBMIT,
    { input: { caseId: c.id, proposalId: p1.id, materials: ['案卷'], handlerStatement: '真实、准确、完整。', reviewerId: reviewer } },
    tok,
  );
  await ok(
    OPINION,
    {
      id: r1.id,
      input: {
        version: r1.version,
        findings: allPass().map((f) => (f.point === 'LEGAL_BASIS' ? { ...f, result: 'ISSUE', note: '未引用具体款项' } : f)),
        conclusion: 'ISSUES_FOUND',
        opinion: '法律依据引用不准确。',
        requiredCorrections: ['引用第一百一十八条第三款'],
      },
    },
    t.bureauReviewer,
  );
  const p2 = await propose('第一百一十八条第三款');
  // Another legal basis: the party is told it before the decision (Art. 44; issue 26).
  await notify(sys, c.id, p2.id, tok, `${c.caseNumber}-告知2`);
  const r2 = await ok(
    SUBMIT,
    { input: { caseId: c.id, proposalId: p2.id, materials: ['改正后的决定建议'], handlerStatement: '已改正。', reviewerId: reviewer } },
    tok,
  );
  await ok(OPINION, { id: r2.id, input: { version: r2.version, findings: allPass(), conclusion: 'APPROVED', opinion: '同意。' } }, t.bureauReviewer);
  const CASE = 'id version state';
  const before = await ok(`query($id: ID!) { case(id: $id) { ${CASE} } }`, { id: c.id }, tok);
  const decided = await ok(
    `mutation($input: DecideCaseInput!) { decideCase(input: $input) { ${CASE} } }`,
    { input: { caseId: c.id, proposalId: p2.id, version: before.version, partyPresent: true } },
    t.bureauPrincipal,
  );
  const onToday = (documentType: string, stage: string, title: string) => text(documentType, stage, title, { occurredOn: TODAY });
  await onToday('DECISION', 'DECISION', '行政处罚决定书');
  const served = await ok(
    `mutation($input: ServeInput!) { serveDecision(input: $input) { ${CASE} } }`,
    {
      input: {
        caseId: c.id,
        version: decided.version,
        method: 'DIRECT',
        servedOn: TODAY,
        officerIds: ids,
        publicationNoticeNumber: `${c.caseNumber}-公示告知`,
      },
    },
    tok,
  );
  await onToday('SERVICE_RECEIPT', 'SERVICE', '送达回证');
  await ok(
    `mutation($input: FinePaymentInput!) { recordFinePayment(input: $input) { id } }`,
    { input: { caseId: c.id, amount: '5000', paidOn: TODAY, receiptNumber: 'NO.20261120-0002' } },
    tok,
  );
  const executed = await ok(
    `mutation($input: DatedActionInput!) { recordExecution(input: $input) { ${CASE} } }`,
    { input: { caseId: c.id, version: served.version, on: TODAY } },
    tok,
  );
  await onToday('EXECUTION_RECORD', 'EXECUTION', '罚没款缴纳凭证');
  await onToday('CLOSING_REPORT', 'ARCHIVING', '结案报告');
  const closed = await ok(
    `mutation($input: DatedActionInput!) { closeCase(input: $input) { ${CASE} } }`,
    { input: { caseId: c.id, version: executed.version } },
    tok,
  );
  const pub = (await ok(`query($id: ID!) { case(id: $id) { publication { id version } } }`, { id: c.id }, tok)).publication;
  await ok(
    `mutation($input: PublicationActionInput!) { publishDecision(input: $input) { status } }`,
    { input: { id: pub.id, version: pub.version } },
    t.bureauReviewer,
  );
  const archived = await ok(
    `mutation($input: DatedActionInput!) { archiveCase(input: $input) { ${CASE} } }`,
    { input: { caseId: c.id, version: closed.version } },
    tok,
  );
  expect(archived.state).toBe('ARCHIVED');
}

beforeAll(async () => {
  sys = await startTestSystem({ today: TODAY });
  t.officer = await sys.token('OFFICER', SQUAD, 'squad-he');
  t.reviewer = await sys.token('REVIEWER', SQUAD, 'squad-nuraili');
  t.principal = await sys.token('PRINCIPAL', SQUAD, 'squad-nuraili');
  t.admin = await sys.token('ADMIN', null, 'admin-zhao');
  t.analyst = await sys.token('ANALYST', null);
  t.supervisor = await sys.token('SUPERVISOR', null, 'supervisor-ma');
  t.partner = await sys.token('PARTNER', null);
  t.bureauReviewer = await sys.token('REVIEWER', BUREAU, 'reviewer-zhang');
  t.bureauPrincipal = await sys.token('PRINCIPAL', BUREAU, 'principal-wang');
  officers.push(sys.officerId('squad-he'), sys.officerId('squad-nuraili'));
  await setUpSquad();

  // S1: on the spot 2026-09-30, published 10-14 (due 10-15: on time); revoked 11-02, withdrawn 11-04 (due 11-05: on time).
  const s1 = await squadCase('马建国', 1, { filedOn: '2026-09-30', decidedOn: '2026-09-30', fine: '100', publishOn: '2026-10-14' });
  on('2026-11-02');
  const changed = await ok(
    `mutation($input: DecisionChangeInput!) { recordDecisionChange(input: $input) { id version withdrawalDueOn } }`,
    { input: { caseId: s1.id, kind: 'REVOKED', reason: '经行政复议，原处罚决定被撤销。', documentNumber: '米城管撤〔2026〕1号' } },
    t.principal,
  );
  expect(changed.withdrawalDueOn).toBe('2026-11-05');
  on('2026-11-04');
  await ok(
    `mutation($input: PublicationActionInput!) { withdrawPublication(input: $input) { id } }`,
    { input: { id: changed.id, version: changed.version } },
    t.reviewer,
  );
  // S2: 10-09, published 10-30 (due 10-19: late). S3: 11-18, unpublished, due 11-27 (not yet due). S4: 10-12, unpublished, due 10-21 (late).
  await squadCase('刘德明', 2, { filedOn: '2026-10-09', decidedOn: '2026-10-09', fine: '150', publishOn: '2026-10-30' });
  await squadCase('赵小兵', 3, { filedOn: '2026-11-18', decidedOn: '2026-11-18', fine: '200' });
  await squadCase('欧阳明', 4, { filedOn: '2026-10-12', decidedOn: '2026-10-12', fine: '50' });
  // G1: general procedure filed 07-01, decided 10-09 (100 days: beyond 90), party absent, served 10-16 (due 10-19),
  // fine 3000 and confiscation 800.50, unpublished (due 10-19: late), executed and closed but not archived.
  const g1 = await squadCase('孙立', 5, {
    procedure: 'GENERAL',
    filedOn: '2026-07-01',
    decidedOn: '2026-10-09',
    fine: '3000',
    confiscation: '800.50',
    partyPresent: false,
  });
  on('2026-10-16');
  const served = await ok(
    `mutation($input: ServeInput!) { serveDecision(input: $input) { version serviceDueOn } }`,
    {
      input: { caseId: g1.id, version: g1.version, method: 'POSTAL', servedOn: '2026-10-16', officerIds: officers, publicationNoticeNumber: '米城管执公告-5' },
    },
    t.officer,
  );
  expect(served.serviceDueOn).toBe('2026-10-19');
  on('2026-10-20');
  await ok(
    `mutation($input: FinePaymentInput!) { recordFinePayment(input: $input) { id } }`,
    { input: { caseId: g1.id, amount: '3000', paidOn: '2026-10-20', receiptNumber: 'NO.20261020-0005' } },
    t.officer,
  );
  const executed = await ok(
    `mutation($input: DatedActionInput!) { recordExecution(input: $input) { version } }`,
    { input: { caseId: g1.id, version: served.version, on: '2026-10-20' } },
    t.officer,
  );
  on('2026-10-21');
  await ok(`mutation($input: DatedActionInput!) { closeCase(input: $input) { id } }`, { input: { caseId: g1.id, version: executed.version } }, t.officer);
  on(TODAY);
  // G2: filed 11-02, still under investigation (its 90 days end 2027-01-31).
  await squadCase('周某某', 6, { procedure: 'GENERAL', filedOn: '2026-11-02' });

  await bureauReviewedCase();
}, 240_000);
afterAll(() => sys?.stop());

describe('case indicators on known data (cases subgraph)', () => {
  it('counts, amounts, durations and the R10–R18 rates of the squad match the hand computation', async () => {
    const s = await stats({ ...YEAR, agencyId: sys.agencyId(SQUAD) }, CASES);
    expect(s).toMatchObject({ agencyId: sys.agencyId(SQUAD), from: '2026-01-01', to: '2026-12-31', groupBy: null, asOf: TODAY });
    const c = s.cases;
    expect(c.byType).toEqual({ total: 6, cells: [{ group: 'ALL', key: 'PENALTY', count: 6 }] });
    expect(c.byState.cells).toEqual([
      { group: 'ALL', key: 'CLOSED', count: 1 },
      { group: 'ALL', key: 'DECIDED', count: 4 },
      { group: 'ALL', key: 'INVESTIGATING', count: 1 },
    ]);
    expect(c.byOutcome).toEqual({ total: 5, cells: [{ group: 'ALL', key: 'PENALTY', count: 5 }] });
    expect(c.fines).toEqual({ count: 5, amount: '3500.00', groups: [{ group: 'ALL', count: 5, amount: '3500.00' }] });
    expect(c.confiscations).toMatchObject({ count: 1, amount: '800.50' });
    expect(c.caseDuration).toMatchObject({ count: 5, totalDays: 100, average: 20, max: 100 });
    expect(c.beyond90Days).toMatchObject({ numerator: 1, denominator: 5, excluded: 1, rate: 0.2 });
    expect(c.serviceTimeliness).toMatchObject({ numerator: 1, denominator: 1, excluded: 0, rate: 1 });
    expect(c.publicationTimeliness).toMatchObject({ numerator: 1, denominator: 4, excluded: 1, rate: 0.25 });
    expect(c.withdrawalTimeliness).toMatchObject({ numerator: 1, denominator: 1, excluded: 0, rate: 1 });
    expect(c.recordCompleteness).toMatchObject({ numerator: 0, denominator: 1, rate: 0 });
    expect(c.reviewCoverage).toMatchObject({ numerator: 0, denominator: 0, rate: null });
  });

  it('groups by month (the anchor date of each indicator) and by agency', async () => {
    const m = (await stats({ ...YEAR, agencyId: sys.agencyId(SQUAD), groupBy: 'MONTH' }, CASES)).cases;
    expect(m.fines.groups).toEqual([
      { group: '2026-09', count: 1, amount: '100.00' },
      { group: '2026-10', count: 3, amount: '3200.00' },
      { group: '2026-11', count: 1, amount: '200.00' },
    ]);
    expect(m.byType.cells).toEqual([
      { group: '2026-07', key: 'PENALTY', count: 1 },
      { group: '2026-09', key: 'PENALTY', count: 1 },
      { group: '2026-10', key: 'PENALTY', count: 2 },
      { group: '2026-11', key: 'PENALTY', count: 2 },
    ]);
    expect(m.publicationTimeliness.groups).toEqual([
      { group: '2026-09', numerator: 1, denominator: 1, excluded: 0, rate: 1 },
      { group: '2026-10', numerator: 0, denominator: 3, excluded: 0, rate: 0 },
      { group: '2026-11', numerator: 0, denominator: 0, excluded: 1, rate: null },
    ]);
    const a = (await stats({ ...YEAR, groupBy: 'AGENCY' }, CASES)).cases;
    const bySquad = (g: { group: string }) => g.group === sys.agencyId(SQUAD);
    const byBureau = (g: { group: string }) => g.group === sys.agencyId(BUREAU);
    expect(a.recordCompleteness).toMatchObject({ numerator: 1, denominator: 2, rate: 0.5 });
    expect(a.recordCompleteness.groups.find(bySquad)).toMatchObject({ numerator: 0, denominator: 1 });
    expect(a.recordCompleteness.groups.find(byBureau)).toMatchObject({ numerator: 1, denominator: 1 });
    // R5/R6: the only decision that needed review was made on the APPROVED round.
    expect(a.reviewCoverage).toMatchObject({ numerator: 1, denominator: 1, rate: 1 });
    expect(a.fines).toMatchObject({ count: 6, amount: '8500.00' });
    const cat = (await stats({ ...YEAR, groupBy: 'CATEGORY' }, 'cases { byType { total cells { group key count } } }')).cases;
    expect(cat.byType.cells).toEqual([{ group: 'PENALTY', key: 'PENALTY', count: 7 }]);
  });

  it('a period without the data is all zeros, and the period bounds are inclusive', async () => {
    const none = (await stats({ from: '2025-01-01', to: '2025-12-31', agencyId: sys.agencyId(SQUAD) }, CASES)).cases;
    expect(none.byType).toEqual({ total: 0, cells: [] });
    expect(none.fines).toEqual({ count: 0, amount: '0.00', groups: [] });
    expect(none.publicationTimeliness).toMatchObject({ numerator: 0, denominator: 0, rate: null, groups: [] });
    const oneDay = (await stats({ from: '2026-09-30', to: '2026-09-30', agencyId: sys.agencyId(SQUAD) }, 'cases { fines { count amount } }')).cases;
    expect(oneDay.fines).toEqual({ count: 1, amount: '100.00' });
  });
});

describe('review indicators (reviews subgraph) and random-inspection indicators (inspections subgraph)', () => {
  it('counts both rounds of the bureau review: outcomes, working-day duration, overdue, reviewer qualification (R7)', async () => {
    const r = (await stats({ ...YEAR, agencyId: sys.agencyId(BUREAU) }, REVIEWS)).reviews;
    expect(r.outcomes.cells).toEqual([
      { group: 'ALL', key: 'APPROVED', count: 1 },
      { group: 'ALL', key: 'ISSUES_FOUND', count: 1 },
    ]);
    // Both rounds were submitted and concluded on 2026-11-20: zero working days.
    expect(r.duration).toMatchObject({ count: 2, totalDays: 0, average: 0, max: 0 });
    // Due 2026-11-27 (5 working days), concluded 11-20: neither overdue.
    expect(r.overdue).toMatchObject({ numerator: 0, denominator: 2, excluded: 0, rate: 0 });
    expect(r.qualificationCompliance).toMatchObject({ numerator: 2, denominator: 2, excluded: 0, rate: 1 });
    const squad = (await stats({ ...YEAR, agencyId: sys.agencyId(SQUAD) }, REVIEWS)).reviews;
    expect(squad.outcomes.total).toBe(0);
    const byCategory = (await stats({ ...YEAR, groupBy: 'CATEGORY' }, REVIEWS)).reviews;
    expect(byCategory.outcomes.cells.map((c: any) => c.group)).toEqual(['PENALTY', 'PENALTY']);
  });

  it('computes coverage, completion, problem rate, result codes and R19 timeliness from the synced platform data', async () => {
    await ok(`mutation { syncInspections { finishedAt } }`, {}, t.admin);
    const period = { from: '2022-01-01', to: '2026-12-31' };
    const i = (await stats(period, INSPECTIONS)).inspections;
    // The same numbers computed independently from the stored rows.
    const [results] = (await sys.inspectionsDb.pool.query(
      `SELECT task_id, uscc, result_code, problems_found, completed_on, published_on, publication_due_on FROM inspection_results WHERE completed_on BETWEEN ? AND ?`,
      [period.from, period.to],
    )) as unknown as [
      {
        task_id: string;
        uscc: string;
        result_code: string;
        problems_found: number;
        completed_on: string;
        published_on: string | null;
        publication_due_on: string;
      }[],
    ];
    const [tasks] = (await sys.inspectionsDb.pool.query(`SELECT id, status, object_candidates FROM inspection_tasks`)) as unknown as [
      { id: string; status: string; object_candidates: number }[],
    ];
    const [allResults] = (await sys.inspectionsDb.pool.query(`SELECT task_id, uscc FROM inspection_results`)) as unknown as [
      { task_id: string; uscc: string }[],
    ];
    expect(results.length).toBeGreaterThan(0);
    expect(i.resultsByCode.total).toBe(results.length);
    const byCode = new Map<string, number>();
    for (const r of results) byCode.set(r.result_code, (byCode.get(r.result_code) ?? 0) + 1);
    expect(Object.fromEntries(i.resultsByCode.cells.map((c: any) => [c.key, c.count]))).toEqual(Object.fromEntries(byCode));
    expect(i.problemRate).toMatchObject({ numerator: results.filter((r) => r.problems_found).length, denominator: results.length });
    const due = results.filter((r) => r.published_on || r.publication_due_on < TODAY);
    expect(i.publicationTimeliness).toMatchObject({
      numerator: due.filter(
        (r) =>
          !isPublishedLate(
            r.published_on
              ? { publishedOn: r.published_on, publicationDueOn: r.publication_due_on }
              : { publishedOn: null, publicationDueOn: r.publication_due_on },
            TODAY,
          ),
      ).length,
      denominator: due.length,
      excluded: results.length - due.length,
    });
    expect(i.completion).toMatchObject({ numerator: tasks.filter((x) => x.status === 'COMPLETED').length, denominator: tasks.length });
    const checked = new Set(allResults.map((r) => `${r.task_id}|${r.uscc}`)).size;
    expect(i.coverage).toMatchObject({ numerator: checked, denominator: tasks.reduce((s, x) => s + x.object_candidates, 0) });
  });
});

describe('as of the business date the suite runs on (TEST_TODAY; CI also runs it on a day in another year)', () => {
  const calendar = loadBundledCalendar();
  afterAll(() => sys.clock.set(TODAY));

  it('counts a deadline as missed only once it has passed, and says as of which day', async () => {
    sys.clock.set(TEST_TODAY);
    const s = await stats({ ...YEAR, agencyId: sys.agencyId(SQUAD) }, CASES);
    expect(s.asOf).toBe(TEST_TODAY);
    // G2 (filed 2026-11-02, undecided) is beyond 90 days once 2027-01-31 has passed; G1 (100 days) always is.
    const g2Late = TEST_TODAY > '2027-01-31';
    expect(s.cases.beyond90Days).toMatchObject({ numerator: g2Late ? 2 : 1, denominator: g2Late ? 6 : 5, excluded: g2Late ? 0 : 1 });
    // S3 (decided 2026-11-18, unpublished) is due 7 working days later: late once that day has passed.
    const s3Due = calendar.addWorkingDays('2026-11-18', 7).date;
    expect(s3Due).toBe('2026-11-27');
    const s3Late = TEST_TODAY > s3Due;
    expect(s.cases.publicationTimeliness).toMatchObject({ numerator: 1, denominator: s3Late ? 5 : 4, excluded: s3Late ? 0 : 1 });
    // Deadlines that passed before the data was entered do not change with the day.
    expect(s.cases.serviceTimeliness).toMatchObject({ numerator: 1, denominator: 1, excluded: 0 });
    expect(s.cases.withdrawalTimeliness).toMatchObject({ numerator: 1, denominator: 1, excluded: 0 });
  });
});

describe('access: aggregates for analysts, supervisors and admins; own agency for staff; never for the public', () => {
  it('refuses PUBLIC and PARTNER, and staff asking for another agency', async () => {
    expect(codeOf(await sys.gql(STATS('cases { byType { total } }'), { filter: YEAR }))).toBe('FORBIDDEN');
    expect(codeOf(await sys.gql(STATS('cases { byType { total } }'), { filter: YEAR }, t.partner))).toBe('FORBIDDEN');
    expect(codeOf(await sys.gql(STATS('cases { byType { total } }'), { filter: { ...YEAR, agencyId: sys.agencyId(BUREAU) } }, t.officer))).toBe('FORBIDDEN');
    const bad = await sys.gql(STATS('key'), { filter: { from: '2026-12-31', to: '2026-01-01' } }, t.analyst);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.to' });
  });

  it('narrows agency staff to their own agency, and supervisors and admins see everything', async () => {
    const own = await stats(YEAR, 'cases { byType { total } } reviews { outcomes { total } }', t.officer);
    expect(own.agencyId).toBe(sys.agencyId(SQUAD));
    expect(own.cases.byType.total).toBe(6);
    expect(own.reviews.outcomes.total).toBe(0);
    for (const tok of [t.supervisor, t.admin]) expect((await stats(YEAR, 'cases { byType { total } }', tok)).cases.byType.total).toBe(7);
  });

  it('re-checks the key in every subgraph: a squad officer cannot read the bureau through _entities', async () => {
    const bureauKey = (await stats({ ...YEAR, agencyId: sys.agencyId(BUREAU) }, 'key')).key;
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Statistics { reviews { outcomes { total } } } } }`;
    const asOfficer = { subject: 'squad-he', role: 'OFFICER' as const, agencyId: sys.agencyId(SQUAD), officerId: sys.officerId('squad-he') };
    const refused = await sys.subgraph(sys.reviews.url, q, { r: [{ __typename: 'Statistics', key: bureauKey }] }, asOfficer);
    expect(codeOf(refused)).toBe('FORBIDDEN');
    const tampered = await sys.subgraph(
      sys.reviews.url,
      q,
      { r: [{ __typename: 'Statistics', key: bureauKey.slice(0, -2) + 'xx' }] },
      { ...asOfficer, role: 'ANALYST' },
    );
    expect(codeOf(tampered)).toBe('BAD_USER_INPUT');
    const analyst = await sys.subgraph(
      sys.reviews.url,
      q,
      { r: [{ __typename: 'Statistics', key: bureauKey }] },
      { ...asOfficer, role: 'ANALYST', agencyId: null },
    );
    expect(analyst.data?._entities[0].reviews.outcomes.total).toBe(2);
  });
});

describe('cost: the number of SQL statements does not grow with the rows', () => {
  it('issues one statement per indicator, before and after more cases are added', async () => {
    const all = `${CASES} ${REVIEWS} ${INSPECTIONS}`;
    const count = async () => {
      const before = [sys.casesDb.stats.statements, sys.reviewsDb.stats.statements, sys.inspectionsDb.stats.statements];
      await stats({ ...YEAR, groupBy: 'MONTH' }, all);
      return [sys.casesDb.stats.statements - before[0]!, sys.reviewsDb.stats.statements - before[1]!, sys.inspectionsDb.stats.statements - before[2]!];
    };
    const first = await count();
    expect(first).toEqual([12, 4, 5]);
    for (let n = 0; n < 3; n++) await squadCase(`钱${n}号`, 10 + n, { filedOn: '2026-11-1' + n, decidedOn: '2026-11-1' + n, fine: '60' });
    const fines = (await stats({ ...YEAR, agencyId: sys.agencyId(SQUAD) }, 'cases { fines { count amount } }')).cases.fines;
    expect(fines).toEqual({ count: 8, amount: '3680.00' });
    expect(await count()).toEqual(first);
  });
});

describe('CSV export of the rows behind an indicator (masked, streamed)', () => {
  it('gives analysts the masked rows with the judgement of each; refuses other roles and anonymous callers', async () => {
    const front = await startFrontServer(sys);
    try {
      const q = `from=2026-01-01&to=2026-12-31&agencyId=${sys.agencyId(SQUAD)}`;
      const url = `${front.url}/exports/indicators/publication-timeliness.csv?${q}`;
      const res = await fetch(url, { headers: { authorization: `Bearer ${t.analyst}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const body = await res.text();
      const lines = body
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n');
      expect(lines[0]).toContain('"当事人（脱敏）"');
      const rows = lines.slice(1).map((l) => l.slice(1, -1).split('","'));
      const party = lines[0]!.slice(1, -1).split('","').indexOf('当事人（脱敏）');
      const byParty = Object.fromEntries(rows.map((r) => [r[party], r.at(-1)]));
      // publication-timeliness covers the non-exempt publications of decisions in the period (S1–S4, G1 and the three added later).
      expect(byParty).toMatchObject({ 马某: '按期', 刘某: '逾期', 赵某: '未到期（不计入）', 欧阳某: '逾期未公示', 孙某: '逾期未公示' });
      expect(body).not.toMatch(/马建国|刘德明|欧阳明|13912345678|古牧地|650109198|11010519/);

      const officer = await fetch(url, { headers: { authorization: `Bearer ${t.officer}` } });
      expect(officer.status).toBe(403);
      expect(((await officer.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');
      expect((await fetch(url)).status).toBe(401);
      expect((await fetch(`${front.url}/exports/indicators/no-such-indicator.csv?${q}`, { headers: { authorization: `Bearer ${t.analyst}` } })).status).toBe(
        404,
      );
      const badPeriod = await fetch(`${front.url}/exports/indicators/fines.csv?from=2026-13-01&to=2026-12-31`, {
        headers: { authorization: `Bearer ${t.analyst}` },
      });
      expect(badPeriod.status).toBe(400);
      // The subgraph itself answers only the gateway's internal token.
      expect((await fetch(new URL(`/exports/indicators/fines.csv?${q}`, sys.cases.url))).status).toBe(401);
      const archive = await (
        await fetch(`${front.url}/exports/indicators/record-completeness.csv?from=2026-01-01&to=2026-12-31`, {
          headers: { authorization: `Bearer ${t.supervisor}` },
        })
      ).text();
      expect(archive.trimEnd().split('\r\n')).toHaveLength(3);
      expect(archive).toContain('"已归档（记录完整）"');
      expect(archive).toContain('"李某"');
    } finally {
      await front.close();
    }
  });
});
