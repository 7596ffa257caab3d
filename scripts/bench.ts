// npm run bench [-- --edge | --compare [--callers N] | --cases N | --replicas]: throwaway databases, every service its own process,
// numbers into docs/benchmarks.md (each mode its own section). No test asserts timings.
//   --edge (default)  the production edge on and off, side by side (issue 14) — scripts/bench/edge.ts
//   --compare         the gateway against Hive Gateway and the no-gateway floor (issue 18) — scripts/bench/compare.ts
//                     (--callers N: authenticated operations also from N callers in turn, issue 28)
//   --cases N         cost as data grows: N generated cases against 10k (issue 18) — scripts/bench/growth.ts
//   --replicas        1 vs 2 replicas of every service on the Galera cluster (issue 16) — scripts/bench-replicas.ts
//                     (own replicas, balancers and databases on the cluster, cleaned up by itself; also `npm run bench:replicas`)
const args = process.argv.slice(2);
const casesAt = args.indexOf('--cases');
if (args.includes('--replicas')) await import('./bench-replicas.js');
else {
  const { cleanUp } = await import('./bench/common.js');
  try {
    if (args.includes('--compare')) await (await import('./bench/compare.js')).compare();
    else if (casesAt >= 0) await (await import('./bench/growth.js')).growth(Number(args[casesAt + 1]));
    else await (await import('./bench/edge.js')).edge();
  } finally {
    await cleanUp();
  }
}
export {};
