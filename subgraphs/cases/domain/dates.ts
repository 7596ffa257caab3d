import type { WorkingDayCalendar } from '../../../kernel/calendar.js';
import { isBusinessDate } from '../../../kernel/clock.js';
import { badInput } from '../../../kernel/errors.js';

// Two times for every act (issue 13). The system records WHEN it was told (the record entry's `recordedAt`,
// from the business clock, never settable). Where the law cares when something happened in the field — an
// inspection, a notice handed over, service, a payment — the caller states that date; a date more than the
// agency's `lateEntryWorkingDays` before recording needs a written reason for the late entry, and both times
// stay in the record. Acts the system itself performs (decision, publication, withdrawal, closing, archiving)
// take their date from the recorded time only: backdating them cannot clear an overdue flag.

export interface StatedDate {
  /** The date the act happened in the field, as stated. */
  on: string;
  /** Why it is entered late (more than the agency's setting), else null. */
  lateEntryReason: string | null;
}

export interface StatedDateContext {
  today: string;
  lateEntryWorkingDays: number;
  calendar: WorkingDayCalendar;
  /** The earliest date the act can have happened (e.g. the filing date) and what that date is. */
  earliest?: { date: string | null; what: string } | null;
}

/** True when `on` lies more than `days` working days before `today`: such an entry needs a reason. */
export function isLateEntry(on: string, today: string, days: number, calendar: WorkingDayCalendar): boolean {
  return calendar.addWorkingDays(on, days).date < today;
}

/** A field date as stated by the caller: real, not in the future, not before the earliest, late only with a reason. */
export function statedDate(
  given: string | null | undefined,
  reason: string | null | undefined,
  ctx: StatedDateContext,
  field: string,
  reasonField = 'lateEntryReason',
): StatedDate {
  const on = given ?? ctx.today;
  if (!isBusinessDate(on)) throw badInput(field, '日期格式应为 YYYY-MM-DD');
  if (on > ctx.today) throw badInput(field, `不得晚于今天（${ctx.today}）`);
  if (ctx.earliest?.date && on < ctx.earliest.date) throw badInput(field, `不得早于${ctx.earliest.what}（${ctx.earliest.date}）`);
  const why = reason?.trim() || null;
  if (isLateEntry(on, ctx.today, ctx.lateEntryWorkingDays, ctx.calendar) && !why) {
    throw badInput(
      reasonField,
      `所述日期 ${on} 早于录入日 ${ctx.today} 超过 ${ctx.lateEntryWorkingDays} 个工作日，须说明补录理由（所述日期与系统记录时间均予保留）`,
    );
  }
  return { on, lateEntryReason: why };
}

/**
 * The date of an act the system performs: the recorded date. A caller-given date is accepted only when it is
 * that same day (kept for clients that still send it) and refused otherwise.
 */
export function recordedDate(given: string | null | undefined, today: string, field: string, what: string): string {
  if (given != null && given !== today) {
    throw badInput(field, `${what}的日期以系统记录时间为准（今天 ${today}），不能另填日期；过去发生的事实请在相应记录中说明`);
  }
  return today;
}
