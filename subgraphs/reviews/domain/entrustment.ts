import { entrustmentProblem, type EntrustmentTerms } from '../../../kernel/entrustment.js';

// 行政处罚法 Art. 20 (issue 26): submitting a case for legal review (送审) is an act of the handlers. On an entrusted
// organisation's case the handlers are the organisation's staff acting in the entrusting agency's name, so the 委托书 must
// be in force for the case's item on the day they submit — read from powers at the moment of the act, not the value the
// case had at filing. The entrusting agency's own acts (assigning, reviewing, deciding) need no entrustment. Pure.

/** Why the entrusted organisation's handlers may not submit this case today; null when they may (or it is not entrusted). */
export function entrustedSubmissionProblem(
  d: { agencyId: string; decidingAgencyId?: string | null; powerItemCode: string },
  entrustment: (EntrustmentTerms & { entrustingAgencyId?: string }) | null,
  date: string,
): string | null {
  if (!d.decidingAgencyId || d.decidingAgencyId === d.agencyId) return null;
  if (entrustment?.entrustingAgencyId && entrustment.entrustingAgencyId !== d.decidingAgencyId) {
    return `受委托组织不得送审：委托书 ${entrustment.documentNumber} 的委托机关不是本案以其名义实施处罚的机关（行政处罚法第二十条）`;
  }
  const problem = entrustmentProblem(entrustment, date, d.powerItemCode);
  return problem && `受委托组织不得送审：${problem}`;
}

/** Whether the case is an entrusted organisation's (acted on in another agency's name). */
export const isEntrustedCase = (d: { agencyId: string; decidingAgencyId?: string | null }) => !!d.decidingAgencyId && d.decidingAgencyId !== d.agencyId;
