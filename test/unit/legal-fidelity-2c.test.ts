import { describe, expect, it } from 'vitest';
import { canReadCase, canSeeClassified } from '../../subgraphs/cases/domain/access.js';
import { decidingAgencyId, decidingAgencyRefusal } from '../../subgraphs/cases/domain/entrustment.js';
import { principalChangeDocumentProblem } from '../../subgraphs/cases/domain/relief-rules.js';
import { checkReviewer, reviewingAgencyId } from '../../subgraphs/reviews/domain/rules.js';
import type { Caller } from '../../kernel/identity.js';
import { WorkingDayCalendar } from '../../kernel/calendar.js';
import { recomputeDeadline } from '../../subgraphs/cases/domain/deadline-recompute.js';
import { projectCase } from '../../subgraphs/cases/integrity.js';
import type { RecordEntryRow } from '../../subgraphs/cases/db/schema.js';

// Issue 26, part C: the rules as pure functions (no database, no network).

const caller = (role: Caller['role'], agencyId: string | null, officerId: string | null = null) => ({ role, agencyId, officerId, subject: 's' }) as Caller;
const entrusted = { id: 'C1', agencyId: 'SQUAD', inNameOfAgencyId: 'BUREAU', handlingOfficerIds: ['H1', 'H2'] };
const own = { id: 'C2', agencyId: 'BUREAU', inNameOfAgencyId: null, handlingOfficerIds: ['H3'] };

describe('Art. 20: the entrusting agency decides an entrusted organisation’s case', () => {
  it('names the agency in whose name the case is decided', () => {
    expect(decidingAgencyId(entrusted)).toBe('BUREAU');
    expect(decidingAgencyId(own)).toBe('BUREAU');
    expect(decidingAgencyId({ agencyId: 'SQUAD' })).toBe('SQUAD');
  });

  it('lets the entrusting agency’s staff act, refuses the entrusted organisation’s (FORBIDDEN) and tells others nothing', () => {
    expect(decidingAgencyRefusal({ agencyId: 'BUREAU' }, entrusted)).toBeNull();
    const squad = decidingAgencyRefusal({ agencyId: 'SQUAD' }, entrusted);
    expect(squad).toMatchObject({ code: 'FORBIDDEN' });
    expect(squad && 'reason' in squad ? squad.reason : '').toContain('第二十条');
    expect(decidingAgencyRefusal({ agencyId: 'OTHER' }, entrusted)).toEqual({ code: 'NOT_FOUND' });
    expect(decidingAgencyRefusal({ agencyId: null }, entrusted)).toEqual({ code: 'NOT_FOUND' });
    // The agency's own case: its own staff, as before.
    expect(decidingAgencyRefusal({ agencyId: 'BUREAU' }, own)).toBeNull();
    expect(decidingAgencyRefusal({ agencyId: 'SQUAD' }, own)).toEqual({ code: 'NOT_FOUND' });
  });

  it('lets the entrusting agency’s staff read the case, and its legal staff and principal see classified parts', () => {
    expect(canReadCase(caller('PRINCIPAL', 'BUREAU'), entrusted)).toBe(true);
    expect(canReadCase(caller('OFFICER', 'SQUAD'), entrusted)).toBe(true);
    expect(canReadCase(caller('OFFICER', 'OTHER'), entrusted)).toBe(false);
    expect(canReadCase(caller('OFFICER', null), { agencyId: 'SQUAD', inNameOfAgencyId: null })).toBe(false);
    expect(canSeeClassified(caller('REVIEWER', 'BUREAU'), entrusted)).toBe(true);
    // A bureau officer who does not handle the case sees no more than any other officer; the squad's handler does.
    expect(canSeeClassified(caller('OFFICER', 'BUREAU', 'H1'), entrusted)).toBe(false);
    expect(canSeeClassified(caller('OFFICER', 'SQUAD', 'H1'), entrusted)).toBe(true);
    expect(canSeeClassified(caller('REVIEWER', 'OTHER'), entrusted)).toBe(false);
  });

  it('takes the reviewer from the entrusting agency’s legal staff', () => {
    const reviewer = {
      id: 'R',
      name: '李娜',
      agencyId: 'BUREAU',
      reviewQualified: true,
      legalProfessionCertificate: 'A2015',
      firstTimeReviewer: false,
      credentialStatus: 'VALID' as const,
      validFrom: '2024-01-01',
      validUntil: '2028-12-31',
      enforcementAreas: [],
    };
    const dossier = { agencyId: 'SQUAD', decidingAgencyId: 'BUREAU', handlingOfficerIds: ['H1'], records: [] };
    expect(reviewingAgencyId(dossier)).toBe('BUREAU');
    expect(reviewingAgencyId({ agencyId: 'SQUAD' })).toBe('SQUAD');
    expect(() => checkReviewer(reviewer, 'R', dossier)).not.toThrow();
    expect(() => checkReviewer({ ...reviewer, agencyId: 'SQUAD' }, 'R', dossier)).toThrow(/作出决定的执法机关/);
  });
});

