import { createServer, type Server } from 'node:http';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type GatewayService } from '../../gateway/server.js';
import { createLogger } from '../../kernel/logger.js';
import { closeServer, listen } from '../../kernel/server.js';
import { startTestSystem, type TestSystem } from '../helpers/system.js';

// A dashboard served from another origin calls the gateway from headless Chromium (Debian's /usr/bin/chromium):
// the origin named in CORS_ORIGINS gets its answer (preflight with the Authorization header, the request id
// readable), an origin that is not named is refused by the browser.

const CHROMIUM = '/usr/bin/chromium';
let sys: TestSystem;
let gw: GatewayService;
let browser: Browser;
const pages: { url: string; server: Server }[] = [];

/** A plain page on its own origin (another port of 127.0.0.1). */
async function pageServer() {
  const server = createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><meta charset="utf-8"><title>外部看板</title><p>dashboard on another origin</p>');
  });
  const port = await listen(server, 0, '127.0.0.1');
  const p = { url: `http://127.0.0.1:${port}`, server };
  pages.push(p);
  return p;
}

beforeAll(async () => {
  sys = await startTestSystem();
  const allowed = await pageServer();
  await pageServer(); // a second origin, not allowed
  gw = await startGateway({
    config: sys.config,
    keys: sys.keys,
    log: createLogger('gateway', 'warn'),
    port: 0,
    env: {
      ...process.env,
      CORS_ORIGINS: `${allowed.url},https://dash.example.gov.cn`,
      POWERS_URL: sys.powers.url,
      CASES_URL: sys.cases.url,
      REVIEWS_URL: sys.reviews.url,
      INSPECTIONS_URL: sys.inspections.url,
    },
    watch: { pollMs: 0 },
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  for (const p of pages) await closeServer(p.server, 0);
  await gw?.close();
  await sys?.stop();
});

async function fetchFrom(origin: string, token: string) {
  const page = await browser.newPage();
  await page.goto(origin);
  const result = await page.evaluate(
    async ({ url, token }) => {
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'apollographql-client-name': 'external-dashboard' },
          body: JSON.stringify({ query: 'query Agencies { agencies { name } }' }),
        });
        return {
          ok: true,
          status: res.status,
          requestId: res.headers.get('x-request-id'),
          body: (await res.json()) as { data?: { agencies: { name: string }[] } },
        };
      } catch (err) {
        return { ok: false, error: String(err) };
      }
    },
    { url: gw.url, token },
  );
  await page.close();
  return result;
}

describe('CORS in a browser', () => {
  it('answers a dashboard on an origin CORS_ORIGINS names, with a token and a readable request id', async () => {
    const r = await fetchFrom(pages[0]!.url, await sys.token('ANALYST', null));
    expect(r).toMatchObject({ ok: true, status: 200 });
    expect(r.body!.data!.agencies.length).toBeGreaterThan(0);
    expect(r.requestId).toMatch(/^[\w.-]+$/);
  });

  it('is refused by the browser on an origin it does not name ("Failed to fetch")', async () => {
    const r = await fetchFrom(pages[1]!.url, await sys.token('ANALYST', null));
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/Failed to fetch/);
  });

  it('answers the preflight itself: exact origin, allowed headers, no credentials', async () => {
    const preflight = await fetch(gw.url, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://dash.example.gov.cn',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://dash.example.gov.cn');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    const other = await fetch(gw.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://dash.example.gov.cn.evil.test', 'access-control-request-method': 'POST' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
