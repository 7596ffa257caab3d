import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SERVICE_ORDER } from '../kernel/config.js';

// Several replicas of the whole system on one machine, for the cluster suite and `npm run bench -- --replicas` (issue 16).

// A plain round-robin HTTP load balancer, standing in for whatever production puts in front of the replicas
// (nginx, HAProxy, a cloud LB): not part of sanxiang. A backend that refuses the connection is skipped (nothing
// was sent, so the request goes to the next one); a backend that fails mid-request answers 502, as an LB would.
// With `healthCheck`, it also polls each backend's readiness (e.g. `/ready`) and sends only to those that answered
// 200 last time, as nginx/HAProxy health checks do: a draining replica (kernel/drain.ts) stops getting requests.

export interface Balancer {
  url: string;
  /** Change the replicas behind it (e.g. one for a "1 replica" measurement, then two). */
  setBackends(urls: string[]): void;
  stats: { forwarded: number; refusedSkipped: number; failedInFlight: number; forwardedTo: Record<string, number> };
  close(): Promise<void>;
}

export async function startBalancer(initial: string[], opts: { healthCheck?: { path: string; intervalMs: number } } = {}): Promise<Balancer> {
  let backends = [...initial];
  let next = 0;
  const stats = { forwarded: 0, refusedSkipped: 0, failedInFlight: 0, forwardedTo: {} as Record<string, number> };
  // Backends whose last health check failed (none until checked: a backend is innocent until it says otherwise).
  const unhealthy = new Set<string>();
  const check = opts.healthCheck;
  let checking: NodeJS.Timeout | null = null;
  if (check) {
    const probe = (b: string) =>
      new Promise<boolean>((resolve) => {
        const r = http.get(new URL(check.path, b), { agent: false, timeout: check.intervalMs * 5 }, (res) => {
          res.resume();
          resolve(res.statusCode === 200);
        });
        r.on('error', () => resolve(false));
        r.on('timeout', () => r.destroy());
      });
    const round = async () => {
      await Promise.all(backends.map(async (b) => ((await probe(b)) ? unhealthy.delete(b) : unhealthy.add(b))));
      if (checking) checking = setTimeout(() => void round(), check.intervalMs);
    };
    checking = setTimeout(() => void round(), 0);
  }
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      // Healthy backends only; when none is, every one (a refused connection is still skipped).
      const healthy = backends.filter((b) => !unhealthy.has(b));
      const pool = healthy.length ? healthy : backends;
      const start = next++ % pool.length;
      const attempt = (i: number) => {
        if (i >= pool.length) {
          res.writeHead(502, { 'content-type': 'text/plain' }).end('no backend available');
          return;
        }
        const backend = pool[(start + i) % pool.length]!;
        const target = new URL(req.url ?? '/', backend);
        const up = http.request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (upRes) => {
          stats.forwarded++;
          stats.forwardedTo[backend] = (stats.forwardedTo[backend] ?? 0) + 1;
          res.writeHead(upRes.statusCode ?? 502, upRes.headers);
          upRes.pipe(res);
          upRes.on('error', () => res.destroy());
        });
        let sent = false;
        up.on('socket', (s) => (s.connecting ? s.once('connect', () => (sent = true)) : (sent = true)));
        up.on('error', (err: NodeJS.ErrnoException) => {
          if (!sent && err.code === 'ECONNREFUSED') {
            stats.refusedSkipped++;
            attempt(i + 1);
          } else if (!res.headersSent) {
            stats.failedInFlight++;
            res.writeHead(502, { 'content-type': 'text/plain' }).end(`backend failed: ${err.code ?? err.message}`);
          } else {
            res.destroy();
          }
        });
        up.end(body);
      };
      attempt(0);
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setBackends: (urls) => void (backends = [...urls]),
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        if (checking) clearTimeout(checking);
        checking = null;
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const CLUSTER_NODES = ['127.0.0.1:3307', '127.0.0.1:3308', '127.0.0.1:3309'];

/** `scripts/cluster.sh <args>` (up, down, status, kill N, start N). */
export const clusterCommand = (...args: string[]) => execFileSync('bash', ['scripts/cluster.sh', ...args], { encoding: 'utf8' });

/** The cluster is up with 3 synced nodes. */
export const clusterIsUp = () => /size 3 Synced[\s\S]*size 3 Synced[\s\S]*size 3 Synced/.test(clusterCommand('status'));

export interface SystemReplica {
  name: string;
  child: ChildProcess;
  out: string[];
  exited: Promise<number | null>;
  /** Gateway port; the subgraphs are on port+1 … port+4 (SERVICE_ORDER). */
  port: number;
}

/** One balancer per subgraph and one for the gateways, over replicas whose gateway ports are given. */
export async function startBalancers(replicaPorts: number[]): Promise<Record<string, Balancer>> {
  const out: Record<string, Balancer> = {};
  for (const [i, s] of SERVICE_ORDER.entries()) out[s] = await startBalancer(replicaPorts.map((p) => `http://127.0.0.1:${p + 1 + i}`));
  out.gateway = await startBalancer(replicaPorts.map((p) => `http://127.0.0.1:${p}`));
  return out;
}

/** Point every balancer at the given replicas only. */
export function routeTo(balancers: Record<string, Balancer>, replicaPorts: number[]) {
  for (const [i, s] of SERVICE_ORDER.entries()) balancers[s]!.setBackends(replicaPorts.map((p) => `http://127.0.0.1:${p + 1 + i}`));
  balancers.gateway!.setBackends(replicaPorts.map((p) => `http://127.0.0.1:${p}`));
}

/**
 * One replica of the whole system: an `npm start` process (gateway + four subgraphs) on `port`…`port+4`, on the
 * databases `<prefix>_*` of the listed hosts, calling the other subgraphs through the balancers. Resolves once it runs.
 */
export function startSystemReplica(o: {
  name: string;
  port: number;
  hosts: string[];
  prefix: string;
  balancers: Record<string, Balancer>;
  env?: Record<string, string>;
}): Promise<SystemReplica> {
  const env = {
    ...process.env,
    PORT: String(o.port),
    DATABASE_URL: `mysql://root@${o.hosts.join(',')}`,
    DB_PREFIX: o.prefix,
    REPLICA_ID: o.name,
    ...Object.fromEntries(SERVICE_ORDER.map((s) => [`${s.toUpperCase()}_URL`, `${o.balancers[s]!.url}/graphql`])),
    ...o.env,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const out: string[] = [];
  child.stdout!.on('data', (d: Buffer) => out.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => out.push(d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const r: SystemReplica = { name: o.name, child, out, exited, port: o.port };
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (out.join('').includes('is running')) {
        clearInterval(timer);
        resolve(r);
      }
    }, 100);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`replica ${o.name} exited (${code}):\n${out.join('').slice(-3000)}`));
    });
  });
}
