import type { AgencyPolicyValue, EntrustmentValue, PublicationStatus } from './types.js';

// R1 for an agency's own settings (issue 25): the policy the case rules read (review of every general-procedure
// penalty, late-entry working days, case-number formats, publication periods, retention) and the written entrustment
// (委托书, 行政处罚法 Art. 20) are ex-ante documents like the power items: each version is drafted, submitted, approved
// by the agency's legal reviewer (not the drafter) and published; only the published version is in force. Until a
// first version is published, the settings recorded when the agency was established stay in force.

export type SettingKind = 'AGENCY_POLICY' | 'ENTRUSTMENT';

/** One code per agency and kind: every version of the agency's policy (or entrustment) shares it. */
export function settingsCode(kind: SettingKind, agencyId: string): string {
  return `${kind === 'AGENCY_POLICY' ? 'POLICY' : 'ENTRUSTMENT'}-${agencyId}`;
}

/** The value in force: the published version's, else the one recorded at establishment (version 0). */
export function settingInForce<T>(
  published: { id: string; versionNo: number; content: T } | null,
  established: T,
): { value: T; versionId: string | null; versionNo: number } {
  return published
    ? { value: published.content, versionId: published.id, versionNo: published.versionNo }
    : { value: established, versionId: null, versionNo: 0 };
}

/**
 * What a new draft starts from: the open draft when there is one (a second edit keeps the first), otherwise the
 * value in force. A version under review (SUBMITTED / APPROVED) cannot be edited: it is what the reviewer saw.
 */
export function draftBase<T>(latest: { status: PublicationStatus; content: T } | null, inForce: T): T {
  return latest?.status === 'DRAFT' ? latest.content : inForce;
}

export type { AgencyPolicyValue, EntrustmentValue };
