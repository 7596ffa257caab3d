import { openCasesDb, startCases } from '../subgraphs/cases/service.js';
import { isReviewsSeeded, seedReviews } from '../subgraphs/reviews/seed.js';
import { isCasesSeeded, pinDemoClock, seedCases } from '../subgraphs/cases/seed.js';
import { openPowersDb, startPowers } from '../subgraphs/powers/service.js';
import { demoCallers, isSeeded, seedPowers } from '../subgraphs/powers/seed.js';
import { loadConfigOrExit } from '../kernel/config.js';
import { DatabaseUnavailableError, dropDatabase } from '../kernel/db.js';
import { openInspectionsDb } from '../subgraphs/inspections/service.js';
import { openReviewsDb } from '../subgraphs/reviews/service.js';
import { loadKeyMaterial } from '../kernel/identity.js';
import { createLogger } from '../kernel/logger.js';

// npm run seed [-- --reset]: demo data into an empty database, or rebuilt from scratch with --reset.
const reset = process.argv.includes('--reset');
const config = loadConfigOrExit(pinDemoClock());
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

  // Cases go through the real workflow, which asks the powers subgraph: run it here on a free port meanwhile.
  const casesDb = await openCasesDb(config);
  if (!reset && (await isCasesSeeded(casesDb))) {
    console.log(`${config.databaseName('cases')} already has data; use \`npm run seed -- --reset\` to rebuild it.`);
    await casesDb.close();
  } else {
    const keys = await loadKeyMaterial(config.keyDir);
    const powers = await startPowers({ config, db: await openPowersDb(config), keys, log: createLogger('seed', 'warn'), port: 0 });
    try {
      if (reset) {
        // Reviews and synced inspections refer to cases and officers by id: rebuild them with the cases.
        for (const name of ['reviews', 'inspections'] as const) await dropDatabase(config.databaseUrl, config.databaseName(name));
        await (await openInspectionsDb(config)).close();
        console.log(`reset ${config.databaseName('reviews')} and ${config.databaseName('inspections')} (inspections re-sync from the platform at start)`);
      }
      // One demo case goes through legal review to its decision inside seedCases: its review rows go to reviews.
      const reviewsDb = await openReviewsDb(config);
      const reviewsWereEmpty = !(await isReviewsSeeded(reviewsDb));
      const seeded = await seedCases({ config, keys, db: casesDb, reviewsDb, powersUrl: powers.url, reset });
      // The demo review goes through the review workflow, which asks the cases subgraph: run it here meanwhile.
      if (reviewsWereEmpty) {
        const cases = await startCases({ config, db: seeded.db, keys, log: createLogger('seed', 'warn'), port: 0, powersUrl: () => powers.url });
        try {
          const review = await seedReviews({ db: reviewsDb, keys, casesUrl: cases.url, powersUrl: powers.url, clock: config.clock });
          if (review) console.log(`submitted ${review.caseNumber} for legal review (${config.databaseName('reviews')})`);
        } finally {
          await cases.close();
        }
      } else {
        await seeded.db.close();
      }
      await reviewsDb.close();
      console.log(`seeded ${config.databaseName('cases')}: ${seeded.cases.length} demo cases`);
      for (const c of seeded.cases) console.log(`  ${c.caseNumber.padEnd(16)} ${c.state.padEnd(13)} ${c.procedure.padEnd(7)} ${c.key}`);
    } finally {
      await powers.close();
    }
  }
} catch (err) {
  console.error(err instanceof DatabaseUnavailableError ? err.message : err);
  process.exit(1);
}
