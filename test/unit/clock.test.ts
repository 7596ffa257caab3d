import { afterEach, describe, expect, it } from 'vitest';
import { beijingDate, beijingDayStart, clockFromEnv, isBusinessDate, pinnedClock, systemClock } from '../../kernel/clock.js';

// The business clock. This is the one suite that reads the real clock (systemClock), to check the module itself.

const savedTz = process.env.TZ;
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

describe('beijingDate', () => {
  it('is the date in UTC+8, whatever the instant says in UTC', () => {
    expect(beijingDate(new Date('2026-11-19T15:59:59.999Z'))).toBe('2026-11-19');
    expect(beijingDate(new Date('2026-11-19T16:00:00Z'))).toBe('2026-11-20');
    // 23:30 UTC on 2026-12-01 is already 2026-12-02 for the bureau.
    expect(beijingDate(new Date('2026-12-01T23:30:00Z'))).toBe('2026-12-02');
    expect(beijingDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });

  it('does not depend on the host time zone', () => {
    for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC', 'Asia/Shanghai']) {
      process.env.TZ = tz;
      expect(beijingDate(new Date('2026-12-01T23:30:00Z')), tz).toBe('2026-12-02');
      expect(beijingDayStart('2026-12-02').toISOString(), tz).toBe('2026-12-01T16:00:00.000Z');
      expect(pinnedClock('2026-12-02').now().toISOString().slice(0, 13), tz).toBe('2026-12-02T01'); // 09:00 Beijing
    }
  });
});

describe('systemClock', () => {
  it('reads the real clock in Beijing time', () => {
    const before = beijingDate(new Date());
    const today = systemClock().today();
    const after = beijingDate(new Date());
    expect([before, after]).toContain(today);
    expect(systemClock().pinned).toBeNull();
    expect(Math.abs(systemClock().now().getTime() - Date.now())).toBeLessThan(1000);
  });
});

describe('pinnedClock', () => {
  it('stays on its date: now() is inside that Beijing day and never goes backwards', async () => {
    const clock = pinnedClock('2027-07-01');
    expect(clock.today()).toBe('2027-07-01');
    expect(clock.pinned).toBe('2027-07-01');
    const a = clock.now();
    await new Promise((r) => setTimeout(r, 5));
    const b = clock.now();
    expect(b.getTime()).toBeGreaterThan(a.getTime());
    expect(beijingDate(a)).toBe('2027-07-01');
    expect(beijingDate(b)).toBe('2027-07-01');
  });

  it('moves when set, and refuses a date that does not exist', () => {
    const clock = pinnedClock('2026-11-20');
    clock.set('2026-09-30');
    expect(clock.today()).toBe('2026-09-30');
    expect(beijingDate(clock.now())).toBe('2026-09-30');
    expect(() => clock.set('2026-02-30')).toThrow(/2026-02-30/);
    expect(clock.today()).toBe('2026-09-30');
  });
});

describe('clockFromEnv (SANXIANG_TODAY)', () => {
  it('is the system clock when unset or empty, pinned when set', () => {
    expect(clockFromEnv({}).pinned).toBeNull();
    expect(clockFromEnv({ SANXIANG_TODAY: '  ' }).pinned).toBeNull();
    const pinned = clockFromEnv({ SANXIANG_TODAY: '2026-12-01' });
    expect(pinned.today()).toBe('2026-12-01');
  });

  it('refuses an invalid value with a message naming the setting and the expected form', () => {
    for (const bad of ['2026-13-01', '2026-02-30', 'tomorrow', '20261201', '1899-12-31', '2026-12-1']) {
      expect(() => clockFromEnv({ SANXIANG_TODAY: bad }), bad).toThrow(/SANXIANG_TODAY.*YYYY-MM-DD/);
    }
  });

  it('isBusinessDate accepts only real dates', () => {
    expect(isBusinessDate('2028-02-29')).toBe(true);
    expect(isBusinessDate('2027-02-29')).toBe(false);
    expect(isBusinessDate('9999-12-31')).toBe(true);
    expect(isBusinessDate(20261201)).toBe(false);
  });
});
