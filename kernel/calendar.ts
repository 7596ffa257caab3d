import { pathToFileURL } from 'node:url';
/**
 * Working-day calendar (DOMAIN.md §5).
 *
 * The State Council publishes each year's holidays and make-up working days (调休) only a few weeks
 * ahead, so the arrangement is data (calendar-data/*.json), not code. For a year without data we still
 * compute — weekends plus the fixed-date statutory holidays — but flag the result unconfirmed, because
 * the lunar holidays and any 调休 are unknown and a deadline must never look certain when it is not.
 *
 * All dates are plain 'YYYY-MM-DD' calendar strings; arithmetic is on UTC day numbers so the host
 * time zone can never shift a date.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { z } from 'zod';

export type YearArrangement = {
  year: number;
  /** Every individual day off (not just the first day of each holiday). */
  holidays: string[];
  /** Saturdays/Sundays that are working days (调休上班). */
  makeupWorkdays: string[];
  /** The notice the data was taken from, for audit. */
  source?: string;
};

export type FieldError = { field: string; reason: string };

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a real 'YYYY-MM-DD' date, or undefined. */
function toDayNumber(date: string): number | undefined {
  const m = DATE_RE.exec(date);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d); // setUTCFullYear, unlike Date.UTC, does not remap years 0–99
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return undefined;
  return Math.round(t.getTime() / DAY_MS);
}

function parseDate(date: string, what = 'date'): number {
  const n = typeof date === 'string' ? toDayNumber(date) : undefined;
  if (n === undefined) throw new RangeError(`Invalid ${what} "${String(date)}": expected a real YYYY-MM-DD date`);
  return n;
}

function formatDay(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
function weekday(n: number): number {
  return new Date(n * DAY_MS).getUTCDay();
}

function isWeekend(n: number): boolean {
  const w = weekday(n);
  return w === 0 || w === 6;
}

/**
 * Statutory holidays fixed to a Gregorian date (全国年节及纪念日放假办法). Since the 2024 revision
 * (effective 2025) 劳动节 is 1–2 May; before that it was 1 May only.
 */
function isFixedStatutoryHoliday(date: string): boolean {
  const md = date.slice(5);
  if (md === '01-01' || md === '05-01' || md === '10-01' || md === '10-02' || md === '10-03') return true;
  return md === '05-02' && Number(date.slice(0, 4)) >= 2025;
}

type LoadedYear = { arrangement: YearArrangement; holidays: Set<string>; makeup: Set<string> };

export class WorkingDayCalendar {
  #years: Map<number, LoadedYear>;

  /**
   * @throws RangeError if an arrangement is invalid (see {@link validateYearArrangement}) or a year
   *   appears twice — bad calendar data must fail loudly, not produce wrong deadlines.
   */
  constructor(arrangements: YearArrangement[]) {
    const years = new Map<number, LoadedYear>();
    for (const input of arrangements) {
      const result = validateYearArrangement(input);
      if (!result.ok) {
        const label = typeof input?.year === 'number' ? `${input.year}年` : '';
        throw new RangeError(`节假日安排${label}数据无效：` + result.errors.map((e) => `${e.field}: ${e.reason}`).join('；'));
      }
      const a = result.value;
      if (years.has(a.year)) throw new RangeError(`节假日安排重复：${a.year}年出现多次`);
      years.set(a.year, { arrangement: a, holidays: new Set(a.holidays), makeup: new Set(a.makeupWorkdays) });
    }
    this.#years = years;
  }

  /** Whether the year's official arrangement is loaded (results in it are confirmed). */
  hasYear(year: number): boolean {
    return this.#years.has(year);
  }

  /** A new calendar with `a` added, replacing any arrangement already loaded for that year. */
  withYear(a: YearArrangement): WorkingDayCalendar {
    const others = [...this.#years.values()].map((y) => y.arrangement).filter((x) => x.year !== a.year);
    return new WorkingDayCalendar([...others, a]);
  }

  /**
   * Load (or replace) one year in place, e.g. when an administrator loads next year's arrangement
   * at run time; every holder of this calendar sees it at once.
   * @throws RangeError if the arrangement is invalid.
   */
  setYear(a: YearArrangement): void {
    const loaded = new WorkingDayCalendar([a]).#years; // validates
    this.#years = new Map([...this.#years, ...loaded]);
  }

  /** @throws RangeError on a malformed date. */
  isWorkingDay(date: string): { working: boolean; confirmed: boolean } {
    return this.#isWorking(parseDate(date));
  }

  /**
   * The date on which a period of `days` working days after the event on `date` ends. Counting
   * starts the day after the event (DOMAIN.md §5), so with `days` = 0 the event date itself is
   * returned. `confirmed` is false if any day counted falls in a year without loaded data.
   * @throws RangeError on a malformed date or if `days` is not a non-negative integer.
   */
  addWorkingDays(date: string, days: number): { date: string; confirmed: boolean } {
    let n = parseDate(date);
    if (!Number.isSafeInteger(days) || days < 0) {
      throw new RangeError(`days must be a non-negative integer, got ${String(days)}`);
    }
    let confirmed = true;
    let remaining = days;
    while (remaining > 0) {
      n += 1;
      const day = this.#isWorking(n);
      if (!day.confirmed) confirmed = false;
      if (day.working) remaining -= 1;
    }
    return { date: formatDay(n), confirmed };
  }

  /**
   * Working days in the interval (from, to] — the inverse of {@link addWorkingDays}, so
   * `workingDaysBetween(d, addWorkingDays(d, n).date).days === n`. Negative if `to` is before `from`.
   * @throws RangeError on a malformed date.
   */
  workingDaysBetween(from: string, to: string): { days: number; confirmed: boolean } {
    const a = parseDate(from, 'from');
    const b = parseDate(to, 'to');
    const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
    let days = 0;
    let confirmed = true;
    for (let n = lo + 1; n <= hi; n++) {
      const day = this.#isWorking(n);
      if (!day.confirmed) confirmed = false;
      if (day.working) days += 1;
    }
    return { days: sign * days, confirmed };
  }

  #isWorking(n: number): { working: boolean; confirmed: boolean } {
    const date = formatDay(n);
    const loaded = this.#years.get(Number(date.slice(0, 4)));
    if (loaded) {
      if (loaded.holidays.has(date)) return { working: false, confirmed: true };
      if (loaded.makeup.has(date)) return { working: true, confirmed: true };
      return { working: !isWeekend(n), confirmed: true };
    }
    return { working: !isWeekend(n) && !isFixedStatutoryHoliday(date), confirmed: false };
  }
}

// ---------------------------------------------------------------------------------------------------
// Validation of arrangement data (it is edited by hand each year, so check it hard)
// ---------------------------------------------------------------------------------------------------

const dateString = z
  .string({ error: '日期应为字符串' })
  .regex(DATE_RE, { error: '日期格式应为 YYYY-MM-DD' })
  .refine((s) => toDayNumber(s) !== undefined, { error: '不是有效的日历日期' });

const arrangementSchema = z
  .strictObject({
    year: z
      .number({ error: (iss) => (iss.input === undefined ? '缺少年份' : '年份应为整数') })
      .int({ error: '年份应为整数' })
      .min(1900, { error: '年份不能早于1900年' })
      .max(9999, { error: '年份不能晚于9999年' }),
    holidays: z.array(dateString, {
      error: (iss) => (iss.input === undefined ? '缺少节假日列表' : '节假日应为日期数组'),
    }),
    makeupWorkdays: z.array(dateString, {
      error: (iss) => (iss.input === undefined ? '缺少调休上班日列表' : '调休上班日应为日期数组'),
    }),
    source: z.string({ error: '来源应为字符串' }).optional(),
  })
  .superRefine((a, ctx) => {
    const inYear = (d: string) => Number(d.slice(0, 4)) === a.year;
    const seenHolidays = new Set<string>();
    a.holidays.forEach((d, i) => {
      if (!inYear(d)) ctx.addIssue({ code: 'custom', path: ['holidays', i], message: `日期 ${d} 不在 ${a.year} 年内` });
      if (seenHolidays.has(d)) ctx.addIssue({ code: 'custom', path: ['holidays', i], message: `节假日 ${d} 重复` });
      seenHolidays.add(d);
    });
    const seenMakeup = new Set<string>();
    a.makeupWorkdays.forEach((d, i) => {
      const path = ['makeupWorkdays', i];
      if (!inYear(d)) ctx.addIssue({ code: 'custom', path, message: `日期 ${d} 不在 ${a.year} 年内` });
      if (seenMakeup.has(d)) ctx.addIssue({ code: 'custom', path, message: `调休上班日 ${d} 重复` });
      seenMakeup.add(d);
      if (seenHolidays.has(d)) {
        ctx.addIssue({ code: 'custom', path, message: `${d} 不能既是节假日又是调休上班日` });
      }
      const n = toDayNumber(d);
      if (n !== undefined && !isWeekend(n)) {
        ctx.addIssue({ code: 'custom', path, message: `调休上班日 ${d} 应为周六或周日` });
      }
    });
  });

function fieldName(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  }
  return out || 'arrangement';
}

