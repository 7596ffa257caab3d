import { loadavg } from 'node:os';
import { monotonicFactory } from 'ulid';
import { eq, inArray, sql } from 'drizzle-orm';
import { canonicalJson, entryHash, GENESIS } from '../../kernel/records/chain.js';
import { createCheckpoint, serviceMacKeyRing, verifyRecords } from '../../subgraphs/cases/records/log.js';
import { caseChain, GLOBAL_CHAIN } from '../../kernel/records/log.js';
import { entryMac, headMac } from '../../kernel/records/keys.js';
import { clockFromEnv } from '../../kernel/clock.js';
import { cases, chainHeads, parties, recordEntries } from '../../subgraphs/cases/db/schema.js';
import type { CasesDb } from '../../subgraphs/cases/repo.js';
import { openCasesDb, startCases } from '../../subgraphs/cases/service.js';
import { addCalendarDays as addDays } from '../../subgraphs/cases/domain/rules.js';
import { exAnteDocuments, officers } from '../../subgraphs/powers/db/schema.js';
import { openPowersDb } from '../../subgraphs/powers/service.js';
import { loadKeyMaterial, signInternalToken, type Caller, type KeyMaterial } from '../../kernel/identity.js';
import { createLogger } from '../../kernel/logger.js';
import { encodeCursor } from '../../kernel/pagination.js';
import { removeWitness } from '../../kernel/records/signing.js';
import { withServerConnection } from '../../kernel/db.js';
import { LEASE_TABLE } from '../../kernel/lease.js';
import { SUPERVISION_MODELS } from '../../subgraphs/cases/supervision/clues/registry.js';
import { base as localUrl, config, gql, machine, median, phase, run, startService, today, writeSection } from './common.js';

// npm run bench -- --cases N (issue 18): cost as data grows. The demo data, then generated cases added by bulk
// multi-row INSERTs (parties, cases, a hash-chained record log that `npm run verify-records` accepts, chain
// heads) with skewed distributions across agencies and power items, states, case types, procedures, party
// kinds and filing dates. Generated rows are marked: created_by `bench-generator`, facts summary 【基准测试生成数据】.
// At 10 000 cases and at N the hot reads are timed (serially, on the cases subgraph in this process) and
// every SELECT they issue is EXPLAINed.

const BATCH = 1_000;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 30);
/** The problem models (issue 30) are heavier reads over the period: fewer samples each. */
const MODEL_SAMPLES = Number(process.env.BENCH_MODEL_SAMPLES ?? 10);
const MARK = '【基准测试生成数据】';

