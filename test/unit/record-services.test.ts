import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMacKeyRing, loadMacKeysForVerify, macKeysPath } from '../../kernel/records/keys.js';
import { entryMacOk } from '../../kernel/records/chain.js';
import { entryMac } from '../../kernel/records/keys.js';
import { loadPublicKeys, loadSigningKey, signingKeyPath } from '../../kernel/records/signing.js';

// Issue 25: one mechanism, one key ring per service — an entry keyed by one service never verifies as another's.
describe('kernel/records: each service keeps its own keys', () => {
  const env = {} as NodeJS.ProcessEnv;

  it('cases keeps issue 12 file names; reviews gets its own files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rec-keys-'));
    expect(macKeysPath(dir, env)).toBe(join(dir, 'record-mac-keys.json'));
    expect(macKeysPath(dir, env, 'reviews')).toBe(join(dir, 'record-mac-keys-reviews.json'));
    expect(signingKeyPath(dir, env, 'reviews')).toBe(join(dir, 'record-checkpoint-reviews.ed25519.pem'));
    loadMacKeyRing(dir, env, 'reviews');
    expect(existsSync(join(dir, 'record-mac-keys-reviews.json'))).toBe(true);
    expect(existsSync(join(dir, 'record-mac-keys.json'))).toBe(false);
  });

  it('an entry MACed with the reviews key fails under the cases ring, and the other way round', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rec-keys-'));
    const cases = loadMacKeyRing(dir, env, 'cases');
    const reviews = loadMacKeyRing(dir, env, 'reviews');
    const hash = 'a'.repeat(64);
    const byReviews = { hash, macKeyId: reviews.activeId, mac: entryMac(reviews.keys.get(reviews.activeId)!, reviews.activeId, hash) };
    expect(entryMacOk(byReviews, loadMacKeysForVerify(dir, env, 'reviews'))).toBe(true);
    expect(entryMacOk(byReviews, loadMacKeysForVerify(dir, env, 'cases'))).toBe(false);
    const byCases = { hash, macKeyId: cases.activeId, mac: entryMac(cases.keys.get(cases.activeId)!, cases.activeId, hash) };
    expect(entryMacOk(byCases, loadMacKeysForVerify(dir, env, 'reviews'))).toBe(false);
  });

  it('RECORD_MAC_KEYS_<SERVICE> is read for that service only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rec-keys-'));
    const ring = JSON.stringify({ active: 'r1', keys: { r1: Buffer.alloc(32, 7).toString('base64') } });
    const e = { RECORD_MAC_KEYS_REVIEWS: ring } as NodeJS.ProcessEnv;
    expect(loadMacKeyRing(dir, e, 'reviews').activeId).toBe('r1');
    expect(loadMacKeyRing(dir, e, 'cases').activeId).not.toBe('r1');
  });

  it('checkpoint signing keys differ per service', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rec-keys-'));
    const a = loadSigningKey(dir, env, 'cases');
    const b = loadSigningKey(dir, env, 'reviews');
    expect(a.keyId).not.toBe(b.keyId);
    expect([...loadPublicKeys(dir, env, 'reviews').keys()]).toEqual([b.keyId]);
  });
});
