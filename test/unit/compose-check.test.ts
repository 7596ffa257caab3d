import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kind, parse, print, visit, type FieldDefinitionNode } from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import * as jose from 'jose';
import { checkRegistry, formatCheckReport, type CheckReport } from '../../registry/check.js';
import { DEFAULT_SUPERGRAPH_PATH, type RegisteredSubgraph } from '../../kernel/schema/registry-file.js';
import { compareSdl } from '../../registry/probes.js';
import { listHistory } from '../../kernel/schema/history.js';
import { GRANTS as MC_GRANTS, SDL_PATH as MC_SDL, startMarketCredit } from '../../examples/market-credit/server.js';
import { GRANTS as WA_GRANTS, SDL_PATH as WA_SDL, startWageArrears } from '../../examples/wage-arrears/server.js';
import { INTERNAL_ISSUER, loadKeyMaterial, type KeyMaterial } from '../../kernel/identity.js';
import { createLogger } from '../../kernel/logger.js';
import { startSubgraph, type RunningService } from '../../kernel/server.js';
import { committedRegistry, writeRegistry } from '../helpers/registry.js';

// `npm run compose -- --check` without a database: the ownership policy, breaking changes against the committed
// supergraph, and the probes (forged, expired, misaddressed tokens; the served SDL) against real HTTP servers —
// the two example partners, the project's own startSubgraph, and deliberately lax partners.

// The lax partners execute through @apollo/subgraph's schema, built by graphql's CommonJS copy: use that copy.
const cjsGraphql = createRequire(import.meta.url)('graphql') as typeof import('graphql');

const run = promisify(execFile);
const CORE = committedRegistry.subgraphs.map((s) => s.name);
const CLOSED = 'http://127.0.0.1:9/graphql';
const coreUnreachable = Object.fromEntries(CORE.map((n) => [n, CLOSED]));
let dir: string;
let keys: KeyMaterial;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sanxiang-compose-check-'));
  keys = await loadKeyMaterial(process.env.SANXIANG_KEY_DIR!);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const registry = (name: string, opts: Parameters<typeof writeRegistry>[1] = {}) => writeRegistry(join(dir, `${name}.json`), opts);
const partner = (name: string, sdl: string, url = CLOSED, grants: string[] = []): RegisteredSubgraph => ({ name, sdl, url, grants });
const check = (registryPath: string, more: Parameters<typeof checkRegistry>[0] = {}) =>
  checkRegistry({ registryPath, supergraphPath: DEFAULT_SUPERGRAPH_PATH, probe: false, ...more });
const text = (r: CheckReport) => formatCheckReport(r).join('\n');

const powersSdl = () => readFileSync(join(committedRegistry.dir, 'powers.graphql'), 'utf8');

/** Edits one field of one type in an SDL; fails the test if the field is not there (the fixture would prove nothing). */
function editField(sdl: string, type: string, field: string, edit: (f: FieldDefinitionNode) => FieldDefinitionNode | null): string {
  let found = false;
  const out = visit(parse(sdl), {
    FieldDefinition(node, _k, _p, _path, ancestors) {
      const owner = ancestors[ancestors.length - 1] as { name?: { value: string } } | undefined;
      if (owner?.name?.value !== type || node.name.value !== field) return undefined;
      found = true;
      return edit(node);
    },
  });
  expect(found, `${type}.${field} exists in powers.graphql`).toBe(true);
  return print(out);
}

const FED = (imports: string) => `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: [${imports}])\n`;

