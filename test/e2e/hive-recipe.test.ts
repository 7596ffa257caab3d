import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from '../helpers/system.js';

// The Hive Gateway recipe of `npm run bench -- --compare` (scripts/bench/hive-gateway.ts), run as the bench runs it
// (its own process) over the test system's subgraphs. Issue 28: its in-flight de-duplication keyed fetches by URL and
// body only, so concurrent callers with different rights shared one subgraph call — an anonymous request received a
// supervisor's cases. Callers of different roles and agencies, interleaved, must each get exactly their own answer.

const TODAY = '2026-11-20';
const QUERY = `{ cases(first: 10) { totalCount edges { node { caseNumber agency { name } } } } }`;
let sys: TestSystem;
let hive: ChildProcess | undefined;
let hiveUrl: string;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

/** What a caller may compare: the data and the error codes (messages carry no request-specific text, but codes are the contract). */
async function answer(url: string, token: string | undefined) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: QUERY }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
  return JSON.stringify({ data: body.data ?? null, codes: (body.errors ?? []).map((e) => e.extensions?.code ?? null) });
}

beforeAll(async () => {
  sys = await startTestSystem({ today: TODAY });
  const officer = await sys.token('OFFICER', 'midong-cgj', 'officer-sun');
  // Two cases of the bureau: its officer and the supervisor see them, the squad's officer and the public do not.
  for (let i = 0; i < 2; i++) {
    const filed = await sys.gql(
      `mutation($input: FileCaseInput!) { fileCase(input: $input) { id } }`,
      {
        input: {
          agencyId: sys.agencyId('midong-cgj'),
          caseType: 'PENALTY',
          procedure: 'GENERAL',
          powerItemCode: '650109-CF-0001',
          party: { kind: 'LEGAL_PERSON', name: `乌鲁木齐某某商贸有限公司${i}`, uscc: '91230500MA1B3N1N2M' },
          officerIds: [sys.officerId('officer-sun'), sys.officerId('officer-abdurahman')],
          source: { kind: 'INSPECTION' },
          factsSummary: '日常巡查发现违法行为。',
          filedOn: TODAY,
        },
      },
      officer,
    );
    expect(filed.errors).toBeUndefined();
  }
  const port = await freePort();
  hiveUrl = `http://127.0.0.1:${port}/graphql`;
  hive = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/hive-gateway.ts'], {
    env: {
      ...process.env,
      DB_PREFIX: sys.prefix,
      HIVE_PORT: String(port),
      POWERS_URL: sys.powers.url,
      CASES_URL: sys.cases.url,
      REVIEWS_URL: sys.reviews.url,
      INSPECTIONS_URL: sys.inspections.url,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // Hang guard only: Hive Gateway is up when /readiness answers.
  for (let i = 0; ; i++) {
    if (hive.exitCode !== null) throw new Error(`hive-gateway.ts exited ${hive.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/readiness`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (i > 600) throw new Error('Hive Gateway did not become ready');
    await new Promise((r) => setTimeout(r, 200));
  }
}, 300_000);
afterAll(async () => {
  if (hive && hive.exitCode === null) {
    const exited = new Promise((r) => hive!.once('exit', r));
    hive.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  }
  await sys?.stop();
});

describe('the Hive Gateway recipe of the comparison', () => {
  it('never gives one caller another caller’s answer: public, supervisor and officers of two agencies, interleaved', async () => {
    const callers: Record<string, string | undefined> = {
      anonymous: undefined,
      supervisor: await sys.token('SUPERVISOR', null, 'supervisor-ma'),
      bureauOfficer: await sys.token('OFFICER', 'midong-cgj', 'officer-sun'),
      squadOfficer: await sys.token('OFFICER', 'midong-zhzfdd', 'squad-he'),
    };
    // Each caller's own answer, asked alone, through the project's gateway and through Hive: the same, and different
    // from one another (else the check below could not see a leak).
    const own: Record<string, string> = {};
    for (const [who, token] of Object.entries(callers)) {
      own[who] = await answer(sys.gateway.url, token);
      expect(await answer(hiveUrl, token), who).toBe(own[who]);
    }
    expect(JSON.parse(own.supervisor!).data.cases.totalCount).toBe(2);
    expect(JSON.parse(own.bureauOfficer!).data.cases.totalCount).toBe(2);
    expect(JSON.parse(own.squadOfficer!).data.cases.totalCount).toBe(0);
    expect(JSON.parse(own.anonymous!).codes.length).toBeGreaterThan(0);
    expect(new Set(Object.values(own)).size).toBe(3); // the supervisor and the bureau's officer see the same two cases

    // Many identical queries in flight at once from all four: what the old recipe merged across callers.
    const names = Object.keys(callers);
    const wrong: string[] = [];
    for (let round = 0; round < 5; round++) {
      await Promise.all(
        Array.from({ length: 40 }, async (_, i) => {
          const who = names[i % names.length]!;
          const got = await answer(hiveUrl, callers[who]);
          if (got !== own[who]) wrong.push(`${who} got ${got.slice(0, 120)}`);
        }),
      );
    }
    expect(wrong).toEqual([]);
  });
});
