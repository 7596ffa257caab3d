import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../kernel/ids.js';
import { verifyRecords } from '../../subgraphs/cases/records/log.js';
import { startTestSystem, type TestSystem } from '../helpers/system.js';
import { fixtures, type Fixtures } from '../helpers/supervision-fixtures.js';
import { expectScorecardFromPlainSql, plainScorecard, SCORECARD_QUERY } from '../helpers/scorecard-sql.js';

// Issue 30: clue handling (logged in the record log), who sees what, the models' SQL cost as cases grow, and every
// scorecard figure recomputed from plain SQL.

let sys: TestSystem;
let fx: Fixtures;
const t = {} as Record<'supervisor' | 'cgjSupervisor' | 'officer' | 'analyst' | 'admin', string>;
const FROM = '2026-01-01';
const TO = '2026-11-20';
let cgj: string;
let squad: string;

beforeAll(async () => {
  sys = await startTestSystem();
  fx = fixtures(sys);
  cgj = sys.agencyId('midong-cgj');
  squad = sys.agencyId('midong-zhzfdd');
  t.supervisor = await sys.token('SUPERVISOR', null, 'supervisor-ma');
  t.cgjSupervisor = await sys.token('SUPERVISOR', 'midong-cgj', 'supervisor-ma');
  t.officer = await sys.token('OFFICER', 'midong-cgj', 'officer-sun');
  t.analyst = await sys.token('ANALYST', null);
  t.admin = await sys.token('ADMIN', null, 'admin-zhao');
}, 120_000);
afterAll(() => sys?.stop());

const ok = async (q: string, v: Record<string, unknown>, token?: string) => {
  const r = await sys.gql(q, v, token);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data as any;
};
const codeOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code;

const RUN = `mutation($input: SupervisionRunInput!) { runSupervisionModels(input: $input) { raised { id version agency { id } supervisingAgency { id } } } }`;
const CLUES = `query($f: SupervisionClueFilter) { supervisionClues(filter: $f, first: 100) { edges { node { id agency { id } supervisingAgency { id } status } } } }`;
const HANDLE = `mutation($input: HandleSupervisionClueInput!) { handleSupervisionClue(input: $input) { id version status handlingReason handledBy handledOn } }`;
const closedUnexecuted = (agencyId: string, o: Record<string, unknown> = {}) => fx.kase({ agencyId, state: 'CLOSED', closedOn: '2026-06-10', ...o }, {});
const raiseFor = async (agencyId: string | null, token = t.supervisor) =>
  (await ok(RUN, { input: { agencyId, from: FROM, to: TO, models: ['CLOSED_WITHOUT_EXECUTION'] } }, token)).runSupervisionModels.raised as any[];

describe('clues: handling and the record log', () => {
  it('a supervisor accepts or dismisses (with a reason) an open clue; each step is an entry of the clue’s record stream', async () => {
    const agency = newId();
    await closedUnexecuted(agency);
    await closedUnexecuted(agency, { powerItemCode: 'P-OTHER' });
    const [clue] = await raiseFor(agency);
    expect(clue).toBeDefined();

    const noReason = await sys.gql(HANDLE, { input: { id: clue.id, version: clue.version, decision: 'DISMISSED', reason: '  ' } }, t.supervisor);
    expect(codeOf(noReason)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(noReason.errors)).toContain('reason');
    const byOfficer = await sys.gql(HANDLE, { input: { id: clue.id, version: clue.version, decision: 'ACCEPTED', reason: '同意' } }, t.officer);
    expect(codeOf(byOfficer)).toBe('FORBIDDEN');
    const stale = await sys.gql(HANDLE, { input: { id: clue.id, version: clue.version + 5, decision: 'ACCEPTED', reason: '同意' } }, t.supervisor);
    expect(codeOf(stale)).toBe('CONFLICT');

    const handled = (
      await ok(HANDLE, { input: { id: clue.id, version: clue.version, decision: 'DISMISSED', reason: '当事人已申请分期缴纳，经批准后结案' } }, t.supervisor)
    ).handleSupervisionClue;
    expect(handled).toMatchObject({ status: 'DISMISSED', version: clue.version + 1, handledBy: sys.officerId('supervisor-ma'), handledOn: TO });
    const twice = await sys.gql(HANDLE, { input: { id: clue.id, version: handled.version, decision: 'ACCEPTED', reason: '改为采纳' } }, t.supervisor);
    expect(codeOf(twice)).toBe('INVALID_STATE');

    const [entries] = (await sys.casesDb.orm.execute(
      sql`SELECT kind, stage, actor, payload FROM record_entries WHERE case_id = ${clue.id} ORDER BY case_seq`,
    )) as unknown as [{ kind: string; stage: string; actor: string; payload: string }[]];
    expect(entries.map((e) => [e.kind, e.stage, JSON.parse(e.payload).action])).toEqual([
      ['SUPERVISION_CLUE', 'SUPERVISION', 'raise'],
      ['SUPERVISION_CLUE', 'SUPERVISION', 'handle'],
    ]);
    expect(JSON.parse(entries[0]!.payload).evidence.caseIds.length).toBeGreaterThan(0);
    expect(JSON.parse(entries[1]!.payload)).toMatchObject({ decision: 'DISMISSED', reason: '当事人已申请分期缴纳，经批准后结案' });
    expect(entries[1]!.actor).toBe(sys.officerId('supervisor-ma'));
    // The clue's stream verifies like any case's (hash chain, MACs, checkpoints).
    expect((await verifyRecords(sys.casesDb.orm, { keyDir: sys.config.keyDir, dbName: sys.config.databaseName('cases'), caseId: clue.id })).ok).toBe(true);
  });
});

