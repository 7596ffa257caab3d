// 行政处罚法 Art. 20 (issue 26): an entrusted organisation acts only within its written entrustment (委托书) — on the
// entrusted items and within its period. Checked at every act the entrusted organisation performs on the date of the
// act (investigating, recording, proposing, notifying, serving …), not only at filing: an act after the 委托书 expired
// is an act without authority. Pure: no database, no clock.

export { entrustmentProblem, type EntrustmentTerms } from '../../../kernel/entrustment.js';

/** The agency in whose name the case is decided: the entrusting agency for an entrusted organisation's case (Art. 20). */
export const decidingAgencyId = (c: { agencyId: string; inNameOfAgencyId?: string | null }) => c.inNameOfAgencyId ?? c.agencyId;

/**
 * Who may perform the deciding agency's own acts on a case — the principal's decision in the general procedure, the
 * collective discussion, the principal's correction of the decision (Art. 20(3): the entrusting agency is responsible
 * for the entrusted organisation's acts, which are done in its name; Art. 57, 75(2)): staff of that agency. The
 * entrusted organisation's staff see the case but may not decide it in their own name (FORBIDDEN); anyone else is
 * told nothing about the case (NOT_FOUND, no existence oracle). Null: may act.
 */
export function decidingAgencyRefusal(
  caller: { agencyId?: string | null },
  c: { agencyId: string; inNameOfAgencyId?: string | null },
): { code: 'NOT_FOUND' } | { code: 'FORBIDDEN'; reason: string } | null {
  const deciding = decidingAgencyId(c);
  if (caller.agencyId === deciding) return null;
  if (caller.agencyId === c.agencyId) {
    return {
      code: 'FORBIDDEN',
      reason: '受委托组织应以委托机关名义实施行政处罚，不得以自己名义作出决定：普通程序案件由委托机关负责人决定（行政处罚法第二十条）',
    };
  }
  return { code: 'NOT_FOUND' };
}

/**
 * Whose review catalog and policy decide whether legal review (and collective discussion) is required (R5; issue 26):
 * the deciding agency's. An entrusted organisation acts in the entrusting agency's name and that agency decides and is
 * responsible (Art. 20(3), 58): the squad's own catalog or `reviewAllGeneralProcedurePenalties` neither adds nor lifts
 * the bureau's requirement.
 */
export const reviewSettingsAgencyId = (c: { agencyId: string; inNameOfAgencyId?: string | null }) => decidingAgencyId(c);
