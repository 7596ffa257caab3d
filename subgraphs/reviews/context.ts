import type { WorkingDayCalendar } from '../../kernel/calendar.js';
import type { RequestBase } from '../../kernel/server.js';
import type { ReviewLoaders } from './loaders.js';
import type { ReviewsRepo } from './repo.js';
import type { ReviewService } from './review-service.js';

export interface ReviewsContext extends RequestBase {
  repo: ReviewsRepo;
  service: ReviewService;
  loaders: ReviewLoaders;
  today: () => string;
  /** The working-day calendar of the review workflow (bundled years plus those applied at run time). */
  calendar?: WorkingDayCalendar;
}
