import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import autocannon from 'autocannon';
import { removeWitness } from '../subgraphs/cases/records/signing.js';
import { demoAgencyId, demoOfficerId } from '../subgraphs/powers/seed.js';
import { loadConfig } from '../subgraphs/shared/config.js';
import { withServerConnection } from '../subgraphs/shared/db.js';
import { loadKeyMaterial, signDevUserToken } from '../subgraphs/shared/identity.js';

// npm run bench: every service as its own process (the production shape) on throwaway databases, loaded
// with volume through the gateway, then each hot query measured with autocannon. Numbers are written to
// docs/benchmarks.md; no test asserts timings (tests check the shape of cost instead).

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const CASES = Number(process.env.BENCH_CASES ?? 2000);
const PORT = Number(process.env.BENCH_PORT ?? 47100);
const prefix = `sxbench_${process.pid}`;
const env = {
  ...process.env,
  DB_PREFIX: prefix,
  PORT: String(PORT),
  PLATFORM_URL: `http://127.0.0.1:${PORT + 10}`,
  PLATFORM_PORT: String(PORT + 10),
  LOG_LEVEL: 'warn',
};
const config = loadConfig(env);
const children: { name: string; proc: ChildProcess }[] = [];
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MiB`;

function run(script: string, args: string[] = []): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', script, ...args], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${script} exited ${code}`))));
  });
}

