import { sql, type SQL } from 'drizzle-orm';
import {
  authorizeKey,
  countIndicator,
  rateIndicator,
  shanghaiDayEndUtc,
  shanghaiDayStartUtc,
  type CountIndicator,
  type RateIndicator,
  type StatisticsScope,
  type StatRow,
} from '../../kernel/statistics.js';
import type { InspectionsContext } from './context.js';
import type { Resolvers } from './generated/resolvers-types.js';
import type { InspectionsRepo } from './repo.js';

// Indicators owned by `inspections` (双随机、一公开; issue 7, docs/indicators.md), from the synced local store:
// one aggregate statement per indicator over an index range (`tasks_stats_*`, `results_stats_*`, migration 0001).
// Agencies are platform USCCs linked to powers' agency ids (agency_links); unlinked ones group under their USCC.

/** Datetime columns are UTC: a month is taken in Asia/Shanghai. */
function groupOf(scope: StatisticsScope, anchor: string, isUtcTimestamp: boolean, alias: string): SQL {
  switch (scope.groupBy) {
    case 'MONTH':
      return sql.raw(`DATE_FORMAT(${isUtcTimestamp ? `${anchor} + INTERVAL 8 HOUR` : anchor}, '%Y-%m')`);
    case 'CATEGORY':
      return sql.raw(`${alias}.item_code`);
    case 'AGENCY':
      return sql.raw(`COALESCE((SELECT al.agency_id FROM agency_links al WHERE al.uscc = ${alias}.agency_uscc), ${alias}.agency_uscc)`);
    default:
      return sql.raw(`'ALL'`);
  }
}
const agencyFilter = (scope: StatisticsScope, alias: string): SQL =>
  scope.agencyId ? sql` AND ${sql.raw(alias)}.agency_uscc IN (SELECT al.uscc FROM agency_links al WHERE al.agency_id = ${scope.agencyId})` : sql``;

export const inspectionIndicatorSql = {
  /** Objects checked (distinct objects with a result) / directory size at the draw (object candidates), tasks drawn in the period. */
  coverage: (s: StatisticsScope): SQL => sql`
    SELECT q.grp AS grp, SUM(q.checked) AS num, SUM(q.candidates) AS den, 0 AS excl FROM (
      SELECT ${groupOf(s, 't.drawn_at', true, 't')} AS grp, t.object_candidates AS candidates,
        (SELECT COUNT(DISTINCT x.uscc) FROM inspection_results x WHERE x.task_id = t.id) AS checked
      FROM inspection_tasks t
      WHERE t.drawn_at >= ${shanghaiDayStartUtc(s.from)} AND t.drawn_at < ${shanghaiDayEndUtc(s.to)}${agencyFilter(s, 't')}
    ) q
    GROUP BY q.grp`,
  completion: (s: StatisticsScope): SQL => sql`
    SELECT ${groupOf(s, 't.drawn_at', true, 't')} AS grp,
      SUM(CASE WHEN t.status = 'COMPLETED' THEN 1 ELSE 0 END) AS num, COUNT(*) AS den, 0 AS excl
    FROM inspection_tasks t
    WHERE t.drawn_at >= ${shanghaiDayStartUtc(s.from)} AND t.drawn_at < ${shanghaiDayEndUtc(s.to)}${agencyFilter(s, 't')}
    GROUP BY grp`,
  resultsByCode: (s: StatisticsScope): SQL => sql`
    SELECT ${groupOf(s, 'r.completed_on', false, 'r')} AS grp, r.result_code AS k, COUNT(*) AS n
    FROM inspection_results r
    WHERE r.completed_on BETWEEN ${s.from} AND ${s.to}${agencyFilter(s, 'r')}
    GROUP BY grp, k`,
  problemRate: (s: StatisticsScope): SQL => sql`
    SELECT ${groupOf(s, 'r.completed_on', false, 'r')} AS grp,
      SUM(CASE WHEN r.problems_found = 1 THEN 1 ELSE 0 END) AS num, COUNT(*) AS den, 0 AS excl
    FROM inspection_results r
    WHERE r.completed_on BETWEEN ${s.from} AND ${s.to}${agencyFilter(s, 'r')}
    GROUP BY grp`,
  /** R19: published within 20 working days of the end of the check; unpublished and not yet due are excluded. */
  publicationTimeliness: (s: StatisticsScope, today: string): SQL => sql`
    SELECT ${groupOf(s, 'r.completed_on', false, 'r')} AS grp,
      SUM(CASE WHEN r.published_on IS NOT NULL AND r.published_on <= r.publication_due_on THEN 1 ELSE 0 END) AS num,
      SUM(CASE WHEN r.published_on IS NOT NULL OR r.publication_due_on < ${today} THEN 1 ELSE 0 END) AS den,
      SUM(CASE WHEN r.published_on IS NULL AND r.publication_due_on >= ${today} THEN 1 ELSE 0 END) AS excl
    FROM inspection_results r
    WHERE r.completed_on BETWEEN ${s.from} AND ${s.to}${agencyFilter(s, 'r')}
    GROUP BY grp`,
};

export function createInspectionStatistics(orm: InspectionsRepo['orm']) {
  const rows = async (q: SQL): Promise<StatRow[]> => (await orm.execute(q))[0] as unknown as StatRow[];
  const S = inspectionIndicatorSql;
  return {
    coverage: async (s: StatisticsScope): Promise<RateIndicator> => rateIndicator(await rows(S.coverage(s))),
    completion: async (s: StatisticsScope): Promise<RateIndicator> => rateIndicator(await rows(S.completion(s))),
    resultsByCode: async (s: StatisticsScope): Promise<CountIndicator> => countIndicator(await rows(S.resultsByCode(s))),
    problemRate: async (s: StatisticsScope): Promise<RateIndicator> => rateIndicator(await rows(S.problemRate(s))),
    publicationTimeliness: async (s: StatisticsScope, today: string): Promise<RateIndicator> => rateIndicator(await rows(S.publicationTimeliness(s, today))),
  };
}

const stats = (ctx: InspectionsContext) => createInspectionStatistics(ctx.repo.orm);

export const statisticsResolvers: Resolvers = {
  Statistics: {
    __resolveReference: (ref, ctx) => authorizeKey(ctx.caller, ref.key),
    inspections: (s) => s,
  },
  InspectionStatistics: {
    coverage: (s, _, ctx) => stats(ctx).coverage(s),
    completion: (s, _, ctx) => stats(ctx).completion(s),
    resultsByCode: (s, _, ctx) => stats(ctx).resultsByCode(s),
    problemRate: (s, _, ctx) => stats(ctx).problemRate(s),
    publicationTimeliness: (s, _, ctx) => stats(ctx).publicationTimeliness(s, ctx.today),
  },
};