/** Deterministic pseudo-random numbers (mulberry32): the same data for the same N on every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function weighted<T>(r: () => number, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((a, [, w]) => a + w, 0);
  let x = r() * total;
  for (const [v, w] of items) if ((x -= w) < 0) return v;
  return items.at(-1)![0];
}

const STATES = [
  ['FILED', 6],
  ['INVESTIGATING', 10],
  ['NOTIFIED', 4],
  ['HEARING', 1],
  ['UNDER_REVIEW', 3],
  ['DECIDED', 4],
  ['SERVED', 5],
  ['EXECUTED', 9],
  ['CLOSED', 22],
  ['ARCHIVED', 36],
] as const;
const DECIDED = new Set(['DECIDED', 'SERVED', 'EXECUTED', 'CLOSED', 'ARCHIVED']);
const SOURCES = [
  ['INSPECTION', 45],
  ['COMPLAINT', 30],
  ['RANDOM_INSPECTION', 12],
  ['REFERRAL', 10],
  ['OTHER', 3],
] as const;
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';

/** Adds cases until the database holds `target` generated ones. */
async function generate(db: CasesDb, target: number, state: { made: number; globalSeq: number; globalHash: string }, items: Item[], officerIds: string[]) {
  const started = performance.now();
  const r = rng(18 + state.made);
  const newUlid = monotonicFactory();
  const ring = serviceMacKeyRing();
  const ringKey = ring.keys.get(ring.activeId)!;
  // Filing dates over the two years up to the business date; newer years hold more cases.
  const span = 730;
  // Zipf over the power items (the first few carry most cases), so agencies differ in size as they do.
  const itemWeights = items.map((it, i) => [it, 1 / (i + 1)] as const);
  while (state.made < target) {
    const n = Math.min(BATCH, target - state.made);
    const partyRows: (typeof parties.$inferInsert)[] = [];
    const caseRows: (typeof cases.$inferInsert)[] = [];
    const entryRows: (typeof recordEntries.$inferInsert)[] = [];
    const headRows: (typeof chainHeads.$inferInsert)[] = [];
    for (let k = 0; k < n; k++) {
      const i = state.made + k;
      const item = weighted(r, itemWeights);
      const st = weighted(r, STATES);
      const daysAgo = Math.floor(span * Math.sqrt(r())); // skewed towards recent filings
      const filedOn = addDays(today, -daysAgo);
      const filedAt = new Date(`${filedOn}T02:00:00.000Z`);
      const id = newUlid(filedAt.getTime());
      const legal = r() < 0.7;
      const partyId = newUlid(filedAt.getTime());
      const uscc = legal ? `91650109MA${String(i % 100_000_000).padStart(8, '0')}` : null;
      partyRows.push({
        id: partyId,
        kind: legal ? 'LEGAL_PERSON' : 'NATURAL_PERSON',
        name: legal ? `乌鲁木齐${SURNAMES[i % SURNAMES.length]}氏商贸有限公司${i}` : `${SURNAMES[i % SURNAMES.length]}某${i}`,
        uscc,
        createdAt: filedAt,
      });
      const decided = DECIDED.has(st);
      const decidedOn = decided ? addDays(filedOn, Math.min(daysAgo, 10 + Math.floor(r() * 70))) : null;
      const closedOn = st === 'CLOSED' || st === 'ARCHIVED' ? addDays(decidedOn!, Math.min(daysAgo, 30)) : null;
      const simple = r() < 0.25;
      const seq = i + 1;
      caseRows.push({
        id,
        agencyId: item.agencyId,
        caseNumber: `生成〔${filedOn.slice(0, 4)}〕${seq}号`,
        numberSeries: `bench:${item.agencyId}`,
        caseYear: Number(filedOn.slice(0, 4)),
        caseSeq: seq,
        caseType: 'PENALTY',
        procedure: simple ? 'SIMPLE' : 'GENERAL',
        powerItemCode: item.code,
        powerItemVersionId: item.id,
        powerItemVersionNo: item.versionNo,
        enforcementArea: item.area,
        partyId,
        partyUscc: uscc,
        handlingOfficerIds: [officerIds[i % officerIds.length]!, officerIds[(i + 1) % officerIds.length]!],
        source: { kind: weighted(r, SOURCES), reference: null } as never,
        factsSummary: `${MARK}第 ${seq} 件：日常巡查发现违法行为。`,
        state: st,
        filedOn,
        decisionDueOn: addDays(filedOn, 90),
        decisionDueConfirmed: true,
        decidedOn,
        servedOn: decided && st !== 'DECIDED' ? addDays(decidedOn!, 2) : null,
        serviceDueOn: decided ? addDays(decidedOn!, 7) : null,
        closedOn,
        archivedOn: st === 'ARCHIVED' ? closedOn : null,
        partyPresentAtDecision: decided ? simple : null,
        createdBy: 'bench-generator',
        createdAt: filedAt,
        updatedAt: filedAt,
      });
      // The record log, consistent with the row it accompanies (the verifier replays it against the case row,
      // issue 12): the filing, 0–2 text records, the decision for decided cases, the transition to the row's state.
      let caseHash = GENESIS;
      const payloads: [kind: string, stage: string, payload: unknown][] = [['TRANSITION', 'INITIATION', { to: 'FILED', note: MARK }]];
      for (let t = Math.floor(r() * 3); t > 0; t--) payloads.push(['TEXT_RECORD', 'INVESTIGATION', { text: `${MARK}现场检查笔录 ${payloads.length + 1}` }]);
      if (decided) payloads.push(['DECISION', 'DECISION', { proposalId: null, decidedOn, partyPresent: simple }]);
      if (st !== 'FILED') payloads.push(['TRANSITION', decided ? 'DECISION' : 'INVESTIGATION', { to: st, note: MARK }]);
      const entries = payloads.length;
      for (let e = 1; e <= entries; e++) {
        const [kind, stage, payload] = payloads[e - 1]!;
        const recordedAt = new Date(filedAt.getTime() + e * 60_000);
        const row = {
          id: newUlid(recordedAt.getTime()),
          caseId: id,
          caseSeq: e,
          globalSeq: ++state.globalSeq,
          kind,
          stage,
          payload: canonicalJson(payload),
          actor: officerIds[i % officerIds.length]!,
          recordedAt,
          prevCaseHash: caseHash,
          prevGlobalHash: state.globalHash,
          hash: '',
          macKeyId: ring.activeId,
          mac: '',
        };
        row.hash = entryHash({ ...row, recordedAt: recordedAt.toISOString() });
        // Keyed like the service's own appends (issue 12): entries without the writer's MAC never verify.
        row.mac = entryMac(ringKey, ring.activeId, row.hash);
        caseHash = state.globalHash = row.hash;
        entryRows.push(row);
      }
      const chain = caseChain(id);
      headRows.push({ chain, seq: entries, hash: caseHash, macKeyId: ring.activeId, mac: headMac(ringKey, ring.activeId, chain, entries, caseHash) });
    }
    await db.orm.transaction(async (tx) => {
      await tx.insert(parties).values(partyRows);
      await tx.insert(cases).values(caseRows);
      for (let j = 0; j < entryRows.length; j += BATCH) await tx.insert(recordEntries).values(entryRows.slice(j, j + BATCH));
      await tx.insert(chainHeads).values(headRows);
      await tx
        .update(chainHeads)
        .set({
          seq: state.globalSeq,
          hash: state.globalHash,
          macKeyId: ring.activeId,
          mac: headMac(ringKey, ring.activeId, GLOBAL_CHAIN, state.globalSeq, state.globalHash),
        })
        .where(eq(chainHeads.chain, GLOBAL_CHAIN));
    });
    state.made += n;
    if (state.made % 20_000 === 0) phase(`  ${state.made} cases`);
  }
  return { ms: performance.now() - started };
}

