import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SUPERGRAPH_PATH } from '../../kernel/schema/registry-file.js';
import { authorFrom, historyDirFor, listHistory, recordIdForHash, sha256 } from '../../kernel/schema/history.js';
import { composeAndRecord, rollbackTo, type ReleaseContext } from '../../registry/release.js';
import { committedRegistry, writeRegistry } from '../helpers/registry.js';

// Schema changes as records: `npm run compose` gates breaking changes behind --approve, refuses policy breaches,
// keeps every file it writes (hash, time, author, changes, reason) and restores an earlier one (--rollback).
// Temp folders only; the gateway's side (hot reload, /ready) is in test/e2e/partners.test.ts.

const run = promisify(execFile);
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sanxiang-history-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const powersSdl = readFileSync(join(committedRegistry.dir, 'powers.graphql'), 'utf8');
const withoutWorkQueue = powersSdl.replace(/\n\s*"[^"\n]*"\n\s*exAnteWorkQueue\([^\n]*/, '');
const author = { author: '测试员 <tester@example.org>', source: 'test' };
const at = (iso: string) => new Date(iso);

/** A fresh folder with a registry whose powers SDL is `powers` and a usage file saying who used the work queue. */
function setUp(name: string, powers = powersSdl) {
  const root = join(dir, name);
  mkdirSync(join(root, 'usage'), { recursive: true });
  writeFileSync(join(root, 'powers.graphql'), powers);
  writeFileSync(
    join(root, 'usage', 'gw-1.json'),
    JSON.stringify({
      version: 1,
      instance: 'gw-1',
      days: { '2026-11-19': { 'duty-app': { 'Query.exAnteWorkQueue': 5 } }, '2026-08-01': { 'old-app': { 'Query.exAnteWorkQueue': 1 } } },
    }),
  );
  const registryPath = writeRegistry(join(root, 'subgraphs.json'), { sdl: { powers: join(root, 'powers.graphql') } });
  const supergraphPath = join(root, 'supergraph.graphql');
  const ctx = (iso: string, more: Partial<ReleaseContext> = {}) => ({
    registryPath,
    supergraphPath,
    author,
    at: at(iso),
    usage: { dir: join(root, 'usage'), days: 30, since: '2026-10-21' },
    ...more,
  });
  return { root, registryPath, supergraphPath, ctx, history: join(root, 'history') };
}

