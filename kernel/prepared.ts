import { Column, is, sql } from 'drizzle-orm';

// Issue 28: the hot reads of the subgraphs (a list page, the loaders' batched lookups) as drizzle prepared statements,
// built once per shape instead of per request, with their rows mapped by a mapper compiled once per statement.
// The profiles under 64 callers showed drizzle's query building (`buildSelection`, `buildQueryFromSourceParams`, `sql`)
// and its row mapping (`mapResultRow` calls `is()` on every column of every row) as the largest item of the powers
// and cases fetches after GC. A prepared statement still goes through drizzle's session (the logger counts it, so the
// statement-count tests and the benchmark's capture see it) and the same mysql2 pool; values are placeholders, sent
// as parameters exactly as before.

interface PreparedInternals {
  fields?: { path: string[]; field: unknown }[];
  joinsNotNullableMap?: Record<string, boolean>;
  customResultMapper?: (rows: unknown[][]) => unknown;
}

/**
 * Compiles the row mapping of a prepared single-table select (every selected field a column at the top level of the
 * result): one decoder per column, decided once. Other shapes (joins, nested selections, SQL fields) keep drizzle's
 * own mapping.
 */
function compileMapper<P extends object>(prepared: P): P {
  const q = prepared as unknown as PreparedInternals;
  const fields = q.fields;
  if (!fields || q.customResultMapper || q.joinsNotNullableMap) return prepared;
  if (!fields.every((f) => f.path.length === 1 && is(f.field, Column))) return prepared;
  const keys = fields.map((f) => f.path[0]!);
  const columns = fields.map((f) => f.field as Column);
  const n = keys.length;
  q.customResultMapper = (rows) =>
    rows.map((row) => {
      const out: Record<string, unknown> = {};
      for (let i = 0; i < n; i++) {
        const raw = row[i];
        out[keys[i]!] = raw === null ? null : columns[i]!.mapFromDriverValue(raw);
      }
      return out;
    });
  return prepared;
}

/**
 * Prepared statements by shape: `get(shape, build)` returns the statement prepared for `shape`, building it with
 * `build()` (placeholders for every value) the first time. Shapes are a small fixed set per call site (which optional
 * conditions are present), so the map stays small.
 */
export function preparedByShape<P extends { execute: (values?: Record<string, unknown>) => Promise<unknown> }>() {
  const byShape = new Map<string, P>();
  return (shape: string, build: () => P): P => {
    let p = byShape.get(shape);
    if (!p) {
      p = compileMapper(build());
      byShape.set(shape, p);
    }
    return p;
  };
}

/** One prepared statement (a fixed shape), built on first use. */
export function preparedOnce<P extends { execute: (values?: Record<string, unknown>) => Promise<unknown> }>(build: () => P): () => P {
  let p: P | undefined;
  return () => (p ??= compileMapper(build()));
}

/** `column IN (…)` over a placeholder holding the list (mysql2 expands an array parameter into its values). */
export const inList = (column: Column, name: string) => sql`${column} in (${sql.placeholder(name)})`;
