// First: tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) must patch mysql2 before anything loads it.
import '../shared/tracing.js';
import { loadConfigOrExit } from '../shared/config.js';
import { runService } from '../shared/run.js';
import { openReviewsDb, startReviews } from './service.js';

// npm run start:reviews — the reviews subgraph alone; reaches cases and powers at CASES_URL / POWERS_URL.
await runService('reviews', async ({ config, keys, log }) => [await startReviews({ config, db: await openReviewsDb(config), keys, log })], loadConfigOrExit());
