import { readFileSync } from 'node:fs';
import { Supergraph, type ObjectType } from '@apollo/federation-internals';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SUPERGRAPH_PATH } from '../../kernel/schema/registry-file.js';
import { seedCases, seedReviews } from '../../data/loader/index.js';
import { asc, eq } from 'drizzle-orm';
import { legalReviews, recordEntries, reviewRounds } from '../../subgraphs/reviews/db/schema.js';
import { appendEntry, serviceMacKeyRing } from '../../kernel/records/log.js';
import { results, tasks } from '../../subgraphs/inspections/db/schema.js';
import { newId } from '../../kernel/ids.js';
import { startTestSystem, type TestSystem } from '../helpers/system.js';

// Issue 18: the SQL statements one request costs do not grow with the page size, for every list field of the
// supergraph (every field with `first`). Counted on the project's own connections — each subgraph's drizzle
// pool (`db.stats.statements`), never the server's global counters, which other work on the server moves too.
// Each list is read with first: 1 and with first: <every row it has>, nested lists from one parent.

let sys: TestSystem;
const t = {} as Record<'supervisor' | 'admin' | 'officer', string>;

beforeAll(async () => {
  sys = await startTestSystem();
  t.supervisor = await sys.token('SUPERVISOR', null, 'supervisor-ma');
  t.admin = await sys.token('ADMIN', null, 'admin-zhao');
  t.officer = await sys.token('OFFICER', 'midong-cgj', 'officer-sun');
  await seedCases({ config: sys.config, keys: sys.keys, db: sys.casesDb, reviewsDb: sys.reviewsDb, powersUrl: sys.powers.url });
  await seedReviews({ db: sys.reviewsDb, keys: sys.keys, casesUrl: sys.cases.url, powersUrl: sys.powers.url, clock: sys.config.clock });
  // The demo has one legal review: two more (copies on other case ids) so that its lists have pages to compare.
  const [review] = await sys.reviewsDb.orm.select().from(legalReviews);
  const rounds = await sys.reviewsDb.orm.select().from(reviewRounds).where(eq(reviewRounds.reviewId, review!.id));
  // Each copy with its reviews log entries (the original's, re-keyed to the copy): unlogged rounds are refused (issue 25).
  const logged = await sys.reviewsDb.orm.select().from(recordEntries).where(eq(recordEntries.caseId, review!.caseId)).orderBy(asc(recordEntries.caseSeq));
  for (let i = 0; i < 2; i++) {
    const id = newId();
    const caseId = newId();
    await sys.reviewsDb.orm.transaction(async (tx) => {
      await tx.insert(legalReviews).values({ ...review!, id, caseId });
      await tx.insert(reviewRounds).values(rounds.map((r) => ({ ...r, id: newId(), reviewId: id })));
      for (const e of logged) {
        const payload = JSON.parse(e.payload.replaceAll(review!.id, id).replaceAll(review!.caseId, caseId)) as unknown;
        await appendEntry(tx, { caseId, kind: e.kind, stage: e.stage, payload, actor: e.actor, recordedAt: e.recordedAt }, serviceMacKeyRing('reviews'));
      }
    });
  }
  const sync = await sys.gql('mutation { syncInspections { warnings } }', {}, t.admin);
  expect(sync.errors).toBeUndefined();
  // Likewise a second result for the enterprise of the first one, and a second task of the first task's item.
  const [result] = await sys.inspectionsDb.orm.select().from(results).limit(1);
  await sys.inspectionsDb.orm.insert(results).values({ ...result!, id: `${result!.id}-copy` });
  const [task] = await sys.inspectionsDb.orm.select().from(tasks).limit(1);
  await sys.inspectionsDb.orm.insert(tasks).values({ ...task!, id: `${task!.id}-copy` });
}, 180_000);
afterAll(() => sys?.stop());

