import type { RecordEntryRow } from '../db/schema.js';

// Reading record entries: their payloads, the events and payments among them, and which payload fields hold the
// party's personal data. Pure: no database, no clock.

export interface EventPayload {
  eventKind: string;
  occurredOn: string;
  officerIds: string[];
  location: string | null;
  serviceMethod: string | null;
  note: string | null;
  /** Why the act is entered more than the agency's setting after it happened (two times, issue 13). */
  lateEntryReason?: string | null;
  /** RIGHTS_NOTIFIED: the proposal the notice told the party about, and the notice document. */
  proposalId?: string | null;
  notice?: { documentNumber: string | null; contentHash: string; proposalHash: string } | null;
  /** HEARING_WAIVED: the party's written waiver document (issue 26); older entries have none and do not count. */
  waiver?: { documentNumber: string | null; contentHash: string } | null;
  /** SERVICE: the written notice that the decision will be published (公示规定 Art. 8). */
  publicationNoticeNumber?: string | null;
  /** DECISION_CHANGED: the fine as changed (the decision is executed as changed, issue 26). */
  changedFineAmount?: string | null;
  /** Fields holding the party's personal data (shown like Party.address). */
  personalFields?: string[];
}

export const parsePayload = <T>(e: RecordEntryRow): T => JSON.parse(e.payload) as T;
export const eventsOf = (entries: RecordEntryRow[]) => entries.filter((e) => e.kind === 'EVENT').map((e) => parsePayload<EventPayload>(e));

/** Fine payments recorded for a case (record entries of kind FINE_PAYMENT). */
export const paymentsOf = (entries: RecordEntryRow[]) =>
  entries.filter((e) => e.kind === 'FINE_PAYMENT').map((e) => parsePayload<{ amount: string; paidOn: string; receiptNumber: string }>(e));

/** Did the case ever enter this state (a TRANSITION entry to it)? */
export const transitionedTo = (entries: RecordEntryRow[], state: string) =>
  entries.some((e) => e.kind === 'TRANSITION' && parsePayload<{ to: string }>(e).to === state);

/** Activities at the party's home: their location is the party's address (留置送达 at the residence). */
const AT_PARTY_ADDRESS = ['LODGED_SERVICE'];

const normalizeAddress = (s: string) => s.replace(/\s+/g, '');

/**
 * Payload fields holding the party's personal data (issue 12: the lodged-service location is the party's home
 * address): marked at write, and shown only to those who may see Party.address (canSeeClassified), like the party.
 */
export function personalFieldsOf(party: { address: string | null } | null, activity: string | null, fields: { location?: string | null }): string[] {
  const loc = fields.location?.trim();
  if (!loc) return [];
  const home = party?.address ? normalizeAddress(party.address) : null;
  if (AT_PARTY_ADDRESS.includes(activity ?? '') || (home && normalizeAddress(loc).includes(home))) return ['location'];
  return [];
}
