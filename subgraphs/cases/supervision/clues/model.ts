import { sql, type SQL } from 'drizzle-orm';
import { shanghaiDayEndUtc, shanghaiDayStartUtc } from '../../../../kernel/statistics.js';

// The common interface of a problem model (issue 30, docs/supervision-models.md). A model is data plus ONE
// set-based statement: given a period, an agency (or all) and its parameters it returns the rows that trip it, in
// the standard shape below. The number of statements a run costs is the number of models, whatever the data size.

export const SUBJECT_KINDS = ['OFFICER', 'OFFICER_PAIR', 'CASE', 'POWER_ITEM', 'PARTY', 'INSPECTION_TASK', 'AGENCY'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export interface LegalAnchor {
  law: string;
  article: string;
  /** Quoted from /work/shared/law (or the plan) — why the pattern matters. */
  excerpt: string;
}

export interface ModelParameterSpec {
  value: number;
  /** What the parameter means (Chinese, shown with the model). */
  meaning: string;
}

export interface ModelScope {
  agencyId: string | null;
  from: string;
  to: string;
  /** The business date of the run (overdue judgements). */
  today: string;
}

/** An inspection result with problems found, from `inspections` (only the R19 join model uses it). */
export interface ProblemInspection {
  resultId: string;
  taskId: string;
  uscc: string;
  agencyId: string;
  completedOn: string;
}

export interface FederatedFacts {
  problemInspections: ProblemInspection[];
}

export type Params = Record<string, number>;

export interface ProblemModel {
  code: string;
  name: string;
  definition: string;
  legalAnchor: LegalAnchor[];
  subjectKind: SubjectKind;
  parameters: Record<string, ModelParameterSpec>;
  /** Which threshold parameter the measure is compared with (shown as the clue's threshold). */
  thresholdParameter: string;
  /** Federated facts the model needs besides the cases database. */
  needs?: 'problemInspections';
  /**
   * ONE statement returning rows (agency_id, sup, subject, measure, hits, base, case_ids), only the ones that trip the
   * model: `sup` is the supervising agency (the entrusting agency, else the agency), `case_ids` a JSON array (nulls
   * and repeats allowed: the framework cleans them).
   */
  statement: (scope: ModelScope, p: Params, facts: FederatedFacts) => SQL;
  /** A one-line Chinese summary of one finding. */
  summary: (f: { subject: string; measure: number; hits: number; base: number }, p: Params) => string;
}

export const defaultParams = (m: ProblemModel): Params => Object.fromEntries(Object.entries(m.parameters).map(([k, v]) => [k, v.value]));

// ---------- SQL building blocks shared by the models

export const agencyFilter = (scope: ModelScope, column = 'c.agency_id'): SQL => (scope.agencyId ? sql` AND ${sql.raw(column)} = ${scope.agencyId}` : sql``);
export const SUP = sql.raw('MAX(COALESCE(c.in_name_of_agency_id, c.agency_id))');
/** The instants of the period's Beijing days, for DATETIME(3) UTC columns (record entries). */
export const periodInstants = (scope: ModelScope) => ({ start: shanghaiDayStartUtc(scope.from), end: shanghaiDayEndUtc(scope.to) });

/**
 * The handling officers of a case, one row each, without JSON_TABLE (which TiDB lacks): a fixed index table joined on
 * the array's length. A case lists at most a handful of handlers (R2: at least two); 8 covers any real squad.
 */
export const officerIndex = (alias: string): SQL =>
  sql.raw(
    `(SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7) ${alias}`,
  );
export const officerAt = (alias: string): string => `JSON_UNQUOTE(JSON_EXTRACT(c.handling_officer_ids, CONCAT('$[', ${alias}.i, ']')))`;

/** A JSON value of a text column, as text (JSON null → SQL NULL). */
export const jsonText = (column: string, path: string): string => `NULLIF(JSON_UNQUOTE(JSON_EXTRACT(${column}, '${path}')), 'null')`;

/** Ratio with 4 decimals, as every rate indicator (kernel/statistics.ts). */
export const ratio = (hits: number, base: number): number => (base > 0 ? Math.round((hits / base) * 10_000) / 10_000 : 0);
