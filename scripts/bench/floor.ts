import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Agent, request } from 'undici';
import { loadConfig } from '../../kernel/config.js';
import { createInternalTokenCache, loadKeyMaterial, type Caller } from '../../kernel/identity.js';

// The floor of `npm run bench -- --compare`: for each canonical operation, the subgraph fetches of the
// gateway's own query plan, called directly — sequence nodes one after another, parallel nodes together,
// each fetch with the body the gateway sent (representations included, captured once). No parsing,
// validation, planning or response merging: what any gateway must at least spend waiting on subgraphs.
// POST /floor/<i>/<n> runs operation i as the next of n callers in turn (issue 28: like the program's caller, subjects
// `<subject>-<k>`, as compare.ts signs their user tokens); the answer is the last fetch's body.

export type Step = { kind: 'fetch'; service: string; body: string } | { kind: 'sequence' | 'parallel'; steps: Step[] };
export interface FloorProgram {
  name: string;
  caller: Caller;
  step: Step;
}

const config = loadConfig(process.env);
const keys = await loadKeyMaterial(config.keyDir);
const internalToken = createInternalTokenCache(keys);
const programs = JSON.parse(readFileSync(process.env.FLOOR_PROGRAMS!, 'utf8')) as FloorProgram[];
const dispatcher = new Agent({ keepAliveTimeout: 4_000, connections: null });

async function exec(step: Step, caller: Caller): Promise<string> {
  if (step.kind === 'fetch') {
    const res = await request(config.serviceUrl(step.service), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await internalToken(caller, 'floor', step.service)}` },
      body: step.body,
      dispatcher,
    });
    const text = await res.body.text();
    if (res.statusCode !== 200) throw new Error(`${step.service}: HTTP ${res.statusCode} ${text.slice(0, 200)}`);
    return text;
  }
  if (step.kind === 'sequence') {
    let last = '';
    for (const s of step.steps) last = await exec(s, caller);
    return last;
  }
  return (await Promise.all(step.steps.map((s) => exec(s, caller)))).at(-1) ?? '';
}

let next = 0;
const server = createServer((req, res) => {
  if (req.url === '/ready') return void res.end('ok');
  const m = /^\/floor\/(\d+)(?:\/(\d+))?$/.exec(req.url ?? '');
  const program = programs[Number(m?.[1] ?? -1)];
  const n = Number(m?.[2] ?? 1);
  req.resume();
  req.on('end', () => {
    if (!program) return void res.writeHead(404).end();
    const caller = n > 1 && program.caller.role !== 'PUBLIC' ? { ...program.caller, subject: `${program.caller.subject}-${next++ % n}` } : program.caller;
    exec(program.step, caller).then(
      (body) => res.writeHead(200, { 'content-type': 'application/json' }).end(body),
      (err: Error) => res.writeHead(502).end(err.message),
    );
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.FLOOR_PORT));
process.on('SIGTERM', () => {
  server.close();
  void dispatcher.close().finally(() => process.exit(0));
});
