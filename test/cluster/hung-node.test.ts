import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAgencyId, demoOfficerId } from '../../data/loader/ids.js';
import { SERVICE_ORDER } from '../../kernel/config.js';
import { dropPrefixAccounts } from '../../kernel/db-accounts.js';
import { loadKeyMaterial, signDevUserToken } from '../../kernel/identity.js';
import { startPlatformStandIn } from '../../subgraphs/inspections/platform/server.js';
import {
  CLUSTER_NODES as NODES,
  clusterCommand as cluster,
  clusterIsUp,
  startBalancers,
  startSystemReplica,
  type Balancer,
  type SystemReplica,
} from '../../scripts/replicas.js';

// Issue 27, point 2 on the cluster: the FIRST node of DATABASE_URL hangs (SIGSTOP: it keeps its TCP connections
// and accepts new ones from the backlog, and answers nothing) while nodes 2 and 3 stay a healthy primary. Two
// replicas of the whole system list the nodes in the same order (what made one hung node a full outage). While the
// node is still stopped, requests must succeed again (the probe marks it down and cuts the pooled connections on it;
// new connections go to nodes 2 and 3); after SIGCONT it rejoins; every acknowledged write is there exactly once.
// The bound is generous and below the 30 s timeouts (statements, subgraph calls) that would free the requests anyway:
// recovery must come from finding the node down (the probe), not from waiting those out. With main's kernel/db.ts
// before this change (no probe, no statement timeout) the first success came 42.7 s after the stop; with it, ~5 s.

