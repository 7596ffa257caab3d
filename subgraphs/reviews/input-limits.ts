import { LONG_TEXT_LIMIT, type InputLimits } from '../../kernel/input-limits.js';

// Text inputs of reviews that may be longer than DEFAULT_TEXT_LIMIT (2,000 characters): the submitted materials and
// statement, the reviewer's opinion and required corrections.
export const REVIEWS_INPUT_LIMITS: InputLimits = {
  'SubmitForReviewInput.materials': LONG_TEXT_LIMIT,
  'SubmitForReviewInput.handlerStatement': LONG_TEXT_LIMIT,
  'ReviewOpinionInput.opinion': LONG_TEXT_LIMIT,
  'ReviewOpinionInput.requiredCorrections': LONG_TEXT_LIMIT,
};
