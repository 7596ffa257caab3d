import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type GatewayService } from '../../gateway/server.js';
import { createLogger } from '../../kernel/logger.js';
import { startTestSystem, type TestSystem } from '../helpers/system.js';

// Issue 28: identical queries of one caller in flight at once share one subgraph call. When that call hangs, every
// request waiting on it must count against the breaker (8 merged requests = 8 failures, not 1), so the breaker
// opens within its threshold, and the requests after it answer at once with its error instead of each waiting out
// the timeout; a request of another caller still waiting when the breaker opens is released at once. The subgraph is the real `powers` process (subgraphs/powers/main.ts), paused with SIGSTOP: it
// accepts connections (the kernel does) and never answers, as a hung process does.

const TIMEOUT_MS = 15_000;
const FAILURES = 5;
const MERGED = 8;
const QUERY = `{ powerItems(first: 5) { edges { node { code name } } } }`;
let sys: TestSystem;
let powers: ChildProcess | undefined;
let gw: GatewayService;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

async function post(query: string, token?: string) {
  const started = performance.now();
  const res = await fetch(gw.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { data?: any; errors?: { extensions?: Record<string, unknown> }[] };
  return { body, ms: performance.now() - started };
}

beforeAll(async () => {
  sys = await startTestSystem();
  const port = await freePort();
  powers = spawn(process.execPath, ['--import', 'tsx', 'subgraphs/powers/main.ts'], {
    env: { ...process.env, DB_PREFIX: sys.prefix, POWERS_PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; ; i++) {
    if (powers.exitCode !== null) throw new Error(`powers exited ${powers.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (i > 900) throw new Error('powers did not become ready'); // hang guard
    await new Promise((r) => setTimeout(r, 200));
  }
  gw = await startGateway({
    config: sys.config,
    keys: sys.keys,
    log: createLogger('gateway', 'error'),
    port: 0,
    env: {
      ...process.env,
      POWERS_URL: `http://127.0.0.1:${port}/graphql`,
      CASES_URL: sys.cases.url,
      REVIEWS_URL: sys.reviews.url,
      INSPECTIONS_URL: sys.inspections.url,
      POWERS_TIMEOUT_MS: String(TIMEOUT_MS),
      PUBLIC_CACHE_TTL_S: '0', // every public request goes to powers: what is tested is the breaker, not the cache
      SUBGRAPH_BREAKER_FAILURES: String(FAILURES),
      SUBGRAPH_BREAKER_HALF_OPEN_MS: '600000',
    },
    watch: { pollMs: 0 },
  });
}, 300_000);
afterAll(async () => {
  await gw?.close();
  if (powers && powers.exitCode === null) {
    powers.kill('SIGCONT');
    const exited = new Promise((r) => powers!.once('exit', r));
    powers.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (powers.exitCode === null) powers.kill('SIGKILL');
  }
  await sys?.stop();
});

describe('a paused subgraph under merged load', () => {
  it('answers while running', async () => {
    const r = await post(QUERY);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.powerItems.edges.length).toBeGreaterThan(0);
  });

  it('counts each merged request as a failure, so the breaker opens, and later requests fail at once with its code', async () => {
    powers!.kill('SIGSTOP');
    // One caller (the public), one query, all in flight together: one shared call to the paused process.
    const mergedCalls = Promise.all(Array.from({ length: MERGED }, () => post(QUERY)));
    // Another caller's request (not merged with the public's: its own internal token), sent a little later, is still
    // waiting on its own call when the merged one times out: the opening breaker releases it.
    const officer = await sys.token('OFFICER', 'midong-cgj', 'officer-sun');
    await new Promise((r) => setTimeout(r, 2000));
    const waiting = post(QUERY, officer);
    const merged = await mergedCalls;
    for (const r of merged) {
      expect(r.body.data?.powerItems ?? null).toBeNull();
      expect(r.body.errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', serviceName: 'powers', reason: 'timeout' });
    }
    const ready = (await (await fetch(gw.url.replace('/graphql', '/ready'))).json()) as { breakers: Record<string, string> };
    expect(ready.breakers.powers).toBe('open');
    // Every merged request was counted as the failure it was (before issue 28: one timeout for the lot, breaker closed).
    const metrics = await (await fetch(gw.url.replace('/graphql', '/metrics'))).text();
    const count = (kind: string) =>
      Number(new RegExp(`sanxiang_subgraph_fetch_errors_total\\{subgraph="powers",kind="${kind}",service="gateway"\\} (\\d+)`).exec(metrics)?.[1] ?? 0);
    expect(count('timeout')).toBe(MERGED);
    // The officer's request did not wait out its own timeout: the breaker's error, not a timeout.
    expect((await waiting).body.errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', serviceName: 'powers', reason: 'breaker_open' });

    // The breaker knows: new requests (merged or not) do not wait for the timeout. `breaker_open` (not `timeout`) is
    // the proof; the bound is only that they came back before the timeout could have fired, not a speed target.
    const later = await Promise.all(Array.from({ length: MERGED }, () => post(QUERY)));
    for (const r of later) {
      expect(r.body.errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', serviceName: 'powers', reason: 'breaker_open' });
      expect(r.ms).toBeLessThan(TIMEOUT_MS);
    }
  });
});
