import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import autocannon from 'autocannon';
import { removeWitness } from '../../kernel/records/signing.js';
import { pinDemoClock, demoAgencyId, demoOfficerId } from '../../data/loader/index.js';
import { loadConfig, type Config } from '../../kernel/config.js';
import { withServerConnection } from '../../kernel/db.js';
import { dropPrefixAccounts } from '../../kernel/db-accounts.js';
import { loadKeyMaterial, signDevUserToken, type KeyMaterial } from '../../kernel/identity.js';

// What every `npm run bench` mode shares: throwaway databases under one prefix, services as child processes
// (the production shape), autocannon slices, medians, and docs/benchmarks.md written section by section.

export const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
export const PORT = Number(process.env.BENCH_PORT ?? 47100);
// BENCH_PREFIX: an interrupted run's prefix, to go on with its databases (`--cases N` with BENCH_RESUME=1).
export const prefix = process.env.BENCH_PREFIX ?? `sxbench_${process.pid}`;
// The demo's business date (SANXIANG_TODAY, 2026-11-20 unless set): volume is dated that day, like the demo data.
const demoEnv = pinDemoClock({ ...process.env });
export const today = demoEnv.SANXIANG_TODAY!;
export const env: Record<string, string | undefined> = {
  ...demoEnv,
  DB_PREFIX: prefix,
  PORT: String(PORT),
  PLATFORM_URL: `http://127.0.0.1:${PORT + 10}`,
  PLATFORM_PORT: String(PORT + 10),
  LOG_LEVEL: 'warn',
};
export const config: Config = loadConfig(env);
export const base = (p: number) => `http://localhost:${p}`;

export const children: { name: string; proc: ChildProcess }[] = [];
export const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MiB`;
export const rssKb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
export const phase = (what: string) => console.error(`[bench] ${new Date().toISOString().slice(11, 19)} ${what}`);

export function run(script: string, args: string[] = []): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', script, ...args], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${script} exited ${code}`))));
  });
}

