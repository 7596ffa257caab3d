import type { Connection } from '../../kernel/pagination.js';
import type { LegalReviewRow, ReviewRoundRow } from './repo.js';

export type { LegalReviewRow, ReviewRoundRow };
/** An entity owned elsewhere, known here only by its key. */
export interface EntityRef {
  id: string;
}
export type ReviewConnectionModel = Connection<LegalReviewRow> & { totalCount: () => Promise<number> };
export interface ClearanceView {
  approved: boolean;
  reviewId: string | null;
  roundNo: number | null;
  reviewerId: string | null;
  approvedAt: Date | null;
  reason: string | null;
}
