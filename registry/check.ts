import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from '../kernel/config.js';
import type { KeyMaterial } from '../kernel/identity.js';
import { historyDirFor, recordIdForHash, sha256 } from '../kernel/schema/history.js';
import { loadRegistry, registryPathFrom, resolveSubgraphUrl, supergraphPathFrom, type Registry } from '../kernel/schema/registry-file.js';
import { composeRegistry } from './compose.js';
import { checkOwnership, type OwnershipReport } from './ownership.js';
import { probeSubgraphs, type ProbeOptions, type SubgraphProbe } from './probes.js';
import { diffSupergraphs, type FieldImpact, type SupergraphDiff } from './schema-diff.js';
import { readUsage, UsageStoreMissing, windowStart, type ClientUse } from './usage.js';

export { apiSchemaOf, diffSupergraphs, type SchemaChange, type SupergraphDiff } from './schema-diff.js';

// `npm run compose -- --check`: would this registry compose; does every subgraph keep to the ownership policy;
// would it break clients of the current supergraph, and which known clients used what it takes away; does
// every registered subgraph refuse forged, expired and misaddressed tokens and serve the SDL it registered?

export interface AffectedField extends FieldImpact {
  clients: ClientUse[];
}

export interface UsageWindow {
  dir: string;
  days: number;
  /** First UTC day counted. */
  since: string;
}

/** Known clients that used each impacted coordinate within the window (a type name also matches its fields). */
export function clientsAffected(impacts: FieldImpact[], window: UsageWindow): AffectedField[] {
  if (!impacts.length) return [];
  const usage = readUsage(window.dir, window.since);
  return impacts.map((impact) => {
    const merged = new Map<string, ClientUse>();
    const isType = !impact.coordinate.includes('.');
    for (const [coordinate, uses] of usage) {
      if (coordinate !== impact.coordinate && !(isType && coordinate.startsWith(`${impact.coordinate}.`))) continue;
      for (const u of uses) {
        const m = merged.get(u.client);
        // A type's fields are counted per operation each: the type's own count is the best single number.
        if (!m || u.count > m.count) merged.set(u.client, { ...u, lastDay: m && m.lastDay > u.lastDay ? m.lastDay : u.lastDay });
      }
    }
    return { ...impact, clients: [...merged.values()].sort((a, b) => b.count - a.count) };
  });
}

/** One line per impacted coordinate: who used it, how often, when last. */
export function affectedInPlainWords(affected: AffectedField[], window: UsageWindow): string[] {
  return affected
    .filter((a) => a.clients.length)
    .map(
      (a) => `${a.coordinate}（${a.change}）近 ${window.days} 天的使用者: ${a.clients.map((c) => `${c.client} ${c.count} 次（最近 ${c.lastDay}）`).join('、')}`,
    );
}

export interface CheckReport {
  registryPath: string;
  supergraphPath: string;
  compositionErrors: string[];
  hints: string[];
  /** null when the registry could not be read. */
  policy: OwnershipReport | null;
  diff: SupergraphDiff | null;
  /** Impacted coordinates with the known clients that used them (empty clients: no recorded use). */
  affected: AffectedField[];
  usage: UsageWindow | null;
  /** The configured usage store is missing while the change takes something away (the check then fails). */
  usageError?: string;
  /** The composed supergraph equals the file at supergraphPath. */
  upToDate: boolean;
  /** The history record of the current supergraph file (null: it was not written by `npm run compose`). */
  currentRecord: string | null;
  /** null when probing was turned off. */
  probes: SubgraphProbe[] | null;
  ok: boolean;
  /** The supergraph this registry composes to (when it composes). */
  supergraphSdl?: string;
}

export interface CheckOptions {
  registryPath?: string;
  supergraphPath?: string;
  probe?: boolean;
  env?: NodeJS.ProcessEnv;
  config?: Pick<Config, 'serviceUrl'>;
  probeTimeoutMs?: number;
  /** The internal-token key pair; the probes need its signing half. */
  keys?: KeyMaterial | null;
  /** Subgraphs that may be unreachable (`--allow-unreachable NAME`). */
  allowUnreachable?: string[];
  /** Folder of the gateway's field-usage files; none: no usage lines. */
  usageDir?: string | null;
  usageDays?: number;
  /** End of the usage window (default now). */
  now?: Date;
}

