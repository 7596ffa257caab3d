import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANNUAL_REPORT_QUERY, annualFilter, NOT_APPLICABLE } from '../../apps/annual-report/annual.js';
import { pdfRenderer } from '../../apps/annual-report/pdf.js';
import { SUPERVISION_MODELS } from '../../subgraphs/cases/supervision/clues/registry.js';
import { SEED_CASES_TODAY, seedCases, type SeededCase, seedReviews } from '../../data/loader/index.js';
import { loadBundledCalendar } from '../../kernel/calendar.js';
import { startTestSystem, type TestSystem } from '../helpers/system.js';

// The annual enforcement statistics report (issue 17) of the demo bureau for 2026: `npm run report` against the
// running gateway writes PDF, HTML and CSV from ONE federated statistics request; every figure of the report is
// checked against figures computed here, independently, from the databases' rows (plain SELECTs, arithmetic in
// the test). A reconsideration that revokes a decision shows in the correction rate and withdraws the
// publication. The whole-report request costs the same number of SQL statements per subgraph on an empty
// database as on the seeded one.

const YEAR = 2026;
const FROM = '2026-01-01';
const TO = '2026-12-31';
let sys: TestSystem;
let seeded: SeededCase[];
let analyst: string;
let bureau: string;
let out: string;
const run = promisify(execFile);

type Db = { pool: { query: (sql: string, params?: unknown[]) => Promise<unknown> } };
const rows = async (db: Db, q: string, params: unknown[] = []) => ((await db.pool.query(q, params)) as [Record<string, any>[]])[0];

/** The statements each subgraph issues for the whole report's request. */
async function reportStatements(): Promise<Record<string, number>> {
  const dbs = { powers: sys.powersDb, cases: sys.casesDb, reviews: sys.reviewsDb, inspections: sys.inspectionsDb } as const;
  const before = Object.fromEntries(Object.entries(dbs).map(([k, d]) => [k, d.stats.statements]));
  const r = await sys.gql(ANNUAL_REPORT_QUERY, { filter: annualFilter(YEAR, bureau) }, analyst);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return Object.fromEntries(Object.entries(dbs).map(([k, d]) => [k, d.stats.statements - before[k]!]));
}

let emptyCost: Record<string, number>;

beforeAll(async () => {
  sys = await startTestSystem({ today: SEED_CASES_TODAY });
  analyst = await sys.token('ANALYST', null);
  bureau = sys.agencyId('midong-cgj');
  emptyCost = await reportStatements();
  ({ cases: seeded } = await seedCases({ config: sys.config, keys: sys.keys, db: sys.casesDb, reviewsDb: sys.reviewsDb, powersUrl: sys.powers.url }));
  await seedReviews({ db: sys.reviewsDb, keys: sys.keys, casesUrl: sys.cases.url, powersUrl: sys.powers.url, clock: sys.clock });
  const sync = await sys.gql(`mutation { syncInspections { finishedAt } }`, {}, await sys.token('ADMIN', null, 'admin-zhao'));
  expect(sync.errors).toBeUndefined();
  // Issue 30: the supervisor runs the problem models over the year (the demo's inspection results with problems and no
  // case raise clues) and handles one, so the report's supervision sections have figures.
  const supervisor = await sys.token('SUPERVISOR', null, 'supervisor-ma');
  const run = await sys.gql(
    `mutation { runSupervisionModels(input: { from: "${YEAR}-01-01", to: "${YEAR}-12-31" }) { raised { id version } } }`,
    {},
    supervisor,
  );
  expect(run.errors).toBeUndefined();
  const [clue] = run.data!.runSupervisionModels.raised;
  const handled = await sys.gql(
    `mutation($i: HandleSupervisionClueInput!) { handleSupervisionClue(input: $i) { status } }`,
    { i: { id: clue.id, version: clue.version, decision: 'ACCEPTED', reason: '责令限期立案调查' } },
    supervisor,
  );
  expect(handled.errors).toBeUndefined();
  out = mkdtempSync(join(tmpdir(), 'sanxiang-report-'));
}, 180_000);
afterAll(async () => {
  if (out) rmSync(out, { recursive: true, force: true });
  await sys?.stop();
});

