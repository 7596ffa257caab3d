import { defineConfig } from 'vitest/config';

// npm run test:cluster: the scale-out suite (issue 16) on a 3-node Galera cluster on this machine
// (scripts/cluster.sh; started here when not running, removed afterwards if this run started it).
export default defineConfig({
  test: {
    include: ['test/cluster/**/*.test.ts'],
    globalSetup: ['test/cluster/global-setup.ts'],
    testTimeout: 600_000, // a hang guard: the failover load may run up to CLUSTER_LOAD_MAX_MS on a slow machine
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 1,
  },
});
