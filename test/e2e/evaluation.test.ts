import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCases, type SeededCase } from '../../data/loader/index.js';
import { loadBundledCalendar } from '../../kernel/calendar.js';
import { newId } from '../../kernel/ids.js';
import { addCalendarDays } from '../../subgraphs/cases/domain/rules.js';
import { BUILT_IN_CHECKLIST } from '../../subgraphs/cases/supervision/evaluation/checklist.js';
import { drawSample, stratumQuota } from '../../subgraphs/cases/supervision/evaluation/draw.js';
import { TEST_TODAY } from '../helpers/clock.js';
import { BUREAU, gqlOk, publishThroughWorkflow } from '../helpers/scenarios.js';
import { expectScorecardFromPlainSql, plainScorecard, SCORECARD_QUERY } from '../helpers/scorecard-sql.js';
import { fixtures } from '../helpers/supervision-fixtures.js';
import { startTestSystem, type TestSystem } from '../helpers/system.js';

// 案卷评查 (issue 30) through the gateway on the real database, over the demo cases: the seeded, stratified draw,
// evaluator conflicts (R7 logic), scoring with the record's automatic findings, rectifications to done, access.

let sys: TestSystem;
let seeded: SeededCase[];
const tok: Record<string, string> = {};
const FROM = '2026-09-01';
const TO = TEST_TODAY; // the demo file closed in beforeAll closes today
const LATER = addCalendarDays(TEST_TODAY, 3);

const ROUND = `id seed rate minPerStratum minPerAgency candidateCount state version checklist { versionId versionNo totalPoints items { code points anchors { law article } } }
  strata { agency { id } caseType candidates drawn }
  files { id version state stratum rank maxScore score case { id caseType } automaticFindings { itemCode code text } findings { itemCode code automatic }
    rectifications { id version itemCode finding dueOn state doneOn overdue } }`;
const OPEN = `mutation($input: OpenEvaluationRoundInput!) { openEvaluationRound(input: $input) { ${ROUND} } }`;
const GET = `query($id: ID!) { evaluationRound(id: $id) { ${ROUND} } }`;
const SCORE = `mutation($input: ScoreEvaluationFileInput!) { scoreEvaluationFile(input: $input) { id state score version findings { itemCode code automatic }
  rectifications { id version itemCode dueOn state } } }`;
const code = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code;

const roundInput = (over: Record<string, unknown> = {}) => ({
  title: '2026年第三季度案卷评查',
  periodFrom: FROM,
  periodTo: TO,
  agencyIds: [sys.agencyId(BUREAU)],
  seed: 'midong-2026-q3-evaluation',
  rate: 0.5,
  minPerStratum: 1,
  minPerAgency: 3,
  ...over,
});

/** Scores that the pinned checklist accepts: full points except one off each item with a standing finding. */
const scoresFor = (findings: { itemCode: string }[]) =>
  BUILT_IN_CHECKLIST.items.map((i) => ({ code: i.code, score: findings.some((f) => f.itemCode === i.code) ? i.points - 1 : i.points }));

beforeAll(async () => {
  sys = await startTestSystem();
  ({ cases: seeded } = await seedCases({ config: sys.config, keys: sys.keys, db: sys.casesDb, reviewsDb: sys.reviewsDb, powersUrl: sys.powers.url }));
  tok.ma = await sys.token('SUPERVISOR', BUREAU, 'supervisor-ma');
  tok.sun = await sys.token('OFFICER', BUREAU, 'officer-sun');
  tok.li = await sys.token('REVIEWER', BUREAU, 'reviewer-li');
  tok.chen = await sys.token('OFFICER', BUREAU, 'officer-chen');
  tok.analyst = await sys.token('ANALYST', null);
  tok.otherSupervisor = await sys.token('SUPERVISOR', 'midong-zhzfdd');
  // The demo's one reviewed decision (reviewer-li) is executed; its handler closes it, so it can be drawn.
  const x = seeded.find((c) => c.key === 'fumes-xiangmanlou')!;
  const v = (await gqlOk(sys, `query($id: ID!) { case(id: $id) { version } }`, { id: x.id }, tok.chen)).version;
  await gqlOk(sys, `mutation($input: DatedActionInput!) { closeCase(input: $input) { state } }`, { input: { caseId: x.id, version: v } }, tok.chen);
  sys.clock.set(LATER);
}, 180_000);
afterAll(() => sys?.stop());

