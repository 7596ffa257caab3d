import { badInput } from './errors.js';

/** Relay connections with keyset cursors: the cursor is the sort key of the last row, never an offset. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
}
export interface Page<K extends unknown[]> {
  limit: number;
  after: K | null;
}
export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;

export const encodeCursor = (key: unknown[]): string => Buffer.from(JSON.stringify(key)).toString('base64url');

export function parsePage<K extends unknown[]>(args: PageArgs, arity: number): Page<K> {
  const first = args.first ?? DEFAULT_PAGE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
    throw badInput('first', `必须是 1 到 ${MAX_PAGE} 之间的整数`);
  }
  if (args.after == null) return { limit: first, after: null };
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(args.after, 'base64url').toString('utf8'));
  } catch {
    key = null;
  }
  if (!Array.isArray(key) || key.length !== arity || key.some((k) => typeof k !== 'string' && typeof k !== 'number')) {
    throw badInput('after', '游标无效（请使用上一页返回的 endCursor）');
  }
  return { limit: first, after: key as K };
}

/** rows must have been fetched with limit + 1 to know whether another page exists. */
export function toConnection<T>(rows: T[], page: Page<unknown[]>, keyOf: (row: T) => unknown[]): Connection<T> {
  const hasNextPage = rows.length > page.limit;
  const slice = hasNextPage ? rows.slice(0, page.limit) : rows;
  const edges = slice.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return { edges, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
}
