import DataLoader from 'dataloader';
import type { LegalReviewRow, ReviewRoundRow, ReviewsRepo } from './repo.js';

// Per request: reviews of N cases or rounds of N reviews in one statement each.
export function createReviewLoaders(repo: ReviewsRepo) {
  return {
    review: new DataLoader<string, LegalReviewRow | null>(async (ids) => {
      const rows = new Map((await repo.reviewsByIds(ids)).map((r) => [r.id, r]));
      return ids.map((id) => rows.get(id) ?? null);
    }),
    byCase: new DataLoader<string, LegalReviewRow[]>(async (ids) => {
      const rows = await repo.reviewsByCaseIds(ids);
      return ids.map((id) => rows.filter((r) => r.caseId === id));
    }),
    rounds: new DataLoader<string, ReviewRoundRow[]>(async (ids) => {
      const rows = await repo.roundsByReviewIds(ids);
      return ids.map((id) => rows.filter((r) => r.reviewId === id));
    }),
  };
}
export type ReviewLoaders = ReturnType<typeof createReviewLoaders>;
