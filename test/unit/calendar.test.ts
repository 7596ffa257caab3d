import { describe, it, expect } from 'vitest';
import { WorkingDayCalendar, loadBundledCalendar, validateYearArrangement, type YearArrangement } from '../../kernel/calendar.js';

const cal = loadBundledCalendar();

describe('bundled data', () => {
  it('has 2025 and 2026 but not 2027', () => {
    expect(cal.hasYear(2025)).toBe(true);
    expect(cal.hasYear(2026)).toBe(true);
    expect(cal.hasYear(2027)).toBe(false);
  });
});

describe('DOMAIN.md §5 checks (2026 arrangement)', () => {
  it('2026-09-30 + 7 working days = 2026-10-15', () => {
    expect(cal.addWorkingDays('2026-09-30', 7)).toEqual({ date: '2026-10-15', confirmed: true });
  });

  it('2026-02-13 + 7 working days = 2026-03-02', () => {
    expect(cal.addWorkingDays('2026-02-13', 7)).toEqual({ date: '2026-03-02', confirmed: true });
  });

  it('the make-up Saturdays are working days and the holidays are not', () => {
    expect(cal.isWorkingDay('2026-10-10')).toEqual({ working: true, confirmed: true });
    expect(cal.isWorkingDay('2026-02-14')).toEqual({ working: true, confirmed: true });
    expect(cal.isWorkingDay('2026-02-28')).toEqual({ working: true, confirmed: true });
    expect(cal.isWorkingDay('2026-01-04')).toEqual({ working: true, confirmed: true }); // Sunday
    expect(cal.isWorkingDay('2026-10-05')).toEqual({ working: false, confirmed: true }); // Monday
    expect(cal.isWorkingDay('2026-02-16')).toEqual({ working: false, confirmed: true }); // Monday
  });
});

describe('2025 arrangement', () => {
  it('knows the 2025 holidays and make-up days', () => {
    expect(cal.isWorkingDay('2025-01-28').working).toBe(false); // 除夕
    expect(cal.isWorkingDay('2025-01-26').working).toBe(true); // Sunday make-up
    expect(cal.isWorkingDay('2025-10-08').working).toBe(false); // Wednesday, 国庆+中秋
    expect(cal.isWorkingDay('2025-10-11').working).toBe(true); // Saturday make-up
  });

  it('counts across the 2025/2026 year boundary, confirmed', () => {
    // Wed 2025-12-31 → Jan 1–3 off, Sun Jan 4 works, Mon Jan 5 …
    expect(cal.addWorkingDays('2025-12-31', 1)).toEqual({ date: '2026-01-04', confirmed: true });
    expect(cal.addWorkingDays('2025-12-31', 3)).toEqual({ date: '2026-01-06', confirmed: true });
  });
});

describe('weekends', () => {
  it('ordinary Saturdays and Sundays are not working days', () => {
    expect(cal.isWorkingDay('2026-03-07')).toEqual({ working: false, confirmed: true }); // Saturday
    expect(cal.isWorkingDay('2026-03-08')).toEqual({ working: false, confirmed: true }); // Sunday
    expect(cal.isWorkingDay('2026-03-09')).toEqual({ working: true, confirmed: true }); // Monday
  });

  it('an event on Friday + 1 working day is the next Monday', () => {
    expect(cal.addWorkingDays('2026-03-06', 1)).toEqual({ date: '2026-03-09', confirmed: true });
  });

  it('an event on a weekend starts counting on the next day', () => {
    expect(cal.addWorkingDays('2026-03-07', 1)).toEqual({ date: '2026-03-09', confirmed: true });
    expect(cal.addWorkingDays('2026-03-08', 5)).toEqual({ date: '2026-03-13', confirmed: true });
  });

  it('counting starts the day after the event; 0 days is the event itself', () => {
    expect(cal.addWorkingDays('2026-03-09', 1).date).toBe('2026-03-10');
    expect(cal.addWorkingDays('2026-03-09', 0)).toEqual({ date: '2026-03-09', confirmed: true });
  });
});

