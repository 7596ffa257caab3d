import { sql, type SQL } from 'drizzle-orm';
import { loadBundledCalendar, type WorkingDayCalendar } from '../../kernel/calendar.js';
import {
  authorizeKey,
  countIndicator,
  rateIndicator,
  workingDayDurations,
  type CountIndicator,
  type DurationIndicator,
  type RateIndicator,
  type StatisticsScope,
  type StatRow,
} from '../../kernel/statistics.js';
import type { ReviewsContext } from './context.js';
import type { Resolvers } from './generated/resolvers-types.js';
import type { ReviewsDb } from './repo.js';

// Indicators owned by `reviews` (issue 7; docs/indicators.md): one aggregate statement per indicator over
// an index range of `review_rounds` (indexes `rounds_stats_*`, migration 0002), grouped by month, case type or agency.

function groupOf(scope: StatisticsScope, anchor: string): SQL {
  switch (scope.groupBy) {
    case 'MONTH':
      return sql.raw(`DATE_FORMAT(${anchor}, '%Y-%m')`);
    case 'CATEGORY':
      return sql.raw(`COALESCE(r.case_type, 'UNKNOWN')`);
    case 'AGENCY':
      return sql.raw(`COALESCE(r.agency_id, 'UNKNOWN')`);
    default:
      return sql.raw(`'ALL'`);
  }
}
const agencyFilter = (scope: StatisticsScope): SQL => (scope.agencyId ? sql` AND r.agency_id = ${scope.agencyId}` : sql``);

export const reviewIndicatorSql = {
  /**
   * Rounds submitted in the period, by conclusion (PENDING while the opinion is outstanding). Anchored on the
   * submission like `qualificationCompliance`: anchored on the conclusion, a round under review was invisible here
   * (审核轮次 0) while the same round counted for the reviewer's qualification (issue 17).
   */
  outcomes: (s: StatisticsScope): SQL => sql`
    SELECT ${groupOf(s, 'r.submitted_on')} AS grp, COALESCE(r.conclusion, 'PENDING') AS k, COUNT(*) AS n
    FROM review_rounds r
    WHERE r.submitted_on BETWEEN ${s.from} AND ${s.to}${agencyFilter(s)}
    GROUP BY grp, k`,
  /** Grouped by the pair of dates: the working days of each pair are counted once with the calendar. */
  duration: (s: StatisticsScope): SQL => sql`
    SELECT ${groupOf(s, 'r.concluded_on')} AS grp, r.submitted_on AS start, r.concluded_on AS end, COUNT(*) AS n
    FROM review_rounds r
    WHERE r.concluded_on BETWEEN ${s.from} AND ${s.to} AND r.submitted_on IS NOT NULL${agencyFilter(s)}
    GROUP BY grp, start, end`,
  overdue: (s: StatisticsScope, today: string): SQL => sql`
    SELECT ${groupOf(s, 'r.due_on')} AS grp,
      SUM(CASE WHEN (r.concluded_on IS NOT NULL AND r.concluded_on > r.due_on) OR (r.concluded_on IS NULL AND r.due_on < ${today}) THEN 1 ELSE 0 END) AS num,
      SUM(CASE WHEN r.concluded_on IS NOT NULL OR r.due_on < ${today} THEN 1 ELSE 0 END) AS den,
      SUM(CASE WHEN r.concluded_on IS NULL AND r.due_on >= ${today} THEN 1 ELSE 0 END) AS excl
    FROM review_rounds r
    WHERE r.due_on BETWEEN ${s.from} AND ${s.to}${agencyFilter(s)}
    GROUP BY grp`,
  qualificationCompliance: (s: StatisticsScope): SQL => sql`
    SELECT ${groupOf(s, 'r.submitted_on')} AS grp,
      SUM(CASE WHEN r.reviewer_qualified = 1 AND (r.reviewer_first_time = 0 OR r.reviewer_has_certificate = 1) THEN 1 ELSE 0 END) AS num,
      SUM(CASE WHEN r.reviewer_qualified IS NOT NULL THEN 1 ELSE 0 END) AS den,
      SUM(CASE WHEN r.reviewer_id IS NOT NULL AND r.reviewer_qualified IS NULL THEN 1 ELSE 0 END) AS excl
    FROM review_rounds r
    WHERE r.submitted_on BETWEEN ${s.from} AND ${s.to}${agencyFilter(s)}
    GROUP BY grp`,
};

export function createReviewStatistics(orm: ReviewsDb['orm'], calendar: WorkingDayCalendar) {
  const rows = async (q: SQL): Promise<StatRow[]> => (await orm.execute(q))[0] as unknown as StatRow[];
  const S = reviewIndicatorSql;
  return {
    outcomes: async (s: StatisticsScope): Promise<CountIndicator> => countIndicator(await rows(S.outcomes(s))),
    duration: async (s: StatisticsScope): Promise<DurationIndicator> =>
      workingDayDurations(await rows(S.duration(s)), (from, to) => calendar.workingDaysBetween(from, to).days),
    overdue: async (s: StatisticsScope, today: string): Promise<RateIndicator> => rateIndicator(await rows(S.overdue(s, today))),
    qualificationCompliance: async (s: StatisticsScope): Promise<RateIndicator> => rateIndicator(await rows(S.qualificationCompliance(s))),
  };
}

// The calendar the review workflow counts its deadlines with: bundled years plus those loaded at run time (issue 26, part D).
let bundled: WorkingDayCalendar | null = null;
const stats = (ctx: ReviewsContext) => createReviewStatistics(ctx.repo.orm, ctx.calendar ?? (bundled ??= loadBundledCalendar()));

export const statisticsResolvers: Resolvers = {
  Statistics: {
    __resolveReference: (ref, ctx) => authorizeKey(ctx.caller, ref.key),
    reviews: (s) => s,
  },
  ReviewStatistics: {
    outcomes: (s, _, ctx) => stats(ctx).outcomes(s),
    duration: (s, _, ctx) => stats(ctx).duration(s),
    overdue: (s, _, ctx) => stats(ctx).overdue(s, ctx.today()),
    qualificationCompliance: (s, _, ctx) => stats(ctx).qualificationCompliance(s),
  },
};
