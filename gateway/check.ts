import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { GraphQLSchema } from 'graphql';
import { Supergraph } from '@apollo/federation-internals';
import type { Config } from '../subgraphs/shared/config.js';
import { composeRegistry, loadRegistry, registryPathFrom, supergraphPathFrom, urlEnvName, type Registry } from './compose.js';

// The schemas below are built by @apollo/federation-internals, which requires graphql's CommonJS build;
// bundlers (vitest) may hand ESM importers graphql's .mjs build instead, and graphql-js refuses schemas
// from the other copy. Take the comparison functions from the same CommonJS copy.
const { findBreakingChanges, findDangerousChanges, isInterfaceType, isObjectType, isInputObjectType } = createRequire(import.meta.url)(
  'graphql',
) as typeof import('graphql');

// `npm run compose -- --check`: would this registry compose, would it break clients of the committed
// supergraph, and does every registered subgraph refuse callers that do not carry the gateway's token?

export interface SchemaChange {
  type: string;
  /** Plain words: a Chinese label, then graphql-js's own description of the change. */
  message: string;
}

export interface SupergraphDiff {
  breaking: SchemaChange[];
  dangerous: SchemaChange[];
  /** Types and fields that are new (safe for existing clients). */
  added: string[];
}

const BREAKING_LABELS: Record<string, string> = {
  TYPE_REMOVED: '删除了类型 (type removed)',
  TYPE_CHANGED_KIND: '类型种类改变 (type changed kind)',
  TYPE_REMOVED_FROM_UNION: '从联合类型中删除了成员 (type removed from union)',
  VALUE_REMOVED_FROM_ENUM: '删除了枚举值 (enum value removed)',
  REQUIRED_INPUT_FIELD_ADDED: '新增了必填输入字段 (required input field added)',
  IMPLEMENTED_INTERFACE_REMOVED: '不再实现某接口 (interface removed)',
  FIELD_REMOVED: '删除了字段 (field removed)',
  FIELD_CHANGED_KIND: '字段类型改变（含非空改为可空）(field retyped)',
  REQUIRED_ARG_ADDED: '新增了必填参数 (required argument added)',
  ARG_REMOVED: '删除了参数 (argument removed)',
  ARG_CHANGED_KIND: '参数类型改变（含改为必填/非空）(argument retyped)',
  DIRECTIVE_REMOVED: '删除了指令 (directive removed)',
  DIRECTIVE_ARG_REMOVED: '删除了指令参数 (directive argument removed)',
  REQUIRED_DIRECTIVE_ARG_ADDED: '新增了必填指令参数 (required directive argument added)',
  DIRECTIVE_REPEATABLE_REMOVED: '指令不再可重复 (directive no longer repeatable)',
  DIRECTIVE_LOCATION_REMOVED: '指令位置被删除 (directive location removed)',
};
const DANGEROUS_LABELS: Record<string, string> = {
  VALUE_ADDED_TO_ENUM: '新增了枚举值，客户端需能处理未知值 (enum value added)',
  TYPE_ADDED_TO_UNION: '联合类型新增成员 (type added to union)',
  OPTIONAL_INPUT_FIELD_ADDED: '新增了可选输入字段 (optional input field added)',
  OPTIONAL_ARG_ADDED: '新增了可选参数 (optional argument added)',
  IMPLEMENTED_INTERFACE_ADDED: '新增了实现的接口 (interface added)',
  ARG_DEFAULT_VALUE_CHANGE: '参数默认值改变 (argument default changed)',
};

/** The schema clients see (federation machinery and @inaccessible elements removed). */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

function fieldNames(schema: GraphQLSchema): Set<string> {
  const out = new Set<string>();
  for (const t of Object.values(schema.getTypeMap())) {
    if (t.name.startsWith('__')) continue;
    out.add(t.name);
    if (isObjectType(t) || isInterfaceType(t) || isInputObjectType(t)) for (const f of Object.keys(t.getFields())) out.add(`${t.name}.${f}`);
  }
  return out;
}

/** Compares the API schemas of two supergraphs, the way a client of the old one would feel the new one. */
export function diffSupergraphs(oldSupergraphSdl: string, newSupergraphSdl: string): SupergraphDiff {
  const before = apiSchemaOf(oldSupergraphSdl);
  const after = apiSchemaOf(newSupergraphSdl);
  const known = fieldNames(before);
  return {
    breaking: findBreakingChanges(before, after).map((c) => ({ type: c.type, message: `${BREAKING_LABELS[c.type] ?? c.type}：${c.description}` })),
    dangerous: findDangerousChanges(before, after).map((c) => ({ type: c.type, message: `${DANGEROUS_LABELS[c.type] ?? c.type}：${c.description}` })),
    added: [...fieldNames(after)].filter((n) => !known.has(n)).sort(),
  };
}

export interface ProbeResult {
  name: string;
  url: string;
  /** protected: answered 401; flagged: answered something else; unreachable: skipped. */
  outcome: 'protected' | 'flagged' | 'unreachable';
  status?: number;
  note: string;
}

