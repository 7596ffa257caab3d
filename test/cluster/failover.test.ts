import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatformStandIn } from '../../subgraphs/inspections/platform/server.js';
import { demoAgencyId, demoOfficerId } from '../../data/loader/ids.js';
import { REVIEW_POINTS } from '../../subgraphs/reviews/domain/types.js';
import { SERVICE_ORDER } from '../../kernel/config.js';
import { dropPrefixAccounts } from '../../kernel/db-accounts.js';
import { loadKeyMaterial, signDevUserToken } from '../../kernel/identity.js';
import {
  CLUSTER_NODES as NODES,
  clusterCommand as cluster,
  startBalancers,
  startSystemReplica,
  type Balancer,
  type SystemReplica,
} from '../../scripts/replicas.js';

// Scale-out proof (issue 16): two replicas of the whole system (each `npm start`: gateway + four subgraphs)
// over the 3-node Galera cluster, wired through load balancers (gateways behind one, each subgraph's two
// replicas behind another). A filing workload (records, a transition, a proposal; every second case on through
// notice, waiver, legal review, decision and publication) runs through both gateways; mid-run one database node is killed
// (kill -9), then the replica process holding the leases (kill -9). Afterwards: every acknowledged write is
// there exactly once, case numbers are gapless, the record log verifies, no checkpoint was signed twice, the
// singleton jobs moved to the surviving replica within the lease bound, and the only errors were requests in
// flight on what was killed. The figures go to docs/benchmarks.md ("Cluster (issue 16)").

const KILLED_NODE = 2; // 3308: replica B's first choice
const LEASE = { ttlMs: 3000, renewMs: 1000 };
const LOAD_MS = Number(process.env.CLUSTER_LOAD_MS || 20_000);
const LOAD_MAX_MS = Number(process.env.CLUSTER_LOAD_MAX_MS || 240_000);
const KILL_DB_AT = 0.25;
const KILL_REPLICA_AT = 0.5;
const WORKERS = 4;
/** Every DEEP_EVERY-th case goes on from its proposal to notice, waiver, legal review, decision and publication. */
const DEEP_EVERY = 2;
/** The business date of the run (pinned: acts are dated by the clock module, not the host's calendar). A Friday. */
const TODAY = '2026-11-20';
const prefix = `${process.env.SANXIANG_TEST_PREFIX}_${randomBytes(2).toString('hex')}`;
// Below Linux's ephemeral ports (32768+), where an outgoing connection may hold the port (EADDRINUSE seen once).
const base = 21000 + (randomBytes(2).readUInt16BE() % 11000);
const ports = { A: base, B: base + 100 };

const replicas: Partial<Record<'A' | 'B', SystemReplica>> = {};
let balancers: Record<string, Balancer> = {};
let platform: Awaited<ReturnType<typeof startPlatformStandIn>>;
let db: mysql.Pool;

