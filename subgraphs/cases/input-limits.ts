import { LONG_TEXT_LIMIT, type InputLimits } from '../../kernel/input-limits.js';

// Text inputs of cases that may be longer than DEFAULT_TEXT_LIMIT (2,000 characters): a document's full text goes
// alone into a record-log entry (payload TEXT, 65,535 bytes) or a TEXT column (facts_summary, correction).
// Everything else — notes, locations, references, reasons — keeps the default, so that one entry's texts fit together.
export const CASES_INPUT_LIMITS: InputLimits = {
  'TextRecordInput.content': LONG_TEXT_LIMIT,
  'RightsNoticeInput.content': LONG_TEXT_LIMIT,
  'CollectiveDiscussionInput.minutes': LONG_TEXT_LIMIT,
  'SeizureExtensionInput.notice': LONG_TEXT_LIMIT,
  'FileCaseInput.factsSummary': LONG_TEXT_LIMIT,
  'ProposeDecisionInput.reasoning': LONG_TEXT_LIMIT,
  'ReliefOutcomeInput.correction': LONG_TEXT_LIMIT,
};
