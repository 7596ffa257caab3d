import { openPowersDb } from '../subgraphs/powers/service.js';
import { demoCallers, isSeeded, seedPowers } from '../subgraphs/powers/seed.js';
import { loadConfig } from '../subgraphs/shared/config.js';
import { DatabaseUnavailableError } from '../subgraphs/shared/db.js';

// npm run seed [-- --reset]: demo data into an empty database, or rebuilt from scratch with --reset.
const reset = process.argv.includes('--reset');
const config = loadConfig();
try {
  const db = await openPowersDb(config);
  if (!reset && (await isSeeded(db))) {
    console.log(`${config.databaseName('powers')} already has data; use \`npm run seed -- --reset\` to rebuild it.`);
  } else {
    const counts = await seedPowers(db, { reset });
    console.log(`seeded ${config.databaseName('powers')}:`, counts);
    console.log('demo users (npm run token -- --demo <key>):');
    for (const c of demoCallers()) console.log(`  ${c.key.padEnd(22)} ${c.role.padEnd(10)} ${c.name}  officer=${c.officerId}`);
  }
  await db.close();
} catch (err) {
  console.error(err instanceof DatabaseUnavailableError ? err.message : err);
  process.exit(1);
}
