import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadBundledCalendar } from '../../kernel/calendar.js';
import {
  authorizeKey,
  authorizeScope,
  countIndicator,
  csvLine,
  decodeStatisticsKey,
  durationIndicator,
  rate,
  rateIndicator,
  scopeOf,
  shanghaiDayEndUtc,
  shanghaiDayStartUtc,
  workingDayDurations,
} from '../../kernel/statistics.js';
import { amountIndicator, centsToYuan, toCents } from '../../subgraphs/cases/statistics.js';
import { CASE_EXPORTS, exportCells, exportHeader, exportSql } from '../../subgraphs/cases/statistics-export.js';
import { REVIEW_EXPORTS } from '../../subgraphs/reviews/statistics-export.js';
import { INSPECTION_EXPORTS } from '../../subgraphs/inspections/statistics-export.js';
import { EXPORT_OWNERS } from '../../apps/exports/route.js';
import { SUPERVISION_EXPORTS } from '../../subgraphs/cases/supervision/scorecard/export.js';
import { reviewerCompliant } from '../../subgraphs/reviews/domain/rules.js';
import type { Caller } from '../../kernel/identity.js';

// Pure parts of the statistics (issue 7): the opaque key, access, the arithmetic of indicators, CSV cells.

const caller = (role: Caller['role'], agencyId: string | null = null): Caller => ({ subject: 's', role, agencyId, officerId: null });
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as { extensions?: { code?: string } }).extensions?.code;
  }
  return 'none';
};

describe('the Statistics key', () => {
  it('round-trips any valid filter and is opaque', () => {
    fc.assert(
      fc.property(
        fc.option(fc.stringMatching(/^[0-9A-Z]{26}$/), { nil: null }),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 1500 }),
        fc.constantFrom(null, 'MONTH', 'CATEGORY', 'AGENCY'),
        (agencyId, start, len, groupBy) => {
          const from = new Date(Date.UTC(2020, 0, 1) + start * 86_400_000).toISOString().slice(0, 10);
          const to = new Date(Date.UTC(2020, 0, 1) + (start + len) * 86_400_000).toISOString().slice(0, 10);
          const s = scopeOf({ agencyId, from, to, groupBy });
          expect(s.key).toMatch(/^st1\.[A-Za-z0-9_-]+$/);
          expect(s.key).not.toContain(from);
          expect(decodeStatisticsKey(s.key)).toEqual(s);
        },
      ),
    );
  });

  it('rejects bad dates, reversed or too long periods, unknown groupings and tampered keys', () => {
    expect(code(() => scopeOf({ from: '2026-02-30', to: '2026-03-01' }))).toBe('BAD_USER_INPUT');
    expect(code(() => scopeOf({ from: '2026-13-01', to: '2026-12-31' }))).toBe('BAD_USER_INPUT');
    expect(code(() => scopeOf({ from: '2026-03-02', to: '2026-03-01' }))).toBe('BAD_USER_INPUT');
    expect(code(() => scopeOf({ from: '2018-01-01', to: '2026-01-01' }))).toBe('BAD_USER_INPUT');
    expect(code(() => scopeOf({ from: '2026-01-01', to: '2026-01-31', groupBy: 'YEAR' }))).toBe('BAD_USER_INPUT');
    const key = scopeOf({ from: '2026-01-01', to: '2026-01-31' }).key;
    expect(code(() => decodeStatisticsKey(key.slice(0, -1)))).toBe('BAD_USER_INPUT');
    expect(code(() => decodeStatisticsKey('st1.' + Buffer.from('["x","2026-01-01"]').toString('base64url')))).toBe('BAD_USER_INPUT');
    expect(code(() => decodeStatisticsKey('garbage'))).toBe('BAD_USER_INPUT');
  });
});

describe('access to aggregates', () => {
  const all = scopeOf({ from: '2026-01-01', to: '2026-12-31' });
  const a1 = scopeOf({ agencyId: 'A1', from: '2026-01-01', to: '2026-12-31' });
  it('lets analysts, supervisors and admins see all agencies; refuses PUBLIC and PARTNER', () => {
    for (const role of ['ANALYST', 'SUPERVISOR', 'ADMIN'] as const) expect(authorizeScope(caller(role), all)).toEqual(all);
    for (const role of ['PUBLIC', 'PARTNER'] as const) expect(code(() => authorizeScope(caller(role), all))).toBe('FORBIDDEN');
    expect(code(() => authorizeScope(caller('OFFICER', null), all))).toBe('FORBIDDEN');
  });
  it('narrows agency staff to their own agency, also when a key is replayed to another subgraph', () => {
    expect(authorizeScope(caller('OFFICER', 'A1'), all)).toEqual(a1);
    expect(authorizeScope(caller('REVIEWER', 'A1'), a1)).toEqual(a1);
    expect(code(() => authorizeScope(caller('PRINCIPAL', 'A2'), a1))).toBe('FORBIDDEN');
    expect(authorizeKey(caller('OFFICER', 'A1'), a1.key)).toEqual(a1);
    // A key for all agencies, replayed by agency staff straight to a subgraph, is refused (not silently narrowed).
    expect(code(() => authorizeKey(caller('OFFICER', 'A1'), all.key))).toBe('FORBIDDEN');
  });
});