/** Checks hand-edited arrangement data; on success `value` has its date lists sorted. */
export function validateYearArrangement(input: unknown): { ok: true; value: YearArrangement } | { ok: false; errors: FieldError[] } {
  const parsed = arrangementSchema.safeParse(input);
  if (parsed.success) {
    const { year, holidays, makeupWorkdays, source } = parsed.data;
    const value: YearArrangement = { year, holidays: [...holidays].sort(), makeupWorkdays: [...makeupWorkdays].sort() };
    if (source !== undefined) value.source = source;
    return { ok: true, value };
  }
  const errors: FieldError[] = [];
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) errors.push({ field: fieldName([...issue.path, key]), reason: '未知字段' });
    } else if (issue.path.length === 0 && issue.code === 'invalid_type') {
      errors.push({ field: 'arrangement', reason: '节假日安排应为对象' });
    } else {
      errors.push({ field: fieldName(issue.path), reason: issue.message });
    }
  }
  return { ok: false, errors };
}

/**
 * A calendar from every calendar-data/*.json shipped next to this module, plus every *.json in
 * CALENDAR_DIR (an administrator drops next year's State Council arrangement there; no code release).
 * A year in CALENDAR_DIR replaces the bundled one.
 * @throws RangeError naming the file if any file is invalid.
 */
export function loadBundledCalendar(extraDir: string | undefined = process.env.CALENDAR_DIR): WorkingDayCalendar {
  const byYear = new Map<number, YearArrangement>();
  const dirs: URL[] = [new URL('./calendar-data/', import.meta.url)];
  if (extraDir) dirs.push(pathToFileURL(extraDir.endsWith('/') ? extraDir : `${extraDir}/`));
  for (const dir of dirs) {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
    for (const file of files) {
      const data: unknown = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
      const result = validateYearArrangement(data);
      if (!result.ok) {
        throw new RangeError(`${new URL(file, dir).pathname} 无效：` + result.errors.map((e) => `${e.field}: ${e.reason}`).join('；'));
      }
      byYear.set(result.value.year, result.value);
    }
  }
  return new WorkingDayCalendar([...byYear.values()]);
}
