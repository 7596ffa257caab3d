import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRegistry } from '../../gateway/check.js';
import { composeRegistry, DEFAULT_SUPERGRAPH_PATH, loadRegistry, writeSupergraphFile } from '../../gateway/compose.js';
import { startGateway, type GatewayService } from '../../gateway/server.js';
import type { SupergraphSourceEvents } from '../../gateway/supergraph-watch.js';
import { SDL_PATH, startMarketCredit } from '../../examples/market-credit/server.js';
import { createLogger } from '../../subgraphs/shared/logger.js';
import type { RunningService } from '../../subgraphs/shared/server.js';
import { startTestSystem, type GqlResult, type TestSystem } from '../helpers/system.js';

// A partner department joins the supergraph, the whole path: build (start the partner subgraph), check
// (compose + breaking changes + tokenless probe), register (a registry and a supergraph file under the
// temp folder, never the committed ones), hot reload (a running gateway picks it up), query (join the
// partner's fields with cases' Enterprise.cases through the gateway).

const DEMO_USCC = '91230500MA1B3N1N2M';
const BUREAU = 'midong-cgj';
let sys: TestSystem;
let partner: RunningService;
let gw: GatewayService;
let dir: string;
let registryPath: string;
let supergraphPath: string;
let withoutPartnerSdl: string;
let withPartnerSdl: string;
const gwLog: Record<string, unknown>[] = [];
const committed = loadRegistry();

/** The committed subgraphs (SDL paths made absolute, URLs of this test's services), optionally with the partner. */
function registryFile(path: string, partnerUrl: string | null) {
  const urls: Record<string, string> = { powers: sys.powers.url, cases: sys.cases.url, reviews: sys.reviews.url, inspections: sys.inspections.url };
  const own = committed.subgraphs.map((s) => ({ name: s.name, sdl: join(committed.dir, s.sdl), url: urls[s.name] ?? s.url }));
  // A relative `sdl` resolves against the registry file's folder.
  writeFileSync(path, JSON.stringify({ subgraphs: [...own, ...(partnerUrl ? [{ name: 'market-credit', sdl: SDL_PATH, url: partnerUrl }] : [])] }, null, 2));
  return path;
}

function composed(path: string): string {
  const result = composeRegistry(loadRegistry(path));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.supergraphSdl;
}

/** Waits for the gateway's next reload or rejection (fails after 15 s rather than hanging). */
async function next<K extends keyof SupergraphSourceEvents>(event: K): Promise<SupergraphSourceEvents[K][0]> {
  const [payload] = (await once(gw.supergraph, event, { signal: AbortSignal.timeout(15_000) })) as SupergraphSourceEvents[K];
  return payload;
}

