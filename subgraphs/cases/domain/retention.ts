import type { CaseType, ProcedureKind } from './types.js';

// Archive retention (档案保管期限) by case type, an agency setting: the period runs from 1 January of the year
// after the file is archived (archive practice), so it ends on 31 December of archive year + years.

export interface RetentionRule {
  caseType: CaseType;
  procedure: ProcedureKind | null;
  years: number | null;
}

export interface Retention {
  years: number | null;
  /** The last day the file must be kept; null = permanently (永久). */
  until: string | null;
}

export function retentionFor(rules: readonly RetentionRule[], caseType: CaseType, procedure: ProcedureKind, archivedOn: string): Retention {
  const rule = rules.find((r) => r.caseType === caseType && r.procedure === procedure) ?? rules.find((r) => r.caseType === caseType && !r.procedure);
  // No rule for the type: keep it permanently rather than guess a period after which it may be destroyed.
  const years = rule ? rule.years : null;
  return { years, until: years === null ? null : `${Number(archivedOn.slice(0, 4)) + years}-12-31` };
}
