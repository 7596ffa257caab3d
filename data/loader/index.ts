// The one data loader (docs/data-format.md): a data folder read and checked whole, then loaded through the
// services' own workflows. Used by `npm start`, `npm run seed` and the tests that need the demo.
export { DATA_FILES, DEMO_DIR, demoDataset, readDataset, type Dataset } from './dataset.js';
export { agencyIdOf, demoAgencyId, demoOfficerId, officerIdOf } from './ids.js';
export { demoCallers, demoDocumentRows, documentRows, isSeeded, seedPowers } from './powers.js';
export { isCasesSeeded, pinDemoClock, resetCasesDatabase, SEED_CASES_TODAY, SEEDED_CASE_STATES, seedCases, type SeededCase } from './cases.js';
export { isReviewsSeeded, seedReviews } from './reviews.js';
export { loadDataset, NotEmptyError, type Loaded } from './load.js';
export { DEMO_SUPERVISION_PARAMETERS, seedSupervisionClues } from './supervision.js';
