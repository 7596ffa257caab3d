// First: tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) must patch mysql2 before anything loads it.
import '../shared/tracing.js';
import { loadConfigOrExit } from '../shared/config.js';
import { runService } from '../shared/run.js';
import { openCasesDb, startCases } from './service.js';

// npm run start:cases — the cases subgraph as its own process; reaches powers at POWERS_URL.
await runService('cases', async ({ config, keys, log }) => [await startCases({ config, db: await openCasesDb(config), keys, log })], loadConfigOrExit());
