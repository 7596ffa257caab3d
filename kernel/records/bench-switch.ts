/**
 * Issue 25's cost measurement (`npm run bench:integrity`) compares the services with and without the verified reads
 * (powers rows against their log entries, the case log before an act). That comparison needs a way to skip them, and
 * production must never have one: the switch is a programmatic option of `startPowers` / `startCases` only (no
 * environment variable or config file reads it, and `main.ts` never passes it), and it refuses to start unless the
 * databases are the benchmark's own throwaway ones (prefix `sxbench`).
 */
export const BENCH_DB_PREFIX = 'sxbench';

/** True when reads are to be verified; throws when skipping is asked for outside a benchmark's databases. */
export function readsVerified(unverifiedForBenchmark: boolean | undefined, dbPrefix: string): boolean {
  if (!unverifiedForBenchmark) return true;
  if (!dbPrefix.startsWith(BENCH_DB_PREFIX)) {
    throw new Error(
      `未校验读取只用于性能对比，数据库前缀须以 ${BENCH_DB_PREFIX} 开头（当前：${dbPrefix}）(unverified reads are for the integrity benchmark's throwaway databases only)`,
    );
  }
  return false;
}
