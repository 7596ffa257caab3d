import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// `tsx scripts/bench/profile-summary.ts <dir> [top]` (issue 28): the CPU profiles scripts/bench/hot.ts wrote, each
// process cut to each load phase: busy CPU per request, self time by function and by package/file.

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}
const dir = process.argv[2]!;
const top = Number(process.argv[3] ?? 25);
const { phases, procs } = JSON.parse(readFileSync(join(dir, 'phases.json'), 'utf8')) as {
  phases: { name: string; from: number; to: number; requests: number; load: string }[];
  procs: { name: string; pid: number }[];
};
const where = (url: string) => {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  if (!url) return '(native)';
  if (url.startsWith('node:')) return url;
  return url.replace(/^file:\/\/\/work\/wt\/[^/]+\//, '');
};
for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile') && f.split('.')[4] === '0')) {
  const pid = Number(file.split('.')[3]);
  const name = procs.find((p) => p.pid === pid)?.name;
  if (!name) continue;
  const prof = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile;
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  let t = prof.startTime;
  const times = prof.samples.map((_, i) => (t += prof.timeDeltas[i]!));
  for (const ph of phases) {
    const self = new Map<string, number>();
    const pkg = new Map<string, number>();
    let busy = 0;
    for (let i = 0; i < prof.samples.length; i++) {
      if (times[i]! < ph.from || times[i]! > ph.to) continue;
      const dt = (prof.timeDeltas[i + 1] ?? 0) / 1000;
      const n = byId.get(prof.samples[i]!)!;
      const f = n.callFrame;
      if (f.functionName === '(idle)') continue;
      if (f.functionName !== '(program)') busy += dt;
      const key = `${f.functionName || '(anonymous)'} ${where(f.url)}:${f.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + dt);
      pkg.set(where(f.url), (pkg.get(where(f.url)) ?? 0) + dt);
    }
    if (busy < 50) continue;
    const pct = (x: number) => `${((100 * x) / busy).toFixed(1)} %`;
    console.log(
      `\n## ${name} — ${ph.name}: busy ${busy.toFixed(0)} ms over ${ph.requests} requests = ${(busy / ph.requests).toFixed(2)} ms/request (load ${ph.load})`,
    );
    console.log(
      'by package/file: ' +
        [...pkg]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 14)
          .map(([k, v]) => `${k} ${pct(v)}`)
          .join(', '),
    );
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(v).padStart(7)}  ${k}`);
  }
}
