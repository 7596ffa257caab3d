// First: tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) must patch mysql2 before anything loads it.
import '../../kernel/tracing.js';
import { loadConfigOrExit } from '../../kernel/config.js';
import { runService } from '../../kernel/run.js';
import { openPowersDb, startPowers } from './service.js';

// npm run start:powers — the powers subgraph as its own process (production shape).
await runService(
  'powers',
  async ({ config, keys, log }) => {
    const db = await openPowersDb(config);
    return [await startPowers({ config, db, keys, log })];
  },
  loadConfigOrExit(),
);
