import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRegistry, formatCheckReport } from '../../registry/check.js';
import { DEFAULT_SUPERGRAPH_PATH, type RegisteredSubgraph } from '../../kernel/schema/registry-file.js';
import { listHistory, sha256 } from '../../kernel/schema/history.js';
import type { PartnerKit } from '../../registry/partner-kit.js';
import { startGateway, type GatewayService } from '../../gateway/server.js';
import type { SupergraphSourceEvents } from '../../gateway/supergraph-watch.js';
import { GRANTS as MC_GRANTS, SDL_PATH as MC_SDL, startMarketCredit } from '../../examples/market-credit/server.js';
import { SDL_PATH as WA_SDL } from '../../examples/wage-arrears/server.js';
import { createLogger } from '../../kernel/logger.js';
import type { RunningService } from '../../kernel/server.js';
import { committedRegistry, writeRegistry } from '../helpers/registry.js';
import { startTestSystem, type GqlResult, type TestSystem } from '../helpers/system.js';

// Partners join the running system, the whole path: build (market-credit on the project's own server module;
// wage-arrears on graphql-yoga + jose as its own process, configured only from `npm run partner:kit`), check
// (composition, ownership, breaking changes, six probes and the served SDL), register and compose (recorded),
// hot reload, query across subgraphs, a breaking change refused / approved / rolled back under load with the
// gateway naming the served record, and the clients a change would break, from the gateway's own usage counts.

const run = promisify(execFile);
const DEMO_USCC = '91230500MA1B3N1N2M';
const BUREAU = 'midong-cgj';
let sys: TestSystem;
let marketCredit: RunningService;
let wageArrears: { process: ChildProcess; url: string; kit: PartnerKit };
let gw: GatewayService;
let dir: string;
let registryPath: string;
let supergraphPath: string;
let usageDir: string;
const gwLog: Record<string, unknown>[] = [];

const coreUrls = () => ({ powers: sys.powers.url, cases: sys.cases.url, reviews: sys.reviews.url, inspections: sys.inspections.url });
const mcEntry = (url: string, sdl = MC_SDL): RegisteredSubgraph => ({ name: 'market-credit', sdl, url, grants: MC_GRANTS });
const waEntry = (url: string): RegisteredSubgraph => ({ ...wageArrears.kit.registryEntry, sdl: WA_SDL, url });

/** The CLI as an operator runs it, against this test's registry and supergraph. */
async function compose(args: string[], env: Record<string, string> = {}) {
  return run('node_modules/.bin/tsx', ['scripts/compose.ts', ...args], {
    env: {
      ...process.env,
      SUBGRAPH_REGISTRY: registryPath,
      SUPERGRAPH_PATH: supergraphPath,
      FIELD_USAGE_DIR: usageDir,
      COMPOSE_AUTHOR: '网关运维 e2e',
      // Where the running services are: `npm run compose` probes them before it writes (issue 29).
      ...Object.fromEntries(Object.entries(coreUrls()).map(([n, u]) => [`${n.toUpperCase()}_URL`, u])),
      ...(marketCredit ? { MARKET_CREDIT_URL: marketCredit.url } : {}),
      ...(wageArrears ? { WAGE_ARREARS_URL: wageArrears.url } : {}),
      ...env,
    },
  }).then(
    (r) => ({ code: 0, ...r }),
    (err: { code: number; stdout: string; stderr: string }) => err,
  );
}

/**
 * Waits for the gateway's next reload or rejection; fails rather than hanging. The wait starts before the file is
 * written (or the CLI that writes it runs, which takes a while on a busy machine), so the limit is generous.
 */
async function next<K extends keyof SupergraphSourceEvents>(event: K, timeoutMs = 120_000): Promise<SupergraphSourceEvents[K][0]> {
  const [payload] = (await once(gw.supergraph, event, { signal: AbortSignal.timeout(timeoutMs) })) as SupergraphSourceEvents[K];
  return payload;
}

