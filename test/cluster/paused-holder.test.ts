import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { afterAll, describe, expect, it } from 'vitest';
import { connectDb, type Db } from '../../kernel/db.js';
import { CLUSTER_NODES as NODES } from '../../scripts/replicas.js';
import { schema } from '../../subgraphs/cases/db/schema.js';
import { appendEntry } from '../../subgraphs/cases/records/log.js';
import { testClock } from '../helpers/clock.js';

// Issue 27, point 1 on the cluster: two `cases` processes over the 3-node Galera cluster (production-like lease
// timing: ttl 3 s, renew 1 s; a checkpoint every 100 ms while entries keep arriving). The one holding the
// `record-checkpoints` lease is SIGSTOPped past its ttl; the other takes the lease over (the token moves on);
// then the paused one gets SIGCONT. Whatever timer runs first on wake, the paused process signs no checkpoint
// after the takeover (its INSERT is fenced by the token), and the new holder signs.

const LEASE = { ttlMs: 3000, renewMs: 1000 };
const prefix = `${process.env.SANXIANG_TEST_PREFIX}_ph${randomBytes(2).toString('hex')}`;
const dbName = `${prefix}_cases`;
// Below Linux's ephemeral ports (32768+), where an outgoing connection may hold the port.
const basePort = 21000 + (randomBytes(2).readUInt16BE() % 11000);
const url = `mysql://root@${NODES.join(',')}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Proc {
  name: string;
  child: ChildProcess;
  out: string[];
  exited: Promise<number | null>;
}
const procs: Proc[] = [];
let admin: mysql.Pool | undefined;
let db: Db<typeof schema> | undefined;

afterAll(async () => {
  for (const p of procs) {
    p.child.kill('SIGCONT');
    if (p.child.exitCode === null) p.child.kill('SIGKILL');
    await p.exited;
  }
  await db?.close();
  if (admin) {
    await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
    await admin.end();
  }
});

function startCases(name: string, port: number): Promise<Proc> {
  const env = {
    ...process.env,
    PORT: String(port - 2),
    CASES_PORT: String(port),
    DATABASE_URL: url,
    DB_PREFIX: prefix,
    REPLICA_ID: name,
    POWERS_URL: 'http://127.0.0.1:9/graphql',
    REVIEWS_URL: 'http://127.0.0.1:9/graphql',
    CHECKPOINT_INTERVAL_MS: '100',
    LEASE_TTL_MS: String(LEASE.ttlMs),
    LEASE_RENEW_MS: String(LEASE.renewMs),
    LOG_LEVEL: 'debug',
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'subgraphs/cases/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const out: string[] = [];
  let partial = '';
  child.stdout!.on('data', (d: Buffer) => {
    const lines = (partial + d.toString()).split('\n');
    partial = lines.pop()!;
    out.push(...lines);
  });
  child.stderr!.on('data', (d: Buffer) => out.push(d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const p: Proc = { name, child, out, exited };
  procs.push(p);
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (out.some((l) => l.includes('subgraph listening'))) {
        clearInterval(timer);
        resolve(p);
      }
    }, 100);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`cases ${name} exited (${code}):\n${out.join('\n').slice(-3000)}`));
    });
  });
}

const signed = (lines: string[]) =>
  lines.filter((l) => l.includes('record checkpoint signed')).map((l) => JSON.parse(l) as { checkpointSeq: number; token: number; time: number });

async function lease(): Promise<{ holder: string; token: number } | null> {
  const [rows] = await admin!.query<mysql.RowDataPacket[]>(
    `SELECT holder, token FROM \`${dbName}\`.sanxiang_leases WHERE name = 'record-checkpoints' AND holder <> '' AND expires_at > NOW(6)`,
  );
  return rows[0] ? { holder: String(rows[0].holder), token: Number(rows[0].token) } : null;
}

describe('a paused lease holder (SIGSTOP past the ttl, then SIGCONT)', () => {
  it('signs no checkpoint after another replica took the lease over', async () => {
    admin = mysql.createPool({ host: '127.0.0.1', port: 3307, user: 'root', connectionLimit: 2 });
    admin.on('connection', (c) => void c.query('SET SESSION wsrep_sync_wait = 1'));
    // One after the other (the first migrates), on different first nodes.
    await startCases('A', basePort);
    await startCases('B', basePort + 10);
    db = connectDb(url, dbName, schema);
    const clock = testClock();
    let appending = true;
    let appended = 0;
    const appender = (async () => {
      while (appending) {
        await db!.orm
          .transaction((tx) =>
            appendEntry(tx, {
              caseId: 'paused-holder',
              kind: 'EVENT',
              stage: 'INVESTIGATION',
              payload: { n: appended },
              actor: 'officer-1',
              recordedAt: clock.now(),
            }),
          )
          .then(() => appended++)
          .catch(() => undefined);
        await sleep(50);
      }
    })();

    let before: { holder: string; token: number } | null = null;
    for (let i = 0; i < 100 && !before; i++) {
      await sleep(100);
      before = await lease();
    }
    expect(before).not.toBeNull();
    const paused = procs.find((p) => before!.holder.startsWith(`${p.name}:`))!;
    const other = procs.find((p) => p !== paused)!;
    // The holder signs while it holds the lease.
    for (let i = 0; i < 50 && signed(paused.out).length === 0; i++) await sleep(100);
    expect(signed(paused.out).length).toBeGreaterThan(0);

    paused.child.kill('SIGSTOP');
    let after: { holder: string; token: number } | null = null;
    // A hang guard, not a speed target (issue 23): the takeover took longer than 15 s once at load 7 with a CI run beside.
    for (const until = Date.now() + 90_000; Date.now() < until;) {
      await sleep(100);
      after = await lease();
      if (after && after.holder !== before!.holder) break;
    }
    // The paused process can have produced nothing between its SIGSTOP and its SIGCONT; this instant is in between.
    const takeoverSeenAt = Date.now();
    expect(after?.holder.startsWith(`${other.name}:`)).toBe(true);
    expect(after!.token).toBeGreaterThan(before!.token);
    // Past the ttl by a margin while the new holder signs, then wake the paused one.
    await sleep(LEASE.ttlMs);
    const wokeAt = paused.out.length;
    paused.child.kill('SIGCONT');
    await sleep(LEASE.ttlMs + 2 * LEASE.renewMs);
    appending = false;
    await appender;

    // Judged by when each line was logged (pino's time field), not when it arrived: pino writes asynchronously, so a line
    // logged just before the SIGSTOP can reach the pipe only after the SIGCONT (seen once, checkpoint 2 with token 1).
    const afterWake = paused.out.slice(wokeAt);
    expect(
      signed(paused.out).filter((s) => s.time > takeoverSeenAt),
      'the paused holder signed after the takeover',
    ).toEqual([]);
    expect(signed(other.out).some((s) => s.token === after!.token)).toBe(true);
    expect(appended).toBeGreaterThan(0);
    // The checkpoint chain has no gap and no duplicate.
    const [rows] = await admin.query<mysql.RowDataPacket[]>(`SELECT checkpoint_seq AS s FROM \`${dbName}\`.record_checkpoints ORDER BY checkpoint_seq`);
    expect(rows.map((r) => Number(r.s))).toEqual(rows.map((_, i) => i + 1));
    process.stdout.write(
      `paused holder ${paused.name} (token ${before!.token}) → ${other.name} (token ${after!.token}); after SIGCONT the paused one logged ` +
        `${afterWake.filter((l) => l.includes('lease moved on')).length} fenced refusals and 0 signatures; ${rows.length} checkpoints, ${appended} entries\n`,
    );
  });
});
