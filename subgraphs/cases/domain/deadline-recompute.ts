import type { WorkingDayCalendar } from '../../../kernel/calendar.js';
import { recountDeadline } from '../../../kernel/deadline-recount.js';

// R12 and DOMAIN.md §5 (issue 26): a working-day deadline counted into a year whose State Council arrangement was not
// loaded is computed on weekends and fixed-date holidays only and marked unconfirmed. When the year is loaded, every
// such deadline still open is counted again — the same number of working days from the same day — on the loaded
// arrangement, so two acts of the same day get the same due date whichever came before the loading. A deadline already
// met (or missed) is history and is not rewritten. Pure: the calendars before and after the loading are given.

export const DEADLINE_KINDS = ['DECISION_DUE', 'SERVICE_DUE', 'PUBLICATION_DUE', 'WITHDRAWAL_DUE'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/**
 * Whether a case's decision due date is a working-day count (domain/facts.ts `decisionDue`): a licence's or an item's
 * time limit is; a penalty's 90 days (行政处罚法 Art. 60) are calendar days and no holiday arrangement moves them — so a
 * corrected arrangement must not recount them as working days.
 */
export const decisionDueCountsWorkingDays = (caseType: string) => caseType !== 'PENALTY' && caseType !== 'COERCION';

/** An open deadline as stored: the day it is counted from, its due date and whether the calendar was confirmed. */
export interface OpenDeadline {
  kind: DeadlineKind;
  caseId: string;
  publicationId?: string | null;
  countedFrom: string;
  dueOn: string;
  confirmed: boolean;
}

export interface RecomputedDeadline extends OpenDeadline {
  /** The working days the deadline counts (as counted when it was computed). */
  workingDays: number;
  to: { date: string; confirmed: boolean };
}

/**
 * The deadline counted again on the calendar after the loading, or null when nothing changes (kernel/deadline-recount.ts).
 * A deadline confirmed under an earlier arrangement of the year is counted again too when that arrangement is replaced
 * by a corrected one (issue 26, part D); under an unchanged calendar it comes out the same.
 */
export function recomputeDeadline(d: OpenDeadline, before: WorkingDayCalendar, after: WorkingDayCalendar): RecomputedDeadline | null {
  const r = recountDeadline(d, before, after);
  return r && { ...d, ...r };
}