describe('years without data', () => {
  it('a deadline running into 2027 is computed but unconfirmed', () => {
    // Thu 2026-12-31 → Fri 2027-01-01 is 元旦 (fixed date) → Mon Jan 4, Tue Jan 5
    expect(cal.addWorkingDays('2026-12-31', 2)).toEqual({ date: '2027-01-05', confirmed: false });
  });

  it('a deadline wholly within 2026 stays confirmed', () => {
    expect(cal.addWorkingDays('2026-12-28', 3)).toEqual({ date: '2026-12-31', confirmed: true });
  });

  it('falls back to weekends plus fixed-date statutory holidays', () => {
    expect(cal.isWorkingDay('2027-01-01')).toEqual({ working: false, confirmed: false });
    expect(cal.isWorkingDay('2027-05-03')).toEqual({ working: true, confirmed: false }); // Monday
    expect(cal.isWorkingDay('2027-10-01')).toEqual({ working: false, confirmed: false });
    expect(cal.isWorkingDay('2027-10-04')).toEqual({ working: true, confirmed: false }); // Monday
    expect(cal.isWorkingDay('2027-01-02')).toEqual({ working: false, confirmed: false }); // Saturday
    expect(cal.isWorkingDay('2027-01-04')).toEqual({ working: true, confirmed: false });
  });

  it('labour day is 1–2 May from 2025 on, 1 May before', () => {
    expect(cal.isWorkingDay('2028-05-02').working).toBe(false); // Tuesday
    expect(cal.isWorkingDay('2023-05-02').working).toBe(true); // Tuesday, fallback rules of the time
  });

  it('withYear makes a later year confirmed without touching the original', () => {
    const a2027: YearArrangement = { year: 2027, holidays: ['2027-01-01'], makeupWorkdays: [] };
    const next = cal.withYear(a2027);
    expect(next.hasYear(2027)).toBe(true);
    expect(cal.hasYear(2027)).toBe(false);
    expect(next.addWorkingDays('2026-12-31', 2)).toEqual({ date: '2027-01-05', confirmed: true });
    expect(next.addWorkingDays('2026-09-30', 7).date).toBe('2026-10-15');
  });

  it('withYear replaces an already loaded year', () => {
    const next = cal.withYear({ year: 2026, holidays: [], makeupWorkdays: [] });
    expect(next.isWorkingDay('2026-10-05')).toEqual({ working: true, confirmed: true });
  });
});

describe('workingDaysBetween', () => {
  it('counts the interval (from, to]', () => {
    expect(cal.workingDaysBetween('2026-09-30', '2026-10-15')).toEqual({ days: 7, confirmed: true });
    expect(cal.workingDaysBetween('2026-02-13', '2026-03-02')).toEqual({ days: 7, confirmed: true });
    expect(cal.workingDaysBetween('2026-03-09', '2026-03-09')).toEqual({ days: 0, confirmed: true });
  });

  it('is the inverse of addWorkingDays', () => {
    for (const start of ['2025-01-20', '2025-09-26', '2026-04-30', '2026-06-18']) {
      for (const n of [1, 2, 3, 5, 7, 10, 20]) {
        const end = cal.addWorkingDays(start, n).date;
        expect(cal.workingDaysBetween(start, end).days).toBe(n);
      }
    }
  });

  it('is negative when to is before from', () => {
    expect(cal.workingDaysBetween('2026-10-15', '2026-09-30')).toEqual({ days: -7, confirmed: true });
  });

  it('is unconfirmed when the interval reaches an unloaded year', () => {
    expect(cal.workingDaysBetween('2026-12-30', '2027-01-05')).toEqual({ days: 3, confirmed: false });
  });
});

describe('input checks', () => {
  it('rejects malformed dates with RangeError', () => {
    for (const bad of ['2026-2-13', '2026-02-30', '20260213', '2026-13-01', '', 'abc']) {
      expect(() => cal.isWorkingDay(bad)).toThrow(RangeError);
      expect(() => cal.addWorkingDays(bad, 1)).toThrow(RangeError);
      expect(() => cal.workingDaysBetween(bad, '2026-01-01')).toThrow(RangeError);
      expect(() => cal.workingDaysBetween('2026-01-01', bad)).toThrow(RangeError);
    }
  });

  it('rejects negative or fractional day counts with RangeError', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => cal.addWorkingDays('2026-03-09', bad)).toThrow(RangeError);
    }
  });

  it('does not depend on the host time zone', () => {
    // Arithmetic is on UTC day numbers; a run under TZ=Asia/Shanghai or America/Los_Angeles gives the same.
    expect(cal.addWorkingDays('2026-03-08', 1).date).toBe('2026-03-09'); // US DST starts 2026-03-08
    expect(cal.addWorkingDays('2026-10-30', 2).date).toBe('2026-11-03');
  });
});

