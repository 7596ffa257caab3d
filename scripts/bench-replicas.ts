import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import autocannon from 'autocannon';
import mysql from 'mysql2/promise';
import { removeWitness } from '../kernel/records/signing.js';
import { startPlatformStandIn } from '../subgraphs/inspections/platform/server.js';
import { demoAgencyId, demoOfficerId } from '../data/loader/ids.js';
import { SERVICE_ORDER } from '../kernel/config.js';
import { loadKeyMaterial, signDevUserToken } from '../kernel/identity.js';
import { CLUSTER_NODES, clusterCommand, clusterIsUp, routeTo, startBalancers, startSystemReplica, type SystemReplica } from './replicas.js';

// npm run bench -- --replicas (alias npm run bench:replicas; issue 16): throughput of the canonical read and write through the gateway with 1 versus 2
// replicas of every service, on the 3-node Galera cluster (started here if not running, removed afterwards if so).
// Both replicas run all the time; round-robin balancers send the load to replica A only, or to A and B, in
// alternating slices (1, 2, 1, 2, …) so that load from elsewhere on the machine falls on both alike. Both replicas list
// the database nodes in the same order (all writes on one node, as docs/deployment.md recommends).
// Numbers go to docs/benchmarks.md, section "Replicas (issue 16)".

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const PORT = Number(process.env.BENCH_PORT ?? 47300);
const prefix = `sxbr_${process.pid}`;

const startedCluster = !clusterIsUp();
if (startedCluster) process.stdout.write(clusterCommand('up'));
const platform = await startPlatformStandIn({ port: 0 });
const ports = [PORT, PORT + 100];
const balancers = await startBalancers(ports);
const replicas: SystemReplica[] = [];
const keyDir = process.env.SANXIANG_KEY_DIR || new URL('../.keys/', import.meta.url).pathname;
const env = { PLATFORM_URL: platform.url, LOG_LEVEL: 'warn', RATE_LIMIT_ANONYMOUS: '100000000', RATE_LIMIT_USER: '100000000' };

async function cleanup() {
  for (const r of replicas) r.child.kill('SIGTERM');
  await Promise.all(replicas.map((r) => r.exited));
  for (const b of Object.values(balancers)) await b.close();
  await platform.close();
  const c = await mysql.createConnection({ host: '127.0.0.1', port: 3307, user: 'root' });
  for (const s of SERVICE_ORDER) await c.query(`DROP DATABASE IF EXISTS \`${prefix}_${s}\``);
  await c.end();
  removeWitness(keyDir, `${prefix}_cases`);
  if (startedCluster) process.stdout.write(clusterCommand('down'));
}

