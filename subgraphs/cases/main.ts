// First: tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) must patch mysql2 before anything loads it.
import '../../kernel/tracing.js';
import { loadConfigOrExit } from '../../kernel/config.js';
import { runService } from '../../kernel/run.js';
import { openCasesDb, startCases } from './service.js';

// npm run start:cases — the cases subgraph as its own process; reaches powers at POWERS_URL.
await runService('cases', async ({ config, keys, log }) => [await startCases({ config, db: await openCasesDb(config), keys, log })], loadConfigOrExit());
