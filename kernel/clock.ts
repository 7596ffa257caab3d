/**
 * The business clock: the one place every rule, service, seed and statistic asks for "today" and "now".
 *
 * Business dates are Beijing dates (Asia/Shanghai: UTC+8, no daylight saving since 1991), whatever the
 * host's TZ: 23:30 UTC on 2026-12-01 is already 2026-12-02 for the bureau. Instants are stored as UTC
 * DATETIME(3); only their Beijing date has legal meaning.
 *
 * `SANXIANG_TODAY=YYYY-MM-DD` pins the clock for a demo or a test run: every service of the process then
 * sees that date. Production leaves it unset. Pure timings (log durations, metrics, timeouts) and token
 * expiry do not belong here: they measure real elapsed time, not the business date.
 */

const BEIJING_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
/** A pinned day starts at 09:00 Beijing time and never runs past 23:59:59.999 of that day. */
const PINNED_START_MS = 9 * 3_600_000;
const PINNED_SPAN_MS = DAY_MS - PINNED_START_MS - 1;

export interface Clock {
  /** Today's business date, 'YYYY-MM-DD' in Beijing time. */
  today(): string;
  /** The current instant (what the system records as the time of an act). */
  now(): Date;
  /** The pinned date, or null when this is the system clock. */
  readonly pinned: string | null;
}

/** A clock a test (or the demo seed) moves from one business day to another. */
export interface PinnedClock extends Clock {
  set(date: string): void;
}

/** The Beijing calendar date of an instant. */
export const beijingDate = (instant: Date): string => new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);

/** The instant a Beijing date begins (00:00 +08:00), as a UTC Date. */
export const beijingDayStart = (date: string): Date => new Date(Date.parse(`${date}T00:00:00+08:00`));

/** True for a real 'YYYY-MM-DD' date in years 1900–9999. */
export function isBusinessDate(s: unknown): s is string {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s && s >= '1900-01-01';
}

/** The real clock, read in Beijing time. */
export const systemClock = (): Clock => ({
  today: () => beijingDate(new Date()),
  now: () => new Date(),
  pinned: null,
});

/**
 * A clock fixed on one business date. `now()` is that date at 09:00 Beijing time plus the real time
 * elapsed since the date was set (so acts recorded in a row keep their order), capped at the day's end:
 * a pinned date never turns into the next day.
 */
export function pinnedClock(date: string): PinnedClock {
  const check = (d: string) => {
    if (!isBusinessDate(d)) throw new RangeError(`pinned business date "${d}" is not a real YYYY-MM-DD date`);
    return d;
  };
  let day = check(date);
  let base = beijingDayStart(day).getTime() + PINNED_START_MS;
  let setAt = performance.now(); // timing: real elapsed time orders acts within the pinned day
  return {
    today: () => day,
    now: () => new Date(base + Math.min(Math.floor(performance.now() - setAt), PINNED_SPAN_MS)), // timing: as above
    get pinned() {
      return day;
    },
    set(d: string) {
      // Setting the same day again keeps the clock running: acts recorded in a row keep their order.
      if (check(d) === day) return;
      day = d;
      base = beijingDayStart(day).getTime() + PINNED_START_MS;
      setAt = performance.now(); // timing: as above
    },
  };
}

/** The clock a process runs on: pinned by `SANXIANG_TODAY`, else the system clock. An invalid value is refused. */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): Clock {
  const raw = env.SANXIANG_TODAY?.trim();
  if (!raw) return systemClock();
  if (!isBusinessDate(raw)) {
    throw new Error(`环境变量 SANXIANG_TODAY=${raw} 不是有效日期：应为 YYYY-MM-DD（如 2026-12-01），或不设置以使用系统时钟 (invalid SANXIANG_TODAY)`);
  }
  return pinnedClock(raw);
}