describe('clues: who sees what', () => {
  let ownClue: string;
  let squadClue: string;
  let otherClue: string;
  beforeAll(async () => {
    await closedUnexecuted(cgj);
    await closedUnexecuted(squad, { inNameOfAgencyId: cgj });
    const other = newId();
    await closedUnexecuted(other);
    ownClue = (await raiseFor(cgj))[0].id;
    squadClue = (await raiseFor(squad))[0].id;
    otherClue = (await raiseFor(other))[0].id;
  });

  it('the public and analysts see no clue; analysts see the aggregates', async () => {
    expect(codeOf(await sys.gql(CLUES, {}))).toBe('FORBIDDEN');
    expect(codeOf(await sys.gql(CLUES, {}, t.analyst))).toBe('FORBIDDEN');
    expect(codeOf(await sys.gql(`{ supervisionClue(id: "${ownClue}") { id } }`, {}, t.analyst))).toBe('FORBIDDEN');
    const findings = await sys.gql(`query($i: SupervisionRunInput!) { supervisionFindings(input: $i) { subject } }`, { i: { from: FROM, to: TO } });
    expect(codeOf(findings)).toBe('FORBIDDEN');
    const STATS = `{ statistics(filter: { from: "${FROM}", to: "${TO}" }) { supervision { cluesByModel { model { code } raised } } } }`;
    expect(codeOf(await sys.gql(STATS, {}))).toBe('FORBIDDEN');
    const agg = await ok(STATS, {}, t.analyst);
    const closed = agg.statistics.supervision.cluesByModel.find((c: any) => c.model.code === 'CLOSED_WITHOUT_EXECUTION');
    expect(closed.raised).toBeGreaterThanOrEqual(3);
  });

  it('agency staff see their own agency’s clues only, and may not raise or handle', async () => {
    const ids = (await ok(CLUES, {}, t.officer)).supervisionClues.edges.map((e: any) => e.node);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((n: any) => n.agency.id === cgj)).toBe(true);
    expect(ids.map((n: any) => n.id)).toContain(ownClue);
    expect(codeOf(await sys.gql(CLUES, { f: { agencyId: squad } }, t.officer))).toBe('FORBIDDEN');
    expect((await ok(`{ supervisionClue(id: "${otherClue}") { id } }`, {}, t.officer)).supervisionClue).toBeNull();
    expect(codeOf(await sys.gql(RUN, { input: { agencyId: cgj, from: FROM, to: TO } }, t.officer))).toBe('FORBIDDEN');
  });

  it('a supervisor of an agency sees its own and its entrusted organisation’s clues, not others’; one without an agency sees all', async () => {
    const mine = (await ok(CLUES, {}, t.cgjSupervisor)).supervisionClues.edges.map((e: any) => e.node.id);
    expect(mine).toEqual(expect.arrayContaining([ownClue, squadClue]));
    expect(mine).not.toContain(otherClue);
    const squadNode = (await ok(`{ supervisionClue(id: "${squadClue}") { agency { id } supervisingAgency { id } } }`, {}, t.cgjSupervisor)).supervisionClue;
    expect(squadNode).toEqual({ agency: { id: squad }, supervisingAgency: { id: cgj } });
    const all = (await ok(CLUES, {}, t.supervisor)).supervisionClues.edges.map((e: any) => e.node.id);
    expect(all).toEqual(expect.arrayContaining([ownClue, squadClue, otherClue]));
    const handleOther = await sys.gql(HANDLE, { input: { id: otherClue, version: 1, decision: 'ACCEPTED', reason: '采纳' } }, t.cgjSupervisor);
    expect(codeOf(handleOther)).toBe('NOT_FOUND');
  });
});