describe('npm run compose keeps records', () => {
  it('fixture: the edited powers SDL lacks exactly the work queue', () => {
    expect(withoutWorkQueue).not.toContain('exAnteWorkQueue');
    expect(withoutWorkQueue.length).toBeGreaterThan(powersSdl.length - 120);
  });

  it('writes the first supergraph with a record, then does nothing when nothing changed', () => {
    const t = setUp('first');
    const first = composeAndRecord(t.ctx('2026-11-20T02:00:00.000Z', { reason: '初始' }));
    expect(first.status).toBe('written');
    const text = readFileSync(t.supergraphPath, 'utf8');
    expect(first.record).toMatchObject({
      id: `20261120T020000000Z-${sha256(text).slice(0, 12)}`,
      sha256: sha256(text),
      writtenAt: '2026-11-20T02:00:00.000Z',
      author: author.author,
      action: 'compose',
      reason: '初始',
      approvedBreaking: false,
      previous: null,
      subgraphs: ['cases', 'inspections', 'powers', 'reviews'],
      changes: ['首个超图 (first supergraph)'],
    });
    expect(readFileSync(join(t.history, `${first.record!.id}.graphql`), 'utf8')).toBe(text);
    expect(historyDirFor(t.supergraphPath, {})).toBe(t.history);
    const again = composeAndRecord(t.ctx('2026-11-20T03:00:00.000Z'));
    expect(again.status).toBe('unchanged');
    expect(listHistory(t.history)).toHaveLength(1);
  });

  it('refuses an unapproved breaking change and names the clients it would break; --approve records it; --rollback restores', () => {
    const t = setUp('gate');
    const first = composeAndRecord(t.ctx('2026-11-20T02:00:00.000Z'));
    const firstText = readFileSync(t.supergraphPath, 'utf8');
    writeFileSync(join(t.root, 'powers.graphql'), withoutWorkQueue);

    const refused = composeAndRecord(t.ctx('2026-11-20T04:00:00.000Z'));
    expect(refused.status).toBe('refused');
    expect(refused.messages.join('\n')).toContain('删除了字段 (field removed)：Query.exAnteWorkQueue was removed.');
    expect(refused.messages.join('\n')).toMatch(/Query\.exAnteWorkQueue.*duty-app 5 次（最近 2026-11-19）/);
    expect(refused.messages.join('\n')).not.toContain('old-app'); // outside the 30-day window
    expect(readFileSync(t.supergraphPath, 'utf8')).toBe(firstText);
    expect(listHistory(t.history)).toHaveLength(1);

    const approved = composeAndRecord(t.ctx('2026-11-20T05:00:00.000Z', { approve: '工作队列改由新接口提供，已通知 duty-app' }));
    expect(approved.status).toBe('written');
    expect(approved.record).toMatchObject({
      action: 'compose',
      reason: '工作队列改由新接口提供，已通知 duty-app',
      approvedBreaking: true,
      previous: { id: first.record!.id, sha256: sha256(firstText) },
      changes: ['破坏性 (breaking): 删除了字段 (field removed)：Query.exAnteWorkQueue was removed.'],
      clientsAffected: [expect.stringMatching(/Query\.exAnteWorkQueue.*duty-app 5 次/)],
    });
    expect(readFileSync(t.supergraphPath, 'utf8')).not.toContain('exAnteWorkQueue');

    // Rolling back re-adds the field: not breaking, no approval needed.
    const back = rollbackTo({ ...t.ctx('2026-11-20T06:00:00.000Z'), id: first.record!.id.slice(0, 19) });
    expect(back.status).toBe('written');
    expect(readFileSync(t.supergraphPath, 'utf8')).toBe(firstText);
    expect(back.record).toMatchObject({
      action: 'rollback',
      restores: first.record!.id,
      previous: { id: approved.record!.id },
      changes: ['新增 (added): Query.exAnteWorkQueue'],
    });
    expect(back.messages.join('\n')).toContain('请一并还原');
    // The served file's record is now the rollback (the latest record with that hash).
    expect(recordIdForHash(t.history, sha256(firstText))).toBe(back.record!.id);
    expect(listHistory(t.history).map((r) => r.action)).toEqual(['compose', 'compose', 'rollback']);

    // Rolling forward again to the approved file removes the field: a breaking change, so it needs approval.
    const forward = rollbackTo({ ...t.ctx('2026-11-20T07:00:00.000Z'), id: approved.record!.id });
    expect(forward.status).toBe('refused');
    expect(forward.messages.join('\n')).toContain(`--rollback ${approved.record!.id} --approve`);
  });

  it('removing an unused field needs --approve when the usage store is younger than the window, or missing', () => {
    const t = setUp('young');
    writeFileSync(join(t.root, 'powers.graphql'), powersSdl.replace(/type Query \{/, 'type Query {\n  agencyCount: Int'));
    expect(composeAndRecord(t.ctx('2026-11-20T02:00:00.000Z')).status).toBe('written');
    writeFileSync(join(t.root, 'powers.graphql'), powersSdl);
    // Only 2026-11-19 recorded: no evidence about the start of the 30-day window.
    writeFileSync(
      join(t.root, 'usage', 'gw-1.json'),
      JSON.stringify({ version: 1, instance: 'gw-1', days: { '2026-11-19': { 'duty-app': { 'Query.agencies': 5 } } } }),
    );
    expect(composeAndRecord(t.ctx('2026-11-20T03:00:00.000Z')).status).toBe('refused');
    // A store that does not exist (another DB_PREFIX, a FIELD_USAGE_DIR the gateways do not write) is an error, not "no use".
    const missing = composeAndRecord(t.ctx('2026-11-20T03:00:00.000Z', { usage: { dir: join(t.root, 'nowhere'), days: 30, since: '2026-10-21' } }));
    expect(missing.status).toBe('refused');
    expect(missing.messages.join('\n')).toContain('用量记录目录不存在');
    const approved = composeAndRecord(
      t.ctx('2026-11-20T04:00:00.000Z', { usage: { dir: join(t.root, 'nowhere'), days: 30, since: '2026-10-21' }, approve: '撤回' }),
    );
    expect(approved.status).toBe('written');
    expect(approved.record!.approvedBreaking).toBe(true);
  });

  it('records a supergraph it finds in place before replacing it, so it can be restored', () => {
    const t = setUp('baseline');
    writeFileSync(t.supergraphPath, readFileSync(DEFAULT_SUPERGRAPH_PATH, 'utf8'));
    writeFileSync(join(t.root, 'powers.graphql'), powersSdl.replace(/type Query \{/, 'type Query {\n  agencyCount: Int'));
    const written = composeAndRecord(t.ctx('2026-11-20T02:00:00.000Z', { reason: '新增统计字段' }));
    expect(written.status).toBe('written');
    const [baseline, compose] = listHistory(t.history);
    expect(baseline).toMatchObject({
      action: 'baseline',
      sha256: sha256(readFileSync(DEFAULT_SUPERGRAPH_PATH, 'utf8')),
      writtenAt: '2026-11-20T01:59:59.999Z',
    });
    expect(compose).toMatchObject({ previous: { id: baseline!.id }, changes: ['新增 (added): Query.agencyCount'] });
    // Removing the added field again is breaking, but no client used it in the whole usage window (the store has
    // recorded since 2026-08-01, before the window's 2026-10-21): no --approve needed, and the record says why.
    const back = rollbackTo({ ...t.ctx('2026-11-20T03:00:00.000Z'), id: baseline!.id });
    expect(back.status).toBe('written');
    expect(back.record).toMatchObject({ approvedBreaking: false, removedUnused: { coordinates: ['Query.agencyCount'], since: '2026-10-21', days: 30 } });
    expect(back.record!.reason).toContain('近 30 天无任何客户端使用');
    expect(readFileSync(t.supergraphPath, 'utf8')).toBe(readFileSync(DEFAULT_SUPERGRAPH_PATH, 'utf8'));
  });

  it('refuses to restore an altered history file or an unknown record', () => {
    const t = setUp('tamper');
    const first = composeAndRecord(t.ctx('2026-11-20T02:00:00.000Z'));
    writeFileSync(join(t.root, 'powers.graphql'), powersSdl.replace(/type Query \{/, 'type Query {\n  agencyCount: Int'));
    composeAndRecord(t.ctx('2026-11-20T03:00:00.000Z'));
    const copy = join(t.history, `${first.record!.id}.graphql`);
    writeFileSync(copy, readFileSync(copy, 'utf8').replace('Query', 'Query '));
    const altered = rollbackTo({ ...t.ctx('2026-11-20T04:00:00.000Z'), id: first.record!.id });
    expect(altered.status).toBe('failed');
    expect(altered.messages[0]).toContain('已被改动');
    const unknown = rollbackTo({ ...t.ctx('2026-11-20T04:00:00.000Z'), id: '19990101' });
    expect(unknown.status).toBe('failed');
    expect(unknown.messages[0]).toMatch(/历史中没有记录 19990101.*最近的记录: 20261120T030000000Z/);
  });

  it('takes the author from COMPOSE_AUTHOR, then git, then the OS user', () => {
    expect(authorFrom({ COMPOSE_AUTHOR: '王五' })).toEqual({ author: '王五', source: 'COMPOSE_AUTHOR' });
    expect(authorFrom({ GIT_AUTHOR_NAME: 'Li', GIT_AUTHOR_EMAIL: 'li@example.org' })).toEqual({ author: 'Li <li@example.org>', source: 'GIT_AUTHOR_NAME' });
    expect(authorFrom({}, dir).author).not.toBe('');
  });

  it('the CLI: refuses with exit 1, --approve writes and records, --history lists, --rollback restores', async () => {
    const t = setUp('cli');
    const env = {
      ...process.env,
      SUBGRAPH_REGISTRY: t.registryPath,
      SUPERGRAPH_PATH: t.supergraphPath,
      FIELD_USAGE_DIR: join(t.root, 'usage'),
      COMPOSE_AUTHOR: 'CLI 测试',
    };
    const compose = (...args: string[]) =>
      run('node_modules/.bin/tsx', ['scripts/compose.ts', ...args], { env }).then(
        (r) => ({ code: 0, ...r }),
        (err: { code: number; stdout: string; stderr: string }) => err,
      );
    // No subgraph runs here: each write says --offline (issue 29), and its record notes that nothing was probed.
    const first = await compose('--offline');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('NOT probed');
    expect(listHistory(t.history).at(-1)!.probes).toEqual({ mode: 'offline', subgraphs: [] });
    const firstText = readFileSync(t.supergraphPath, 'utf8');
    writeFileSync(join(t.root, 'powers.graphql'), withoutWorkQueue);
    // Without --offline the write probes first and refuses: nothing answers at the registered addresses.
    const unprobed = await compose('--approve', '下线旧接口');
    expect(unprobed.code).toBe(1);
    expect(unprobed.stderr).toContain('拒绝写入：子图探测未通过');
    expect(readFileSync(t.supergraphPath, 'utf8')).toBe(firstText);
    expect((await compose('--check', '--offline')).code).toBe(2);
    const refused = await compose('--offline');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('拒绝写入：1 项破坏性变更');
    expect((await compose('--approve', '  ')).code).toBe(2);
    const approved = await compose('--offline', '--approve', '下线旧接口');
    expect(approved.code).toBe(0);
    expect(approved.stdout).toMatch(/作者 \(author\): CLI 测试（COMPOSE_AUTHOR）；理由 \(reason\): 下线旧接口/);
    const history = await compose('--history');
    const ids = [...history.stdout.matchAll(/^(\d{8}T\d{9}Z-[0-9a-f]{12})/gm)].map((m) => m[1]!);
    expect(ids).toHaveLength(2);
    const back = await compose('--rollback', ids[1]!);
    expect(back.code).toBe(0);
    expect(readFileSync(t.supergraphPath, 'utf8')).toBe(firstText);
    // A hang guard: six CLI processes (tsx start-up each) took >240 s at load 32 on 2 cores.
  }, 600_000);
});
