import type { Caller } from '../../../kernel/identity.js';

// Who may read a case, and who may see its classified parts: pure, from the caller's token and the case row.

const ACTING_ROLES = ['OFFICER', 'REVIEWER', 'PRINCIPAL'];

/** The case's agency, and for an entrusted organisation's case the entrusting agency that decides it (Art. 20). */
const ofCase = (caller: Caller, c: { agencyId: string; inNameOfAgencyId?: string | null }) =>
  !!caller.agencyId && (caller.agencyId === c.agencyId || caller.agencyId === c.inNameOfAgencyId);

export function canReadCase(caller: Caller, c: { agencyId: string; inNameOfAgencyId?: string | null }): boolean {
  if (['SUPERVISOR', 'ADMIN', 'SERVICE'].includes(caller.role)) return true;
  return ACTING_ROLES.includes(caller.role) && ofCase(caller, c);
}

/** Who may see classified content (COMMERCIAL_SECRET, PERSONAL_PRIVACY) and the party's ID number. */
export function canSeeClassified(caller: Caller, c: { agencyId: string; inNameOfAgencyId?: string | null; handlingOfficerIds: string[] }): boolean {
  if (caller.role === 'SUPERVISOR' || caller.role === 'SERVICE') return true;
  if (!ofCase(caller, c)) return false;
  // Legal staff and the principal review and decide (for an entrusted organisation's case: the entrusting agency's).
  if (caller.role === 'REVIEWER' || caller.role === 'PRINCIPAL') return true;
  if (caller.agencyId !== c.agencyId) return false;
  return caller.role === 'OFFICER' && !!caller.officerId && c.handlingOfficerIds.includes(caller.officerId);
}
