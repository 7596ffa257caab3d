import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseUrlFrom, loadConfig } from '../../kernel/config.js';
import { adminAccount, serviceAccount } from '../../kernel/db-accounts.js';
import { parseServerUrl } from '../../kernel/db.js';
import { loadKeyMaterial } from '../../kernel/identity.js';
import { readSecret } from '../../kernel/secrets.js';
import { databaseTls, serverTls } from '../../kernel/tls.js';

// Issue 29: every password or key read from the environment may come from a file (NAME_FILE), through one helper.

const dir = mkdtempSync(join(tmpdir(), 'sanxiang-secrets-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text, { mode: 0o600 });
  return p;
};
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('secrets from files (kernel/secrets.ts)', () => {
  it('NAME_FILE wins over NAME, one trailing newline is dropped, an unreadable file is an error', () => {
    expect(readSecret('X', { X: 'inline' })).toBe('inline');
    expect(readSecret('X', { X: 'inline', X_FILE: file('x', 'from-file\n') })).toBe('from-file');
    expect(readSecret('X', { X_FILE: file('y', 'two\n\n') })).toBe('two\n');
    expect(readSecret('X', {})).toBeUndefined();
    expect(() => readSecret('X', { X_FILE: join(dir, 'missing') })).toThrow(/X_FILE=.*ENOENT/);
  });

  it('the database password: DATABASE_PASSWORD_FILE into DATABASE_URL (or DATABASE_URL_FILE)', () => {
    const pw = file('db-pw', 'p@ss:w/rd\n');
    expect(parseServerUrl(databaseUrlFrom({ DATABASE_URL: 'mysql://ops@db1:3306,db2:3306', DATABASE_PASSWORD_FILE: pw }))).toEqual({
      user: 'ops',
      password: 'p@ss:w/rd',
      hosts: [
        { host: 'db1', port: 3306 },
        { host: 'db2', port: 3306 },
      ],
    });
    const url = file('db-url', 'mysql://root:secret@10.0.0.5:3307\n');
    expect(loadConfig({ DATABASE_URL_FILE: url }).databaseUrl).toBe('mysql://root:secret@10.0.0.5:3307');
    expect(loadConfig({}).databaseUrl).toBe('mysql://root@127.0.0.1:3306');
  });

  it('database account passwords: DB_ADMIN_PASSWORD_FILE, DB_<NAME>_SERVICE_PASSWORD_FILE', () => {
    const cfg = { dbPrefix: 'sxs', keyDir: dir };
    expect(adminAccount(cfg, { DB_ADMIN_PASSWORD_FILE: file('admin', 'admin-secret\n') }).password).toBe('admin-secret');
    expect(serviceAccount(cfg, 'reviews', { DB_REVIEWS_SERVICE_PASSWORD_FILE: file('rev', 'rev-secret') }).password).toBe('rev-secret');
    expect(() => adminAccount(cfg, { DB_ADMIN_PASSWORD_FILE: join(dir, 'nope') })).toThrow(/DB_ADMIN_PASSWORD_FILE/);
  });

  it('the internal token key: INTERNAL_TOKEN_PRIVATE_KEY_FILE', async () => {
    const jwk = JSON.stringify(generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }));
    const keys = await loadKeyMaterial(join(dir, 'keys'), {}, { INTERNAL_TOKEN_PRIVATE_KEY_FILE: file('internal.jwk', `${jwk}\n`) });
    expect(keys.internalSigningKey!.export({ format: 'jwk' })).toEqual(JSON.parse(jwk));
  });

  it('TLS settings are certificate files: both halves of a pair, the CA for the database, readable', () => {
    expect(databaseTls({})).toBeUndefined();
    expect(databaseTls({ DATABASE_TLS_CA: file('ca.pem', 'CA') })).toMatchObject({ ca: Buffer.from('CA'), rejectUnauthorized: true });
    expect(() => databaseTls({ DATABASE_TLS_CERT: file('c.pem', 'C'), DATABASE_TLS_KEY: file('k.pem', 'K') })).toThrow(/DATABASE_TLS_CA/);
    expect(() => serverTls({ TLS_CERT: file('s.pem', 'S') })).toThrow(/TLS_KEY/);
    expect(() => serverTls({ TLS_CERT: join(dir, 'absent.pem'), TLS_KEY: file('k2.pem', 'K') })).toThrow(/TLS_CERT=.*ENOENT/);
  });
});
