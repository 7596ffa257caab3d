import { mkdirSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { SEED_CASES_TODAY, seedCases } from '../../data/loader/index.js';
import { startTestSystem, type TestSystem } from '../helpers/system.js';
import { startFrontServer } from '../helpers/dashboard-server.js';

// The reference dashboard (issue 7) in Debian's headless Chromium: the page served by the gateway's
// dashboard handler, talking only to /graphql on its own origin, shows the demo bureau's indicators.

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;
let sys: TestSystem;
let front: Awaited<ReturnType<typeof startFrontServer>>;
let browser: Browser;

beforeAll(async () => {
  sys = await startTestSystem({ today: SEED_CASES_TODAY });
  await seedCases({ config: sys.config, keys: sys.keys, db: sys.casesDb, reviewsDb: sys.reviewsDb, powersUrl: sys.powers.url });
  const sync = await sys.gql(`mutation { syncInspections { finishedAt } }`, {}, await sys.token('ADMIN', null, 'admin-zhao'));
  expect(sync.errors).toBeUndefined();
  front = await startFrontServer(sys);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await front?.close();
  await sys?.stop();
});

describe('the statistics dashboard', () => {
  it('loads from the project alone, shows the demo bureau indicators as charts and tables, and writes a screenshot', async () => {
    const analyst = await sys.token('ANALYST', null);
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    const bureau = sys.agencyId('midong-cgj');
    await page.goto(`${front.url}/dashboard?token=${analyst}&from=2026-01-01&to=2026-12-31&groupBy=MONTH&agencyId=${bureau}`);
    await page.waitForSelector('body[data-state="ready"]', { timeout: 30_000 });

    expect(await page.textContent('#status')).toContain('2026-01-01 至 2026-12-31');
    // The token went to localStorage and left the address bar.
    expect(page.url()).not.toContain('token=');
    expect(await page.evaluate(() => window.localStorage.getItem('sanxiang.dashboard.token'))).toBe(analyst);
    // The demo bureau: 14 cases filed in 2026 (data/demo/cases.yaml); 2 of the 4 closed cases archived (R18).
    const cardValue = (name: string) => page.textContent(`[data-indicator="${name}"] .value`);
    expect(await cardValue('立案数')).toBe('14');
    // One demo decision needed legal review (fumes-xiangmanlou) and was made on an approved review.
    expect(await cardValue('法制审核覆盖率（R5、R6）')).toBe('100.0%');
    expect(await page.textContent('[data-indicator="法制审核覆盖率（R5、R6）"] .detail')).toContain('分子 1 / 分母 1');
    expect(await cardValue('归档率（R18）')).toBe('50.0%');
    expect(await page.textContent('[data-indicator="归档率（R18）"] .detail')).toContain('分子 2 / 分母 4');
    expect(await page.$eval('#agency', (s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe('乌鲁木齐市米东区城市管理局');
    // Charts are inline SVG with Chinese labels; tables hold the groups.
    expect(await page.locator('figure[data-chart^="立案数按状态"] svg rect').count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('figure[data-chart^="立案数按状态"] svg').textContent()).toContain('已归档');
    expect(await page.locator('#panel-inspections .card').count()).toBe(4);
    // Issue 30: the supervision section — every problem model's clue counts and the bureau's scorecard.
    expect(await page.locator('#panel-supervision tr[data-model]').count()).toBe(12);
    expect(await page.locator(`#panel-supervision tr[data-agency]`).count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('#panel-supervision tr[data-agency] td.total').first().textContent()).toMatch(/^\d+\.\d\d$/);
    expect(await page.locator('#panel-cases table').first().textContent()).toContain('2026-09');

    // Nothing but this origin was ever requested.
    const foreign = requested.filter((u) => !u.startsWith(front.url) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(foreign).toEqual([]);
    expect(requested.some((u) => u.endsWith('/graphql'))).toBe(true);
    expect(consoleErrors).toEqual([]);

    mkdirSync(ARTIFACTS, { recursive: true });
    const shot = `${ARTIFACTS}dashboard.png`;
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(20_000);
    await page.close();
  });

  it('shows a rate over nothing as not applicable in the period, never 0/0', async () => {
    const analyst = await sys.token('ANALYST', null);
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    // 2025: no demo decision at all, so the review coverage has no denominator.
    await page.goto(`${front.url}/dashboard?token=${analyst}&from=2025-01-01&to=2025-12-31&agencyId=${sys.agencyId('midong-cgj')}`);
    await page.waitForSelector('body[data-state="ready"]', { timeout: 30_000 });
    const card = '[data-indicator="法制审核覆盖率（R5、R6）"]';
    expect(await page.textContent(`${card} .value`)).toBe('—（本期无适用）');
    expect(await page.textContent(`${card} .detail`)).toContain('本期无适用的事项（分母为 0）');
    expect(await page.textContent('#panel-cases')).not.toContain('0/0');
    await page.close();
  });

  it('shows the monthly trend, full agency names, and fits a 390 px phone without sideways scrolling (issue 17)', async () => {
    const analyst = await sys.token('ANALYST', null);
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${front.url}/dashboard?token=${analyst}&from=2026-01-01&to=2026-12-31&groupBy=AGENCY`);
    await page.waitForSelector('body[data-state="ready"]', { timeout: 30_000 });
    // Twelve months, zeros included.
    expect(await page.locator('figure[data-chart="按月趋势"] rect[data-month]').count()).toBe(12);
    const heights = await page.$$eval('figure[data-chart="按月趋势"] rect[data-month]', (rs) => rs.map((r) => Number(r.getAttribute('height'))));
    // The seed files cases from August to November: the other months are drawn, empty.
    expect(heights.map((x) => x > 0)).toEqual([false, false, false, false, false, false, false, true, true, true, true, false]);
    // Grouped by agency, the chart names each agency in full (no truncation, no ids).
    const rateText = await page.locator('figure[data-chart="按期公示率（分组）"] svg').textContent();
    expect(rateText).toContain('乌鲁木齐市米东区城市管理局');
    const cut = await page.$$eval('figure[data-chart="按期公示率（分组）"] svg', (svgs) =>
      svgs.flatMap((svgEl) => {
        const w = (svgEl as SVGSVGElement).viewBox.baseVal.width;
        return [...svgEl.querySelectorAll('text')]
          .filter((t) => (t as SVGTextElement).getComputedTextLength() + Number(t.getAttribute('x')) > w + 0.5)
          .map((t) => t.textContent);
      }),
    );
    expect(cut).toEqual([]);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}dashboard-desktop.png`, fullPage: true });
    // A phone: nothing is wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(100);
    const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, body: document.body.scrollWidth }));
    expect(widths.doc).toBeLessThanOrEqual(390);
    expect(widths.body).toBeLessThanOrEqual(390);
    const shot = `${ARTIFACTS}dashboard-phone.png`;
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(20_000);
    await page.close();
  });

  it('says so when the token may not see statistics (PUBLIC-equivalent roles are refused)', async () => {
    const page = await browser.newPage();
    await page.goto(`${front.url}/dashboard?token=${await sys.token('PARTNER', null)}&from=2026-01-01&to=2026-12-31`);
    await page.waitForSelector('body[data-state="error"]', { timeout: 30_000 });
    expect(await page.textContent('#status')).toContain('无权操作');
    await page.close();
  });

  it('is served with a policy that forbids loading anything from elsewhere', async () => {
    const res = await fetch(`${front.url}/dashboard`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('content-security-policy')).toContain("connect-src 'self'");
    const html = await res.text();
    expect(html).not.toMatch(/https?:\/\//);
    expect((await fetch(`${front.url}/dashboard/nothing.js`)).status).toBe(404);
  });
});