describe('R14, Art. 75(2): the principal’s correction is a numbered decision document', () => {
  it('requires the number, trims it and bounds its length', () => {
    for (const missing of [undefined, null, '', '  ']) {
      const r = principalChangeDocumentProblem(missing);
      expect(r.problems).toEqual([{ field: 'documentNumber', reason: expect.stringContaining('文书编号') }]);
      expect(r.documentNumber).toBeNull();
    }
    expect(principalChangeDocumentProblem(' 米城管撤〔2026〕1号 ')).toEqual({ problems: [], documentNumber: '米城管撤〔2026〕1号' });
    expect(principalChangeDocumentProblem('号'.repeat(101)).problems).toEqual([{ field: 'documentNumber', reason: expect.any(String) }]);
  });
});

describe('R12: an open deadline counted while its year was unconfirmed is counted again on the loaded year', () => {
  const before = new WorkingDayCalendar([]);
  const y2027 = { year: 2027, holidays: ['2027-01-01', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'], makeupWorkdays: ['2027-02-20'] };
  const after = before.withYear(y2027);
  const open = { kind: 'SERVICE_DUE' as const, caseId: 'C', countedFrom: '2027-02-03', dueOn: before.addWorkingDays('2027-02-03', 7).date, confirmed: false };

  it('keeps the number of working days and counts them on the loaded arrangement', () => {
    expect(open.dueOn).toBe('2027-02-12');
    expect(recomputeDeadline(open, before, after)).toMatchObject({ workingDays: 7, to: { date: '2027-02-19', confirmed: true } });
    // Any period: an item's 20 working days from filing are recovered from the stored date the same way.
    const licence = { ...open, kind: 'DECISION_DUE' as const, countedFrom: '2027-01-25', dueOn: before.addWorkingDays('2027-01-25', 20).date };
    expect(recomputeDeadline(licence, before, after)).toMatchObject({ workingDays: 20, to: after.addWorkingDays('2027-01-25', 20) });
  });

  it('leaves a confirmed deadline alone while its calendar is unchanged, and answers null when nothing changes', () => {
    // Issue 26, part D: a confirmed deadline is recounted only when its year's arrangement is replaced (a correction).
    const confirmed = { ...open, dueOn: after.addWorkingDays('2027-02-03', 7).date, confirmed: true };
    expect(recomputeDeadline(confirmed, after, after)).toBeNull();
    expect(recomputeDeadline(open, before, before)).toBeNull(); // the year still not loaded
  });

  it('confirms a date that stays the same, and keeps a deadline reaching into a year still unloaded unconfirmed', () => {
    const quiet = { ...open, countedFrom: '2027-03-01', dueOn: before.addWorkingDays('2027-03-01', 7).date };
    expect(recomputeDeadline(quiet, before, after)).toMatchObject({ to: { date: quiet.dueOn, confirmed: true } });
    const intoNext = { ...open, countedFrom: '2027-12-28', dueOn: before.addWorkingDays('2027-12-28', 7).date };
    expect(recomputeDeadline(intoNext, before, after)).toBeNull(); // 2028 unknown: same date, still unconfirmed
  });
});

describe('R12: the case row’s projection follows a recomputed decision due date', () => {
  const entry = (kind: string, payload: unknown) => ({ kind, payload: JSON.stringify(payload) }) as unknown as RecordEntryRow;
  const filing = entry('TRANSITION', { action: 'file', to: 'FILED', decisionDue: { date: '2027-02-22', confirmed: false } });

  it('reads the filing’s due date, then the latest DECISION_DUE recomputation (not another deadline’s)', () => {
    expect(projectCase([filing]).decisionDueOn).toBe('2027-02-22');
    const service = entry('DEADLINE_RECOMPUTED', { deadline: 'SERVICE_DUE', to: { date: '2027-02-19', confirmed: true } });
    expect(projectCase([filing, service]).decisionDueOn).toBe('2027-02-22');
    const first = entry('DEADLINE_RECOMPUTED', { deadline: 'DECISION_DUE', to: { date: '2027-02-26', confirmed: true } });
    const second = entry('DEADLINE_RECOMPUTED', { deadline: 'DECISION_DUE', to: { date: '2027-03-01', confirmed: true } });
    expect(projectCase([filing, first, service]).decisionDueOn).toBe('2027-02-26');
    expect(projectCase([filing, first, second]).decisionDueOn).toBe('2027-03-01');
  });
});
