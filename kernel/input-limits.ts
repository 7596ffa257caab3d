import { createRequire } from 'node:module';
import type { GraphQLArgument, GraphQLInputType, GraphQLSchema } from 'graphql';
import { badInput, type FieldProblem } from './errors.js';

// Every text a client sends lands in a column of limited size (VARCHAR(n) counts characters, TEXT 65,535 bytes,
// the record log's payload TEXT holds several fields at once). A value over its limit is BAD_USER_INPUT naming the
// field, checked before any resolver runs — never a database error or a RangeError deep in a write (issue 29).
// Limits are per input coordinate: `InputType.field` or `Root.field(arg:)`; a text no table names gets
// DEFAULT_TEXT_LIMIT. Each subgraph declares the coordinates that may be longer (long document texts) or must be
// shorter; test/unit/input-limits.test.ts checks every String input of the core subgraphs against its column.

export interface TextLimit {
  /** Characters (VARCHAR(n) counts characters). */
  chars?: number;
  /** UTF-8 bytes (TEXT columns count bytes: 65,535). */
  bytes?: number;
}
export type InputLimits = Readonly<Record<string, TextLimit>>;

/**
 * Any text input no table names: 2,000 characters (≤ 6,000 bytes), so that the several texts one record-log entry
 * holds (a note, a location, a reference…) fit its 65,535-byte payload together. Longer than every VARCHAR the
 * project uses (the database's own refusal is BAD_USER_INPUT too), so it only bounds what lands in TEXT/JSON.
 */
export const DEFAULT_TEXT_LIMIT: TextLimit = { chars: 2_000 };
/** A document's full text (a record, a notice, minutes): it goes alone into a record-log entry or a TEXT column. */
export const LONG_TEXT_LIMIT: TextLimit = { bytes: 60_000 };

// Schemas come from @apollo/subgraph, which loads graphql's CommonJS build; inspect them with the same copy
// (graphql-js refuses types from the other copy: "from another module or realm").
const { getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType } = createRequire(import.meta.url)(
  'graphql',
) as typeof import('graphql');

const TEXT_SCALARS = new Set(['String']);

function tooLong(value: string, limit: TextLimit): string | null {
  if (limit.chars !== undefined && [...value].length > limit.chars) return `不得超过 ${limit.chars} 个字符`;
  if (limit.bytes !== undefined && Buffer.byteLength(value, 'utf8') > limit.bytes) {
    return `不得超过 ${limit.bytes} 字节（约 ${Math.floor(limit.bytes / 3)} 个汉字）`;
  }
  return null;
}

/** Problems of one value of `type` (coerced, as resolvers get it) at `path`, whose coordinate is `coordinate`. */
function check(type: GraphQLInputType, value: unknown, path: string, coordinate: string, limits: InputLimits, out: FieldProblem[]) {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return check(type.ofType, value, path, coordinate, limits, out);
  if (isListType(type)) {
    if (Array.isArray(value)) value.forEach((v, i) => check(type.ofType, v, `${path}.${i}`, coordinate, limits, out));
    return;
  }
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
      const f = fields[name];
      if (f) check(f.type, v, `${path}.${name}`, `${type.name}.${name}`, limits, out);
    }
    return;
  }
  if (isEnumType(type) || !isScalarType(type) || !TEXT_SCALARS.has(type.name) || typeof value !== 'string') return;
  const reason = tooLong(value, limits[coordinate] ?? DEFAULT_TEXT_LIMIT);
  if (reason) out.push({ field: path, reason });
}

/** Throws BAD_USER_INPUT (every over-long field) for the arguments of `Parent.field`. */
export function checkArgumentLimits(parent: string, field: string, args: readonly GraphQLArgument[], values: Record<string, unknown>, limits: InputLimits) {
  const problems: FieldProblem[] = [];
  for (const arg of args) check(arg.type, values[arg.name], arg.name, `${parent}.${field}(${arg.name}:)`, limits, problems);
  const [first, ...rest] = problems;
  if (first) throw badInput(first.field, first.reason, rest);
}

/** Wraps the resolvers of the root Query and Mutation fields so that their arguments are checked first. */
export function enforceInputLimits(schema: GraphQLSchema, limits: InputLimits): GraphQLSchema {
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    if (!root) continue;
    for (const field of Object.values(root.getFields())) {
      if (!field.args.some((a) => hasText(a.type))) continue;
      const resolve = field.resolve;
      if (!resolve) continue;
      field.resolve = (source, args, context, info) => {
        checkArgumentLimits(root.name, field.name, field.args, args as Record<string, unknown>, limits);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}

/** The input coordinates that take text (for tests and the docs): `Type.field` and `Root.field(arg:)`. */
export function textInputCoordinates(schema: GraphQLSchema): string[] {
  const out = new Set<string>();
  const seen = new Set<string>();
  const walk = (type: GraphQLInputType, coordinate: string) => {
    const named = getNamedType(type);
    if (isScalarType(named) && TEXT_SCALARS.has(named.name)) out.add(coordinate);
    if (isInputObjectType(named) && !seen.has(named.name)) {
      seen.add(named.name);
      for (const f of Object.values(named.getFields())) walk(f.type, `${named.name}.${f.name}`);
    }
  };
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(root?.getFields() ?? {})) for (const a of field.args) walk(a.type, `${root!.name}.${field.name}(${a.name}:)`);
  }
  return [...out].sort();
}

function hasText(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (isScalarType(named)) return TEXT_SCALARS.has(named.name);
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((f) => hasText(f.type, seen));
}
