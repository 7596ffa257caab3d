import { openPowersDb } from '../subgraphs/powers/service.js';
import { loadConfig } from '../subgraphs/shared/config.js';
import { DatabaseUnavailableError } from '../subgraphs/shared/db.js';

// npm run migrate: create the databases if missing and apply committed migrations (also done at every start).
const config = loadConfig();
try {
  const db = await openPowersDb(config);
  await db.close();
  console.log(`migrated ${config.databaseName('powers')}`);
} catch (err) {
  console.error(err instanceof DatabaseUnavailableError ? err.message : err);
  process.exit(1);
}
