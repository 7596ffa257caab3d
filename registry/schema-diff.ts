import { createRequire } from 'node:module';
import type { GraphQLInputType, GraphQLOutputType, GraphQLSchema } from 'graphql';
import { Supergraph } from '@apollo/federation-internals';

// The schemas below are built by @apollo/federation-internals, which requires graphql's CommonJS build;
// bundlers (vitest) may hand ESM importers graphql's .mjs build instead, and graphql-js refuses schemas
// from the other copy. Take the comparison functions from the same CommonJS copy.
const {
  findBreakingChanges,
  findDangerousChanges,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNamedType,
  isNonNullType,
  isObjectType,
  isUnionType,
} = createRequire(import.meta.url)('graphql') as typeof import('graphql');

// What a new supergraph changes for clients of the old one, in plain words, and which schema coordinates
// (the ones the gateway's usage counter records, gateway/usage.ts) a breaking change removes or narrows.

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
  /** Coordinates a client may have used that the change removes or narrows. */
  impacts: FieldImpact[];
}

export interface FieldImpact {
  /** `Type.field`, `Type.field(arg:)` or a type name (then every `Type.*` use counts). */
  coordinate: string;
  /** Plain words. */
  change: string;
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
    impacts: impactsOf(before, after),
  };
}

// graphql-js's own rules (findBreakingChanges), which it does not export: which type changes a client survives.
function outputChangeSafe(oldType: GraphQLOutputType, newType: GraphQLOutputType): boolean {
  if (isListType(oldType)) {
    return (isListType(newType) && outputChangeSafe(oldType.ofType, newType.ofType)) || (isNonNullType(newType) && outputChangeSafe(oldType, newType.ofType));
  }
  if (isNonNullType(oldType)) return isNonNullType(newType) && outputChangeSafe(oldType.ofType, newType.ofType);
  return (isNamedType(newType) && oldType.name === newType.name) || (isNonNullType(newType) && outputChangeSafe(oldType, newType.ofType));
}
function inputChangeSafe(oldType: GraphQLInputType, newType: GraphQLInputType): boolean {
  if (isListType(oldType)) return isListType(newType) && inputChangeSafe(oldType.ofType, newType.ofType);
  if (isNonNullType(oldType)) {
    return (isNonNullType(newType) && inputChangeSafe(oldType.ofType, newType.ofType)) || (!isNonNullType(newType) && inputChangeSafe(oldType.ofType, newType));
  }
  return isNamedType(newType) && oldType.name === newType.name;
}

