import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';

// Answers to anonymous (PUBLIC) queries, kept for a short time (issue 28). The public sees only what has been
// published — ex-ante publicity (power items, benchmarks, lists) and ex-post publications — and that changes when
// something is published, revised or withdrawn: by a mutation. Every mutation through this gateway empties the
// cache (it cannot cheaply tell which mutations publish, so it assumes any may); the lifetime bounds what this
// gateway cannot see (another replica's mutation, a bulk load). The business date is part of the key: a publication
// period ends on a date. Answers to any other role are never kept: they depend on who asks.
//   PUBLIC_CACHE_TTL_S (default 10; 0 = off): the cache's lifetime, also the `max-age` clients and CDNs are told.

export interface CachedAnswer {
  body: string;
  contentType: string;
  etag: string;
  /** The operation's name, for the metrics and log line of a request answered from the cache. */
  operation: string;
}

export interface PublicCache {
  readonly ttlSeconds: number;
  /** The headers a PUBLIC answer carries, so a browser or CDN may keep it as long as the gateway does. */
  headers(etag: string): Record<string, string>;
  key(date: string, method: string, search: string, body: unknown): string;
  get(key: string): CachedAnswer | undefined;
  /** Changes on every invalidation: an answer computed across one is not stored. */
  generation(): number;
  put(key: string, generation: number, answer: CachedAnswer): void;
  invalidate(): void;
}

/** A strong validator of a response body. */
export const etagOf = (body: string) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/** Whether an `If-None-Match` header names `etag` (a list, or `*`). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === etag || t === '*');
}

export function publicCacheFrom(env: NodeJS.ProcessEnv, opts: { max?: number } = {}): PublicCache | null {
  const raw = env.PUBLIC_CACHE_TTL_S;
  const ttlSeconds = raw === undefined || raw === '' ? 10 : Number(raw);
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 0) throw new Error(`环境变量 PUBLIC_CACHE_TTL_S=${raw} 应为非负整数 (expected a non-negative integer)`);
  if (ttlSeconds === 0) return null;
  const entries = new LRUCache<string, CachedAnswer>({ max: opts.max ?? 1_000, ttl: ttlSeconds * 1000 });
  let gen = 0;
  return {
    ttlSeconds,
    headers: (etag) => ({ etag, 'cache-control': `public, max-age=${ttlSeconds}`, vary: 'authorization' }),
    key: (date, method, search, body) =>
      createHash('sha256')
        .update(`${date}\u0000${method}\u0000${search}\u0000${JSON.stringify(body ?? null)}`)
        .digest('base64url'),
    get: (key) => entries.get(key),
    generation: () => gen,
    put(key, generation, answer) {
      if (generation === gen) entries.set(key, answer);
    },
    invalidate() {
      gen++;
      entries.clear();
    },
  };
}