/** Probes every registered subgraph at the address the gateway would use (`<NAME>_URL`, PORT+n, the registry). */
export async function probeRegistry(
  registry: Registry,
  opts: ProbeOptions & { env?: NodeJS.ProcessEnv; config?: Pick<Config, 'serviceUrl'> },
): Promise<SubgraphProbe[]> {
  const env = opts.env ?? process.env;
  const targets = registry.subgraphs.map((s) => {
    let registeredSdl: string | null = null;
    try {
      registeredSdl = readFileSync(resolve(registry.dir, s.sdl), 'utf8');
    } catch {
      /* reported by the probe */
    }
    return { name: s.name, url: resolveSubgraphUrl(s.name, { env, config: opts.config, registry }), registeredSdl };
  });
  return probeSubgraphs(targets, opts);
}

/** The probes' lines of the report (shared by `--check` and the write of `npm run compose`). */
export function formatProbes(probes: SubgraphProbe[]): string[] {
  const lines = [
    '令牌与 SDL 探测 (probes: no token, unsigned, wrong key, expired, addressed to another subgraph or partner, GET without a token, an ordinary query without or with a forged token → 401; valid → the registered SDL):',
  ];
  for (const p of probes) {
    if (p.outcome === 'passed') {
      lines.push(`✓ 子图 ${p.name} (${p.url})：伪造、过期、错投的令牌与无令牌的 GET、普通查询均被拒绝（401），有效令牌下提供的 SDL 与登记一致`);
    } else if (p.outcome === 'allowed-unreachable') {
      lines.push(`· ${p.problems[0]}`);
    } else {
      lines.push(`✗ 子图 ${p.name} (${p.url})：`);
      for (const problem of p.problems) lines.push(`  - ${problem}`);
    }
  }
  const allowed = probes.filter((p) => p.outcome === 'allowed-unreachable').map((p) => p.name);
  if (allowed.length) lines.push(`! 未验证的子图 (allowed unreachable, NOT verified): ${allowed.join(', ')}`);
  return lines;
}

export const probesFailed = (probes: SubgraphProbe[]) => probes.some((p) => p.outcome === 'failed' || p.outcome === 'unreachable');

export async function checkRegistry(opts: CheckOptions = {}): Promise<CheckReport> {
  const env = opts.env ?? process.env;
  const registryPath = opts.registryPath ?? registryPathFrom(env);
  const supergraphPath = opts.supergraphPath ?? supergraphPathFrom(env);
  const report: CheckReport = {
    registryPath,
    supergraphPath,
    compositionErrors: [],
    hints: [],
    policy: null,
    diff: null,
    affected: [],
    usage: null,
    upToDate: false,
    currentRecord: null,
    probes: null,
    ok: false,
  };
  let registry: Registry;
  try {
    registry = loadRegistry(registryPath);
  } catch (err) {
    report.compositionErrors.push((err as Error).message);
    return report;
  }
  report.policy = checkOwnership(registry);
  const composed = composeRegistry(registry);
  if (composed.ok) {
    report.supergraphSdl = composed.supergraphSdl;
    report.hints = composed.hints;
    let baseline: string | null = null;
    try {
      baseline = readFileSync(supergraphPath, 'utf8');
    } catch {
      report.compositionErrors.push(`找不到对照的超图文件 ${supergraphPath} (baseline supergraph missing)`);
    }
    if (baseline !== null) {
      report.upToDate = baseline.trimEnd() === composed.supergraphSdl.trimEnd();
      report.currentRecord = recordIdForHash(historyDirFor(supergraphPath, env), sha256(baseline));
      try {
        report.diff = diffSupergraphs(baseline, composed.supergraphSdl);
      } catch (err) {
        report.compositionErrors.push(`对照的超图文件 ${supergraphPath} 无法加载 (baseline does not load): ${(err as Error).message}`);
      }
    }
  } else {
    report.compositionErrors.push(...composed.errors);
  }
  if (report.diff && opts.usageDir) {
    const days = opts.usageDays ?? 30;
    report.usage = { dir: opts.usageDir, days, since: windowStart(opts.now ?? new Date(), days) }; // timing: usage window
    try {
      report.affected = clientsAffected(report.diff.impacts, report.usage);
    } catch (err) {
      if (!(err instanceof UsageStoreMissing)) throw err;
      report.usageError = err.message; // the check fails: who a change would break cannot be said
    }
  }
  if (opts.probe !== false) {
    report.probes = await probeRegistry(registry, {
      env,
      config: opts.config,
      keys: opts.keys ?? null,
      allowUnreachable: opts.allowUnreachable,
      timeoutMs: opts.probeTimeoutMs,
    });
  }
  report.ok =
    report.compositionErrors.length === 0 &&
    (report.policy?.violations.length ?? 1) === 0 &&
    (report.diff?.breaking.length ?? 0) === 0 &&
    !report.usageError &&
    !(report.probes && probesFailed(report.probes));
  return report;
}

