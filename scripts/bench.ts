import { cleanUp } from './bench/common.js';

// npm run bench [-- --edge | --compare | --cases N]: throwaway databases, every service its own process,
// numbers into docs/benchmarks.md (each mode its own section). No test asserts timings.
//   --edge (default)  the production edge on and off, side by side (issue 14) — scripts/bench/edge.ts
//   --compare         the gateway against Hive Gateway and the no-gateway floor (issue 18) — scripts/bench/compare.ts
//   --cases N         cost as data grows: N generated cases against 10k (issue 18) — scripts/bench/growth.ts
const args = process.argv.slice(2);
const casesAt = args.indexOf('--cases');
try {
  if (args.includes('--compare')) await (await import('./bench/compare.js')).compare();
  else if (casesAt >= 0) await (await import('./bench/growth.js')).growth(Number(args[casesAt + 1]));
  else await (await import('./bench/edge.js')).edge();
} finally {
  await cleanUp();
}
