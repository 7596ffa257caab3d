// The hand-off to legal review (法制审核) and back; called by the `reviews` subgraph (SERVICE role) only.
// Enforces: R5 / 行政处罚法 Art. 58 (only the latest proposal is submitted; the case is UNDER_REVIEW while reviewed);
// R8 (the opinion is recorded in the case's log; ISSUES_FOUND sends the case back to where it was before review, so the
// handlers correct and resubmit). Both acts are idempotent per review round. The gate that a decision needs an APPROVED
// opinion (R6) is in decision.ts; reviewer qualification (R7) and the nine points (R8) are in the reviews subgraph.
import { badInput, conflict, forbidden, invalidState } from '../../../kernel/errors.js';
import type { Caller } from '../../../kernel/identity.js';
import type { RecordEntryRow } from '../db/schema.js';
import { parsePayload } from '../domain/entries.js';
import { latestRound, stateBeforeReview } from '../domain/review-round.js';
import { assertCanDo } from '../domain/rules.js';
import type { CaseState, CaseType, ProcedureKind } from '../domain/types.js';
import type { CaseRow } from '../repo.js';
import type { ActDeps } from './deps.js';
import { entriesOf, today, transition, tx } from './mechanics.js';
import { conclusionMismatch, verifiedConclusion, type ReviewOutcomeArgs } from './review-conclusion.js';

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
export async function recordReviewOutcome(d: ActDeps, caller: Caller, a: ReviewOutcomeArgs): Promise<CaseRow> {
  if (caller.role !== 'SERVICE') throw forbidden('仅供法制审核服务调用');
  if (a.conclusion !== 'APPROVED' && a.conclusion !== 'ISSUES_FOUND') throw badInput('conclusion', '审核结论只能是 APPROVED 或 ISSUES_FOUND');
  // Issue 25: the conclusion must be the reviews service's own signed statement of exactly these facts; the
  // countersigned statement is what the decision gate later verifies, so a bare SERVICE call cannot make an approval.
  const stated = verifiedConclusion(d, { statement: a.statement, keyId: a.keyId, signature: a.signature });
  const mismatch = stated ? conclusionMismatch(stated, a) : 'signature';
  if (mismatch) {
    d.alarm({ kind: 'REVIEW', caseId: a.caseId, problem: mismatch, message: `审核结论的签名陈述不符（${mismatch}）：拒绝记录` });
    throw forbidden(`审核结论未经法制审核服务签署或与签署内容不符（${mismatch}）`);
  }
  return tx(d, async (t) => {
    const c = await d.repo.lockCase(t, a.caseId);
    const entries = await entriesOf(d, c.id);
    const opinionOf = (e: RecordEntryRow) => parsePayload<{ reviewId: string; roundNo: number; conclusion: string }>(e);
    const same = entries.find((e) => e.kind === 'REVIEW_OPINION' && opinionOf(e).reviewId === a.reviewId && opinionOf(e).roundNo === a.roundNo);
    if (same) {
      // One act, one authoritative record: a retry must say what the case log already holds (issue 25's pause).
      if (opinionOf(same).conclusion === a.conclusion) return c;
      d.alarm({
        kind: 'REVIEW',
        caseId: c.id,
        problem: 'conclusion',
        message: `第 ${a.roundNo} 轮审核结论已记录为 ${opinionOf(same).conclusion}，拒绝改为 ${a.conclusion}`,
      });
      throw conflict(`第 ${a.roundNo} 轮审核结论已记录为 ${opinionOf(same).conclusion}，不能更改`, { loggedConclusion: opinionOf(same).conclusion });
    }
    if (c.state !== 'UNDER_REVIEW') throw invalidState('案件不在法制审核中', { state: c.state });
    const { statement, keyId, signature, ...facts } = a;
    await d.append(t, {
      caseId: c.id,
      kind: 'REVIEW_OPINION',
      stage: 'REVIEW',
      actor: a.reviewerId,
      payload: { ...facts, on: today(d), countersigned: { statement, keyId, signature } },
    });
    if (a.conclusion === 'APPROVED') return c;
    // Back to where it was before review (NOTIFIED or HEARING): the handlers correct and resubmit.
    const back = stateBeforeReview(entries);
    return transition(d, t, c, back, caller, 'returnFromReview', {}, today(d), 'REVIEW', '法制审核存在问题，退回承办机构');
  });
}