// A rate over nothing is shown as not applicable, never 0/0 or 0%.
const pct = (num: number, den: number) => (den ? `${((Math.round((num / den) * 10_000) / 10_000) * 100).toFixed(1)}%` : '—（本期无适用）');
const figuresOf = (html: string): Map<string, string> =>
  new Map([...html.matchAll(/<td data-figure="([^"]+)">([^<]*)<\/td>/g)].map((m) => [m[1]!, m[2]!.replace(/&amp;/g, '&')]));

const unescapeHtml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
/** The report's tables as the HTML lays them out: each section's title, and per row its label and the figure ids of its cells. */
const tablesOf = (html: string) =>
  [...html.matchAll(/<section><h2>([^<]*)<\/h2>\s*<table>([\s\S]*?)<\/table>/g)].map((m) => ({
    title: unescapeHtml(m[1]!),
    rows: [...m[2]!.matchAll(/<tr><th scope="row">([^<]*)<\/th>((?:<td data-figure="[^"]+">[^<]*<\/td>)+)<\/tr>/g)].map((r) => ({
      label: unescapeHtml(r[1]!),
      ids: [...r[2]!.matchAll(/data-figure="([^"]+)"/g)].map((x) => unescapeHtml(x[1]!)),
    })),
  }));

/**
 * The PDF's text (pdf.js, Mozilla's maintained parser), pages in order, with ALL whitespace removed: pdf.js splits
 * and merges the text runs of a table row freely ("2500.00 —" + "（本期无适用）"), so spacing carries no meaning, but
 * the order of the runs follows the layout — a row reads as its label followed by its cells, the next row's label after.
 * The Chinese text extracts faithfully (Chromium embeds the fonts with their Unicode maps).
 */
async function pdfText(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false }).promise;
  try {
    let text = '';
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      text += content.items.map((item) => ('str' in item ? item.str : '')).join('');
    }
    return { pages: doc.numPages, text: text.replace(/\s+/g, '') };
  } finally {
    await doc.destroy();
  }
}

/**
 * Every figure of `expected` appears in the PDF in its own table and row: for each section (in order) the title, then
 * the rows as "label + the row's expected values", contiguous, so a wrong, missing or shifted figure breaks the match.
 */
async function expectPdfFigures(pdf: Buffer, html: string, expected: Map<string, string>) {
  const { text } = await pdfText(pdf);
  const tables = tablesOf(html);
  // Every figure of the report sits in some table row, once.
  expect(tables.flatMap((t) => t.rows.flatMap((r) => r.ids)).sort()).toEqual([...expected.keys()].sort());
  const strip = (v: string) => v.replace(/\s+/g, '');
  let from = 0;
  for (const t of tables) {
    const at = text.indexOf(strip(t.title), from);
    expect(at, `PDF section ${t.title}`).toBeGreaterThanOrEqual(0);
    const body = strip(t.rows.map((r) => r.label + r.ids.map((id) => expected.get(id)!).join('')).join(''));
    const bodyAt = text.indexOf(body, at);
    expect(bodyAt, `PDF rows of ${t.title}: ${body}`).toBeGreaterThan(at);
    // Only the table's column headings lie between the title and the rows.
    expect(bodyAt - at - strip(t.title).length, t.title).toBeLessThan(40);
    from = bodyAt + body.length;
  }
}

