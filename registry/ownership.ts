import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Registry, RegisteredSubgraph } from '../kernel/schema/registry-file.js';
import { declarationsOf, type FieldDecl, type TypeDecl } from './declarations.js';

// The registry's ownership policy, applied to the registered SDL files. Composition accepts a partner that
// takes over a core field with @override, adds fields to Agency, or shares a field with @shareable: all valid
// Federation, none acceptable for a law-enforcement agency's records. Every rule below names the field it
// refuses. What each subgraph declares is read by declarations.ts, with directives resolved through its @link
// imports, so renaming `@override` on import (`{ name: "@override", as: "@claim" }`) does not hide it.

export type PolicyRule =
  | 'policy-missing'
  | 'unknown-owner'
  | 'no-owner'
  | 'core-owned-by-core'
  | 'core-field-grant'
  | 'grant-conflict'
  | 'override-unowned'
  | 'shareable-takeover'
  | 'field-redefined'
  | 'field-not-granted'
  | 'type-name-collision'
  | 'root-field-collision'
  | 'shared-type-extended'
  | 'foreign-directive'
  | 'foreign-key'
  | 'provides-unowned';

export interface PolicyViolation {
  rule: PolicyRule;
  /** The subgraph whose SDL (or registry entry) breaks the rule; null for the policy block itself. */
  subgraph: string | null;
  /** `Type.field` or `Type`. */
  coordinate: string;
  message: string;
}

/** Directives a subgraph may put on another's entity: how it references the entity, nothing that changes it. */
const REFERENCE_TYPE_DIRECTIVES = new Set(['key', 'extends', 'shareable']);
/** On a field it may declare without owning it (a key field, or an @external one it @requires). */
const REFERENCE_FIELD_DIRECTIVES = new Set(['external', 'shareable']);

const sdlOf = (registry: Registry, s: RegisteredSubgraph) => readFileSync(resolve(registry.dir, s.sdl), 'utf8');

export interface OwnershipReport {
  violations: PolicyViolation[];
  /** Subgraphs whose SDL did not build (composition explains why); their rules were not checked. */
  skipped: string[];
  /** The policy in plain words, for the report: core subgraphs and what each partner was granted. */
  summary: string[];
}

