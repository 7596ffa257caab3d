import { readFileSync } from 'node:fs';
import { affectedInPlainWords, clientsAffected, formatProbes, probeRegistry, probesFailed, type AffectedField, type UsageWindow } from './check.js';
import type { ProbeOptions } from './probes.js';
import type { Config } from '../kernel/config.js';
import { UsageStoreMissing, usageStoreSpan } from './usage.js';
import { composeRegistry, writeSupergraphFile } from './compose.js';
import { loadRegistry } from '../kernel/schema/registry-file.js';
import {
  findRecord,
  historyDirFor,
  newRecordId,
  recordedSupergraph,
  recordIdForHash,
  sha256,
  writeRecord,
  type HistoryRecord,
} from '../kernel/schema/history.js';
import { checkOwnership } from './ownership.js';
import { changesInPlainWords, diffSupergraphs, subgraphsOf, type SupergraphDiff } from './schema-diff.js';
import { supergraphProblem } from '../kernel/schema/supergraph.js';

// Writing a supergraph is a recorded act: `npm run compose` refuses a change that breaks clients unless it
// is approved with a reason, refuses any breach of the ownership policy outright, keeps every file it writes
// in the history folder with who, when, why and what changed, and can put an earlier one back (`--rollback`).
// The running gateway picks up the new file by itself (gateway/supergraph-watch.ts).

export interface ReleaseContext {
  supergraphPath: string;
  env?: NodeJS.ProcessEnv;
  author: { author: string; source: string };
  /** When the record is written (the caller's clock). */
  at: Date;
  /** `--approve "<reason>"`: allows a breaking change and records why. */
  approve?: string | null;
  /** `--reason "<text>"`: recorded for a change that needs no approval. */
  reason?: string | null;
  /** The gateway's field-usage window, to name the clients a breaking change affects. */
  usage?: UsageWindow | null;
  /** What was verified of the running subgraphs before writing; recorded as is (HistoryRecord.probes). */
  probes?: HistoryRecord['probes'];
}

export interface ReleaseResult {
  /** written: a new file and record; unchanged: nothing to do; refused: breaking without approval or a policy breach; failed: see messages. */
  status: 'written' | 'unchanged' | 'refused' | 'failed';
  messages: string[];
  record?: HistoryRecord;
  diff?: SupergraphDiff;
  affected?: AffectedField[];
}

