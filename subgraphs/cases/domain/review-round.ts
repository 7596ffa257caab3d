import type { CaseState } from './types.js';

// The way out of UNDER_REVIEW (issue 26, "dead end"). A case stays UNDER_REVIEW after an APPROVED opinion until it is
// decided. If the handlers then make a new proposal (Art. 44: a heavier one must be notified again; any new one needs
// its own review, Art. 58), the case must be able to move on: once the round is concluded, a new notice (back to
// NOTIFIED) and a new submission (a new round) are lawful from UNDER_REVIEW. While a round is open, the reviewer
// concludes it first (ISSUES_FOUND sends the case back, APPROVED leaves it here with the way forward above).

export interface RoundEntry {
  kind: string;
  payload: string;
}

const parse = (e: RoundEntry) => JSON.parse(e.payload) as { to?: string; from?: string; reviewId?: string; roundNo?: number; proposalId?: string };

/** The latest submission (TRANSITION to UNDER_REVIEW) and whether its round has an opinion in the log. */
export function latestRound(entries: readonly RoundEntry[]): { reviewId: string; roundNo: number; proposalId: string | null; concluded: boolean } | null {
  let idx = entries.length - 1;
  while (idx >= 0 && !(entries[idx]!.kind === 'TRANSITION' && parse(entries[idx]!).to === 'UNDER_REVIEW')) idx--;
  if (idx < 0) return null;
  const s = parse(entries[idx]!);
  const concluded = entries.slice(idx + 1).some((e) => e.kind === 'REVIEW_OPINION' && parse(e).reviewId === s.reviewId && parse(e).roundNo === s.roundNo);
  return { reviewId: s.reviewId ?? '', roundNo: s.roundNo ?? 0, proposalId: s.proposalId ?? null, concluded };
}

/** A concluded round lets a case under review be notified again or submitted again (see above). */
export const reviewRoundConcluded = (entries: readonly RoundEntry[]) => latestRound(entries)?.concluded ?? false;

/** Where ISSUES_FOUND sends the case back: the state before it first entered this stretch of review. */
export function stateBeforeReview(entries: readonly RoundEntry[]): CaseState {
  const entered = [...entries].reverse().find((e) => e.kind === 'TRANSITION' && parse(e).to === 'UNDER_REVIEW' && parse(e).from !== 'UNDER_REVIEW');
  return (entered ? parse(entered).from : 'NOTIFIED') as CaseState;
}
