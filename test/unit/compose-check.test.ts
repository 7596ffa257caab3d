import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kind, parse, print, visit, type FieldDefinitionNode } from 'graphql';
import { checkRegistry, formatCheckReport, probeSubgraphs } from '../../gateway/check.js';
import { DEFAULT_SUPERGRAPH_PATH, loadRegistry } from '../../gateway/compose.js';
import { SDL_PATH, startMarketCredit } from '../../examples/market-credit/server.js';
import { loadKeyMaterial } from '../../subgraphs/shared/identity.js';
import { createLogger } from '../../subgraphs/shared/logger.js';
import type { RunningService } from '../../subgraphs/shared/server.js';

// `npm run compose -- --check`: breaking changes against the committed supergraph, composition errors,
// and the tokenless probe. No database: SDL files in a temp folder and small HTTP servers.

const committed = loadRegistry();
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sanxiang-compose-check-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A temp registry: the committed subgraphs (SDL paths made absolute), with some SDLs replaced and extra entries added. */
function tempRegistry(name: string, replace: Record<string, string> = {}, extra: { name: string; sdl: string; url: string }[] = []): string {
  const subgraphs = committed.subgraphs.map((s) => {
    if (!(s.name in replace)) return { ...s, sdl: join(committed.dir, s.sdl) };
    const file = join(dir, `${name}-${s.name}.graphql`);
    writeFileSync(file, replace[s.name]!);
    return { ...s, sdl: file };
  });
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify({ subgraphs: [...subgraphs, ...extra] }));
  return path;
}

const powersSdl = () => readFileSync(join(committed.dir, 'powers.graphql'), 'utf8');

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

