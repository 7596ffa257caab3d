import type { Caller } from '../../../kernel/identity.js';
import { forbidden } from '../../../kernel/errors.js';
import type { PublicationStatus } from './types.js';

// Who sees what in the powers subgraph (ex-ante information is public once published).

const OVERSIGHT = new Set(['ADMIN', 'SUPERVISOR', 'SERVICE']);
const AGENCY_STAFF = new Set(['OFFICER', 'REVIEWER', 'PRINCIPAL']);

/** Drafts and the approval trail: the agency's own staff, oversight, and services. */
export function canSeeUnpublished(caller: Caller, agencyId: string): boolean {
  return OVERSIGHT.has(caller.role) || (AGENCY_STAFF.has(caller.role) && caller.agencyId === agencyId);
}

/** The public sees what is or was published (history stays queryable, R1). */
export function isPubliclyVisible(status: PublicationStatus, publishedAt: Date | null): boolean {
  return status === 'PUBLISHED' || (status === 'RETIRED' && publishedAt !== null);
}

export function canSeeDocument(caller: Caller, doc: { agencyId: string; status: PublicationStatus; publishedAt: Date | null }): boolean {
  return isPubliclyVisible(doc.status, doc.publishedAt) || canSeeUnpublished(caller, doc.agencyId);
}

/** Review qualification and the 法律职业资格 certificate are not public information. */
export const canSeeRestrictedOfficerFields = canSeeUnpublished;

/** The caller's role is one of these, or FORBIDDEN naming the act. */
export const requireRole = (caller: Caller, roles: Caller['role'][], what: string): void => {
  if (!roles.includes(caller.role)) throw forbidden(`${what}需要角色 ${roles.join('/')}`);
};