const startReplica = async (name: 'A' | 'B', hosts: string[]) => {
  replicas[name] = await startSystemReplica({
    name,
    port: ports[name],
    hosts,
    prefix,
    balancers,
    env: {
      PLATFORM_URL: platform.url,
      INSPECTIONS_SYNC_INTERVAL_MS: '1500',
      CHECKPOINT_INTERVAL_MS: '1000',
      LEASE_TTL_MS: String(LEASE.ttlMs),
      LEASE_RENEW_MS: String(LEASE.renewMs),
      SUBGRAPH_TIMEOUT_MS: '30000',
      LOG_LEVEL: 'info',
      SANXIANG_TODAY: TODAY,
    },
  });
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function leaseHolder(dbName: string, lease: string): Promise<string | null> {
  const [rows] = await db.query<mysql.RowDataPacket[]>(
    `SELECT holder FROM \`${dbName}\`.sanxiang_leases WHERE name = ? AND expires_at > NOW(6) AND holder <> ''`,
    [lease],
  );
  return rows[0] ? String(rows[0].holder) : null;
}

beforeAll(async () => {
  platform = await startPlatformStandIn({ port: 0 });
  // One balancer per service: each subgraph's replicas (A and B) behind its own, both gateways behind one.
  balancers = await startBalancers([ports.A, ports.B]);
  // A first (it creates the databases and the demo data), then B on the same databases, other nodes first.
  await startReplica('A', NODES);
  await startReplica('B', [NODES[1]!, NODES[2]!, NODES[0]!]);
  db = mysql.createPool({ host: '127.0.0.1', port: 3307, user: 'root', connectionLimit: 4, supportBigNumbers: true, bigNumberStrings: false });
  // Reads in the checks must see every write committed anywhere in the cluster.
  db.on('connection', (c) => void c.query('SET SESSION wsrep_sync_wait = 1'));
});

afterAll(async () => {
  for (const r of Object.values(replicas)) if (r && r.child.exitCode === null) r.child.kill('SIGKILL');
  await Promise.all(Object.values(replicas).map((r) => r?.exited));
  for (const b of Object.values(balancers)) await b.close();
  await platform?.close();
  if (db) {
    for (const s of SERVICE_ORDER) await db.query(`DROP DATABASE IF EXISTS \`${prefix}_${s}\``);
    await db.end();
  }
  // The replicas' accounts (named after the prefix) and their secrets go with the databases.
  await dropPrefixAccounts(`mysql://root@${NODES.join(',')}`, { dbPrefix: prefix, keyDir: process.env.SANXIANG_KEY_DIR! });
});

const FILE = `mutation($input: FileCaseInput!) { fileCase(input: $input) { id caseNumber } }`;
const EVENT = `mutation($input: CaseEventInput!) { recordEvent(input: $input) { id } }`;
const TEXT = `mutation($input: TextRecordInput!) { recordText(input: $input) { id } }`;
const START = `mutation($input: CaseActionInput!) { startInvestigation(input: $input) { id state version } }`;
const PROPOSE = `mutation($input: ProposeDecisionInput!) { proposeDecision(input: $input) { id reviewRequired hearingRight } }`;
const SUBMIT = `mutation($input: SubmitForReviewInput!) { submitForReview(input: $input) { id version currentRound { roundNo automaticFindings { point result } } } }`;
const OPINION = `mutation($id: ID!, $input: ReviewOpinionInput!) { recordReviewOpinion(reviewId: $id, input: $input) { id status } }`;
const DECIDE = `mutation($input: DecideCaseInput!) { decideCase(input: $input) { id state } }`;
const PUBLISH = `mutation($input: PublicationActionInput!) { publishDecision(input: $input) { id status } }`;

interface Answer {
  id: string;
  caseNumber?: string;
  version?: number;
  state?: string;
  status?: string;
  reviewRequired?: boolean;
  hearingRight?: boolean;
  currentRound?: { roundNo: number; automaticFindings: { point: string; result: string }[] };
  publication?: { id: string; version: number; status: string } | null;
}

interface Outcome {
  at: number;
  op: string;
  ok: boolean;
  code?: string;
}

describe('two replicas of everything over a 3-node Galera cluster', () => {
  it('loses nothing, numbers without gaps and keeps answering when a database node and a replica die', async () => {
    const keys = await loadKeyMaterial(process.env.SANXIANG_KEY_DIR!);
    const officers = [demoOfficerId('officer-sun'), demoOfficerId('officer-abdurahman')];
    const sign = (role: 'OFFICER' | 'REVIEWER' | 'PRINCIPAL', key: string) =>
      signDevUserToken(keys, { role, agencyId: demoAgencyId('midong-cgj'), officerId: demoOfficerId(key), subject: key });
    const token = await sign('OFFICER', 'officer-sun');
    // R7: the reviewer is legal staff, not a handler of the cases; the principal decides; legal staff publish.
    const reviewerToken = await sign('REVIEWER', 'reviewer-zhang');
    const principalToken = await sign('PRINCIPAL', 'principal-wang');
    const samples: Record<string, string> = {};
    const gql = async (query: string, input: Record<string, unknown>, vars?: Record<string, unknown>, tok = token) => {
      const res = await fetch(`${balancers.gateway!.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tok}` },
        body: JSON.stringify({ query, variables: vars ?? { input } }),
      }).catch((err: Error) => ({ status: 0, text: async () => err.message }) as const);
      // A response the balancer cut mid-body (the replica answering it was killed) is in flight on what was killed.
      const text = await res.text().catch(() => null);
      if (text === null || (res.status === 502 && !text.startsWith('{'))) return { code: 'LB_502_IN_FLIGHT' };
      try {
        const json = JSON.parse(text) as {
          data?: Record<string, Answer>;
          errors?: { message: string; extensions?: { code?: string } }[];
        };
        if (json.errors?.length) {
          let code = json.errors[0]!.extensions?.code ?? 'NO_CODE';
          // The decision gate refuses when `reviews` cannot be asked (a request in flight on the killed replica).
          if (code === 'REVIEW_REQUIRED' && json.errors[0]!.message.includes('暂不可用')) code = 'REVIEW_GATE_UNAVAILABLE';
          samples[code] ??= json.errors[0]!.message;
          return { code };
        }
        return { data: Object.values(json.data!)[0]! };
      } catch {
        return { code: `HTTP_${res.status}` };
      }
    };

    const t0 = performance.now();
    const outcomes: Outcome[] = [];
    const filed = new Map<string, { id: string; caseNumber: string }>(); // idempotency key → acknowledged case
    const attemptedKeys: string[] = [];
    const acked = { events: new Set<string>(), texts: new Set<string>(), started: new Set<string>() };
    const tried = { events: new Set<string>(), texts: new Set<string>(), started: new Set<string>() };
    const proposals = new Map<string, string>(); // idempotency key → acknowledged proposal id
    const proposalKeysTried: string[] = [];
    const note = (op: string, r: { code?: string }) => outcomes.push({ at: performance.now() - t0, op, ok: !r.code, code: r.code });
    let n = 0;
    const worker = async (w: number) => {
      while (keepGoing()) {
        const seq = ++n;
        const key = `cluster-${w}-${seq}`;
        const deepCase = seq % DEEP_EVERY === 0;
        attemptedKeys.push(key);
        const input = {
          agencyId: demoAgencyId('midong-cgj'),
          caseType: 'PENALTY',
          procedure: 'GENERAL',
          powerItemCode: '650109-CF-0001',
          // The cases that go on to a decision: a person fined 12,000 yuan (SERIOUS tier, 8,000–15,000), which
          // carries a hearing right (Art. 63: ≥ 10,000 for a person), so the decision must wait for the hearing
          // window unless the party waives it. The others: a company fined 3,000 yuan.
          party: deepCase
            ? { kind: 'NATURAL_PERSON', name: `李某${seq}`, residentIdNumber: '11010519491231002X', address: '米东区某街道' }
            : {
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
        // A client retries a failed filing with the same idempotency key: in doubt, it is filed once.
        let c: { id: string; caseNumber?: string } | undefined;
        for (let attempt = 0; attempt < 6 && !c; attempt++) {
          const r = await gql(FILE, input);
          note('fileCase', r);
          if (r.data) c = r.data;
          else await sleep(300);
        }
        if (!c) continue;
        filed.set(key, { id: c.id, caseNumber: c.caseNumber! });
        tried.events.add(c.id);
        const ev = await gql(EVENT, { caseId: c.id, kind: 'CREDENTIAL_SHOWN', occurredOn: TODAY, officerIds: officers, location: '米东区某夜市' });
        note('recordEvent', ev);
        if (ev.data) acked.events.add(c.id);
        tried.texts.add(c.id);
        const tx = await gql(TEXT, {
          caseId: c.id,
          documentType: 'FILING_APPROVAL',
          stage: 'INITIATION',
          title: '立案审批表',
          content: '经初步核查符合立案条件，同意立案。',
          documentNumber: `米城管执〔2026〕C${w}-${n}`,
        });
        note('recordText', tx);
        if (tx.data) acked.texts.add(c.id);
        if (!tx.data) continue;
        // A version-checked transition: read the case (on whichever replica and node), then start the investigation.
        const read = await gql('query($id: ID!) { case(id: $id) { id version } }', {}, { id: c.id });
        note('case', read);
        if (!read.data) continue;
        tried.started.add(c.id);
        const st = await gql(START, { caseId: c.id, version: read.data.version });
        note('startInvestigation', st);
        if (st.data) acked.started.add(c.id);
        if (!st.data) continue;
        // A decision proposal (powers checks the benchmark; idempotency key): retried like a filing when in doubt.
        const pkey = `prop-${key}`;
        proposalKeysTried.push(pkey);
        let proposal: Answer | undefined;
        for (let attempt = 0; attempt < 6; attempt++) {
          const p = await gql(PROPOSE, {
            caseId: c.id,
            outcome: 'PENALTY',
            penaltyTypes: ['FINE'],
            fineAmount: deepCase ? '12000' : '3000',
            discretionTier: deepCase ? 'SERIOUS' : 'ORDINARY',
            legalBasis: [{ law: '中华人民共和国大气污染防治法', article: '第一百一十八条' }],
            reasoning: '当事人在禁止区域露天烧烤。',
            idempotencyKey: pkey,
          });
          note('proposeDecision', p);
          if (p.data) {
            proposals.set(pkey, p.data.id);
            proposal = p.data;
            break;
          }
          await sleep(300);
        }
        if (proposal && deepCase) await carryOn(w, c.id, proposal);
      }
    };

    // The rest of the way for a share of the cases: R4 rights notice bound to the proposal (its notice document
    // is recorded with it), the party's written waiver, legal review (submitted by the handler, approved by the
    // reviewer on all nine points), the principal's decision (the gate asks `reviews`), and the publication (the
    // bureau publishes by hand: legal staff). A step that fails is not repeated (events and decisions carry no
    // idempotency key): the case stops there, and the checks below allow what was tried but not acknowledged to
    // be present at most once.
    const deep = {
      notices: { tried: new Set<string>(), acked: new Set<string>() },
      waivers: { tried: new Set<string>(), acked: new Set<string>() },
      reviews: { tried: new Set<string>(), acked: new Map<string, string>() }, // case → review id
      opinions: { tried: new Set<string>(), acked: new Set<string>() }, // review ids
      decisions: { tried: new Set<string>(), acked: new Set<string>() },
      publications: { tried: new Set<string>(), acked: new Map<string, string>() }, // case → publication id
      noReviewRequired: 0,
      withoutHearingRight: 0,
    };
    const carryOn = async (w: number, caseId: string, proposal: Answer) => {
      if (!proposal.hearingRight) deep.withoutHearingRight++;
      deep.notices.tried.add(caseId);
      const notice = await gql(EVENT, {
        caseId,
        kind: 'RIGHTS_NOTIFIED',
        occurredOn: TODAY,
        rightsNotice: {
          proposalId: proposal.id,
          documentNumber: `米城管罚告〔2026〕${w}-${caseId.slice(-6)}`,
          content: '拟处罚款12000元；当事人享有陈述、申辩和要求听证的权利。',
        },
      });
      note('notify', notice);
      if (!notice.data) return;
      deep.notices.acked.add(caseId);
      // The party waives the hearing in writing: the decision need not wait for the 5-working-day window (R4).
      deep.waivers.tried.add(caseId);
      const waived = await gql(EVENT, {
        caseId,
        kind: 'HEARING_WAIVED',
        occurredOn: TODAY,
        note: '当事人书面放弃听证',
        hearingWaiver: { documentNumber: `米城管弃听〔2026〕${w}-${caseId.slice(-6)}`, content: '本人知悉享有要求听证的权利，现书面声明放弃听证。' },
      });
      note('waiveHearing', waived);
      if (!waived.data) return;
      deep.waivers.acked.add(caseId);
      if (proposal.reviewRequired) {
        deep.reviews.tried.add(caseId);
        const submitted = await gql(SUBMIT, {
          caseId,
          proposalId: proposal.id,
          materials: ['立案审批表', '行政处罚告知书', '当事人放弃听证书'],
          handlerStatement: '承办机构对送审材料的真实性、准确性、完整性负责。',
          reviewerId: demoOfficerId('reviewer-zhang'),
        });
        note('submitForReview', submitted);
        if (!submitted.data) return;
        const review = submitted.data;
        deep.reviews.acked.set(caseId, review.id);
        // All nine points (R8); where the automatic check said otherwise, the reviewer says why (a note).
        const auto = new Map(review.currentRound!.automaticFindings.map((f) => [f.point, f.result]));
        const findings = REVIEW_POINTS.map((point) => ({
          point,
          result: 'PASS',
          note: auto.get(point) === 'ISSUE' ? '经审核人员核实案卷材料，符合要求。' : null,
        }));
        deep.opinions.tried.add(review.id);
        const opinion = await gql(
          OPINION,
          {},
          { id: review.id, input: { version: review.version, findings, conclusion: 'APPROVED', opinion: '同意作出处罚决定。' } },
          reviewerToken,
        );
        note('recordReviewOpinion', opinion);
        if (!opinion.data) return;
        deep.opinions.acked.add(review.id);
      } else deep.noReviewRequired++;
      const read = await gql('query($id: ID!) { case(id: $id) { id version } }', {}, { id: caseId }, principalToken);
      note('case', read);
      if (!read.data) return;
      deep.decisions.tried.add(caseId);
      const decided = await gql(DECIDE, { caseId, proposalId: proposal.id, version: read.data.version, partyPresent: true }, undefined, principalToken);
      note('decideCase', decided);
      if (!decided.data) return;
      deep.decisions.acked.add(caseId);
      const pub = await gql('query($id: ID!) { case(id: $id) { id publication { id version status } } }', {}, { id: caseId }, reviewerToken);
      note('case', pub);
      const p = pub.data?.publication;
      if (!p || p.status !== 'PENDING') return;
      deep.publications.tried.add(caseId);
      const published = await gql(PUBLISH, { id: p.id, version: p.version }, undefined, reviewerToken);
      note('publishDecision', published);
      if (published.data) deep.publications.acked.set(caseId, p.id);
    };

    const casesDb = `${prefix}_cases`;
    const inspectionsDb = `${prefix}_inspections`;
    // Both replicas run; one holds the leases (normally A, started first).
    let holderBefore: string | null = null;
    for (let i = 0; i < 50 && !holderBefore; i++) {
      holderBefore = await leaseHolder(casesDb, 'record-checkpoints');
      if (!holderBefore) await sleep(200);
    }
    expect(holderBefore).toMatch(/^[AB]:/);

    // The checkpoint lease's holder over time (for the report): every change, with the time it was seen.
    const holderLog: string[] = [];
    let watching = true;
    const watch = (async () => {
      let last: string | null | undefined;
      while (watching) {
        const h = await leaseHolder(casesDb, 'record-checkpoints').catch(() => undefined);
        if (h !== undefined && h !== last) {
          holderLog.push(`${((performance.now() - t0) / 1000).toFixed(1)}s ${h?.slice(0, 1) ?? 'none'}`);
          last = h;
        }
        await sleep(100);
      }
    })();
    // Issue 23: the load runs LOAD_MS and, on a slow machine, on until enough cases were walked to the end for the
    // checks below to mean something; the cap only turns a system that makes no progress into a failure, not a hang.
    const enough = () => filed.size > 10 && deep.opinions.acked.size > 2 && deep.decisions.acked.size > 2 && deep.publications.acked.size > 2;
    function keepGoing(): boolean {
      const elapsed = performance.now() - t0;
      return elapsed < LOAD_MS || (elapsed < LOAD_MAX_MS && !enough());
    }
    const load = Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
    await sleep(LOAD_MS * KILL_DB_AT);
    const dbKilledAt = performance.now() - t0;
    cluster('kill', String(KILLED_NODE));
    await sleep(LOAD_MS * (KILL_REPLICA_AT - KILL_DB_AT));
    const syncRunsBefore = await countRows(inspectionsDb, 'sync_runs', 'ok = 1');
    // The replica to kill is the one holding the checkpoint lease now (the database node's death may have moved it).
    // Killing a node stalls commits until the cluster has evicted it (evs.suspect_timeout): leases may lapse then.
    let cpHolder: string | null = null;
    for (let i = 0; i < 100 && !cpHolder; i++) {
      cpHolder = await leaseHolder(casesDb, 'record-checkpoints').catch(() => null);
      if (!cpHolder) await sleep(150);
    }
    expect(cpHolder, `a replica holds the checkpoint lease when one is killed (${holderLog.join(', ')})`).toMatch(/^[AB]:/);
    const victim = cpHolder!.slice(0, 1) as 'A' | 'B';
    const survivor = victim === 'A' ? 'B' : 'A';
    const replicaKilledAt = performance.now();
    replicas[victim]!.child.kill('SIGKILL');
    // Takeover: poll the lease rows until the survivor holds both.
    const takeover: Record<string, number> = {};
    // A generous bound (issue 23): it only turns a takeover that never comes into a failure; the measured times go to benchmarks.
    while (Object.keys(takeover).length < 2 && performance.now() - replicaKilledAt < 120_000) {
      for (const [lease, dbName] of [
        ['record-checkpoints', casesDb],
        ['inspection-sync', inspectionsDb],
      ] as const) {
        if (takeover[lease] === undefined && (await leaseHolder(dbName, lease).catch(() => null))?.startsWith(`${survivor}:`)) {
          takeover[lease] = Math.round(performance.now() - replicaKilledAt);
        }
      }
      await sleep(50);
    }
    await load;
    const loadEnd = performance.now() - t0;
    watching = false;
    await watch;

    // The surviving replica signs what is left and syncs again, from the checkpoints.
    let pending = Infinity;
    for (let i = 0; i < 60 && pending > 0; i++) {
      const [[row]] = await db.query<mysql.RowDataPacket[]>(
        `SELECT (SELECT seq FROM \`${casesDb}\`.record_chain_heads WHERE chain = 'GLOBAL') - COALESCE((SELECT MAX(global_seq) FROM \`${casesDb}\`.record_checkpoints), 0) AS pending`,
      );
      pending = Number(row!.pending);
      if (pending > 0) await sleep(250);
    }
    let syncRunsAfter = syncRunsBefore;
    for (let i = 0; i < 40 && syncRunsAfter <= syncRunsBefore; i++) {
      syncRunsAfter = await countRows(inspectionsDb, 'sync_runs', 'ok = 1');
      if (syncRunsAfter <= syncRunsBefore) await sleep(250);
    }

    // --- the checks ---
    const [cases] = await db.query<mysql.RowDataPacket[]>(
      `SELECT id, state, case_number AS caseNumber, idempotency_key AS idem, number_series AS series, case_year AS year, case_seq AS seq FROM \`${casesDb}\`.cases`,
    );
    // Stored as `<caller subject>:<client's key>`.
    const byIdem = new Map(cases.map((c) => [String(c.idem).replace(/^officer-sun:/, ''), c]));
    let lost = 0;
    let mismatched = 0;
    for (const [key, ack] of filed) {
      const row = byIdem.get(key);
      if (!row || row.id !== ack.id) lost++;
      else if (row.caseNumber !== ack.caseNumber) mismatched++;
    }
    // Every filing attempted (acknowledged or given up) exists at most once (its idempotency key), and none exists
    // that was never acknowledged (a client gave up on it).
    const ours = cases.filter((c) => String(c.idem).startsWith('officer-sun:cluster-'));
    const duplicates = ours.length - new Set(ours.map((c) => String(c.idem))).size;
    const unexpected = ours.filter((c) => !filed.has(String(c.idem).replace(/^officer-sun:/, ''))).length; // filed but never acknowledged
    // Case numbers: per series and year, 1..n with nothing skipped or taken twice (demo cases included).
    const gaps: string[] = [];
    const series = new Map<string, number[]>();
    for (const c of cases) series.set(`${c.series}|${c.year}`, [...(series.get(`${c.series}|${c.year}`) ?? []), Number(c.seq)]);
    for (const [s, seqs] of series) {
      seqs.sort((a, b) => a - b);
      if (seqs.some((v, i) => v !== i + 1)) gaps.push(`${s}: ${seqs.join(',')}`);
    }
    // Records: every acknowledged event / text exactly once; one that failed in flight at most once.
    // By entry kind and, for events, documents and publication entries, which one (the notice adds an event and its
    // notice document; a publication has its entry when the decision creates it and another when it is published).
    const [entries] = await db.query<mysql.RowDataPacket[]>(
      `SELECT case_id AS caseId, kind, COALESCE(JSON_VALUE(payload, '$.eventKind'), JSON_VALUE(payload, '$.documentType'), JSON_VALUE(payload, '$.status'), '') AS which, COUNT(*) AS n
         FROM \`${casesDb}\`.record_entries WHERE kind IN ('EVENT', 'TEXT_RECORD', 'DECISION', 'PUBLICATION') GROUP BY case_id, kind, which`,
    );
    const entryCount = new Map(entries.map((e) => [`${e.caseId}|${e.kind}|${e.which}`, Number(e.n)]));
    const count = (caseId: string, kind: string, which = '') => entryCount.get(`${caseId}|${kind}|${which}`) ?? 0;
    let recordsLost = 0;
    let recordsDuplicated = 0;
    const lostWhat: string[] = [];
    const twiceWhat: string[] = [];
    const lose = (what: string) => {
      recordsLost++;
      lostWhat.push(what);
    };
    const again = (what: string) => {
      recordsDuplicated++;
      twiceWhat.push(what);
    };
    /** Acknowledged → exactly once; tried but not acknowledged (in doubt) → at most once. */
    const exactlyOnce = (what: string, triedIds: Iterable<string>, ackedIds: { has(id: string): boolean }, k: (id: string) => number) => {
      for (const id of triedIds) {
        const found = k(id);
        if (ackedIds.has(id) && found < 1) lose(`${what} ${id}`);
        if (found > 1) again(`${what} ${id} ×${found}`);
      }
    };
    exactlyOnce('event', tried.events, acked.events, (id) => count(id, 'EVENT', 'CREDENTIAL_SHOWN'));
    exactlyOnce('text', tried.texts, acked.texts, (id) => count(id, 'TEXT_RECORD', 'FILING_APPROVAL'));
    exactlyOnce('notice', deep.notices.tried, deep.notices.acked, (id) => count(id, 'EVENT', 'RIGHTS_NOTIFIED'));
    exactlyOnce('notice document', deep.notices.tried, deep.notices.acked, (id) => count(id, 'TEXT_RECORD', 'RIGHTS_NOTICE'));
    exactlyOnce('waiver', deep.waivers.tried, deep.waivers.acked, (id) => count(id, 'EVENT', 'HEARING_WAIVED'));
    exactlyOnce('decision', deep.decisions.tried, deep.decisions.acked, (id) => count(id, 'DECISION'));
    // Reviews: one review per case (its submission), one concluded round per acknowledged opinion, APPROVED.
    const [reviewRows] = await db.query<mysql.RowDataPacket[]>(
      `SELECT r.id, r.case_id AS caseId, r.status, (SELECT COUNT(*) FROM \`${prefix}_reviews\`.review_rounds o WHERE o.review_id = r.id) AS rounds,
              (SELECT COUNT(*) FROM \`${prefix}_reviews\`.review_rounds o WHERE o.review_id = r.id AND o.conclusion = 'APPROVED') AS approved
         FROM \`${prefix}_reviews\`.legal_reviews r`,
    );
    const reviewOf = new Map(reviewRows.map((r) => [String(r.caseId), r]));
    const reviewById = new Map(reviewRows.map((r) => [String(r.id), r]));
    exactlyOnce('review', deep.reviews.tried, deep.reviews.acked, (id) => Number(reviewOf.get(id)?.rounds ?? 0));
    for (const [caseId, reviewId] of deep.reviews.acked) if (reviewOf.get(caseId)?.id !== reviewId) lose(`review ${reviewId}`);
    exactlyOnce('review opinion', deep.opinions.tried, deep.opinions.acked, (id) => Number(reviewById.get(id)?.approved ?? 0));
    for (const id of deep.opinions.acked) if (reviewById.get(id)?.status !== 'APPROVED') lose(`review status ${id}`);
    // Publications: every decision has exactly one (and its record entry); the acknowledged ones are PUBLISHED.
    const [pubRows] = await db.query<mysql.RowDataPacket[]>(
      `SELECT case_id AS caseId, id, status FROM \`${casesDb}\`.publications WHERE case_id IN (SELECT id FROM \`${casesDb}\`.cases WHERE idempotency_key LIKE 'officer-sun:cluster-%')`,
    );
    const pubsOf = (caseId: string) => pubRows.filter((r) => r.caseId === caseId);
    exactlyOnce('publication', deep.decisions.tried, deep.decisions.acked, (id) => pubsOf(id).length);
    exactlyOnce('publication entry', deep.decisions.tried, deep.decisions.acked, (id) => count(id, 'PUBLICATION', 'PENDING'));
    exactlyOnce('publishing entry', deep.publications.tried, deep.publications.acked, (id) => count(id, 'PUBLICATION', 'PUBLISHED'));
    for (const [caseId, pubId] of deep.publications.acked) {
      const rows = pubsOf(caseId);
      if (rows.length !== 1 || rows[0]!.id !== pubId || rows[0]!.status !== 'PUBLISHED') lose(`published ${pubId}`);
    }
    const [propRows] = await db.query<mysql.RowDataPacket[]>(
      `SELECT id, idempotency_key AS idem FROM \`${casesDb}\`.decision_proposals WHERE idempotency_key LIKE 'officer-sun:prop-cluster-%'`,
    );
    const propByKey = new Map<string, string[]>();
    for (const r of propRows) {
      const k = String(r.idem).replace(/^officer-sun:/, '');
      propByKey.set(k, [...(propByKey.get(k) ?? []), String(r.id)]);
    }
    for (const [k, id] of proposals) if (!propByKey.get(k)?.includes(id)) lose(`proposal ${id}`);
    for (const ids of propByKey.values()) if (ids.length > 1) again(`proposal ${ids.join(',')}`);
    // A case's state is where its last acknowledged act left it (or one act further, when a later act was in doubt).
    const stateOf = new Map(cases.map((c) => [String(c.id), String(c.state)]));
    // (An APPROVED opinion leaves the case UNDER_REVIEW until the decision.)
    for (const id of acked.started) {
      const allowed = deep.decisions.acked.has(id)
        ? ['DECIDED']
        : deep.reviews.acked.has(id)
          ? ['UNDER_REVIEW']
          : deep.notices.acked.has(id)
            ? ['NOTIFIED', 'UNDER_REVIEW']
            : ['INVESTIGATING', 'NOTIFIED'];
      if (deep.decisions.tried.has(id)) allowed.push('DECIDED');
      const expected = allowed.join('/');
      if (!allowed.includes(stateOf.get(id)!)) lose(`state of ${id}: ${stateOf.get(id)} (expected ${expected})`);
    }
    const [twice] = await db.query<mysql.RowDataPacket[]>(`SELECT global_seq FROM \`${casesDb}\`.record_checkpoints GROUP BY global_seq HAVING COUNT(*) > 1`);
    const verify = verifyRecordsCli();

    const errors = outcomes.filter((o) => !o.ok);
    const byCode: Record<string, number> = {};
    for (const e of errors) byCode[e.code!] = (byCode[e.code!] ?? 0) + 1;
    const deepAcked =
      deep.notices.acked.size +
      deep.waivers.acked.size +
      deep.reviews.acked.size +
      deep.opinions.acked.size +
      deep.decisions.acked.size +
      deep.publications.acked.size;
    const ackedWrites = filed.size + acked.events.size + acked.texts.size + acked.started.size + proposals.size + deepAcked;
    const okBefore = outcomes.filter((o) => o.ok && o.at < dbKilledAt).length;
    // The longest time without a successful request (the cluster's stall while it evicts the killed node).
    const okTimes = outcomes.filter((o) => o.ok).map((o) => o.at);
    const longestGapMs = Math.round(Math.max(0, ...okTimes.slice(1).map((t, i) => t - okTimes[i]!)));
    const okAfter = outcomes.filter((o) => o.ok && o.at > replicaKilledAt - t0 + LEASE.ttlMs).length;
    const figures = {
      loadSeconds: Math.round(loadEnd / 100) / 10,
      requests: outcomes.length,
      ackedWrites,
      filings: filed.size,
      filingsGivenUp: attemptedKeys.length - filed.size,
      events: acked.events.size,
      texts: acked.texts.size,
      started: acked.started.size,
      proposals: proposals.size,
      proposalsGivenUp: proposalKeysTried.length - proposals.size,
      notices: deep.notices.acked.size,
      waivers: deep.waivers.acked.size,
      reviewsSubmitted: deep.reviews.acked.size,
      reviewOpinions: deep.opinions.acked.size,
      decisions: deep.decisions.acked.size,
      publications: deep.publications.acked.size,
      deepStepsTriedNotAcknowledged:
        deep.notices.tried.size +
        deep.waivers.tried.size +
        deep.reviews.tried.size +
        deep.opinions.tried.size +
        deep.decisions.tried.size +
        deep.publications.tried.size -
        deepAcked,
      lostWhat,
      twiceWhat,
      lost: lost + recordsLost,
      mismatched,
      duplicates: duplicates + recordsDuplicated,
      filedButNeverAcknowledged: unexpected,
      caseNumberGaps: gaps.length,
      checkpointsSignedTwice: twice.length,
      verifyRecords: verify.ok ? 'intact' : 'BROKEN',
      takeoverMs: takeover,
      syncRunsBeforeKill: syncRunsBefore,
      syncRunsAfterTakeover: syncRunsAfter,
      errors: errors.length,
      longestGapMs,
      errorsByCode: byCode,
      errorSamples: samples,
      okPerSecondBeforeKills: Math.round((okBefore / (dbKilledAt / 1000)) * 10) / 10,
      okPerSecondAfterTakeover: Math.round((okAfter / Math.max(0.1, (loadEnd - (replicaKilledAt - t0 + LEASE.ttlMs)) / 1000)) * 10) / 10,
      victim,
      holderLog,
    };
    writeFigures(figures, { dbKilledAt, replicaKilledAt: replicaKilledAt - t0 });
    console.log(JSON.stringify(figures, null, 2));

    expect(lostWhat, 'acknowledged writes missing or in the wrong state').toEqual([]);
    expect(twiceWhat, 'writes present more than once').toEqual([]);
    expect(lost, 'acknowledged writes missing').toBe(0);
    expect(mismatched, 'case number differs from the acknowledged one').toBe(0);
    expect(duplicates, 'writes present more than once').toBe(0);
    expect(unexpected, 'filings present that the client never saw acknowledged').toBe(0);
    expect(gaps, 'case numbers skipped or duplicated').toEqual([]);
    expect(twice, 'a checkpoint signed twice for the same head').toEqual([]);
    expect(verify.ok, verify.output).toBe(true);
    expect(pending, 'the surviving replica signs the rest of the log').toBe(0);
    // Taken over (by the survivor), whatever the machine's speed; the time it took is a figure for docs/benchmarks.md.
    expect(takeover['record-checkpoints'], 'checkpoint lease taken over').toEqual(expect.any(Number));
    expect(takeover['inspection-sync'], 'sync lease taken over').toEqual(expect.any(Number));
    expect(syncRunsAfter, 'the sync ran again on the surviving replica').toBeGreaterThan(syncRunsBefore);
    expect(filed.size).toBeGreaterThan(10);
    // The longer road was walked to its end on both sides of the kills, not only attempted.
    expect(deep.withoutHearingRight, 'the decided cases carry a hearing right: the waiver is what lets the decision follow').toBe(0);
    expect(deep.noReviewRequired, 'the bureau reviews every general-procedure penalty').toBe(0);
    expect(deep.opinions.acked.size, 'review opinions acknowledged').toBeGreaterThan(2);
    expect(deep.decisions.acked.size, 'decisions acknowledged').toBeGreaterThan(2);
    expect(deep.publications.acked.size, 'publications acknowledged').toBeGreaterThan(2);
    expect(okAfter, 'the system kept answering after the kills').toBeGreaterThan(0);
    // The only errors: requests in flight on what was killed, each a clear code.
    expect(Object.keys(byCode).filter((c) => !['UPSTREAM_UNAVAILABLE', 'LB_502_IN_FLIGHT', 'REVIEW_GATE_UNAVAILABLE'].includes(c))).toEqual([]);
  });
});

async function countRows(dbName: string, table: string, where = '1 = 1'): Promise<number> {
  const [[row]] = await db.query<mysql.RowDataPacket[]>(`SELECT COUNT(*) AS n FROM \`${dbName}\`.${table} WHERE ${where}`);
  return Number(row!.n);
}

/** `npm run verify-records` on the surviving nodes. */
function verifyRecordsCli(): { ok: boolean; output: string } {
  try {
    const output = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/verify-records.ts'], {
      env: { ...process.env, DB_PREFIX: prefix, DATABASE_URL: `mysql://root@${NODES.join(',')}` },
      encoding: 'utf8',
    });
    return { ok: true, output };
  } catch (err) {
    return { ok: false, output: String((err as { stdout?: string }).stdout ?? err) };
  }
}

