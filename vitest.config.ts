import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
    // The cluster suite needs the 3-node Galera cluster: npm run test:cluster (vitest.cluster.config.ts).
    exclude: [...configDefaults.exclude, 'test/cluster/**'],
    globalSetup: ['test/helpers/global-setup.ts'],
    // Limits only turn a hang into a failure; they are not timings (issue 23). Generous: CI runs the suite beside a
    // CPU burner (npm run test:loaded) and a shared machine may be far busier; starting a system (databases,
    // migrations, demo data, services) in a beforeAll is a legitimate wait that takes minutes there.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Each file starts its own services on its own databases; two workers suit a 2-core machine.
    pool: 'forks',
    maxWorkers: 2,
  },
});
