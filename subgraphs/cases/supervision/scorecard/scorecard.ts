import { sql } from 'drizzle-orm';
import { encodeStatisticsKey, type RateIndicator, type StatisticsScope, type StatRow } from '../../../../kernel/statistics.js';
import type { CasesDb } from '../../repo.js';
import { createCaseStatistics, createCaseTables } from '../../statistics.js';
import { evaluationSql } from './evaluation-hook.js';
import { scorecard, type ComponentCounts, type ScorecardCode, type ScorecardComponentValue } from './weights.js';

// Scorecards per agency for a statistics scope (issue 30). The indicator components are the `statistics` indicators
// themselves (statistics.ts, docs/indicators.md) grouped by agency; the clue component is one GROUP BY over the clues;
// evaluation comes from the evaluation hook. A fixed number of statements whatever the number of agencies or cases.

type Orm = CasesDb['orm'];

export interface AgencyScorecardValue {
  agencyId: string;
  total: number | null;
  components: ScorecardComponentValue[];
}

export interface ClueCount {
  modelCode: string;
  raised: number;
  open: number;
  accepted: number;
  dismissed: number;
}

const agencyFilter = (s: StatisticsScope) => (s.agencyId ? sql` AND agency_id = ${s.agencyId}` : sql``);

export const supervisionSql = {
  /** Clues raised in the period, per agency: raised and handled (accepted or dismissed). */
  clueHandling: (s: StatisticsScope) => sql`
    SELECT agency_id AS grp, SUM(CASE WHEN status <> 'OPEN' THEN 1 ELSE 0 END) AS num, COUNT(*) AS den
    FROM supervision_clues WHERE raised_on BETWEEN ${s.from} AND ${s.to}${agencyFilter(s)} GROUP BY agency_id`,
  /** Clues raised in the period, per model and status. */
  cluesByModel: (s: StatisticsScope) => sql`
    SELECT model_code AS m, status AS st, COUNT(*) AS n
    FROM supervision_clues WHERE raised_on BETWEEN ${s.from} AND ${s.to}${agencyFilter(s)} GROUP BY model_code, status`,
};

const byAgency = (r: RateIndicator, invert = false): Map<string, ComponentCounts> =>
  new Map(r.groups.map((g) => [g.group, { numerator: invert ? g.denominator - g.numerator : g.numerator, denominator: g.denominator }]));

export function createScorecards(orm: Orm) {
  const rows = async (q: ReturnType<typeof sql>): Promise<StatRow[]> => (await orm.execute(q))[0] as unknown as StatRow[];
  return {
    async scorecards(scope: StatisticsScope, today: string): Promise<AgencyScorecardValue[]> {
      const base = { agencyId: scope.agencyId, from: scope.from, to: scope.to, groupBy: 'AGENCY' as const };
      const s: StatisticsScope = { ...base, key: encodeStatisticsKey(base) };
      const stats = createCaseStatistics(orm);
      const tables = createCaseTables(orm);
      const parts: [ScorecardCode, Map<string, ComponentCounts>][] = [
        ['REVIEW_COVERAGE', byAgency(await stats.reviewCoverage(s))],
        ['WITHIN_TIME_LIMIT', byAgency(await stats.beyond90Days(s, today), true)],
        ['SERVICE_TIMELINESS', byAgency(await stats.serviceTimeliness(s, today))],
        ['PUBLICATION_TIMELINESS', byAgency(await stats.publicationTimeliness(s, today))],
        ['WITHDRAWAL_TIMELINESS', byAgency(await stats.withdrawalTimeliness(s, today))],
        ['RECORD_COMPLETENESS', byAgency(await stats.recordCompleteness(s))],
        ['RELIEF_UPHELD', byAgency(await tables.correctionRate(s), true)],
      ];
      const clues = new Map<string, ComponentCounts>();
      for (const r of await rows(supervisionSql.clueHandling(s))) clues.set(String(r.grp), { numerator: Number(r.num ?? 0), denominator: Number(r.den ?? 0) });
      parts.push(['CLUE_HANDLING', clues]);
      const evaluated = new Map<string, ComponentCounts>();
      for (const r of await rows(evaluationSql(s))) evaluated.set(String(r.grp), { numerator: Number(r.num ?? 0), denominator: Number(r.den ?? 0) });
      parts.push(['EVALUATION', evaluated]);
      const agencies = new Set<string>();
      for (const [, m] of parts) for (const a of m.keys()) if (a !== 'ALL' && (!scope.agencyId || a === scope.agencyId)) agencies.add(a);
      return [...agencies].sort().map((agencyId) => {
        const counts: Partial<Record<ScorecardCode, ComponentCounts>> = {};
        for (const [code, m] of parts) {
          const c = m.get(agencyId);
          if (c) counts[code] = c;
        }
        return { agencyId, ...scorecard(counts) };
      });
    },

    async cluesByModel(scope: StatisticsScope): Promise<ClueCount[]> {
      const acc = new Map<string, ClueCount>();
      for (const r of await rows(supervisionSql.cluesByModel(scope))) {
        const code = String(r.m);
        const c = acc.get(code) ?? { modelCode: code, raised: 0, open: 0, accepted: 0, dismissed: 0 };
        const n = Number(r.n ?? 0);
        c.raised += n;
        if (r.st === 'OPEN') c.open += n;
        if (r.st === 'ACCEPTED') c.accepted += n;
        if (r.st === 'DISMISSED') c.dismissed += n;
        acc.set(code, c);
      }
      return [...acc.values()];
    },
  };
}