describe('cost shape: statements per model run do not grow with the data', () => {
  const statements = () => sys.powersDb.stats.statements + sys.casesDb.stats.statements + sys.reviewsDb.stats.statements + sys.inspectionsDb.stats.statements;
  const FINDINGS = `query($i: SupervisionRunInput!) { supervisionFindings(input: $i) { model { code } subject caseIds } }`;
  async function measure() {
    const before = statements();
    const d = await ok(FINDINGS, { i: { from: FROM, to: TO } }, t.supervisor);
    return { statements: statements() - before, findings: d.supervisionFindings.length as number };
  }
  async function grow(n: number) {
    for (let i = 0; i < n; i++) {
      const agency = `grow${i % 7}`;
      const c = await fx.kase(
        { agencyId: agency, handlingOfficerIds: ['g-1', `g-${i % 5}`], state: 'CLOSED', closedOn: '2026-06-10', decidedOn: '2026-05-30' },
        { fineAmount: '5000.00', checks: { fineWithinBenchmark: i % 3 !== 0, benchmarkRange: { min: '1000', max: '5000' } } },
      );
      if (i % 4 === 0) await fx.relief(c, i % 8 === 0 ? 'REVOKED' : 'UPHELD');
      if (i % 5 === 0) await fx.publication(c, { status: 'PENDING' });
    }
  }

  it('the same number of statements for all twelve models at two data sizes', async () => {
    await grow(30);
    const small = await measure();
    await grow(270);
    const large = await measure();
    expect(large.findings).toBeGreaterThan(small.findings);
    expect(large.statements).toBe(small.statements);
    // One statement per model (the R19 join's inspections call adds its own constant few).
    expect(small.statements).toBeGreaterThanOrEqual(12);
    expect(small.statements).toBeLessThan(20);
  });
});

describe('scorecard: every figure recomputed from plain SQL', () => {
  it('components, scores and the weighted total of an agency', async () => {
    const a = newId();
    const reviewed = await fx.kase(
      { agencyId: a, decisionReviewId: newId(), partyPresentAtDecision: false, serviceDueOn: '2026-05-12', servedOn: '2026-05-06' },
      {},
    );
    const unreviewed = await fx.kase(
      { agencyId: a, decidedOn: '2026-06-05', partyPresentAtDecision: false, serviceDueOn: '2026-05-12', servedOn: '2026-05-20' },
      {},
    );
    await sys.casesDb.orm.execute(sql`UPDATE decision_proposals SET review_required = 1 WHERE case_id IN (${reviewed.id}, ${unreviewed.id})`);
    await fx.kase({ agencyId: a, filedOn: '2026-02-01', decisionDueOn: '2026-05-02' }); // undecided past the 90 days
    await fx.kase({ agencyId: a, state: 'ARCHIVED', closedOn: '2026-07-01', archivedOn: '2026-07-05' }, {});
    await closedUnexecuted(a);
    await fx.publication(reviewed, { status: 'PUBLISHED', publishedOn: '2026-05-08' });
    await fx.publication(unreviewed, { status: 'PENDING', decisionDate: '2026-06-05', dueOn: '2026-06-16' });
    await fx.relief(reviewed, 'REVOKED');
    await fx.relief(unreviewed, 'UPHELD', '2026-09-01');
    const raised = await ok(RUN, { input: { agencyId: a, from: FROM, to: TO } }, t.supervisor);
    const first = raised.runSupervisionModels.raised[0];
    await ok(HANDLE, { input: { id: first.id, version: first.version, decision: 'ACCEPTED', reason: '已责令整改' } }, t.supervisor);

    const d = await ok(SCORECARD_QUERY, { a, from: FROM, to: TO }, t.analyst);
    const cards = d.statistics.supervision.scorecards;
    expect(cards).toHaveLength(1);
    const card = cards[0];
    const plain = await plainScorecard(sys, a, FROM, TO, TO);
    expectScorecardFromPlainSql(card, plain);
    // The fixture exercises most components with real data (not only zeros).
    expect(card.components.filter((c: any) => c.denominator > 0).length).toBeGreaterThanOrEqual(6);

    // The rows behind the clue component, as CSV (analysts; no subject or summary): one line per clue, the status judged.
    const url = new URL(`/exports/indicators/supervision-clues.csv?from=${FROM}&to=${TO}&agencyId=${a}`, sys.gateway.url);
    const csv = await fetch(url, { headers: { authorization: `Bearer ${t.analyst}` } });
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toContain('"问题模型"');
    const clueRows = plain.CLUE_HANDLING!.d;
    expect(lines).toHaveLength(1 + clueRows);
    expect(lines.filter((l) => l.endsWith('"采纳"'))).toHaveLength(plain.CLUE_HANDLING!.n);
    expect(lines.some((l) => l.includes(first.id))).toBe(false);
    expect((await fetch(url)).status).toBeGreaterThanOrEqual(401);
  });
});