/** The coordinates a breaking change takes away from clients (what usage data is matched against). */
export function impactsOf(before: GraphQLSchema, after: GraphQLSchema): FieldImpact[] {
  const out: FieldImpact[] = [];
  // Arguments (by coordinate) whose input type is, or contains, a given input type or enum.
  const argsUsing = (typeName: string): string[] => {
    const containing = new Set([typeName]);
    for (let grew = true; grew;) {
      grew = false;
      for (const t of Object.values(before.getTypeMap())) {
        if (!isInputObjectType(t) || containing.has(t.name)) continue;
        if (Object.values(t.getFields()).some((f) => containing.has(getNamedType(f.type).name))) {
          containing.add(t.name);
          grew = true;
        }
      }
    }
    const coords: string[] = [];
    for (const t of Object.values(before.getTypeMap())) {
      if (!isObjectType(t) && !isInterfaceType(t)) continue;
      for (const f of Object.values(t.getFields())) {
        for (const a of f.args) if (containing.has(getNamedType(a.type).name)) coords.push(`${t.name}.${f.name}(${a.name}:)`);
      }
    }
    return coords;
  };
  for (const oldType of Object.values(before.getTypeMap())) {
    if (oldType.name.startsWith('__')) continue;
    const newType = after.getType(oldType.name);
    if (!newType || newType.constructor !== oldType.constructor) {
      out.push({ coordinate: oldType.name, change: newType ? '类型种类改变 (type changed kind)' : '删除了类型 (type removed)' });
      if (isInputObjectType(oldType) || isEnumType(oldType))
        for (const c of argsUsing(oldType.name)) out.push({ coordinate: c, change: `参数类型 ${oldType.name} 被删除或改变` });
      continue;
    }
    if ((isObjectType(oldType) || isInterfaceType(oldType)) && (isObjectType(newType) || isInterfaceType(newType))) {
      const newFields = newType.getFields();
      for (const f of Object.values(oldType.getFields())) {
        const coordinate = `${oldType.name}.${f.name}`;
        const nf = newFields[f.name];
        if (!nf) {
          out.push({ coordinate, change: '删除了字段 (field removed)' });
          continue;
        }
        if (!outputChangeSafe(f.type, nf.type)) out.push({ coordinate, change: `字段类型由 ${String(f.type)} 改为 ${String(nf.type)} (field narrowed)` });
        for (const a of f.args) {
          const na = nf.args.find((x) => x.name === a.name);
          if (!na) out.push({ coordinate: `${coordinate}(${a.name}:)`, change: '删除了参数 (argument removed)' });
          else if (!inputChangeSafe(a.type, na.type))
            out.push({ coordinate: `${coordinate}(${a.name}:)`, change: `参数类型由 ${String(a.type)} 改为 ${String(na.type)} (argument narrowed)` });
        }
        for (const na of nf.args) {
          if (!f.args.some((a) => a.name === na.name) && isNonNullType(na.type) && na.defaultValue === undefined) {
            out.push({ coordinate, change: `新增了必填参数 ${na.name} (required argument added)` });
          }
        }
      }
      if (isObjectType(oldType) && isObjectType(newType)) {
        const kept = new Set(newType.getInterfaces().map((i) => i.name));
        for (const i of oldType.getInterfaces())
          if (!kept.has(i.name)) out.push({ coordinate: oldType.name, change: `不再实现接口 ${i.name} (interface removed)` });
      }
    } else if (isEnumType(oldType) && isEnumType(newType)) {
      const removed = oldType.getValues().filter((v) => !newType.getValue(v.name));
      if (removed.length) {
        const change = `枚举 ${oldType.name} 删除了值 ${removed.map((v) => v.name).join('、')} (enum value removed)`;
        out.push({ coordinate: oldType.name, change });
        for (const c of argsUsing(oldType.name)) out.push({ coordinate: c, change });
      }
    } else if (isUnionType(oldType) && isUnionType(newType)) {
      const kept = new Set(newType.getTypes().map((t) => t.name));
      const removed = oldType.getTypes().filter((t) => !kept.has(t.name));
      if (removed.length) out.push({ coordinate: oldType.name, change: `联合类型删除了成员 ${removed.map((t) => t.name).join('、')}` });
    } else if (isInputObjectType(oldType) && isInputObjectType(newType)) {
      const nf = newType.getFields();
      const problems: string[] = [];
      for (const f of Object.values(oldType.getFields())) {
        if (!nf[f.name]) problems.push(`删除了输入字段 ${f.name}`);
        else if (!inputChangeSafe(f.type, nf[f.name]!.type)) problems.push(`输入字段 ${f.name} 类型改为 ${String(nf[f.name]!.type)}`);
      }
      for (const f of Object.values(nf)) {
        if (!oldType.getFields()[f.name] && isNonNullType(f.type) && f.defaultValue === undefined) problems.push(`新增了必填输入字段 ${f.name}`);
      }
      if (problems.length) for (const c of argsUsing(oldType.name)) out.push({ coordinate: c, change: `输入类型 ${oldType.name}：${problems.join('；')}` });
    }
  }
  return out;
}

/** A diff as sentences for a history record or a terminal. */
export function changesInPlainWords(diff: SupergraphDiff, subgraphs: { before: string[]; after: string[] }): string[] {
  const lines: string[] = [];
  for (const s of subgraphs.after.filter((x) => !subgraphs.before.includes(x))) lines.push(`新增子图 (subgraph added): ${s}`);
  for (const s of subgraphs.before.filter((x) => !subgraphs.after.includes(x))) lines.push(`移除子图 (subgraph removed): ${s}`);
  for (const c of diff.breaking) lines.push(`破坏性 (breaking): ${c.message}`);
  for (const c of diff.dangerous) lines.push(`注意 (dangerous): ${c.message}`);
  if (diff.added.length) {
    const shown = diff.added.slice(0, 40);
    lines.push(`新增 (added): ${shown.join(', ')}${diff.added.length > shown.length ? ` …（共 ${diff.added.length} 项）` : ''}`);
  }
  return lines;
}

/** Subgraph names of a supergraph. */
export const subgraphsOf = (supergraphSdl: string) =>
  Supergraph.build(supergraphSdl)
    .subgraphsMetadata()
    .map((s) => s.name);
