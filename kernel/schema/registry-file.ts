import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.js';

// The subgraph registry file (schema/subgraphs.json, or SUBGRAPH_REGISTRY) and where the supergraph file is:
// read by the gateway at run time (which subgraphs, at which URLs) and by the registry's commands (compose,
// check, partner kit). Its format is documented in docs/partners.md.

export const SCHEMA_DIR = new URL('../../schema/', import.meta.url);
export const REGISTRY_PATH = new URL('subgraphs.json', SCHEMA_DIR);
export const DEFAULT_REGISTRY_PATH = fileURLToPath(REGISTRY_PATH);
export const DEFAULT_SUPERGRAPH_PATH = fileURLToPath(new URL('supergraph.graphql', SCHEMA_DIR));

export interface RegisteredSubgraph {
  name: string;
  /** SDL file, relative to the registry file's folder (or absolute). */
  sdl: string;
  /** Default URL; `<NAME>_URL` overrides it at run time. */
  url: string;
  /** One of the agency's own subgraphs (holds the internal signing key); everything else is a partner. */
  core?: boolean;
  /** `Type.field` coordinates on types another subgraph owns that this subgraph may declare and resolve. */
  grants?: string[];
}

/**
 * Who owns which types (registry/ownership.ts applies it). A type not named here belongs to the one core
 * subgraph that declares it, else to the one subgraph that declares it.
 */
export interface OwnershipPolicy {
  /** Type name → owning subgraph (entities several subgraphs declare). */
  types: Record<string, string>;
  /** Value types several subgraphs declare alike (scalars, enums, PageInfo): type → who may ('*' = every subgraph). */
  shared: Record<string, '*' | string[]>;
}

/** A registry file with its entries' SDL paths resolved against the file's own folder. */
export interface Registry {
  path: string;
  dir: string;
  subgraphs: RegisteredSubgraph[];
  /** null when the file has no `ownership` block (the check then fails: no policy, no partners). */
  ownership: OwnershipPolicy | null;
}

/** Subgraph names become env var prefixes and join__Graph values: keep them simple. */
const NAME = /^[a-z][a-z0-9-]{0,39}$/;
const TYPE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const COORDINATE = /^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$/;

/** The registry file in effect: `SUBGRAPH_REGISTRY` (a test or a staging deployment), else schema/subgraphs.json. */
export function registryPathFrom(env: NodeJS.ProcessEnv = process.env): string {
  return env.SUBGRAPH_REGISTRY ? resolve(env.SUBGRAPH_REGISTRY) : DEFAULT_REGISTRY_PATH;
}

/** The supergraph file in effect: `SUPERGRAPH_PATH`, else schema/supergraph.graphql. */
export function supergraphPathFrom(env: NodeJS.ProcessEnv = process.env): string {
  return env.SUPERGRAPH_PATH ? resolve(env.SUPERGRAPH_PATH) : DEFAULT_SUPERGRAPH_PATH;
}

/** `market-credit` → `MARKET_CREDIT_URL` (a hyphen cannot appear in a shell variable name). */
export const urlEnvName = (name: string) => `${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_URL`;

/** Reads and checks a registry file; throws with a message naming the file and the bad entry. */
export function loadRegistry(path: URL | string = REGISTRY_PATH): Registry {
  const file = typeof path === 'string' ? resolve(path) : fileURLToPath(path);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`子图注册表 ${file} 无法读取 (cannot read the subgraph registry): ${(err as Error).message}`);
  }
  const list = (raw as { subgraphs?: unknown } | null)?.subgraphs;
  if (!Array.isArray(list)) throw new Error(`子图注册表 ${file} 缺少 subgraphs 数组 (registry needs a "subgraphs" array)`);
  const seen = new Set<string>();
  const subgraphs = list.map((entry: unknown, i): RegisteredSubgraph => {
    const e = (entry ?? {}) as Record<string, unknown>;
    const where = `${file} subgraphs[${i}]`;
    if (typeof e.name !== 'string' || !NAME.test(e.name)) throw new Error(`${where}: name 须为小写字母开头的字母、数字或连字符 (bad name)`);
    if (seen.has(e.name)) throw new Error(`${where}: 子图 ${e.name} 重复注册 (duplicate name)`);
    seen.add(e.name);
    if (typeof e.sdl !== 'string' || e.sdl === '') throw new Error(`${where}: 子图 ${e.name} 缺少 sdl 文件路径 (missing sdl)`);
    if (typeof e.url !== 'string' || !/^https?:\/\//.test(e.url)) throw new Error(`${where}: 子图 ${e.name} 的 url 须为 http(s) 地址 (bad url)`);
    if (e.core !== undefined && typeof e.core !== 'boolean') throw new Error(`${where}: 子图 ${e.name} 的 core 须为 true 或 false (bad core)`);
    if (e.grants !== undefined && (!Array.isArray(e.grants) || !e.grants.every((g) => typeof g === 'string' && COORDINATE.test(g)))) {
      throw new Error(`${where}: 子图 ${e.name} 的 grants 须为 "类型.字段" 的数组 (grants must be "Type.field" strings)`);
    }
    return { name: e.name, sdl: e.sdl, url: e.url, core: e.core === true, grants: (e.grants as string[] | undefined) ?? [] };
  });
  return { path: file, dir: dirname(file), subgraphs, ownership: parseOwnership(file, (raw as { ownership?: unknown }).ownership) };
}

function parseOwnership(file: string, raw: unknown): OwnershipPolicy | null {
  if (raw === undefined) return null;
  const where = `${file} ownership`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error(`${where}: 须为对象 (must be an object)`);
  const { types = {}, shared = {} } = raw as { types?: unknown; shared?: unknown };
  const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isRecord(types) || !isRecord(shared)) throw new Error(`${where}: types 与 shared 须为对象 (types and shared must be objects)`);
  for (const [type, owner] of Object.entries(types)) {
    if (!TYPE_NAME.test(type) || typeof owner !== 'string' || !NAME.test(owner)) throw new Error(`${where}.types.${type}: 须为 "类型": "子图名" (bad owner)`);
  }
  for (const [type, who] of Object.entries(shared)) {
    const ok = TYPE_NAME.test(type) && (who === '*' || (Array.isArray(who) && who.every((n) => typeof n === 'string' && NAME.test(n))));
    if (!ok) throw new Error(`${where}.shared.${type}: 须为 "*" 或子图名数组 (bad shared entry)`);
  }
  return { types: types as Record<string, string>, shared: shared as Record<string, '*' | string[]> };
}

/** The entries of a registry file (kept for callers that only need the list). */
export function readRegistry(path: URL | string = REGISTRY_PATH): RegisteredSubgraph[] {
  return loadRegistry(path).subgraphs;
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
