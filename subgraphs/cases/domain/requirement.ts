import { matchReviewCatalog, type CatalogRule, type DecisionFacts } from './rules.js';
import type { ReviewReason } from './types.js';

// R5 at the decision (issue 26): whether legal review and the leaders' collective discussion are required is decided
// again when the principal decides, from the verified record log — the hearing held (行政处罚法 Art. 58(1)(2); 行政许可法
// Art. 48; the seed: "经过听证程序作出行政执法决定…应当进行法制审核", "适用听证程序的行政许可事项都要进行法制审核"),
// the proposal decided and the catalog — and not only from what was fixed in the PROPOSAL entry when the proposal was
// made. In the lawful order (propose → notify → hearing) the hearing comes after the proposal: the frozen value
// never knew of it. What the PROPOSAL entry registered still binds (a requirement is never lifted).

export interface Requirement {
  hearingHeld: boolean;
  reviewRequired: boolean;
  collectiveDiscussionRequired: boolean;
  /** The catalog rules that match at the decision (with the hearing as the log has it). */
  reasons: ReviewReason[];
}

export function requirementAtDecision(
  rules: CatalogRule[],
  facts: DecisionFacts,
  policy: { reviewAllGeneralProcedurePenalties: boolean },
  hearingHeld: boolean,
  registered: { reviewRequired: boolean; collectiveDiscussionRequired: boolean },
): Requirement {
  const held = hearingHeld || facts.proposal.hearingHeld;
  const reasons = matchReviewCatalog(rules, { ...facts, proposal: { ...facts.proposal, hearingHeld: held } }, policy);
  return {
    hearingHeld: held,
    reviewRequired: registered.reviewRequired || reasons.length > 0,
    collectiveDiscussionRequired: registered.collectiveDiscussionRequired || reasons.some((r) => r.collectiveDiscussion),
    reasons,
  };
}
