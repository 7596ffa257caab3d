import type { WorkingDayCalendar } from '../../../kernel/calendar.js';
import { PUBLICATION_WORKING_DAYS } from './codes.js';

/** R19 due date: 20 working days counted from the day after the check ended (DOMAIN.md §5). */
export function publicationDue(calendar: WorkingDayCalendar, completedOn: string): { dueOn: string; confirmed: boolean } {
  const r = calendar.addWorkingDays(completedOn, PUBLICATION_WORKING_DAYS);
  return { dueOn: r.date, confirmed: r.confirmed };
}

/** Late: published after the due date, or still unpublished once the due date has passed. */
export function isPublishedLate(r: { publishedOn: string | null; publicationDueOn: string }, today: string): boolean {
  return r.publishedOn ? r.publishedOn > r.publicationDueOn : today > r.publicationDueOn;
}
