import { describe, expect, it } from 'vitest';
import { WorkingDayCalendar } from '../../kernel/calendar.js';
import { loadingCalendars, recountDeadline } from '../../kernel/deadline-recount.js';
import { entrustmentProblem } from '../../kernel/entrustment.js';
import { decisionDueCountsWorkingDays } from '../../subgraphs/cases/domain/deadline-recompute.js';
import { recomputeRoundDue } from '../../subgraphs/reviews/domain/deadline-recompute.js';
import { reviewSettingsAgencyId } from '../../subgraphs/cases/domain/entrustment.js';
import { entrustedSubmissionProblem, isEntrustedCase } from '../../subgraphs/reviews/domain/entrustment.js';

// Issue 26, part D: the rules as pure functions (no database, no network).

const terms = { documentNumber: '米城管委〔2024〕1号', powerItemCodes: ['650109-CF-0001'], validFrom: '2024-01-01', validUntil: '2026-12-31' };
const squadCase = { agencyId: 'SQUAD', decidingAgencyId: 'BUREAU', powerItemCode: '650109-CF-0001' };

describe('R5 for an entrusted organisation’s case: the entrusting agency’s catalog and policy (Art. 20, 58)', () => {
  it('reads the review settings of the agency in whose name the case is decided', () => {
    expect(reviewSettingsAgencyId({ agencyId: 'SQUAD', inNameOfAgencyId: 'BUREAU' })).toBe('BUREAU');
    expect(reviewSettingsAgencyId({ agencyId: 'BUREAU', inNameOfAgencyId: null })).toBe('BUREAU');
    expect(reviewSettingsAgencyId({ agencyId: 'SQUAD' })).toBe('SQUAD');
  });
});

describe('Art. 20: the 委托书 at the handlers’ submission for review', () => {
  it('lets the squad submit within the period and refuses it after expiry, citing 第二十条', () => {
    expect(entrustedSubmissionProblem(squadCase, terms, '2026-12-31')).toBeNull();
    const late = entrustedSubmissionProblem(squadCase, terms, '2027-01-04');
    expect(late).toContain('第二十条');
    expect(late).toContain('米城管委〔2024〕1号');
    expect(late).toContain('送审');
    expect(entrustedSubmissionProblem(squadCase, terms, '2023-12-31')).toContain('第二十条');
  });

  it('refuses a 委托书 of another entrusting agency than the one in whose name the case is', () => {
    expect(entrustedSubmissionProblem(squadCase, { ...terms, entrustingAgencyId: 'OTHER' }, '2026-06-01')).toContain('委托机关');
    expect(entrustedSubmissionProblem(squadCase, { ...terms, entrustingAgencyId: 'BUREAU' }, '2026-06-01')).toBeNull();
  });

  it('refuses without a 委托书 and for an item outside it', () => {
    expect(entrustedSubmissionProblem(squadCase, null, '2026-06-01')).toContain('没有有效的委托书');
    expect(entrustedSubmissionProblem({ ...squadCase, powerItemCode: '650109-CF-0009' }, terms, '2026-06-01')).toContain('委托事项');
  });

  it('a renewed 委托书 (the one powers publishes now) lets the squad submit again', () => {
    const renewed = { ...terms, documentNumber: '米城管委〔2027〕1号', validFrom: '2027-01-01', validUntil: '2029-12-31' };
    expect(entrustedSubmissionProblem(squadCase, renewed, '2027-01-04')).toBeNull();
    expect(entrustmentProblem(renewed, '2026-12-31', '650109-CF-0001')).toContain('委托期限');
  });

  it('asks nothing of an agency’s own case', () => {
    expect(isEntrustedCase({ agencyId: 'BUREAU', decidingAgencyId: 'BUREAU' })).toBe(false);
    expect(isEntrustedCase(squadCase)).toBe(true);
    expect(entrustedSubmissionProblem({ agencyId: 'BUREAU', decidingAgencyId: 'BUREAU', powerItemCode: 'X' }, null, '2027-01-04')).toBeNull();
  });
});

describe('R12: review rounds and corrected arrangements (kernel/deadline-recount.ts, reviews domain)', () => {
  const unconfirmed = new WorkingDayCalendar([]);
  const holidays = ['2027-01-01', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'];
  const y2027 = { year: 2027, holidays, makeupWorkdays: ['2027-02-20'] };
  const corrected = { ...y2027, makeupWorkdays: [] };
  const round = { reviewId: 'R', roundNo: 1, countedFrom: '2027-02-03', dueOn: '2027-02-10', confirmed: false, concluded: false };

  it('counts an open round’s 5 working days again on the loaded year, and never a concluded one', () => {
    const { before, after, correction } = loadingCalendars(unconfirmed, null, y2027);
    expect(correction).toBe(false);
    expect(recomputeRoundDue(round, before, after)).toMatchObject({ workingDays: 5, dueOn: '2027-02-10', to: { date: '2027-02-17', confirmed: true } });
    expect(recomputeRoundDue({ ...round, concluded: true }, before, after)).toBeNull();
  });

  it('a corrected arrangement recounts what the first one confirmed; the same arrangement again changes nothing', () => {
    const loaded = unconfirmed.withYear(y2027);
    // Stored: the first arrangement. The correction withdraws the make-up Saturday 02-20.
    const c = loadingCalendars(loaded, y2027, corrected);
    expect(c.correction).toBe(true);
    const open = { ...round, countedFrom: '2027-02-16', dueOn: loaded.addWorkingDays('2027-02-16', 5).date, confirmed: true };
    expect(open.dueOn).toBe('2027-02-22');
    expect(recomputeRoundDue(open, c.before, c.after)).toMatchObject({ to: { date: '2027-02-23', confirmed: true } });
    expect(recountDeadline({ countedFrom: '2027-02-18', dueOn: '2027-02-26', confirmed: true }, c.before, c.after)).toEqual({
      workingDays: 7,
      to: { date: '2027-03-01', confirmed: true },
    });
    // Idempotent: the stored arrangement equals the loaded one.
    const same = loadingCalendars(loaded, y2027, y2027);
    expect(recomputeRoundDue(open, same.before, same.after)).toBeNull();
    // Compared with what was stored, not with what the process holds: a stale in-memory year does not matter.
    const stale = loadingCalendars(unconfirmed, y2027, corrected);
    expect(recomputeRoundDue(open, stale.before, stale.after)).toMatchObject({ to: { date: '2027-02-23' } });
    // A deadline outside the changed days comes out the same.
    expect(recountDeadline({ countedFrom: '2027-03-01', dueOn: '2027-03-08', confirmed: true }, c.before, c.after)).toBeNull();
  });

  it('never recounts a penalty’s 90 calendar days (Art. 60) as working days', () => {
    expect(decisionDueCountsWorkingDays('PENALTY')).toBe(false);
    expect(decisionDueCountsWorkingDays('COERCION')).toBe(false);
    expect(decisionDueCountsWorkingDays('LICENSING')).toBe(true);
    expect(decisionDueCountsWorkingDays('OTHER')).toBe(true);
  });
});