/** Every figure of the report, computed from the rows without the production SQL. */
async function expectedFigures(): Promise<Map<string, string>> {
  const today = sys.clock.today();
  const e = new Map<string, string>();
  const set = (id: string, v: number | string) => e.set(id, String(v));
  const rate = (id: string, num: number, den: number) => {
    set(`${id}.numerator`, num);
    set(`${id}.denominator`, den);
    set(`${id}.rate`, pct(num, den));
  };
  const inYear = (d: string | null) => !!d && d >= FROM && d <= TO;
  const cases = (await rows(sys.casesDb, 'SELECT * FROM cases WHERE agency_id = ?', [bureau])) as any[];
  const proposals = new Map(
    ((await rows(sys.casesDb, 'SELECT id, content, fine_amount, review_required FROM decision_proposals')) as any[]).map((p) => [p.id, p]),
  );
  const CATS = ['PENALTY', 'LICENSING', 'COERCION', 'INSPECTION', 'OTHER'];
  for (const k of CATS) {
    set(`filed.${k}`, cases.filter((c) => c.case_type === k && inYear(c.filed_on)).length);
    set(`decided.${k}`, cases.filter((c) => c.case_type === k && inYear(c.decided_on)).length);
  }
  set('filed.total', cases.filter((c) => inYear(c.filed_on)).length);
  const decided = cases.filter((c) => inYear(c.decided_on));
  set('decided.total', decided.length);
  // Decision types: once per kind imposed; fines and confiscations in cents.
  const types = new Map<string, { n: number; cents: number }>();
  const cents = (v: unknown) => (v === null || v === undefined || v === 'null' ? 0 : Math.round(Number(v) * 100));
  for (const c of decided) {
    const p = proposals.get(c.decision_proposal_id);
    const content = JSON.parse(p.content);
    for (const t of content.penaltyTypes as string[]) {
      const g = types.get(t) ?? { n: 0, cents: 0 };
      g.n++;
      if (t === 'FINE') g.cents += cents(p.fine_amount);
      if (t === 'CONFISCATE_ILLEGAL_GAINS') g.cents += cents(content.confiscationAmount);
      if (t === 'CONFISCATE_ILLEGAL_PROPERTY' && !content.penaltyTypes.includes('CONFISCATE_ILLEGAL_GAINS')) g.cents += cents(content.confiscationAmount);
      types.set(t, g);
    }
  }
  const yuan = (c: number) => (c / 100).toFixed(2);
  for (const [t, g] of types) {
    set(`decisionTypes.${t}.count`, g.n);
    set(`decisionTypes.${t}.amount`, t === 'FINE' || t.startsWith('CONFISCATE') ? yuan(g.cents) : '—');
  }
  set(
    'decisionTypes.total',
    [...types.values()].reduce((s, g) => s + g.n, 0),
  );
  set('decisionTypes.amount', yuan([...types.values()].reduce((s, g) => s + g.cents, 0)));
  const outcomeOf = (c: any) => JSON.parse(proposals.get(c.decision_proposal_id).content).outcome as string;
  for (const c of decided) {
    if (c.case_type === 'LICENSING')
      set(`licensing.${outcomeOf(c)}`, decided.filter((x) => x.case_type === 'LICENSING' && outcomeOf(x) === outcomeOf(c)).length);
    if (c.case_type === 'COERCION') set(`coercion.${outcomeOf(c)}`, decided.filter((x) => x.case_type === 'COERCION' && outcomeOf(x) === outcomeOf(c)).length);
  }
  set('transfers', decided.filter((c) => outcomeOf(c) === 'CRIMINAL_REFERRAL').length);
  const events = (await rows(sys.casesDb, `SELECT case_id, payload FROM record_entries WHERE kind = 'EVENT'`)) as any[];
  const hasEvent = (c: any, kind: string) => events.some((x) => x.case_id === c.id && JSON.parse(x.payload).eventKind === kind);
  set('hearings.requested', decided.filter((c) => hasEvent(c, 'HEARING_REQUESTED')).length);
  set('hearings.held', decided.filter((c) => hasEvent(c, 'HEARING_HELD')).length);
  // Relief proceedings.
  const relief = (await rows(sys.casesDb, 'SELECT * FROM relief_proceedings WHERE agency_id = ?', [bureau])) as any[];
  for (const k of ['ADMINISTRATIVE_RECONSIDERATION', 'ADMINISTRATIVE_LITIGATION']) {
    set(`relief.received.${k}`, relief.filter((r) => r.kind === k && inYear(r.received_on)).length);
    for (const o of ['UPHELD', 'CHANGED', 'REVOKED', 'CONFIRMED_ILLEGAL', 'CONFIRMED_VOID', 'SETTLED', 'WITHDRAWN'])
      set(`relief.concluded.${k}.${o}`, relief.filter((r) => r.kind === k && r.outcome === o && inYear(r.outcome_on)).length);
  }
  const concluded = relief.filter((r) => inYear(r.outcome_on));
  rate('correctionRate', concluded.filter((r) => ['CHANGED', 'REVOKED', 'CONFIRMED_ILLEGAL', 'CONFIRMED_VOID'].includes(r.outcome)).length, concluded.length);
  const needReview = decided.filter((c) => proposals.get(c.decision_proposal_id).review_required);
  rate('reviewCoverage', needReview.filter((c) => c.decision_review_id).length, needReview.length);
  const pubs = ((await rows(sys.casesDb, 'SELECT * FROM publications WHERE agency_id = ?', [bureau])) as any[]).filter(
    (p) => p.status !== 'EXEMPT' && inYear(p.decision_date),
  );
  rate(
    'publicationTimeliness',
    pubs.filter((p) => p.published_on && p.published_on <= p.due_on).length,
    pubs.filter((p) => p.published_on || (p.status !== 'WITHDRAWN' && p.due_on < today)).length,
  );
  const changed = ((await rows(sys.casesDb, 'SELECT * FROM publications WHERE agency_id = ?', [bureau])) as any[]).filter(
    (p) => inYear(p.changed_on) && p.withdrawal_due_on,
  );
  rate(
    'withdrawalTimeliness',
    changed.filter((p) => p.withdrawn_on && p.withdrawn_on <= p.withdrawal_due_on).length,
    changed.filter((p) => p.withdrawn_on || p.withdrawal_due_on < today).length,
  );
  const filed = cases.filter((c) => inYear(c.filed_on));
  // Penalties only: the 90-day limit is 行政处罚法 Art. 60's (docs/indicators.md; issue 26).
  const penalties = filed.filter((c) => c.case_type === 'PENALTY');
  rate(
    'beyond90Days',
    penalties.filter((c) => (c.decided_on && c.decided_on > c.decision_due_on) || (!c.decided_on && c.decision_due_on && c.decision_due_on < today)).length,
    penalties.filter((c) => c.decided_on || (c.decision_due_on && c.decision_due_on < today)).length,
  );
  const closed = cases.filter((c) => inYear(c.closed_on));
  rate('recordCompleteness', closed.filter((c) => c.archived_on).length, closed.length);
  const days = decided.map((c) => (Date.parse(c.decided_on) - Date.parse(c.filed_on)) / 86_400_000);
  set('caseDuration.count', days.length);
  set('caseDuration.max', days.length ? Math.max(...days) : '—');
  set('caseDuration.average', days.length ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 100) / 100 : '—');
  // Staff on the period's last day (today when earlier), from the directory and the dated credential history.
  const day = TO < today ? TO : today;
  const officers = (await rows(sys.powersDb, 'SELECT * FROM officers WHERE agency_id = ?', [bureau])) as any[];
  const history = (await rows(sys.powersDb, 'SELECT * FROM credential_status_changes ORDER BY effective_from')) as any[];
  const statusOn = (o: any) => {
    const h = history.filter((x) => x.officer_id === o.id);
    if (!h.length) return o.credential_status;
    let s = h[0].status;
    for (const x of h) if (x.effective_from <= day) s = x.status;
    return s;
  };
  set(`staff.${bureau}.officers`, officers.length);
  set(`staff.${bureau}.validCredentials`, officers.filter((o) => statusOn(o) === 'VALID' && o.valid_from <= day && o.valid_until >= day).length);
  set(`staff.${bureau}.reviewStaff`, officers.filter((o) => o.review_qualified).length);
  set(`staff.${bureau}.reviewStaffWithLegalCertificate`, officers.filter((o) => o.review_qualified && o.legal_profession_certificate).length);
  // Legal review rounds submitted in the year.
  const rounds = ((await rows(sys.reviewsDb, 'SELECT * FROM review_rounds WHERE agency_id = ?', [bureau])) as any[]).filter((r) => inYear(r.submitted_on));
  set('reviews.rounds', rounds.length);
  for (const k of ['APPROVED', 'ISSUES_FOUND']) set(`reviews.${k}`, rounds.filter((r) => r.conclusion === k).length);
  set('reviews.PENDING', rounds.filter((r) => !r.conclusion).length);
  const cal = loadBundledCalendar();
  const done = ((await rows(sys.reviewsDb, 'SELECT * FROM review_rounds WHERE agency_id = ?', [bureau])) as any[]).filter((r) => inYear(r.concluded_on));
  const wd = done.map((r) => (r.concluded_on <= r.submitted_on ? 0 : cal.workingDaysBetween(r.submitted_on, r.concluded_on).days));
  set('reviews.duration.average', wd.length ? Math.round((wd.reduce((a, b) => a + b, 0) / wd.length) * 100) / 100 : '—');
  const due = ((await rows(sys.reviewsDb, 'SELECT * FROM review_rounds WHERE agency_id = ?', [bureau])) as any[]).filter((r) => inYear(r.due_on));
  set(
    'reviews.overdue.rate',
    pct(
      due.filter((r) => (r.concluded_on && r.concluded_on > r.due_on) || (!r.concluded_on && r.due_on < today)).length,
      due.filter((r) => r.concluded_on || r.due_on < today).length,
    ),
  );
  set(
    'reviews.qualificationCompliance.rate',
    pct(
      rounds.filter((r) => r.reviewer_qualified === 1 && (r.reviewer_first_time === 0 || r.reviewer_has_certificate === 1)).length,
      rounds.filter((r) => r.reviewer_qualified !== null).length,
    ),
  );
  // Random inspection: the bureau's platform USCCs; tasks drawn in the year (Beijing days of a UTC instant).
  const usccs = new Set(((await rows(sys.inspectionsDb, 'SELECT uscc FROM agency_links WHERE agency_id = ?', [bureau])) as any[]).map((r) => r.uscc));
  const beijingDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const tasks = ((await rows(sys.inspectionsDb, 'SELECT * FROM inspection_tasks')) as any[]).filter(
    (t) => usccs.has(t.agency_uscc) && inYear(beijingDay(t.drawn_at)),
  );
  rate('inspections.completion', tasks.filter((t) => t.status === 'COMPLETED').length, tasks.length);
  const results = ((await rows(sys.inspectionsDb, 'SELECT * FROM inspection_results')) as any[]).filter(
    (r) => usccs.has(r.agency_uscc) && inYear(r.completed_on),
  );
  rate('inspections.problemRate', results.filter((r) => r.problems_found).length, results.length);
  rate(
    'inspections.publicationTimeliness',
    results.filter((r) => r.published_on && r.published_on <= r.publication_due_on).length,
    results.filter((r) => r.published_on || r.publication_due_on < today).length,
  );
  // Issue 30: clues by problem model (raised in the year) and the bureau's scorecard, from plain rows and the weights
  // documented in docs/supervision-models.md.
  const clues = ((await rows(sys.casesDb, 'SELECT model_code, status, raised_on FROM supervision_clues WHERE agency_id = ?', [bureau])) as any[]).filter((c) =>
    inYear(c.raised_on),
  );
  for (const m of SUPERVISION_MODELS) {
    const mine = clues.filter((c) => c.model_code === m.code);
    set(`clues.${m.code}.raised`, mine.length);
    set(`clues.${m.code}.open`, mine.filter((c) => c.status === 'OPEN').length);
    set(`clues.${m.code}.accepted`, mine.filter((c) => c.status === 'ACCEPTED').length);
    set(`clues.${m.code}.dismissed`, mine.filter((c) => c.status === 'DISMISSED').length);
  }
  const absent = decided.filter((c) => c.party_present_at_decision === 0);
  // 案卷评查: points over possible points of the bureau's scored files in rounds whose period lies within the year.
  const evalRows = (await rows(
    sys.casesDb,
    `SELECT f.score, f.max_score FROM evaluation_files f JOIN evaluation_rounds r ON r.id = f.round_id
      WHERE f.state = 'SCORED' AND f.agency_id = ? AND r.period_from >= ? AND r.period_to <= ?`,
    [bureau, FROM, TO],
  )) as any[];
  const evaluation: [number, number] = [evalRows.reduce((a, r) => a + Number(r.score), 0), evalRows.reduce((a, r) => a + Number(r.max_score), 0)];
  const num = (id: string) => Number(e.get(`${id}.numerator`));
  const den = (id: string) => Number(e.get(`${id}.denominator`));
  const components: Record<string, [number, number, number]> = {
    REVIEW_COVERAGE: [15, num('reviewCoverage'), den('reviewCoverage')],
    WITHIN_TIME_LIMIT: [15, den('beyond90Days') - num('beyond90Days'), den('beyond90Days')],
    SERVICE_TIMELINESS: [
      10,
      absent.filter((c) => c.served_on && c.served_on <= c.service_due_on && (c.service_recorded_on ?? c.served_on) <= c.service_due_on).length,
      absent.filter((c) => c.served_on || c.service_due_on < today).length,
    ],
    PUBLICATION_TIMELINESS: [10, num('publicationTimeliness'), den('publicationTimeliness')],
    WITHDRAWAL_TIMELINESS: [5, num('withdrawalTimeliness'), den('withdrawalTimeliness')],
    RECORD_COMPLETENESS: [10, num('recordCompleteness'), den('recordCompleteness')],
    RELIEF_UPHELD: [10, den('correctionRate') - num('correctionRate'), den('correctionRate')],
    CLUE_HANDLING: [10, clues.filter((c) => c.status !== 'OPEN').length, clues.length],
    EVALUATION: [15, ...evaluation],
  };
  let weighted = 0;
  let weights = 0;
  for (const [code, [w, n, d]] of Object.entries(components)) {
    set(`scorecard.${bureau}.${code}.weight`, w);
    set(`scorecard.${bureau}.${code}.score`, d ? `${((Math.round((n / d) * 10_000) / 10_000) * 100).toFixed(1)}%` : NOT_APPLICABLE);
    if (d) {
      weighted += w * (n / d);
      weights += w;
    }
  }
  set(`scorecard.${bureau}.weights`, 100);
  set(`scorecard.${bureau}.total`, weights ? (Math.round((weighted / weights) * 100 * 100) / 100).toFixed(2) : '—');
  return e;
}