describe('validateYearArrangement', () => {
  const good = { year: 2026, holidays: ['2026-10-02', '2026-10-01'], makeupWorkdays: ['2026-10-10'], source: 'test' };

  it('accepts a good arrangement and sorts its dates', () => {
    expect(validateYearArrangement(good)).toEqual({
      ok: true,
      value: { year: 2026, holidays: ['2026-10-01', '2026-10-02'], makeupWorkdays: ['2026-10-10'], source: 'test' },
    });
  });

  it('accepts the bundled files', async () => {
    const { readFileSync } = await import('node:fs');
    for (const y of [2025, 2026]) {
      const data: unknown = JSON.parse(readFileSync(new URL(`../../kernel/calendar-data/${y}.json`, import.meta.url), 'utf8'));
      expect(validateYearArrangement(data).ok).toBe(true);
    }
  });

  function errorsOf(input: unknown) {
    const r = validateYearArrangement(input);
    expect(r.ok).toBe(false);
    return r.ok ? [] : r.errors;
  }

  it('rejects a non-object', () => {
    expect(errorsOf(null)).toEqual([{ field: 'arrangement', reason: '节假日安排应为对象' }]);
    expect(errorsOf([])).toEqual([{ field: 'arrangement', reason: '节假日安排应为对象' }]);
  });

  it('reports missing fields', () => {
    const errors = errorsOf({});
    expect(errors).toContainEqual({ field: 'year', reason: '缺少年份' });
    expect(errors).toContainEqual({ field: 'holidays', reason: '缺少节假日列表' });
    expect(errors).toContainEqual({ field: 'makeupWorkdays', reason: '缺少调休上班日列表' });
  });

  it('reports unknown fields (e.g. a typo)', () => {
    expect(errorsOf({ ...good, makeupWorkDays: [] })).toEqual([{ field: 'makeupWorkDays', reason: '未知字段' }]);
  });

  it('rejects a non-integer year', () => {
    expect(errorsOf({ ...good, year: 2026.5 })).toContainEqual({ field: 'year', reason: '年份应为整数' });
    expect(errorsOf({ ...good, year: '2026' })).toContainEqual({ field: 'year', reason: '年份应为整数' });
  });

  it('rejects malformed and impossible dates', () => {
    const errors = errorsOf({ ...good, holidays: ['2026-10-1', '2026-02-30', 20261001] });
    expect(errors).toContainEqual({ field: 'holidays[0]', reason: '日期格式应为 YYYY-MM-DD' });
    expect(errors).toContainEqual({ field: 'holidays[1]', reason: '不是有效的日历日期' });
    expect(errors).toContainEqual({ field: 'holidays[2]', reason: '日期应为字符串' });
  });

  it('rejects dates outside the year', () => {
    const errors = errorsOf({ ...good, holidays: ['2025-12-31'], makeupWorkdays: ['2027-01-02'] });
    expect(errors).toContainEqual({ field: 'holidays[0]', reason: '日期 2025-12-31 不在 2026 年内' });
    expect(errors).toContainEqual({ field: 'makeupWorkdays[0]', reason: '日期 2027-01-02 不在 2026 年内' });
  });

  it('rejects a date that is both a holiday and a make-up day', () => {
    const errors = errorsOf({ ...good, holidays: ['2026-10-10'], makeupWorkdays: ['2026-10-10'] });
    expect(errors).toEqual([{ field: 'makeupWorkdays[0]', reason: '2026-10-10 不能既是节假日又是调休上班日' }]);
  });

  it('rejects a make-up day that is not a Saturday or Sunday', () => {
    const errors = errorsOf({ ...good, makeupWorkdays: ['2026-10-09'] });
    expect(errors).toEqual([{ field: 'makeupWorkdays[0]', reason: '调休上班日 2026-10-09 应为周六或周日' }]);
  });

  it('rejects duplicated holidays and make-up days', () => {
    const errors = errorsOf({ ...good, holidays: ['2026-10-01', '2026-10-01'], makeupWorkdays: ['2026-10-10', '2026-10-10'] });
    expect(errors).toEqual([
      { field: 'holidays[1]', reason: '节假日 2026-10-01 重复' },
      { field: 'makeupWorkdays[1]', reason: '调休上班日 2026-10-10 重复' },
    ]);
  });

  it('the constructor refuses invalid data and duplicate years', () => {
    expect(() => new WorkingDayCalendar([{ year: 2026, holidays: [], makeupWorkdays: ['2026-10-09'] }])).toThrow(/应为周六或周日/);
    const a: YearArrangement = { year: 2026, holidays: [], makeupWorkdays: [] };
    expect(() => new WorkingDayCalendar([a, a])).toThrow(/2026年出现多次/);
  });
});
