import { openCasesDb } from '../subgraphs/cases/service.js';
import { openInspectionsDb } from '../subgraphs/inspections/service.js';
import { openPowersDb } from '../subgraphs/powers/service.js';
import { openReviewsDb } from '../subgraphs/reviews/service.js';
import { loadConfigOrExit } from '../kernel/config.js';
import { DatabaseUnavailableError } from '../kernel/db.js';

// npm run migrate: create every subgraph's database if missing and apply its committed migrations
// (each service also does this for its own database at start).
const config = loadConfigOrExit();
try {
  for (const [name, open] of [
    ['powers', openPowersDb],
    ['cases', openCasesDb],
    ['reviews', openReviewsDb],
    ['inspections', openInspectionsDb],
  ] as const) {
    const db = await open(config);
    await db.close();
    console.log(`migrated ${config.databaseName(name)}`);
  }
} catch (err) {
  console.error(err instanceof DatabaseUnavailableError ? err.message : err);
  process.exit(1);
}
