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
let paused = false;

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
  if (paused) cluster('resume', String(HUNG_NODE));
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

describe('the first database node hangs (SIGSTOP) while nodes 2 and 3 are a healthy primary', () => {
  it('requests succeed again while it is still stopped, and no acknowledged write is lost', async () => {
    const keys = await loadKeyMaterial(process.env.SANXIANG_KEY_DIR!);
    const token = await signDevUserToken(keys, {
      role: 'OFFICER',
      agencyId: demoAgencyId('midong-cgj'),
      officerId: demoOfficerId('officer-sun'),
      subject: 'officer-sun',
    });
    const officers = [demoOfficerId('officer-sun'), demoOfficerId('officer-abdurahman')];
    const codes: Record<string, number> = {};
    const samples: Record<string, string> = {}; // the first message of each code (what an unexpected one was)
    const gql = async (query: string, input: Record<string, unknown>): Promise<{ data?: { id: string; caseNumber?: string }; code?: string }> => {
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
        if (out.code) samples[out.code] ??= json.errors![0]!.message;
      } catch {
        out = { code: `HTTP_${res.status}` };
      }
      if (out.code) codes[out.code] = (codes[out.code] ?? 0) + 1;
      return out;
    };

    const t0 = performance.now();
    const ok: { start: number; end: number }[] = [];
    const filed = new Map<string, string>(); // idempotency key → acknowledged case id
    const events = { tried: new Set<string>(), acked: new Set<string>() };
    let running = true;
    let n = 0;
    const timed = async <T extends { data?: unknown }>(p: () => Promise<T>): Promise<T> => {
      const start = performance.now() - t0;
      const r = await p();
      if (r.data) ok.push({ start, end: performance.now() - t0 });
      return r;
    };
    const worker = async (w: number) => {
      while (running) {
        const key = `hung-${w}-${++n}`;
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
          const r = await timed(() => gql(FILE, input));
          if (r.data) id = r.data.id;
          else await sleep(300);
        }
        if (!id) break;
        filed.set(key, id);
        events.tried.add(id);
        const ev = await timed(() => gql(EVENT, { caseId: id, kind: 'CREDENTIAL_SHOWN', occurredOn: TODAY, officerIds: officers, location: '米东区某夜市' }));
        if (ev.data) events.acked.add(id);
      }
    };
    const load = Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
    const until = async (what: string, cond: () => boolean) => {
      const from = performance.now();
      while (!cond()) {
        if (performance.now() - from > HANG_GUARD_MS) throw new Error(`hang guard: ${what} (errors so far ${JSON.stringify(codes)})`);
        await sleep(100);
      }
    };

    try {
      await until('requests succeed before the pause', () => ok.length >= 10);
      const stoppedAt = performance.now() - t0;
      cluster('pause', String(HUNG_NODE));
      paused = true;
      await until('requests succeed while node 1 is stopped', () => ok.filter((o) => o.start > stoppedAt).length >= RESUMED_AFTER_STOP);
      const resumedBy = ok.filter((o) => o.start > stoppedAt)[0]!.end;
      expect(resumedBy - stoppedAt, `requests succeeded again ${Math.round(resumedBy - stoppedAt)} ms after the stop`).toBeLessThan(RESUME_BOUND_MS);
      cluster('resume', String(HUNG_NODE));
      paused = false;
      const sinceResume = ok.length;
      await until('requests succeed after node 1 rejoined', () => ok.length >= sinceResume + 5);
      running = false;
      await load;

      // Longest time without a successful request ending, around the pause (a figure, not asserted).
      const ends = ok.map((o) => o.end).sort((a, b) => a - b);
      let gap = 0;
      for (let i = 1; i < ends.length; i++) if (ends[i - 1]! >= stoppedAt - 5000) gap = Math.max(gap, ends[i]! - ends[i - 1]!);

      // Every acknowledged filing exactly once (by its idempotency key), every acknowledged event exactly once,
      // an event in doubt at most once.
      const [cases] = await db!.query<mysql.RowDataPacket[]>(
        `SELECT id, idempotency_key AS idem FROM \`${prefix}_cases\`.cases WHERE idempotency_key LIKE 'officer-sun:hung-%'`,
      );
      const byKey = new Map<string, string[]>();
      for (const c of cases)
        byKey.set(String(c.idem).replace(/^officer-sun:/, ''), [...(byKey.get(String(c.idem).replace(/^officer-sun:/, '')) ?? []), String(c.id)]);
      const lost = [...filed].filter(([key, id]) => !byKey.get(key)?.includes(id));
      const twice = [...byKey].filter(([, ids]) => ids.length > 1);
      const [entries] = await db!.query<mysql.RowDataPacket[]>(
        `SELECT case_id AS caseId, COUNT(*) AS n FROM \`${prefix}_cases\`.record_entries
          WHERE kind = 'EVENT' AND JSON_VALUE(payload, '$.eventKind') = 'CREDENTIAL_SHOWN' GROUP BY case_id`,
      );
      const eventCount = new Map(entries.map((e) => [String(e.caseId), Number(e.n)]));
      const eventsLost = [...events.acked].filter((id) => (eventCount.get(id) ?? 0) !== 1);
      const eventsTwice = [...events.tried].filter((id) => (eventCount.get(id) ?? 0) > 1);

      process.stdout.write(
        `hung node ${HUNG_NODE}: SIGSTOP at ${Math.round(stoppedAt)} ms; first success started after it ended at ${Math.round(resumedBy)} ms ` +
          `(${Math.round(resumedBy - stoppedAt)} ms after the stop); longest gap without a success ${Math.round(gap)} ms; ` +
          `${ok.length} successful requests, ${filed.size} filings, ${events.acked.size} events acknowledged; errors ${JSON.stringify(codes)} ${JSON.stringify(samples)}\n`,
      );
      expect(filed.size).toBeGreaterThan(0);
      expect(lost, 'acknowledged filings lost').toEqual([]);
      expect(twice, 'filings present twice').toEqual([]);
      expect(eventsLost, 'acknowledged events lost').toEqual([]);
      expect(eventsTwice, 'events present twice').toEqual([]);
      // Refusals while the node hung were clear ones, never an internal error.
      expect(codes.INTERNAL_SERVER_ERROR ?? 0, `internal errors: ${JSON.stringify(samples)}`).toBe(0);
    } finally {
      running = false;
      await load.catch(() => undefined);
    }
  });
});
