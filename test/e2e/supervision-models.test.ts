import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../kernel/ids.js';
import { startTestSystem, type TestSystem } from '../helpers/system.js';
import { fixtures, type Fixtures } from '../helpers/supervision-fixtures.js';

// Issue 30: each problem model raises a clue on data built to trigger it and stays quiet on data built not to. Each
// case of the table gets two fresh agencies (one triggering, one quiet), so the models' data never mix.

let sys: TestSystem;
let fx: Fixtures;
let supervisor: string;
const FROM = '2026-01-01';
const TO = '2026-11-20';

beforeAll(async () => {
  sys = await startTestSystem();
  fx = fixtures(sys);
  supervisor = await sys.token('SUPERVISOR', null, 'supervisor-ma');
}, 120_000);
afterAll(() => sys?.stop());

const RUN = `mutation($input: SupervisionRunInput!) { runSupervisionModels(input: $input) {
  alreadyRaised raised { id model { code } agency { id } subject summary measure threshold hits base caseIds status cases { id } } } }`;

async function raise(agencyId: string, code: string) {
  const r = await sys.gql(RUN, { input: { agencyId, from: FROM, to: TO, models: [code] } }, supervisor);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!.runSupervisionModels as { alreadyRaised: number; raised: any[] };
}

type Build = (agencyId: string) => Promise<void>;
interface ModelCase {
  code: string;
  trigger: Build;
  quiet: Build;
  /** The drill-down lists cases (models about an inspection result list none). */
  withCases?: boolean;
}

const decided = (agencyId: string, o: Record<string, unknown> = {}, p: Record<string, unknown> = {}) => fx.kase({ agencyId, ...o }, p);
const times = async (n: number, fn: (i: number) => Promise<unknown>) => {
  for (let i = 0; i < n; i++) await fn(i);
};

