import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BufferedResponse, dedupeInflight, type Fetcher } from '../../gateway/fetcher.js';
import { cacheVerified, createInternalTokenCache, createInternalTokenVerifier, loadKeyMaterial, type Caller, type KeyMaterial } from '../../kernel/identity.js';

// The caches on the hot path (issue 18): an internal token signed once per caller and subgraph and reused for
// most of its life, verified tokens remembered until they expire, identical queries in flight sharing one call.

let dir: string;
let keys: KeyMaterial;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sx-caches-'));
  keys = await loadKeyMaterial(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const officer: Caller = { subject: 'o1', role: 'OFFICER', agencyId: 'a1', officerId: 'o1' };
const other: Caller = { subject: 'o2', role: 'OFFICER', agencyId: 'a1', officerId: 'o2' };

describe('internal token cache', () => {
  it('reuses a token per caller and subgraph, and signs anew after the reuse window', async () => {
    let now = 1_000_000;
    const sign = createInternalTokenCache(keys, { now: () => now });
    const a = await sign(officer, 'r1', 'powers');
    expect(await sign(officer, 'r2', 'powers')).toBe(a);
    expect(await sign(officer, 'r1', 'cases')).not.toBe(a);
    expect(await sign(other, 'r1', 'powers')).not.toBe(a);
    expect(decodeJwt(await sign(other, 'r1', 'powers')).sub).toBe('o2');
    now += 46_000; // past the 45 s reuse window of a 60 s token
    expect(await sign(officer, 'r3', 'powers')).not.toBe(a);
  });

  it('stays bounded', async () => {
    const sign = createInternalTokenCache(keys, { max: 2 });
    // A token names the request it was minted for (rid): a re-signed one names the later request.
    expect(decodeJwt(await sign(officer, 'r1', 'powers')).rid).toBe('r1');
    expect(decodeJwt(await sign(officer, 'r2', 'powers')).rid).toBe('r1');
    await sign(officer, 'r1', 'cases');
    await sign(officer, 'r1', 'reviews'); // evicts the oldest (powers)
    expect(decodeJwt(await sign(officer, 'r3', 'powers')).rid).toBe('r3');
  });
});

describe('verified-token cache', () => {
  it('verifies a token once, refuses the wrong audience, and never remembers a refusal', async () => {
    const sign = createInternalTokenCache(keys);
    const verify = createInternalTokenVerifier(keys, 'powers');
    const token = await sign(officer, 'r', 'powers');
    expect(await verify(token)).toMatchObject({ subject: 'o1', role: 'OFFICER', agencyId: 'a1' });
    await expect(verify(await sign(officer, 'r', 'cases'))).rejects.toThrow();

    let calls = 0;
    const counted = cacheVerified(async (t) => {
      calls++;
      if (t === token) return officer;
      throw new Error('bad');
    });
    await counted(token);
    await counted(token);
    expect(calls).toBe(1);
    await expect(counted('x.y.z')).rejects.toThrow();
    await expect(counted('x.y.z')).rejects.toThrow();
    expect(calls).toBe(3);
  });

  it('forgets a token when it expires', async () => {
    let now = Date.now();
    let calls = 0;
    const token = await createInternalTokenCache(keys)(officer, 'r', 'powers');
    const exp = decodeJwt(token).exp! * 1000;
    const counted = cacheVerified(
      async () => {
        calls++;
        return officer;
      },
      { now: () => now, maxAgeMs: 10 * 60_000 },
    );
    await counted(token);
    now = exp - 1;
    await counted(token);
    expect(calls).toBe(1);
    now = exp + 1;
    await counted(token);
    expect(calls).toBe(2);
  });
});

describe('in-flight deduplication of subgraph fetches', () => {
  const counting = () => {
    const seen: string[] = [];
    const fetcher: Fetcher = async (url, init) => {
      seen.push(String(init?.body));
      await new Promise((r) => setTimeout(r, 20));
      return new BufferedResponse(url, 200, 'OK', { 'content-type': 'application/json' }, '{"data":{"x":1}}');
    };
    return { seen, fetcher };
  };
  const post = (body: string, auth = 'Bearer t1') => ({ method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body });

  it('merges identical queries of one caller in flight, each waiter getting its own response', async () => {
    const { seen, fetcher } = counting();
    const f = dedupeInflight(fetcher);
    const body = '{"query":"query A__powers__0 { x }","variables":{}}';
    const [a, b] = await Promise.all([f('http://p/graphql', post(body)), f('http://p/graphql', post(body))]);
    expect(seen).toHaveLength(1);
    expect(a).not.toBe(b);
    expect(await b.json()).toEqual({ data: { x: 1 } });
    await f('http://p/graphql', post(body)); // after the first finished: a new call
    expect(seen).toHaveLength(2);
  });

  it('never merges mutations, other callers or other bodies', async () => {
    const { seen, fetcher } = counting();
    const f = dedupeInflight(fetcher);
    const q = '{"query":"query A__powers__0 { x }","variables":{}}';
    const m = '{"query":"mutation A__cases__0 { fileCase { id } }","variables":{}}';
    await Promise.all([
      f('http://p/graphql', post(m)),
      f('http://p/graphql', post(m)),
      f('http://p/graphql', post(q, 'Bearer t1')),
      f('http://p/graphql', post(q, 'Bearer t2')),
      f('http://p/graphql', post(q.replace('{ x }', '{ y }'))),
    ]);
    expect(seen).toHaveLength(5);
  });
});
