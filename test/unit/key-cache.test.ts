import { describe, expect, it } from 'vitest';
import { cachedKeys } from '../../kernel/records/keys.js';

// The one cache of verification keys (kernel/records/keys.ts): re-read after its lifetime, never keeps an empty ring.
describe('cachedKeys', () => {
  it('reads once within its lifetime and again after it', () => {
    let reads = 0;
    const load = () => (reads++, new Map([['k1', reads]]));
    expect(cachedKeys('test:lifetime', load, 60_000).get('k1')).toBe(1);
    expect(cachedKeys('test:lifetime', load, 60_000).get('k1')).toBe(1);
    expect(reads).toBe(1);
    expect(cachedKeys('test:lifetime', load, 0).get('k1')).toBe(2); // lifetime over: read again
    expect(reads).toBe(2);
  });
  it('does not keep an empty result: a key written a moment later is seen at once', () => {
    let ring = new Map<string, number>();
    const load = () => ring;
    expect(cachedKeys('test:empty', load, 60_000).size).toBe(0);
    ring = new Map([['k1', 1]]);
    expect(cachedKeys('test:empty', load, 60_000).size).toBe(1);
  });
  it('keeps each key dir and service apart', () => {
    expect(cachedKeys('test:a', () => new Map([['a', 1]]), 60_000).has('a')).toBe(true);
    expect(cachedKeys('test:b', () => new Map([['b', 1]]), 60_000).has('a')).toBe(false);
  });
});
