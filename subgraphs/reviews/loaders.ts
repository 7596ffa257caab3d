import DataLoader from 'dataloader';
import type { LegalReviewRow, ReviewRoundRow, ReviewsRepo } from './repo.js';
import type { RoundCheck } from './verified-rounds.js';

// Per request: reviews of N cases or rounds of N reviews in one statement each.
export function createReviewLoaders(repo: ReviewsRepo, checkRounds?: RoundCheck) {
  const review = new DataLoader<string, LegalReviewRow | null>(async (ids) => {
    const rows = new Map((await repo.reviewsByIds(ids)).map((r) => [r.id, r]));
    return ids.map((id) => rows.get(id) ?? null);
  });
  return {
    review,
    byCase: new DataLoader<string, LegalReviewRow[]>(async (ids) => {
      const rows = await repo.reviewsByCaseIds(ids);
      return ids.map((id) => rows.filter((r) => r.caseId === id));
    }),
    /** Rounds as served by the API: checked against the reviews log when a check is given (the service always gives one). */
    rounds: new DataLoader<string, ReviewRoundRow[]>(async (ids) => {
      const rows = await repo.roundsByReviewIds(ids);
      const caseOf = new Map((await review.loadMany(ids)).flatMap((r) => (r && !(r instanceof Error) ? [[r.id, r.caseId] as const] : [])));
      const faults = checkRounds ? await checkRounds(rows, (id) => caseOf.get(id)) : new Map<string, Error>();
      return ids.map((id) => faults.get(id) ?? rows.filter((r) => r.reviewId === id));
    }),
  };
}
export type ReviewLoaders = ReturnType<typeof createReviewLoaders>;
