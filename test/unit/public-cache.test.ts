import { describe, expect, it } from 'vitest';
import { etagOf, matchesEtag, publicCacheFrom } from '../../gateway/public-cache.js';

// The gateway's public response cache (issue 28) without a gateway: what it keeps, and what it refuses to keep.

const answer = (body: string) => ({ body, contentType: 'application/json', etag: etagOf(body), operation: 'Q' });

describe('public cache', () => {
  it('is off with PUBLIC_CACHE_TTL_S=0 and refuses a bad value', () => {
    expect(publicCacheFrom({ PUBLIC_CACHE_TTL_S: '0' })).toBeNull();
    expect(() => publicCacheFrom({ PUBLIC_CACHE_TTL_S: '-1' })).toThrow(/PUBLIC_CACHE_TTL_S/);
    expect(publicCacheFrom({})!.ttlSeconds).toBe(10);
  });

  it('keys by business date, method, query string and body', () => {
    const c = publicCacheFrom({})!;
    const k = c.key('2026-11-20', 'POST', '', { query: '{ a }' });
    expect(c.key('2026-11-20', 'POST', '', { query: '{ a }' })).toBe(k);
    expect(c.key('2026-11-21', 'POST', '', { query: '{ a }' })).not.toBe(k);
    expect(c.key('2026-11-20', 'POST', '', { query: '{ b }' })).not.toBe(k);
    expect(c.key('2026-11-20', 'GET', '?query=%7Ba%7D', undefined)).not.toBe(k);
  });

  it('does not store an answer computed across an invalidation (a mutation finished meanwhile)', () => {
    const c = publicCacheFrom({})!;
    const g = c.generation();
    c.invalidate();
    c.put('k', g, answer('old'));
    expect(c.get('k')).toBeUndefined();
    c.put('k', c.generation(), answer('new'));
    expect(c.get('k')!.body).toBe('new');
    c.invalidate();
    expect(c.get('k')).toBeUndefined();
  });

  it('matches If-None-Match lists, weak tags and *', () => {
    const tag = etagOf('x');
    expect(matchesEtag(undefined, tag)).toBe(false);
    expect(matchesEtag(`"other", ${tag}`, tag)).toBe(true);
    expect(matchesEtag(`W/${tag}`, tag)).toBe(true);
    expect(matchesEtag('*', tag)).toBe(true);
    expect(matchesEtag('"other"', tag)).toBe(false);
    expect(etagOf('y')).not.toBe(tag);
  });
});