/**
 * Bulk loading (issue 28): the secondary indexes of `tables` are dropped while `load` runs and rebuilt after it in
 * one ALTER per table. Inserting into fifteen secondary indexes row by row is what made 200 000 cases take 8 minutes
 * (random B-tree inserts once the indexes outgrow the 128 MiB buffer pool); rebuilding sorts each index once.
 * The rebuilt indexes are the migration's own, read back from information_schema (names, columns, order, prefixes,
 * uniqueness), so the reads measured afterwards use exactly the production indexes.
 */
async function withoutSecondaryIndexes<T>(dbName: string, tables: string[], load: () => Promise<T>, definitionsFrom = dbName): Promise<T> {
  // DDL with the administrative connection (the service's account may not ALTER).
  const ddl = (sql: string) => withServerConnection(config.databaseUrl, (c) => c.query(`USE \`${dbName}\``).then(() => c.query(sql)));
  const indexesOf = (schema: string) =>
    ddl(
      `SELECT table_name AS t, index_name AS i, non_unique AS nu, seq_in_index AS s, column_name AS c, sub_part AS p, collation AS o
         FROM information_schema.statistics WHERE table_schema = '${schema}' AND index_name <> 'PRIMARY' AND table_name IN (${tables.map((t) => `'${t}'`).join(', ')})
        ORDER BY table_name, index_name, seq_in_index`,
    ) as unknown as Promise<[{ t: string; i: string }[]]>;
  // A resumed load (BENCH_RESUME) finds them dropped already: the definitions come from the 10 000-case database.
  const present = new Set((await indexesOf(dbName))[0].map((r) => `${r.t}.${r.i}`));
  const [rows] = (await indexesOf(definitionsFrom)) as unknown as [
    { t: string; i: string; nu: number | string; s: number; c: string; p: number | null; o: string | null }[],
  ];
  const byTable = new Map<string, Map<string, { unique: boolean; cols: string[] }>>();
  for (const r of rows) {
    const t = byTable.get(r.t) ?? new Map<string, { unique: boolean; cols: string[] }>();
    byTable.set(r.t, t);
    const ix = t.get(r.i) ?? { unique: Number(r.nu) === 0, cols: [] };
    t.set(r.i, ix);
    ix.cols.push(`\`${r.c}\`${r.p ? `(${r.p})` : ''}${r.o === 'D' ? ' DESC' : ''}`);
  }
  for (const [t, ixs] of byTable) {
    const drop = [...ixs.keys()].filter((i) => present.has(`${t}.${i}`));
    if (drop.length) await ddl(`ALTER TABLE \`${t}\` ${drop.map((i) => `DROP INDEX \`${i}\``).join(', ')}`);
  }
  try {
    return await load();
  } finally {
    for (const [t, ixs] of byTable) {
      const started = performance.now();
      await ddl(`ALTER TABLE \`${t}\` ${[...ixs].map(([i, ix]) => `ADD ${ix.unique ? 'UNIQUE ' : ''}INDEX \`${i}\` (${ix.cols.join(', ')})`).join(', ')}`);
      phase(`  ${t}: ${ixs.size} secondary indexes rebuilt in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  }
}

