// First: tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set), before anything else is loaded.
import '../kernel/tracing.js';
import { loadConfigOrExit } from '../kernel/config.js';
import { runService } from '../kernel/run.js';
import { applicationRoutes } from '../apps/index.js';
import { startGateway } from './server.js';

// npm run start:gateway — the gateway alone; subgraphs at <NAME>_URL (default localhost:<NAME>_PORT).
// The composition root: the one gateway file that knows the applications it mounts (apps/index.ts).
await runService('gateway', async ({ config, keys, log }) => [await startGateway({ config, keys, log, routes: applicationRoutes() })], loadConfigOrExit(), {
  needsDatabase: false,
});
