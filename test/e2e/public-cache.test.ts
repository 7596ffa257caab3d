import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type GatewayService } from '../../gateway/server.js';
import { createLogger } from '../../kernel/logger.js';
import { gqlOk, publishThroughWorkflow } from '../helpers/scenarios.js';
import { startTestSystem, type TestSystem } from '../helpers/system.js';

// Issue 28: anonymous (PUBLIC) answers of ex-ante and ex-post publicity carry a validator and a short public
// lifetime, and the gateway keeps them (gateway/public-cache.ts) until a mutation may have changed them. Never an
// authenticated caller's answer. Whether an answer came from the cache is read from the subgraphs' own log lines:
// a cached answer reaches no subgraph.

const POWER_LIST = `{ powerItems(first: 50) { totalCount edges { node { code name agency { name } } } } }`;
const PUBLICATIONS = `{ publications(first: 20) { edges { node { id status publishedOn } } } }`;
let sys: TestSystem;
let gw: GatewayService;
let seq = 0;

async function ask(query: string, opts: { token?: string; variables?: Record<string, unknown>; ifNoneMatch?: string } = {}) {
  const rid = `pc-${Date.now()}-${seq++}`;
  const res = await fetch(gw.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-request-id': rid,
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.ifNoneMatch ? { 'if-none-match': opts.ifNoneMatch } : {}),
    },
    body: JSON.stringify({ query, variables: opts.variables ?? {} }),
  });
  const text = await res.text();
  // Subgraph lines of this request (the gateway forwards the request id).
  const reached = sys.logLines.filter((l) => l.reqId === rid && l.service !== 'gateway' && l.msg === 'graphql request').length;
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as { data?: any; errors?: unknown[] }) : null, reached };
}

beforeAll(async () => {
  sys = await startTestSystem();
  gw = await startGateway({
    config: sys.config,
    keys: sys.keys,
    log: createLogger('gateway', 'warn'),
    port: 0,
    env: {
      ...process.env,
      PUBLIC_CACHE_TTL_S: '600', // longer than the test: only an invalidation can refresh an answer
      POWERS_URL: sys.powers.url,
      CASES_URL: sys.cases.url,
      REVIEWS_URL: sys.reviews.url,
      INSPECTIONS_URL: sys.inspections.url,
    },
    watch: { pollMs: 0 },
  });
}, 300_000);
afterAll(async () => {
  await gw?.close();
  await sys?.stop();
});

describe('the public response cache', () => {
  it('answers an anonymous query once from the subgraphs, then from the cache, with an ETag and a public lifetime', async () => {
    for (const query of [POWER_LIST, PUBLICATIONS]) {
      const first = await ask(query);
      expect(first.status).toBe(200);
      expect(first.body!.errors).toBeUndefined();
      expect(first.reached).toBeGreaterThan(0);
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^"[\w-]+"$/);
      expect(first.headers.get('cache-control')).toBe('public, max-age=600');
      expect(first.headers.get('vary')).toMatch(/authorization/i);
      const again = await ask(query);
      expect(again.reached).toBe(0);
      expect(again.body).toEqual(first.body);
      expect(again.headers.get('etag')).toBe(etag);
      // A client holding that answer is told it is still good, without a body.
      const revalidated = await ask(query, { ifNoneMatch: etag! });
      expect(revalidated.status).toBe(304);
      expect(revalidated.body).toBeNull();
    }
  });

  it('never keeps an authenticated caller’s answer, nor marks it public', async () => {
    const officer = await sys.token('OFFICER', 'midong-cgj', 'officer-sun');
    for (let i = 0; i < 2; i++) {
      const r = await ask(POWER_LIST, { token: officer });
      expect(r.body!.errors).toBeUndefined();
      expect(r.reached).toBeGreaterThan(0);
      expect(r.headers.get('etag')).toBeNull();
      expect(r.headers.get('cache-control')).toBe('private, no-store');
    }
    // Nor does an authenticated caller get the public answer the cache holds for the same query.
    expect((await ask(POWER_LIST)).reached).toBe(0);
  });

  it('drops public answers when a new power item is published, so the public sees it at once', async () => {
    const before = await ask(POWER_LIST);
    expect(before.reached).toBe(0); // still cached from above
    const officer = await sys.token('OFFICER', 'midong-cgj', 'officer-sun');
    const reviewer = await sys.token('REVIEWER', 'midong-cgj', 'reviewer-zhang');
    // The R1 workflow through this gateway: drafted, submitted, approved, published.
    const viaThisGateway = { ...sys, gql: (q: string, v: Record<string, unknown> = {}, bearer?: string) => postVia(q, v, bearer) } as TestSystem;
    const created = await gqlOk(
      viaThisGateway,
      `mutation($input: CreatePowerItemInput!) { createPowerItem(input: $input) { id } }`,
      {
        input: {
          agencyId: sys.agencyId('midong-cgj'),
          code: '650109-CF-9028',
          item: {
            name: '对在禁止区域内露天烧烤食品的行政处罚（缓存测试）',
            category: 'PENALTY',
            enforcementArea: '城市管理综合执法',
            establishingBasis: [{ law: '中华人民共和国大气污染防治法', article: '第一百一十八条第三款' }],
            procedureSteps: ['立案', '调查取证', '告知', '决定', '送达', '执行', '结案'],
            reliefChannels: [{ kind: 'ADMINISTRATIVE_RECONSIDERATION', body: '米东区人民政府', timeLimit: '自知道之日起六十日内' }],
          },
        },
      },
      officer,
    );
    await publishThroughWorkflow(viaThisGateway, created, { officer, reviewer });
    const after = await ask(POWER_LIST);
    expect(after.reached).toBeGreaterThan(0);
    expect(after.body!.data.powerItems.totalCount).toBe(before.body!.data.powerItems.totalCount + 1);
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
  });
});

async function postVia(query: string, variables: Record<string, unknown>, bearer?: string) {
  const res = await fetch(gw.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { ...((await res.json()) as Record<string, unknown>), status: res.status, headers: res.headers } as Awaited<ReturnType<TestSystem['gql']>>;
}
