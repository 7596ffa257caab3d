// The hand-off to legal review (法制审核) and back; called by the `reviews` subgraph (SERVICE role) only.
// Enforces: R5 / 行政处罚法 Art. 58 (only the latest proposal is submitted; the case is UNDER_REVIEW while reviewed);
// R8 (the opinion is recorded in the case's log; ISSUES_FOUND sends the case back to where it was before review, so the
// handlers correct and resubmit). Both acts are idempotent per review round. The gate that a decision needs an APPROVED
// opinion (R6) is in decision.ts; reviewer qualification (R7) and the nine points (R8) are in the reviews subgraph.
import { badInput, forbidden, invalidState } from '../../../kernel/errors.js';
import type { Caller } from '../../../kernel/identity.js';
import type { RecordEntryRow } from '../db/schema.js';
import { parsePayload } from '../domain/entries.js';
import { latestRound, stateBeforeReview } from '../domain/review-round.js';
import { assertCanDo } from '../domain/rules.js';
import type { CaseState, CaseType, ProcedureKind } from '../domain/types.js';
import type { CaseRow } from '../repo.js';
import type { ActDeps } from './deps.js';
import { entriesOf, today, transition, tx } from './mechanics.js';

/** Called by `reviews` (SERVICE) when a handler submits: the case enters UNDER_REVIEW with its record entry. */
export async function enterLegalReview(
  d: ActDeps,
  caller: Caller,
  a: { caseId: string; proposalId: string; reviewId: string; roundNo: number; submittedBy: string },
): Promise<CaseRow> {
  if (caller.role !== 'SERVICE') throw forbidden('仅供法制审核服务调用');
  return tx(d, async (t) => {
    const c = await d.repo.lockCase(t, a.caseId);
    const entries = await entriesOf(d, c.id);
    const sameRound = (e: RecordEntryRow) => {
      const p = parsePayload<{ reviewId?: string; roundNo?: number }>(e);
      return e.kind === 'TRANSITION' && p.reviewId === a.reviewId && p.roundNo === a.roundNo;
    };
    if (entries.some(sameRound)) return c; // a retry of the same submission
    // Under review after a concluded round, a new proposal is submitted as a new round (issue 26: no dead end).
    const round = c.state === 'UNDER_REVIEW' ? latestRound(entries) : null;
    assertCanDo('submitForReview', c.state as CaseState, c.procedure as ProcedureKind, c.caseType as CaseType, { reviewConcluded: !!round?.concluded });
    const all = await d.repo.proposalsByCaseIds([c.id]);
    const proposal = all.find((p) => p.id === a.proposalId);
    if (!proposal) throw badInput('proposalId', `决定建议 ${a.proposalId} 不属于该案件`);
    if (all.at(-1)!.id !== proposal.id) throw invalidState('只能送审最新的决定建议', { latestProposalId: all.at(-1)!.id });
    if (round && round.proposalId === proposal.id) throw invalidState('该决定建议已经审核，无须重新送审', { proposalId: proposal.id });
    const next = await d.repo.updateCase(t, c, { state: 'UNDER_REVIEW' });
    await d.append(t, {
      caseId: c.id,
      kind: 'TRANSITION',
      stage: 'REVIEW',
      actor: a.submittedBy,
      payload: {
        action: 'submitForReview',
        from: c.state,
        to: 'UNDER_REVIEW',
        on: today(d),
        note: null,
        reviewId: a.reviewId,
        roundNo: a.roundNo,
        proposalId: proposal.id,
        contentHash: proposal.contentHash,
      },
    });
    return next;
  });
}

/** Called by `reviews` (SERVICE) when an opinion is recorded; ISSUES_FOUND sends the case back to its handlers. */
export async function recordReviewOutcome(
  d: ActDeps,
  caller: Caller,
  a: { caseId: string; reviewId: string; roundNo: number; proposalId: string; contentHash: string; conclusion: string; reviewerId: string },
): Promise<CaseRow> {
  if (caller.role !== 'SERVICE') throw forbidden('仅供法制审核服务调用');
  if (a.conclusion !== 'APPROVED' && a.conclusion !== 'ISSUES_FOUND') throw badInput('conclusion', '审核结论只能是 APPROVED 或 ISSUES_FOUND');
  return tx(d, async (t) => {
    const c = await d.repo.lockCase(t, a.caseId);
    const entries = await entriesOf(d, c.id);
    const opinionOf = (e: RecordEntryRow) => parsePayload<{ reviewId: string; roundNo: number }>(e);
    if (entries.some((e) => e.kind === 'REVIEW_OPINION' && opinionOf(e).reviewId === a.reviewId && opinionOf(e).roundNo === a.roundNo)) return c;
    if (c.state !== 'UNDER_REVIEW') throw invalidState('案件不在法制审核中', { state: c.state });
    await d.append(t, { caseId: c.id, kind: 'REVIEW_OPINION', stage: 'REVIEW', actor: a.reviewerId, payload: { ...a, on: today(d) } });
    if (a.conclusion === 'APPROVED') return c;
    // Back to where it was before review (NOTIFIED or HEARING): the handlers correct and resubmit.
    const back = stateBeforeReview(entries);
    return transition(d, t, c, back, caller, 'returnFromReview', {}, today(d), 'REVIEW', '法制审核存在问题，退回承办机构');
  });
}
