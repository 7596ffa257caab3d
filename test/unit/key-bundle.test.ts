import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportKeys, importKeys } from '../../kernel/key-bundle.js';

// Issue 27, point 5: one key material on every machine (npm run keys -- export / import).
const dirs: string[] = [];
const dir = () => {
  const d = mkdtempSync(join(tmpdir(), 'keys-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('key bundle', () => {
  it('moves every key file (not the witness) to another machine, 0600, and refuses to overwrite other keys without --force', () => {
    const first = dir();
    writeFileSync(join(first, 'dev-user.jwk.json'), '{"k":1}');
    writeFileSync(join(first, 'record-mac-keys.json'), '{"ring":1}');
    writeFileSync(join(first, 'db-account-x.secret'), 'pw');
    writeFileSync(join(first, 'record-witness-sx_cases.json'), '{"checkpointSeq":9}');
    const bundle = JSON.parse(JSON.stringify(exportKeys(first)));
    expect(Object.keys(bundle.files).sort()).toEqual(['db-account-x.secret', 'dev-user.jwk.json', 'record-mac-keys.json']);
    const second = dir();
    expect(importKeys(second, bundle).written).toHaveLength(3);
    expect(readFileSync(join(second, 'record-mac-keys.json'), 'utf8')).toBe('{"ring":1}');
    expect(statSync(join(second, 'db-account-x.secret')).mode & 0o777).toBe(0o600);
    expect(importKeys(second, bundle)).toMatchObject({ written: [], same: expect.arrayContaining(['dev-user.jwk.json']) });
    const third = dir();
    writeFileSync(join(third, 'dev-user.jwk.json'), '{"k":"own"}');
    expect(() => importKeys(third, bundle)).toThrow(/本机已有不同的密钥/);
    expect(readFileSync(join(third, 'dev-user.jwk.json'), 'utf8')).toBe('{"k":"own"}');
    importKeys(third, bundle, true);
    expect(readFileSync(join(third, 'dev-user.jwk.json'), 'utf8')).toBe('{"k":1}');
  });
});
