import { createServer, request as httpRequest, type Server } from 'node:http';
import { writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner, type PlanNode } from '@apollo/query-planner';
import { parse } from 'graphql';
import { decodeJwt } from 'jose';
import { readFileSync } from 'node:fs';
import { openPowersDb, startPowers } from '../../subgraphs/powers/service.js';
import { openCasesDb, startCases } from '../../subgraphs/cases/service.js';
import { loadKeyMaterial, PUBLIC_CALLER, signDevUserToken, signInternalToken, type Caller } from '../../kernel/identity.js';
import { createLogger } from '../../kernel/logger.js';
import {
  base,
  children,
  config,
  CONNECTIONS,
  demoTokens,
  DURATION_S,
  env,
  fileCases,
  gql,
  machine,
  mb,
  measure,
  median,
  phase,
  PORT,
  rssKb,
  run,
  startService,
  startSubgraphs,
  stopService,
  today,
  writeSection,
  type Slice,
  type Tokens,
} from './common.js';
import type { FloorProgram, Step } from './floor.js';

// npm run bench -- --compare (issue 18): the canonical operations against (A) the project's gateway, (B) Hive
// Gateway on the same supergraph and the same running subgraphs, and (C) the floor — the subgraph fetches of
// the gateway's query plan called directly. Interleaved A, B, C (order reversed every round); req/s over all
// rounds, p50/p99 the median of the rounds'. Targets (issue 28, N = 64): A ≥ 0.85 × C and A ≥ 1.5 × B on each
// authenticated operation. `--callers N` (issue 28): each authenticated operation is measured twice, once from one
// caller (every request the same token, which lets a gateway merge concurrent identical fetches) and once with each
// request taking the next of N callers of the same role and agency (distinct tokens, distinct subjects), as real
// traffic from many officers, supervisors and analysts does. Anonymous callers are one caller (PUBLIC) either way.

const ROUNDS = Math.max(3, Number(process.env.BENCH_ROUNDS ?? 3));
const CASES = Number(process.env.BENCH_CASES ?? 200);
const TARGET_FLOOR = 0.85;
const TARGET_HIVE = 1.5;
const CALLERS = (() => {
  const at = process.argv.indexOf('--callers');
  const n = at >= 0 ? Number(process.argv[at + 1]) : 1;
  if (!Number.isInteger(n) || n < 1) throw new Error(`--callers ${process.argv[at + 1]}: expected a positive integer`);
  return n;
})();

const EDGE_ON: Record<string, string> = { RATE_LIMIT_ANONYMOUS: '100000000', RATE_LIMIT_USER: '100000000' };
const COUNT = 'total cells { group key count }';
const RATE = 'numerator denominator excluded rate';

/** The caller a user token names (PUBLIC without one): what the floor and the in-process copies act as. */
export const callerOf = (token: string | undefined): Caller => {
  if (!token) return PUBLIC_CALLER;
  const c = decodeJwt(token);
  const s = (v: unknown) => (typeof v === 'string' && v ? v : null);
  return { subject: String(c.sub), role: c.role as Caller['role'], agencyId: s(c.agency), officerId: s(c.officer) };
};

export type Scenario = { name: string; query: string; variables?: Record<string, unknown>; token?: string; callers?: string[] };
/** The canonical operations (also scripts/bench/hot.ts): the public power list and publications, the supervisor's case list, statistics. */
export function canonicalScenarios(tokens: Tokens): Scenario[] {
  return [
    {
      name: 'public power list (20, with agency + benchmark)',
      query: `{ powerItems(first: 20) { edges { node { code name agency { name } discretionBenchmark { tiers { tier fineMin fineMax } } } } } }`,
    },
    {
      name: 'public decision publications (20)',
      query: `{ publications(first: 20) { edges { node { id status decisionDate publishedOn periodEndsOn expired } } } }`,
    },
    {
      name: "supervisor's case list (20) across cases, powers, inspections",
      query: `{ cases(first: 20) { totalCount edges { node { caseNumber state filedOn party { name } agency { name } powerItem { code name agency { name } } sourceInspection { name status } } } } }`,
      token: tokens.supervisor,
    },
    {
      name: 'statistics (the year, cases + reviews + inspections)',
      query: `query($filter: StatisticsFilter!) { statistics(filter: $filter) { key asOf cases { byState { ${COUNT} } byOutcome { ${COUNT} } fines { count amount } reviewCoverage { ${RATE} } beyond90Days { ${RATE} } } reviews { outcomes { ${COUNT} } overdue { ${RATE} } } inspections { coverage { ${RATE} } resultsByCode { ${COUNT} } } } }`,
      variables: { filter: { from: `${today.slice(0, 4)}-01-01`, to: today } },
      token: tokens.analyst,
    },
  ];
}