const statements = () => sys.powersDb.stats.statements + sys.casesDb.stats.statements + sys.reviewsDb.stats.statements + sys.inspectionsDb.stats.statements;

interface ListField {
  field: string;
  /** The query with `$n` as the page size (and the variables it needs besides). */
  query: string;
  variables?: () => Promise<Record<string, unknown>> | Record<string, unknown>;
  token?: keyof typeof t;
  /** Straight to a subgraph (entity fields no root field reaches from one parent) instead of the gateway. */
  subgraph?: 'cases' | 'inspections';
  /** The connection in the response. */
  at: (data: any) => { edges: unknown[] } | null;
}

const one = async (q: string, token?: keyof typeof t) => {
  const r = await sys.gql(q, {}, token ? t[token] : undefined);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!;
};
const midong = () => ({ agency: sys.agencyId('midong-cgj') });
const sun = () => ({ officer: sys.officerId('officer-sun') });
const reviewer = async () => ({ officer: (await sys.reviewsDb.orm.select().from(legalReviews))[0]!.reviewerId });
const inspector = async () => {
  const d = (await one('{ inspectionTasks(first: 50) { edges { node { inspectors { officer { id } } } } } }', 'supervisor')) as any;
  const ids = d.inspectionTasks.edges.flatMap((e: any) => (e.node.inspectors ?? []).map((i: any) => i.officer?.id)).filter(Boolean);
  return { officer: ids[0] };
};
/** The enterprise with the most cases (or inspection results), as a representation. */
const busiest = async (what: 'cases' | 'results') => {
  const q = what === 'cases' ? '{ cases(first: 100) { edges { node { party { uscc } } } } }' : '{ inspectionResults(first: 100) { edges { node { uscc } } } }';
  const d = (await one(q, 'supervisor')) as any;
  const usccs: string[] = what === 'cases' ? d.cases.edges.map((e: any) => e.node.party.uscc) : d.inspectionResults.edges.map((e: any) => e.node.uscc);
  const counts = new Map<string, number>();
  for (const u of usccs.filter(Boolean)) counts.set(u, (counts.get(u) ?? 0) + 1);
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  return { reps: [{ __typename: 'Enterprise', uscc: top }] };
};
const planWithTasks = async () => {
  const d = (await one('{ inspectionTasks(first: 100) { edges { node { plan { id } } } } }', 'supervisor')) as any;
  return { plan: d.inspectionTasks.edges.map((e: any) => e.node.plan?.id).find(Boolean) };
};
const itemWithTasks = async () => {
  const d = (await one('{ inspectionTasks(first: 100) { edges { node { itemCode } } } }', 'supervisor')) as any;
  const codes: string[] = d.inspectionTasks.edges.map((e: any) => e.node.itemCode);
  const counts = new Map<string, number>();
  for (const c of codes) counts.set(c, (counts.get(c) ?? 0) + 1);
  return { code: [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0] };
};

/** Issue 30: clues to list — the supervision models run over the demo (its inspection results with problems and no case). */
const raisedClues = async () => {
  const r = await sys.gql('mutation { runSupervisionModels(input: { from: "2026-01-01", to: "2026-11-20" }) { alreadyRaised } }', {}, t.supervisor);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return {};
};

/** Two 案卷评查 rounds opened through the API (the demo's cases in the period; different seeds), once. */
let roundsOpened = false;
const openedRounds = async () => {
  if (roundsOpened) return {};
  for (const seed of ['sql-per-page-1', 'sql-per-page-2']) {
    const r = await sys.gql(
      'mutation($i: OpenEvaluationRoundInput!) { openEvaluationRound(input: $i) { id } }',
      {
        i: {
          title: `分页测试 ${seed}`,
          periodFrom: '2026-01-01',
          periodTo: '2026-11-19',
          agencyIds: [sys.agencyId('midong-cgj')],
          seed,
          rate: 1,
          minPerStratum: 1,
          minPerAgency: 1,
        },
      },
      t.supervisor,
    );
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  }
  roundsOpened = true;
  return {};
};