describe('the sample draw', () => {
  it('is reproducible: the same seed draws the same files, recorded with its seed in the log', async () => {
    const a = await gqlOk(sys, OPEN, { input: roundInput() }, tok.ma);
    const b = await gqlOk(sys, OPEN, { input: roundInput({ title: '复核抽样' }) }, tok.ma);
    expect(a.id).not.toBe(b.id);
    const ids = (r: any) => r.files.map((f: any) => f.case.id);
    expect(ids(b)).toEqual(ids(a));
    expect(a.files.map((f: any) => f.rank)).toEqual(b.files.map((f: any) => f.rank));
    // Anyone can recompute it from the seed and the candidates (the closed and archived files of the period).
    const [rows] = (await sys.casesDb.pool.query(
      `SELECT id AS caseId, agency_id AS agencyId, case_type AS caseType FROM cases WHERE agency_id = ? AND state IN ('CLOSED','ARCHIVED') AND closed_on BETWEEN ? AND ?`,
      [sys.agencyId(BUREAU), FROM, TO],
    )) as unknown as [{ caseId: string; agencyId: string; caseType: string }[]];
    expect(a.candidateCount).toBe(rows.length);
    expect(rows.length).toBe(5);
    const again = drawSample(rows, { seed: a.seed, rate: a.rate, minPerStratum: a.minPerStratum, minPerAgency: a.minPerAgency });
    expect(again.files.map((f) => f.caseId)).toEqual(ids(a));
    // The draw is a record-log entry in the round's own stream: seed, parameters and the sample.
    const [entries] = (await sys.casesDb.pool.query(`SELECT kind, payload FROM record_entries WHERE case_id = ? ORDER BY case_seq`, [a.id])) as unknown as [
      { kind: string; payload: string }[],
    ];
    expect(entries.map((e) => e.kind)).toEqual(['EVALUATION_ROUND']);
    const logged = JSON.parse(entries[0]!.payload);
    expect(logged.draw).toMatchObject({ seed: 'midong-2026-q3-evaluation', rate: 0.5, minPerStratum: 1, minPerAgency: 3, candidateCount: 5 });
    expect(logged.sample.map((s: any) => s.caseId)).toEqual(ids(a));
    expect(logged.checklist).toEqual({ versionId: null, versionNo: 0 });
  });

  it('is stratified: every stratum (agency × case type) and the agency minimum are met', async () => {
    const r = await gqlOk(sys, OPEN, { input: roundInput({ seed: 'another-seed-for-q3' }) }, tok.ma);
    expect(r.strata.map((s: any) => [s.caseType, s.candidates]).sort()).toEqual([
      ['LICENSING', 1],
      ['PENALTY', 4],
    ]);
    for (const s of r.strata) {
      expect(s.drawn).toBeGreaterThanOrEqual(stratumQuota(s.candidates, { rate: 0.5, minPerStratum: 1 }));
      expect(r.files.filter((f: any) => f.case.caseType === s.caseType)).toHaveLength(s.drawn);
    }
    expect(r.files.length).toBeGreaterThanOrEqual(3); // strata give 2 + 1; the agency minimum is 3
    expect(r.checklist).toMatchObject({ versionId: null, versionNo: 0, totalPoints: 100 });
    expect(r.checklist.items.every((i: any) => i.anchors.length > 0)).toBe(true);
  });

  it('is opened by a supervisor over agencies they oversee only, with a seed and a finished period', async () => {
    expect(code(await sys.gql(OPEN, { input: roundInput() }, tok.sun))).toBe('FORBIDDEN');
    expect(code(await sys.gql(OPEN, { input: roundInput() }, tok.otherSupervisor))).toBe('FORBIDDEN'); // the squad does not oversee the bureau
    const bad = await sys.gql(OPEN, { input: roundInput({ seed: 'short', periodTo: LATER }) }, tok.ma);
    expect(code(bad)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(bad.errors)).toContain('seed');
  });
});

