import { loadConfig } from '../../subgraphs/shared/config.js';
import { runService } from '../../subgraphs/shared/run.js';
import { startMarketCredit } from './server.js';

// npm run start:market-credit — the example partner subgraph alone (MARKET_CREDIT_PORT, default 4020).
// It shares INTERNAL_TOKEN_SECRET (or the dev key folder) with the gateway: that is what lets it verify callers.
const port = Number(process.env.MARKET_CREDIT_PORT || 4020);
await runService('market-credit', async ({ keys, log }) => [await startMarketCredit({ keys, log, port })], loadConfig(), { needsDatabase: false });