function writeFigures(f: Record<string, unknown>, at: { dbKilledAt: number; replicaKilledAt: number }) {
  const path = new URL('../../docs/benchmarks.md', import.meta.url);
  const doc = readFileSync(path, 'utf8');
  const title = '## Cluster (issue 16)';
  const section = [
    title,
    '',
    `Written by \`npm run test:cluster\` (test/cluster/failover.test.ts) on ${new Date().toISOString().slice(0, 10)}: a 3-node Galera cluster`,
    '(`npm run cluster:up`, all on this 2-core machine, shared with other work), two replicas of the whole system (each an',
    '`npm start` process: gateway + four subgraphs) behind round-robin load balancers, ' +
      `${WORKERS} clients filing cases (each followed by an event, a text record, a read, a version-checked transition and a decision proposal;`,
    `every ${DEEP_EVERY === 2 ? 'second' : `${DEEP_EVERY}th`} case then on to the rights notice bound to the proposal (with its notice document), the party's written waiver,`,
    'legal review (submitted by the handler, approved by the reviewer on all nine points), the decision by the principal (the gate asks `reviews`)',
    `and its publication by legal staff) through the gateways for ${f.loadSeconds} s, business date pinned to ${TODAY}.`,
    `Database node 2 killed (kill -9) at ${(at.dbKilledAt / 1000).toFixed(1)} s, replica ${f.victim} (holding the leases) killed (kill -9) at ${(at.replicaKilledAt / 1000).toFixed(1)} s;`,
    `lease ${LEASE.ttlMs} ms, renewed every ${LEASE.renewMs} ms (bound: ${LEASE.ttlMs + LEASE.renewMs} ms).`,
    '',
    '| figure | value |',
    '| --- | --- |',
    `| writes acknowledged in all (filings / events / texts / version-checked transitions / proposals, + the next row) | ${f.ackedWrites} (${f.filings} / ${f.events} / ${f.texts} / ${f.started} / ${f.proposals}) |`,
    `| then: notices / waivers / reviews submitted / review opinions / decisions / publications | ${f.notices} / ${f.waivers} / ${f.reviewsSubmitted} / ${f.reviewOpinions} / ${f.decisions} / ${f.publications} |`,
    `| acknowledged writes lost (incl. a case not in the state its acts left it in) | ${f.lost} |`,
    `| writes present twice | ${f.duplicates} |`,
    `| case numbers skipped or duplicated | ${f.caseNumberGaps} |`,
    `| checkpoints signed twice for one head | ${f.checkpointsSignedTwice} |`,
    `| \`npm run verify-records\` | ${f.verifyRecords} |`,
    `| lease takeover, checkpoint signer (ms after kill -9) | ${(f.takeoverMs as Record<string, number>)['record-checkpoints'] ?? 'none'} |`,
    `| lease takeover, inspection sync (ms after kill -9) | ${(f.takeoverMs as Record<string, number>)['inspection-sync'] ?? 'none'} |`,
    `| sync runs before the kill → after takeover | ${f.syncRunsBeforeKill} → ${f.syncRunsAfterTakeover} |`,
    `| requests / errors during the run | ${f.requests} / ${f.errors} ${JSON.stringify(f.errorsByCode)} |`,
    `| filings given up after 6 tries | ${f.filingsGivenUp} |`,
    `| longest time without a successful request (ms) | ${f.longestGapMs} |`,
    `| checkpoint lease holder over time | ${(f.holderLog as string[]).join(', ')} |`,
    `| successful requests/s before the kills → after the takeover | ${f.okPerSecondBeforeKills} → ${f.okPerSecondAfterTakeover} |`,
    '',
  ].join('\n');
  const start = doc.indexOf(title);
  let next = start >= 0 ? doc.indexOf('\n## ', start + title.length) : -1;
  if (next >= 0) next += 1;
  const updated = start < 0 ? `${doc.trimEnd()}\n\n${section}` : `${doc.slice(0, start)}${section}${next >= 0 ? `\n${doc.slice(next)}` : ''}`;
  writeFileSync(path, updated.endsWith('\n') ? updated : `${updated}\n`);
}
