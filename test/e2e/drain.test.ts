import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBalancer, type Balancer } from '../../scripts/replicas.js';
import { startTestSystem, type TestSystem } from '../helpers/system.js';

// Graceful drain (issue 29, point 2): two gateway replicas as real processes (`npm run start:gateway`) behind a small
// balancer that health-checks `/ready`, under a steady stream of queries; a rolling restart (SIGTERM one, start it
// again, then the other) loses no request.

let sys: TestSystem;
let balancer: Balancer;

interface Replica {
  port: number;
  child: ChildProcess;
  exited: Promise<number | null>;
  out: string[];
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** Status and headers of a GET, on a fresh connection (no keep-alive pool between probes). */
const get = (url: string) =>
  new Promise<{ status: number; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, headers: res.headers });
      })
      .on('error', reject);
  });

const readyStatus = (port: number) =>
  get(`http://127.0.0.1:${port}/ready`).then(
    (r) => r.status,
    () => 0,
  );

async function startReplica(port: number): Promise<Replica> {
  const env = {
    ...process.env,
    PORT: String(port),
    DB_PREFIX: sys.prefix,
    LOG_LEVEL: 'warn',
    RATE_LIMIT: 'off', // one client address sends everything here; the limits are tested in edge.test.ts
    // Longer than a few of the balancer's health-check rounds (100 ms): it stops sending before the replica stops listening.
    SHUTDOWN_DRAIN_SECONDS: '3',
    POWERS_URL: sys.powers.url,
    CASES_URL: sys.cases.url,
    REVIEWS_URL: sys.reviews.url,
    INSPECTIONS_URL: sys.inspections.url,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'gateway/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const out: string[] = [];
  child.stdout!.on('data', (d: Buffer) => out.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => out.push(d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let gone = false;
  void exited.then(() => (gone = true));
  await expect.poll(async () => gone || (await readyStatus(port)) === 200, { timeout: 90_000, interval: 200 }).toBe(true);
  if (gone) throw new Error(`gateway replica on ${port} exited:\n${out.join('').slice(-3000)}`);
  return { port, child, exited, out };
}

beforeAll(async () => {
  sys = await startTestSystem();
});

afterAll(async () => {
  await balancer?.close();
  await sys?.stop();
});

describe('graceful drain', () => {
  it('a rolling restart of two gateway replicas behind a balancer that checks /ready loses no request', async () => {
    const ports = [await freePort(), await freePort()];
    const replicas = [await startReplica(ports[0]!), await startReplica(ports[1]!)];
    balancer = await startBalancer(
      ports.map((p) => `http://127.0.0.1:${p}`),
      { healthCheck: { path: '/ready', intervalMs: 100 } },
    );

    // A steady stream: four clients, each sending the next query as soon as the last one was answered.
    const failures: string[] = [];
    let ok = 0;
    let running = true;
    const client = async () => {
      while (running) {
        try {
          const res = await fetch(`${balancer.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: 'query DrainProbe { powerItems(first: 1) { totalCount } }' }),
          });
          const body = (await res.json()) as { data?: { powerItems?: { totalCount: number } }; errors?: unknown[] };
          if (res.status === 200 && !body.errors && (body.data?.powerItems?.totalCount ?? 0) > 0) ok++;
          else failures.push(`HTTP ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
        } catch (err) {
          failures.push(`${(err as Error).message} ${String((err as { cause?: unknown }).cause ?? '')}`);
        }
      }
    };
    const clients = Array.from({ length: 4 }, () => client());
    await expect.poll(() => ok, { timeout: 60_000 }).toBeGreaterThan(40);

    for (const i of [0, 1]) {
      const r = replicas[i]!;
      const servedBefore = balancer.stats.forwardedTo[`http://127.0.0.1:${r.port}`] ?? 0;
      expect(servedBefore).toBeGreaterThan(0); // it was taking its share before it was stopped
      r.child.kill('SIGTERM');
      // Draining: not ready at once, still answering, and telling each client to reconnect elsewhere.
      // (The poll's limit is a hang guard, below the 3 s drain period only so that a replica that stopped at once fails here.)
      const probe = () =>
        get(`http://127.0.0.1:${r.port}/ready`).then(
          (x) => `${x.status} ${x.headers.connection}`,
          (e: Error) => e.message,
        );
      await expect.poll(probe, { timeout: 2_500, interval: 20 }).toBe('503 close');
      expect(await r.exited).toBe(0);
      expect(r.out.join('')).not.toContain('shutdown took too long');
      // Started again on the same port; it takes requests again before the other one is stopped.
      replicas[i] = await startReplica(r.port);
      const afterRestart = balancer.stats.forwardedTo[`http://127.0.0.1:${r.port}`] ?? 0;
      await expect.poll(() => (balancer.stats.forwardedTo[`http://127.0.0.1:${r.port}`] ?? 0) - afterRestart, { timeout: 30_000 }).toBeGreaterThan(5);
    }
    const okBeforeEnd = ok;
    await expect.poll(() => ok - okBeforeEnd, { timeout: 30_000 }).toBeGreaterThan(10);
    running = false;
    await Promise.all(clients);

    expect(failures).toEqual([]);
    expect(balancer.stats.failedInFlight).toBe(0);
    for (const r of replicas) {
      r.child.kill('SIGTERM');
      await r.exited;
    }
  }, 300_000);
});