describe('scoring', () => {
  let round: any;
  beforeAll(async () => {
    round = await gqlOk(
      sys,
      OPEN,
      {
        input: roundInput({
          title: '全部案卷评查',
          rate: 1,
          evaluatorIds: [sys.officerId('supervisor-ma'), sys.officerId('officer-sun'), sys.officerId('reviewer-li')],
          idempotencyKey: 'eval-all',
        }),
      },
      tok.ma,
    );
  });
  const fileOf = (key: string) => round.files.find((f: any) => f.case.id === seeded.find((c) => c.key === key)!.id);

  it('a retry with the same idempotency key returns the first round', async () => {
    const again = await gqlOk(
      sys,
      OPEN,
      {
        input: roundInput({
          title: '全部案卷评查',
          rate: 1,
          evaluatorIds: [sys.officerId('supervisor-ma'), sys.officerId('officer-sun'), sys.officerId('reviewer-li')],
          idempotencyKey: 'eval-all',
        }),
      },
      tok.ma,
    );
    expect(again.id).toBe(round.id);
    expect(round.files).toHaveLength(5);
  });

  it('refuses an evaluator who handled the file, and one who reviewed it (回避), with the reason', async () => {
    const handled = fileOf('waste-erkin'); // officer-sun is a handler
    const r1 = await sys.gql(SCORE, { input: { fileId: handled.id, version: handled.version, items: scoresFor(handled.automaticFindings) } }, tok.sun);
    expect(code(r1)).toBe('FORBIDDEN');
    expect(r1.errors![0]!.extensions).toMatchObject({ conflict: 'HANDLER', field: 'fileId' });
    expect(r1.errors![0]!.message).toContain('承办过该案件');
    const reviewed = fileOf('fumes-xiangmanlou'); // reviewer-li approved its decision
    const r2 = await sys.gql(SCORE, { input: { fileId: reviewed.id, version: reviewed.version, items: scoresFor(reviewed.automaticFindings) } }, tok.li);
    expect(code(r2)).toBe('FORBIDDEN');
    expect(r2.errors![0]!.extensions).toMatchObject({ conflict: 'REVIEWER' });
    expect(r2.errors![0]!.message).toContain('法制审核');
    // Someone not named as an evaluator of the round may not score at all.
    expect(code(await sys.gql(SCORE, { input: { fileId: reviewed.id, version: reviewed.version, items: scoresFor([]) } }, tok.chen))).toBe('FORBIDDEN');
    // The refused file is still unscored; an evaluator without a tie to it can score it.
    const ok = await gqlOk(sys, SCORE, { input: { fileId: reviewed.id, version: reviewed.version, items: scoresFor(reviewed.automaticFindings) } }, tok.sun);
    expect(ok.state).toBe('SCORED');
  });

  it('scores against the pinned checklist: full points are refused on an item with a finding; each finding gets a rectification due in 20 working days', async () => {
    const f = fileOf('spill-tongqu'); // handled by officer-gulimila and officer-chen
    const withFinding = [...f.automaticFindings, { itemCode: 'FACTS_EVIDENCE' }];
    const full = BUILT_IN_CHECKLIST.items.map((i) => ({ code: i.code, score: i.points }));
    const refused = await sys.gql(
      SCORE,
      { input: { fileId: f.id, version: f.version, items: full, findings: [{ itemCode: 'FACTS_EVIDENCE', text: '现场检查笔录未记载物料遗撒的范围' }] } },
      tok.ma,
    );
    expect(code(refused)).toBe('BAD_USER_INPUT');
    const scored = await gqlOk(
      sys,
      SCORE,
      {
        input: {
          fileId: f.id,
          version: f.version,
          items: scoresFor(withFinding),
          findings: [{ itemCode: 'FACTS_EVIDENCE', text: '现场检查笔录未记载物料遗撒的范围' }],
        },
      },
      tok.ma,
    );
    const expectedScore = 100 - new Set(withFinding.map((x) => x.itemCode)).size;
    expect(scored).toMatchObject({ state: 'SCORED', score: expectedScore });
    expect(scored.findings).toHaveLength(withFinding.length);
    expect(scored.findings.at(-1)).toEqual({ itemCode: 'FACTS_EVIDENCE', code: 'EVALUATOR', automatic: false });
    const due = loadBundledCalendar().addWorkingDays(LATER, 20).date;
    expect(scored.rectifications).toHaveLength(withFinding.length);
    expect(scored.rectifications.every((r: any) => r.dueOn === due && r.state === 'OPEN')).toBe(true);
    // Scored once: a second score is refused.
    expect(code(await sys.gql(SCORE, { input: { fileId: f.id, version: scored.version, items: scoresFor(withFinding) } }, tok.ma))).toBe('INVALID_STATE');
    // The score is a record-log entry of the round naming its rectifications.
    const [rows] = (await sys.casesDb.pool.query(`SELECT payload FROM record_entries WHERE case_id = ? AND kind = 'EVALUATION_SCORE'`, [
      round.id,
    ])) as unknown as [{ payload: string }[]];
    const logged = rows.map((r) => JSON.parse(r.payload)).find((p) => p.fileId === f.id);
    expect(logged).toMatchObject({ score: expectedScore, maxScore: 100, checklistVersionNo: 0 });
    expect(logged.rectifications.map((r: any) => r.id).sort()).toEqual(scored.rectifications.map((r: any) => r.id).sort());
  });

  it('tracks a rectification to done: the agency reports it, once, on the current version', async () => {
    const f = (await gqlOk(sys, GET, { id: round.id }, tok.ma)).files.find((x: any) => x.case.id === seeded.find((c) => c.key === 'spill-tongqu')!.id);
    const rect = f.rectifications[0];
    const DONE = `mutation($input: CompleteRectificationInput!) { completeRectification(input: $input) { id state doneOn doneNote overdue version } }`;
    expect(code(await sys.gql(DONE, { input: { id: rect.id, version: rect.version, note: '已整改' } }, tok.ma))).toBe('FORBIDDEN'); // the supervisor does not report for the agency
    expect(code(await sys.gql(DONE, { input: { id: rect.id, version: rect.version, note: '  ' } }, tok.chen))).toBe('BAD_USER_INPUT');
    const done = await gqlOk(sys, DONE, { input: { id: rect.id, version: rect.version, note: '已补充现场检查笔录的遗撒范围记载' } }, tok.chen);
    expect(done).toMatchObject({ state: 'DONE', doneOn: LATER, overdue: false, version: rect.version + 1 });
    expect(code(await sys.gql(DONE, { input: { id: rect.id, version: rect.version, note: '再次' } }, tok.chen))).toBe('CONFLICT');
    expect(code(await sys.gql(DONE, { input: { id: rect.id, version: done.version, note: '再次' } }, tok.chen))).toBe('INVALID_STATE');
    const seen = (await gqlOk(sys, GET, { id: round.id }, tok.ma)).files.find((x: any) => x.id === f.id).rectifications.find((r: any) => r.id === rect.id);
    expect(seen).toMatchObject({ state: 'DONE', doneOn: LATER });
  });

  it('completes the round only when every file is scored; the results equal plain SQL', async () => {
    const COMPLETE = `mutation($input: CompleteEvaluationRoundInput!) { completeEvaluationRound(input: $input) { state completedOn version } }`;
    let r = await gqlOk(sys, GET, { id: round.id }, tok.ma);
    expect(code(await sys.gql(COMPLETE, { input: { id: r.id, version: r.version } }, tok.ma))).toBe('INVALID_STATE');
    for (const f of r.files.filter((x: any) => x.state === 'PENDING')) {
      await gqlOk(sys, SCORE, { input: { fileId: f.id, version: f.version, items: scoresFor(f.automaticFindings) } }, tok.ma);
    }
    r = await gqlOk(sys, GET, { id: round.id }, tok.ma);
    expect(await gqlOk(sys, COMPLETE, { input: { id: r.id, version: r.version } }, tok.ma)).toMatchObject({ state: 'COMPLETED', completedOn: LATER });

    const RESULTS = `query($a: [ID!]!, $f: Date!, $t: Date!) { evaluationResults(agencyIds: $a, periodFrom: $f, periodTo: $t) {
      agency { id } files scored scorePercent findings rectifications { total done open overdue } } }`;
    const vars = { a: [sys.agencyId(BUREAU)], f: FROM, t: TO };
    const [res] = await gqlOk(sys, RESULTS, vars, tok.analyst);
    const [[sqlFiles]] = (await sys.casesDb.pool.query(
      `SELECT COUNT(*) AS files, SUM(f.state = 'SCORED') AS scored, SUM(f.score) AS got, SUM(CASE WHEN f.state = 'SCORED' THEN f.max_score END) AS max
       FROM evaluation_files f JOIN evaluation_rounds r ON r.id = f.round_id WHERE f.agency_id = ? AND r.period_from >= ? AND r.period_to <= ?`,
      [sys.agencyId(BUREAU), FROM, TO],
    )) as unknown as [[{ files: number; scored: string; got: string; max: string }]];
    const [[sqlRects]] = (await sys.casesDb.pool.query(
      `SELECT COUNT(*) AS total, SUM(x.state = 'DONE') AS done FROM evaluation_rectifications x JOIN evaluation_rounds r ON r.id = x.round_id
       WHERE x.agency_id = ? AND r.period_from >= ? AND r.period_to <= ?`,
      [sys.agencyId(BUREAU), FROM, TO],
    )) as unknown as [[{ total: number; done: string }]];
    expect(res).toMatchObject({
      files: Number(sqlFiles.files),
      scored: Number(sqlFiles.scored),
      scorePercent: Math.round((Number(sqlFiles.got) * 10000) / Number(sqlFiles.max)) / 100,
      rectifications: { total: Number(sqlRects.total), done: Number(sqlRects.done) },
    });
    expect(res.rectifications.done).toBe(1);
  });
});