export async function startService(name: string, script: string, readyUrl: string, extra: Record<string, string> = {}, nodeArgs: string[] = []) {
  const proc = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script], { env: { ...env, ...extra }, stdio: ['ignore', 'ignore', 'inherit'] });
  children.push({ name, proc });
  for (let i = 0; i < 300; i++) {
    if (proc.exitCode !== null) throw new Error(`${name} exited ${proc.exitCode}`);
    try {
      if ((await fetch(readyUrl)).ok) return proc;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name} did not become ready at ${readyUrl}`);
}

/** Stops a child started by `startService` (SIGTERM, then waits for it) and forgets it. */
export async function stopService(proc: ChildProcess) {
  const i = children.findIndex((c) => c.proc === proc);
  if (i >= 0) children.splice(i, 1);
  if (proc.exitCode !== null) return;
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
}

/** The four subgraphs (and the platform stand-in once) on `port`+1…+4, as `npm start` runs them. */
export async function startSubgraphs(label: string, port: number, extra: Record<string, string> = {}, nodeArgs: string[] = []) {
  const stackEnv = { ...extra, PORT: String(port) };
  const ports = loadConfig({ ...env, ...stackEnv });
  const tag = (name: string) => (label ? `${name} (${label})` : name);
  if (!children.some((c) => c.name === 'platform')) {
    await startService('platform', 'subgraphs/inspections/platform/main.ts', `${base(PORT + 10)}/api/v1/plans?limit=1`);
  }
  for (const name of ['powers', 'cases', 'reviews', 'inspections'] as const) {
    await startService(tag(name), `subgraphs/${name}/main.ts`, `${base(ports.servicePort(name))}/ready`, stackEnv, nodeArgs);
  }
  return { stackEnv, url: (name: 'powers' | 'cases' | 'reviews' | 'inspections') => `${base(ports.servicePort(name))}/graphql` };
}

export interface Tokens {
  keys: KeyMaterial;
  officer: string;
  supervisor: string;
  analyst: string;
}
export async function demoTokens(): Promise<Tokens> {
  const keys = await loadKeyMaterial(config.keyDir);
  const token = (role: 'OFFICER' | 'SUPERVISOR' | 'ANALYST', officer: string | null) =>
    signDevUserToken(keys, { role, agencyId: role === 'OFFICER' ? demoAgencyId('midong-cgj') : null, officerId: officer ? demoOfficerId(officer) : null });
  return {
    keys,
    officer: await token('OFFICER', 'officer-sun'),
    supervisor: await token('SUPERVISOR', 'supervisor-ma'),
    analyst: await token('ANALYST', null),
  };
}

export async function gql<T = unknown>(url: string, query: string, variables: Record<string, unknown> = {}, bearer?: string): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  let body: { data?: T; errors?: unknown[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new Error(`${url}: HTTP ${res.status} ${text.slice(0, 300)}`);
  }
  if (body.errors) throw new Error(`${url}: ${JSON.stringify(body.errors).slice(0, 800)}`);
  return body.data as T;
}

export interface Slice {
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  errors: number;
}
/**
 * autocannon on `url`. `bearer` is one caller's token, or several: then each request takes the next token in turn
 * (one counter across all connections, so requests in flight together come from different callers, issue 28).
 */
export async function measure(
  url: string,
  body: unknown,
  bearer: string | readonly string[] | undefined,
  seconds: number,
  connections = CONNECTIONS,
): Promise<Slice> {
  const base = { 'content-type': 'application/json' };
  const rotating = Array.isArray(bearer) && bearer.length > 1 ? (bearer as readonly string[]) : null;
  const single = typeof bearer === 'string' ? bearer : (bearer as readonly string[] | undefined)?.[0];
  let next = 0;
  const r = await autocannon({
    url,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { ...base, ...(single ? { authorization: `Bearer ${single}` } : {}) },
    body: JSON.stringify(body),
    ...(rotating && {
      requests: [
        {
          setupRequest: (req: autocannon.Request) => ({
            ...req,
            headers: { ...base, authorization: `Bearer ${rotating[next++ % rotating.length]}` },
          }),
        },
      ],
    }),
  });
  return { requests: r.requests.total, seconds: r.duration, p50: r.latency.p50, p99: r.latency.p99, errors: r.non2xx + r.errors };
}

/** Files `n` cases through the real write path (R2 checks against powers, case numbering, a record-log entry each). */
export async function fileCases(gateway: string, officer: string, n: number) {
  const items = ['650109-CF-0001', '650109-CF-0002', '650109-CF-0003', '650109-CF-0004'];
  for (let i = 0; i < n; i += CONNECTIONS) {
    await Promise.all(
      Array.from({ length: Math.min(CONNECTIONS, n - i) }, (_, k) =>
        gql(
          gateway,
          `mutation($input: FileCaseInput!) { fileCase(input: $input) { id } }`,
          {
            input: {
              agencyId: demoAgencyId('midong-cgj'),
              caseType: 'PENALTY',
              procedure: 'GENERAL',
              powerItemCode: items[(i + k) % items.length],
              party: { kind: 'LEGAL_PERSON', name: `乌鲁木齐某某商贸有限公司${i + k}`, uscc: '91230500MA1B3N1N2M' },
              officerIds: [demoOfficerId('officer-sun'), demoOfficerId('officer-abdurahman')],
              source: { kind: 'INSPECTION' },
              factsSummary: '日常巡查发现违法行为。',
              filedOn: today,
            },
          },
          officer,
        ),
      ),
    );
  }
}

export const machine = () => `${cpus().length} cores, ${mb(totalmem() / 1024)} memory, Node ${process.version}`;

const DOC = new URL('../../docs/benchmarks.md', import.meta.url);
/**
 * Replaces one mode's section of docs/benchmarks.md (between `<!-- bench:<name> -->` and `<!-- /bench:<name> -->`),
 * appending it when absent: each mode rewrites only its own numbers.
 */
export function writeSection(name: string, content: string) {
  const open = `<!-- bench:${name} -->`;
  const close = `<!-- /bench:${name} -->`;
  let doc = readFileSync(DOC, 'utf8');
  const block = `${open}\n${content.trim()}\n${close}`;
  const a = doc.indexOf(open);
  const b = doc.indexOf(close);
  doc = a >= 0 && b > a ? doc.slice(0, a) + block + doc.slice(b + close.length) : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(DOC, doc);
}

export async function cleanUp() {
  for (const c of children.reverse()) c.proc.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1000));
  removeWitness(config.keyDir, config.databaseName('cases'));
  await withServerConnection(config.databaseUrl, async (c) => {
    const [rows] = await c.query('SELECT schema_name AS name FROM information_schema.schemata WHERE schema_name LIKE ?', [`${prefix}%`]);
    for (const { name } of rows as { name: string }[]) await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
  });
  await dropPrefixAccounts(config.databaseUrl, config); // and the run's accounts with their secrets
}