interface Item {
  id: string;
  code: string;
  versionNo: number;
  agencyId: string;
  area: string;
}

export async function growth(n: number) {
  if (!Number.isInteger(n) || n < 10_000) throw new Error('--cases N: N must be a whole number of at least 10000');
  // Rebuilding the indexes of a million-row table is one statement that may rightly take minutes (issue 28).
  process.env.DB_QUERY_TIMEOUT_MS ??= '1800000';
  // BENCH_RESUME=1 with BENCH_PREFIX=<the interrupted run's prefix>: go on from the cases already generated (the
  // interrupted run's databases and accounts are still there) instead of seeding anew.
  const resume = process.env.BENCH_RESUME === '1';
  phase(resume ? 'resuming: the demo data is there' : 'seeding the demo data');
  if (!resume) await run('scripts/seed.ts', ['--reset']);
  const powersDb = await openPowersDb(config);
  const items: Item[] = (
    await powersDb.orm
      .select()
      .from(exAnteDocuments)
      .where(sql`${exAnteDocuments.kind} = 'POWER_ITEM' AND ${exAnteDocuments.status} = 'PUBLISHED'`)
  ).map((d) => ({ id: d.id, code: d.code, versionNo: d.versionNo, agencyId: d.agencyId, area: d.enforcementArea ?? '米东区' }));
  const officerIds = (await powersDb.orm.select({ id: officers.id }).from(officers)).map((o) => o.id);
  await powersDb.close();

  // The R19 join model (issue 30) asks `inspections` for the period's problem results: the real subgraph, on the demo data.
  await startService('inspections', 'subgraphs/inspections/main.ts', `${localUrl(config.servicePort('inspections'))}/ready`);
  const loadBefore = loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ');

  // Two cases databases side by side, 10 000 and N generated cases (plus the demo's), each behind its own cases
  // subgraph in this process: the reads are timed on both in turn, so load from elsewhere falls on both alike.
  const keys = await loadKeyMaterial(config.keyDir);
  const results: { size: number; genMs: number; ops: OpResult[] }[] = [];
  let verified = '';
  const sides: { size: number; db: CasesDb; url: string; close: () => Promise<void> }[] = [];
  for (const [suffix, size] of [
    ['', 10_000],
    ['_big', n],
  ] as const) {
    const cfg = suffix ? { ...config, databaseName: (name: Parameters<typeof config.databaseName>[0]) => `${config.databaseName(name)}${suffix}` } : config;
    const db = await openCasesDb(cfg);
    const [head] = await db.orm
      .select()
      .from(chainHeads)
      .where(inArray(chainHeads.chain, [GLOBAL_CHAIN]));
    const [[made]] = (await db.pool.query("SELECT COUNT(*) AS n FROM cases WHERE created_by = 'bench-generator'")) as unknown as [[{ n: number }]];
    const state = { made: Number(made.n), globalSeq: Number(head?.seq ?? 0), globalHash: head?.hash ?? GENESIS };
    if (!head) await db.orm.insert(chainHeads).values({ chain: GLOBAL_CHAIN, seq: 0, hash: GENESIS });
    phase(`generating ${size} cases`);
    const { ms } =
      state.made >= size
        ? { ms: 0 } // resumed with every case already generated
        : await withoutSecondaryIndexes(
            cfg.databaseName('cases'),
            ['cases', 'parties', 'record_entries'],
            () => generate(db, size, state, items, officerIds),
            config.databaseName('cases'),
          );
    await db.pool.query('ANALYZE TABLE cases, parties, record_entries');
    if (!suffix) {
      // The generated record log is a valid one: the whole-log check `npm run verify-records` runs accepts it.
      // Signed like the service's checkpoint signer would within a second (the verifier wants a current checkpoint and witness).
      await createCheckpoint(db.orm, { keyDir: config.keyDir, dbName: cfg.databaseName('cases'), clock: clockFromEnv() });
      const v = await verifyRecords(db.orm, { keyDir: config.keyDir, dbName: cfg.databaseName('cases') });
      if (!v.ok) throw new Error(`the generated record log does not verify: ${JSON.stringify(v).slice(0, 500)}`);
      verified = `The generated record log verifies: ${v.entriesChecked} entries checked whole (the check of \`npm run verify-records\`) at ${size} cases.`;
    }
    if (suffix) {
      // The bulk-loaded log has no checkpoint: the service's signer would read and re-verify every entry since the last
      // one in one go (3 million at 1 000 000 cases: out of memory, and minutes of CPU beside the timed reads). A real
      // log is signed each second as it grows; here the lease is held by the benchmark so the signer stays idle.
      await withServerConnection(config.databaseUrl, (c) =>
        c.query(
          `INSERT INTO \`${cfg.databaseName('cases')}\`.${LEASE_TABLE} (name, holder, token, acquired_at, renewed_at, expires_at)
           VALUES ('record-checkpoints', 'bench-growth', 1, NOW(6), NOW(6), NOW(6) + INTERVAL 1 DAY)
           ON DUPLICATE KEY UPDATE holder = 'bench-growth', expires_at = NOW(6) + INTERVAL 1 DAY`,
        ),
      );
    }
    const service = await startCases({
      config: cfg,
      db,
      keys,
      log: createLogger('bench', 'warn'),
      port: 0,
      powersUrl: () => 'http://127.0.0.1:9/graphql',
      inspectionsUrl: () => `${localUrl(config.servicePort('inspections'))}/graphql`,
    });
    sides.push({ size, db, url: service.url, close: () => service.close() });
    results.push({ size, genMs: ms, ops: [] });
  }
  phase('measuring both, in turn');
  const loadMeasuring = loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ');
  const measured = await measureOps(sides, keys);
  const loadAfter = loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ');
  results[0]!.ops = measured.ops[0]!;
  results[1]!.ops = measured.ops[1]!;
  const explains = measured.explains;
  const [[pool]] = (await sides[0]!.db.pool.query('SELECT @@innodb_buffer_pool_size / 1048576 AS mib')) as unknown as [[{ mib: unknown }]];
  const bufferPoolMiB = Number(pool.mib).toFixed(0);
  for (const side of sides) await side.close();
  removeWitness(config.keyDir, `${config.databaseName('cases')}_big`);

  const [base, big] = results as [(typeof results)[0], (typeof results)[0]];
  const rows = base.ops.map((op, i) => {
    const b = big.ops[i]!;
    const ratio = b.p50 / op.p50;
    const statements = op.statements === b.statements ? `${op.statements}` : `${op.statements} → ${b.statements} (grows)`;
    return `| ${op.name} | ${op.p50.toFixed(1)} / ${op.p95.toFixed(1)} | ${b.p50.toFixed(1)} / ${b.p95.toFixed(1)} | ${ratio.toFixed(2)} — ${ratio <= 2 ? 'pass' : 'short'} | ${statements} |`;
  });
  const stats95 = big.ops.find((o) => o.name.startsWith('statistics'))!.p95;
  const report = [
    '## Cost as data grows (issue 18)',
    '',
    `Measured by \`npm run bench -- --cases ${n}\` (scripts/bench/growth.ts) on ${new Date().toISOString().slice(0, 10)}: ${machine()}; MariaDB 10.11 on the same`,
    `machine, shared with other work (load average 1 / 5 / 15 min: ${loadBefore} before generating, ${loadMeasuring} when the timing began, ${loadAfter} at its end),`,
    'so compare the two columns, not runs.',
    `The demo data, then generated cases added by multi-row INSERTs of ${BATCH} (parties, cases, a valid hash-chained record log of 1–4 entries`,
    'per case, chain heads), marked `bench-generator` / 【基准测试生成数据】: power items (and so agencies) Zipf-distributed, states weighted',
    'towards closed and archived, 70 % legal persons, filing dates over two years skewed to recent ones, a quarter simple procedure.',
    verified,
    `Generating took ${(base.genMs / 1000).toFixed(1)} s for the first ${base.size} and ${(big.genMs / 1000).toFixed(1)} s for the next ${big.size - base.size}.`,
    `Two cases databases side by side (the demo's cases plus 10 000 generated, and ${big.size} generated), each behind its own cases subgraph in`,
    `the bench process; each read sent ${SAMPLES} times to each (each problem model ${MODEL_SAMPLES} times), in turn, with an internal token after a warm-up; p50 / p95 ms. MariaDB's buffer pool: ${bufferPoolMiB} MiB (the default).`,
    'The problem models (issue 30, docs/supervision-models.md) run one at a time as `supervisionFindings` over the year to the business date, all',
    "agencies; the SQL statements column counts the cases database's statements of one request at each size (the R19 join's call to",
    '`inspections` is one request besides, on the demo inspections). The generated cases carry no decision proposals, publications, relief',
    'or seizures, so the models over those tables scan the period’s cases and find their joins empty; the timings are of the statements',
    'over 10 000 and 200 000 cases, not of many findings.',
    '',
    `| read (supervisor) | ${base.size} cases p50 / p95 | ${big.size} cases p50 / p95 | p50 ratio (target ≤ 2) | SQL statements |`,
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `Statistics p95 at ${big.size} cases: ${stats95.toFixed(0)} ms — ${stats95 < 500 ? 'pass' : 'short'} (issue 17 target < 500 ms).`,
    '',
    `### EXPLAIN of every SELECT those reads issue (at ${big.size} cases)`,
    '',
    ...explains,
  ].join('\n');
  writeSection('growth', report);
  console.log(report);
}