describe('indicator arithmetic', () => {
  it('rates carry numerator, denominator and the excluded count; totals are sums of the groups', () => {
    expect(rate(1, 3)).toBe(0.3333);
    expect(rate(0, 0)).toBeNull();
    const r = rateIndicator([
      { grp: '2026-10', num: '0', den: '3', excl: 0 },
      { grp: '2026-09', num: 1, den: 1, excl: '0' },
      { grp: '2026-11', num: 0, den: 0, excl: 1 },
    ]);
    expect(r).toEqual({
      numerator: 1,
      denominator: 4,
      excluded: 1,
      rate: 0.25,
      groups: [
        { group: '2026-09', numerator: 1, denominator: 1, excluded: 0, rate: 1 },
        { group: '2026-10', numerator: 0, denominator: 3, excluded: 0, rate: 0 },
        { group: '2026-11', numerator: 0, denominator: 0, excluded: 1, rate: null },
      ],
    });
  });

  it('counts sort by group then key', () => {
    expect(
      countIndicator([
        { grp: 'B', k: 'X', n: 2 },
        { grp: 'A', k: 'Y', n: '3' },
        { grp: 'A', k: 'X', n: 1 },
      ]),
    ).toEqual({
      total: 6,
      cells: [
        { group: 'A', key: 'X', count: 1 },
        { group: 'A', key: 'Y', count: 3 },
        { group: 'B', key: 'X', count: 2 },
      ],
    });
  });

  it('durations: average of all rows (not of group averages), max of maxima', () => {
    const d = durationIndicator([
      { grp: 'A', n: 1, total: 100, mx: 100 },
      { grp: 'B', n: 4, total: '0', mx: '0' },
      { grp: 'C', n: 0, total: null, mx: null },
    ]);
    expect(d).toMatchObject({ count: 5, totalDays: 100, average: 20, max: 100 });
    expect(d.groups.map((g) => g.group)).toEqual(['A', 'B']);
  });

  it('working-day durations count each pair of dates with the calendar (2026 National Day, make-up Saturday)', () => {
    const cal = loadBundledCalendar();
    const wd = (a: string, b: string) => cal.workingDaysBetween(a, b).days;
    const d = workingDayDurations(
      [
        { grp: 'ALL', start: '2026-09-30', end: '2026-10-15', n: 2 },
        { grp: 'ALL', start: '2026-11-20', end: '2026-11-20', n: 1 },
        { grp: 'ALL', start: '2026-11-20', end: '2026-11-27', n: 1 },
      ],
      wd,
    );
    // DOMAIN.md §5: 2026-09-30 + 7 working days = 2026-10-15.
    expect(d).toMatchObject({ count: 4, totalDays: 7 * 2 + 0 + 5, max: 7, average: 4.75 });
  });

  it('amounts are summed exactly in cents', () => {
    expect(toCents('800.5')).toBe(80050n);
    expect(centsToYuan(toCents('0.1') + toCents('0.2'))).toBe('0.30');
    const a = amountIndicator([
      { grp: '2026-10', n: 2, amount: '3150.10' },
      { grp: '2026-09', n: 1, amount: '100.00' },
      { grp: '2026-11', n: 0, amount: '0' },
    ]);
    expect(a).toEqual({
      count: 3,
      amount: '3250.10',
      groups: [
        { group: '2026-09', count: 1, amount: '100.00' },
        { group: '2026-10', count: 2, amount: '3150.10' },
      ],
    });
  });

  it('Shanghai day bounds for UTC timestamps', () => {
    expect(shanghaiDayStartUtc('2026-01-01').toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(shanghaiDayEndUtc('2026-01-31').toISOString()).toBe('2026-01-31T16:00:00.000Z');
  });

  it('reviewer qualification compliance (R7, Art. 58(2))', () => {
    expect(reviewerCompliant({ reviewerQualified: true, reviewerFirstTime: false, reviewerHasCertificate: false })).toBe(true);
    expect(reviewerCompliant({ reviewerQualified: true, reviewerFirstTime: true, reviewerHasCertificate: true })).toBe(true);
    expect(reviewerCompliant({ reviewerQualified: true, reviewerFirstTime: true, reviewerHasCertificate: false })).toBe(false);
    expect(reviewerCompliant({ reviewerQualified: false, reviewerFirstTime: false, reviewerHasCertificate: true })).toBe(false);
  });
});

describe('CSV rows of the exports', () => {
  it('quotes every cell and defuses spreadsheet formulas, keeping negative numbers', () => {
    expect(csvLine(['a"b', null, 3, '=HYPERLINK("x")', '-12.5', '@x'])).toBe('"a""b","","3","\'=HYPERLINK(""x"")","-12.5","\'@x"\r\n');
  });

  it('masks natural persons and never selects ID numbers, phones, addresses or facts', () => {
    const base = {
      case_number: '米城管罚〔2026〕1号',
      agency_id: 'A1',
      case_type: 'PENALTY',
      procedure: 'SIMPLE',
      state: 'DECIDED',
      filed_on: '2026-09-30',
      decision_due_on: '2026-12-29',
      decided_on: '2026-09-30',
      outcome: 'PENALTY',
      fine_amount: '100.00',
      confiscation_amount: null,
      review_required: 0,
      hearing_held: 0,
      decision_review_id: null,
      party_present_at_decision: 1,
      service_due_on: null,
      served_on: null,
      service_recorded_on: null,
      closed_on: null,
      archived_on: null,
      publication_status: 'PENDING',
      publication_due_on: '2026-10-15',
      published_on: null,
      changed_on: null,
      withdrawal_due_on: null,
      withdrawn_on: null,
      confidentiality: null,
    };
    const spec = CASE_EXPORTS['fines']!;
    // Per-indicator columns (issue 17): case number, agency, category, party, then only what the indicator needs.
    expect(exportHeader(spec)).toEqual(['案号', '执法主体ID', '执法类别', '当事人（脱敏）', '决定日期', '罚款（元）', '指标判定']);
    expect(exportHeader(CASE_EXPORTS['confiscations']!)).toEqual([
      '案号',
      '执法主体ID',
      '执法类别',
      '当事人（脱敏）',
      '决定日期',
      '没收金额（元）',
      '指标判定',
    ]);
    const person = exportCells(spec, { ...base, party_kind: 'NATURAL_PERSON', party_name: '欧阳明' }, 'x');
    expect(person).toEqual(['米城管罚〔2026〕1号', 'A1', '行政处罚', '欧阳某', '2026-09-30', '100.00', 'x']);
    // Codes are shown in Chinese.
    expect(exportCells(CASE_EXPORTS['by-outcome']!, { ...base, party_kind: 'NATURAL_PERSON', party_name: 'x' }, 'x')[5]).toBe('给予行政处罚');
    expect(exportCells(CASE_EXPORTS['by-state']!, { ...base, party_kind: 'NATURAL_PERSON', party_name: 'x' }, 'x')[5]).toBe('已决定');
    // confiscations lists only decisions with a confiscation.
    expect(exportSql('decided', scopeOf({ from: '2026-01-01', to: '2026-12-31' }), CASE_EXPORTS['confiscations']!.only).sql).toMatch(
      /confiscationAmount.*IS NOT NULL/s,
    );
    // An organisation is named only once a decision about it is published, and never in a classified case.
    const company = { ...base, party_kind: 'LEGAL_PERSON', party_name: '乌鲁木齐恒达顺运输有限公司' };
    expect(exportCells(spec, company, 'x')[3]).toBe('（未公开）');
    expect(exportCells(spec, { ...company, publication_status: 'PUBLISHED' }, 'x')[3]).toBe('乌鲁木齐恒达顺运输有限公司');
    expect(exportCells(spec, { ...company, publication_status: 'PUBLISHED', confidentiality: 'COMMERCIAL_SECRET' }, 'x')[3]).toBe('（不公开）');
    expect(CASE_EXPORTS['publication-timeliness']!.judge({ ...base, party_kind: 'NATURAL_PERSON', party_name: 'x' }, '2026-11-20')).toBe('逾期未公示');
    for (const anchor of ['filed', 'decided', 'closed', 'published', 'changed'] as const) {
      const { sql, values } = exportSql(anchor, scopeOf({ agencyId: 'A1', from: '2026-01-01', to: '2026-12-31' }));
      expect(sql).not.toMatch(/resident_id|phone|address|facts_summary|\.\*/);
      expect(values).toEqual(['2026-01-01', '2026-12-31', 'A1']);
    }
  });

  it('the gateway routes every export to the subgraph that owns its rows, and nothing else', () => {
    const owned = (o: string) =>
      Object.entries(EXPORT_OWNERS)
        .filter(([, v]) => v === o)
        .map(([k]) => k)
        .sort();
    expect(owned('cases')).toEqual([...Object.keys(CASE_EXPORTS), ...Object.keys(SUPERVISION_EXPORTS)].sort());
    expect(owned('reviews')).toEqual(Object.keys(REVIEW_EXPORTS).sort());
    expect(owned('inspections')).toEqual(Object.keys(INSPECTION_EXPORTS).sort());
    expect(new Set(Object.values(EXPORT_OWNERS))).toEqual(new Set(['cases', 'reviews', 'inspections']));
  });
});
