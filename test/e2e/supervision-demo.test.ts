import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedCases, seedReviews, seedSupervisionClues } from '../../data/loader/index.js';
import { startTestSystem, type TestSystem } from '../helpers/system.js';

// Issue 30, demo data: on the demo cases (after the inspection results are synced) the demo supervisor's run raises
// clues from several models, each with its evidence and the cases behind it (what `npm start` does on a fresh demo).

let sys: TestSystem;
beforeAll(async () => {
  sys = await startTestSystem();
  await seedCases({ config: sys.config, keys: sys.keys, db: sys.casesDb, reviewsDb: sys.reviewsDb, powersUrl: sys.powers.url });
  await seedReviews({ db: sys.reviewsDb, keys: sys.keys, casesUrl: sys.cases.url, powersUrl: sys.powers.url, clock: sys.config.clock });
  await sys.inspections.sync.run('MANUAL');
}, 240_000);
afterAll(() => sys?.stop());

it('the demo run raises clues from several models, with evidence and a drill-down to the demo cases', async () => {
  const today = sys.clock.today();
  const n = await seedSupervisionClues({ gatewayUrl: sys.gateway.url, keys: sys.keys, from: `${today.slice(0, 4)}-01-01`, to: today });
  expect(n).toBeGreaterThanOrEqual(3);
  const supervisor = await sys.token('SUPERVISOR', null, 'supervisor-ma');
  const r = await sys.gql(
    '{ supervisionClues(first: 100) { edges { node { model { code } summary parameters { name value } cases { caseNumber } } } } }',
    {},
    supervisor,
  );
  expect(r.errors).toBeUndefined();
  const clues = r.data!.supervisionClues.edges.map((e: any) => e.node);
  expect(clues).toHaveLength(n);
  // Which models fire on the demo, named: a change of the demo data that makes another model fire (or silences one)
  // shows here. Today two of twelve (issue 30 asks for several; the demo cases give the others nothing to find).
  expect([...new Set(clues.map((c: any) => c.model.code))].sort()).toEqual(['FINE_AT_TIER_MAXIMUM', 'INSPECTION_PROBLEM_WITHOUT_CASE']);
  const fines = clues.find((c: any) => c.model.code === 'FINE_AT_TIER_MAXIMUM');
  expect(fines.parameters).toContainEqual({ name: 'minDecisions', value: 2 });
  expect(fines.cases.length).toBeGreaterThanOrEqual(2);
  for (const c of fines.cases) expect(c.caseNumber).toMatch(/〔2026〕/);
  // A second run over the same period raises nothing new.
  expect(await seedSupervisionClues({ gatewayUrl: sys.gateway.url, keys: sys.keys, from: `${today.slice(0, 4)}-01-01`, to: today })).toBe(0);
});