async function gql<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, bearer?: string, client?: string): Promise<GqlResult<T>> {
  const res = await fetch(gw.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      ...(client ? { 'apollographql-client-name': client } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { ...((await res.json()) as Partial<GqlResult<T>>), status: res.status, headers: res.headers };
}

const ready = async () =>
  (
    (await (await fetch(gw.url.replace('/graphql', '/ready'))).json()) as {
      supergraph: { id: string | null; sha256: string; subgraphs: string[]; reloads: number };
    }
  ).supergraph;

/** The wage-arrears partner as its own process: only the kit's public key and a port, nothing of the project's. */
async function spawnWageArrears(): Promise<typeof wageArrears> {
  const { stdout } = await run('node_modules/.bin/tsx', ['scripts/partner-kit.ts', '--name', 'wage-arrears', '--sdl', WA_SDL, '--json'], { env: process.env });
  const kit = JSON.parse(stdout) as PartnerKit;
  const child = spawn(process.execPath, ['--import', 'tsx', 'examples/wage-arrears/main.ts'], {
    env: { PATH: process.env.PATH, INTERNAL_TOKEN_PUBLIC_KEY: JSON.stringify(kit.publicJwk), WAGE_ARREARS_PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /"url":"([^"]+)"/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`wage-arrears exited with ${code}: ${out}`)));
    setTimeout(() => reject(new Error(`wage-arrears did not start: ${out}`)), 120_000).unref(); // generous: a loaded machine (issue 23)
  });
  return { process: child, url, kit };
}

const JOINED = `query($uscc: String!) { enterpriseCredit(uscc: $uscc) {
  uscc creditRating { grade } abnormalOperationListStatus { listed reason }
  wageArrearsListing { listed arrearsAmount }
  cases { totalCount edges { node { caseNumber party { name uscc } } } } } }`;

beforeAll(async () => {
  sys = await startTestSystem({ today: '2026-11-20' });
  dir = mkdtempSync(join(tmpdir(), 'sanxiang-partners-'));
  registryPath = join(dir, 'subgraphs.json');
  supergraphPath = join(dir, 'supergraph.graphql');
  usageDir = join(dir, 'usage');
  // 1. Build: one partner on the project's startSubgraph, one on another stack in a process of its own.
  marketCredit = await startMarketCredit({ keys: sys.keys, log: createLogger('market-credit', 'silent') });
  wageArrears = await spawnWageArrears();
  // The gateway starts from a recorded supergraph WITHOUT the partners, configured only through the environment.
  writeRegistry(registryPath, { urls: coreUrls() });
  expect((await compose(['--reason', '初始：仅核心子图'])).code).toBe(0);
  gw = await startGateway({
    config: sys.config,
    keys: sys.keys,
    log: createLogger('gateway', 'info', { write: (line: string) => void gwLog.push(JSON.parse(line) as Record<string, unknown>) }),
    port: 0,
    env: {
      ...process.env,
      SUPERGRAPH_PATH: supergraphPath,
      SUBGRAPH_REGISTRY: registryPath,
      FIELD_USAGE_DIR: usageDir,
      FIELD_USAGE_FLUSH_MS: '100',
      POWERS_URL: sys.powers.url,
      CASES_URL: sys.cases.url,
      REVIEWS_URL: sys.reviews.url,
      INSPECTIONS_URL: sys.inspections.url,
    },
    watch: { debounceMs: 50, pollMs: 500 },
  });
}, 300_000);
afterAll(async () => {
  await gw?.close();
  await marketCredit?.close();
  if (wageArrears?.process.exitCode === null) {
    wageArrears.process.kill('SIGTERM');
    await once(wageArrears.process, 'exit');
  }
  await sys?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('partner subgraphs join the running system', () => {
  it('kit: the wage-arrears kit names the key, audience, claims and the one grant its SDL needs', () => {
    const { kit } = wageArrears;
    expect(kit.publicJwk).toEqual({ kty: 'OKP', crv: 'Ed25519', x: expect.any(String) });
    expect(kit.publicJwk).not.toHaveProperty('d');
    expect(kit.token).toMatchObject({ alg: 'EdDSA', issuer: 'sanxiang-internal', audience: 'sanxiang:wage-arrears', lifetimeSeconds: 60 });
    expect(Object.keys(kit.token.claims)).toEqual(expect.arrayContaining(['sub', 'role', 'agency', 'officer', 'rid', 'iat', 'exp']));
    expect(kit.registryEntry.grants).toEqual(['Enterprise.wageArrearsListing']);
    expect(kit.policyProblems).toEqual([]);
    expect(kit.checkCommand).toMatch(/^PORT=\d+ .*WAGE_ARREARS_URL=.* npm run compose -- --check$/);
  });

  it('check: both partners compose, keep to the policy, break nothing, refuse every bad token and serve their registered SDL', async () => {
    const candidate = writeRegistry(join(dir, 'candidate.json'), { urls: coreUrls(), extra: [mcEntry(marketCredit.url), waEntry(wageArrears.url)] });
    // No config: the probes go to the registry's URLs (this test's services), as for any staging registry.
    const report = await checkRegistry({ registryPath: candidate, supergraphPath: DEFAULT_SUPERGRAPH_PATH, keys: sys.keys });
    expect(report.compositionErrors).toEqual([]);
    expect(report.policy!.violations).toEqual([]);
    expect(report.diff!.breaking).toEqual([]);
    expect(report.diff!.added).toEqual(expect.arrayContaining(['Enterprise.creditRating', 'Enterprise.wageArrearsListing', 'Query.wageArrearsByUscc']));
    expect(Object.fromEntries(report.probes!.map((p) => [p.name, [p.outcome, p.sdl?.equal, p.steps.map((s) => s.status).join(',')]]))).toEqual(
      Object.fromEntries(
        // 13 refusals (no token, unsigned, wrong key, expired, misaddressed, the 4 other subgraphs' audiences and an
        // unregistered one, GET, an ordinary query without and with a forged token), then the valid token's 200.
        [...committedRegistry.subgraphs.map((s) => s.name), 'market-credit', 'wage-arrears'].map((n) => [n, ['passed', true, `${'401,'.repeat(13)}200`]]),
      ),
    );
    expect(report.ok).toBe(true);
    // The documented command, as an operator types it: core subgraphs at <NAME>_URL (PORT+n by default), partners at
    // the registry's URL, the signing key from the key folder.
    const urls = Object.fromEntries(Object.entries(coreUrls()).map(([n, u]) => [`${n.toUpperCase()}_URL`, u]));
    const cli = await compose(['--check'], { SUBGRAPH_REGISTRY: candidate, SUPERGRAPH_PATH: DEFAULT_SUPERGRAPH_PATH, ...urls });
    expect(cli.code, cli.stdout).toBe(0);
    expect(cli.stdout).toMatch(/✓ 子图 wage-arrears .*伪造、过期、错投的令牌与无令牌的 GET、普通查询均被拒绝（401），有效令牌下提供的 SDL 与登记一致/);
  }, 180_000);

  it('before registration the gateway knows nothing of the partners, and /ready names the recorded supergraph', async () => {
    const r = await gql(JOINED, { uscc: DEMO_USCC });
    expect(r.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const served = await ready();
    const [first] = listHistory(join(dir, 'history'));
    expect(served).toMatchObject({ id: first!.id, sha256: sha256(readFileSync(supergraphPath, 'utf8')), reloads: 0 });
    expect(served.subgraphs).not.toContain('wage-arrears');
  });

  it('register + compose + hot reload: the gateway takes the partners URLs from its registry and serves the recorded file', async () => {
    // The supergraph is composed from a build registry with placeholder URLs (as CI would); the registry the
    // gateway reads has the real addresses. The joins below work only if the gateway used its registry.
    const build = writeRegistry(join(dir, 'build.json'), {
      extra: [mcEntry('http://market-credit.invalid/graphql'), waEntry('http://wage-arrears.invalid/graphql')],
    });
    writeRegistry(registryPath, { urls: coreUrls(), extra: [mcEntry(marketCredit.url), waEntry(wageArrears.url)] });
    const reloaded = next('reload');
    const written = await compose(['--reason', '接入 market-credit 与 wage-arrears'], { SUBGRAPH_REGISTRY: build });
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toContain('新增子图 (subgraph added): market-credit');
    const event = await reloaded;
    expect(event.subgraphs).toEqual(expect.arrayContaining(['market-credit', 'wage-arrears']));
    expect(readFileSync(supergraphPath, 'utf8')).toContain('wage-arrears.invalid');
    const record = listHistory(join(dir, 'history')).at(-1)!;
    expect(record).toMatchObject({ action: 'compose', author: '网关运维 e2e', reason: '接入 market-credit 与 wage-arrears' });
    expect(await ready()).toMatchObject({ id: record.id, reloads: 1 });
    expect(gwLog.some((l) => l.msg === 'supergraph reloaded' && (l.added as string[]).includes('wage-arrears'))).toBe(true);
  }, 180_000);

  it('query: an officer joins both partners data with the cases of the same enterprise', async () => {
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
    const r = await gql(JOINED, { uscc: DEMO_USCC }, officer, 'duty-app');
    expect(r.errors).toBeUndefined();
    expect(r.data!.enterpriseCredit).toEqual({
      uscc: DEMO_USCC,
      creditRating: { grade: 'C' },
      abnormalOperationListStatus: { listed: true, reason: '通过登记的住所或者经营场所无法联系' },
      wageArrearsListing: { listed: true, arrearsAmount: '386500.00' },
      cases: {
        totalCount: 1,
        edges: [{ node: { caseNumber: filed.data!.fileCase.caseNumber, party: { name: '乌鲁木齐某某建筑工程有限公司', uscc: DEMO_USCC } } }],
      },
    });
    // The yoga partner's own root field, and its refusal in the project's error format.
    const own = await gql(`{ wageArrearsByUscc(uscc: "${DEMO_USCC}") { wageArrearsListing { decidedBy } cases { totalCount } } }`, {}, officer);
    expect(own.data!.wageArrearsByUscc).toEqual({ wageArrearsListing: { decidedBy: '乌鲁木齐市米东区人力资源和社会保障局' }, cases: { totalCount: 1 } });
    const bad = await gql(`{ wageArrearsByUscc(uscc: "12345") { uscc } }`);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'uscc', serviceName: 'wage-arrears' });
  });

  it('what PUBLIC and PARTNER callers see: public listings for all, ratings and amounts for PARTNER, no case rows for either', async () => {
    const pub = await gql(JOINED, { uscc: DEMO_USCC });
    expect(pub.data!.enterpriseCredit).toMatchObject({
      creditRating: null,
      abnormalOperationListStatus: { listed: true },
      wageArrearsListing: { listed: true, arrearsAmount: null },
      cases: null,
    });
    expect(pub.errors?.[0]).toMatchObject({ path: ['enterpriseCredit', 'cases'], extensions: { code: 'FORBIDDEN' } });
    const partnerToken = await sys.token('PARTNER', null);
    const asPartner = await gql(JOINED, { uscc: DEMO_USCC }, partnerToken);
    expect(asPartner.data!.enterpriseCredit).toMatchObject({ creditRating: { grade: 'C' }, wageArrearsListing: { arrearsAmount: '386500.00' }, cases: null });
    expect(asPartner.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const EXPORT = '{ creditPublicityExport { restricted } }';
    expect((await gql(EXPORT, {}, partnerToken)).data!.creditPublicityExport.restricted).toBe(true);
    expect((await gql(EXPORT)).data!.creditPublicityExport.restricted).toBe(false);
  });

  it('usage: the check names the clients that used a field a change would remove', { timeout: 120_000 }, async () => {
    await gql('{ enterpriseCredit(uscc: "91230500MA1B3N1N2M") { abnormalOperationListStatus { listed } } }', {}, undefined, 'publicity-portal');
    await gql('{ enterpriseCredit(uscc: "91230500MA1B3N1N2M") { abnormalOperationListStatus { listed } } }', {}, undefined, 'publicity-portal');
    const narrowed = join(dir, 'market-credit-narrowed.graphql');
    writeFileSync(
      narrowed,
      readFileSync(MC_SDL, 'utf8').replace(/\n\s*"经营异常名录状态[^"]*"\n\s*abnormalOperationListStatus: AbnormalOperationListStatus/, ''),
    );
    const candidate = writeRegistry(join(dir, 'narrowed.json'), {
      urls: coreUrls(),
      extra: [{ ...mcEntry(marketCredit.url, narrowed), grants: ['Enterprise.creditRating'] }, waEntry(wageArrears.url)],
    });
    // The gateway flushes its counts every 100 ms here: check until they are in (however slow the machine; issue 23).
    const usedBy = (r: Awaited<ReturnType<typeof checkRegistry>>) => r.affected.find((a) => a.coordinate === 'Enterprise.abnormalOperationListStatus');
    let report = await checkRegistry({ registryPath: candidate, supergraphPath, probe: false, usageDir, usageDays: 7 });
    for (
      const end = performance.now() + 60_000;
      !usedBy(report)?.clients.some((c) => c.client === 'publicity-portal' && c.count >= 2) && performance.now() < end;
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      report = await checkRegistry({ registryPath: candidate, supergraphPath, probe: false, usageDir, usageDays: 7 });
    }
    expect(report.ok).toBe(false);
    const used = usedBy(report)!;
    // Named clients, and the traffic that named none (the PUBLIC queries above sent no client header).
    expect(used.clients.map((c) => `${c.client} ${c.count}`).sort()).toEqual(['(unidentified) 2', 'duty-app 1', 'publicity-portal 2']);
    expect(formatCheckReport(report).join('\n')).toMatch(
      /Enterprise\.abnormalOperationListStatus（删除了字段 \(field removed\)）近 7 天的使用者: .*publicity-portal 2 次（最近 \d{4}-\d\d-\d\d）.*duty-app 1 次/,
    );
  });

  it('a breaking compose is refused; approved it is recorded and served; --rollback restores the previous file — without dropping a request', async () => {
    const query = `{ agencies { name } enterpriseCredit(uscc: "${DEMO_USCC}") { creditRating { grade } wageArrearsListing { listed } } }`;
    const results: { ok: boolean; started: number; ended: number; detail: string }[] = [];
    let done = false;
    const worker = async () => {
      const partnerToken = await sys.token('PARTNER', null);
      while (!done || results.length < 200) {
        const started = performance.now();
        const r = await gql(query, {}, partnerToken, 'load-test').catch((err: unknown) => ({ status: 0, errors: [{ message: String(err) }], data: null }));
        const ok =
          r.status === 200 && !r.errors && (r.data as { enterpriseCredit?: { creditRating?: unknown } } | null)?.enterpriseCredit?.creditRating !== undefined;
        results.push({ ok, started, ended: performance.now(), detail: ok ? '' : JSON.stringify(r.errors) });
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    while (results.length < 20) await new Promise((resolve) => setTimeout(resolve, 10));

    // The registry now drops abnormalOperationListStatus: a breaking change.
    const narrowed = join(dir, 'market-credit-narrowed.graphql');
    const before = listHistory(join(dir, 'history')).at(-1)!;
    writeRegistry(join(dir, 'build-narrowed.json'), {
      extra: [
        { ...mcEntry('http://market-credit.invalid/graphql', narrowed), grants: ['Enterprise.creditRating'] },
        waEntry('http://wage-arrears.invalid/graphql'),
      ],
    });
    const env = { SUBGRAPH_REGISTRY: join(dir, 'build-narrowed.json') };
    // --offline: the running market-credit still serves the wider SDL, which the probes would refuse before the breaking
    // change is even looked at (compose-check.test.ts); this is about the gate on breaking changes.
    const refused = await compose(['--offline'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('删除了字段 (field removed)：Enterprise.abnormalOperationListStatus was removed.');
    expect(refused.stderr).toMatch(/publicity-portal 2 次/);
    expect((await ready()).id).toBe(before.id);

    const swaps: number[] = [];
    // Each swap's time is when the gateway reports it, not when the CLI returns.
    let reloaded = next('reload').then(() => performance.now());
    const approved = await compose(['--offline', '--approve', '经营异常名录改由公示系统提供，已通知 publicity-portal'], env);
    expect(approved.code, approved.stderr).toBe(0);
    swaps.push(await reloaded);
    const record = listHistory(join(dir, 'history')).at(-1)!;
    expect(record).toMatchObject({
      action: 'compose',
      approvedBreaking: true,
      reason: '经营异常名录改由公示系统提供，已通知 publicity-portal',
      previous: { id: before.id },
    });
    expect(record.clientsAffected.join('\n')).toContain('publicity-portal');
    expect((await ready()).id).toBe(record.id);
    expect((await gql('{ enterpriseCredit(uscc: "91230500MA1B3N1N2M") { abnormalOperationListStatus { listed } } }')).errors?.[0]?.extensions?.code).toBe(
      'GRAPHQL_VALIDATION_FAILED',
    );

    reloaded = next('reload').then(() => performance.now());
    const back = await compose(['--rollback', before.id]);
    expect(back.code, back.stderr).toBe(0);
    swaps.push(await reloaded);
    const rollback = listHistory(join(dir, 'history')).at(-1)!;
    expect(rollback).toMatchObject({ action: 'rollback', restores: before.id, previous: { id: record.id } });
    expect(await ready()).toMatchObject({ id: rollback.id, sha256: before.sha256 });
    const restored = await gql('{ enterpriseCredit(uscc: "91230500MA1B3N1N2M") { abnormalOperationListStatus { listed } } }');
    expect(restored.data!.enterpriseCredit).toEqual({ abnormalOperationListStatus: { listed: true } });

    done = true;
    await Promise.all(workers);
    expect(results.length).toBeGreaterThanOrEqual(200);
    expect(results.filter((r) => !r.ok).map((r) => r.detail)).toEqual([]);
    // Requests were in flight across each swap (started before it, answered after it).
    for (const t of swaps) expect(results.filter((r) => r.started < t && r.ended > t).length, 'requests in flight across a swap').toBeGreaterThan(0);
  }, 400_000);

  it('rejects a supergraph that does not load, keeps serving the previous one, and logs why', async () => {
    const before = gw.supergraph.rejections;
    const reloads = gw.supergraph.reloads;
    let rejected = next('reject');
    writeFileSync(supergraphPath, 'this is { not graphql');
    expect((await rejected).reason).toMatch(/超图无法解析或校验失败/);
    rejected = next('reject');
    writeFileSync(supergraphPath, 'type Query { hello: String }'); // valid GraphQL, not a supergraph
    expect((await rejected).reason).toMatch(/core schema/);
    expect(gw.supergraph.rejections).toBe(before + 2);
    expect(gw.supergraph.reloads).toBe(reloads);
    const line = gwLog.find((l) => l.level === 50 && String(l.msg).startsWith('supergraph rejected, the previous one keeps serving'));
    expect(line?.reason).toMatch(/超图/);
    const r = await gql(JOINED, { uscc: DEMO_USCC }, await sys.token('PARTNER', null));
    expect(r.data!.enterpriseCredit.creditRating).toEqual({ grade: 'C' });
    // /ready still names the record of what is served, not the rejected file on disk.
    expect((await ready()).id).toBe(listHistory(join(dir, 'history')).at(-1)!.id);
  });
});