/** The report in plain words, one line each, for a terminal or a CI log. */
export function formatCheckReport(r: CheckReport): string[] {
  const lines = [`注册表 (registry): ${r.registryPath}`, `对照超图 (against): ${r.supergraphPath}${r.currentRecord ? `（历史记录 ${r.currentRecord}）` : ''}`];
  if (r.compositionErrors.length) {
    lines.push(`✗ 组合失败 (composition errors): ${r.compositionErrors.length}`);
    for (const e of r.compositionErrors) lines.push(`  - ${e}`);
  } else {
    lines.push('✓ 组合成功 (composes)');
  }
  if (r.policy) {
    if (r.policy.violations.length) {
      lines.push(`✗ 违反归属策略 (OWNERSHIP POLICY VIOLATIONS): ${r.policy.violations.length}`);
      for (const v of r.policy.violations) lines.push(`  - ${v.message}`);
    } else {
      lines.push('✓ 符合归属策略 (ownership policy respected)');
    }
    for (const s of r.policy.summary) lines.push(`  · ${s}`);
    if (r.policy.skipped.length) lines.push(`  · 未检查归属（SDL 无法构建，见组合错误）: ${r.policy.skipped.join(', ')}`);
  }
  if (r.diff) {
    if (r.diff.breaking.length) {
      lines.push(`✗ 破坏性变更 (BREAKING CHANGES): ${r.diff.breaking.length} — 现有客户端的查询会失败`);
      for (const c of r.diff.breaking) lines.push(`  - ${c.message}`);
    } else {
      lines.push('✓ 无破坏性变更 (no breaking changes)');
    }
    for (const c of r.diff.dangerous) lines.push(`  ! 注意 (dangerous): ${c.message}`);
    if (r.diff.added.length) lines.push(`  + 新增 (added): ${r.diff.added.join(', ')}`);
    if (r.usageError) lines.push(`  ✗ ${r.usageError}`);
    if (r.usage && !r.usageError && r.diff.impacts.length) {
      const used = affectedInPlainWords(r.affected, r.usage);
      if (used.length) {
        lines.push(`  受影响的已知客户端 (clients that used what this change removes or narrows, last ${r.usage.days} days):`);
        for (const l of used) lines.push(`    - ${l}`);
      } else {
        lines.push(`  · 近 ${r.usage.days} 天没有客户端使用被删除或收窄的内容 (no recorded use since ${r.usage.since}; usage from ${r.usage.dir})`);
      }
    }
    if (!r.upToDate) lines.push('  · 超图文件与注册表不一致：运行 `npm run compose` 写入 (supergraph file is stale)');
    else if (!r.currentRecord) lines.push('  ! 当前超图文件不在历史记录中（不是经 `npm run compose` 写入的）；运行 `npm run compose` 补记 (not in history)');
  }
  if (r.probes === null) {
    lines.push('· 已跳过令牌与 SDL 探测 (--no-probe: subgraphs were not probed)');
  } else {
    lines.push(...formatProbes(r.probes));
  }
  lines.push(r.ok ? '检查通过 (check passed)' : '检查未通过 (check FAILED)');
  return lines;
}
