import type { WorkingDayCalendar } from '../../../kernel/calendar.js';
import { recountDeadline, type Recount } from '../../../kernel/deadline-recount.js';

// R12 in the reviews database (issue 26, part D): a review round's due date (the agency's review time limit in working
// days from the submission) is a working-day deadline like the cases' ones. When a year's arrangement is loaded — or a
// loaded one replaced by a corrected one — every round still open (no opinion recorded) is counted again: the same
// working days from the same day. A round concluded is history (its due date, met or missed, stays). Pure.

export interface OpenRoundDue {
  reviewId: string;
  roundNo: number;
  /** The submission date (Asia/Shanghai): the day the review time limit counts from. */
  countedFrom: string;
  dueOn: string;
  confirmed: boolean;
  /** Set once the opinion is recorded: such a round is never recounted. */
  concluded: boolean;
}

export type RecomputedRoundDue = Omit<OpenRoundDue, 'concluded'> & Recount;

export function recomputeRoundDue(r: OpenRoundDue, before: WorkingDayCalendar, after: WorkingDayCalendar): RecomputedRoundDue | null {
  if (r.concluded) return null;
  const n = recountDeadline(r, before, after);
  if (!n) return null;
  const { concluded: _concluded, ...open } = r;
  return { ...open, ...n };
}
