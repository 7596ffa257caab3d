import { cpus, loadavg } from 'node:os';
import { allPass, gqlOk, notifiedBureauCase } from '../test/helpers/scenarios.js';
import { startTestSystem, type TestSystem } from '../test/helpers/system.js';
import { removeWitness } from '../kernel/records/signing.js';
import { BENCH_DB_PREFIX } from '../kernel/records/bench-switch.js';
import { median, writeSection } from './bench/common.js';

// npm run bench:integrity — issue 25's cost: decision latency and write throughput with the verified reads (powers
// rows against the powers log, the case log verified before an act, as in production) and without them, side by side
// in one run. Two whole systems run in this process on their own throwaway databases (prefix sxbench…); the
// "unverified" one is started with the benchmark-only switch (kernel/records/bench-switch.ts), which refuses any
// other databases. Rounds alternate the order of the two.
//
// Writes: BENCH_WORKERS concurrent officers filing cases through the gateway for BENCH_SECONDS (fileCase reads the
// officers' credentials from powers, verified, for R2). Decisions: BENCH_DECISIONS cases per variant and round,
// brought to the decision (filed, investigated, proposed, notified, reviewed and APPROVED), then decided one after
// another by the principal through the gateway; the time of each decideCase call is its latency.

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 4);
const DECISIONS = Number(process.env.BENCH_DECISIONS ?? 8);
const TODAY = '2026-11-20';
const BUREAU = 'midong-cgj';
// A loaded shared machine answers slowly: the gateway waits longer than its production 10 s and keeps no breaker, so
// slow answers count as slow (their latency is kept), and refusals are counted, not hidden.
process.env.SUBGRAPH_TIMEOUT_MS ??= '60000';
process.env.SUBGRAPH_BREAKER ??= 'off';
const log = (what: string) => console.error(`[bench:integrity] ${new Date().toISOString().slice(11, 19)} ${what}`);

interface Variant {
  label: string;
  sys: TestSystem;
  officer: string;
  principal: string;
  reviewer: string;
  writes: number[];
  decideMs: number[];
  /** decideCase p50 of each round. */
  decideRounds: number[];
  errors: number;
}

async function variant(label: string, unverified: boolean): Promise<Variant> {
  const sys = await startTestSystem({ today: TODAY, prefix: `${BENCH_DB_PREFIX}_int${unverified ? 'u' : 'v'}`, unverifiedReadsForBenchmark: unverified });
  return {
    label,
    sys,
    officer: await sys.token('OFFICER', BUREAU, 'officer-sun'),
    principal: await sys.token('PRINCIPAL', BUREAU, 'principal-wang'),
    reviewer: await sys.token('REVIEWER', BUREAU, 'reviewer-zhang'),
    writes: [],
    decideMs: [],
    decideRounds: [],
    errors: 0,
  };
}

const FILE = `mutation($input: FileCaseInput!) { fileCase(input: $input) { id } }`;
async function writeRound(v: Variant): Promise<number> {
  const until = performance.now() + SECONDS * 1000;
  let done = 0;
  let n = 0;
  const worker = async () => {
    while (performance.now() < until) {
      const r = await v.sys.gql(
        FILE,
        {
          input: {
            agencyId: v.sys.agencyId(BUREAU),
            caseType: 'PENALTY',
            procedure: 'GENERAL',
            powerItemCode: '650109-CF-0001',
            party: { kind: 'LEGAL_PERSON', name: `乌鲁木齐某某商贸有限公司${n++}`, uscc: '91230500MA1B3N1N2M' },
            officerIds: [v.sys.officerId('officer-sun'), v.sys.officerId('officer-abdurahman')],
            source: { kind: 'INSPECTION' },
            factsSummary: '日常巡查发现违法行为。',
          },
        },
        v.officer,
      );
      if (r.errors) {
        v.errors++;
        log(`${v.label}: fileCase refused: ${JSON.stringify(r.errors).slice(0, 300)}`);
      } else done++;
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, worker));
  return done / SECONDS;
}

/** Cases brought to the decision: notified, submitted, APPROVED by the reviewer (the countersigned conclusion logged). */
async function readyForDecision(v: Variant, n: number) {
  const ready: { id: string; proposalId: string }[] = [];
  for (let i = 0; i < n; i++) {
    const c = await notifiedBureauCase(v.sys);
    const review = (await gqlOk(
      v.sys,
      `mutation($input: SubmitForReviewInput!) { submitForReview(input: $input) { id version } }`,
      { input: { caseId: c.id, proposalId: c.proposal.id, materials: ['案卷'], handlerStatement: '真实完整', reviewerId: v.sys.officerId('reviewer-zhang') } },
      c.tok,
    )) as { id: string; version: number };
    await gqlOk(
      v.sys,
      `mutation($id: ID!, $input: ReviewOpinionInput!) { recordReviewOpinion(reviewId: $id, input: $input) { id } }`,
      { id: review.id, input: { version: review.version, findings: allPass(), conclusion: 'APPROVED', opinion: '同意' } },
      v.reviewer,
    );
    ready.push({ id: c.id, proposalId: c.proposal.id as string });
  }
  return ready;
}