const CASE_NODE = 'caseNumber state party { name } agency { name } powerItem { name } handlingOfficers { name }';
const TASK_NODE = 'name status item { name } agency { name } results { resultCode }';
const RESULT_NODE = 'resultCode uscc task { name }';
const LISTS: ListField[] = [
  {
    field: 'Query.powerItems',
    query: 'query($n: Int!) { powerItems(first: $n) { edges { node { code agency { name } discretionBenchmark { tiers { tier } } } } } }',
    at: (d) => d.powerItems,
  },
  {
    field: 'Query.officers',
    query: 'query($n: Int!, $agency: ID!) { officers(agencyId: $agency, first: $n) { edges { node { name agency { name } } } } }',
    variables: midong,
    token: 'supervisor',
    at: (d) => d.officers,
  },
  {
    field: 'Agency.officers',
    query: 'query($n: Int!, $agency: ID!) { agency(id: $agency) { officers(first: $n) { edges { node { name } } } } }',
    variables: midong,
    token: 'supervisor',
    at: (d) => d.agency.officers,
  },
  {
    field: 'Agency.powerItems',
    query: 'query($n: Int!, $agency: ID!) { agency(id: $agency) { powerItems(first: $n) { edges { node { code name } } } } }',
    variables: midong,
    at: (d) => d.agency.powerItems,
  },
  { field: 'Query.cases', query: `query($n: Int!) { cases(first: $n) { edges { node { ${CASE_NODE} } } } }`, token: 'supervisor', at: (d) => d.cases },
  {
    field: 'Officer.cases',
    query: `query($n: Int!, $officer: ID!) { officer(id: $officer) { cases(first: $n) { edges { node { ${CASE_NODE} } } } } }`,
    variables: sun,
    token: 'supervisor',
    at: (d) => d.officer.cases,
  },
  {
    field: 'Enterprise.cases',
    query:
      'query($n: Int!, $reps: [_Any!]!) { _entities(representations: $reps) { ... on Enterprise { cases(first: $n) { edges { node { caseNumber party { name } } } } } } }',
    variables: () => busiest('cases'),
    subgraph: 'cases',
    at: (d) => d._entities[0].cases,
  },
  {
    field: 'Query.publications',
    query: 'query($n: Int!) { publications(first: $n) { edges { node { status content { partyName decisionNumber } } } } }',
    at: (d) => d.publications,
  },
  {
    field: 'Query.creditPublicityExport',
    query: 'query($n: Int!) { creditPublicityExport(first: $n) { restricted records { __typename } } }',
    token: 'supervisor',
    at: (d) => ({ edges: d.creditPublicityExport.records }),
  },
  {
    field: 'Query.reviews',
    query: 'query($n: Int!) { reviews(first: $n) { edges { node { status currentRound { roundNo } } } } }',
    token: 'supervisor',
    at: (d) => d.reviews,
  },
  {
    field: 'Officer.reviews',
    query: 'query($n: Int!, $officer: ID!) { officer(id: $officer) { reviews(first: $n) { edges { node { status currentRound { roundNo } } } } } }',
    variables: reviewer,
    token: 'supervisor',
    at: (d) => d.officer.reviews,
  },
  {
    field: 'Query.inspectionTasks',
    query: `query($n: Int!) { inspectionTasks(first: $n) { edges { node { ${TASK_NODE} } } } }`,
    token: 'supervisor',
    at: (d) => d.inspectionTasks,
  },
  {
    field: 'Query.inspectionResults',
    query: `query($n: Int!) { inspectionResults(first: $n) { edges { node { ${RESULT_NODE} } } } }`,
    token: 'supervisor',
    at: (d) => d.inspectionResults,
  },
  {
    field: 'Officer.inspectionTasks',
    query: `query($n: Int!, $officer: ID!) { officer(id: $officer) { inspectionTasks(first: $n) { edges { node { ${TASK_NODE} } } } } }`,
    variables: inspector,
    token: 'supervisor',
    at: (d) => d.officer.inspectionTasks,
  },
  {
    field: 'Enterprise.inspections',
    query: `query($n: Int!, $reps: [_Any!]!) { _entities(representations: $reps) { ... on Enterprise { inspections(first: $n) { edges { node { resultCode } } } } } }`,
    variables: () => busiest('results'),
    subgraph: 'inspections',
    at: (d) => d._entities[0].inspections,
  },
  {
    field: 'InspectionPlan.tasks',
    query: `query($n: Int!, $plan: ID!) { inspectionTasks(first: 1, filter: { planId: $plan }) { edges { node { plan { tasks(first: $n) { edges { node { ${TASK_NODE} } } } } } } } }`,
    variables: planWithTasks,
    token: 'supervisor',
    at: (d) => d.inspectionTasks.edges[0].node.plan.tasks,
  },
  {
    field: 'RandomInspectionItem.tasks',
    query: `query($n: Int!, $code: String!) { inspectionTasks(first: 1, filter: { itemCode: $code }) { edges { node { item { tasks(first: $n) { edges { node { ${TASK_NODE} } } } } } } } }`,
    variables: itemWithTasks,
    token: 'supervisor',
    at: (d) => d.inspectionTasks.edges[0].node.item.tasks,
  },
  {
    field: 'Query.supervisionClues',
    query: 'query($n: Int!) { supervisionClues(first: $n) { edges { node { id model { name } agency { name } summary cases { caseNumber } } } } }',
    variables: raisedClues,
    token: 'supervisor',
    at: (d) => d.supervisionClues,
  },
  {
    field: 'Query.evaluationRounds',
    query: 'query($n: Int!) { evaluationRounds(first: $n) { edges { node { id title supervisingAgency { name } files { state case { caseNumber } } } } } }',
    variables: openedRounds,
    token: 'supervisor',
    at: (d) => d.evaluationRounds,
  },
];

