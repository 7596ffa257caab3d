import { afterAll, beforeAll, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { SEED_CASES_TODAY, seedCases } from '../../subgraphs/cases/seed.js';
import { seedReviews } from '../../subgraphs/reviews/seed.js';
import { startTestSystem, type TestSystem } from '../helpers/system.js';
let sys: TestSystem;
beforeAll(async () => {
  sys = await startTestSystem({ today: SEED_CASES_TODAY });
  await seedCases({ config: sys.config, keys: sys.keys, db: sys.casesDb, powersUrl: sys.powers.url });
  await seedReviews({ db: sys.reviewsDb, keys: sys.keys, casesUrl: sys.cases.url, powersUrl: sys.powers.url, clock: sys.clock });
  await sys.gql(`mutation { syncInspections { finishedAt } }`, {}, await sys.token('ADMIN', null, 'admin-zhao'));
}, 180_000);
afterAll(() => sys?.stop());
it('shot', async () => {
  const res = await fetch(`${sys.gateway.url.replace(/\/graphql$/, '')}/reports/annual/2026.html?agencyId=${sys.agencyId('midong-cgj')}`, { headers: { authorization: `Bearer ${await sys.token('ANALYST', null)}` } });
  const html = await res.text();
  writeFileSync('/tmp/i17-report.html', html);
  const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
  const p = await b.newPage({ viewport: { width: 800, height: 1200 } });
  await p.setContent(html);
  await p.screenshot({ path: '/tmp/i17-report.png', fullPage: true });
  await b.close();
}, 60_000);
