import { LONG_TEXT_LIMIT, type InputLimits } from '../../kernel/input-limits.js';

// Text inputs of powers that may be longer than DEFAULT_TEXT_LIMIT (2,000 characters): published texts of a power
// item, a plan or a rule, stored in JSON (LONGTEXT) columns or TEXT; bounded so one request stays reasonable.
export const POWERS_INPUT_LIMITS: InputLimits = {
  'LegalBasisInput.excerpt': LONG_TEXT_LIMIT,
  'PowerItemInput.publicSummary': LONG_TEXT_LIMIT,
  'PowerItemInput.acceptanceConditions': LONG_TEXT_LIMIT,
  'PowerItemInput.procedureSteps': LONG_TEXT_LIMIT,
  'PowerItemInput.responsibilities': LONG_TEXT_LIMIT,
  'PowerItemInput.accountability': LONG_TEXT_LIMIT,
  'AnnualEnforcementPlanInput.summary': LONG_TEXT_LIMIT,
  'ReviewCatalogRuleInput.description': LONG_TEXT_LIMIT,
  'AvRecordingRuleInput.description': LONG_TEXT_LIMIT,
  'DiscretionTierRuleInput.circumstances': LONG_TEXT_LIMIT,
};
