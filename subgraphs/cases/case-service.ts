import { archive, close } from './acts/closing-and-archive.js';
import { extendSeizure, liftSeizure } from './acts/coercion.js';
import { recordCollectiveDiscussion } from './acts/collective-discussion.js';
import { decideCase, publicationOf } from './acts/decision.js';
import { recordDecisionChange, revokeDecision } from './acts/decision-change.js';
import { createActDeps, type ActDeps, type CaseServiceDeps } from './acts/deps.js';
import { execute } from './acts/execution.js';
import { fileCase } from './acts/filing.js';
import { recordText, registerAv, startInvestigation } from './acts/investigation.js';
import { recordEvent } from './acts/notice-and-hearing.js';
import { proposeDecision } from './acts/proposal.js';
import { enterLegalReview, recordReviewOutcome } from './acts/review-handoff.js';
import { recordFinePayment, serve } from './acts/service-and-payment.js';

// The case workflow as one object for resolvers, seeds and scripts: a thin facade over the acts of the procedure,
// one module per stage in acts/ (docs/architecture.md has the map "act → file"). Each act checks role and
// prerequisites, changes state and appends its record entry in ONE transaction, so there is never a state change
// without its record (no half-states); the shared mechanics are in acts/mechanics.ts.

export type { CaseServiceDeps, ClearanceSource, IntegrityDeps, ReviewClearance } from './acts/deps.js';
export type { FileCaseArgs } from './acts/filing.js';
export type { ProposalArgs } from './acts/proposal.js';
export { canReadCase, canSeeClassified } from './domain/access.js';
export { eventsOf, parsePayload, paymentsOf, personalFieldsOf, type EventPayload } from './domain/entries.js';
export { formatCaseNumber, numberFormatFor } from './domain/party.js';

export function createCaseService(deps: CaseServiceDeps) {
  const d = createActDeps(deps);
  /** An act over the service's one dependency object, as a method with the act's own parameters. */
  const act =
    <A extends unknown[], R>(fn: (d: ActDeps, ...args: A) => R) =>
    (...args: A): R =>
      fn(d, ...args);
  return {
    // filing and investigation (acts/filing.ts, acts/investigation.ts, acts/notice-and-hearing.ts)
    fileCase: act(fileCase),
    startInvestigation: act(startInvestigation),
    recordText: act(recordText),
    registerAv: act(registerAv),
    recordEvent: act(recordEvent),
    // proposal, collective discussion, decision (acts/proposal.ts, acts/collective-discussion.ts, acts/decision.ts)
    proposeDecision: act(proposeDecision),
    recordCollectiveDiscussion: act(recordCollectiveDiscussion),
    decideCase: act(decideCase),
    publicationOf: act(publicationOf),
    // legal review, called by `reviews` (acts/review-handoff.ts)
    enterLegalReview: act(enterLegalReview),
    recordReviewOutcome: act(recordReviewOutcome),
    // service, payment, execution, coercive measures (acts/service-and-payment.ts, acts/execution.ts, acts/coercion.ts)
    serve: act(serve),
    recordFinePayment: act(recordFinePayment),
    execute: act(execute),
    extendSeizure: act(extendSeizure),
    liftSeizure: act(liftSeizure),
    // the decision changed (acts/decision-change.ts)
    recordDecisionChange: act(recordDecisionChange),
    revokeDecision: act(revokeDecision),
    // closing and archive (acts/closing-and-archive.ts)
    close: act(close),
    archive: act(archive),
  };
}

export type CaseService = ReturnType<typeof createCaseService>;
