import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { TestSystem } from './system.js';

// Issue 30: the 评议考核 scorecard recomputed from plain SQL, component by component, and the total from the weights
// documented in docs/supervision-models.md (written out here, not imported: the test checks the code against the doc).

export const DOCUMENTED_WEIGHTS: Record<string, number> = {
  REVIEW_COVERAGE: 15,
  WITHIN_TIME_LIMIT: 15,
  SERVICE_TIMELINESS: 10,
  PUBLICATION_TIMELINESS: 10,
  WITHDRAWAL_TIMELINESS: 5,
  RECORD_COMPLETENESS: 10,
  RELIEF_UPHELD: 10,
  CLUE_HANDLING: 10,
  EVALUATION: 15,
};

export interface PlainCounts {
  n: number;
  d: number;
}

/** Every component's numerator and denominator for one agency and period, from plain SQL over the tables. */
export async function plainScorecard(sys: TestSystem, a: string, from: string, to: string, today: string): Promise<Record<string, PlainCounts>> {
  const q = async (s: ReturnType<typeof sql>): Promise<PlainCounts> => {
    const row = ((await sys.casesDb.orm.execute(s)) as unknown as [{ n: unknown; d: unknown }[]])[0][0]!;
    return { n: Number(row.n ?? 0), d: Number(row.d ?? 0) };
  };
  return {
    REVIEW_COVERAGE: await q(sql`SELECT SUM(p.review_required = 1 AND c.decision_review_id IS NOT NULL) n, SUM(p.review_required = 1) d
        FROM cases c JOIN decision_proposals p ON p.id = c.decision_proposal_id WHERE c.agency_id = ${a} AND c.decided_on BETWEEN ${from} AND ${to}`),
    WITHIN_TIME_LIMIT:
      await q(sql`SELECT SUM(NOT ((c.decided_on IS NOT NULL AND c.decided_on > c.decision_due_on) OR (c.decided_on IS NULL AND c.decision_due_on < ${today}))
          AND (c.decided_on IS NOT NULL OR c.decision_due_on < ${today})) n, SUM(c.decided_on IS NOT NULL OR c.decision_due_on < ${today}) d
        FROM cases c WHERE c.agency_id = ${a} AND c.case_type = 'PENALTY' AND c.decision_due_on IS NOT NULL AND c.filed_on BETWEEN ${from} AND ${to}`),
    SERVICE_TIMELINESS: await q(sql`SELECT SUM(c.party_present_at_decision = 0 AND c.served_on <= c.service_due_on) n,
          SUM(c.party_present_at_decision = 0 AND (c.served_on IS NOT NULL OR c.service_due_on < ${today})) d
        FROM cases c WHERE c.agency_id = ${a} AND c.decided_on BETWEEN ${from} AND ${to}`),
    PUBLICATION_TIMELINESS: await q(sql`SELECT SUM(published_on IS NOT NULL AND published_on <= due_on) n,
          SUM(published_on IS NOT NULL OR (status <> 'WITHDRAWN' AND due_on < ${today})) d
        FROM publications WHERE agency_id = ${a} AND status <> 'EXEMPT' AND decision_date BETWEEN ${from} AND ${to}`),
    WITHDRAWAL_TIMELINESS: await q(sql`SELECT SUM(withdrawn_on <= withdrawal_due_on) n, COUNT(*) d
        FROM publications WHERE agency_id = ${a} AND withdrawal_due_on IS NOT NULL AND changed_on BETWEEN ${from} AND ${to}`),
    RECORD_COMPLETENESS: await q(
      sql`SELECT SUM(archived_on IS NOT NULL) n, COUNT(*) d FROM cases WHERE agency_id = ${a} AND closed_on BETWEEN ${from} AND ${to}`,
    ),
    RELIEF_UPHELD: await q(sql`SELECT SUM(outcome NOT IN ('CHANGED', 'REVOKED', 'CONFIRMED_ILLEGAL', 'CONFIRMED_VOID')) n, COUNT(*) d
        FROM relief_proceedings WHERE agency_id = ${a} AND outcome_on BETWEEN ${from} AND ${to}`),
    CLUE_HANDLING: await q(
      sql`SELECT SUM(status <> 'OPEN') n, COUNT(*) d FROM supervision_clues WHERE agency_id = ${a} AND raised_on BETWEEN ${from} AND ${to}`,
    ),
    EVALUATION: await q(sql`SELECT SUM(f.score) n, SUM(f.max_score) d FROM evaluation_files f JOIN evaluation_rounds r ON r.id = f.round_id
        WHERE f.state = 'SCORED' AND f.agency_id = ${a} AND r.period_from >= ${from} AND r.period_to <= ${to}`),
  };
}

export const SCORECARD_QUERY = `query($a: ID!, $from: Date!, $to: Date!) { statistics(filter: { agencyId: $a, from: $from, to: $to }) { supervision {
  scorecards { agencyId total components { code weight score numerator denominator } } } } }`;

interface Card {
  total: number | null;
  components: { code: string; weight: number; score: number | null; numerator: number; denominator: number }[];
}

/** Each component equals plain SQL with its documented weight; the total is the weighted mean of those with data. */
export function expectScorecardFromPlainSql(card: Card, plain: Record<string, PlainCounts>): void {
  let weighted = 0;
  let weights = 0;
  for (const c of card.components) {
    const { n, d } = plain[c.code]!;
    expect([c.code, c.numerator, c.denominator, c.weight]).toEqual([c.code, n, d, DOCUMENTED_WEIGHTS[c.code]]);
    expect(c.score).toBe(d ? Math.round((n / d) * 10_000) / 10_000 : null);
    if (d) {
      weighted += DOCUMENTED_WEIGHTS[c.code]! * (n / d);
      weights += DOCUMENTED_WEIGHTS[c.code]!;
    }
  }
  expect(card.components.map((c) => c.code).sort()).toEqual(Object.keys(DOCUMENTED_WEIGHTS).sort());
  expect(card.total).toBe(weights ? Math.round((weighted / weights) * 100 * 100) / 100 : null);
}