describe('breaking changes against the committed supergraph', () => {
  it('passes the committed registry unchanged', async () => {
    const report = await checkRegistry({ registryPath: tempRegistry('same'), supergraphPath: DEFAULT_SUPERGRAPH_PATH, probe: false });
    expect(report.compositionErrors).toEqual([]);
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

    const report = await checkRegistry({ registryPath: tempRegistry('breaking', { powers: sdl }), supergraphPath: DEFAULT_SUPERGRAPH_PATH, probe: false });
    expect(report.compositionErrors).toEqual([]);
    expect(report.ok).toBe(false);
    const byType = Object.fromEntries(report.diff!.breaking.map((c) => [c.type, c.message]));
    expect(byType.FIELD_REMOVED).toMatch(/删除了字段.*Query\.exAnteWorkQueue/);
    expect(byType.ARG_CHANGED_KIND).toMatch(/参数类型改变.*first.*Int!/);
    expect(byType.FIELD_CHANGED_KIND).toMatch(/Query\.agencies changed type from \[Agency!\]! to \[Agency!\]/);
    expect(byType.VALUE_REMOVED_FROM_ENUM).toMatch(/REVOKED/);
    const text = formatCheckReport(report).join('\n');
    expect(text).toContain('破坏性变更 (BREAKING CHANGES): 4');
    expect(text).toContain('检查未通过');
  });

  it('accepts an added field as safe but says the supergraph file is stale', async () => {
    const sdl = powersSdl().replace(/type Query \{/, 'type Query {\n  "测试新增"\n  agencyCount: Int');
    const report = await checkRegistry({ registryPath: tempRegistry('additive', { powers: sdl }), supergraphPath: DEFAULT_SUPERGRAPH_PATH, probe: false });
    expect(report.ok).toBe(true);
    expect(report.upToDate).toBe(false);
    expect(report.diff!.added).toEqual(['Query.agencyCount']);
    expect(formatCheckReport(report).join('\n')).toContain('npm run compose');
  });

  it('reports composition errors when a partner redefines a field another subgraph owns', async () => {
    const rogue = join(dir, 'rogue.graphql');
    writeFileSync(
      rogue,
      `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
       type Agency @key(fields: "id") { id: ID! name: String! }
       type Query { rogueAgencies: [Agency!]! }`,
    );
    const registryPath = tempRegistry('rogue', {}, [{ name: 'rogue', sdl: rogue, url: 'http://localhost:1/graphql' }]);
    const report = await checkRegistry({ registryPath, supergraphPath: DEFAULT_SUPERGRAPH_PATH, probe: false });
    expect(report.ok).toBe(false);
    expect(report.compositionErrors.join('\n')).toMatch(/Agency\.name/);
    expect(formatCheckReport(report).join('\n')).toContain('组合失败');
  });

  it('rejects a registry entry without an SDL path, naming the entry', async () => {
    const path = join(dir, 'bad-registry.json');
    writeFileSync(path, JSON.stringify({ subgraphs: [{ name: 'partner', url: 'http://localhost:1/graphql' }] }));
    const report = await checkRegistry({ registryPath: path, supergraphPath: DEFAULT_SUPERGRAPH_PATH, probe: false });
    expect(report.ok).toBe(false);
    expect(report.compositionErrors[0]).toMatch(/subgraphs\[0\].*缺少 sdl/);
  });

  it('`npm run compose -- --check` exits non-zero with the breaking change in plain words, and 0 for the committed files', async () => {
    const run = promisify(execFile);
    const sdl = editField(powersSdl(), 'Query', 'exAnteWorkQueue', () => null);
    const env = { ...process.env, SUBGRAPH_REGISTRY: tempRegistry('cli', { powers: sdl }), SUPERGRAPH_PATH: DEFAULT_SUPERGRAPH_PATH };
    const failed = await run('node_modules/.bin/tsx', ['scripts/compose.ts', '--check', '--no-probe'], { env }).then(
      () => null,
      (err: { code: number; stdout: string }) => err,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toContain('删除了字段 (field removed)：Query.exAnteWorkQueue was removed.');
    const { SUBGRAPH_REGISTRY: _r, SUPERGRAPH_PATH: _s, ...clean } = process.env;
    const passed = await run('node_modules/.bin/tsx', ['scripts/compose.ts', '--check', '--no-probe'], { env: clean });
    expect(passed.stdout).toContain('检查通过');
  }, 60_000);
});

describe('the tokenless probe', () => {
  let open: Server;
  let openUrl: string;
  let partner: RunningService;
  beforeAll(async () => {
    // A subgraph that forgot to verify the internal token: answers 200 to anyone.
    open = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"__typename":"Query"}}'));
    await new Promise<void>((resolve) => open.listen(0, resolve));
    openUrl = `http://localhost:${(open.address() as AddressInfo).port}/graphql`;
    const keys = await loadKeyMaterial(process.env.SANXIANG_KEY_DIR ?? mkdtempSync(join(tmpdir(), 'sanxiang-keys-')));
    partner = await startMarketCredit({ keys, log: createLogger('test', 'silent') });
  });
  afterAll(async () => {
    await partner?.close();
    await new Promise((resolve) => open?.close(resolve));
  });

  it('flags a subgraph that answers anything but 401, passes one built on startSubgraph, and skips an unreachable one', async () => {
    const results = await probeSubgraphs([
      { name: 'open', url: openUrl },
      { name: 'market-credit', url: partner.url },
      { name: 'gone', url: 'http://127.0.0.1:9/graphql' },
    ]);
    expect(results.map((r) => [r.name, r.outcome, r.status])).toEqual([
      ['open', 'flagged', 200],
      ['market-credit', 'protected', 401],
      ['gone', 'unreachable', undefined],
    ]);
    expect(results[0]!.note).toContain('HTTP 200 而非 401');
    expect(results[2]!.note).toContain('跳过');
  });

  it('fails the check for a registered open subgraph, with the registry URL or a <NAME>_URL override', async () => {
    const openSdl = join(dir, 'open-partner.graphql');
    writeFileSync(openSdl, 'type Query { openPartnerPing: String }');
    const registryPath = tempRegistry('probe', {}, [
      { name: 'market-credit', sdl: SDL_PATH, url: partner.url },
      { name: 'open-partner', sdl: openSdl, url: 'http://127.0.0.1:9/graphql' },
    ]);
    const env = { ...process.env, OPEN_PARTNER_URL: openUrl };
    const report = await checkRegistry({ registryPath, supergraphPath: DEFAULT_SUPERGRAPH_PATH, env, probeTimeoutMs: 1000 });
    const outcome = Object.fromEntries(report.probes!.map((p) => [p.name, p.outcome]));
    expect(outcome['market-credit']).toBe('protected');
    expect(outcome['open-partner']).toBe('flagged');
    // It composes and breaks nothing: the open subgraph alone fails the check.
    expect(report.compositionErrors).toEqual([]);
    expect(report.diff!.breaking).toEqual([]);
    expect(report.ok).toBe(false);
    expect(formatCheckReport(report).join('\n')).toMatch(/✗ 子图 open-partner .* HTTP 200 而非 401/);
  });
});
