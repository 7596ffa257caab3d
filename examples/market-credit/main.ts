import '../../kernel/tracing.js';
import { loadConfigOrExit } from '../../kernel/config.js';
import { runService } from '../../kernel/run.js';
import { startMarketCredit } from './server.js';

// npm run start:market-credit — the example partner subgraph alone (MARKET_CREDIT_PORT, default 4020).
// It holds only the public half of the internal-token key (INTERNAL_TOKEN_PUBLIC_KEY, or derived from the dev key
// folder): it can verify the gateway's tokens, never mint one.
const port = Number(process.env.MARKET_CREDIT_PORT || 4020);
await runService('market-credit', async ({ keys, log }) => [await startMarketCredit({ keys, log, port })], loadConfigOrExit(), {
  needsDatabase: false,
  verifyOnlyKeys: true,
});