export async function compare() {
  const tokens = await demoTokens();
  const scenarios = canonicalScenarios(tokens);

  // N callers like the scenario's own: same role, agency and officer, subjects `<subject>-<k>` (the floor uses the same).
  for (const s of scenarios) {
    if (!s.token || CALLERS < 2) continue;
    const c = callerOf(s.token);
    s.callers = await Promise.all(
      Array.from({ length: CALLERS }, (_, k) =>
        signDevUserToken(tokens.keys, { role: c.role, agencyId: c.agencyId, officerId: c.officerId, subject: `${c.subject}-${k}` }),
      ),
    );
  }

  phase('seeding');
  await run('scripts/seed.ts', ['--reset']);
  phase('starting subgraphs and the project gateway (A)');
  // BENCH_CPU_PROF=<dir>: the gateway (A) and the subgraphs write V8 CPU profiles there when they stop.
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const stack = await startSubgraphs('', PORT, EDGE_ON, prof);
  const gatewayA = await startService('gateway (A)', 'gateway/main.ts', `${base(PORT)}/ready`, { ...EDGE_ON, PORT: String(PORT) }, prof);
  const urlA = `${base(PORT)}/graphql`;
  // A₀: the same gateway with in-flight deduplication off — what it costs per request when no two are alike.
  const portA0 = PORT + 50;
  await startService('gateway (A₀, no dedupe)', 'gateway/main.ts', `${base(portA0)}/ready`, {
    ...EDGE_ON,
    PORT: String(portA0),
    SUBGRAPH_DEDUPE: 'off',
    ...Object.fromEntries((['powers', 'cases', 'reviews', 'inspections'] as const).map((n) => [`${n.toUpperCase()}_URL`, stack.url(n)])),
  });
  const urlA0 = `${base(portA0)}/graphql`;
  phase(`filing ${CASES} cases`);
  await fileCases(urlA, tokens.officer, CASES);

  phase('starting Hive Gateway (B)');
  const hivePort = PORT + 30;
  const gatewayB = await startService('Hive Gateway (B)', 'scripts/bench/hive-gateway.ts', `${base(hivePort)}/readiness`, {
    PORT: String(PORT),
    HIVE_PORT: String(hivePort),
  });
  const urlB = `${base(hivePort)}/graphql`;

  phase('capturing the query plans and their fetches (C)');
  const programs = await capturePrograms(scenarios, callerOf, stack.url);
  const programsFile = join(tmpdir(), `sxbench-floor-${process.pid}.json`);
  writeFileSync(programsFile, JSON.stringify(programs));
  const floorPort = PORT + 31;
  const floor = await startService('floor (C)', 'scripts/bench/floor.ts', `${base(floorPort)}/ready`, {
    PORT: String(PORT),
    FLOOR_PORT: String(floorPort),
    FLOOR_PROGRAMS: programsFile,
  });

  // Same answers from A and B before anything is timed (C answers with its last fetch), for one caller and another.
  for (const s of scenarios) {
    for (const token of [s.token, s.callers?.at(-1)]) {
      const a = await gql(urlA, s.query, s.variables, token);
      const b = await gql(urlB, s.query, s.variables, token);
      if (JSON.stringify(a) !== JSON.stringify(b))
        throw new Error(`${s.name}: Hive Gateway answered differently:\n${JSON.stringify(a).slice(0, 400)}\n${JSON.stringify(b).slice(0, 400)}`);
    }
  }
  const idle = children.map((c) => ({ name: c.name, kb: rssKb(c.proc.pid!) }));
  const memory = await memoryRuns(scenarios, urlA);

  const slice = Math.max(1, Math.round(DURATION_S / ROUNDS));
  const targets = [
    { label: 'A', url: () => urlA },
    { label: 'A0', url: () => urlA0 },
    { label: 'B', url: () => urlB },
    { label: 'C', url: (i: number, n: number) => `${base(floorPort)}/floor/${i}/${n}` },
  ] as const;
  const loadAtStart = loadavg()[0]!;
  const rows: string[] = [];
  const verdicts: string[] = [];
  // Every target of issue 28 with its figure and pass/short (printed, and the first table of the section).
  const targetRows: string[] = [];
  const target = (what: string, figure: number, cmp: '≥' | '≤', goal: number) =>
    targetRows.push(`| ${what} | ${cmp} ${goal} | ${figure.toFixed(2)} | ${(cmp === '≥' ? figure >= goal : figure <= goal) ? 'pass' : '**short**'} |`);
  for (const [i, s] of scenarios.entries()) {
    const body = { query: s.query, variables: s.variables };
    // One caller, then (authenticated operations, --callers N) N callers in turn.
    const runs: { n: number; bearer: string | string[] | undefined }[] = [{ n: 1, bearer: s.token }];
    if (s.callers) runs.push({ n: s.callers.length, bearer: s.callers });
    for (const { n, bearer } of runs) {
      phase(`${s.name}, ${n === 1 ? (s.token ? 'one caller' : 'anonymous') : `${n} callers`} (load ${loadavg()[0]!.toFixed(1)})`);
      for (const t of targets) await measure(t.url(i, n), body, bearer, 1); // warm
      const slices = new Map<string, Slice[]>(targets.map((t) => [t.label, []]));
      const loadBefore = loadavg()[0]!;
      for (let round = 0; round < ROUNDS; round++) {
        for (const t of round % 2 === 0 ? targets : [...targets].reverse()) slices.get(t.label)!.push(await measure(t.url(i, n), body, bearer, slice));
      }
      const rate = (l: string) => {
        const xs = slices.get(l)!;
        return xs.reduce((a, x) => a + x.requests, 0) / xs.reduce((a, x) => a + x.seconds, 0);
      };
      const lat = (l: string) => `${median(slices.get(l)!.map((x) => x.p50))} / ${median(slices.get(l)!.map((x) => x.p99))}`;
      const errors = targets.map((t) => slices.get(t.label)!.reduce((a, x) => a + x.errors, 0)).join(' / ');
      const ac = rate('A') / rate('C');
      const ab = rate('A') / rate('B');
      const a0c = rate('A0') / rate('C');
      const who = s.token ? String(n) : 'anonymous';
      const load = `${loadBefore.toFixed(1)}–${loadavg()[0]!.toFixed(1)}`;
      rows.push(
        `| ${s.name} | ${who} | ${rate('A').toFixed(0)} | ${rate('A0').toFixed(0)} | ${rate('B').toFixed(0)} | ${rate('C').toFixed(0)} | ${lat('A')} | ${lat('A0')} | ${lat('B')} | ${lat('C')} | ${ac.toFixed(2)} | ${a0c.toFixed(2)} | ${ab.toFixed(2)} | ${errors} | ${load} |`,
      );
      console.log(rows.at(-1));
      // The targets are for real traffic: authenticated operations from N callers (or anonymous ones, one caller by nature).
      const judged = !s.token || n > 1 || CALLERS === 1;
      if (judged) {
        const who2 = s.token ? `${n} caller${n > 1 ? 's' : ''}` : 'anonymous';
        target(`${s.name}, ${who2}: A/C`, ac, '≥', TARGET_FLOOR);
        target(`${s.name}, ${who2}: A/B`, ab, '≥', TARGET_HIVE);
      }
      const verdict = (x: number, target: number) => (judged ? ` — ${x >= target ? 'pass' : 'short'} (target ≥ ${target})` : '');
      verdicts.push(
        `- ${s.name}, ${s.token ? `${n} caller${n > 1 ? 's' : ''}` : 'anonymous'}: A/C ${ac.toFixed(2)}${verdict(ac, TARGET_FLOOR)}; A₀/C ${a0c.toFixed(2)}; A/B ${ab.toFixed(2)}${verdict(ab, TARGET_HIVE)}${judged ? '' : ' (one caller: A merges its concurrent identical fetches, B does not; not judged)'}`,
      );
      console.log(verdicts.at(-1));
    }
  }
  phase('powers and cases: their fetches of the canonical operations against the raw SQL they run');
  const caseList = programs[2]!;
  const casesStep = caseList.step.kind === 'sequence' ? caseList.step.steps[0]! : caseList.step;
  const sqlRuns = [
    await subgraphAgainstSql('public power list, 20 items', 'powers', programs[0]!.step, programs[0]!.caller, 1, stack.url('powers'), slice),
    await subgraphAgainstSql("supervisor's case list, first fetch", 'cases', casesStep, caseList.caller, CALLERS, stack.url('cases'), slice),
  ];
  const sqlRows = { rows: sqlRuns.flatMap((r) => r.rows), verdict: sqlRuns.map((r) => r.verdict).join('\n') };
  target('public power list: powers fetch, raw SQL / fetch', sqlRuns[0]!.ratio, '≤', 2);
  target("supervisor's case list: cases fetch, raw SQL / fetch", sqlRuns[1]!.ratio, '≤', 2);
  // The growth target is measured by `--cases N` (its own section): quoted from there as it stands.
  const doc = readFileSync(new URL('../../docs/benchmarks.md', import.meta.url), 'utf8');
  const growthSection = doc.slice(doc.indexOf('<!-- bench:growth -->'), doc.indexOf('<!-- /bench:growth -->'));
  const growthRows = growthSection.split('\n').filter((l) => /^\| .* \| [\d.]+ — (pass|short) \| \d+ \|$/.test(l));
  const growthN = /npm run bench -- --cases (\d+)/.exec(growthSection)?.[1];
  for (const l of growthRows) {
    const cells = l.split('|').map((c) => c.trim());
    const [ratio, verdict] = cells[4]!.split(' — ');
    targetRows.push(
      `| ${cells[1]} at ${growthN} cases / 10 000 (p50; \`--cases\` run, growth section) | ≤ 2 | ${ratio} | ${verdict === 'pass' ? 'pass' : '**short**'} |`,
    );
  }
  const targetsTable = ['| target (issue 28) | goal | measured | verdict |', '| --- | --- | --- | --- |', ...targetRows];
  console.log(targetsTable.join('\n'));
  const loadAtEnd = loadavg()[0]!;
  const after = children.map((c) => ({ name: c.name, kb: rssKb(c.proc.pid!) }));
  const plans = programs.map((p) => `- ${p.name}: ${describe(p.step)}`);
  const report = [
    '## Side by side (issues 18, 28): the project gateway, Hive Gateway and the floor',
    '',
    `Measured by \`npm run bench -- --compare${CALLERS > 1 ? ` --callers ${CALLERS}` : ''}\` (scripts/bench/compare.ts) on ${new Date().toISOString().slice(0, 10)}: ${machine()}; demo data plus ${CASES} cases filed`,
    `through the gateway. **A** the project's gateway (defaults: keep-alive fetcher, breakers, metrics, rate limiter counting),`,
    `**B** Hive Gateway ${hiveVersion()} (\`@graphql-hive/gateway\`, scripts/bench/hive-gateway.ts) serving the same \`schema/supergraph.graphql\``,
    'over the same running subgraphs, its `onFetch` hook verifying the caller and sending each subgraph an internal token from',
    "the project's identity module, with its in-flight de-duplication off (issue 28: on, it merged different callers' fetches),",
    "**C** the floor (scripts/bench/floor.ts): the fetches of the gateway's query plan",
    '(`@apollo/query-planner` on the same supergraph; bodies captured from the gateway, representations included) sent',
    `straight to the subgraphs — sequence steps in turn, parallel steps together. autocannon, ${CONNECTIONS} connections, ${ROUNDS} interleaved`,
    `rounds of ${slice} s per target (A, A₀, B, C, then C, B, A₀, A, …); req/s over all rounds, p50 / p99 ms the median of the rounds'.`,
    '',
    `Every target (issue 28), as measured by this run (load average ${loadAtStart.toFixed(1)} at the start, ${loadAtEnd.toFixed(1)} at the end):`,
    '',
    ...targetsTable,
    '',
    '| operation | callers | A req/s | A₀ req/s | B req/s | C req/s | A p50 / p99 | A₀ p50 / p99 | B p50 / p99 | C p50 / p99 | A/C | A₀/C | A/B | errors A / A₀ / B / C | load |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `**callers**: 1 = every request with the same token; ${CALLERS > 1 ? CALLERS : 'N'} = each request with the next of ${CALLERS > 1 ? CALLERS : 'N'} tokens of the same role and agency`,
    '(distinct subjects; the floor sends each fetch with the matching internal token); anonymous = the public, one caller',
    "by nature. **load**: the 1-minute load average before and after the row's rounds.",
    '',
    `Targets (issue 28): A ≥ ${TARGET_FLOOR} × C and A ≥ ${TARGET_HIVE} × B on each authenticated operation with ${CALLERS > 1 ? CALLERS : 'N'} callers (and the public one).`,
    '**A₀** is A with `SUBGRAPH_DEDUPE=off`. A merges concurrent identical fetches of one caller only (the internal token is',
    'part of its key); with one caller on every connection it can beat the floor, which never merges, so single-caller rows',
    "are shown but not judged; A₀/C is the gateway's own cost per request when no two requests are alike.",
    '',
    ...verdicts,
    '',
    '### Subgraphs against their own SQL',
    '',
    "The `powers` fetch of the public power list (20 items) and the `cases` fetch of the supervisor's case list (the first",
    `step of its plan${CALLERS > 1 ? `, from ${CALLERS} callers in turn` : ''}), each as the gateway's plan sends it, straight to the subgraph, against the SQL statements that fetch runs (captured from drizzle's logger on an in-process copy of the`,
    'subgraph, then sent as raw text with the same parameters through a mysql2 pool: one request = those statements',
    `in turn). Same ${CONNECTIONS} concurrent callers, ${ROUNDS} interleaved rounds of ${slice} s. Target (issue 28): each fetch within 2× the raw SQL.`,
    '',
    '| what | req/s | p50 / p99 ms |',
    '| --- | --- | --- |',
    ...sqlRows.rows,
    '',
    sqlRows.verdict,
    '',
    'The plans (C):',
    '',
    ...plans,
    '',
    `Machine load (1-minute load average) ${loadAtStart.toFixed(1)} when measuring began, ${loadAtEnd.toFixed(1)} at the end; the 2 cores were shared with`,
    'other work (other sessions building and testing), so compare the columns of one row, not these figures with other runs.',
    '',
    ...memory,
    '',
    `Resident memory idle (after start and warm-up) → after everything above: ${idle.map((x, k) => `${x.name} ${mb(x.kb)} → ${mb(after[k]!.kb)}`).join(', ')}.`,
  ].join('\n');
  writeSection('compare', report);
  console.log(report);
  void gatewayA;
  void gatewayB;
  void floor;
  void stopService;
}