describe('SQL statements per request do not grow with the page size', () => {
  it('covers every list field of the supergraph (every field that takes `first`)', () => {
    const api = Supergraph.build(readFileSync(DEFAULT_SUPERGRAPH_PATH, 'utf8')).apiSchema();
    const withFirst = api
      .types()
      .filter((type): type is ObjectType => type.kind === 'ObjectType')
      .flatMap((type) => type.fields())
      .filter((f) => f.arguments().some((a) => a.name === 'first'))
      .map((f) => f.coordinate);
    expect(withFirst.length).toBeGreaterThan(10);
    expect(LISTS.map((l) => l.field).sort()).toEqual(withFirst.sort());
  });

  it.each(LISTS.map((l) => [l.field, l] as const))('%s', async (_field, list) => {
    const vars = (await list.variables?.()) ?? {};
    const send = async (n: number) => {
      const before = statements();
      const r = list.subgraph
        ? await sys.subgraph(
            list.subgraph === 'cases' ? sys.cases.url : sys.inspections.url,
            list.query,
            { ...vars, n },
            {
              subject: 'supervisor-ma',
              role: 'SUPERVISOR',
              agencyId: null,
              officerId: null,
            },
          )
        : await sys.gql(list.query, { ...vars, n }, list.token ? t[list.token] : undefined);
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      return { cost: statements() - before, rows: list.at(r.data)!.edges.length };
    };
    const all = await send(100);
    // A list of one row cannot show growth: the fixture must give each list at least two.
    expect(all.rows, `${list.field} has too few rows to compare pages`).toBeGreaterThanOrEqual(2);
    const first = await send(1);
    expect(first.rows).toBe(1);
    expect(all.cost, `${list.field}: ${first.cost} statements for 1 row, ${all.cost} for ${all.rows}`).toBe(first.cost);
  });
});
