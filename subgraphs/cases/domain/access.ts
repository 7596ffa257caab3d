import type { Caller } from '../../../kernel/identity.js';

// Who may read a case, and who may see its classified parts: pure, from the caller's token and the case row.

const ACTING_ROLES = ['OFFICER', 'REVIEWER', 'PRINCIPAL'];

export function canReadCase(caller: Caller, c: { agencyId: string }): boolean {
  if (['SUPERVISOR', 'ADMIN', 'SERVICE'].includes(caller.role)) return true;
  return ACTING_ROLES.includes(caller.role) && caller.agencyId === c.agencyId;
}

/** Who may see classified content (COMMERCIAL_SECRET, PERSONAL_PRIVACY) and the party's ID number. */
export function canSeeClassified(caller: Caller, c: { agencyId: string; handlingOfficerIds: string[] }): boolean {
  if (caller.role === 'SUPERVISOR' || caller.role === 'SERVICE') return true;
  if (caller.agencyId !== c.agencyId) return false;
  if (caller.role === 'REVIEWER' || caller.role === 'PRINCIPAL') return true;
  return caller.role === 'OFFICER' && !!caller.officerId && c.handlingOfficerIds.includes(caller.officerId);
}
