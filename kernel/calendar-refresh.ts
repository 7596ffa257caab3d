import type { WorkingDayCalendar, YearArrangement } from './calendar.js';
import type { Logger } from './logger.js';

/** Holiday arrangements loaded at run time are re-read from the database this often (CALENDAR_REFRESH_MS). */
export const CALENDAR_REFRESH_MS = Number(process.env.CALENDAR_REFRESH_MS || 60_000);

/**
 * With several replicas, a year loaded (or corrected) through another one is picked up within CALENDAR_REFRESH_MS
 * (issue 16; issue 26: cases and reviews each keep the arrangements in their own `calendar_years`). Unref'd: it never
 * keeps a process alive; the caller clears it on close.
 */
export function startCalendarRefresh(
  calendar: WorkingDayCalendar,
  readYears: () => Promise<{ arrangement: YearArrangement }[]>,
  log: Logger,
  ms = CALENDAR_REFRESH_MS,
): NodeJS.Timeout {
  const timer = setInterval(() => {
    readYears()
      .then((years) => years.forEach((y) => calendar.setYear(y.arrangement)))
      .catch((err: unknown) => log.warn({ err }, 'calendar refresh failed'));
  }, ms);
  timer.unref();
  return timer;
}