function readCurrent(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

const asWritten = (sdl: string) => (sdl.endsWith('\n') ? sdl : `${sdl}\n`);

/**
 * Records the current file as a baseline when it was never recorded (written by hand, merged from a branch,
 * or older than the history), so a rollback can always come back to it.
 */
function ensureRecorded(ctx: ReleaseContext, dir: string, current: string, at: Date, reason: string): { id: string; sha256: string } {
  const hash = sha256(current);
  const existing = recordIdForHash(dir, hash);
  if (existing) return { id: existing, sha256: hash };
  const record: HistoryRecord = {
    id: newRecordId(at, hash),
    sha256: hash,
    writtenAt: at.toISOString(),
    author: ctx.author.author,
    authorSource: ctx.author.source,
    action: 'baseline',
    reason,
    approvedBreaking: false,
    previous: null,
    subgraphs: safeSubgraphs(current),
    changes: [],
    clientsAffected: [],
  };
  writeRecord(dir, record, current);
  return { id: record.id, sha256: hash };
}

function safeSubgraphs(sdl: string): string[] {
  try {
    return subgraphsOf(sdl);
  } catch {
    return [];
  }
}

/** Breaking changes a client could notice only by using what they remove (no narrowing, no new required input). */
const REMOVALS = new Set(['FIELD_REMOVED', 'TYPE_REMOVED', 'ARG_REMOVED']);

/**
 * A breaking change that needs no `--approve` (issue 29): it only removes fields, arguments or types, none of which
 * any client used in the whole usage window, and the store has recorded since before the window began (a store
 * younger than the window is no evidence of disuse). Null otherwise.
 */
function unusedRemoval(diff: SupergraphDiff, affected: AffectedField[], window: UsageWindow): HistoryRecord['removedUnused'] | null {
  if (!diff.breaking.length || !diff.impacts.length) return null;
  if (!diff.breaking.every((c) => REMOVALS.has(c.type))) return null;
  if (affected.some((a) => a.clients.length > 0)) return null;
  const span = usageStoreSpan(window.dir);
  if (span.firstDay === null || span.firstDay > window.since) return null;
  return { coordinates: diff.impacts.map((i) => i.coordinate), since: window.since, days: window.days, usageDir: window.dir };
}

/** Replaces the current file with `next` after the breaking-change gate; shared by compose and rollback. */
function release(ctx: ReleaseContext, next: string, action: 'compose' | 'rollback', restores?: string): ReleaseResult {
  const dir = historyDirFor(ctx.supergraphPath, ctx.env);
  const text = asWritten(next);
  const current = readCurrent(ctx.supergraphPath);
  const hash = sha256(text);
  if (current !== null && sha256(current) === hash) {
    const id = ensureRecorded(ctx, dir, current, ctx.at, ctx.reason?.trim() || '记录已在位的超图（它未经 npm run compose 写入或早于历史记录）').id;
    return { status: 'unchanged', messages: [`超图没有变化 (unchanged)：${ctx.supergraphPath}，历史记录 ${id}`] };
  }
  let diff: SupergraphDiff | undefined;
  let affected: AffectedField[] = [];
  let removedUnused: HistoryRecord['removedUnused'] | null = null;
  if (current !== null) {
    try {
      diff = diffSupergraphs(current, text);
    } catch (err) {
      // The file in place does not load (hand-edited, truncated): nothing to compare with, nothing served from it.
      diff = undefined;
      if (!ctx.approve) {
        return {
          status: 'refused',
          messages: [`当前超图文件无法加载，无法判断变更是否破坏客户端 (${(err as Error).message})`, '确认后用 --approve "<理由>" 写入 (approve to overwrite)'],
        };
      }
    }
    let usageProblem: string | null = null;
    if (diff && ctx.usage) {
      try {
        affected = clientsAffected(diff.impacts, ctx.usage);
      } catch (err) {
        if (!(err instanceof UsageStoreMissing)) throw err;
        usageProblem = err.message; // who would break cannot be said: only --approve writes it
      }
    }
    removedUnused = diff && ctx.usage && !usageProblem && !ctx.approve ? unusedRemoval(diff, affected, ctx.usage) : null;
    if (diff?.breaking.length && !ctx.approve && !removedUnused) {
      return {
        status: 'refused',
        diff,
        affected,
        messages: [
          `拒绝写入：${diff.breaking.length} 项破坏性变更，现有客户端的查询会失败 (refused: breaking changes need --approve "<reason>")`,
          ...diff.breaking.map((c) => `  - ${c.message}`),
          ...(usageProblem ? [`  ✗ ${usageProblem}`] : []),
          ...(ctx.usage ? affectedInPlainWords(affected, ctx.usage).map((l) => `  · ${l}`) : []),
          `确有必要时：npm run compose -- ${action === 'rollback' ? `--rollback ${restores} ` : ''}--approve "<理由：为何可以破坏这些客户端，已通知谁>"`,
        ],
      };
    }
  }
  const at = ctx.at;
  // The baseline one millisecond earlier, so the history lists it before the record that replaces it.
  const previous =
    current !== null
      ? ensureRecorded(ctx, dir, current, new Date(at.getTime() - 1), '记录被替换前已在位的超图（它未经 npm run compose 写入或早于历史记录）')
      : null;
  const before = current !== null ? safeSubgraphs(current) : [];
  const after = subgraphsOf(text);
  const record: HistoryRecord = {
    id: newRecordId(at, hash),
    sha256: hash,
    writtenAt: at.toISOString(),
    author: ctx.author.author,
    authorSource: ctx.author.source,
    action,
    reason:
      ctx.approve?.trim() ||
      [
        ctx.reason?.trim(),
        removedUnused &&
          `未经 --approve：删除的 ${removedUnused.coordinates.join('、')} 自 ${removedUnused.since} 起近 ${removedUnused.days} 天无任何客户端使用（用量记录 ${removedUnused.usageDir}）(removed without approval: no recorded use in the window)`,
      ]
        .filter(Boolean)
        .join('；') ||
      null,
    approvedBreaking: (diff?.breaking.length ?? 0) > 0 && !removedUnused,
    ...(removedUnused ? { removedUnused } : {}),
    ...(restores ? { restores } : {}),
    ...(ctx.probes ? { probes: ctx.probes } : {}),
    previous,
    subgraphs: after,
    changes: diff
      ? changesInPlainWords(diff, { before, after })
      : [current === null ? '首个超图 (first supergraph)' : '替换了无法加载的超图文件 (replaced an unloadable file)'],
    clientsAffected: ctx.usage ? affectedInPlainWords(affected, ctx.usage) : [],
  };
  writeRecord(dir, record, text);
  writeSupergraphFile(ctx.supergraphPath, text);
  return {
    status: 'written',
    record,
    diff,
    affected,
    messages: [
      `wrote ${ctx.supergraphPath}`,
      `历史记录 (history record): ${record.id}（${dir}）`,
      `作者 (author): ${record.author}（${record.authorSource}）${record.reason ? `；理由 (reason): ${record.reason}` : ''}`,
      ...(record.probes?.mode === 'offline' ? ['! 未探测子图 (--offline: the running subgraphs were NOT probed; the record says so)'] : []),
      ...record.changes.map((c) => `  - ${c}`),
      ...record.clientsAffected.map((c) => `  · ${c}`),
    ],
  };
}

/** `npm run compose`: the registry's SDL files → the supergraph file, gated and recorded. */
export function composeAndRecord(ctx: ReleaseContext & { registryPath: string }): ReleaseResult {
  let registry;
  try {
    registry = loadRegistry(ctx.registryPath);
  } catch (err) {
    return { status: 'failed', messages: [(err as Error).message] };
  }
  const policy = checkOwnership(registry);
  if (policy.violations.length) {
    return {
      status: 'refused',
      messages: [
        `拒绝写入：违反归属策略 ${policy.violations.length} 项（不能用 --approve 放行；改 SDL，或经审核在注册表中授予）(ownership policy violations)`,
        ...policy.violations.map((v) => `  - ${v.message}`),
      ],
    };
  }
  const composed = composeRegistry(registry);
  if (!composed.ok) return { status: 'failed', messages: ['组合失败 (composition failed):', ...composed.errors.map((e) => `  - ${e}`)] };
  const result = release(ctx, composed.supergraphSdl, 'compose');
  if (result.status === 'written') result.messages.push(...composed.hints.map((h) => `hint: ${h}`));
  return result;
}

/** `npm run compose -- --rollback <id>`: an earlier supergraph from the history, checked, gated and recorded. */
export function rollbackTo(ctx: ReleaseContext & { id: string }): ReleaseResult {
  const dir = historyDirFor(ctx.supergraphPath, ctx.env);
  let target: HistoryRecord;
  let text: string;
  try {
    target = findRecord(dir, ctx.id);
    text = recordedSupergraph(dir, target);
  } catch (err) {
    return { status: 'failed', messages: [(err as Error).message] };
  }
  const problem = supergraphProblem(text);
  if (problem) return { status: 'failed', messages: [`记录 ${target.id} 的超图无法加载，未回滚 (cannot load): ${problem}`] };
  const result = release({ ...ctx, reason: ctx.reason ?? `回滚到 ${target.id} (rollback)` }, text, 'rollback', target.id);
  if (result.status === 'written') {
    result.messages.push(
      `已回滚到 ${target.id}（${target.writtenAt}，${target.author}）。注册表与 SDL 文件仍是新版本：请一并还原（git），否则下次 npm run compose 会再次写入新版本`,
    );
  }
  return result;
}

/**
 * `npm run compose`: probes every registered subgraph first (each must refuse forged, expired and misaddressed tokens,
 * a GET and an ordinary query without a valid token, and serve its registered SDL), then composes, gates and records.
 * `offline` (`--offline`) skips the probes; the record says so. A failed probe writes nothing, whatever `--approve` says.
 */
export async function composeProbedAndRecord(
  ctx: ReleaseContext & {
    registryPath: string;
    probe: { offline: true } | ({ offline: false; config?: Pick<Config, 'serviceUrl'> } & ProbeOptions);
  },
): Promise<ReleaseResult> {
  if (ctx.probe.offline) return composeAndRecord({ ...ctx, probes: { mode: 'offline', subgraphs: [] } });
  let registry;
  try {
    registry = loadRegistry(ctx.registryPath);
  } catch (err) {
    return { status: 'failed', messages: [(err as Error).message] };
  }
  // The ownership policy and composition first: they need no running service and say more about a bad registry.
  const policy = checkOwnership(registry);
  const composed = composeRegistry(registry);
  if (policy.violations.length || !composed.ok) return composeAndRecord(ctx);
  const probes = await probeRegistry(registry, { ...ctx.probe, env: ctx.env });
  if (probesFailed(probes)) {
    return {
      status: 'refused',
      messages: [
        '拒绝写入：子图探测未通过，不能用 --approve 放行 (refused: a subgraph failed the probes)',
        ...formatProbes(probes),
        '修好子图后重试；计划内停机的子图用 --allow-unreachable NAME；确无服务可探测时（如离线构建）用 --offline，记录会注明未探测',
      ],
    };
  }
  const result = composeAndRecord({ ...ctx, probes: { mode: 'probed', subgraphs: probes.map((p) => ({ name: p.name, url: p.url, outcome: p.outcome })) } });
  const passed = probes.filter((p) => p.outcome === 'passed').map((p) => p.name);
  result.messages.push(`✓ 子图探测通过 (probes passed): ${passed.join(', ')}`, ...formatProbes(probes).filter((l) => /^[·!]/.test(l)));
  return result;
}
