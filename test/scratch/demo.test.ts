import { afterAll, beforeAll, it } from 'vitest';
import { SEED_CASES_TODAY, seedCases } from '../../subgraphs/cases/seed.js';
import { startTestSystem, type TestSystem } from '../helpers/system.js';
let sys: TestSystem;
beforeAll(async () => {
  sys = await startTestSystem({ today: SEED_CASES_TODAY });
  await seedCases({ config: sys.config, keys: sys.keys, db: sys.casesDb, powersUrl: sys.powers.url });
}, 180_000);
afterAll(() => sys?.stop());
const T = 'dimensions total amount rows { values labels agency { name } count amount }';
it('prints', async () => {
  const sup = await sys.token('SUPERVISOR', null, 'supervisor-ma');
  const r = await sys.gql(`query($f: StatisticsFilter!) { statistics(filter: $f) { staff { agency { name } asOf officers validCredentials reviewStaff reviewStaffWithLegalCertificate } cases {
    filed(by: [MONTH, CATEGORY]) { ${T} } decisions(by: [AGENCY, OUTCOME]) { ${T} } decisionTypes(by: [DECISION_TYPE]) { ${T} } hearings { requested held }
    reliefReceived(by: [RELIEF_KIND]) { ${T} } reliefConcluded(by: [RELIEF_OUTCOME]) { ${T} } correctionRate { numerator denominator rate } } } }`, { f: { from: '2026-01-01', to: '2026-12-31' } }, sup);
  (await import('node:fs')).writeFileSync('/tmp/i17-out.json', JSON.stringify(r.data ?? r.errors));
}, 60_000);
