import { badInput, invalidState } from '../../../kernel/errors.js';
import { addCalendarDays } from './rules.js';

// 行政强制法 Art. 25: a seizure (查封) or impoundment (扣押) lasts at most 30 days; when the case is complex the
// agency's principal may approve ONE extension of at most 30 days, notified to the party in writing with the
// reason. Within that time the agency decides what happens to the property (Art. 27) or lifts the measure
// (Art. 28). Thirty days is not "within ten days", so it counts calendar days (Art. 69).

export const SEIZURE_DAYS = 30;
export const MAX_EXTENSION_DAYS = 30;

export interface MeasureFacts {
  startedOn: string;
  endsOn: string;
  extendedTo: string | null;
  liftedOn: string | null;
}

export const measureEnd = (startedOn: string) => addCalendarDays(startedOn, SEIZURE_DAYS);
export const effectiveEnd = (m: MeasureFacts) => m.extendedTo ?? m.endsOn;
/** Past its (extended) end and neither lifted nor otherwise ended. */
export const measureOverdue = (m: MeasureFacts, today: string) => !m.liftedOn && today > effectiveEnd(m);

export function checkExtension(m: MeasureFacts, days: number, today: string): string {
  if (m.liftedOn) throw invalidState('查封、扣押已解除，不能延长');
  if (m.extendedTo) throw invalidState(`查封、扣押已延长过一次（至 ${m.extendedTo}），不得再次延长（行政强制法第二十五条）`);
  if (today > m.endsOn) throw invalidState(`查封、扣押期限已于 ${m.endsOn} 届满，不能再延长，应当解除（行政强制法第二十八条第一款第（四）项）`);
  if (!Number.isInteger(days) || days < 1 || days > MAX_EXTENSION_DAYS)
    throw badInput('days', `延长期限为 1 至 ${MAX_EXTENSION_DAYS} 日（行政强制法第二十五条）`);
  return addCalendarDays(m.endsOn, days);
}