/**
 * One subgraph's fetch of a canonical operation straight to the subgraph (autocannon; with `callers` > 1 each request
 * as the next of that many callers, like the 64-caller rows) against the SQL statements that fetch runs, captured
 * from drizzle's logger on an in-process copy of the subgraph and replayed as raw text with the same parameters
 * through a mysql2 pool (one request = those statements in turn). Target (issue 28): the fetch within 2× the SQL.
 */
async function subgraphAgainstSql(what: string, service: 'powers' | 'cases', step: Step, caller: Caller, callers: number, url: string, seconds: number) {
  if (step.kind !== 'fetch' || step.service !== service) throw new Error(`${what}: expected one ${service} fetch`);
  const body = JSON.parse(step.body) as { query: string; variables?: Record<string, unknown> };
  const keys = await loadKeyMaterial(config.keyDir);
  const log = createLogger('bench', 'warn');
  const db = service === 'powers' ? await openPowersDb(config) : await openCasesDb(config);
  const inProcess =
    service === 'powers'
      ? await startPowers({ config, db: db as Awaited<ReturnType<typeof openPowersDb>>, keys, log, port: 0 })
      : await startCases({ config, db: db as Awaited<ReturnType<typeof openCasesDb>>, keys, log, port: 0 });
  const callerK = (k: number): Caller => (callers > 1 && caller.role !== 'PUBLIC' ? { ...caller, subject: `${caller.subject}-${k}` } : caller);
  const tokens = await Promise.all(Array.from({ length: Math.max(1, callers) }, (_, k) => signInternalToken(keys, callerK(k), 'bench', service)));
  db.stats.capture = [];
  await gql(inProcess.url, body.query, body.variables, tokens[0]);
  const statements = db.stats.capture;
  db.stats.capture = undefined;
  const sqlSlice = async (): Promise<Slice> => {
    const latencies: number[] = [];
    const end = performance.now() + seconds * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < end) {
          const t = performance.now();
          for (const st of statements) await db.pool.query({ sql: st.sql, rowsAsArray: true }, st.params);
          latencies.push(performance.now() - t);
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!);
    return { requests: latencies.length, seconds: (performance.now() - started) / 1000, p50: at(0.5), p99: at(0.99), errors: 0 };
  };
  const fetchSlices: Slice[] = [];
  const sqlSlices: Slice[] = [];
  await sqlSlice();
  for (let round = 0; round < ROUNDS; round++) {
    fetchSlices.push(await measure(url, body, tokens.length > 1 ? tokens : tokens[0], seconds));
    sqlSlices.push(await sqlSlice());
  }
  await inProcess.close();
  await db.close().catch(() => undefined); // closed with the service already
  const rate = (xs: Slice[]) => xs.reduce((a, x) => a + x.requests, 0) / xs.reduce((a, x) => a + x.seconds, 0);
  const lat = (xs: Slice[]) => `${median(xs.map((x) => x.p50))} / ${median(xs.map((x) => x.p99))}`;
  const ratio = rate(sqlSlices) / rate(fetchSlices);
  return {
    ratio,
    rows: [
      `| ${what}: ${service} subgraph, direct fetch${callers > 1 ? ` (${callers} callers)` : ''} | ${rate(fetchSlices).toFixed(0)} | ${lat(fetchSlices)} |`,
      `| ${what}: the same ${statements.length} SQL statements, raw (mysql2) | ${rate(sqlSlices).toFixed(0)} | ${lat(sqlSlices)} |`,
    ],
    verdict: `- ${what} (${service}): raw SQL / fetch throughput ${ratio.toFixed(2)} — ${ratio <= 2 ? 'pass' : 'short'} (target ≤ 2). Statements: ${statements.map((st) => '`' + st.sql.replace(/`/g, '').slice(0, 90) + (st.sql.length > 90 ? '…' : '') + '`').join('; ')}.`,
  };
}