try {
  console.log('starting replica A (databases, demo data), then B');
  replicas.push(await startSystemReplica({ name: 'A', port: ports[0]!, hosts: CLUSTER_NODES, prefix, balancers, env }));
  replicas.push(await startSystemReplica({ name: 'B', port: ports[1]!, hosts: CLUSTER_NODES, prefix, balancers, env }));
  const keys = await loadKeyMaterial(keyDir);
  const officers = [demoOfficerId('officer-sun'), demoOfficerId('officer-abdurahman')];
  const token = await signDevUserToken(keys, { role: 'OFFICER', agencyId: demoAgencyId('midong-cgj'), officerId: officers[0]!, subject: 'officer-sun' });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  let n = 0;
  const fileBody = () =>
    JSON.stringify({
      query: 'mutation($input: FileCaseInput!) { fileCase(input: $input) { id caseNumber } }',
      variables: {
        input: {
          agencyId: demoAgencyId('midong-cgj'),
          caseType: 'PENALTY',
          procedure: 'GENERAL',
          powerItemCode: '650109-CF-0001',
          party: { kind: 'LEGAL_PERSON', name: `乌鲁木齐某某商贸有限公司${++n}`, uscc: '91230500MA1B3N1N2M' },
          officerIds: officers,
          source: { kind: 'INSPECTION' },
          factsSummary: '日常巡查发现违法行为。',
          idempotencyKey: `bench-replicas-${process.pid}-${n}`,
        },
      },
    });
  const scenarios = [
    {
      name: 'read: officer case list (50, with party, power item, agency, officers)',
      body: () =>
        JSON.stringify({
          query: `{ cases(first: 50) { totalCount edges { node { caseNumber state party { name } powerItem { name } agency { name } handlingOfficers { name credentialStatus } } } } }`,
        }),
      fixed: true,
    },
    { name: 'write: file a case (R2 checks in powers, case number, record-log entry)', body: fileBody, fixed: false },
  ];
  const url = `${balancers.gateway!.url}/graphql`;
  const tally = new Map<string, { requests: number; seconds: number; errors: number; non2xx: number; p50: number[]; p99: number[] }>();
  const loadStart = loadavg()[0]!;
  for (const s of scenarios) {
    for (let round = 0; round < ROUNDS; round++) {
      for (const count of round % 2 === 0 ? [1, 2] : [2, 1]) {
        routeTo(balancers, ports.slice(0, count));
        const r = await autocannon({
          url,
          method: 'POST',
          connections: CONNECTIONS,
          duration: SECONDS,
          headers,
          ...(s.fixed ? { body: s.body() } : { requests: [{ method: 'POST', setupRequest: (req: object) => ({ ...req, body: s.body() }) }] }),
        });
        const key = `${s.name}|${count}`;
        const t = tally.get(key) ?? { requests: 0, seconds: 0, errors: 0, non2xx: 0, p50: [], p99: [] };
        t.requests += r.requests.total;
        t.seconds += r.duration;
        t.errors += r.errors + r.timeouts;
        t.non2xx += r.non2xx;
        t.p50.push(r.latency.p50);
        t.p99.push(r.latency.p99);
        tally.set(key, t);
        console.log(`${s.name} · ${count} replica(s): ${(r.requests.total / r.duration).toFixed(1)} req/s, p50 ${r.latency.p50} ms`);
      }
    }
  }
  routeTo(balancers, ports);
  const loadEnd = loadavg()[0]!;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const rows = scenarios.map((s) => {
    const one = tally.get(`${s.name}|1`)!;
    const two = tally.get(`${s.name}|2`)!;
    const cell = (t: typeof one) =>
      `${(t.requests / t.seconds).toFixed(1)} req/s (p50 ${median(t.p50)} ms, p99 ${median(t.p99)} ms, errors ${t.errors + t.non2xx})`;
    return `| ${s.name} | ${cell(one)} | ${cell(two)} |`;
  });
  const section = [
    '## Replicas (issue 16)',
    '',
    `Measured by \`npm run bench -- --replicas\` (scripts/bench-replicas.ts) on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores, Node ${process.version},`,
    'a 3-node Galera cluster on the same machine (`npm run cluster:up`), two replicas of the whole system (each an `npm start`',
    'process) behind round-robin balancers in the benchmark process, autocannon in that process too. Both replicas list the',
    `nodes in the same order. ${CONNECTIONS} connections, ${ROUNDS} slices of ${SECONDS} s per column, 1 and 2 replicas alternating.`,
    `Load average ${loadStart.toFixed(1)} at the start, ${loadEnd.toFixed(1)} at the end: the machine was shared with other work,`,
    'so compare the two columns of one row, not these figures with other runs. On 2 cores a second replica cannot add',
    'throughput: it only adds processes competing for the same cores (and a request spread over both replicas crosses more',
    'processes, each with its own warm-up); what it buys is surviving the loss of one (see "Cluster (issue 16)").',
    '',
    '| operation | 1 replica | 2 replicas |',
    '| --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
  const path = new URL('../docs/benchmarks.md', import.meta.url);
  const doc = readFileSync(path, 'utf8');
  const title = '## Replicas (issue 16)';
  const start = doc.indexOf(title);
  const next = start >= 0 ? doc.indexOf('\n## ', start + title.length) : -1;
  const updated = start < 0 ? `${doc.trimEnd()}\n\n${section}` : `${doc.slice(0, start)}${section}${next >= 0 ? doc.slice(next) : ''}`;
  writeFileSync(path, updated.endsWith('\n') ? updated : `${updated}\n`);
  console.log(section);
} finally {
  await cleanup();
}