describe('the annual statistics report (行政执法统计年报)', () => {
  it('a reconsideration that revokes a decision shows in the correction rate and withdraws the publication', async () => {
    const reviewer = await sys.token('REVIEWER', 'midong-cgj', 'reviewer-zhang');
    const gql = async (q: string, v: Record<string, unknown>) => {
      const r = await sys.gql(q, v, reviewer);
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      return Object.values(r.data!)[0] as any;
    };
    const APPLY = `mutation($input: ReliefApplicationInput!) { recordReliefApplication(input: $input) { id version } }`;
    const OUTCOME = `mutation($input: ReliefOutcomeInput!) { recordReliefOutcome(input: $input) { id outcome } }`;
    const rate = async () =>
      (
        await sys.gql(
          `query($f: StatisticsFilter!) { statistics(filter: $f) { cases { correctionRate { numerator denominator rate } } } }`,
          { f: annualFilter(YEAR, bureau) },
          analyst,
        )
      ).data!.statistics.cases.correctionRate;
    expect(await rate()).toEqual({ numerator: 0, denominator: 0, rate: null });
    // An upheld reconsideration of one decision …
    const waste = seeded.find((c) => c.key === 'waste-ma')!;
    const a = await gql(APPLY, {
      input: { caseId: waste.id, kind: 'ADMINISTRATIVE_RECONSIDERATION', organ: '乌鲁木齐市米东区人民政府', receivedOn: '2026-11-10' },
    });
    await gql(OUTCOME, { input: { id: a.id, version: a.version, outcome: 'UPHELD', decidedOn: '2026-11-19', reason: '事实清楚，适用依据正确' } });
    expect(await rate()).toEqual({ numerator: 0, denominator: 1, rate: 0 });
    // … and one that revokes a published decision.
    const spill = seeded.find((c) => c.key === 'spill-longsheng')!;
    const pub = async () =>
      (await gql(`query($id: ID!) { case(id: $id) { publication { id version status withdrawalDueOn } } }`, { id: spill.id })).publication;
    expect((await pub()).status).toBe('PUBLISHED');
    const b = await gql(APPLY, {
      input: { caseId: spill.id, kind: 'ADMINISTRATIVE_RECONSIDERATION', organ: '乌鲁木齐市米东区人民政府', receivedOn: '2026-11-18' },
    });
    await gql(OUTCOME, {
      input: { id: b.id, version: b.version, outcome: 'REVOKED', decidedOn: '2026-11-20', reason: '主要证据不足', documentNumber: '米政复决〔2026〕9号' },
    });
    expect(await rate()).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
    const due = await pub();
    expect(due.withdrawalDueOn).toBe('2026-11-25');
    const withdrawn = await gql(`mutation($input: PublicationActionInput!) { withdrawPublication(input: $input) { status withdrawalNotice { changeKind } } }`, {
      input: { id: due.id, version: due.version },
    });
    expect(withdrawn).toEqual({ status: 'WITHDRAWN', withdrawalNotice: { changeKind: 'REVOKED' } });
  });

  it('costs the same SQL statements per subgraph on the seeded demo as on an empty database (one federated request)', async () => {
    const seededCost = await reportStatements();
    expect(seededCost).toEqual(emptyCost);
    // One statement per table or indicator: 15 in cases (+ 10 for supervision: the scorecard's 7 indicators, its clue
    // and evaluation figures, and the clues by model, issue 30), 4 in reviews, 3 in inspections; powers: the agency list and the staff figures.
    expect(seededCost).toMatchObject({ cases: 25, reviews: 4, inspections: 3 });
  });

  it('npm run report writes PDF, HTML and CSV whose every figure matches the database', async () => {
    const env = { ...process.env, GATEWAY_URL: sys.gateway.url, SANXIANG_KEY_DIR: sys.config.keyDir, SANXIANG_TODAY: sys.clock.today() };
    const { stdout } = await run('npx', ['tsx', 'scripts/report.ts', '--year', String(YEAR), '--agency', 'midong-cgj', '--out', out], { env, timeout: 90_000 });
    expect(stdout).toContain('乌鲁木齐市米东区城市管理局2026年度行政执法统计年报');
    const base = join(out, `annual-${YEAR}-${bureau}`);
    const pdf = readFileSync(`${base}.pdf`);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThanOrEqual(3);
    const html = readFileSync(`${base}.html`, 'utf8');
    expect(html).toContain('<h1>乌鲁木齐市米东区城市管理局2026年度行政执法统计年报</h1>');
    expect(html).toContain('data-chart="trend"');
    const shown = figuresOf(html);
    const expected = await expectedFigures();
    expect(shown.size).toBeGreaterThan(60);
    expect(Object.fromEntries(shown)).toEqual(Object.fromEntries(expected));
    // The figures the issue cares about are really there (not an empty report that trivially matches).
    expect(shown.get('filed.total')).toBe('14');
    expect(shown.get('correctionRate.rate')).toBe('50.0%');
    expect(shown.get('reviews.rounds')).toBe('2');
    expect(shown.get('decisionTypes.FINE.count')).toBe('7');
    // The demo's one decision made on an approved legal review (fumes-xiangmanlou): coverage is over real decisions.
    expect(Number(shown.get('reviewCoverage.denominator'))).toBeGreaterThan(0);
    expect(shown.get('reviewCoverage.rate')).toBe('100.0%');
    // Issue 30: the supervision sections carry real figures (the demo's clues, one accepted; the bureau's scorecard).
    expect(Number(shown.get('clues.INSPECTION_PROBLEM_WITHOUT_CASE.raised'))).toBeGreaterThan(1);
    expect(shown.get('clues.INSPECTION_PROBLEM_WITHOUT_CASE.accepted')).toBe('1');
    expect(shown.get(`scorecard.${bureau}.total`)).toMatch(/^\d+\.\d\d$/);
    // The CSV: BOM, CRLF, quoted, one line per figure with the same values.
    const csv = readFileSync(`${base}.csv`, 'utf8');
    expect(csv.startsWith('\uFEFF"部分","项目","栏目","数值","指标代码"\r\n')).toBe(true);
    const csvFigures = new Map(
      csv
        .slice(1)
        .trimEnd()
        .split('\r\n')
        .slice(1)
        .map((l) => l.slice(1, -1).split('","'))
        .map((c) => [c[4]!, c[3]!]),
    );
    expect(Object.fromEntries(csvFigures)).toEqual(Object.fromEntries(expected));
    // The PDF: every figure in its table and row, against the same independently computed values.
    await expectPdfFigures(pdf, html, expected);
    expect((await pdfText(pdf)).pages).toBeGreaterThanOrEqual(3);
    // Aggregates only: no party name appears.
    expect(html).not.toMatch(/隆盛|恒达顺|艾尔肯|玛依拉|马建/);
  }, 120_000);

  it('is served by the gateway to analysts as PDF, HTML and CSV; refused to others', async () => {
    const get = (path: string, tok?: string) =>
      fetch(`${sys.gateway.url.replace(/\/graphql$/, '')}${path}`, { headers: tok ? { authorization: `Bearer ${tok}` } : {} });
    const html = await get(`/reports/annual/2026.html?agencyId=${bureau}`, analyst);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const shown = figuresOf(await html.text());
    expect(Object.fromEntries(shown)).toEqual(Object.fromEntries(await expectedFigures()));
    const pdf = await get(`/reports/annual/2026.pdf?agencyId=${bureau}`, analyst);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const csv = await get(`/reports/annual/2026.csv?agencyId=${bureau}`, analyst);
    // UTF-8 BOM (fetch's text() would strip it), then the Chinese header.
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toMatch(/^"部分","项目","栏目","数值","指标代码"\r\n/);
    expect((await get('/reports/annual/2026.pdf')).status).toBe(401);
    const officer = await get('/reports/annual/2026.pdf', await sys.token('OFFICER', 'midong-cgj', 'officer-sun'));
    expect(officer.status).toBe(403);
    expect(((await officer.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await get('/reports/annual/1999.pdf', analyst)).status).toBe(400);
    expect((await get('/reports/annual/2026.docx', analyst)).status).toBe(404);
  }, 120_000);

  it('refuses a PDF beyond the process’s render queue at once with 429 and Retry-After (issue 29), other formats still served', async () => {
    const get = (path: string, tok?: string) =>
      fetch(`${sys.gateway.url.replace(/\/graphql$/, '')}${path}`, { headers: tok ? { authorization: `Bearer ${tok}` } : {} });
    // The gateway's one renderer held: a page whose loading takes a minute renders, the queue behind it is full.
    const slow = '<!doctype html><html><body><script>const t = Date.now(); while (Date.now() - t < 60000);</script></body></html>';
    const held = [pdfRenderer.render(slow), ...Array.from({ length: pdfRenderer.queueMax }, () => pdfRenderer.render('<p>排队</p>'))];
    for (const h of held) h.catch(() => undefined);
    try {
      const refused = await get(`/reports/annual/2026.pdf?agencyId=${bureau}`, analyst);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('5');
      const body = (await refused.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe('RATE_LIMITED');
      expect(body.errors[0]!.message).toMatch(/PDF 生成繁忙/);
      expect((await get(`/reports/annual/2026.csv?agencyId=${bureau}`, analyst)).status).toBe(200);
    } finally {
      await pdfRenderer.close(); // ends the slow render; the queued ones then render in a browser started again
    }
    await Promise.allSettled(held);
  }, 180_000);

  it('cross tables: several dimensions at once, agencies by name, every month of the period even without cases', async () => {
    const T = 'dimensions total amount rows { values labels agency { name } count amount }';
    const r = await sys.gql(
      `query($f: StatisticsFilter!) { statistics(filter: $f) { cases {
        byAgency: decisionTypes(by: [AGENCY, DECISION_TYPE]) { ${T} } monthly: filed(by: [MONTH, CATEGORY]) { ${T} } } } }`,
      { f: { from: FROM, to: TO } },
      analyst,
    );
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    const { byAgency, monthly } = r.data!.statistics.cases;
    expect(byAgency.dimensions).toEqual(['AGENCY', 'DECISION_TYPE']);
    const fine = byAgency.rows.find((x: any) => x.values[1] === 'FINE');
    expect(fine).toMatchObject({ labels: [bureau, '罚款'], agency: { name: '乌鲁木齐市米东区城市管理局' }, count: 7 });
    expect(byAgency.rows.reduce((s: number, x: any) => s + x.count, 0)).toBe(byAgency.total);
    // 12 months × the 3 categories filed in the year, zeros included; the total is the year's filings.
    expect(monthly.rows).toHaveLength(36);
    expect(monthly.rows[0]).toMatchObject({ values: ['2026-01', 'COERCION'], labels: ['2026年1月', '行政强制'], count: 0, amount: null });
    // Every agency (no filter): the bureau's 14 and the one its entrusted squad filed in its name (issue 26).
    expect(monthly.total).toBe(15);
    const bad = await sys.gql(`{ statistics(filter: { from: "${FROM}", to: "${TO}" }) { cases { filed(by: [OUTCOME]) { total } } } }`, {}, analyst);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'by' });
    expect(bad.errors?.[0]?.message).toContain('该指标只能按 AGENCY、MONTH、CATEGORY、PROCEDURE 统计');
    // Staff figures of every agency, by name.
    const staff = await sys.gql(
      `{ statistics(filter: { from: "${FROM}", to: "${TO}" }) { staff { agency { name } officers validCredentials } } }`,
      {},
      analyst,
    );
    expect(staff.data!.statistics.staff.map((x: any) => x.agency.name)).toContain('乌鲁木齐市米东区城市管理局');
  });

  it('exports the rows behind review and inspection indicators, and confiscations only where something was confiscated', async () => {
    const csv = async (name: string) => {
      const res = await fetch(`${sys.gateway.url.replace(/\/graphql$/, '')}/exports/indicators/${name}.csv?from=${FROM}&to=${TO}&agencyId=${bureau}`, {
        headers: { authorization: `Bearer ${analyst}` },
      });
      expect(res.status, name).toBe(200);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
      return { header: lines[0]!.slice(1, -1).split('","'), rows: lines.slice(1).map((l) => l.slice(1, -1).split('","')) };
    };
    const rounds = await csv('review-outcomes');
    expect(rounds.header).toEqual(['审核ID', '轮次', '执法主体ID', '执法类别', '送审日期', '审结日期', '指标判定']);
    // The reviewed-and-decided demo case's round (approved) and the round still under review.
    expect(rounds.rows.map((r) => r.slice(3)).sort((a, b) => a[1]!.localeCompare(b[1]!))).toEqual([
      ['行政处罚', '2026-10-27', '2026-10-29', '同意'],
      ['行政处罚', '2026-11-20', '', '审核中'],
    ]);
    const qual = await csv('review-qualification');
    expect(qual.rows.map((r) => r.at(-1))).toEqual(['合规', '合规']);
    const insp = await csv('inspection-publication-timeliness');
    expect(insp.header.at(-1)).toBe('指标判定');
    const figures = await expectedFigures();
    // One row per result behind the indicator; the judgements add up to the report's figures.
    const judged = insp.rows.map((r) => r.at(-1));
    expect(String(judged.filter((j) => j === '按期').length)).toBe(figures.get('inspections.publicationTimeliness.numerator'));
    expect(String(judged.filter((j) => j === '按期' || j === '逾期' || j === '逾期未公示').length)).toBe(
      figures.get('inspections.publicationTimeliness.denominator'),
    );
    // Result codes in Chinese; an enterprise is named only once its result is published.
    for (const r of insp.rows) {
      expect(r[3]).toMatch(/^\S+ \S+/);
      if (!r[7]) expect(r[2]).toBe('（未公示）');
    }
    const tasks = await csv('inspection-completion');
    expect(String(tasks.rows.filter((r) => r.at(-1) === '已完成').length)).toBe(figures.get('inspections.completion.numerator'));
    // The demo bureau's decisions include no confiscation: the export has its header only (it listed every decision).
    const conf = await csv('confiscations');
    expect(conf.header).toEqual(['案号', '执法主体ID', '执法类别', '当事人（脱敏）', '决定日期', '没收金额（元）', '指标判定']);
    expect(conf.rows).toEqual([]);
    const fines = await csv('fines');
    expect(String(fines.rows.length)).toBe(figures.get('decisionTypes.FINE.count'));
    expect(fines.rows.every((r) => r[2] === '行政处罚' && /^\d+\.\d{2}$/.test(r[5]!))).toBe(true);
  });
});