interface OpResult {
  name: string;
  p50: number;
  p95: number;
  statements: number;
}

async function measureOps(sides: { db: CasesDb; url: string }[], keys: KeyMaterial): Promise<{ ops: OpResult[][]; explains: string[] }> {
  const supervisor: Caller = { subject: 'bench-supervisor', role: 'SUPERVISOR', agencyId: null, officerId: null };
  const token = () => signInternalToken(keys, supervisor, 'bench', 'cases');
  const list = `query($first: Int!, $after: String) { cases(first: $first, after: $after) { edges { cursor node { id caseNumber state filedOn party { name } } } pageInfo { hasNextPage endCursor } } }`;
  const opsOf = async (db: CasesDb) => {
    // Page 1 000 with 5 a page (the cursor 4 995 rows deep), so the same page exists at 10 000 cases.
    const [[deep]] = (await db.pool.query('SELECT id FROM cases ORDER BY id DESC LIMIT 1 OFFSET 4994')) as unknown as [[{ id: string }]];
    const [[withLog]] = (await db.pool.query(
      "SELECT case_id AS id FROM record_entries WHERE case_seq = 4 AND payload LIKE '%基准测试生成数据%' ORDER BY global_seq DESC LIMIT 1",
    )) as unknown as [[{ id: string }]];
    const ops: { name: string; query: string; variables: Record<string, unknown>; samples?: number }[] = [
      { name: 'case list, first page (20)', query: list, variables: { first: 20 } as Record<string, unknown> },
      { name: 'case list, page 1 000 of 5 via the cursor', query: list, variables: { first: 5, after: encodeCursor([deep.id]) } },
      {
        name: 'a case with its record log (4 entries)',
        query: `query($id: ID!) { case(id: $id) { caseNumber state records { kind stage hash recordedAt } } }`,
        variables: { id: withLog.id },
      },
      ...SUPERVISION_MODELS.map((m) => ({
        name: `problem model ${m.code}`,
        query: `query($i: SupervisionRunInput!) { supervisionFindings(input: $i) { model { code } subject hits base caseIds } }`,
        variables: { i: { from: `${today.slice(0, 4)}-01-01`, to: today, models: [m.code] } } as Record<string, unknown>,
        samples: MODEL_SAMPLES,
      })),
      {
        name: 'statistics (the year, all agencies: cases indicators)',
        query: `query($filter: StatisticsFilter!) { statistics(filter: $filter) { key cases { byState { total cells { key count } } byOutcome { total } fines { count amount } reviewCoverage { rate } caseDuration { count average max } beyond90Days { rate } serviceTimeliness { rate } recordCompleteness { rate } } } }`,
        variables: { filter: { from: `${today.slice(0, 4)}-01-01`, to: today } },
      },
    ];
    return ops;
  };
  const perSide = await Promise.all(sides.map((side) => opsOf(side.db)));
  const results: OpResult[][] = sides.map(() => []);
  const explains: string[] = [];
  for (let o = 0; o < perSide[0]!.length; o++) {
    const send = async (k: number) => gql(sides[k]!.url, perSide[k]![o]!.query, perSide[k]![o]!.variables, await token());
    const counted: { sql: string; params: unknown[] }[][] = [];
    for (let k = 0; k < sides.length; k++) {
      for (let i = 0; i < 3; i++) await send(k);
      sides[k]!.db.stats.capture = [];
      await send(k);
      counted.push(sides[k]!.db.stats.capture!);
      sides[k]!.db.stats.capture = undefined;
    }
    const times: number[][] = sides.map(() => []);
    for (let i = 0; i < (perSide[0]![o]!.samples ?? SAMPLES); i++) {
      for (let k = 0; k < sides.length; k++) {
        const t = performance.now();
        await send(k);
        times[k]!.push(performance.now() - t);
      }
    }
    for (let k = 0; k < sides.length; k++) {
      const ts = times[k]!.sort((a, b) => a - b);
      results[k]!.push({
        name: perSide[k]![o]!.name,
        p50: median(ts),
        p95: ts[Math.min(ts.length - 1, Math.floor(0.95 * ts.length))]!,
        statements: counted[k]!.length,
      });
    }
    const statements = counted.at(-1)!;
    const db = sides.at(-1)!.db;
    explains.push(`**${perSide[0]![o]!.name}** (${statements.length} statement${statements.length === 1 ? '' : 's'})`, '');
    for (const st of statements) {
      if (!/^\s*select/i.test(st.sql)) continue;
      const [plan] = (await db.pool.query(`EXPLAIN ${st.sql}`, st.params)) as unknown as [Record<string, unknown>[]];
      // The column list says nothing about the plan: shown as `…`.
      const text = st.sql
        .replace(/^select\s+(`[^`]+`(,\s*)?)+\s+from/i, 'select … from')
        .replace(/\s+/g, ' ')
        .trim();
      explains.push('```sql', text, '```', '');
      explains.push('| table | type | key | rows | Extra |', '| --- | --- | --- | --- | --- |');
      for (const p of plan) explains.push(`| ${p.table} | ${p.type} | ${p.key ?? ''} | ${p.rows} | ${String(p.Extra ?? '')} |`);
      explains.push('');
    }
  }
  return { ops: results, explains };
}
