import type { WorkingDayCalendar, YearArrangement } from './calendar.js';

// R12 and DOMAIN.md §5 (issue 26): a working-day deadline counted on one calendar, counted again on another — the same
// number of working days from the same day. Used when a year's State Council arrangement is loaded (the deadline was
// counted while the year was unconfirmed) and when a loaded year is replaced by a corrected arrangement (it was counted
// on the first one), in every service that keeps such deadlines (cases, reviews). Pure: both calendars are given.

export interface Recount {
  /** The working days the deadline counts (recovered with the calendar it was counted on). */
  workingDays: number;
  to: { date: string; confirmed: boolean };
}

/**
 * The deadline counted again on `after`, or null when nothing changes (same date and confirmation). The number of
 * working days is recovered with `before`, so the rule needs no knowledge of which period it is. A deadline whose days
 * fall outside the changed year comes out the same, so callers may pass any open deadline.
 */
export function recountDeadline(
  d: { countedFrom: string; dueOn: string; confirmed: boolean },
  before: WorkingDayCalendar,
  after: WorkingDayCalendar,
): Recount | null {
  const workingDays = before.workingDaysBetween(d.countedFrom, d.dueOn).days;
  if (workingDays < 0) return null; // a stored due date before its start was not counted by this rule
  const to = after.addWorkingDays(d.countedFrom, workingDays);
  if (to.date === d.dueOn && to.confirmed === d.confirmed) return null;
  return { workingDays, to };
}

/**
 * The calendars before and after a loading, as one service knows them: `stored` is the year's arrangement this service
 * last applied (null when it never did: then the year is the bundled one, or unconfirmed), so a reload of the same
 * arrangement finds nothing to change (idempotent) and a corrected one is compared with the arrangement the open
 * deadlines were actually counted on — not with whatever the process happens to hold in memory.
 */
export function loadingCalendars(
  current: WorkingDayCalendar,
  stored: YearArrangement | null,
  loaded: YearArrangement,
): { before: WorkingDayCalendar; after: WorkingDayCalendar; correction: boolean } {
  const before = stored ? current.withYear(stored) : current;
  return { before, after: before.withYear(loaded), correction: before.hasYear(loaded.year) };
}
