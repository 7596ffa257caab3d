import type { FieldProblem } from '../../../kernel/errors.js';
import { canonicalAmount, cents } from './rules.js';

// The outcome of a reconsideration or lawsuit against a decision (issue 26), as a pure rule: an outcome that corrects
// the decision — changed, revoked, confirmed illegal, confirmed void — is registered only with the number of the
// document that decided it (复议决定书 / 判决书文号: 行政复议法 Art. 75; 行政诉讼法 Art. 80), so no one revokes a
// decision by typing an outcome. A CHANGED outcome states what changed; when the decision ordered a fine, the fine as
// changed (the decision is executed as changed, 行政诉讼法 Art. 77). 确认无效 (行政诉讼法 Art. 75; 行政复议法 Art. 67)
// can be recorded and ends the decision. No database, no clock.

export const CORRECTING = ['CHANGED', 'REVOKED', 'CONFIRMED_ILLEGAL', 'CONFIRMED_VOID'] as const;

export interface ReliefOutcomeFacts {
  outcome: string;
  documentNumber: string | null;
  correction: string | null;
  changedFineAmount: string | null | undefined;
  /** The fine the decision orders now (null: it orders none). */
  decidedFine: string | null;
}

/** Problems of a relief outcome (empty: fine); `changedFineAmount` comes back canonical. */
export function reliefOutcomeProblems(f: ReliefOutcomeFacts): { problems: FieldProblem[]; changedFineAmount: string | null } {
  const problems: FieldProblem[] = [];
  const correcting = (CORRECTING as readonly string[]).includes(f.outcome);
  if (correcting && !f.documentNumber) {
    problems.push({ field: 'documentNumber', reason: '变更、撤销、确认违法或无效的结果须载明复议决定书或裁判文书的文号' });
  }
  const fine = changedFineProblems(f.outcome, f.changedFineAmount, f.decidedFine);
  return { problems: [...problems, ...fine.problems], changedFineAmount: fine.changedFineAmount };
}

/**
 * The principal's own correction of a decision (行政处罚法 Art. 75(2)) is itself a decision document: the 变更、撤销、
 * 确认违法或无效的决定书 carries its number like every other decision document (R18; 公示规定 Art. 11 publishes the
 * withdrawal against it). Returns the normalised number, or the problem.
 */
export function principalChangeDocumentProblem(documentNumber: string | null | undefined): { problems: FieldProblem[]; documentNumber: string | null } {
  const n = documentNumber?.trim() || null;
  if (!n)
    return {
      problems: [{ field: 'documentNumber', reason: '负责人变更、撤销或确认违法、无效原决定，须载明所作决定书的文书编号（文号）' }],
      documentNumber: null,
    };
  if (n.length > 100) return { problems: [{ field: 'documentNumber', reason: '文书编号不超过 100 个字符' }], documentNumber: null };
  return { problems: [], documentNumber: n };
}

/** A change of a decision that ordered a fine names the fine as changed; only a change does (principal or relief). */
export function changedFineProblems(
  kind: string,
  changedFineAmount: string | null | undefined,
  decidedFine: string | null,
): { problems: FieldProblem[]; changedFineAmount: string | null } {
  const problems: FieldProblem[] = [];
  let amount: string | null = null;
  const given = changedFineAmount?.trim() || null;
  const f = { outcome: kind, decidedFine };
  if (given != null) {
    if (f.outcome !== 'CHANGED') problems.push({ field: 'changedFineAmount', reason: '只有结果为变更时才载明变更后的罚款' });
    else if (!/^(0|[1-9]\d{0,13})(\.\d{1,2})?$/.test(given))
      problems.push({ field: 'changedFineAmount', reason: '须为不带符号的十进制金额（元，最多两位小数）' });
    else if (f.decidedFine == null) problems.push({ field: 'changedFineAmount', reason: '原决定没有罚款，不能变更罚款数额' });
    else amount = canonicalAmount(given);
  } else if (f.outcome === 'CHANGED' && f.decidedFine != null && cents(f.decidedFine) > 0n) {
    problems.push({ field: 'changedFineAmount', reason: '原决定有罚款：变更的结果须载明变更后的罚款数额（按变更后的决定执行）' });
  }
  return { problems, changedFineAmount: amount };
}