describe('breaking changes against the committed supergraph', () => {
  it('passes the committed registry unchanged', async () => {
    const report = await check(registry('same'));
    expect(report.compositionErrors).toEqual([]);
    expect(report.policy!.violations).toEqual([]);
    expect(report.diff?.breaking).toEqual([]);
    expect(report.upToDate).toBe(true);
    expect(report.ok).toBe(true);
  });

  it('catches a removed field, an argument made required, a non-null output made nullable and a removed enum value', async () => {
    let sdl = editField(powersSdl(), 'Query', 'exAnteWorkQueue', () => null);
    sdl = editField(sdl, 'Query', 'powerItems', (f) => ({
      ...f,
      arguments: f.arguments?.map((a) => (a.name.value === 'first' ? { ...a, type: { kind: Kind.NON_NULL_TYPE, type: a.type as never } } : a)),
    }));
    sdl = editField(sdl, 'Query', 'agencies', (f) => ({ ...f, type: f.type.kind === Kind.NON_NULL_TYPE ? f.type.type : f.type }));
    const before = sdl;
    sdl = sdl.replace(/(enum CredentialStatus \{[^}]*?)\n\s*REVOKED/, '$1');
    expect(sdl).not.toBe(before);

    const report = await check(registry('breaking', { sdl: { powers: file('breaking-powers.graphql', sdl) } }));
    expect(report.compositionErrors).toEqual([]);
    expect(report.ok).toBe(false);
    const byType = Object.fromEntries(report.diff!.breaking.map((c) => [c.type, c.message]));
    expect(byType.FIELD_REMOVED).toMatch(/删除了字段.*Query\.exAnteWorkQueue/);
    expect(byType.ARG_CHANGED_KIND).toMatch(/参数类型改变.*first.*Int!/);
    expect(byType.FIELD_CHANGED_KIND).toMatch(/Query\.agencies changed type from \[Agency!\]! to \[Agency!\]/);
    expect(byType.VALUE_REMOVED_FROM_ENUM).toMatch(/REVOKED/);
    // The coordinates usage is matched against: what each change takes away.
    expect(report.diff!.impacts.map((i) => i.coordinate)).toEqual(
      expect.arrayContaining(['Query.exAnteWorkQueue', 'Query.powerItems(first:)', 'Query.agencies', 'CredentialStatus']),
    );
    expect(text(report)).toContain('破坏性变更 (BREAKING CHANGES): 4');
    expect(text(report)).toContain('检查未通过');
  });

  it('accepts an added field as safe but says the supergraph file is stale', async () => {
    const sdl = powersSdl().replace(/type Query \{/, 'type Query {\n  "测试新增"\n  agencyCount: Int');
    const report = await check(registry('additive', { sdl: { powers: file('additive-powers.graphql', sdl) } }));
    expect(report.ok).toBe(true);
    expect(report.upToDate).toBe(false);
    expect(report.diff!.added).toEqual(['Query.agencyCount']);
    expect(text(report)).toContain('npm run compose');
  });

  it('rejects a registry entry without an SDL path, naming the entry', async () => {
    const path = file('bad-registry.json', JSON.stringify({ subgraphs: [{ name: 'partner', url: CLOSED }] }));
    const report = await check(path);
    expect(report.ok).toBe(false);
    expect(report.compositionErrors[0]).toMatch(/subgraphs\[0\].*缺少 sdl/);
  });

  it('`npm run compose -- --check --no-probe` exits 1 with the breaking change in plain words, and 0 for the committed files', async () => {
    const sdl = editField(powersSdl(), 'Query', 'exAnteWorkQueue', () => null);
    const env = {
      ...process.env,
      SUBGRAPH_REGISTRY: registry('cli', { sdl: { powers: file('cli-powers.graphql', sdl) } }),
      SUPERGRAPH_PATH: DEFAULT_SUPERGRAPH_PATH,
    };
    const failed = await run('node_modules/.bin/tsx', ['scripts/compose.ts', '--check', '--no-probe'], { env }).then(
      () => null,
      (err: { code: number; stdout: string }) => err,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toContain('删除了字段 (field removed)：Query.exAnteWorkQueue was removed.');
    const { SUBGRAPH_REGISTRY: _r, SUPERGRAPH_PATH: _s, ...clean } = process.env;
    const passed = await run('node_modules/.bin/tsx', ['scripts/compose.ts', '--check', '--no-probe'], { env: clean });
    expect(passed.stdout).toContain('✓ 符合归属策略');
    expect(passed.stdout).toContain('检查通过');
  }, 120_000);
});

describe('the ownership policy', () => {
  /** A registry with one partner whose SDL is `sdl`; the check must fail naming `coordinate` and `rule`. */
  async function expectViolation(name: string, sdl: string, rule: string, coordinate: string, grants: string[] = []) {
    const report = await check(registry(name, { extra: [partner('rogue', file(`${name}.graphql`, sdl), CLOSED, grants)] }));
    expect(report.ok).toBe(false);
    expect(report.policy!.violations).toContainEqual(expect.objectContaining({ rule, subgraph: 'rogue', coordinate }));
    const line = formatCheckReport(report).find((l) => l.includes(`[规则 ${rule}]`) && l.includes(coordinate));
    expect(line, `a report line names ${coordinate} and the rule ${rule}`).toBeDefined();
    expect(text(report)).toContain('违反归属策略 (OWNERSHIP POLICY VIOLATIONS)');
    return report;
  }

  it('fails an @override hijack of a core field although it composes', async () => {
    const report = await expectViolation(
      'override',
      `${FED('"@key", "@override"')}type Agency @key(fields: "id") { id: ID! name: String! @override(from: "powers") }`,
      'override-unowned',
      'Agency.name',
    );
    // Composition alone would have let it through: this is what the policy is for.
    expect(report.compositionErrors).toEqual([]);
    expect(report.policy!.violations[0]!.message).toMatch(/@override\(from: "powers"\).*Agency\.name 归 powers 所有/);
  });

  it('sees through a renamed or namespaced @override', async () => {
    await expectViolation(
      'renamed',
      `${FED('"@key", { name: "@override", as: "@claim" }')}type Agency @key(fields: "id") { id: ID! name: String! @claim(from: "powers") }`,
      'override-unowned',
      'Agency.name',
    );
    await expectViolation(
      'namespaced',
      `${FED('"@key"')}type Agency @key(fields: "id") { id: ID! name: String! @federation__override(from: "powers") }`,
      'override-unowned',
      'Agency.name',
    );
  });

  it('fails an ungranted new field on Agency, and names the grant it would need', async () => {
    const report = await expectViolation(
      'unowned',
      `${FED('"@key"')}type Agency @key(fields: "id") { id: ID! creditCode: String }`,
      'field-not-granted',
      'Agency.creditCode',
    );
    expect(report.compositionErrors).toEqual([]);
    expect(report.policy!.violations[0]!.message).toContain('grants 中登记 "Agency.creditCode"');
  });

  it('fails a @shareable takeover of a core field', async () => {
    await expectViolation(
      'shareable',
      `${FED('"@key", "@shareable"')}type Agency @key(fields: "id") { id: ID! name: String! @shareable }`,
      'shareable-takeover',
      'Agency.name',
    );
  });

  it('fails partner types and root fields that collide with core names, and extensions of shared value types', async () => {
    await expectViolation('collide-type', `type AgencyPolicy { note: String } type Query { roguePing: Int }`, 'type-name-collision', 'AgencyPolicy');
    await expectViolation('collide-enum', `enum CaseType { PENALTY } type Query { roguePing: CaseType }`, 'type-name-collision', 'CaseType');
    await expectViolation('collide-root', `type Query { agencies: [String] }`, 'root-field-collision', 'Query.agencies');
    await expectViolation(
      'widen-shared',
      `${FED('"@shareable"')}type PageInfo @shareable { hasNextPage: Boolean! leak: String }`,
      'shared-type-extended',
      'PageInfo.leak',
    );
  });

  it('fails @inaccessible on a core entity, a new key on it, and @provides of a core field', async () => {
    await expectViolation(
      'inaccessible',
      `${FED('"@key", "@inaccessible"')}type Agency @key(fields: "id", resolvable: false) @inaccessible { id: ID! }`,
      'foreign-directive',
      'Agency',
    );
    await expectViolation('newkey', `${FED('"@key"')}type Agency @key(fields: "name") { name: String! }`, 'foreign-key', 'Agency');
    await expectViolation(
      'provides',
      `${FED('"@key", "@provides", "@external"')}type Agency @key(fields: "id", resolvable: false) { id: ID! name: String! @external }
       type Query { rogueAgency: Agency @provides(fields: "name") }`,
      'provides-unowned',
      'Agency.name',
    );
  });

  it('refuses a registry that grants a core field to a partner or hands it a core type', async () => {
    const sdl = file('grabby.graphql', `${FED('"@key", "@override"')}type Agency @key(fields: "id") { id: ID! name: String! @override(from: "powers") }`);
    const granted = await check(registry('grant-core', { extra: [partner('grabby', sdl, CLOSED, ['Agency.name'])] }));
    expect(granted.policy!.violations).toContainEqual(expect.objectContaining({ rule: 'core-field-grant', coordinate: 'Agency.name' }));
    const owned = await check(
      registry('own-core', {
        extra: [partner('grabby', file('ref.graphql', `${FED('"@key"')}type Agency @key(fields: "id", resolvable: false) { id: ID! }`))],
        ownership: { ...committedRegistry.ownership, types: { ...committedRegistry.ownership!.types, Agency: 'grabby' } },
      }),
    );
    expect(owned.policy!.violations).toContainEqual(expect.objectContaining({ rule: 'core-owned-by-core', coordinate: 'Agency' }));
    expect(owned.ok).toBe(false);
  });

  it('a core SDL that does not build is a composition error, not a cascade of policy findings', async () => {
    const report = await check(registry('broken-core', { sdl: { powers: file('broken-powers.graphql', `${powersSdl()}\n"dangling description"`) } }));
    expect(report.compositionErrors[0]).toMatch(/powers 的 SDL 无法解析/);
    expect(report.policy!.violations).toEqual([]);
    expect(report.policy!.skipped).toEqual(['powers']);
    expect(report.ok).toBe(false);
  });

  it('fails closed on a registry without an ownership policy', async () => {
    const report = await check(registry('no-policy', { ownership: null }));
    expect(report.policy!.violations).toEqual([expect.objectContaining({ rule: 'policy-missing' })]);
    expect(report.ok).toBe(false);
  });

  it('passes both example partners with their grants, read-only references included, and fails them without', async () => {
    const ref = file(
      'ref-partner.graphql',
      `${FED('"@key"')}type Agency @key(fields: "id", resolvable: false) { id: ID! }\ntype Query { refPartnerAgency: Agency }`,
    );
    const ok = await check(
      registry('examples', {
        extra: [partner('market-credit', MC_SDL, CLOSED, MC_GRANTS), partner('wage-arrears', WA_SDL, CLOSED, WA_GRANTS), partner('ref-partner', ref)],
      }),
    );
    expect(ok.policy!.violations).toEqual([]);
    expect(ok.compositionErrors).toEqual([]);
    expect(ok.ok).toBe(true);
    expect(text(ok)).toContain('合作方 market-credit 获授字段 (granted): Enterprise.creditRating, Enterprise.abnormalOperationListStatus');
    const ungranted = await check(registry('examples-ungranted', { extra: [partner('market-credit', MC_SDL), partner('wage-arrears', WA_SDL)] }));
    expect(ungranted.policy!.violations.map((v) => `${v.subgraph} ${v.rule} ${v.coordinate}`).sort()).toEqual([
      'market-credit field-not-granted Enterprise.abnormalOperationListStatus',
      'market-credit field-not-granted Enterprise.creditRating',
      'wage-arrears field-not-granted Enterprise.wageArrearsListing',
    ]);
  });

  it('`npm run compose` refuses to write a hijack, even with --approve', async () => {
    const hijack = file(
      'cli-hijack.graphql',
      `${FED('"@key", "@override"')}type Agency @key(fields: "id") { id: ID! name: String! @override(from: "powers") }`,
    );
    const supergraphPath = join(dir, 'cli-hijack-supergraph.graphql');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      SUBGRAPH_REGISTRY: registry('cli-hijack', { extra: [partner('rogue', hijack)] }),
      SUPERGRAPH_PATH: supergraphPath,
    };
    const failed = await run('node_modules/.bin/tsx', ['scripts/compose.ts', '--approve', '我批准'], { env }).then(
      () => null,
      (err: { code: number; stderr: string }) => err,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('违反归属策略');
    expect(failed?.stderr).toMatch(/Agency\.name.*\[规则 override-unowned\]/);
    expect(() => readFileSync(supergraphPath)).toThrow();
  }, 120_000);
});

/** A partner that serves the market-credit SDL behind a token check of its own making (`accept` decides). */
async function startLaxPartner(accept: (token: string) => Promise<unknown>): Promise<{ url: string; close: () => Promise<void> }> {
  const schema = buildSubgraphSchema([{ typeDefs: cjsGraphql.parse(readFileSync(MC_SDL, 'utf8')), resolvers: {} }]);
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      void accept(token)
        .then(async () => {
          const result = await cjsGraphql.graphql({ schema, source: (JSON.parse(body) as { query: string }).query });
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
        })
        .catch(() => res.writeHead(401, { 'content-type': 'application/json' }).end('{"errors":[{"message":"no"}]}'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, resolve));
  return {
    url: `http://localhost:${(server.address() as AddressInfo).port}/graphql`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('the probes', () => {
  const started: { close: () => Promise<void> }[] = [];
  let marketCredit: RunningService;
  let wageArrears: { url: string };
  beforeAll(async () => {
    marketCredit = await startMarketCredit({ keys, log: createLogger('market-credit', 'silent') });
    const publicJwk = keys.internalVerifyKey.export({ format: 'jwk' }) as jose.JWK;
    const wa = await startWageArrears({ publicJwk, log: () => undefined });
    wageArrears = wa;
    started.push(marketCredit, wa);
  });
  afterAll(async () => {
    await Promise.all(started.map((s) => s.close()));
  });

  /** Checks a registry of the core subgraphs (unreachable, allowed) and one partner named `lax` at `url`; its audience is `sanxiang:lax`. */
  async function checkPartner(name: string, url: string, sdl = MC_SDL, grants = MC_GRANTS, allow: string[] = CORE) {
    const report = await checkRegistry({
      registryPath: registry(name, { urls: coreUnreachable, extra: [partner('lax', sdl, url, grants)] }),
      supergraphPath: DEFAULT_SUPERGRAPH_PATH,
      keys,
      allowUnreachable: allow,
      probeTimeoutMs: 2000,
    });
    return { report, probe: report.probes!.find((p) => !CORE.includes(p.name))! };
  }

  it('passes both example partners — the project-stack one and the yoga + jose one — on every probe, SDL included', async () => {
    for (const [name, url, sdl, grants] of [
      ['market-credit-ok', marketCredit.url, MC_SDL, MC_GRANTS],
      ['wage-arrears', wageArrears.url, WA_SDL, WA_GRANTS],
    ] as const) {
      // market-credit verifies the audience `sanxiang:market-credit`: register it under that name.
      const report = await checkRegistry({
        registryPath: registry(name, {
          urls: coreUnreachable,
          extra: [partner(name === 'wage-arrears' ? 'wage-arrears' : 'market-credit', sdl, url, [...grants])],
        }),
        supergraphPath: DEFAULT_SUPERGRAPH_PATH,
        keys,
        allowUnreachable: CORE,
      });
      const probe = report.probes!.find((p) => !CORE.includes(p.name))!;
      expect(probe.problems).toEqual([]);
      expect(probe.steps.map((s) => [s.kind, s.status])).toEqual([
        ['none', 401],
        ['unsigned', 401],
        ['wrong-key', 401],
        ['expired', 401],
        ['misaddressed', 401],
        // every other registered subgraph beyond the first, and an audience nobody registered
        ...[...CORE.slice(1), 'x'].map(() => ['other-audience', 401]),
        ['get-none', 401],
        ['ordinary-none', 401],
        ['ordinary-wrong-key', 401],
        ['valid', 200],
      ]);
      expect(probe.sdl?.equal).toBe(true);
      expect(probe.outcome).toBe('passed');
      expect(report.ok).toBe(true);
      // Allowed-unreachable core subgraphs pass the check but the report says they were not verified.
      expect(text(report)).toContain(`未验证的子图 (allowed unreachable, NOT verified): ${CORE.join(', ')}`);
    }
  });

  it('fails a partner that accepts forged tokens (no signature check), naming the probes it let through', async () => {
    const lax = await startLaxPartner(async (token) => {
      const claims = jose.decodeJwt(token);
      if (claims.aud !== 'sanxiang:lax' || claims.iss !== INTERNAL_ISSUER || claims.exp! < Date.now() / 1000) throw new Error('bad claims');
    });
    started.push(lax);
    const { report, probe } = await checkPartner('forged', lax.url);
    expect(report.ok).toBe(false);
    expect(probe.outcome).toBe('failed');
    expect(probe.steps.filter((s) => !s.ok).map((s) => s.kind)).toEqual(['unsigned', 'wrong-key', 'ordinary-wrong-key']);
    expect(text(report)).toMatch(/子图 lax 接受了未签名令牌 alg=none.*冒充 ADMIN/);
    expect(text(report)).toMatch(/子图 lax 接受了他人密钥签名的令牌 \(token signed with a wrong key\)（HTTP 200）/);
  });

  it('fails a partner that accepts expired tokens', async () => {
    const key = keys.internalVerifyKey;
    const lax = await startLaxPartner((token) =>
      jose.jwtVerify(token, key, { issuer: INTERNAL_ISSUER, audience: 'sanxiang:lax', algorithms: ['EdDSA'], clockTolerance: 7200 }),
    );
    started.push(lax);
    const { report, probe } = await checkPartner('expired', lax.url);
    expect(probe.steps.filter((s) => !s.ok).map((s) => s.kind)).toEqual(['expired']);
    expect(report.ok).toBe(false);
    expect(text(report)).toMatch(/子图 lax 接受了过期令牌 \(expired token\)/);
  });

  it('fails a partner that accepts tokens addressed to another subgraph', async () => {
    const key = keys.internalVerifyKey;
    const lax = await startLaxPartner((token) => jose.jwtVerify(token, key, { issuer: INTERNAL_ISSUER, algorithms: ['EdDSA'], maxTokenAge: '65s' }));
    started.push(lax);
    const { report, probe } = await checkPartner('misaddressed', lax.url);
    expect(probe.steps.filter((s) => !s.ok).map((s) => s.kind)).toEqual(['misaddressed', ...[...CORE.slice(1), 'x'].map(() => 'other-audience')]);
    expect(text(report)).toMatch(/子图 lax 接受了发给其他子图的令牌 \(token addressed to another subgraph\).*aud=sanxiang:lax/);
  });

  it('fails a partner that refuses everything, the gateway included', async () => {
    const shut = await startLaxPartner(async () => {
      throw new Error('no');
    });
    started.push(shut);
    const { report } = await checkPartner('shut', shut.url);
    expect(report.ok).toBe(false);
    expect(text(report)).toContain('拒绝了网关的有效令牌（HTTP 401）');
    expect(text(report)).toContain('npm run partner:kit -- --name lax');
  });

  it('fails a partner whose served SDL differs from the registered file, naming the differences', async () => {
    const registered = readFileSync(MC_SDL, 'utf8')
      .replace('  creditRating: MarketCreditRating\n', '  creditRating: MarketCreditRating\n  creditScore: Int\n')
      .replace(/\n\s*"经营异常名录状态[^"]*"\n\s*abnormalOperationListStatus: AbnormalOperationListStatus/, '');
    expect(registered).toContain('creditScore');
    expect(registered).not.toContain('abnormalOperationListStatus: AbnormalOperationListStatus');
    const report = await checkRegistry({
      registryPath: registry('sdl-differs', {
        urls: coreUnreachable,
        extra: [partner('market-credit', file('mc-differs.graphql', registered), marketCredit.url, ['Enterprise.creditRating', 'Enterprise.creditScore'])],
      }),
      supergraphPath: DEFAULT_SUPERGRAPH_PATH,
      keys,
      allowUnreachable: CORE,
    });
    const probe = report.probes!.find((p) => p.name === 'market-credit')!;
    expect(probe.sdl).toEqual({
      equal: false,
      onlyServed: ['Enterprise.abnormalOperationListStatus: AbnormalOperationListStatus'],
      onlyRegistered: ['Enterprise.creditScore: Int'],
    });
    expect(report.ok).toBe(false);
    expect(text(report)).toMatch(
      /实际提供的 SDL 与登记的文件不同.*只在实际提供中: Enterprise\.abnormalOperationListStatus.*只在登记文件中: Enterprise\.creditScore: Int/,
    );
  });

  it('compares SDL by meaning: formatting, order and descriptions do not count; types, defaults and directives do', () => {
    const a = `${FED('"@key"')}type Enterprise @key(fields: "uscc") { uscc: String! "评级" rating(asOf: String = "today"): Int }`;
    const reordered = `${FED('"@key"')}\n\n"市场主体" type Enterprise @key(fields:   "uscc")  {\n  rating(asOf: String = "today"): Int\n  uscc: String!\n}`;
    expect(compareSdl('x', a, reordered).equal).toBe(true);
    expect(compareSdl('x', a, a.replace('= "today"', '= "yesterday"')).equal).toBe(false);
    expect(compareSdl('x', a, a.replace('rating(asOf: String = "today"): Int', 'rating(asOf: String = "today"): Int!')).equal).toBe(false);
    expect(compareSdl('x', a, a.replace('"@key"', '"@key", "@shareable"').replace('uscc: String!', 'uscc: String! @shareable')).equal).toBe(false);
  });

  it('fails an unreachable partner unless --allow-unreachable names it, and then says it was not verified', async () => {
    const refused = await checkPartner('gone', CLOSED);
    expect(refused.report.ok).toBe(false);
    expect(refused.probe.outcome).toBe('unreachable');
    expect(text(refused.report)).toMatch(/✗ 子图 lax .*\n.*无法连接.*--allow-unreachable lax/);
    const allowed = await checkPartner('gone-allowed', CLOSED, MC_SDL, MC_GRANTS, [...CORE, 'lax']);
    expect(allowed.probe.outcome).toBe('allowed-unreachable');
    expect(allowed.report.ok).toBe(true);
    expect(text(allowed.report)).toMatch(/已按 --allow-unreachable lax 放行：其令牌校验与 SDL 均未验证/);
    expect(text(allowed.report)).toContain('NOT verified): powers, cases, reviews, inspections, lax');
  });

  it('cannot vouch for a partner without the signing key, and says so', async () => {
    const verifyOnly = { ...keys, internalSigningKey: null };
    const report = await checkRegistry({
      registryPath: registry('no-key', { urls: coreUnreachable, extra: [partner('market-credit', MC_SDL, marketCredit.url, MC_GRANTS)] }),
      supergraphPath: DEFAULT_SUPERGRAPH_PATH,
      keys: verifyOnly,
      allowUnreachable: CORE,
    });
    expect(report.ok).toBe(false);
    expect(text(report)).toContain('INTERNAL_TOKEN_PRIVATE_KEY');
  });
});

describe('`npm run compose -- --check` with a non-default PORT', () => {
  const servers: RunningService[] = [];
  let base = 0;
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  /** A base port whose next four ports are free (the core subgraphs' defaults are PORT+1 … PORT+4). */
  async function freeBlock(): Promise<number> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const candidate = 20_000 + Math.floor(Math.random() * 20_000);
      const held: Server[] = [];
      try {
        for (let i = 1; i <= 4; i++) {
          const s = createServer();
          await new Promise<void>((resolve, reject) => s.once('error', reject).listen(candidate + i, resolve));
          held.push(s);
        }
        return candidate;
      } catch {
        /* taken: try another block */
      } finally {
        await Promise.all(held.map((s) => new Promise((resolve) => s.close(resolve))));
      }
    }
    throw new Error('no free block of ports');
  }

  it('probes the core subgraphs at PORT+1 … PORT+4 and passes when they hold the line', async () => {
    base = await freeBlock();
    // The project's own server module with the registered SDL files (no database is needed to refuse tokens or serve _service).
    for (const [i, s] of committedRegistry.subgraphs.entries()) {
      servers.push(
        await startSubgraph({
          name: s.name,
          typeDefs: parse(readFileSync(join(committedRegistry.dir, s.sdl), 'utf8')),
          resolvers: {},
          keys,
          log: createLogger(s.name, 'silent'),
          port: base + 1 + i,
          ready: async () => true,
          context: (b) => b,
        }),
      );
    }
    const { SUBGRAPH_REGISTRY: _r, SUPERGRAPH_PATH: _s, ...clean } = process.env;
    const env: NodeJS.ProcessEnv = { ...clean, PORT: String(base), FIELD_USAGE_DIR: join(dir, 'no-usage') };
    for (const n of CORE) delete env[`${n.toUpperCase()}_URL`];
    const { stdout } = await run('node_modules/.bin/tsx', ['scripts/compose.ts', '--check'], { env });
    for (const [i, n] of CORE.entries()) expect(stdout).toContain(`✓ 子图 ${n} (http://localhost:${base + 1 + i}/graphql)`);
    expect(stdout).toContain('检查通过');
  }, 120_000);
});

/**
 * A partner serving the market-credit SDL that runs a query when `lets(request)` says so, else answers 401: the lax
 * patterns an operator met (issue 29) that passed the earlier probes.
 */
async function startStandIn(lets: (r: { method: string; token: string; query: string }) => Promise<boolean>) {
  const schema = buildSubgraphSchema([{ typeDefs: cjsGraphql.parse(readFileSync(MC_SDL, 'utf8')), resolvers: {} }]);
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const query = req.method === 'GET' ? (url.searchParams.get('query') ?? '') : ((JSON.parse(body || '{}') as { query?: string }).query ?? '');
      const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      void lets({ method: req.method ?? 'GET', token, query })
        .catch(() => false)
        .then(async (ok) => {
          if (!ok) return void res.writeHead(401, { 'content-type': 'application/json' }).end('{"errors":[{"message":"no"}]}');
          const result = await cjsGraphql.graphql({ schema, source: query });
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('`npm run compose` probes the subgraphs before it writes', () => {
  const started: { close: () => Promise<void> }[] = [];
  afterAll(async () => {
    await Promise.all(started.map((s) => s.close()));
  });
  const verify = (token: string, audience = 'sanxiang:market-credit') =>
    jose.jwtVerify(token, keys.internalVerifyKey, { issuer: INTERNAL_ISSUER, audience, algorithms: ['EdDSA'] }).then(() => true);

  /**
   * The CLI on a registry of the core subgraphs and wage-arrears (all unreachable here, let through by name: the
   * partner under test is the point) and market-credit at `url`.
   */
  const allowing = (...names: string[]) => names.flatMap((n) => ['--allow-unreachable', n]);
  async function composeWith(name: string, url: string, args: string[] = allowing(...CORE, 'wage-arrears')) {
    const supergraphPath = join(dir, `${name}-supergraph`, 'supergraph.graphql');
    mkdirSync(join(dir, `${name}-supergraph`), { recursive: true });
    const registryPath = registry(`cli-${name}`, {
      urls: coreUnreachable,
      extra: [partner('market-credit', MC_SDL, url, [...MC_GRANTS]), partner('wage-arrears', WA_SDL, CLOSED, [...WA_GRANTS])],
    });
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      SUBGRAPH_REGISTRY: registryPath,
      SUPERGRAPH_PATH: supergraphPath,
      FIELD_USAGE_DIR: join(dir, 'no-usage'),
      COMPOSE_AUTHOR: '探测测试',
      // The core subgraphs' addresses would otherwise be localhost:PORT+n, where another run may be listening.
      ...Object.fromEntries(CORE.map((n) => [`${n.toUpperCase()}_URL`, CLOSED])),
    };
    for (const n of ['MARKET_CREDIT', 'WAGE_ARREARS']) delete env[`${n}_URL`];
    const out = await run('node_modules/.bin/tsx', ['scripts/compose.ts', ...args], { env }).then(
      (r) => ({ code: 0, ...r }),
      (err: { code: number; stdout: string; stderr: string }) => err,
    );
    let written: string | null = null;
    try {
      written = readFileSync(supergraphPath, 'utf8');
    } catch {
      /* not written */
    }
    return { ...out, written, history: () => listHistory(join(dir, `${name}-supergraph`, 'history')) };
  }

  it('writes with a strict partner and records what it probed', async () => {
    const strict = await startStandIn(async ({ token }) => verify(token));
    started.push(strict);
    const r = await composeWith('strict', strict.url);
    expect(r.code, r.stderr).toBe(0);
    expect(r.written).toContain('market-credit');
    expect(r.stdout).toContain('✓ 子图探测通过 (probes passed): market-credit');
    expect(r.history().at(-1)!.probes).toEqual({
      mode: 'probed',
      subgraphs: expect.arrayContaining([
        { name: 'market-credit', url: strict.url, outcome: 'passed' },
        { name: 'powers', url: CLOSED, outcome: 'allowed-unreachable' },
      ]),
    });
  }, 120_000);

  it('refuses a partner that accepts a token addressed to another partner, and one that accepts any audience it does not know', async () => {
    // A partner that copied wage-arrears' settings and accepts both audiences.
    const shared = await startStandIn(async ({ token }) => verify(token, 'sanxiang:market-credit').catch(() => verify(token, 'sanxiang:wage-arrears')));
    // One that refuses only the audiences of the core subgraphs it knows.
    const anyPartner = await startStandIn(async ({ token }) => {
      const { payload } = await jose.jwtVerify(token, keys.internalVerifyKey, { issuer: INTERNAL_ISSUER, algorithms: ['EdDSA'] });
      return !CORE.map((n) => `sanxiang:${n}`).includes(String(payload.aud));
    });
    started.push(shared, anyPartner);
    const a = await composeWith('shared-audience', shared.url);
    expect(a.code).toBe(1);
    expect(a.written).toBeNull();
    expect(a.stderr).toContain('拒绝写入：子图探测未通过');
    expect(a.stderr).toMatch(/子图 market-credit 接受了发给另一合作方的令牌 \(token addressed to another partner\) aud=sanxiang:wage-arrears（HTTP 200）/);
    const b = await composeWith('any-partner', anyPartner.url);
    expect(b.code).toBe(1);
    expect(b.written).toBeNull();
    expect(b.stderr).toMatch(/接受了发给另一合作方的令牌 \(token addressed to another partner\) aud=sanxiang:unregistered-partner-probe/);
  }, 120_000);

  it('refuses a partner that answers a GET without a token', async () => {
    const getOpen = await startStandIn(async ({ method, token }) => method === 'GET' || verify(token));
    started.push(getOpen);
    const r = await composeWith('get-open', getOpen.url);
    expect(r.code).toBe(1);
    expect(r.written).toBeNull();
    expect(r.stderr).toMatch(/子图 market-credit 接受了无令牌的 GET 请求 \(GET without a token\)（HTTP 200）/);
  }, 120_000);

  it('refuses a partner that checks the token only on the `_service` query, even with --approve', async () => {
    const probeOnly = await startStandIn(async ({ token, query }) => !query.includes('_service') || verify(token));
    started.push(probeOnly);
    const r = await composeWith('probe-only', probeOnly.url, ['--approve', '我批准', ...allowing(...CORE, 'wage-arrears')]);
    expect(r.code).toBe(1);
    expect(r.written).toBeNull();
    expect(r.stderr).toMatch(/子图 market-credit 接受了无令牌的普通查询 \(ordinary query without a token\)（HTTP 200）/);
    expect(r.stderr).toMatch(/子图 market-credit 接受了他人密钥签名令牌的普通查询 \(ordinary query with a forged token\)（HTTP 200）/);
  }, 120_000);

  it('refuses an unreachable partner unless named, and writes offline only with --offline, which the record notes', async () => {
    const down = await composeWith('down', CLOSED, allowing(...CORE, 'wage-arrears'));
    expect(down.code).toBe(1);
    expect(down.written).toBeNull();
    expect(down.stderr).toMatch(/子图 market-credit \(http:\/\/127\.0\.0\.1:9\/graphql\) 无法连接/);
    const offline = await composeWith('offline', CLOSED, ['--offline']);
    expect(offline.code, offline.stderr).toBe(0);
    expect(offline.written).toContain('market-credit');
    expect(offline.stdout).toContain('--offline: the running subgraphs were NOT probed');
    expect(offline.history().at(-1)!.probes).toEqual({ mode: 'offline', subgraphs: [] });
  }, 120_000);
});