async function decideRound(v: Variant, ready: { id: string; proposalId: string }[]) {
  for (const c of ready) {
    const [row] = (await v.sys.casesDb.pool.query('SELECT version FROM cases WHERE id = ?', [c.id]))[0] as { version: number }[];
    const t0 = performance.now();
    const r = await v.sys.gql(
      `mutation($input: DecideCaseInput!) { decideCase(input: $input) { state } }`,
      { input: { caseId: c.id, proposalId: c.proposalId, version: row!.version, decidedOn: TODAY, partyPresent: true } },
      v.principal,
    );
    const ms = performance.now() - t0;
    if (r.errors || (r.data as { decideCase?: { state: string } } | null)?.decideCase?.state !== 'DECIDED') {
      v.errors++;
      log(`${v.label}: decideCase refused: ${JSON.stringify(r.errors).slice(0, 300)}`);
    } else v.decideMs.push(ms);
  }
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const signed = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(1)} %`;

log('starting two systems');
const verified = await variant('verified reads (production)', false);
const unverified = await variant('unverified reads (benchmark switch)', true);
const loadStart = loadavg();
try {
  log('warm-up');
  for (const v of [verified, unverified]) {
    await writeRound(v);
    await decideRound(v, await readyForDecision(v, 1));
    v.decideMs.length = 0;
    v.errors = 0;
  }
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 === 0 ? [verified, unverified] : [unverified, verified];
    for (const v of order) {
      const ops = await writeRound(v);
      v.writes.push(ops);
      log(`round ${r + 1} ${v.label}: fileCase ${ops.toFixed(1)}/s`);
    }
    const ready = new Map<Variant, { id: string; proposalId: string }[]>();
    for (const v of order) ready.set(v, await readyForDecision(v, DECISIONS));
    for (const v of order) {
      const before = v.decideMs.length;
      await decideRound(v, ready.get(v)!);
      v.decideRounds.push(pct(v.decideMs.slice(before), 0.5));
      log(`round ${r + 1} ${v.label}: decideCase p50 ${v.decideRounds.at(-1)!.toFixed(0)} ms`);
    }
  }
  const loadEnd = loadavg();
  const row = (v: Variant) =>
    `| ${v.label} | ${median(v.writes).toFixed(1)} | ${v.writes.map((x) => x.toFixed(1)).join(', ')} | ${pct(v.decideMs, 0.5).toFixed(0)} | ${pct(v.decideMs, 0.95).toFixed(0)} | ${v.decideRounds.map((x) => x.toFixed(0)).join(', ')} | ${v.decideMs.length} | ${v.errors} |`;
  const writeCost = (median(verified.writes) / median(unverified.writes) - 1) * 100;
  const decideCost = (pct(verified.decideMs, 0.5) / pct(unverified.decideMs, 0.5) - 1) * 100;
  const lines = [
    '## Verified reads (issue 25): with and without, side by side',
    '',
    `Command: \`BENCH_SECONDS=${SECONDS} BENCH_ROUNDS=${ROUNDS} BENCH_WORKERS=${WORKERS} BENCH_DECISIONS=${DECISIONS} npm run bench:integrity\` ` +
      `(${new Date().toISOString().slice(0, 16)}Z; ${cpus().length} cores; load average ${loadStart.map((x) => x.toFixed(1)).join(' / ')} (1/5/15 min) at the start, ` +
      `${loadEnd.map((x) => x.toFixed(1)).join(' / ')} at the end — the machine was shared with other helpers' test runs).`,
    '',
    '| variant | fileCase/s (median of rounds) | rounds | decideCase p50 ms (all) | p95 ms | rounds p50 ms | decisions | refused or timed out |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    row(verified),
    row(unverified),
    '',
    `Cost of the verified reads: write throughput ${signed(writeCost)} (fileCase/s, verified vs unverified), decision latency p50 ${signed(decideCost)}.`,
    '',
    'Both systems run in one process through their own gateway on the same MariaDB, so they share the machine equally; the',
    'rounds alternate their order. "Verified" is production: powers serves a published item version, catalog rule, statutory',
    'range, agency policy or entrustment, or a credential only after checking its row against its authenticated powers log',
    'entry (subgraphs/powers/integrity/verified.ts), and cases verifies the case log (chain, MACs, checkpoint, witness) and its',
    'projection before proposing, deciding and archiving (acts/mechanics.ts verifiedEntriesOf). "Unverified" skips exactly',
    'those reads (kernel/records/bench-switch.ts: an option of startPowers/startCases only, refused unless the databases are',
    "the benchmark's own). Both still write every log entry (cases, reviews, powers) and check the reviews service's",
    'signature on the review conclusion (one Ed25519 verification): the write-side cost of the keyed logs is `npm run',
    'bench:records` (above). On a loaded shared machine compare the per-round columns; the spread between rounds can be',
    'larger than the difference. The gateway waits up to 60 s for a subgraph here (production: 10 s) and has no breaker, so',
    'a slow answer is measured as slow instead of failing; the last column counts what was refused anyway.',
  ];
  console.log(lines.join('\n'));
  writeSection('integrity', lines.join('\n'));
} finally {
  for (const v of [verified, unverified]) {
    await v.sys.stop();
    for (const name of ['powers', 'cases', 'reviews'] as const) removeWitness(v.sys.config.keyDir, v.sys.config.databaseName(name));
  }
}