const ROUNDS = `query($first: Int, $after: String) { evaluationRounds(first: $first, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;

describe('access', () => {
  it('the public and partners see nothing; analysts only aggregates; the agency its own files; another supervisor not the round', async () => {
    const round = (await gqlOk(sys, ROUNDS, {}, tok.ma)).edges[0]?.node;
    expect(round).toBeTruthy();
    expect(code(await sys.gql(ROUNDS, {}))).toBe('FORBIDDEN');
    expect(code(await sys.gql(ROUNDS, {}, tok.analyst))).toBe('FORBIDDEN');
    expect(code(await sys.gql(GET, { id: round.id }, tok.analyst))).toBe('FORBIDDEN');
    expect(code(await sys.gql(GET, { id: round.id }, tok.otherSupervisor))).toBe('FORBIDDEN');
    expect(code(await sys.gql(GET, { id: round.id }, await sys.token('PARTNER', null)))).toBe('FORBIDDEN');
    const own = await gqlOk(sys, GET, { id: round.id }, tok.chen);
    expect(own.files.length).toBeGreaterThan(0);
    expect((await gqlOk(sys, ROUNDS, {}, tok.chen)).edges.length).toBeGreaterThan(0);
    const q = `query($a: [ID!]!) { evaluationResults(agencyIds: $a, periodFrom: "2026-01-01", periodTo: "2026-12-31") { files } }`;
    expect(code(await sys.gql(q, { a: [sys.agencyId(BUREAU)] }))).toBe('FORBIDDEN');
    expect(code(await sys.gql(q, { a: [sys.agencyId('midong-zhzfdd')] }, tok.chen))).toBe('FORBIDDEN');
    expect(code(await sys.gql(q, { a: [sys.agencyId(BUREAU)] }, tok.otherSupervisor))).toBe('FORBIDDEN');
  });
});

describe('the list of rounds', () => {
  it('is paged like every list (cursor connection, newest first): the pages together are the rounds the caller may see, each once', async () => {
    const [rows] = (await sys.casesDb.pool.query(`SELECT id FROM evaluation_rounds WHERE supervising_agency_id = ? ORDER BY id DESC`, [
      sys.agencyId(BUREAU),
    ])) as unknown as [{ id: string }[]];
    expect(rows.length).toBeGreaterThanOrEqual(4);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await gqlOk(sys, ROUNDS, { first: 2, after }, tok.ma);
      expect(page.edges.length).toBeLessThanOrEqual(2);
      seen.push(...page.edges.map((e: any) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(rows.map((r) => r.id));
    const tooMany = await sys.gql(ROUNDS, { first: 101 }, tok.ma);
    expect(code(tooMany)).toBe('BAD_USER_INPUT');
    expect(tooMany.errors![0]!.extensions).toMatchObject({ field: 'first' });
    expect(code(await sys.gql(ROUNDS, { after: 'not-a-cursor' }, tok.ma))).toBe('BAD_USER_INPUT');
  });
});

describe('the checklist is ex-ante information (R1)', () => {
  const REVISE = `mutation($input: ReviseEvaluationChecklistInput!) { reviseEvaluationChecklist(input: $input) { id version versionNo status kind items { code points } } }`;
  const items = () =>
    BUILT_IN_CHECKLIST.items.map((i) => ({
      code: i.code,
      name: i.name,
      criteria: i.criteria,
      anchors: i.anchors,
      points: i.code === 'FACTS_EVIDENCE' ? 20 : i.code === 'PROCEDURE_LAWFUL' ? 15 : i.points,
    }));

  it('a round pins the published version; a draft does not apply; a checklist missing an item is refused', async () => {
    const bad = await sys.gql(REVISE, { input: { agencyId: sys.agencyId(BUREAU), items: items().slice(1) } }, tok.sun);
    expect(code(bad)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(bad.errors)).toContain('AGENCY_LAWFUL');
    const draft = await gqlOk(sys, REVISE, { input: { agencyId: sys.agencyId(BUREAU), items: items() } }, tok.sun);
    expect(draft).toMatchObject({ kind: 'EVALUATION_CHECKLIST', versionNo: 1, status: 'DRAFT' });
    const whileDraft = await gqlOk(sys, OPEN, { input: roundInput({ seed: 'checklist-draft-seed' }) }, tok.ma);
    expect(whileDraft.checklist).toMatchObject({ versionId: null, versionNo: 0 });
    await publishThroughWorkflow(sys, draft, { officer: tok.sun!, reviewer: tok.li! });
    const pinned = await gqlOk(sys, OPEN, { input: roundInput({ seed: 'checklist-published-seed' }) }, tok.ma);
    expect(pinned.checklist).toMatchObject({ versionId: draft.id, versionNo: 1, totalPoints: 100 });
    expect(pinned.checklist.items.find((i: any) => i.code === 'FACTS_EVIDENCE').points).toBe(20);
    expect(pinned.files.every((f: any) => f.maxScore === 100)).toBe(true);
    // The earlier round keeps the version it pinned.
    expect((await gqlOk(sys, GET, { id: whileDraft.id }, tok.ma)).checklist.versionNo).toBe(0);
  });
});

describe('the scorecard with scored evaluation data (评议考核)', () => {
  it('every figure, the evaluation and clue-handling components included, equals plain SQL with the documented weights', async () => {
    const bureau = sys.agencyId(BUREAU);
    // Scored files with findings (the rounds above: one rectification done) and a clue raised and handled for the
    // bureau: a file closed in the period without execution (CLOSED_WITHOUT_EXECUTION).
    await fixtures(sys).kase({ agencyId: bureau, state: 'CLOSED', closedOn: TO }, {});
    const RUN = `mutation($input: SupervisionRunInput!) { runSupervisionModels(input: $input) { raised { id version model { code } } } }`;
    const run = await gqlOk(sys, RUN, { input: { agencyId: bureau, from: FROM, to: LATER, models: ['CLOSED_WITHOUT_EXECUTION'] } }, tok.ma);
    expect(run.raised.length).toBeGreaterThanOrEqual(1);
    const HANDLE = `mutation($input: HandleSupervisionClueInput!) { handleSupervisionClue(input: $input) { status } }`;
    const [clue] = run.raised;
    expect(await gqlOk(sys, HANDLE, { input: { id: clue.id, version: clue.version, decision: 'ACCEPTED', reason: '责令补正执行记录' } }, tok.ma)).toMatchObject(
      {
        status: 'ACCEPTED',
      },
    );

    const [card] = (await gqlOk(sys, SCORECARD_QUERY, { a: bureau, from: FROM, to: LATER }, tok.analyst)).supervision.scorecards;
    const plain = await plainScorecard(sys, bureau, FROM, LATER, LATER);
    expectScorecardFromPlainSql(card, plain);
    // Real evaluation data: files scored, with findings costing points; clues raised, some handled.
    const evaluation = card.components.find((c: any) => c.code === 'EVALUATION');
    expect(evaluation.denominator).toBeGreaterThanOrEqual(500); // at least the five files of the completed round, 100 points each
    expect(evaluation.numerator).toBeLessThan(evaluation.denominator);
    const clues = card.components.find((c: any) => c.code === 'CLUE_HANDLING');
    expect(clues.denominator).toBe(run.raised.length);
    expect(clues.numerator).toBe(1);
    // The evaluation component is the figure the evaluation module reports (docs/supervision.md).
    const RESULTS = `query($a: [ID!]!, $f: Date!, $t: Date!) { evaluationResults(agencyIds: $a, periodFrom: $f, periodTo: $t) { scorePercent } }`;
    const [res] = await gqlOk(sys, RESULTS, { a: [bureau], f: FROM, t: LATER }, tok.analyst);
    expect(res.scorePercent).toBe(Math.round((evaluation.numerator * 10_000) / evaluation.denominator) / 100);
  });
});

describe('cost: opening a round', () => {
  const statements = () => sys.powersDb.stats.statements + sys.casesDb.stats.statements + sys.reviewsDb.stats.statements + sys.inspectionsDb.stats.statements;
  const PERIOD = { periodFrom: '2025-03-01', periodTo: '2025-03-31' };

  /** Closed files of the bureau in March 2025, each with a verifiable record log (its closing transition). */
  async function closedFiles(n: number) {
    const fx = fixtures(sys);
    for (let i = 0; i < n; i++) {
      const c = await fx.kase({
        agencyId: sys.agencyId(BUREAU),
        caseYear: 2025,
        caseNumber: `评查成本〔2025〕${n}-${i}号`,
        numberSeries: `cost-${newId()}`,
        filedOn: '2025-01-06',
        decisionDueOn: '2025-04-06',
        state: 'CLOSED',
        closedOn: '2025-03-10',
      });
      await fx.entry(c.id, 'TRANSITION', { to: 'CLOSED' }, 'o-a', fx.at('2025-03-10'), 'CLOSING');
    }
  }
  async function open(seed: string) {
    const before = statements();
    const r = await gqlOk(sys, OPEN, { input: roundInput({ ...PERIOD, seed, rate: 0.1, minPerAgency: 1 }) }, tok.ma);
    return { statements: statements() - before, files: r.files.length as number, candidates: r.candidateCount as number };
  }

  it('the statements per openEvaluationRound do not grow with the candidate files (20 vs 200 closed cases)', async () => {
    // The checkpoint signer's timer would add its own reads to the count at random moments: stopped for the measure
    // (entries after the last checkpoint still verify; nothing after this test needs a new checkpoint).
    await sys.cases.checkpointLease.stop();
    await closedFiles(20);
    const small = await open('cost-twenty-files');
    await closedFiles(180);
    const large = await open('cost-two-hundred-files');
    expect([small.candidates, large.candidates]).toEqual([20, 200]);
    expect(large.files).toBeGreaterThan(small.files); // 10 % of each: 2 files, then 20, each verified and given its findings
    expect(large.statements).toBe(small.statements);
  });
});