const MODELS: ModelCase[] = [
  {
    code: 'FINE_AT_TIER_MAXIMUM',
    trigger: (a) =>
      times(3, () => decided(a, {}, { fineAmount: '5000.00', checks: { fineWithinBenchmark: true, benchmarkRange: { min: '1000', max: '5000' } } })),
    quiet: (a) =>
      times(3, () => decided(a, {}, { fineAmount: '3000.00', checks: { fineWithinBenchmark: true, benchmarkRange: { min: '1000', max: '5000' } } })),
  },
  {
    code: 'BENCHMARK_DEPARTURE_BY_OFFICER',
    trigger: (a) =>
      times(2, () => decided(a, {}, { fineAmount: '9000.00', checks: { fineWithinBenchmark: false, benchmarkRange: { min: '1000', max: '5000' } } })),
    quiet: (a) =>
      times(2, () => decided(a, {}, { fineAmount: '3000.00', checks: { fineWithinBenchmark: true, benchmarkRange: { min: '1000', max: '5000' } } })),
  },
  {
    code: 'DECIDED_AT_DEADLINE',
    trigger: (a) => times(3, () => decided(a, { decidedOn: '2026-05-29', decisionDueOn: '2026-05-31' })),
    quiet: (a) => times(3, () => decided(a, { decidedOn: '2026-04-01', decisionDueOn: '2026-05-31' })),
  },
  {
    code: 'LATE_ENTRIES_BY_OFFICER',
    trigger: async (a) => {
      const c = await fx.kase({ agencyId: a });
      await times(3, (i) =>
        fx.entry(c.id, 'EVENT', { eventKind: 'CREDENTIAL_SHOWN', occurredOn: '2026-03-02', lateEntryReason: '外勤补录' }, 'o-late', fx.at('2026-03-20', i)),
      );
    },
    quiet: async (a) => {
      const c = await fx.kase({ agencyId: a });
      await times(3, (i) =>
        fx.entry(c.id, 'EVENT', { eventKind: 'CREDENTIAL_SHOWN', occurredOn: '2026-03-20', lateEntryReason: null }, 'o-late', fx.at('2026-03-20', i)),
      );
    },
  },
  {
    code: 'SAME_OFFICER_PAIR',
    trigger: (a) => times(5, () => fx.kase({ agencyId: a, handlingOfficerIds: ['o-1', 'o-2'] })),
    quiet: async (a) => {
      for (const pair of [
        ['o-1', 'o-2'],
        ['o-1', 'o-3'],
        ['o-2', 'o-3'],
        ['o-1', 'o-4'],
        ['o-2', 'o-4'],
        ['o-3', 'o-4'],
      ])
        await fx.kase({ agencyId: a, handlingOfficerIds: pair });
    },
  },
  {
    code: 'FAST_REVIEW',
    trigger: async (a) => {
      const c = await fx.kase({ agencyId: a });
      await fx.entry(c.id, 'TRANSITION', { action: 'submitForReview', to: 'UNDER_REVIEW' }, 'o-a', fx.at('2026-04-01'), 'REVIEW');
      await fx.entry(c.id, 'REVIEW_OPINION', { conclusion: 'APPROVED', reviewId: 'r1', roundNo: 1 }, 'rev-fast', fx.at('2026-04-01', 4), 'REVIEW');
    },
    quiet: async (a) => {
      const c = await fx.kase({ agencyId: a });
      await fx.entry(c.id, 'TRANSITION', { action: 'submitForReview', to: 'UNDER_REVIEW' }, 'o-a', fx.at('2026-04-01'), 'REVIEW');
      await fx.entry(c.id, 'REVIEW_OPINION', { conclusion: 'APPROVED', reviewId: 'r1', roundNo: 1 }, 'rev-fast', fx.at('2026-04-03', 60), 'REVIEW');
    },
  },
  {
    code: 'PUBLICATION_OVERDUE',
    trigger: async (a) => fx.publication(await decided(a), { status: 'PENDING', dueOn: '2026-05-12' }),
    quiet: async (a) => fx.publication(await decided(a), { status: 'PUBLISHED', dueOn: '2026-05-12', publishedOn: '2026-05-08' }),
  },
  {
    code: 'SEIZURE_OVERDUE',
    trigger: async (a) => void (await decided(a, { caseType: 'COERCION', measureEndsOn: '2026-05-31' }, { outcome: 'SEAL_UP', penaltyTypes: [] })),
    quiet: async (a) =>
      void (await decided(a, { caseType: 'COERCION', measureEndsOn: '2026-05-31', measureLiftedOn: '2026-05-20' }, { outcome: 'SEAL_UP', penaltyTypes: [] })),
  },
  {
    code: 'CLOSED_WITHOUT_EXECUTION',
    trigger: async (a) => void (await decided(a, { state: 'CLOSED', closedOn: '2026-06-10' })),
    quiet: async (a) => {
      const c = await decided(a, { state: 'CLOSED', closedOn: '2026-06-10' });
      await fx.entry(c.id, 'TRANSITION', { action: 'execute', from: 'SERVED', to: 'EXECUTED' }, 'o-a', fx.at('2026-06-05'), 'EXECUTION');
    },
  },
  {
    code: 'REPEAT_PARTY_NO_ESCALATION',
    trigger: async (a) => {
      const partyId = await fx.party('91230500MA1B3N1N2M');
      await times(3, () => decided(a, { partyId, partyUscc: '91230500MA1B3N1N2M' }, { discretionTier: 'MINOR' }));
    },
    quiet: async (a) => {
      const partyId = await fx.party('91230500MA1B3N1N2M');
      for (const tier of ['MINOR', 'ORDINARY', 'SERIOUS']) await decided(a, { partyId, partyUscc: '91230500MA1B3N1N2M' }, { discretionTier: tier });
    },
  },
  {
    code: 'RELIEF_CORRECTIONS_BY_POWER_ITEM',
    trigger: (a) => times(2, async () => fx.relief(await decided(a), 'REVOKED')),
    quiet: (a) => times(2, async () => fx.relief(await decided(a), 'UPHELD')),
  },
];