async function gql<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, bearer?: string): Promise<GqlResult<T>> {
  const res = await fetch(gw.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { ...((await res.json()) as Partial<GqlResult<T>>), status: res.status, headers: res.headers };
}

const JOINED = `query($uscc: String!) { enterpriseCredit(uscc: $uscc) {
  uscc creditRating { grade } abnormalOperationListStatus { listed reason }
  cases { totalCount edges { node { caseNumber party { name uscc } } } } } }`;

beforeAll(async () => {
  sys = await startTestSystem({ today: '2026-11-20' });
  dir = mkdtempSync(join(tmpdir(), 'sanxiang-partners-'));
  registryPath = join(dir, 'subgraphs.json');
  supergraphPath = join(dir, 'supergraph.graphql');
  // 1. Build: the partner runs as its own service on the same startSubgraph module as ours.
  partner = await startMarketCredit({ keys: sys.keys, log: createLogger('market-credit', 'silent') });
  // The gateway starts from a supergraph WITHOUT the partner, configured only through the environment.
  withoutPartnerSdl = composed(registryFile(registryPath, null));
  writeSupergraphFile(supergraphPath, withoutPartnerSdl);
  gw = await startGateway({
    config: sys.config,
    keys: sys.keys,
    log: createLogger('gateway', 'info', { write: (line: string) => void gwLog.push(JSON.parse(line) as Record<string, unknown>) }),
    port: 0,
    env: {
      ...process.env,
      SUPERGRAPH_PATH: supergraphPath,
      SUBGRAPH_REGISTRY: registryPath,
      POWERS_URL: sys.powers.url,
      CASES_URL: sys.cases.url,
      REVIEWS_URL: sys.reviews.url,
      INSPECTIONS_URL: sys.inspections.url,
    },
    watch: { debounceMs: 50, pollMs: 500 },
  });
});
afterAll(async () => {
  await gw?.close();
  await partner?.close();
  await sys?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a partner subgraph joins the running system', () => {
  it('check: the registry with the partner composes, breaks nothing, and every subgraph refuses a tokenless caller', async () => {
    const candidate = registryFile(join(dir, 'candidate.json'), partner.url);
    const env = { ...process.env, POWERS_URL: sys.powers.url, CASES_URL: sys.cases.url, REVIEWS_URL: sys.reviews.url, INSPECTIONS_URL: sys.inspections.url };
    const report = await checkRegistry({ registryPath: candidate, supergraphPath: DEFAULT_SUPERGRAPH_PATH, env, config: sys.config });
    expect(report.compositionErrors).toEqual([]);
    expect(report.diff!.breaking).toEqual([]);
    expect(report.diff!.added).toEqual(expect.arrayContaining(['Enterprise.creditRating', 'Enterprise.abnormalOperationListStatus', 'Query.enterpriseCredit']));
    // Real subgraphs, ours and the partner's, all answer 401 without a token: nothing is flagged.
    expect(Object.fromEntries(report.probes!.map((p) => [p.name, p.outcome]))).toEqual({
      ...Object.fromEntries(committed.subgraphs.map((s) => [s.name, 'protected'])),
      'market-credit': 'protected',
    });
    expect(report.ok).toBe(true);
  });

  it('before registration the gateway knows nothing of the partner', async () => {
    const r = await gql(JOINED, { uscc: DEMO_USCC });
    expect(r.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(gw.supergraph.current!.subgraphs).not.toContain('market-credit');
  });

  it('register + hot reload: the gateway takes the partner URL from the registry and swaps the supergraph in', async () => {
    // The supergraph is composed with a placeholder URL (as a CI build would); the registry the gateway reads
    // has the partner's real address. The join below only works if the gateway used the registry.
    withPartnerSdl = composed(registryFile(join(dir, 'build.json'), 'http://market-credit.invalid/graphql'));
    expect(withPartnerSdl).toContain('market-credit.invalid');
    registryFile(registryPath, partner.url);
    const reloaded = next('reload');
    writeSupergraphFile(supergraphPath, withPartnerSdl);
    const event = await reloaded;
    expect(event.subgraphs).toContain('market-credit');
    expect(gw.supergraph.reloads).toBe(1);
    expect(gwLog.some((l) => l.msg === 'supergraph reloaded' && (l.added as string[]).includes('market-credit'))).toBe(true);
    const ready = (await (await fetch(gw.url.replace('/graphql', '/ready'))).json()) as { supergraph: { subgraphs: string[]; reloads: number } };
    expect(ready.supergraph).toMatchObject({ reloads: 1, subgraphs: expect.arrayContaining(['market-credit', 'cases']) });
  });

  it('query: an officer joins the partner credit data with the cases of the same enterprise', async () => {
    const officer = await sys.token('OFFICER', BUREAU, 'officer-sun');
    const filed = await gql(
      `mutation($input: FileCaseInput!) { fileCase(input: $input) { id caseNumber } }`,
      {
        input: {
          agencyId: sys.agencyId(BUREAU),
          caseType: 'PENALTY',
          procedure: 'GENERAL',
          powerItemCode: '650109-CF-0001',
          party: { kind: 'LEGAL_PERSON', name: '乌鲁木齐某某建筑工程有限公司', uscc: DEMO_USCC, legalRepresentative: '张某', address: '米东区某路1号' },
          officerIds: [sys.officerId('officer-sun'), sys.officerId('officer-abdurahman')],
          source: { kind: 'COMPLAINT' },
          factsSummary: '在禁止区域露天烧烤。',
          idempotencyKey: 'partners-e2e-1',
        },
      },
      officer,
    );
    expect(filed.errors).toBeUndefined();
    const r = await gql(JOINED, { uscc: DEMO_USCC }, officer);
    expect(r.errors).toBeUndefined();
    expect(r.data!.enterpriseCredit).toEqual({
      uscc: DEMO_USCC,
      creditRating: { grade: 'C' },
      abnormalOperationListStatus: { listed: true, reason: '通过登记的住所或者经营场所无法联系' },
      cases: {
        totalCount: 1,
        edges: [{ node: { caseNumber: filed.data!.fileCase.caseNumber, party: { name: '乌鲁木齐某某建筑工程有限公司', uscc: DEMO_USCC } } }],
      },
    });
  });

  it('what PUBLIC and PARTNER callers see: published list status for all, the rating for PARTNER, no case rows for either', async () => {
    const pub = await gql(JOINED, { uscc: DEMO_USCC });
    expect(pub.data!.enterpriseCredit).toMatchObject({ creditRating: null, abnormalOperationListStatus: { listed: true }, cases: null });
    expect(pub.errors?.[0]).toMatchObject({ path: ['enterpriseCredit', 'cases'], extensions: { code: 'FORBIDDEN' } });
    const partnerToken = await sys.token('PARTNER', null);
    const asPartner = await gql(JOINED, { uscc: DEMO_USCC }, partnerToken);
    expect(asPartner.data!.enterpriseCredit).toMatchObject({ creditRating: { grade: 'C' }, cases: null });
    expect(asPartner.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // The 双公示 export is the restricted channel only for PARTNER.
    const EXPORT = '{ creditPublicityExport { restricted } }';
    expect((await gql(EXPORT, {}, partnerToken)).data!.creditPublicityExport.restricted).toBe(true);
    expect((await gql(EXPORT)).data!.creditPublicityExport.restricted).toBe(false);
  });

  it('rejects a supergraph that does not load, keeps serving the previous one, and logs why', async () => {
    const before = gw.supergraph.rejections;
    let rejected = next('reject');
    writeSupergraphFile(supergraphPath, 'this is { not graphql');
    expect((await rejected).reason).toMatch(/超图无法解析或校验失败/);
    rejected = next('reject');
    writeSupergraphFile(supergraphPath, 'type Query { hello: String }'); // valid GraphQL, not a supergraph
    expect((await rejected).reason).toMatch(/core schema/);
    expect(gw.supergraph.rejections).toBe(before + 2);
    expect(gw.supergraph.reloads).toBe(1);
    const line = gwLog.find((l) => l.level === 50 && String(l.msg).startsWith('supergraph rejected, the previous one keeps serving'));
    expect(line?.reason).toMatch(/超图/);
    const r = await gql(JOINED, { uscc: DEMO_USCC }, await sys.token('PARTNER', null));
    expect(r.data!.enterpriseCredit.creditRating).toEqual({ grade: 'C' });
  });

  it('loses no query during two supergraph swaps under a stream of concurrent requests', async () => {
    const query = `{ agencies { name } publications(first: 1) { totalCount } }`;
    const results: { ok: boolean; started: number; ended: number; detail: string }[] = [];
    let swapsDone = false;
    const worker = async () => {
      while (!swapsDone || results.length < 300) {
        const started = performance.now();
        const r = await gql(query).catch((err: unknown) => ({ status: 0, errors: [{ message: String(err) }], data: null }));
        const ok = r.status === 200 && !r.errors && (r.data as { agencies?: unknown[] } | null)?.agencies?.length !== undefined;
        results.push({ ok, started, ended: performance.now(), detail: ok ? '' : JSON.stringify(r.errors) });
      }
    };
    const workers = Array.from({ length: 24 }, worker);
    while (results.length < 40) await new Promise((resolve) => setTimeout(resolve, 10));
    const swapTimes: number[] = [];
    for (const sdl of [withoutPartnerSdl, withPartnerSdl]) {
      const reloaded = next('reload');
      writeSupergraphFile(supergraphPath, sdl);
      await reloaded;
      swapTimes.push(performance.now());
    }
    swapsDone = true;
    await Promise.all(workers);
    expect(gw.supergraph.reloads).toBe(3);
    expect(results.length).toBeGreaterThanOrEqual(300);
    expect(results.filter((r) => !r.ok).map((r) => r.detail)).toEqual([]);
    // Requests were in flight across each swap (started before it, answered after it).
    for (const t of swapTimes) expect(results.filter((r) => r.started < t && r.ended > t).length).toBeGreaterThan(0);
    expect(gw.supergraph.current!.subgraphs).toContain('market-credit');
  }, 120_000);
});
