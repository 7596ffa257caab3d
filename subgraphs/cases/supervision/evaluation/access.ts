import type { Caller } from '../../../../kernel/identity.js';

// Who sees what of 案卷评查 (issue 30). Pure, from the token and the round row.
//   SUPERVISOR: the rounds their agency organised (no agency: every round), every file in them.
//   OFFICER / REVIEWER / PRINCIPAL: rounds that include their agency, and only their agency's files and rectifications.
//   ANALYST: aggregates only (evaluationResults), never rounds or files.
//   PUBLIC, PARTNER: nothing.
//   ADMIN, SERVICE: everything (operations, the scorecard's server-side read).

export type RoundView = 'ALL_FILES' | 'OWN_FILES' | 'NONE';

const STAFF = ['OFFICER', 'REVIEWER', 'PRINCIPAL'];

export function roundView(caller: Caller, round: { supervisingAgencyId: string | null; agencyIds: readonly string[] }): RoundView {
  if (caller.role === 'ADMIN' || caller.role === 'SERVICE') return 'ALL_FILES';
  if (caller.role === 'SUPERVISOR') return caller.agencyId === null || caller.agencyId === round.supervisingAgencyId ? 'ALL_FILES' : 'NONE';
  if (STAFF.includes(caller.role) && caller.agencyId && round.agencyIds.includes(caller.agencyId)) return 'OWN_FILES';
  return 'NONE';
}

export const fileVisible = (caller: Caller, view: RoundView, file: { agencyId: string }) =>
  view === 'ALL_FILES' || (view === 'OWN_FILES' && file.agencyId === caller.agencyId);

/**
 * Aggregates: which of the asked agencies the caller may see results for; throws nothing, the resolver refuses when a
 * caller may see none of them. Supervisors' reach is checked by the resolver with the entrustment links.
 */
export function resultsScope(caller: Caller): 'ALL' | 'SUPERVISED' | 'OWN' | 'NONE' {
  if (['ANALYST', 'ADMIN', 'SERVICE'].includes(caller.role)) return 'ALL';
  if (caller.role === 'SUPERVISOR') return caller.agencyId === null ? 'ALL' : 'SUPERVISED';
  if (STAFF.includes(caller.role) && caller.agencyId) return 'OWN';
  return 'NONE';
}