describe('problem models raise clues on data built to trigger them, and only then', () => {
  it.each(MODELS.map((m) => [m.code, m] as const))('%s', async (code, m) => {
    const hot = newId();
    const cold = newId();
    await m.trigger(hot);
    await m.quiet(cold);
    const raised = await raise(hot, code);
    expect(raised.raised.length).toBeGreaterThan(0);
    for (const clue of raised.raised) {
      expect(clue.model.code).toBe(code);
      expect(clue.agency.id).toBe(hot);
      expect(clue.status).toBe('OPEN');
      expect(clue.summary.length).toBeGreaterThan(0);
      expect(clue.caseIds.length).toBeGreaterThan(0);
      // The drill-down reaches the cases (a supervisor reads every agency's cases).
      expect(clue.cases.map((c: any) => c.id).sort()).toEqual([...clue.caseIds].sort());
    }
    // Running the same model over the same period again raises nothing new.
    const again = await raise(hot, code);
    expect(again.raised).toHaveLength(0);
    expect(again.alreadyRaised).toBe(raised.raised.length);
    expect((await raise(cold, code)).raised).toHaveLength(0);
  });

  it('INSPECTION_PROBLEM_WITHOUT_CASE: an inspection result with problems and no case raises a clue; a case on its task quiets it', async () => {
    const admin = await sys.token('ADMIN', null, 'admin-zhao');
    const sync = await sys.gql('mutation { syncInspections { warnings } }', {}, admin);
    expect(sync.errors).toBeUndefined();
    const res = await sys.gql(
      `{ inspectionResults(filter: { problemsFound: true }, first: 100) { edges { node { id taskId uscc completedOn agency { id } } } } }`,
      {},
      supervisor,
    );
    const problems = (res.data!.inspectionResults.edges as any[])
      .map((e) => e.node)
      .filter((n) => n.agency && n.completedOn >= FROM && n.completedOn <= '2026-11-05');
    expect(problems.length, 'the stand-in platform has results with problems found').toBeGreaterThan(0);
    const agencyId: string = problems[0].agency.id;
    const mine = problems.filter((p) => p.agency.id === agencyId);
    const code = 'INSPECTION_PROBLEM_WITHOUT_CASE';
    const raised = await raise(agencyId, code);
    expect(raised.raised.map((c) => c.subject).sort()).toEqual([...new Set(mine.map((p) => `${p.taskId}/${p.uscc}`))].sort());
    // A case filed on each task: the model is quiet.
    for (const p of mine) await fx.kase({ agencyId, sourceInspectionTaskId: p.taskId, filedOn: p.completedOn });
    const f = await sys.gql(
      `query($input: SupervisionRunInput!) { supervisionFindings(input: $input) { subject } }`,
      { input: { agencyId, from: FROM, to: TO, models: [code] } },
      supervisor,
    );
    expect(f.errors).toBeUndefined();
    expect(f.data!.supervisionFindings).toHaveLength(0);
  });

  it('every model is documented with its definition, legal anchor and parameters', async () => {
    const r = await sys.gql('{ supervisionModels { code name definition subjectKind legalAnchor { law article excerpt } parameters { name value meaning } } }');
    expect(r.errors).toBeUndefined();
    const models = r.data!.supervisionModels as any[];
    expect(models.length).toBeGreaterThanOrEqual(12);
    expect(new Set(models.map((m) => m.code)).size).toBe(models.length);
    for (const m of models) {
      expect(m.definition.length).toBeGreaterThan(10);
      expect(m.legalAnchor.length).toBeGreaterThan(0);
      for (const a of m.legalAnchor) expect(a.article).toMatch(/^第.+条/);
    }
    expect(models.map((m) => m.code).sort()).toEqual([...MODELS.map((m) => m.code), 'INSPECTION_PROBLEM_WITHOUT_CASE'].sort());
  });
});
