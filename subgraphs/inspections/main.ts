// First: tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) must patch mysql2 before anything loads it.
import '../../kernel/tracing.js';
import { loadConfigOrExit } from '../../kernel/config.js';
import { runService } from '../../kernel/run.js';
import { openInspectionsDb, platformUrlFromEnv, startInspections, syncIntervalFromEnv } from './service.js';

// npm run start:inspections — the inspections subgraph as its own process; reads the platform at PLATFORM_URL
// and the agency/officer directory from powers at POWERS_URL.
await runService(
  'inspections',
  async ({ config, keys, log }) => {
    const platformUrl = platformUrlFromEnv();
    if (!platformUrl) throw new Error('请设置 PLATFORM_URL（随机抽查平台地址，如 http://127.0.0.1:4010）');
    const db = await openInspectionsDb(config);
    return [await startInspections({ config, db, keys, log, platformUrl: () => platformUrl, syncIntervalMs: syncIntervalFromEnv() })];
  },
  loadConfigOrExit(),
);