/**
 * Memory (issue 18): RSS of every process before and after each of BENCH_MEMORY_RUNS runs (default 3) of
 * BENCH_MEMORY_SECONDS (default 60) of load on the project's gateway (the operations in turn); a process whose
 * RSS rises run after run, every time, is flagged.
 */
async function memoryRuns(scenarios: { query: string; variables?: Record<string, unknown>; token?: string }[], url: string): Promise<string[]> {
  const runs = Number(process.env.BENCH_MEMORY_RUNS ?? 3);
  const seconds = Number(process.env.BENCH_MEMORY_SECONDS ?? 60);
  if (runs < 1 || seconds < 1) return [];
  const procs = children.filter((c) => !c.name.startsWith('Hive') && !c.name.startsWith('floor'));
  const snap = () => procs.map((c) => rssKb(c.proc.pid!));
  const series: number[][] = [snap()];
  for (let r = 0; r < runs; r++) {
    phase(`memory run ${r + 1}/${runs}: ${seconds} s of load on the gateway`);
    const per = Math.max(1, Math.round(seconds / scenarios.length));
    for (const s of scenarios) await measure(url, { query: s.query, variables: s.variables }, s.token, per);
    series.push(snap());
  }
  // Growth from idle to the first run is warm-up (JIT, pools, caches); a leak keeps growing from run to run.
  const growing = runs >= 2 ? procs.filter((_, i) => series.every((xs, r) => r < 2 || xs[i]! > series[r - 1]![i]! * 1.02)) : [];
  return [
    `### Memory under load`,
    '',
    `RSS of each process idle, then after each of ${runs} runs of ${seconds} s of load on the project's gateway (the three operations in turn, ${CONNECTIONS} connections):`,
    '',
    `| process | idle | ${Array.from({ length: runs }, (_, r) => `after run ${r + 1}`).join(' | ')} |`,
    `| --- | --- | ${Array.from({ length: runs }, () => '---').join(' | ')} |`,
    ...procs.map((p, i) => `| ${p.name} | ${series.map((xs) => mb(xs[i]!)).join(' | ')} |`),
    '',
    growing.length
      ? `**Defect:** RSS rose by more than 2 % from each run to the next in: ${growing.map((p) => p.name).join(', ')}.`
      : `No process's RSS rose by more than 2 % from each run to the next (the rise from idle to the first run is warm-up).`,
  ];
}