/**
 * POSTs a query without a token to each subgraph. Anything but HTTP 401 means the subgraph serves callers
 * who bypassed the gateway (and its identity, limits and masking): flag it.
 */
export async function probeSubgraphs(targets: { name: string; url: string }[], timeoutMs = 3000): Promise<ProbeResult[]> {
  return Promise.all(
    targets.map(async ({ name, url }): Promise<ProbeResult> => {
      let status: number;
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ __typename }' }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        status = res.status;
        await res.arrayBuffer().catch(() => undefined);
      } catch (err) {
        const reason = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
        return { name, url, outcome: 'unreachable', note: `跳过：子图 ${name} (${url}) 无法连接 (${reason})，未做令牌探测 (skipped: unreachable)` };
      }
      if (status === 401) return { name, url, outcome: 'protected', status, note: `子图 ${name} 对无令牌请求返回 401 (refuses callers without a token)` };
      return {
        name,
        url,
        outcome: 'flagged',
        status,
        note: `子图 ${name} (${url}) 对无令牌请求返回 HTTP ${status} 而非 401：它没有校验网关的内部令牌，绕过网关即可访问 (does not verify the internal token)`,
      };
    }),
  );
}

/** Where the gateway sends a subgraph's requests: `<NAME>_URL`, else our own service's port, else the registry, else the supergraph. */
export function resolveSubgraphUrl(
  name: string,
  opts: { env?: NodeJS.ProcessEnv; config?: Pick<Config, 'serviceUrl'>; registry?: Registry | null; fallback?: string },
): string {
  const given = (opts.env ?? process.env)[urlEnvName(name)];
  if (given) return given;
  const registered = opts.registry?.subgraphs.find((s) => s.name === name)?.url ?? opts.fallback;
  if (opts.config) return opts.config.serviceUrl(name, registered);
  if (registered) return registered;
  throw new Error(`子图 ${name} 没有地址：请在注册表中登记 url 或设置 ${urlEnvName(name)}`);
}

export interface CheckReport {
  registryPath: string;
  supergraphPath: string;
  compositionErrors: string[];
  hints: string[];
  diff: SupergraphDiff | null;
  /** The composed supergraph equals the file at supergraphPath. */
  upToDate: boolean;
  /** null when probing was turned off. */
  probes: ProbeResult[] | null;
  ok: boolean;
  /** The supergraph this registry composes to (when it composes). */
  supergraphSdl?: string;
}

export async function checkRegistry(
  opts: {
    registryPath?: string;
    supergraphPath?: string;
    probe?: boolean;
    env?: NodeJS.ProcessEnv;
    config?: Pick<Config, 'serviceUrl'>;
    probeTimeoutMs?: number;
  } = {},
): Promise<CheckReport> {
  const env = opts.env ?? process.env;
  const registryPath = opts.registryPath ?? registryPathFrom(env);
  const supergraphPath = opts.supergraphPath ?? supergraphPathFrom(env);
  const report: CheckReport = { registryPath, supergraphPath, compositionErrors: [], hints: [], diff: null, upToDate: false, probes: null, ok: false };
  let registry: Registry;
  try {
    registry = loadRegistry(registryPath);
  } catch (err) {
    report.compositionErrors.push((err as Error).message);
    return report;
  }
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
      try {
        report.diff = diffSupergraphs(baseline, composed.supergraphSdl);
      } catch (err) {
        report.compositionErrors.push(`对照的超图文件 ${supergraphPath} 无法加载 (baseline does not load): ${(err as Error).message}`);
      }
    }
  } else {
    report.compositionErrors.push(...composed.errors);
  }
  if (opts.probe !== false) {
    const targets = registry.subgraphs.map((s) => ({ name: s.name, url: resolveSubgraphUrl(s.name, { env, config: opts.config, registry }) }));
    report.probes = await probeSubgraphs(targets, opts.probeTimeoutMs);
  }
  report.ok = report.compositionErrors.length === 0 && (report.diff?.breaking.length ?? 0) === 0 && !report.probes?.some((p) => p.outcome === 'flagged');
  return report;
}

/** The report in plain words, one line each, for a terminal or a CI log. */
export function formatCheckReport(r: CheckReport): string[] {
  const lines = [`注册表 (registry): ${r.registryPath}`, `对照超图 (against): ${r.supergraphPath}`];
  if (r.compositionErrors.length) {
    lines.push(`✗ 组合失败 (composition errors): ${r.compositionErrors.length}`);
    for (const e of r.compositionErrors) lines.push(`  - ${e}`);
  } else {
    lines.push('✓ 组合成功 (composes)');
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
    if (!r.upToDate) lines.push('  · 超图文件与注册表不一致：运行 `npm run compose` 写入 (supergraph file is stale)');
  }
  if (r.probes === null) {
    lines.push('· 已跳过令牌探测 (--no-probe: subgraphs were not probed)');
  } else {
    for (const p of r.probes) lines.push(`${p.outcome === 'protected' ? '✓' : p.outcome === 'flagged' ? '✗' : '·'} ${p.note}`);
  }
  lines.push(r.ok ? '检查通过 (check passed)' : '检查未通过 (check FAILED)');
  return lines;
}