const HUNG_NODE = 1;
const TODAY = '2026-11-20';
const WORKERS = 3;
/** Successful requests that started after the SIGSTOP, needed before the node is resumed. */
const RESUMED_AFTER_STOP = 10;
const HANG_GUARD_MS = 180_000;
/** How long quorum stays lost (at least). */
const QUORUM_LOST_MS = 12_000;
const RESUME_BOUND_MS = Number(process.env.CLUSTER_HUNG_RESUME_MS || 25_000);
const prefix = `${process.env.SANXIANG_TEST_PREFIX}_hn${randomBytes(2).toString('hex')}`;
// Below Linux's ephemeral ports (32768+), where an outgoing connection may hold the port (EADDRINUSE seen once).
const base = 21000 + (randomBytes(2).readUInt16BE() % 11000);
const ports = { A: base, B: base + 100 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const replicas: SystemReplica[] = [];
let balancers: Record<string, Balancer> = {};
let platform: Awaited<ReturnType<typeof startPlatformStandIn>> | undefined;
let db: mysql.Pool | undefined;
/** Nodes SIGSTOPped by a scenario (resumed by afterAll if it failed midway), and node 3 isolated. */
const paused = new Set<number>();
let isolated = false;

beforeAll(async () => {
  // Three synced nodes first: another file of the suite (failover) kills node 2 and leaves it to the global teardown;
  // with node 2 dead, stopping node 1 would leave one node without quorum, a different scenario.
  if (!clusterIsUp()) cluster('up');
  platform = await startPlatformStandIn({ port: 0 });
  balancers = await startBalancers([ports.A, ports.B]);
  for (const name of ['A', 'B'] as const) {
    replicas.push(
      await startSystemReplica({
        name,
        port: ports[name],
        hosts: NODES, // the same order in both: node 1 first
        prefix,
        balancers,
        env: { PLATFORM_URL: platform.url, SUBGRAPH_TIMEOUT_MS: '30000', LOG_LEVEL: 'warn', SANXIANG_TODAY: TODAY },
      }),
    );
  }
  // The checks read through node 2 (node 1 will hang), seeing every write committed anywhere.
  db = mysql.createPool({ host: '127.0.0.1', port: 3308, user: 'root', connectionLimit: 2, supportBigNumbers: true, bigNumberStrings: false });
  db.on('connection', (c) => void c.query('SET SESSION wsrep_sync_wait = 1'));
});

afterAll(async () => {
  if (paused.size) cluster('resume', ...[...paused].map(String));
  if (isolated) await setIsolated(3309, false).catch(() => undefined);
  for (const r of replicas) if (r.child.exitCode === null) r.child.kill('SIGKILL');
  await Promise.all(replicas.map((r) => r.exited));
  for (const b of Object.values(balancers)) await b.close();
  await platform?.close();
  if (db) {
    for (const s of SERVICE_ORDER) await db.query(`DROP DATABASE IF EXISTS \`${prefix}_${s}\``);
    await db.end();
  }
  await dropPrefixAccounts(`mysql://root@${NODES.join(',')}`, { dbPrefix: prefix, keyDir: process.env.SANXIANG_KEY_DIR! });
});

const FILE = `mutation($input: FileCaseInput!) { fileCase(input: $input) { id caseNumber } }`;
const EVENT = `mutation($input: CaseEventInput!) { recordEvent(input: $input) { id } }`;

interface Load {
  t0: number;
  /** Error codes seen and the first message of each (what an unexpected one was). */
  codes: Record<string, number>;
  samples: Record<string, string>;
  ok: { start: number; end: number }[];
  failed: { start: number; end: number; code: string }[];
  filed: Map<string, string>;
  events: { tried: Set<string>; acked: Set<string> };
  now(): number;
  until(what: string, cond: () => boolean): Promise<void>;
  stop(): Promise<void>;
}

/**
 * WORKERS clients through the gateways' balancer, each filing a case (retried with its idempotency key until
 * acknowledged, as a client in doubt does) and then recording one event on it, until stopped.
 */
async function startLoad(tag: string): Promise<Load> {
  const keys = await loadKeyMaterial(process.env.SANXIANG_KEY_DIR!);
  const token = await signDevUserToken(keys, {
    role: 'OFFICER',
    agencyId: demoAgencyId('midong-cgj'),
    officerId: demoOfficerId('officer-sun'),
    subject: 'officer-sun',
  });
  const officers = [demoOfficerId('officer-sun'), demoOfficerId('officer-abdurahman')];
  const t0 = performance.now();
  const now = () => performance.now() - t0;
  const load: Load = {
    t0,
    codes: {},
    samples: {},
    ok: [],
    failed: [],
    filed: new Map(),
    events: { tried: new Set(), acked: new Set() },
    now,
    async until(what, cond) {
      const from = performance.now();
      while (!cond()) {
        if (performance.now() - from > HANG_GUARD_MS) throw new Error(`hang guard: ${what} (errors so far ${JSON.stringify(load.codes)})`);
        await sleep(100);
      }
    },
    stop: async () => undefined,
  };
  const gql = async (query: string, input: Record<string, unknown>): Promise<{ data?: { id: string; caseNumber?: string }; code?: string }> => {
    const start = now();
    const res = await fetch(`${balancers.gateway!.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables: { input } }),
      signal: AbortSignal.timeout(60_000),
    }).catch((err: Error) => ({ status: 0, text: async () => err.message }) as const);
    const text = await res.text().catch(() => null);
    let out: { data?: { id: string; caseNumber?: string }; code?: string };
    try {
      const json = JSON.parse(text ?? '') as { data?: Record<string, { id: string }>; errors?: { message: string; extensions?: { code?: string } }[] };
      out = json.errors?.length ? { code: json.errors[0]!.extensions?.code ?? 'NO_CODE' } : { data: Object.values(json.data!)[0]! };
      if (out.code) load.samples[out.code] ??= json.errors![0]!.message;
    } catch {
      out = { code: `HTTP_${res.status}` };
    }
    if (out.code) {
      load.codes[out.code] = (load.codes[out.code] ?? 0) + 1;
      load.failed.push({ start, end: now(), code: out.code });
    } else load.ok.push({ start, end: now() });
    return out;
  };
  let running = true;
  let n = 0;
  const worker = async (w: number) => {
    while (running) {
      const key = `${tag}-${w}-${++n}`;
      const input = {
        agencyId: demoAgencyId('midong-cgj'),
        caseType: 'PENALTY',
        procedure: 'GENERAL',
        powerItemCode: '650109-CF-0001',
        party: {
          kind: 'LEGAL_PERSON',
          name: `乌鲁木齐某某餐饮有限公司${n}`,
          uscc: '91230500MA1B3N1N2M',
          legalRepresentative: '张某',
          address: '米东区某路1号',
        },
        officerIds: officers,
        source: { kind: 'INSPECTION', reference: null },
        factsSummary: '执法人员巡查发现当事人在禁止区域内露天烧烤食品。',
        idempotencyKey: key,
      };
      // In doubt, a client retries with the same idempotency key until the filing is acknowledged.
      let id: string | undefined;
      while (!id && running) {
        const r = await gql(FILE, input);
        if (r.data) id = r.data.id;
        else await sleep(300);
      }
      if (!id) break;
      load.filed.set(key, id);
      load.events.tried.add(id);
      const ev = await gql(EVENT, { caseId: id, kind: 'CREDENTIAL_SHOWN', occurredOn: TODAY, officerIds: officers, location: '米东区某夜市' });
      if (ev.data) load.events.acked.add(id);
      else await sleep(300);
    }
  };
  const all = Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
  load.stop = async () => {
    running = false;
    await all.catch(() => undefined);
  };
  return load;
}

/** The replicas' own log lines about internal errors (what an INTERNAL_SERVER_ERROR was, for the failure message). */
const internalLogLines = () =>
  replicas
    .flatMap((r) => r.out.join('').split('\n'))
    .filter((l) => l.includes('internal error'))
    .slice(0, 3)
    .map((l) => l.slice(0, 1500));

/**
 * Every acknowledged filing exactly once (by its idempotency key), every acknowledged event exactly once, an event
 * in doubt at most once, and no case without the record entry its filing wrote in the same transaction.
 */
async function checkWrites(tag: string, load: Load) {
  const [cases] = await db!.query<mysql.RowDataPacket[]>(
    `SELECT id, idempotency_key AS idem FROM \`${prefix}_cases\`.cases WHERE idempotency_key LIKE 'officer-sun:${tag}-%'`,
  );
  const byKey = new Map<string, string[]>();
  for (const c of cases) {
    const key = String(c.idem).replace(/^officer-sun:/, '');
    byKey.set(key, [...(byKey.get(key) ?? []), String(c.id)]);
  }
  const [entries] = await db!.query<mysql.RowDataPacket[]>(
    `SELECT case_id AS caseId, COUNT(*) AS n FROM \`${prefix}_cases\`.record_entries
      WHERE kind = 'EVENT' AND JSON_VALUE(payload, '$.eventKind') = 'CREDENTIAL_SHOWN' GROUP BY case_id`,
  );
  const eventCount = new Map(entries.map((e) => [String(e.caseId), Number(e.n)]));
  const [halfWritten] = await db!.query<mysql.RowDataPacket[]>(
    `SELECT c.id FROM \`${prefix}_cases\`.cases c
      WHERE c.idempotency_key LIKE 'officer-sun:${tag}-%'
        AND NOT EXISTS (SELECT 1 FROM \`${prefix}_cases\`.record_entries r WHERE r.case_id = c.id AND r.kind = 'TRANSITION')`,
  );
  expect(load.filed.size).toBeGreaterThan(0);
  expect(
    [...load.filed].filter(([key, id]) => !byKey.get(key)?.includes(id)),
    'acknowledged filings lost',
  ).toEqual([]);
  expect(
    [...byKey].filter(([, ids]) => ids.length > 1),
    'filings present twice',
  ).toEqual([]);
  expect(
    [...load.events.acked].filter((id) => (eventCount.get(id) ?? 0) !== 1),
    'acknowledged events lost',
  ).toEqual([]);
  expect(
    [...load.events.tried].filter((id) => (eventCount.get(id) ?? 0) > 1),
    'events present twice',
  ).toEqual([]);
  expect(
    halfWritten.map((r) => String(r.id)),
    'cases without their filing entry (half-written)',
  ).toEqual([]);
}

/** wsrep_cluster_status of a node, asked over a connection of its own (null: no answer). */
async function clusterStatus(port: number): Promise<string | null> {
  const c = await mysql.createConnection({ host: '127.0.0.1', port, user: 'root', connectTimeout: 2000 }).catch(() => null);
  if (!c) return null;
  try {
    const [rows] = await c.query<mysql.RowDataPacket[]>({ sql: "SHOW GLOBAL STATUS LIKE 'wsrep_cluster_status'", timeout: 2000 });
    return String(rows[0]?.Value ?? '');
  } catch {
    return null;
  } finally {
    c.destroy();
  }
}

async function setIsolated(port: number, on: boolean) {
  const c = await mysql.createConnection({ host: '127.0.0.1', port, user: 'root', connectTimeout: 5000 });
  try {
    await c.query(`SET GLOBAL wsrep_provider_options = 'gmcast.isolate=${on ? 1 : 0}'`);
  } finally {
    c.destroy();
  }
}

describe('database node faults: a hung first node, an isolated (non-Primary) node, quorum lost and regained', () => {
  it('the first node hangs (SIGSTOP): requests succeed again while it is still stopped, and no acknowledged write is lost', async () => {
    const load = await startLoad('hung');
    try {
      await load.until('requests succeed before the pause', () => load.ok.length >= 10);
      const stoppedAt = load.now();
      cluster('pause', String(HUNG_NODE));
      paused.add(HUNG_NODE);
      await load.until('requests succeed while node 1 is stopped', () => load.ok.filter((o) => o.start > stoppedAt).length >= RESUMED_AFTER_STOP);
      const resumedBy = load.ok.filter((o) => o.start > stoppedAt)[0]!.end;
      expect(resumedBy - stoppedAt, `requests succeeded again ${Math.round(resumedBy - stoppedAt)} ms after the stop`).toBeLessThan(RESUME_BOUND_MS);
      cluster('resume', String(HUNG_NODE));
      paused.delete(HUNG_NODE);
      const sinceResume = load.ok.length;
      await load.until('requests succeed after node 1 rejoined', () => load.ok.length >= sinceResume + 5);
      await load.stop();

      // Longest time without a successful request ending, around the pause (a figure, not asserted).
      const ends = load.ok.map((o) => o.end).sort((a, b) => a - b);
      let gap = 0;
      for (let i = 1; i < ends.length; i++) if (ends[i - 1]! >= stoppedAt - 5000) gap = Math.max(gap, ends[i]! - ends[i - 1]!);
      process.stdout.write(
        `hung node ${HUNG_NODE}: SIGSTOP at ${Math.round(stoppedAt)} ms; first success started after it ended at ${Math.round(resumedBy)} ms ` +
          `(${Math.round(resumedBy - stoppedAt)} ms after the stop); longest gap without a success ${Math.round(gap)} ms; ` +
          `${load.ok.length} successful requests, ${load.filed.size} filings, ${load.events.acked.size} events acknowledged; ` +
          `errors ${JSON.stringify(load.codes)} ${JSON.stringify(load.samples)}\n`,
      );
      await checkWrites('hung', load);
      // Refusals while the node hung were clear ones, never an internal error.
      expect(load.codes.INTERNAL_SERVER_ERROR ?? 0, `internal errors: ${JSON.stringify(load.samples)} ${internalLogLines().join('\n')}`).toBe(0);
    } finally {
      await load.stop();
    }
  });

  // Quorum lost: nodes 2 and 3 hang (SIGSTOP), node 1 alone is 1 of 3 and turns non-Primary (galera-4 here: ~4 s, then
  // 1047 to every query; gmcast.isolate of two nodes works as well). Every refusal is UPSTREAM_UNAVAILABLE, no
  // request that started after node 1 lost the primary component succeeds before quorum returns, nothing is
  // half-written, and once nodes 2 and 3 resume (quorum regained, Primary re-formed by itself) requests succeed.
  it('quorum lost: clear refusals (UPSTREAM_UNAVAILABLE, never internal), nothing half-written, service resumes with quorum', async () => {
    const load = await startLoad('quorum');
    try {
      await load.until('requests succeed before quorum is lost', () => load.ok.length >= 5);
      for (const n of [2, 3]) {
        cluster('pause', String(n));
        paused.add(n);
      }
      await waitFor('node 1 is non-Primary', async () => (await clusterStatus(3307)) === 'non-Primary');
      const lostAt = load.now();
      // Long enough for refusals of every kind to reach clients: fast 1047s from node 1, and connections tried on the
      // hung nodes 2 and 3 (connect timeout 5 s, the pools' acquire timeout 10 s).
      await load.until('refusals while quorum is lost', () => load.now() - lostAt >= QUORUM_LOST_MS && load.failed.filter((f) => f.start > lostAt).length >= 3);
      const regainedAt = load.now();
      // Woken together (one by one, node 2 could not form a primary component with non-Primary node 1 in 60 s).
      cluster('resume', '2', '3');
      paused.clear();
      const sinceQuorum = load.ok.length;
      await load.until('requests succeed after quorum returned', () => load.ok.length >= sinceQuorum + 5);
      await load.stop();

      const inWindow = load.failed.filter((f) => f.start > lostAt && f.end < regainedAt);
      const okInWindow = load.ok.filter((o) => o.start > lostAt && o.end < regainedAt);
      process.stdout.write(
        `quorum lost at ${Math.round(lostAt)} ms for ${Math.round(regainedAt - lostAt)} ms: ${inWindow.length} refusals in the window ` +
          `${JSON.stringify(countBy(inWindow.map((f) => f.code)))}; errors in all ${JSON.stringify(load.codes)} ${JSON.stringify(load.samples)}\n`,
      );
      expect(okInWindow, 'nothing succeeds without a primary component').toEqual([]);
      expect(inWindow.length).toBeGreaterThan(0);
      expect(
        inWindow.filter((f) => f.code !== 'UPSTREAM_UNAVAILABLE'),
        `refusals without quorum are UPSTREAM_UNAVAILABLE: ${JSON.stringify(load.samples)} ${internalLogLines().join('\n')}`,
      ).toEqual([]);
      expect(load.codes.INTERNAL_SERVER_ERROR ?? 0, `internal errors: ${JSON.stringify(load.samples)} ${internalLogLines().join('\n')}`).toBe(0);
      await checkWrites('quorum', load);
    } finally {
      await load.stop();
    }
  });
  // Issue 27, non-Primary for real (after the quorum loss: on this cluster, a partition healed after node 3 had been
  // isolated and rejoined once did not re-form the primary component within a minute, while the other order did): `gmcast.isolate=1` cuts node 3 off the group (galera-4 here: it turns non-Primary
  // within seconds and answers 1047 to queries; nodes 1 and 2 stay a Primary component of 2). The probe finds
  // wsrep_ready=OFF / non-Primary, marks it down and cuts the pooled connections on it.
  it('an isolated node (non-Primary): requests keep succeeding through the other two, never an internal error', async () => {
    const load = await startLoad('iso');
    try {
      await load.until('requests succeed before the isolation', () => load.ok.length >= 5);
      await setIsolated(3309, true);
      isolated = true;
      await waitFor('node 3 is non-Primary', async () => (await clusterStatus(3309)) === 'non-Primary');
      const isolatedAt = load.now();
      expect(await clusterStatus(3307), 'nodes 1 and 2 stay a primary component').toBe('Primary');
      await load.until('requests succeed while node 3 is isolated', () => load.ok.filter((o) => o.start > isolatedAt).length >= RESUMED_AFTER_STOP);
      await setIsolated(3309, false);
      isolated = false;
      await waitFor('node 3 is Primary again', async () => (await clusterStatus(3309)) === 'Primary');
      cluster('resume', '3'); // (no signal to undo: waits until node 3 is Synced)
      const sinceRejoin = load.ok.length;
      await load.until('requests succeed after node 3 rejoined', () => load.ok.length >= sinceRejoin + 5);
      await load.stop();
      process.stdout.write(
        `isolated node 3: non-Primary at ${Math.round(isolatedAt)} ms; ${load.ok.filter((o) => o.start > isolatedAt).length} successful requests after; ` +
          `errors ${JSON.stringify(load.codes)} ${JSON.stringify(load.samples)}\n`,
      );
      await checkWrites('iso', load);
      expect(load.codes.INTERNAL_SERVER_ERROR ?? 0, `internal errors: ${JSON.stringify(load.samples)} ${internalLogLines().join('\n')}`).toBe(0);
    } finally {
      if (isolated) await setIsolated(3309, false).catch(() => undefined);
      isolated = false;
      await load.stop();
    }
  });
});

const countBy = (xs: string[]) => xs.reduce<Record<string, number>>((m, x) => ({ ...m, [x]: (m[x] ?? 0) + 1 }), {});

async function waitFor(what: string, cond: () => Promise<boolean>) {
  const from = performance.now();
  while (!(await cond())) {
    if (performance.now() - from > HANG_GUARD_MS) throw new Error(`hang guard: ${what}`);
    await sleep(250);
  }
}
