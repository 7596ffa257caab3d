import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PUBLIC_CALLER, signDevUserToken, signInternalToken, type Caller } from '../../kernel/identity.js';
import { base, children, cleanUp, demoTokens, fileCases, measure, phase, PORT, run, startService, startSubgraphs } from './common.js';
import { callerOf, canonicalScenarios, capturePrograms } from './compare.js';

// Profiling harness (issue 28): `tsx scripts/bench/hot.ts <profile dir> [seconds]`. Starts the subgraphs and the
// gateway with --cpu-prof, then loads, one after another, (1) the powers fetch of the public 20-item power list
// straight to powers, (2) the cases fetch of the supervisor's case list straight to cases from 64 callers, (3) the
// case list and (4) statistics through the gateway from 64 callers. Phase times go to <dir>/phases.json so
// scripts/bench/profile-summary.ts can cut each process's profile to one phase (load on the machine does not change
// what a request spends its CPU on, only how long it waits for it).

const dir = process.argv[2] ?? join(tmpdir(), 'sx-hot');
const seconds = Number(process.argv[3] ?? 20);
const N = 64;

try {
  const tokens = await demoTokens();
  const [powerList, , caseListOp, statisticsOp] = canonicalScenarios(tokens);
  const scenarios = [powerList!, caseListOp!, statisticsOp!];
  const usersOf = (token: string) => {
    const c = callerOf(token);
    return Promise.all(
      Array.from({ length: N }, (_, k) =>
        signDevUserToken(tokens.keys, { role: c.role, agencyId: c.agencyId, officerId: c.officerId, subject: `${c.subject}-${k}` }),
      ),
    );
  };
  phase('seeding');
  await run('scripts/seed.ts', ['--reset']);
  const prof = ['--cpu-prof', `--cpu-prof-dir=${dir}`];
  const EDGE: Record<string, string> = { RATE_LIMIT_ANONYMOUS: '100000000', RATE_LIMIT_USER: '100000000', PUBLIC_CACHE_TTL_S: '0' };
  const stack = await startSubgraphs('', PORT, EDGE, prof);
  await startService('gateway', 'gateway/main.ts', `${base(PORT)}/ready`, { ...EDGE, PORT: String(PORT) }, prof);
  const gateway = `${base(PORT)}/graphql`;
  await fileCases(gateway, tokens.officer, 200);
  const programs = await capturePrograms(scenarios, callerOf, stack.url);
  const powersFetch = programs[0]!.step;
  const caseList = programs[1]!.step;
  if (powersFetch.kind !== 'fetch' || caseList.kind !== 'sequence' || caseList.steps[0]!.kind !== 'fetch') throw new Error('unexpected plans');
  const casesFetch = caseList.steps[0]!;
  const phases: { name: string; from: number; to: number; requests: number; load: string }[] = [];
  // Monotonic microseconds, the clock V8's profiles use (CLOCK_MONOTONIC, shared by every process of the machine).
  const us = () => Number(process.hrtime.bigint() / 1000n);
  const timed = async (name: string, url: string, body: unknown, bearer: string | string[]) => {
    await measure(url, body, bearer, 2); // warm
    const from = us();
    const l0 = loadavg()[0]!.toFixed(1);
    const r = await measure(url, body, bearer, seconds);
    phases.push({ name, from, to: us(), requests: r.requests, load: `${l0}–${loadavg()[0]!.toFixed(1)}` });
    phase(`${name}: ${(r.requests / r.seconds).toFixed(0)} req/s, p50 ${r.p50} ms, errors ${r.errors} (load ${phases.at(-1)!.load})`);
  };
  const supervisor = callerOf(tokens.supervisor);
  const internal = (c: Caller, aud: string) => signInternalToken(tokens.keys, c, 'hot', aud);
  await timed('powers fetch (20 items, public)', stack.url('powers'), JSON.parse(powersFetch.body), await internal(PUBLIC_CALLER, 'powers'));
  const casesTokens = await Promise.all(Array.from({ length: N }, (_, k) => internal({ ...supervisor, subject: `${supervisor.subject}-${k}` }, 'cases')));
  await timed('cases fetch (case list, 64 callers)', stack.url('cases'), JSON.parse(casesFetch.body), casesTokens);
  const [, list, stats] = scenarios;
  await timed('gateway case list (64 callers)', gateway, { query: list!.query }, await usersOf(list!.token!));
  await timed('gateway statistics (64 callers)', gateway, { query: stats!.query, variables: stats!.variables }, await usersOf(stats!.token!));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'phases.json'), JSON.stringify({ phases, procs: children.map((c) => ({ name: c.name, pid: c.proc.pid })) }, null, 1));
} finally {
  await cleanUp();
  await new Promise((r) => setTimeout(r, 2000));
}
