import { execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../kernel/config.js';
import { withServerConnection } from '../../kernel/db.js';
import { openPowersDb } from '../../subgraphs/powers/service.js';
import { runClient } from '../../scripts/ops/mariadb-cli.js';

// Issue 29: TLS to the database as settings. A throwaway MariaDB of our own (the shared server has TLS off and
// cannot be restarted) with a certificate from a CA made here, `require_secure_transport=ON`: the services' pool
// (migrations, least-privilege accounts) and the backup's client connect only with DATABASE_TLS_CA set, verifying
// the server against it.

const dir = mkdtempSync(join(tmpdir(), 'sanxiang-dbtls-'));
const at = (f: string) => join(dir, f);
const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
let port = 0;
let url = '';

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const p = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return p;
}

beforeAll(async () => {
  for (const ca of ['ca', 'other'])
    openssl(
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      `${ca}.key`,
      '-out',
      `${ca}.pem`,
      '-days',
      '2',
      '-subj',
      `/CN=${ca}`,
    );
  openssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'db.key', '-out', 'db.csr', '-subj', '/CN=localhost');
  writeFileSync(at('san.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
  openssl('x509', '-req', '-in', 'db.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'db.pem', '-days', '2', '-extfile', 'san.ext');
  const user = execFileSync('id', ['-un']).toString().trim();
  execFileSync(
    'mariadb-install-db',
    ['--no-defaults', `--datadir=${at('data')}`, '--auth-root-authentication-method=normal', '--skip-test-db', `--user=${user}`],
    { stdio: 'pipe' },
  );
  port = await freePort();
  const log = openSync(at('mariadbd.log'), 'w');
  const server = spawn(
    'mariadbd',
    [
      '--no-defaults',
      `--user=${user}`,
      `--datadir=${at('data')}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      `--socket=${at('sock')}`,
      `--pid-file=${at('pid')}`,
      `--ssl-ca=${at('ca.pem')}`,
      `--ssl-cert=${at('db.pem')}`,
      `--ssl-key=${at('db.key')}`,
      '--require-secure-transport=ON',
      '--innodb-buffer-pool-size=32M',
      '--log-bin-trust-function-creators=1',
    ],
    { stdio: ['ignore', log, log], detached: true },
  );
  server.unref();
  closeSync(log);
  url = `mysql://root@127.0.0.1:${port}`;
  process.env.DATABASE_TLS_CA = at('ca.pem');
  for (let i = 0; ; i++) {
    const up = await withServerConnection(url, (c) => c.query('SELECT 1')).then(
      () => true,
      () => false,
    );
    if (up) break;
    if (i > 150) throw new Error(`throwaway MariaDB did not start: ${readFileSync(at('mariadbd.log'), 'utf8').slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}, 120_000);

afterAll(async () => {
  delete process.env.DATABASE_TLS_CA;
  let pid = 0;
  try {
    pid = Number(readFileSync(at('pid'), 'utf8').trim());
    process.kill(pid, 'SIGTERM');
  } catch {
    /* never started */
  }
  // Our own server only (its pid file); wait for it to stop writing before its directory goes.
  for (let i = 0; pid && i < 150; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      break;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

const cipher = () => withServerConnection(url, async (c) => ((await c.query("SHOW SESSION STATUS LIKE 'Ssl_cipher'"))[0] as { Value: string }[])[0]!.Value);

describe('TLS to the database (issue 29)', () => {
  it('with DATABASE_TLS_CA the connection is encrypted and the server verified; without it, or with another CA, refused', async () => {
    expect(await cipher()).toMatch(/^TLS_/);
    process.env.DATABASE_TLS_CA = at('other.pem');
    await expect(cipher()).rejects.toThrow();
    delete process.env.DATABASE_TLS_CA;
    await expect(cipher()).rejects.toThrow();
    process.env.DATABASE_TLS_CA = at('ca.pem');
  });

  it('a service migrates and runs under its least-privilege account over TLS', async () => {
    const config = loadConfig({ ...process.env, DATABASE_URL: url, DB_PREFIX: 'sxtls', SANXIANG_KEY_DIR: at('keys') });
    const db = await openPowersDb(config);
    try {
      const [rows] = await db.pool.query(
        "SELECT CURRENT_USER() AS u, (SELECT VARIABLE_VALUE FROM information_schema.SESSION_STATUS WHERE VARIABLE_NAME = 'SSL_CIPHER') AS c",
      );
      const row = (rows as { u: string; c: string }[])[0]!;
      expect(row.u).toMatch(/^sxtls_powers_svc@/);
      expect(row.c).toMatch(/^TLS_/);
    } finally {
      await db.close();
    }
  });

  it("the backup's own clients (mariadb, mariadb-dump) use the same settings", async () => {
    const out = openSync(at('status.txt'), 'w');
    try {
      await runClient('mariadb', url, ['--batch', '-e', "SHOW SESSION STATUS LIKE 'Ssl_cipher'"], { stdoutFd: out });
    } finally {
      closeSync(out);
    }
    expect(readFileSync(at('status.txt'), 'utf8')).toMatch(/Ssl_cipher\tTLS_/);
    // The server's certificate is verified against DATABASE_TLS_CA (--ssl-verify-server-cert).
    process.env.DATABASE_TLS_CA = at('other.pem');
    await expect(runClient('mariadb', url, ['-e', 'SELECT 1'], {})).rejects.toThrow(/mariadb 失败/);
    process.env.DATABASE_TLS_CA = at('ca.pem');
  });
});