function hiveVersion() {
  return (JSON.parse(readFileSync(new URL('../../node_modules/@graphql-hive/gateway/package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

function describe(step: Step): string {
  if (step.kind === 'fetch') return step.service;
  const inner = step.steps.map(describe);
  return step.kind === 'sequence' ? inner.join(' → ') : `(${inner.join(' ‖ ')})`;
}

/**
 * Plans each operation with Apollo's query planner and captures the bodies the project's gateway sends for
 * it: a throwaway gateway whose subgraph URLs point at recording proxies in this process.
 */
export async function capturePrograms(
  scenarios: { name: string; query: string; variables?: Record<string, unknown>; token?: string }[],
  callerOf: (token: string | undefined) => Caller,
  subgraphUrl: (name: 'powers' | 'cases' | 'reviews' | 'inspections') => string,
): Promise<FloorProgram[]> {
  const names = ['powers', 'cases', 'reviews', 'inspections'] as const;
  let recorded: { service: string; query: string; body: string }[] = [];
  const proxies: Server[] = [];
  const proxyUrls: Record<string, string> = {};
  for (const name of names) {
    const target = new URL(subgraphUrl(name));
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        if (req.method === 'POST' && body) recorded.push({ service: name, query: (JSON.parse(body) as { query: string }).query, body });
        const up = httpRequest(target, { method: req.method, headers: req.headers }, (r) => {
          res.writeHead(r.statusCode ?? 502, r.headers);
          r.pipe(res);
        });
        up.end(body);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    proxies.push(server);
    proxyUrls[`${name.toUpperCase()}_URL`] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }
  const capturePort = PORT + 60;
  const capture = await startService('capture gateway', 'gateway/main.ts', `${base(capturePort)}/ready`, {
    PORT: String(capturePort),
    RATE_LIMIT: 'off',
    ...proxyUrls,
    ...Object.fromEntries(names.map((n) => [`${n.toUpperCase()}_PORT`, new URL(subgraphUrl(n)).port])),
  });
  const supergraph = Supergraph.build(readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8'));
  const planner = new QueryPlanner(supergraph);
  const programs: FloorProgram[] = [];
  try {
    for (const s of scenarios) {
      recorded = [];
      await gql(`${base(capturePort)}/graphql`, s.query, s.variables, s.token);
      const plan = planner.buildQueryPlan(operationFromDocument(supergraph.apiSchema(), parse(s.query)));
      const pool = [...recorded];
      const toStep = (node: PlanNode): Step => {
        switch (node.kind) {
          case 'Sequence':
            return { kind: 'sequence', steps: node.nodes.map(toStep) };
          case 'Parallel':
            return { kind: 'parallel', steps: node.nodes.map(toStep) };
          case 'Flatten':
            return toStep(node.node);
          case 'Fetch': {
            const i = pool.findIndex((r) => r.service === node.serviceName && r.query === node.operation);
            if (i < 0) throw new Error(`${s.name}: the gateway sent no fetch to ${node.serviceName} for ${node.operation.slice(0, 200)}`);
            return { kind: 'fetch', service: node.serviceName, body: pool.splice(i, 1)[0]!.body };
          }
          default:
            throw new Error(`${s.name}: plan node ${node.kind} is not replayed`);
        }
      };
      if (!plan.node) throw new Error(`${s.name}: empty plan`);
      programs.push({ name: s.name, caller: callerOf(s.token), step: toStep(plan.node as PlanNode) });
      if (pool.length) throw new Error(`${s.name}: fetches the plan does not name: ${pool.map((r) => r.service).join(', ')}`);
    }
  } finally {
    await stopService(capture);
    for (const p of proxies) p.close();
  }
  void env;
  return programs;
}
