import { sql, type SQL } from 'drizzle-orm';
import type { StatisticsScope } from '../../../../kernel/statistics.js';

// The case-file evaluation (案卷评查) results the scorecard uses (issue 30, evaluation module in ../evaluation/):
// per agency, points obtained over points possible of the SCORED files in rounds whose period lies within the scorecard's
// period — the figure `evaluationResultsForPeriod` (../evaluation/results.ts) reports as scorePercent, read as the two
// integer sums in ONE GROUP BY (always run, so the scorecard's statements never depend on the data).

export const evaluationSql = (s: StatisticsScope): SQL => sql`
  SELECT f.agency_id AS grp, SUM(f.score) AS num, SUM(f.max_score) AS den
  FROM evaluation_files f JOIN evaluation_rounds r ON r.id = f.round_id
  WHERE f.state = 'SCORED' AND r.period_from >= ${s.from} AND r.period_to <= ${s.to}${s.agencyId ? sql` AND f.agency_id = ${s.agencyId}` : sql``}
  GROUP BY f.agency_id`;