async function startService(name: string, script: string, readyUrl: string) {
  const proc = spawn(process.execPath, ['--import', 'tsx', script], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  children.push({ name, proc });
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(readyUrl)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name} did not become ready at ${readyUrl}`);
}

const rssKb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);

try {
  const phase = (what: string) => console.error(`[bench] ${new Date().toISOString().slice(11, 19)} ${what}`);
  phase('seeding');
  await run('scripts/seed.ts', ['--reset']);
  phase('starting services');
  const base = (p: number) => `http://localhost:${p}`;
  await startService('platform', 'subgraphs/inspections/platform/main.ts', `${base(PORT + 10)}/api/v1/plans?limit=1`);
  await startService('powers', 'subgraphs/powers/main.ts', `${base(config.servicePort('powers'))}/ready`);
  await startService('cases', 'subgraphs/cases/main.ts', `${base(config.servicePort('cases'))}/ready`);
  await startService('reviews', 'subgraphs/reviews/main.ts', `${base(config.servicePort('reviews'))}/ready`);
  await startService('inspections', 'subgraphs/inspections/main.ts', `${base(config.servicePort('inspections'))}/ready`);
  await startService('gateway', 'gateway/main.ts', `${base(PORT)}/ready`);
  const gateway = `${base(PORT)}/graphql`;

  const keys = await loadKeyMaterial(config.keyDir);
  const token = (role: 'OFFICER' | 'SUPERVISOR', officer: string | null) =>
    signDevUserToken(keys, { role, agencyId: role === 'OFFICER' ? demoAgencyId('midong-cgj') : null, officerId: officer ? demoOfficerId(officer) : null });
  const officer = await token('OFFICER', 'officer-sun');
  const supervisor = await token('SUPERVISOR', 'supervisor-ma');
  const gql = async (query: string, variables: Record<string, unknown>, bearer?: string) => {
    const res = await fetch(gateway, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
  };

  phase(`filing ${CASES} cases`);
  // Volume through the real write path: R2 checks against powers, case numbering, a record-log entry each.
  const fileStart = performance.now();
  const items = ['650109-CF-0001', '650109-CF-0002', '650109-CF-0003', '650109-CF-0004'];
  for (let i = 0; i < CASES; i += CONNECTIONS) {
    await Promise.all(
      Array.from({ length: Math.min(CONNECTIONS, CASES - i) }, (_, k) =>
        gql(
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
              filedOn: '2026-11-02',
            },
          },
          officer,
        ),
      ),
    );
  }
  const fileMs = performance.now() - fileStart;

  const scenarios: { name: string; query: string; token?: string }[] = [
    {
      name: 'public power list (50, with agency + benchmark)',
      query: `{ powerItems(first: 50) { edges { node { code name agency { name } discretionBenchmark { tiers { tier fineMin fineMax } } } } } }`,
    },
    {
      name: 'officer case list (50, with party, power item, agency, officers)',
      query: `{ cases(first: 50) { totalCount edges { node { caseNumber state party { name } powerItem { name } agency { name } handlingOfficers { name credentialStatus } } } } }`,
      token: officer,
    },
    {
      name: 'archived case with its record log',
      query: `{ cases(first: 1, filter: { state: ARCHIVED }) { edges { node { id records { kind hash } } } } }`,
      token: supervisor,
    },
    { name: 'public publications (50)', query: `{ publications(first: 50) { edges { node { status content { partyName conclusion decisionNumber } } } } }` },
    {
      name: 'enterprise join: cases + inspections (officer)',
      query: `{ cases(first: 20, filter: { partyUscc: "91230500MA1B3N1N2M" }) { edges { node { caseNumber agency { name } } } } inspectionResults(first: 20) { edges { node { resultCode } } } }`,
      token: officer,
    },
  ];

  const rows: string[] = [];
  for (const s of scenarios) {
    phase(s.name);
    await gql(s.query, {}, s.token);
    const result = await autocannon({
      url: gateway,
      method: 'POST',
      connections: CONNECTIONS,
      duration: DURATION_S,
      headers: { 'content-type': 'application/json', ...(s.token ? { authorization: `Bearer ${s.token}` } : {}) },
      body: JSON.stringify({ query: s.query }),
    });
    rows.push(
      `| ${s.name} | ${result.requests.average.toFixed(0)} | ${result.latency.p50} | ${result.latency.p90} | ${result.latency.p99} | ${result.non2xx + result.errors} |`,
    );
    console.log(rows.at(-1));
  }
  const memory = children.map((c) => `${c.name} ${mb(rssKb(c.proc.pid!))}`).join(', ');
  const [sizes] = await withServerConnection(config.databaseUrl, (c) =>
    c.query(
      `SELECT table_schema AS db, SUM(table_rows) AS n FROM information_schema.tables WHERE table_schema LIKE ? GROUP BY table_schema ORDER BY table_schema`,
      [`${prefix}%`],
    ),
  );
  const report = [
    '# Benchmarks',
    '',
    `Measured by \`npm run bench\` (scripts/bench.ts) on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores, ${mb(totalmem() / 1024)} memory, Node ${process.version},`,
    'MariaDB 10.11 on the same machine; gateway, four subgraphs and the platform stand-in each as its own process, and',
    `autocannon in a seventh — all on the same 2 cores, so these are floors, not production figures. ${CONNECTIONS} connections, ${DURATION_S} s per query.`,
    '',
    `Volume: the demo data plus ${CASES} cases filed through the gateway in ${(fileMs / 1000).toFixed(1)} s (${((CASES / fileMs) * 1000).toFixed(0)} cases/s; each filing`,
    'checks two credentials in powers, takes the case number lock and appends to the hash-chained record log).',
    '',
    '| query | req/s | p50 ms | p90 ms | p99 ms | errors |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `Resident memory after the run: ${memory}.`,
    '',
    `Approximate rows per database: ${(sizes as { db: string; n: number }[]).map((r) => `${r.db.slice(prefix.length + 1)} ${r.n}`).join(', ')}.`,
    '',
  ].join('\n');
  writeFileSync(new URL('../docs/benchmarks.md', import.meta.url), report);
  console.log(report);
} finally {
  for (const c of children.reverse()) c.proc.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1000));
  removeWitness(config.keyDir, config.databaseName('cases'));
  await withServerConnection(config.databaseUrl, async (c) => {
    const [rows] = await c.query('SELECT schema_name AS name FROM information_schema.schemata WHERE schema_name LIKE ?', [`${prefix}%`]);
    for (const { name } of rows as { name: string }[]) await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
  });
}
