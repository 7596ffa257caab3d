import { execFile, execFileSync, spawn } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withServerConnection } from '../../kernel/db.js';
import { readWitness, replaceWitnessFile, type Witness } from '../../kernel/records/signing.js';
import { preparedState, PHYSICAL_FORMAT, type PhysicalManifest } from '../../scripts/ops/physical-backup.js';
import { RECORD_LOGS } from '../../scripts/ops/record-logs.js';
import { notifiedBureauCase } from '../helpers/scenarios.js';
import { startTestSystem, type TestSystem } from '../helpers/system.js';

// Issue 29, point 5: a physical backup (`npm run backup -- --physical`, mariabackup) of a whole server restores and
// passes `npm run verify-records`. The system runs on a throwaway mariadbd of its own (mariabackup copies the whole
// server and must read its files); a case goes through filing and notification (entries in the cases and powers
// logs); the backup is taken and prepared; a second throwaway mariadbd starts on the prepared copy, on its own port,
// and the record logs verify there against the witnesses of the backup's moment.

const work = mkdtempSync(join(tmpdir(), 'sanxiang-physical-'));
const at = (...p: string[]) => join(work, ...p);
const user = execFileSync('id', ['-un']).toString().trim();
let sys: TestSystem;
let source = '';
let copy = '';
const pids: string[] = [];
const savedUrl = process.env.DATABASE_URL;

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

/** A throwaway mariadbd on `datadir` (created unless `existing`), on its own port: its URL. */
async function mariadbd(name: string, datadir: string, existing = false): Promise<string> {
  if (!existing) {
    execFileSync(
      'mariadb-install-db',
      ['--no-defaults', `--datadir=${datadir}`, '--auth-root-authentication-method=normal', '--skip-test-db', `--user=${user}`],
      {
        stdio: 'pipe',
      },
    );
  }
  const port = await freePort();
  const log = openSync(at(`${name}.log`), 'w');
  const server = spawn(
    'mariadbd',
    [
      '--no-defaults',
      `--user=${user}`,
      `--datadir=${datadir}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      `--socket=${at(`${name}.sock`)}`,
      `--pid-file=${at(`${name}.pid`)}`,
      '--innodb-buffer-pool-size=32M',
      '--log-bin-trust-function-creators=1',
    ],
    { stdio: ['ignore', log, log], detached: true },
  );
  server.unref();
  closeSync(log);
  pids.push(at(`${name}.pid`));
  const url = `mysql://root@127.0.0.1:${port}`;
  // A bound that only turns a server that never starts into a failure.
  for (let i = 0; ; i++) {
    if (
      await withServerConnection(url, (c) => c.query('SELECT 1')).then(
        () => true,
        () => false,
      )
    )
      return url;
    if (i > 600) throw new Error(`throwaway MariaDB ${name} did not start: ${readFileSync(at(`${name}.log`), 'utf8').slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** One of the project's commands (what `npm run <script>` runs): exit code and output. */
function cli(script: string, args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const { WITNESS_URL: _w, ...rest } = process.env;
    execFile('npx', ['tsx', `scripts/${script}.ts`, ...args], { env: { ...rest, ...env } }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` }),
    );
  });
}

const entries = (url: string, db: string) =>
  withServerConnection(url, async (c) => Number(((await c.query(`SELECT COUNT(*) AS n FROM \`${db}\`.record_entries`))[0] as { n: number }[])[0]!.n));

beforeAll(async () => {
  execFileSync('bash', ['scripts/ensure-mariabackup.sh'], { stdio: 'pipe' });
  delete process.env.WITNESS_URL;
  source = await mariadbd('source', at('source'));
  process.env.DATABASE_URL = source;
  sys = await startTestSystem({ today: '2026-11-20' });
  await notifiedBureauCase(sys);
  // Every log with entries is checkpointed and witnessed up to its last entry before the backup.
  for (const log of RECORD_LOGS) {
    const db = sys.config.databaseName(log.service);
    const last = await withServerConnection(source, async (c) =>
      Number(((await c.query(`SELECT COALESCE(MAX(global_seq), 0) AS n FROM \`${db}\`.record_entries`))[0] as { n: number }[])[0]!.n),
    );
    for (let i = 0; last > 0 && (readWitness(sys.config.keyDir, db)?.globalSeq ?? 0) < last; i++) {
      if (i > 600) throw new Error(`${log.service}: no witness of entry ${last}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}, 600_000);

afterAll(async () => {
  await sys?.stop();
  if (savedUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = savedUrl;
  for (const pidFile of pids) {
    if (!existsSync(pidFile)) continue;
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      continue;
    }
    for (let i = 0; i < 300; i++) {
      try {
        process.kill(pid, 0);
      } catch {
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  rmSync(work, { recursive: true, force: true });
}, 120_000);

describe('physical backup (issue 29)', () => {
  it('npm run backup -- --physical copies and prepares the server; a mariadbd on the copy passes npm run verify-records', async () => {
    const dir = at('backup');
    const made = await cli('backup', ['--physical', dir], { DATABASE_URL: source, DB_PREFIX: sys.prefix });
    expect(made.code, made.out).toBe(0);
    expect(made.out).toContain('物理备份完成');
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as PhysicalManifest;
    expect(m.format).toBe(PHYSICAL_FORMAT);
    expect(m.sourcePrefix).toBe(sys.prefix);
    expect(preparedState(dir)).toBe('log-applied'); // mariabackup --prepare ran: a server can start on it
    for (const service of ['cases', 'powers']) expect(m.logs.find((l) => l.service === service)?.witness?.checkpointSeq, service).toBeGreaterThan(0);
    expect(Object.keys(m.files).some((f) => /secret|mac-keys|\.ed25519\.pem$/.test(f))).toBe(false);

    // The drill: a throwaway mariadbd on the prepared copy, on its own port.
    copy = await mariadbd('copy', join(dir, 'physical'), true);
    for (const log of RECORD_LOGS) {
      const db = sys.config.databaseName(log.service);
      expect(await entries(copy, db), db).toBe(await entries(source, db));
    }
    expect(await entries(copy, sys.config.databaseName('cases'))).toBeGreaterThan(0);
    // The key directory with the witnesses of the backup's moment (the live ones may have moved on since).
    const keys = at('drill-keys');
    cpSync(sys.config.keyDir, keys, { recursive: true });
    for (const l of m.logs) if (l.witness) replaceWitnessFile(keys, l.dbName, l.witness as Witness);
    const verified = await cli('verify-records', [], { DATABASE_URL: copy, DB_PREFIX: sys.prefix, SANXIANG_KEY_DIR: keys });
    expect(verified.out).toContain('记录完整');
    expect(verified.code, verified.out).toBe(0);
  });
});
