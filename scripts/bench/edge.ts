import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { demoAgencyId, demoOfficerId } from '../../data/loader/ids.js';
import { loadConfig } from '../../kernel/config.js';
import { withServerConnection } from '../../kernel/db.js';
import { loadKeyMaterial, signDevUserToken } from '../../kernel/identity.js';
import {
  base,
  children,
  config,
  CONNECTIONS,
  DURATION_S,
  env,
  fileCases,
  gql,
  machine,
  mb,
  phase,
  PORT,
  prefix,
  ROUNDS,
  rssKb,
  run,
  startService,
  writeSection,
} from './common.js';

// npm run bench -- --edge (the default): every service as its own process (the production shape) on throwaway
// databases, loaded with volume through the gateway, then each hot query measured with autocannon.
//
// Two stacks on the same databases, measured side by side, query by query in alternating order:
// "edge off" runs every service with the switches that turn the production-edge layers off (issue 14:
// Apollo's default fetcher, no timeouts or breakers, no metrics, no rate limit, no compression, no
// trusted documents — the gateway as it was before), "edge on" with the defaults (tracing off).

const CASES = Number(process.env.BENCH_CASES ?? 2000);
/** The edge layers off: what the gateway and subgraphs were before issue 14. */
const EDGE_OFF: Record<string, string> = {
  METRICS: 'off',
  SUBGRAPH_FETCHER: 'apollo',
  SUBGRAPH_BREAKER: 'off',
  SUBGRAPH_TIMEOUT_MS: '0',
  RATE_LIMIT: 'off',
  COMPRESSION: 'off',
  TRUSTED_DOCUMENTS: 'off',
};
/** The defaults, with limits far above what one load generator sends (the limiter still counts every request). */
const EDGE_ON: Record<string, string> = { RATE_LIMIT_ANONYMOUS: '100000000', RATE_LIMIT_USER: '100000000' };
const STACKS: { label: string; port: number; env: Record<string, string>; gatewayOnly?: boolean }[] = [
  { label: 'edge off', port: PORT + 20, env: { ...EDGE_OFF, INSPECTIONS_SYNC_INTERVAL_MS: '0' } },
  { label: 'edge on', port: PORT, env: EDGE_ON },
  // The edge on with Apollo's own fetcher, on the edge-on subgraphs: the cost of the layers without the transport's gain.
  {
    label: 'edge on, Apollo fetcher',
    port: PORT + 40,
    env: {
      ...EDGE_ON,
      SUBGRAPH_FETCHER: 'apollo',
      ...Object.fromEntries(
        (['powers', 'cases', 'reviews', 'inspections'] as const).map((n) => [`${n.toUpperCase()}_URL`, `http://localhost:${config.servicePort(n)}/graphql`]),
      ),
    },
    gatewayOnly: true,
  },
];
export async function edge() {
  phase('seeding');
  await run('scripts/seed.ts', ['--reset']);
  phase('starting services');
  await startService('platform', 'subgraphs/inspections/platform/main.ts', `${base(PORT + 10)}/api/v1/plans?limit=1`);
  for (const stack of STACKS) {
    // Each stack's subgraphs call each other (cases → powers, reviews) on its own ports.
    const stackEnv = { ...stack.env, PORT: String(stack.port) };
    const ports = loadConfig({ ...env, ...stackEnv });
    const tag = (name: string) => `${name} (${stack.label})`;
    if (stack.gatewayOnly) {
      await startService(tag('gateway'), 'gateway/main.ts', `${base(stack.port)}/ready`, stackEnv);
      continue;
    }
    await startService(tag('powers'), 'subgraphs/powers/main.ts', `${base(ports.servicePort('powers'))}/ready`, stackEnv);
    await startService(tag('cases'), 'subgraphs/cases/main.ts', `${base(ports.servicePort('cases'))}/ready`, stackEnv);
    await startService(tag('reviews'), 'subgraphs/reviews/main.ts', `${base(ports.servicePort('reviews'))}/ready`, stackEnv);
    await startService(tag('inspections'), 'subgraphs/inspections/main.ts', `${base(ports.servicePort('inspections'))}/ready`, stackEnv);
    await startService(tag('gateway'), 'gateway/main.ts', `${base(stack.port)}/ready`, stackEnv);
  }
  const gateway = `${base(PORT)}/graphql`;
  const gatewayOf = (port: number) => `${base(port)}/graphql`;

  const keys = await loadKeyMaterial(config.keyDir);
  const token = (role: 'OFFICER' | 'SUPERVISOR', officer: string | null) =>
    signDevUserToken(keys, { role, agencyId: role === 'OFFICER' ? demoAgencyId('midong-cgj') : null, officerId: officer ? demoOfficerId(officer) : null });
  const officer = await token('OFFICER', 'officer-sun');
  const supervisor = await token('SUPERVISOR', 'supervisor-ma');
  phase(`filing ${CASES} cases`);
  // Volume through the real write path: R2 checks against powers, case numbering, a record-log entry each.
  const fileStart = performance.now();
  await fileCases(gateway, officer, CASES);
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
  // Each stack's time on a query is cut into ROUNDS slices, taken in turn (off, on, on-Apollo, off, …, the order
  // reversed every round): load from elsewhere on the machine then falls on all three alike.
  const slice = Math.max(1, Math.round(DURATION_S / ROUNDS));
  const measure = (url: string, s: (typeof scenarios)[number]) =>
    autocannon({
      url,
      method: 'POST',
      connections: CONNECTIONS,
      duration: slice,
      headers: { 'content-type': 'application/json', ...(s.token ? { authorization: `Bearer ${s.token}` } : {}) },
      body: JSON.stringify({ query: s.query }),
    });
  interface Tally {
    requests: number;
    seconds: number;
    p50: number[];
    p99: number[];
    errors: number;
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const ratios: number[] = [];
  const apolloRatios: number[] = [];
  const loadAtStart = loadavg()[0]!;
  for (const s of scenarios) {
    phase(s.name);
    for (const stack of STACKS) await gql(gatewayOf(stack.port), s.query, {}, s.token); // warm each
    const tallies = new Map<string, Tally>(STACKS.map((st) => [st.label, { requests: 0, seconds: 0, p50: [], p99: [], errors: 0 }]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const stack of round % 2 === 0 ? STACKS : [...STACKS].reverse()) {
        const r = await measure(gatewayOf(stack.port), s);
        const t = tallies.get(stack.label)!;
        t.requests += r.requests.total;
        t.seconds += r.duration;
        t.p50.push(r.latency.p50);
        t.p99.push(r.latency.p99);
        t.errors += r.non2xx + r.errors;
      }
    }
    const [off, on, apollo] = STACKS.map((st) => tallies.get(st.label)!) as [Tally, Tally, Tally];
    const rate = (t: Tally) => t.requests / t.seconds;
    const ratio = rate(on) / rate(off);
    ratios.push(ratio);
    const apolloRatio = rate(apollo) / rate(off);
    apolloRatios.push(apolloRatio);
    const lat = (t: Tally) => `${median(t.p50)} / ${median(t.p99)}`;
    const pct = (r: number) => `${r >= 1 ? '+' : ''}${((r - 1) * 100).toFixed(1)} %`;
    rows.push(
      `| ${s.name} | ${rate(off).toFixed(0)} | ${rate(on).toFixed(0)} (${pct(ratio)}) | ${rate(apollo).toFixed(0)} (${pct(apolloRatio)}) | ${lat(off)} | ${lat(on)} | ${lat(apollo)} | ${[off, on, apollo].map((t) => t.errors).join(' / ')} |`,
    );
    console.log(rows.at(-1));
  }
  const geomean = (rs: number[]) => Math.exp(rs.reduce((a, r) => a + Math.log(r), 0) / rs.length);
  const loadAtEnd = loadavg()[0]!;
  const memory = children.map((c) => `${c.name} ${mb(rssKb(c.proc.pid!))}`).join(', ');
  const [sizes] = await withServerConnection(config.databaseUrl, (c) =>
    c.query(
      `SELECT table_schema AS db, SUM(table_rows) AS n FROM information_schema.tables WHERE table_schema LIKE ? GROUP BY table_schema ORDER BY table_schema`,
      [`${prefix}%`],
    ),
  );
  const report = [
    '## The production edge (issue 14): on and off, side by side',
    '',
    `Measured by \`npm run bench -- --edge\` (scripts/bench/edge.ts) on ${new Date().toISOString().slice(0, 10)}: ${machine()},`,
    'MariaDB 10.11 on the same machine; gateway, four subgraphs and the platform stand-in each as its own process, and',
    `autocannon in another — all on the same 2 cores, so these are floors, not production figures. ${CONNECTIONS} connections, ${slice * ROUNDS} s per query and gateway.`,
    '',
    `Volume: the demo data plus ${CASES} cases filed through the gateway in ${(fileMs / 1000).toFixed(1)} s (${((CASES / fileMs) * 1000).toFixed(0)} cases/s; each filing`,
    'checks two credentials in powers, takes the case number lock and appends to the hash-chained record log).',
    '',
    `Two stacks (gateway and four subgraphs each) on the same databases, each query measured on every gateway in ${ROUNDS} rounds of`,
    `${slice} s taken in turn (the order reversed every round), so load from elsewhere falls on all alike; req/s over all rounds, latency the median of the rounds'.`,
    ' **Edge off**: `METRICS=off SUBGRAPH_FETCHER=apollo SUBGRAPH_BREAKER=off SUBGRAPH_TIMEOUT_MS=0',
    'RATE_LIMIT=off COMPRESSION=off TRUSTED_DOCUMENTS=off` on every service — the gateway as it was before. **Edge on**:',
    'the defaults — Prometheus metrics on every service, per-subgraph timeouts and circuit breakers, the keep-alive',
    'undici fetcher, rate limiting (limits set far above the load so every request is counted, none refused),',
    'compression (autocannon does not ask for it), trusted documents in `allow` mode; tracing off (no',
    '`OTEL_EXPORTER_OTLP_ENDPOINT`).',
    '',
    'A third gateway, **edge on, Apollo fetcher** (`SUBGRAPH_FETCHER=apollo`, on the edge-on subgraphs), separates the cost',
    'of the layers from the gain of the keep-alive transport (which issue 18 is to tune further).',
    '',
    '| query | req/s edge off | req/s edge on | req/s edge on, Apollo fetcher | p50 / p99 ms off | p50 / p99 ms on | p50 / p99 ms on, Apollo fetcher | errors |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `Geometric mean of the throughput ratios against edge off: edge on ${((geomean(ratios) - 1) * 100).toFixed(1)} %, edge on with Apollo's fetcher ${((geomean(apolloRatios) - 1) * 100).toFixed(1)} %.`,
    `Machine load (1-minute load average) ${loadAtStart.toFixed(1)} when measuring began, ${loadAtEnd.toFixed(1)} at the end: other work shared the 2 cores, so compare the columns of one row, not these figures with other runs.`,
    '',
    `Resident memory after the run: ${memory}.`,
    '',
    `Approximate rows per database: ${(sizes as { db: string; n: number }[]).map((r) => `${r.db.slice(prefix.length + 1)} ${r.n}`).join(', ')}.`,
    '',
  ].join('\n');
  writeSection('edge', report);
  console.log(report);
}
