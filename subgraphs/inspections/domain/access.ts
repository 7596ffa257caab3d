import type { Caller } from '../../../kernel/identity.js';

// Who sees what (双随机、一公开): plans and completed tasks are public, results once published; inspectors
// (officers' personal data), unfinished tasks and unpublished results only the inspecting agency's staff and oversight.

const OVERSIGHT = new Set(['ADMIN', 'SUPERVISOR', 'SERVICE']);
const AGENCY_STAFF = new Set(['OFFICER', 'REVIEWER', 'PRINCIPAL']);

export const isOversight = (caller: Caller) => OVERSIGHT.has(caller.role);

/** `callerAgencyUsccs`: the USCCs the caller's agency id maps to (agency links from powers). */
export function canSeeInternal(caller: Caller, agencyUscc: string, callerAgencyUsccs: readonly string[]): boolean {
  return isOversight(caller) || (AGENCY_STAFF.has(caller.role) && callerAgencyUsccs.includes(agencyUscc));
}

/** Row scope for list queries: everything, public rows plus some agencies' internal ones, or public rows only. */
export type Scope = { all: true } | { all: false; agencyUsccs: string[] };
export function scopeOf(caller: Caller, callerAgencyUsccs: readonly string[]): Scope {
  if (isOversight(caller)) return { all: true };
  return { all: false, agencyUsccs: AGENCY_STAFF.has(caller.role) ? [...callerAgencyUsccs] : [] };
}

export const isTaskPublic = (t: { status: string }) => t.status === 'COMPLETED';
export const isResultPublic = (r: { publishedOn: string | null }, today: string) => r.publishedOn !== null && r.publishedOn <= today;
