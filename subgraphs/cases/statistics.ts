import { sql, type SQL } from 'drizzle-orm';
import {
  countIndicator,
  durationIndicator,
  rateIndicator,
  type CountIndicator,
  type DurationIndicator,
  type RateIndicator,
  type StatisticsScope,
  type StatRow,
} from '../../kernel/statistics.js';
import type { CasesDb } from './repo.js';
import { dimensionsOf, statisticsTable, type Dimension, type StatisticsTable } from '../../kernel/statistics-tables.js';

// Indicators owned by `cases` (issue 7; definitions in docs/indicators.md). Each indicator is ONE
// aggregate statement over an index range of its anchor date (see the covering indexes `cases_stats_*`
// and `publications_stats_*`, migration 0004): the number of statements never depends on the data.

type Orm = CasesDb['orm'];

export interface AmountGroup {
  group: string;
  count: number;
  amount: string;
}
export interface AmountIndicator {
  count: number;
  amount: string;
  groups: AmountGroup[];
}

/** Yuan amount (DECIMAL string from MySQL) to cents, exactly. */
export function toCents(v: unknown): bigint {
  if (v === null || v === undefined || v === '') return 0n;
  const s = String(v).trim();
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) throw new Error(`not a decimal amount: ${s}`);
  const frac = ((m[3] ?? '') + '00').slice(0, 2);
  const c = BigInt(m[2]!) * 100n + BigInt(frac);
  return m[1] ? -c : c;
}
export const centsToYuan = (c: bigint): string => {
  const neg = c < 0n;
  const a = neg ? -c : c;
  return `${neg ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
};

/** Rows of `SELECT grp, COUNT(x) n, SUM(x) amount … GROUP BY grp`, summed exactly in cents. */
export function amountIndicator(rows: readonly StatRow[]): AmountIndicator {
  const groups = rows
    .map((r) => ({ group: String(r.grp ?? 'ALL'), count: Number(r.n ?? 0), cents: toCents(r.amount) }))
    .filter((g) => g.count > 0)
    .sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
  const total = groups.reduce((s, g) => s + g.cents, 0n);
  return {
    count: groups.reduce((s, g) => s + g.count, 0),
    amount: centsToYuan(total),
    groups: groups.map((g) => ({ group: g.group, count: g.count, amount: centsToYuan(g.cents) })),
  };
}

/** The grouping expression for an anchor date, a category column and an agency column. */
function groupOf(scope: StatisticsScope, anchor: string, category: string, agency: string): SQL {
  switch (scope.groupBy) {
    case 'MONTH':
      return sql.raw(`DATE_FORMAT(${anchor}, '%Y-%m')`);
    case 'CATEGORY':
      return sql.raw(category);
    case 'AGENCY':
      return sql.raw(agency);
    default:
      return sql.raw(`'ALL'`);
  }
}

const agencyFilter = (scope: StatisticsScope, column: string): SQL => (scope.agencyId ? sql` AND ${sql.raw(column)} = ${scope.agencyId}` : sql``);
const confiscation = `CAST(NULLIF(JSON_UNQUOTE(JSON_EXTRACT(p.content, '$.confiscationAmount')), 'null') AS DECIMAL(16,2))`;

/**
 * R5 at the decision (issue 26): review was required by the rule when the proposal's catalog match said so, or when the
 * decision followed a hearing (行政处罚法 Art. 58(1)(2); the seed: "经过听证程序作出行政执法决定…应当进行法制审核") —
 * read from the record log, so a heard decision made without review is counted and seen, whatever the gate did.
 */
export const HEARING_HELD_SQL = `EXISTS (SELECT 1 FROM record_entries re WHERE re.case_id = c.id AND re.kind = 'EVENT'
  AND JSON_UNQUOTE(JSON_EXTRACT(re.payload, '$.eventKind')) = 'HEARING_HELD')`;
export const REVIEW_REQUIRED_BY_RULE = `(p.review_required = 1 OR ${HEARING_HELD_SQL})`;

/** The SQL of each indicator (exported so docs and tests can EXPLAIN exactly what runs). */
export const caseIndicatorSql = {
  /** Cases filed in the period by a key column (case_type or state). */
  filedBy: (scope: StatisticsScope, key: 'case_type' | 'state'): SQL => sql`
    SELECT ${groupOf(scope, 'c.filed_on', 'c.case_type', 'c.agency_id')} AS grp, ${sql.raw(`c.${key}`)} AS k, COUNT(*) AS n
    FROM cases c
    WHERE c.filed_on BETWEEN ${scope.from} AND ${scope.to}${agencyFilter(scope, 'c.agency_id')}
    GROUP BY grp, k`,

  /**
   * R10: of the cases of one type filed in the period (with a time limit), decided after it or undecided past it.
   * PENALTY: the 90 days of 行政处罚法 Art. 60 (beyond90Days); LICENSING: the working-day limit of 行政许可法 Art. 42
   * (licensingBeyondTimeLimit). Types without a limit (a compulsory measure, an inspection) are in neither (issue 26).
   */
  beyondTimeLimit: (scope: StatisticsScope, today: string, caseType: 'PENALTY' | 'LICENSING'): SQL => sql`
    SELECT ${groupOf(scope, 'c.filed_on', 'c.case_type', 'c.agency_id')} AS grp,
      SUM(CASE WHEN (c.decided_on IS NOT NULL AND c.decided_on > c.decision_due_on) OR (c.decided_on IS NULL AND c.decision_due_on < ${today}) THEN 1 ELSE 0 END) AS num,
      SUM(CASE WHEN c.decided_on IS NOT NULL OR c.decision_due_on < ${today} THEN 1 ELSE 0 END) AS den,
      SUM(CASE WHEN c.decided_on IS NULL AND c.decision_due_on >= ${today} THEN 1 ELSE 0 END) AS excl
    FROM cases c
    WHERE c.filed_on BETWEEN ${scope.from} AND ${scope.to} AND c.case_type = ${caseType} AND c.decision_due_on IS NOT NULL${agencyFilter(scope, 'c.agency_id')}
    GROUP BY grp`,

  /** Decisions made in the period with their proposal (primary-key lookup per decided case). */
  decided: (scope: StatisticsScope, select: SQL, extraGroup: SQL = sql``): SQL => sql`
    SELECT ${groupOf(scope, 'c.decided_on', 'c.case_type', 'c.agency_id')} AS grp, ${select}
    FROM cases c JOIN decision_proposals p ON p.id = c.decision_proposal_id
    WHERE c.decided_on BETWEEN ${scope.from} AND ${scope.to}${agencyFilter(scope, 'c.agency_id')}
    GROUP BY grp${extraGroup}`,

  /** R12: publications of decisions made in the period (not exempt). */
  publicationTimeliness: (scope: StatisticsScope, today: string): SQL => sql`
    SELECT ${groupOf(scope, 'pu.decision_date', 'pu.case_type', 'pu.agency_id')} AS grp,
      SUM(CASE WHEN pu.published_on IS NOT NULL AND pu.published_on <= pu.due_on THEN 1 ELSE 0 END) AS num,
      SUM(CASE WHEN pu.published_on IS NOT NULL OR (pu.status <> 'WITHDRAWN' AND pu.due_on < ${today}) THEN 1 ELSE 0 END) AS den,
      SUM(CASE WHEN pu.published_on IS NULL AND (pu.status = 'WITHDRAWN' OR pu.due_on >= ${today}) THEN 1 ELSE 0 END) AS excl
    FROM publications pu
    WHERE pu.decision_date BETWEEN ${scope.from} AND ${scope.to} AND pu.status <> 'EXEMPT'${agencyFilter(scope, 'pu.agency_id')}
    GROUP BY grp`,

  /** R14: decisions changed in the period whose publication had to be withdrawn. */
  withdrawalTimeliness: (scope: StatisticsScope, today: string): SQL => sql`
    SELECT ${groupOf(scope, 'pu.changed_on', 'pu.case_type', 'pu.agency_id')} AS grp,
      SUM(CASE WHEN pu.withdrawn_on IS NOT NULL AND pu.withdrawn_on <= pu.withdrawal_due_on THEN 1 ELSE 0 END) AS num,
      SUM(CASE WHEN pu.withdrawn_on IS NOT NULL OR pu.withdrawal_due_on < ${today} THEN 1 ELSE 0 END) AS den,
      SUM(CASE WHEN pu.withdrawn_on IS NULL AND pu.withdrawal_due_on >= ${today} THEN 1 ELSE 0 END) AS excl
    FROM publications pu
    WHERE pu.changed_on BETWEEN ${scope.from} AND ${scope.to} AND pu.withdrawal_due_on IS NOT NULL${agencyFilter(scope, 'pu.agency_id')}
    GROUP BY grp`,

  /** R18: cases closed in the period, archived (record complete) or not. */
  recordCompleteness: (scope: StatisticsScope): SQL => sql`
    SELECT ${groupOf(scope, 'c.closed_on', 'c.case_type', 'c.agency_id')} AS grp,
      SUM(CASE WHEN c.archived_on IS NOT NULL THEN 1 ELSE 0 END) AS num, COUNT(*) AS den, 0 AS excl
    FROM cases c
    WHERE c.closed_on BETWEEN ${scope.from} AND ${scope.to}${agencyFilter(scope, 'c.agency_id')}
    GROUP BY grp`,
};

export function createCaseStatistics(orm: Orm) {
  const rows = async (q: SQL): Promise<StatRow[]> => (await orm.execute(q))[0] as unknown as StatRow[];
  const S = caseIndicatorSql;
  return {
    byType: async (s: StatisticsScope): Promise<CountIndicator> => countIndicator(await rows(S.filedBy(s, 'case_type'))),
    byState: async (s: StatisticsScope): Promise<CountIndicator> => countIndicator(await rows(S.filedBy(s, 'state'))),
    beyond90Days: async (s: StatisticsScope, today: string): Promise<RateIndicator> => rateIndicator(await rows(S.beyondTimeLimit(s, today, 'PENALTY'))),
    licensingBeyondTimeLimit: async (s: StatisticsScope, today: string): Promise<RateIndicator> =>
      rateIndicator(await rows(S.beyondTimeLimit(s, today, 'LICENSING'))),
    byOutcome: async (s: StatisticsScope): Promise<CountIndicator> =>
      countIndicator(await rows(S.decided(s, sql`JSON_UNQUOTE(JSON_EXTRACT(p.content, '$.outcome')) AS k, COUNT(*) AS n`, sql`, k`))),
    fines: async (s: StatisticsScope): Promise<AmountIndicator> =>
      amountIndicator(await rows(S.decided(s, sql`COUNT(p.fine_amount) AS n, COALESCE(SUM(p.fine_amount), 0) AS amount`))),
    confiscations: async (s: StatisticsScope): Promise<AmountIndicator> =>
      amountIndicator(await rows(S.decided(s, sql.raw(`COUNT(${confiscation}) AS n, COALESCE(SUM(${confiscation}), 0) AS amount`)))),
    /** R5/R6: decisions whose proposal needed review, made on an APPROVED review (decision_review_id is the clearance's review). */
    reviewCoverage: async (s: StatisticsScope): Promise<RateIndicator> =>
      rateIndicator(
        await rows(
          S.decided(
            s,
            sql.raw(`SUM(CASE WHEN ${REVIEW_REQUIRED_BY_RULE} AND c.decision_review_id IS NOT NULL THEN 1 ELSE 0 END) AS num,
                SUM(CASE WHEN ${REVIEW_REQUIRED_BY_RULE} THEN 1 ELSE 0 END) AS den, 0 AS excl`),
          ),
        ),
      ),
    caseDuration: async (s: StatisticsScope): Promise<DurationIndicator> =>
      durationIndicator(
        await rows(S.decided(s, sql`COUNT(*) AS n, SUM(DATEDIFF(c.decided_on, c.filed_on)) AS total, MAX(DATEDIFF(c.decided_on, c.filed_on)) AS mx`)),
      ),
    /** R11: decisions made with the party absent, served within the 7 working days. */
    serviceTimeliness: async (s: StatisticsScope, today: string): Promise<RateIndicator> =>
      rateIndicator(
        await rows(
          S.decided(
            s,
            sql`SUM(CASE WHEN c.party_present_at_decision = 0 AND c.served_on IS NOT NULL AND c.served_on <= c.service_due_on AND COALESCE(c.service_recorded_on, c.served_on) <= c.service_due_on THEN 1 ELSE 0 END) AS num,
                SUM(CASE WHEN c.party_present_at_decision = 0 AND (c.served_on IS NOT NULL OR c.service_due_on < ${today}) THEN 1 ELSE 0 END) AS den,
                SUM(CASE WHEN c.party_present_at_decision = 0 AND c.served_on IS NULL AND c.service_due_on >= ${today} THEN 1 ELSE 0 END) AS excl`,
          ),
        ),
      ),
    publicationTimeliness: async (s: StatisticsScope, today: string): Promise<RateIndicator> => rateIndicator(await rows(S.publicationTimeliness(s, today))),
    withdrawalTimeliness: async (s: StatisticsScope, today: string): Promise<RateIndicator> => rateIndicator(await rows(S.withdrawalTimeliness(s, today))),
    recordCompleteness: async (s: StatisticsScope): Promise<RateIndicator> => rateIndicator(await rows(S.recordCompleteness(s))),
  };
}

export type CaseStatisticsService = ReturnType<typeof createCaseStatistics>;

// ---------- cross tables and the annual report's figures (issue 17)

/** The dimensions each table of `cases` can be counted over, and their SQL per source. */
export const TABLE_DIMENSIONS = {
  filed: ['AGENCY', 'MONTH', 'CATEGORY', 'PROCEDURE'],
  decisions: ['AGENCY', 'MONTH', 'CATEGORY', 'PROCEDURE', 'OUTCOME'],
  decisionTypes: ['AGENCY', 'MONTH', 'CATEGORY', 'PROCEDURE', 'DECISION_TYPE'],
  reliefReceived: ['AGENCY', 'MONTH', 'CATEGORY', 'RELIEF_KIND'],
  reliefConcluded: ['AGENCY', 'MONTH', 'CATEGORY', 'RELIEF_KIND', 'RELIEF_OUTCOME'],
} as const satisfies Record<string, readonly Dimension[]>;

const CASE_DIM: Partial<Record<Dimension, (anchor: string) => string>> = {
  AGENCY: () => 'c.agency_id',
  MONTH: (a) => `DATE_FORMAT(${a}, '%Y-%m')`,
  CATEGORY: () => 'c.case_type',
  PROCEDURE: () => 'c.procedure',
  OUTCOME: () => `JSON_UNQUOTE(JSON_EXTRACT(p.content, '$.outcome'))`,
  DECISION_TYPE: () => 'jt.penalty_type',
};
const RELIEF_DIM: Partial<Record<Dimension, (anchor: string) => string>> = {
  AGENCY: () => 'r.agency_id',
  MONTH: (a) => `DATE_FORMAT(${a}, '%Y-%m')`,
  CATEGORY: () => 'r.case_type',
  RELIEF_KIND: () => 'r.kind',
  RELIEF_OUTCOME: () => `COALESCE(r.outcome, 'PENDING')`,
};

/** `expr AS d0, expr AS d1 …` and `GROUP BY d0, d1 …` (nothing when no dimension: one total row). */
function dimsSql(dims: Dimension[], exprs: Partial<Record<Dimension, (anchor: string) => string>>, anchor: string): { select: SQL; group: SQL } {
  if (!dims.length) return { select: sql``, group: sql`` };
  const sel = dims.map((d, i) => `${exprs[d]!(anchor)} AS d${i}`).join(', ');
  return { select: sql.raw(`${sel}, `), group: sql.raw(` GROUP BY ${dims.map((_, i) => `d${i}`).join(', ')}`) };
}

const CONFISCATION = confiscation;
/** The amount a decision type carries: the fine, the confiscated amount (on 没收违法所得 when both kinds were imposed, once). */
const TYPE_AMOUNT = `CASE jt.penalty_type
  WHEN 'FINE' THEN p.fine_amount
  WHEN 'CONFISCATE_ILLEGAL_GAINS' THEN ${CONFISCATION}
  WHEN 'CONFISCATE_ILLEGAL_PROPERTY' THEN CASE WHEN JSON_CONTAINS(JSON_EXTRACT(p.content, '$.penaltyTypes'), '"CONFISCATE_ILLEGAL_GAINS"') THEN NULL ELSE ${CONFISCATION} END
  ELSE NULL END`;

const HEARING_EVENT = (kind: string) =>
  `EXISTS (SELECT 1 FROM record_entries e WHERE e.case_id = c.id AND e.kind = 'EVENT' AND JSON_UNQUOTE(JSON_EXTRACT(e.payload, '$.eventKind')) = '${kind}')`;

export const tableSql = {
  filed: (s: StatisticsScope, dims: Dimension[]): SQL => {
    const d = dimsSql(dims, CASE_DIM, 'c.filed_on');
    return sql`SELECT ${d.select}COUNT(*) AS n FROM cases c
      WHERE c.filed_on BETWEEN ${s.from} AND ${s.to}${agencyFilter(s, 'c.agency_id')}${d.group}`;
  },
  /** Decisions made in the period; the amount is the fines imposed. */
  decisions: (s: StatisticsScope, dims: Dimension[]): SQL => {
    const d = dimsSql(dims, CASE_DIM, 'c.decided_on');
    return sql`SELECT ${d.select}COUNT(*) AS n, COALESCE(SUM(p.fine_amount), 0) AS amount
      FROM cases c JOIN decision_proposals p ON p.id = c.decision_proposal_id
      WHERE c.decided_on BETWEEN ${s.from} AND ${s.to}${agencyFilter(s, 'c.agency_id')}${d.group}`;
  },
  /** Decisions made in the period, once per kind of penalty imposed (a decision may impose several, 并处). */
  decisionTypes: (s: StatisticsScope, dims: Dimension[]): SQL => {
    const d = dimsSql(dims, CASE_DIM, 'c.decided_on');
    return sql`SELECT ${d.select}COUNT(*) AS n, COALESCE(SUM(${sql.raw(TYPE_AMOUNT)}), 0) AS amount
      FROM cases c JOIN decision_proposals p ON p.id = c.decision_proposal_id
      JOIN JSON_TABLE(p.content, '$.penaltyTypes[*]' COLUMNS (penalty_type VARCHAR(40) PATH '$')) jt
      WHERE c.decided_on BETWEEN ${s.from} AND ${s.to}${agencyFilter(s, 'c.agency_id')}${d.group}`;
  },
  /** Of the decisions made in the period: hearings requested by the party and hearings held (行政处罚法第六十三、六十四条). */
  hearings: (s: StatisticsScope): SQL => sql`
    SELECT COALESCE(SUM(${sql.raw(HEARING_EVENT('HEARING_REQUESTED'))}), 0) AS requested,
      COALESCE(SUM(${sql.raw(HEARING_EVENT('HEARING_HELD'))}), 0) AS held
    FROM cases c
    WHERE c.decided_on BETWEEN ${s.from} AND ${s.to}${agencyFilter(s, 'c.agency_id')}`,
  reliefReceived: (s: StatisticsScope, dims: Dimension[]): SQL => {
    const d = dimsSql(dims, RELIEF_DIM, 'r.received_on');
    return sql`SELECT ${d.select}COUNT(*) AS n FROM relief_proceedings r
      WHERE r.received_on BETWEEN ${s.from} AND ${s.to}${agencyFilter(s, 'r.agency_id')}${d.group}`;
  },
  reliefConcluded: (s: StatisticsScope, dims: Dimension[]): SQL => {
    const d = dimsSql(dims, RELIEF_DIM, 'r.outcome_on');
    return sql`SELECT ${d.select}COUNT(*) AS n FROM relief_proceedings r
      WHERE r.outcome_on BETWEEN ${s.from} AND ${s.to}${agencyFilter(s, 'r.agency_id')}${d.group}`;
  },
  /** 纠错率: of the relief proceedings concluded in the period, those that changed, revoked or found the decision illegal. */
  correctionRate: (s: StatisticsScope): SQL => sql`
    SELECT ${groupOf(s, 'r.outcome_on', 'r.case_type', 'r.agency_id')} AS grp,
      SUM(CASE WHEN r.outcome IN ('CHANGED', 'REVOKED', 'CONFIRMED_ILLEGAL', 'CONFIRMED_VOID') THEN 1 ELSE 0 END) AS num, COUNT(*) AS den, 0 AS excl
    FROM relief_proceedings r
    WHERE r.outcome_on BETWEEN ${s.from} AND ${s.to}${agencyFilter(s, 'r.agency_id')}
    GROUP BY grp`,
};

export type TableName = keyof typeof TABLE_DIMENSIONS;

export function createCaseTables(orm: Orm) {
  const rows = async (q: SQL): Promise<StatRow[]> => (await orm.execute(q))[0] as unknown as StatRow[];
  return {
    table: async (name: TableName, s: StatisticsScope, by: readonly string[] | null | undefined): Promise<StatisticsTable> => {
      const dims = dimensionsOf(by, TABLE_DIMENSIONS[name], 'by');
      return statisticsTable(await rows(tableSql[name](s, dims)), dims, s, name === 'decisions' || name === 'decisionTypes');
    },
    hearings: async (s: StatisticsScope): Promise<{ requested: number; held: number }> => {
      const [r] = await rows(tableSql.hearings(s));
      return { requested: Number(r?.requested ?? 0), held: Number(r?.held ?? 0) };
    },
    correctionRate: async (s: StatisticsScope): Promise<RateIndicator> => rateIndicator(await rows(tableSql.correctionRate(s))),
  };
}
