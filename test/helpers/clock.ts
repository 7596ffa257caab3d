import { pinnedClock, type PinnedClock } from '../../kernel/clock.js';

/**
 * The business date the suites run on. Tests never read the real clock: they pin this date (the demo's
 * "today" by default) and move their own clock when a scenario needs another day. CI runs the
 * date-sensitive suites a second time with SANXIANG_TODAY set to a day in a year without holiday data.
 */
export const TEST_TODAY: string = process.env.SANXIANG_TODAY?.trim() || '2026-11-20';

export const testClock = (date: string = TEST_TODAY): PinnedClock => pinnedClock(date);
