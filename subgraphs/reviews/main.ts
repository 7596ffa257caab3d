// First: tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) must patch mysql2 before anything loads it.
import '../../kernel/tracing.js';
import { loadConfigOrExit } from '../../kernel/config.js';
import { runService } from '../../kernel/run.js';
import { openReviewsDb, startReviews } from './service.js';

// npm run start:reviews — the reviews subgraph alone; reaches cases and powers at CASES_URL / POWERS_URL.
await runService('reviews', async ({ config, keys, log }) => [await startReviews({ config, db: await openReviewsDb(config), keys, log })], loadConfigOrExit());