/** Applies the registry's ownership policy to its SDL files (`sdlText` lets a caller supply a text, e.g. a served SDL). */
export function checkOwnership(registry: Registry, sdlText: (s: RegisteredSubgraph) => string = (s) => sdlOf(registry, s)): OwnershipReport {
  const violations: PolicyViolation[] = [];
  const skipped: string[] = [];
  const policy = registry.ownership;
  const core = registry.subgraphs.filter((s) => s.core).map((s) => s.name);
  const summary = [`核心子图 (core): ${core.join(', ') || '（无）'}`];
  for (const s of registry.subgraphs) {
    if (!s.core) summary.push(`合作方 ${s.name} 获授字段 (granted): ${s.grants?.length ? s.grants.join(', ') : '（无）'}`);
  }
  if (!policy) {
    violations.push({
      rule: 'policy-missing',
      subgraph: null,
      coordinate: registry.path,
      message: `注册表 ${registry.path} 缺少 ownership 策略，无法判断谁拥有哪些类型与字段 [规则 policy-missing：没有归属策略就不接纳任何子图]`,
    });
    return { violations, skipped, summary };
  }
  const names = new Set(registry.subgraphs.map((s) => s.name));
  const isCore = (name: string) => registry.subgraphs.some((s) => s.name === name && s.core);

  const decls: TypeDecl[] = [];
  for (const s of registry.subgraphs) {
    let text: string;
    try {
      text = sdlText(s);
    } catch {
      skipped.push(s.name);
      continue;
    }
    const d = declarationsOf(s, text);
    if (d) decls.push(...d);
    else skipped.push(s.name);
  }
  const byType = new Map<string, TypeDecl[]>();
  for (const d of decls) byType.set(d.name, [...(byType.get(d.name) ?? []), d]);
  const declOf = (type: string, subgraph: string) => byType.get(type)?.find((d) => d.subgraph === subgraph);

  // The policy itself: owners exist, core types stay with core subgraphs, grants do not hand out core fields.
  for (const [type, owner] of Object.entries(policy.types)) {
    if (!names.has(owner)) {
      violations.push({
        rule: 'unknown-owner',
        subgraph: null,
        coordinate: type,
        message: `ownership.types 把 ${type} 划归未注册的子图 ${owner} [规则 unknown-owner]`,
      });
    } else if (!isCore(owner)) {
      const coreDeclarer = byType.get(type)?.find((d) => d.core);
      if (coreDeclarer) {
        violations.push({
          rule: 'core-owned-by-core',
          subgraph: owner,
          coordinate: type,
          message: `ownership.types 把核心类型 ${type}（核心子图 ${coreDeclarer.subgraph} 声明）划归合作方 ${owner} [规则 core-owned-by-core：核心类型只能归核心子图所有]`,
        });
      }
    }
  }
  const grantee = new Map<string, string>();
  for (const s of registry.subgraphs) {
    for (const coordinate of s.grants ?? []) {
      const other = grantee.get(coordinate);
      if (other && other !== s.name) {
        violations.push({
          rule: 'grant-conflict',
          subgraph: s.name,
          coordinate,
          message: `字段 ${coordinate} 同时授予了 ${other} 与 ${s.name}，一个字段只能有一个所有者 [规则 grant-conflict]`,
        });
        continue;
      }
      grantee.set(coordinate, s.name);
      if (s.core) continue;
      const [type, field] = coordinate.split('.') as [string, string];
      const coreField = byType
        .get(type)
        ?.find((d) => d.core && d.fields.has(field) && !d.fields.get(field)!.external && !d.keyFields.has(coordinate) && !d.root);
      if (coreField) {
        violations.push({
          rule: 'core-field-grant',
          subgraph: s.name,
          coordinate,
          message: `注册表授予合作方 ${s.name} 字段 ${coordinate}，但它是核心子图 ${coreField.subgraph} 的字段 [规则 core-field-grant：核心字段不能授予合作方]`,
        });
      }
    }
  }

  const reportedNoOwner = new Set<string>();
  const ownerOf = (type: string): string | undefined => {
    const explicit = policy.types[type];
    if (explicit) return explicit;
    const all = byType.get(type) ?? [];
    const cores = all.filter((d) => d.core);
    if (cores.length === 1) return cores[0]!.subgraph;
    if (cores.length === 0 && all.length === 1) return all[0]!.subgraph;
    return undefined;
  };
  const fieldOwner = (type: string, field: string) => grantee.get(`${type}.${field}`) ?? ownerOf(type);
  const push = (rule: PolicyRule, subgraph: string, coordinate: string, message: string) =>
    violations.push({ rule, subgraph, coordinate, message: `子图 ${subgraph}：${message} [规则 ${rule}]` });

  for (const d of decls) {
    const shared = policy.shared[d.name];
    if (d.root) {
      checkRootFields(d);
      continue;
    }
    if (shared !== undefined) {
      checkShared(d, shared);
      continue;
    }
    const owner = ownerOf(d.name);
    if (!owner) {
      if (!reportedNoOwner.has(d.name)) {
        reportedNoOwner.add(d.name);
        const who = (byType.get(d.name) ?? []).map((x) => x.subgraph).join('、');
        violations.push({
          rule: 'no-owner',
          subgraph: null,
          coordinate: d.name,
          message: `类型 ${d.name} 由 ${who} 同时声明，注册表 ownership.types 未指明归属 [规则 no-owner：合作方的自有类型请加前缀，共享实体须登记所有者]`,
        });
      }
      continue;
    }
    if (owner === d.subgraph) {
      checkOwnFields(d);
      continue;
    }
    checkForeignType(d, owner);
  }

  function checkOwnFields(d: TypeDecl) {
    for (const f of d.fields.values()) {
      const owner = fieldOwner(d.name, f.name);
      if (owner !== d.subgraph && !f.external && !d.keyFields.has(`${d.name}.${f.name}`)) {
        foreignField(d, f, owner ?? '?');
      }
      checkProvides(d, f);
    }
  }

  function checkRootFields(d: TypeDecl) {
    for (const f of d.fields.values()) {
      const coordinate = `${d.name}.${f.name}`;
      const declarers = (byType.get(d.name) ?? []).filter((o) => o.fields.has(f.name) && !o.fields.get(f.name)!.external);
      const cores = declarers.filter((o) => o.core);
      // A root field belongs to whoever the registry grants it to, else the core subgraph that declares it, else its sole declarer.
      const owner = grantee.get(coordinate) ?? (cores.length === 1 ? cores[0]!.subgraph : declarers.length === 1 ? d.subgraph : undefined);
      checkProvides(d, f);
      if (owner === d.subgraph) continue;
      if (owner === undefined) {
        if (d.core && cores.length === declarers.length) continue; // core subgraphs sharing a root field: composition decides
        const others = declarers.filter((o) => o.subgraph !== d.subgraph).map((o) => o.subgraph);
        push('root-field-collision', d.subgraph, coordinate, `根字段 ${coordinate} 与 ${others.join('、')} 的同名根字段冲突；自有根字段请换名（如加部门前缀）`);
      } else if (f.overrideFrom) {
        push(
          'override-unowned',
          d.subgraph,
          coordinate,
          `在根字段 ${coordinate} 上用 @override(from: "${f.overrideFrom}") 接管 ${owner} 的字段，注册表未授予 ${d.subgraph}`,
        );
      } else if (f.shareable) {
        push('shareable-takeover', d.subgraph, coordinate, `把 ${owner} 的根字段 ${coordinate} 标为 @shareable 并自行解析，网关可能从它取值`);
      } else {
        push('root-field-collision', d.subgraph, coordinate, `根字段 ${coordinate} 与 ${owner} 的同名根字段冲突；自有根字段请换名（如加部门前缀）`);
      }
    }
  }

  function checkShared(d: TypeDecl, who: '*' | string[]) {
    if (who !== '*' && !who.includes(d.subgraph)) {
      const owners = (byType.get(d.name) ?? []).filter((o) => o.core).map((o) => o.subgraph);
      push(
        'type-name-collision',
        d.subgraph,
        d.name,
        `声明的类型 ${d.name} 与 ${owners.join('、') || who.join('、')} 共用的同名类型冲突（注册表只允许 ${who.join('、')} 声明它）；自有类型请加前缀`,
      );
      return;
    }
    if (d.core) return;
    // A partner may repeat a shared value type, never widen it: every field or value must exist in a core declaration.
    const coreDecls = (byType.get(d.name) ?? []).filter((o) => o.core);
    const known = new Set(coreDecls.flatMap((o) => [...o.fields.keys(), ...o.members]));
    for (const m of [...d.fields.keys(), ...d.members]) {
      if (coreDecls.length && !known.has(m)) {
        push('shared-type-extended', d.subgraph, `${d.name}.${m}`, `在共享类型 ${d.name} 中加入了核心子图没有的 ${d.name}.${m}；共享类型只能照原样声明`);
      }
    }
  }

  function checkForeignType(d: TypeDecl, owner: string) {
    const ownerDecl = declOf(d.name, owner);
    if (!ownerDecl && skipped.includes(owner)) return; // the owner's SDL does not build: composition says why
    const isEntity = !!ownerDecl && ownerDecl.keys.length > 0 && (d.kind === 'ObjectType' || d.kind === 'InterfaceType');
    if (!isEntity) {
      push(
        'type-name-collision',
        d.subgraph,
        d.name,
        `声明的类型 ${d.name} 与 ${owner} 的同名类型冲突（${d.name} 不是实体，不能被引用或扩展）；自有类型请加前缀`,
      );
      return;
    }
    for (const k of d.keys) {
      if (!ownerDecl.keys.includes(k)) {
        push(
          'foreign-key',
          d.subgraph,
          d.name,
          `为 ${owner} 的实体 ${d.name} 声明了新键 @key(fields: "${k}")；只能使用所有者的键 ${ownerDecl.keys.map((x) => `"${x}"`).join('、')}`,
        );
      }
    }
    for (const dir of d.directives) {
      if (!REFERENCE_TYPE_DIRECTIVES.has(dir))
        push('foreign-directive', d.subgraph, d.name, `在 ${owner} 拥有的类型 ${d.name} 上使用了 @${dir}；引用他人实体只能用 @key`);
    }
    for (const f of d.fields.values()) {
      const coordinate = `${d.name}.${f.name}`;
      const owns = fieldOwner(d.name, f.name) === d.subgraph;
      if (owns) {
        checkProvides(d, f);
        continue;
      }
      if (ownerDecl.keyFields.has(coordinate) || f.external) {
        if (f.overrideFrom) {
          push(
            'override-unowned',
            d.subgraph,
            coordinate,
            `在 ${coordinate} 上用 @override(from: "${f.overrideFrom}") 接管字段；注册表规定 ${coordinate} 归 ${owner} 所有，未授予 ${d.subgraph}`,
          );
        }
        for (const dir of f.directives.filter((x) => !REFERENCE_FIELD_DIRECTIVES.has(x) && x !== 'override' && x !== 'requires')) {
          push('foreign-directive', d.subgraph, coordinate, `在 ${owner} 的字段 ${coordinate} 上使用了 @${dir}`);
        }
        checkProvides(d, f);
        continue;
      }
      foreignField(d, f, fieldOwner(d.name, f.name) ?? owner);
      checkProvides(d, f);
    }
  }

  function foreignField(d: TypeDecl, f: FieldDecl, owner: string) {
    const coordinate = `${d.name}.${f.name}`;
    const ownerDeclares = (byType.get(d.name) ?? []).some((o) => o.subgraph === owner && o.fields.has(f.name));
    if (f.overrideFrom) {
      push(
        'override-unowned',
        d.subgraph,
        coordinate,
        `在 ${coordinate} 上用 @override(from: "${f.overrideFrom}") 接管字段；注册表规定 ${coordinate} 归 ${owner} 所有，未授予 ${d.subgraph}`,
      );
    } else if (f.shareable && ownerDeclares) {
      push('shareable-takeover', d.subgraph, coordinate, `把 ${owner} 的字段 ${coordinate} 标为 @shareable 并自行解析，网关可能从它取值`);
    } else if (ownerDeclares) {
      push('field-redefined', d.subgraph, coordinate, `重复声明了 ${owner} 的字段 ${coordinate}；引用他人实体只能声明键字段`);
    } else {
      push(
        'field-not-granted',
        d.subgraph,
        coordinate,
        `在 ${owner} 所有的类型 ${d.name} 上新增字段 ${coordinate}，注册表未授予（须在 ${d.subgraph} 的注册条目 grants 中登记 "${coordinate}"，且经审核）`,
      );
    }
  }

  function checkProvides(d: TypeDecl, f: FieldDecl) {
    for (const target of f.provides) {
      const [type, field] = target.split('.') as [string, string];
      const owner = fieldOwner(type, field);
      const ownerDecl = owner ? declOf(type, owner) : undefined;
      if (owner && owner !== d.subgraph && !ownerDecl?.keyFields.has(target)) {
        push('provides-unowned', d.subgraph, target, `${d.name}.${f.name} 用 @provides 声称提供 ${target}，该字段归 ${owner}；网关会从 ${d.subgraph} 取它的值`);
      }
    }
  }

  return { violations, skipped, summary };
}
