import type { Config } from '../../kernel/config.js';
import { dropDatabase } from '../../kernel/db.js';
import type { KeyMaterial } from '../../kernel/identity.js';
import { createLogger } from '../../kernel/logger.js';
import { openCasesDb, startCases } from '../../subgraphs/cases/service.js';
import { openInspectionsDb } from '../../subgraphs/inspections/service.js';
import { openPowersDb, startPowers } from '../../subgraphs/powers/service.js';
import { openReviewsDb } from '../../subgraphs/reviews/service.js';
import { isCasesSeeded, resetCasesDatabase, seedCases, type SeededCase } from './cases.js';
import type { Dataset } from './dataset.js';
import { emptyPowers, isSeeded, seedPowers } from './powers.js';
import { isReviewsSeeded, seedReviews } from './reviews.js';
import { seedEvaluations } from './evaluations.js';

// `npm run seed [-- --from <folder>] [-- --reset]`: a data folder into empty databases, all or nothing. The
// folder was read and checked whole before this runs; an act the workflow refuses while loading undoes the
// load (the powers rows, the cases and reviews databases), so the databases are left as empty as they were.

/** The databases already hold data and no reset was asked for: nothing was loaded. */
export class NotEmptyError extends Error {
  constructor(readonly databases: string[]) {
    super(`${databases.join('、')} 中已有数据，未导入任何数据；重建请加 --reset（npm run seed -- --reset）`);
    this.name = 'NotEmptyError';
  }
}

export interface Loaded {
  powers: { agencies: number; officers: number; documents: number };
  cases: SeededCase[];
  /** The first case submitted for legal review (reviews.yaml), if any. */
  review: { caseNumber: string; reviewId: string } | null;
  /** 案卷评查 rounds loaded (evaluations.yaml, issue 30). */
  evaluations: number;
}

export async function loadDataset(opts: { config: Config; keys: KeyMaterial; data: Dataset; reset?: boolean }): Promise<Loaded> {
  const { config, keys, data } = opts;
  const quiet = createLogger('seed', 'warn');
  let powersDb = await openPowersDb(config);
  let casesDb = await openCasesDb(config);
  let reviewsDb = await openReviewsDb(config);
  try {
    if (opts.reset) {
      // Reviews and synced inspections refer to cases and officers by id: rebuilt with them.
      await emptyPowers(powersDb);
      await casesDb.close();
      casesDb = await resetCasesDatabase(config);
      await reviewsDb.close();
      await dropDatabase(config.databaseUrl, config.databaseName('reviews'));
      reviewsDb = await openReviewsDb(config);
      await dropDatabase(config.databaseUrl, config.databaseName('inspections'));
      await (await openInspectionsDb(config)).close();
    } else {
      const full = [
        (await isSeeded(powersDb)) && config.databaseName('powers'),
        (await isCasesSeeded(casesDb)) && config.databaseName('cases'),
        (await isReviewsSeeded(reviewsDb)) && config.databaseName('reviews'),
      ].filter((n): n is string => !!n);
      if (full.length) throw new NotEmptyError(full);
    }

    const counts = await seedPowers(powersDb, { data });
    // Cases go through the real workflow, which asks the powers subgraph: it runs here on a free port meanwhile.
    const powers = await startPowers({ config, db: powersDb, keys, log: quiet, port: 0 });
    powersDb = await openPowersDb(config); // the service closes its pool when it stops
    try {
      const seeded = await seedCases({ config, keys, db: casesDb, reviewsDb, powersUrl: powers.url, data });
      // Submissions for legal review go through the review workflow, which asks the cases subgraph.
      const cases = await startCases({ config, db: seeded.db, keys, log: quiet, port: 0, powersUrl: () => powers.url });
      casesDb = await openCasesDb(config);
      let review: Loaded['review'] = null;
      try {
        review = await seedReviews({ db: reviewsDb, keys, casesUrl: cases.url, powersUrl: powers.url, clock: config.clock, data });
      } finally {
        await cases.close();
      }
      const evaluations = await seedEvaluations({ config, keys, db: casesDb, powersUrl: powers.url, cases: seeded.cases, data });
      return { powers: counts, cases: seeded.cases, review, evaluations };
    } finally {
      await powers.close();
    }
  } catch (err) {
    if (!(err instanceof NotEmptyError)) {
      // Undo: whatever was written goes, the databases stay (empty, migrated).
      await emptyPowers(powersDb);
      await casesDb.close();
      casesDb = await resetCasesDatabase(config);
      await reviewsDb.close();
      await dropDatabase(config.databaseUrl, config.databaseName('reviews'));
      reviewsDb = await openReviewsDb(config);
    }
    throw err;
  } finally {
    await Promise.all([powersDb.close(), casesDb.close(), reviewsDb.close()]);
  }
}
