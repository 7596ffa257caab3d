import { describe, expect, it } from 'vitest';
import {
  LARGE_AMOUNT,
  addCalendarDays,
  assertCanDo,
  assertNotBefore,
  assertNotFuture,
  cents,
  checkBenchmark,
  checkOfficers,
  checkRightsAndHearing,
  hasHearingRight,
  isDecisionOverdue,
  isServiceOverdue,
  matchReviewCatalog,
  missingForArchive,
  needsExecution,
  proposalHash,
  serviceDue,
  type CaseAction,
  type CaseEventFact,
  type CatalogRule,
  type CompletenessInput,
  type DecisionFacts,
  type OfficerFacts,
  type TierRange,
} from '../../subgraphs/cases/domain/rules.js';
import { CASE_STATES, type CaseState, type PartyKind, type ProcedureKind, type ProposalContent } from '../../subgraphs/cases/domain/types.js';
import { loadBundledCalendar } from '../../kernel/calendar.js';
import { decisionDue } from '../../subgraphs/cases/domain/facts.js';
import { sha256Of } from '../../subgraphs/cases/domain/documents.js';
import type { AppError } from '../../kernel/errors.js';

// Every exported rule of the cases subgraph (subgraphs/cases/domain/rules.ts), without a database.
// Calendar-dependent rules use the real bundled calendar (State Council arrangement for 2025 and 2026).

const calendar = loadBundledCalendar();

/** The refusal's extensions (code, field, officerId, …), or null when nothing was thrown. */
const refusal = (fn: () => unknown): Record<string, unknown> | null => {
  try {
    fn();
  } catch (e) {
    return { ...(e as AppError).extensions, message: (e as AppError).message };
  }
  return null;
};

const proposal = (over: Partial<ProposalContent> = {}): ProposalContent => ({
  outcome: 'PENALTY',
  penaltyTypes: ['FINE'],
  fineAmount: '5000',
  confiscationAmount: null,
  discretionTier: 'ORDINARY',
  legalBasis: [{ law: '中华人民共和国大气污染防治法', article: '第一百一十六条' }],
  hearingHeld: false,
  reasoning: '事实清楚，证据确凿。',
  outsideRangeReason: null,
  reviewFlags: [],
  ...over,
});

// ---------------------------------------------------------------------------------------------------

describe('cents: decimal strings compared exactly', () => {
  it('converts whole and fractional yuan to cents', () => {
    expect(cents('0')).toBe(0n);
    expect(cents('200')).toBe(20000n);
    expect(cents('200.5')).toBe(20050n);
    expect(cents('200.05')).toBe(20005n);
    expect(cents('3000.00')).toBe(300000n);
    expect(cents('123456789012.34')).toBe(12345678901234n);
  });
  it('orders amounts numerically, not as strings', () => {
    expect(cents('900') < cents('1000')).toBe(true);
    expect(cents('10000') > cents('9999.99')).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------

describe('checkOfficers (R2: two officers, credentials valid on the day, area covered, same agency)', () => {
  const AREA = '城市管理综合执法';
  const AG = 'AGENCY-BUREAU';
  const officer = (id: string, over: Partial<OfficerFacts> = {}): OfficerFacts => ({
    id,
    name: `执法员${id}`,
    agencyId: AG,
    credentialStatus: 'VALID',
    validFrom: '2024-01-01',
    validUntil: '2028-12-31',
    enforcementAreas: [AREA, '市容环境卫生'],
    ...over,
  });
  const dir = (...os: OfficerFacts[]) => new Map(os.map((o) => [o.id, o]));
  const base = dir(
    officer('A'),
    officer('B'),
    officer('SUSP', { credentialStatus: 'SUSPENDED' }),
    officer('REVOKED', { credentialStatus: 'REVOKED' }),
    officer('EXP', { credentialStatus: 'EXPIRED', validUntil: '2025-12-31' }),
    officer('LAPSED', { validUntil: '2026-06-30' }),
    officer('NOTYET', { validFrom: '2027-01-01' }),
    officer('NARROW', { enforcementAreas: ['市容环境卫生'] }),
    officer('OTHER', { agencyId: 'AGENCY-SQUAD' }),
  );
  const check = (ids: string[], date = '2026-11-20') => refusal(() => checkOfficers(ids, base, date, AREA, AG));

  it('accepts two distinct officers with valid credentials covering the area', () => {
    expect(check(['A', 'B'])).toBeNull();
    expect(check(['A', 'B', 'A'])).toBeNull(); // duplicates are collapsed, two distinct remain
  });

  it('refuses fewer than two officers, or the same officer twice', () => {
    for (const ids of [[], ['A'], ['A', 'A']]) {
      const r = check(ids);
      expect(r).toMatchObject({ code: 'CREDENTIAL_INVALID', field: 'officerIds' });
      expect(r!.message).toContain('第四十二条');
      expect(r!.officerId).toBeUndefined();
    }
  });

  it('refuses an officer who is not in the directory', () => {
    expect(check(['A', 'GHOST'])).toMatchObject({ code: 'CREDENTIAL_INVALID', officerId: 'GHOST', reason: '不在名录中' });
  });

  it('refuses an officer of another agency', () => {
    expect(check(['A', 'OTHER'])).toMatchObject({ code: 'CREDENTIAL_INVALID', officerId: 'OTHER', reason: '不属于本执法主体' });
  });

  it('refuses a suspended, revoked or expired credential, naming the officer', () => {
    expect(check(['A', 'SUSP'])).toMatchObject({ code: 'CREDENTIAL_INVALID', officerId: 'SUSP', reason: '执法证已暂扣' });
    expect(check(['A', 'REVOKED'])).toMatchObject({ code: 'CREDENTIAL_INVALID', officerId: 'REVOKED', reason: '执法证已吊销' });
    expect(check(['EXP', 'A'])).toMatchObject({ code: 'CREDENTIAL_INVALID', officerId: 'EXP', reason: '执法证已过期' });
    expect(check(['A', 'SUSP'])!.message).toContain('执法员SUSP');
  });

  it('judges validity dates on the day of the action', () => {
    expect(check(['A', 'LAPSED'], '2026-06-30')).toBeNull();
    expect(check(['A', 'LAPSED'], '2026-07-01')).toMatchObject({ code: 'CREDENTIAL_INVALID', officerId: 'LAPSED' });
    expect(check(['A', 'NOTYET'], '2026-11-20')).toMatchObject({ code: 'CREDENTIAL_INVALID', officerId: 'NOTYET' });
    expect(check(['A', 'NOTYET'], '2027-01-01')).toBeNull();
  });

  it('refuses an officer whose enforcement areas do not cover the item', () => {
    const r = check(['A', 'NARROW']);
    expect(r).toMatchObject({ code: 'CREDENTIAL_INVALID', officerId: 'NARROW' });
    expect(r!.reason).toContain(AREA);
    expect(refusal(() => checkOfficers(['A', 'NARROW'], base, '2026-11-20', '市容环境卫生', AG))).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------------

describe('assertCanDo (the case state machine)', () => {
  const allowed: Record<ProcedureKind, Record<CaseAction, CaseState[]>> = {
    GENERAL: {
      startInvestigation: ['FILED'],
      notify: ['INVESTIGATING'],
      requestHearing: ['NOTIFIED'],
      submitForReview: ['NOTIFIED', 'HEARING'],
      decide: ['NOTIFIED', 'HEARING', 'UNDER_REVIEW'],
      serve: ['DECIDED'],
      execute: ['SERVED'],
      close: ['SERVED', 'EXECUTED'],
      archive: ['CLOSED'],
    },
    SIMPLE: {
      startInvestigation: ['FILED'],
      notify: ['FILED', 'INVESTIGATING'],
      requestHearing: [],
      submitForReview: [],
      decide: ['FILED', 'INVESTIGATING', 'NOTIFIED'],
      serve: ['DECIDED'],
      execute: ['SERVED'],
      close: ['SERVED', 'EXECUTED'],
      archive: ['CLOSED'],
    },
  };
  for (const procedure of ['GENERAL', 'SIMPLE'] as const) {
    for (const [action, states] of Object.entries(allowed[procedure]) as [CaseAction, CaseState[]][]) {
      it(`${procedure} ${action}: allowed from ${states.join(', ') || 'no state'}, refused from every other`, () => {
        for (const state of CASE_STATES) {
          const r = refusal(() => assertCanDo(action, state, procedure));
          if (states.includes(state)) expect(r, `${state}`).toBeNull();
          else expect(r, `${state}`).toMatchObject({ code: 'INVALID_STATE', state, action });
        }
      });
    }
  }
  it('explains the refusal in Chinese naming procedure, state and action', () => {
    expect(refusal(() => assertCanDo('archive', 'SERVED', 'GENERAL'))!.message).toContain('普通程序案件已送达时不能归档');
    expect(refusal(() => assertCanDo('requestHearing', 'NOTIFIED', 'SIMPLE'))!.message).toContain('简易程序案件已告知时不能听证');
  });
});

describe('needsExecution', () => {
  it('is true for a penalty with something to execute (fine, confiscation, order)', () => {
    expect(needsExecution(proposal())).toBe(true);
    expect(needsExecution(proposal({ penaltyTypes: ['WARNING', 'FINE'] }))).toBe(true);
    expect(needsExecution(proposal({ penaltyTypes: ['ORDER_STOP_BUSINESS'], fineAmount: null }))).toBe(true);
  });
  it('is false for a warning or circulated criticism only, and for non-penalty outcomes', () => {
    expect(needsExecution(proposal({ penaltyTypes: ['WARNING'], fineAmount: null }))).toBe(false);
    expect(needsExecution(proposal({ penaltyTypes: ['WARNING', 'CIRCULATED_CRITICISM'], fineAmount: null }))).toBe(false);
    expect(needsExecution(proposal({ outcome: 'NO_PENALTY_MINOR', penaltyTypes: [], fineAmount: null }))).toBe(false);
    expect(needsExecution(proposal({ outcome: 'CRIMINAL_REFERRAL', penaltyTypes: [], fineAmount: null }))).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------

describe('date guards', () => {
  it('assertNotBefore refuses a date before the earliest, naming the field', () => {
    expect(refusal(() => assertNotBefore('2026-11-01', '2026-11-02', 'occurredOn', '立案日期'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'occurredOn',
      reason: '不得早于立案日期（2026-11-02）',
    });
    expect(refusal(() => assertNotBefore('2026-11-02', '2026-11-02', 'occurredOn', '立案日期'))).toBeNull();
    expect(refusal(() => assertNotBefore('2026-11-01', null, 'occurredOn', '立案日期'))).toBeNull();
    expect(refusal(() => assertNotBefore('2026-11-01', undefined, 'occurredOn', '立案日期'))).toBeNull();
  });
  it('assertNotFuture refuses a date after today', () => {
    expect(refusal(() => assertNotFuture('2026-11-21', '2026-11-20', 'filedOn'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filedOn' });
    expect(refusal(() => assertNotFuture('2026-11-20', '2026-11-20', 'filedOn'))).toBeNull();
  });
  it('addCalendarDays crosses months, years and leap days', () => {
    expect(addCalendarDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2026-03-10', -10)).toBe('2026-02-28');
  });
});

describe('decisionDue / isDecisionOverdue (R10: 90 calendar days for a penalty, Art. 60)', () => {
  it('is 90 calendar days after filing, holidays included', () => {
    const due = (d: string) => decisionDue('PENALTY', d, null, calendar).date;
    expect(due('2026-08-10')).toBe('2026-11-08');
    expect(due('2026-09-30')).toBe('2026-12-29'); // National Day does not extend it
    expect(due('2026-12-01')).toBe('2027-03-01');
  });
  it('an undecided case is overdue only after the due date', () => {
    const c = { decisionDueOn: '2026-11-08', decidedOn: null };
    expect(isDecisionOverdue(c, '2026-11-07')).toBe(false);
    expect(isDecisionOverdue(c, '2026-11-08')).toBe(false);
    expect(isDecisionOverdue(c, '2026-11-09')).toBe(true);
  });
  it('a decided case is overdue if and only if it was decided after the due date, whatever today is', () => {
    expect(isDecisionOverdue({ decisionDueOn: '2026-11-08', decidedOn: '2026-11-08' }, '2027-06-01')).toBe(false);
    expect(isDecisionOverdue({ decisionDueOn: '2026-11-08', decidedOn: '2026-11-09' }, '2026-11-09')).toBe(true);
  });
});

describe('serviceDue / isServiceOverdue (R11: Art. 61, 85)', () => {
  it('is the decision day itself when the party is present', () => {
    expect(serviceDue('2026-09-30', true, calendar)).toEqual({ date: '2026-09-30', confirmed: true });
  });
  it('is 7 working days after the decision when the party is absent (DOMAIN.md §5 examples)', () => {
    // Oct 1–7 off; Saturday Oct 10 is a make-up working day.
    expect(serviceDue('2026-09-30', false, calendar)).toEqual({ date: '2026-10-15', confirmed: true });
    // Saturdays Feb 14 and Feb 28 are make-up working days.
    expect(serviceDue('2026-02-13', false, calendar)).toEqual({ date: '2026-03-02', confirmed: true });
    // An ordinary week: Tuesday + 7 WD = the Thursday of the following week.
    expect(serviceDue('2026-10-20', false, calendar)).toEqual({ date: '2026-10-29', confirmed: true });
  });
  it('is marked unconfirmed in a year whose arrangement is not loaded', () => {
    expect(serviceDue('2030-03-01', false, calendar).confirmed).toBe(false);
  });
  it('flags service after the due date, or not yet served after it', () => {
    expect(isServiceOverdue({ serviceDueOn: null, servedOn: null }, '2030-01-01')).toBe(false);
    expect(isServiceOverdue({ serviceDueOn: '2026-10-15', servedOn: null }, '2026-10-15')).toBe(false);
    expect(isServiceOverdue({ serviceDueOn: '2026-10-15', servedOn: null }, '2026-10-16')).toBe(true);
    expect(isServiceOverdue({ serviceDueOn: '2026-10-15', servedOn: '2026-10-15' }, '2026-12-01')).toBe(false);
    expect(isServiceOverdue({ serviceDueOn: '2026-10-15', servedOn: '2026-10-16' }, '2026-10-16')).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------

describe('hasHearingRight (Art. 63)', () => {
  it('exists for the penalty types of Art. 63(3)-(4) and 限制开展生产经营活动, whatever the amount', () => {
    for (const t of ['LOWER_QUALIFICATION', 'REVOKE_LICENCE', 'ORDER_STOP_BUSINESS', 'ORDER_CLOSURE', 'RESTRICT_PRACTICE', 'RESTRICT_BUSINESS'] as const) {
      expect(hasHearingRight(proposal({ penaltyTypes: [t], fineAmount: null }), 'NATURAL_PERSON'), t).toBe(true);
      expect(hasHearingRight(proposal({ penaltyTypes: ['FINE', t], fineAmount: '1' }), 'LEGAL_PERSON'), t).toBe(true);
    }
  });
  it('does not exist for a warning, criticism or a small fine', () => {
    expect(hasHearingRight(proposal({ penaltyTypes: ['WARNING'], fineAmount: null }), 'NATURAL_PERSON')).toBe(false);
    expect(hasHearingRight(proposal({ penaltyTypes: ['CIRCULATED_CRITICISM'], fineAmount: null }), 'LEGAL_PERSON')).toBe(false);
    expect(hasHearingRight(proposal({ fineAmount: '200' }), 'NATURAL_PERSON')).toBe(false);
  });
  it('uses the large-amount defaults: 10,000 yuan for persons and individual businesses, 100,000 for organisations', () => {
    expect(LARGE_AMOUNT).toEqual({ NATURAL_PERSON: 1000000n, INDIVIDUAL_BUSINESS: 1000000n, LEGAL_PERSON: 10000000n });
    const at = (fine: string, kind: PartyKind) => hasHearingRight(proposal({ fineAmount: fine }), kind);
    for (const kind of ['NATURAL_PERSON', 'INDIVIDUAL_BUSINESS'] as const) {
      expect(at('9999.99', kind), kind).toBe(false);
      expect(at('10000', kind), kind).toBe(true); // exactly the threshold counts as large
      expect(at('10000.00', kind), kind).toBe(true);
    }
    expect(at('10000', 'LEGAL_PERSON')).toBe(false);
    expect(at('99999.99', 'LEGAL_PERSON')).toBe(false);
    expect(at('100000', 'LEGAL_PERSON')).toBe(true);
  });
  it('counts a large confiscation (Art. 63(2)) like a large fine', () => {
    const conf = (amount: string, kind: PartyKind) =>
      hasHearingRight(proposal({ penaltyTypes: ['CONFISCATE_ILLEGAL_GAINS'], fineAmount: null, confiscationAmount: amount }), kind);
    expect(conf('9999', 'NATURAL_PERSON')).toBe(false);
    expect(conf('10000', 'NATURAL_PERSON')).toBe(true);
    expect(conf('100000', 'LEGAL_PERSON')).toBe(true);
    expect(conf('50000', 'LEGAL_PERSON')).toBe(false);
  });
  it('never exists for a decision that is not a penalty', () => {
    expect(hasHearingRight(proposal({ outcome: 'NO_PENALTY_MINOR', penaltyTypes: [], fineAmount: null }), 'NATURAL_PERSON')).toBe(false);
    expect(hasHearingRight(proposal({ outcome: 'LICENCE_REFUSED', penaltyTypes: ['REVOKE_LICENCE'], fineAmount: '999999' }), 'LEGAL_PERSON')).toBe(false);
  });
});

describe('checkRightsAndHearing (R4: Art. 44, 62, 63, 64)', () => {
  const large = proposal({ fineAmount: '20000' }); // hearing right for a person
  const small = proposal({ fineAmount: '500' }); // none
  // Every notice here told the party about the proposal being decided (id P); heavier proposals are tested below.
  const ev = (kind: string, occurredOn: string): CaseEventFact => ({ kind, occurredOn, proposalId: kind === 'RIGHTS_NOTIFIED' ? 'P' : null });
  const run = (p: ProposalContent, events: CaseEventFact[], decidedOn: string, kind: PartyKind = 'NATURAL_PERSON') =>
    refusal(() => checkRightsAndHearing(p, kind, events, new Map([['P', p]]), decidedOn, calendar));

  it('refuses a penalty decision without a recorded rights notice', () => {
    const r = run(small, [ev('CREDENTIAL_SHOWN', '2026-11-02')], '2026-11-20');
    expect(r).toMatchObject({ code: 'INVALID_STATE', missing: 'RIGHTS_NOTIFIED' });
    expect(r!.message).toContain('第四十四条');
  });

  it('does not apply to decisions that are not penalties', () => {
    expect(run(proposal({ outcome: 'NO_PENALTY_UNFOUNDED', penaltyTypes: [], fineAmount: null }), [], '2026-11-20')).toBeNull();
    expect(run(proposal({ outcome: 'CRIMINAL_REFERRAL', penaltyTypes: [], fineAmount: null }), [], '2026-11-20')).toBeNull();
  });

  it('without a hearing right, a notice is enough (even on the same day)', () => {
    expect(run(small, [ev('RIGHTS_NOTIFIED', '2026-11-20')], '2026-11-20')).toBeNull();
  });

  it('with a hearing right, waits until 5 working days after the notice have passed, across the National Day holiday', () => {
    // Notice 2026-09-30: Oct 1–7 off; Oct 8, 9, Sat 10 (make-up), 12, 13 → the window ends on 2026-10-13.
    const events = [ev('RIGHTS_NOTIFIED', '2026-09-30')];
    expect(run(large, events, '2026-10-08')).toMatchObject({ code: 'INVALID_STATE', hearingWindowEnds: '2026-10-13', calendarConfirmed: true });
    expect(run(large, events, '2026-10-13')).toMatchObject({ code: 'INVALID_STATE', hearingWindowEnds: '2026-10-13' });
    expect(run(large, events, '2026-10-14')).toBeNull();
  });

  it('counts the window from the latest notice', () => {
    const events = [ev('RIGHTS_NOTIFIED', '2026-11-02'), ev('RIGHTS_NOTIFIED', '2026-11-16')];
    // 2026-11-16 (Mon) + 5 WD → 2026-11-23 (Mon).
    expect(run(large, events, '2026-11-20')).toMatchObject({ hearingWindowEnds: '2026-11-23' });
    expect(run(large, [...events].reverse(), '2026-11-20')).toMatchObject({ hearingWindowEnds: '2026-11-23' });
    expect(run(large, events, '2026-11-24')).toBeNull();
  });

  it('lets the decision go ahead at once when the party waived the hearing in writing', () => {
    expect(run(large, [ev('RIGHTS_NOTIFIED', '2026-11-16'), ev('HEARING_WAIVED', '2026-11-17')], '2026-11-17')).toBeNull();
  });

  it('refuses while a requested hearing has not been held, even after the window', () => {
    const r = run(large, [ev('RIGHTS_NOTIFIED', '2026-09-30'), ev('HEARING_REQUESTED', '2026-10-09')], '2026-11-20');
    expect(r).toMatchObject({ code: 'INVALID_STATE', missing: 'HEARING_HELD' });
  });

  it('allows the decision once the hearing was held', () => {
    const events = [ev('RIGHTS_NOTIFIED', '2026-11-02'), ev('HEARING_REQUESTED', '2026-11-04'), ev('HEARING_HELD', '2026-11-13')];
    expect(run(large, events, '2026-11-13')).toBeNull();
  });

  it('applies the hearing right of an organisation at its own threshold', () => {
    const events = [ev('RIGHTS_NOTIFIED', '2026-11-16')];
    expect(run(large, events, '2026-11-17', 'LEGAL_PERSON')).toBeNull(); // 20,000 is not large for an organisation
    expect(run(proposal({ fineAmount: '100000' }), events, '2026-11-17', 'LEGAL_PERSON')).toMatchObject({ code: 'INVALID_STATE' });
  });

  // Art. 44/62: the notice comes BEFORE the decision; a later notice does not count.
  it('refuses a decision dated before the rights notice', () => {
    expect(run(small, [ev('RIGHTS_NOTIFIED', '2026-11-18')], '2026-11-10')).toMatchObject({ code: 'INVALID_STATE' });
  });

  it('lets a party withdraw a hearing request in writing, and ignores words from before the latest notice', () => {
    const large = proposal({ fineAmount: '20000' });
    expect(
      run(large, [ev('RIGHTS_NOTIFIED', '2026-11-02'), ev('HEARING_REQUESTED', '2026-11-03'), ev('HEARING_WAIVED', '2026-11-04')], '2026-11-05'),
    ).toBeNull();
    expect(run(large, [ev('HEARING_WAIVED', '2026-11-01'), ev('RIGHTS_NOTIFIED', '2026-11-16')], '2026-11-17')).toMatchObject({ code: 'INVALID_STATE' });
  });
});

// ---------------------------------------------------------------------------------------------------

describe('checkBenchmark (R9)', () => {
  const tiers: TierRange[] = [
    { tier: 'MINOR', fineMin: '2000', fineMax: '5000' },
    { tier: 'ORDINARY', fineMin: '5000', fineMax: '10000' },
    { tier: 'SERIOUS', fineMin: null, fineMax: null }, // e.g. a warning-only tier
  ];
  const check = (fineAmount: string | null, discretionTier: ProposalContent['discretionTier'] = 'MINOR', t: TierRange[] | null = tiers) =>
    checkBenchmark(proposal({ fineAmount, discretionTier, penaltyTypes: fineAmount ? ['FINE'] : ['WARNING'] }), t);

  it('is inside the range at and between both boundaries', () => {
    for (const f of ['2000', '2000.00', '3500', '5000']) {
      expect(check(f), f).toEqual({ fineWithinBenchmark: true, benchmarkRange: { min: '2000', max: '5000' }, notes: [] });
    }
  });
  it('is outside just below the minimum or just above the maximum, with a note for the reviewer', () => {
    for (const f of ['1999.99', '5000.01', '20000']) {
      const r = check(f);
      expect(r.fineWithinBenchmark, f).toBe(false);
      expect(r.benchmarkRange).toEqual({ min: '2000', max: '5000' });
      expect(r.notes[0]).toContain('超出 MINOR 情节的基准幅度 2000–5000 元');
    }
  });
  it('uses the chosen tier only', () => {
    expect(check('8000', 'ORDINARY').fineWithinBenchmark).toBe(true);
    expect(check('8000', 'MINOR').fineWithinBenchmark).toBe(false);
  });
  it('is outside when the chosen tier is missing, not chosen, or has no fine range', () => {
    expect(check('3000', 'GRAVE')).toEqual({ fineWithinBenchmark: false, benchmarkRange: null, notes: ['裁量基准中没有情节 GRAVE 的罚款幅度'] });
    expect(check('3000', null).notes[0]).toContain('（未选择）');
    expect(check('3000', null).fineWithinBenchmark).toBe(false);
    expect(check('3000', 'SERIOUS').fineWithinBenchmark).toBe(false);
  });
  it('says nothing about a decision without a fine', () => {
    expect(check(null)).toEqual({ fineWithinBenchmark: null, benchmarkRange: null, notes: [] });
  });
  it('notes the absence of a published benchmark without judging the fine', () => {
    expect(check('3000', 'MINOR', null)).toEqual({ fineWithinBenchmark: null, benchmarkRange: null, notes: ['该权力事项没有公示的自由裁量基准'] });
  });
});

// ---------------------------------------------------------------------------------------------------

describe('matchReviewCatalog (R5)', () => {
  const rule = (code: string, over: Partial<CatalogRule> = {}): CatalogRule => ({
    code,
    description: `规则 ${code}`,
    basis: [],
    procedure: null,
    caseTypes: [],
    penaltyTypes: [],
    fineThresholds: [],
    hearingHeld: null,
    flags: [],
    collectiveDiscussion: false,
    ...over,
  });
  const facts = (over: Partial<DecisionFacts> = {}, p: Partial<ProposalContent> = {}): DecisionFacts => ({
    procedure: 'GENERAL',
    caseType: 'PENALTY',
    partyKind: 'LEGAL_PERSON',
    proposal: proposal(p),
    ...over,
  });
  const codes = (rules: CatalogRule[], f: DecisionFacts, all = false) =>
    matchReviewCatalog(rules, f, { reviewAllGeneralProcedurePenalties: all }).map((r) => r.ruleCode);

  it('the agency policy reviews every GENERAL-procedure penalty case, and nothing else', () => {
    expect(codes([], facts(), true)).toEqual(['POLICY']);
    expect(matchReviewCatalog([], facts(), { reviewAllGeneralProcedurePenalties: true })[0]!.description).toContain('第五十八条');
    expect(codes([], facts(), false)).toEqual([]);
    expect(codes([], facts({ procedure: 'SIMPLE' }), true)).toEqual([]);
    expect(codes([], facts({ caseType: 'LICENSING' }), true)).toEqual([]);
  });

  it('matches on procedure', () => {
    const r = [rule('P', { procedure: 'GENERAL' })];
    expect(codes(r, facts())).toEqual(['P']);
    expect(codes(r, facts({ procedure: 'SIMPLE' }))).toEqual([]);
  });

  it('matches on case type (any listed)', () => {
    const r = [rule('T', { caseTypes: ['LICENSING', 'COERCION'] })];
    expect(codes(r, facts({ caseType: 'COERCION' }))).toEqual(['T']);
    expect(codes(r, facts({ caseType: 'PENALTY' }))).toEqual([]);
  });

  it('matches on penalty types when any overlaps', () => {
    const r = [rule('PT', { penaltyTypes: ['REVOKE_LICENCE', 'ORDER_STOP_BUSINESS'] })];
    expect(codes(r, facts({}, { penaltyTypes: ['FINE', 'ORDER_STOP_BUSINESS'] }))).toEqual(['PT']);
    expect(codes(r, facts({}, { penaltyTypes: ['FINE'] }))).toEqual([]);
  });

  it('matches fine thresholds by party kind, at and above the threshold', () => {
    const r = [
      rule('F', {
        fineThresholds: [
          { partyKind: 'NATURAL_PERSON', amount: '10000' },
          { partyKind: 'LEGAL_PERSON', amount: '100000' },
        ],
      }),
    ];
    expect(codes(r, facts({ partyKind: 'NATURAL_PERSON' }, { fineAmount: '10000' }))).toEqual(['F']);
    expect(codes(r, facts({ partyKind: 'NATURAL_PERSON' }, { fineAmount: '9999.99' }))).toEqual([]);
    expect(codes(r, facts({ partyKind: 'LEGAL_PERSON' }, { fineAmount: '10000' }))).toEqual([]);
    expect(codes(r, facts({ partyKind: 'LEGAL_PERSON' }, { fineAmount: '100000' }))).toEqual(['F']);
    // No threshold for this party kind, or no fine at all: the criterion does not hold.
    expect(codes(r, facts({ partyKind: 'INDIVIDUAL_BUSINESS' }, { fineAmount: '999999' }))).toEqual([]);
    expect(codes(r, facts({ partyKind: 'NATURAL_PERSON' }, { fineAmount: null, penaltyTypes: ['WARNING'] }))).toEqual([]);
  });

  it('matches hearingHeld true or false exactly', () => {
    expect(codes([rule('H', { hearingHeld: true })], facts({}, { hearingHeld: true }))).toEqual(['H']);
    expect(codes([rule('H', { hearingHeld: true })], facts({}, { hearingHeld: false }))).toEqual([]);
    expect(codes([rule('N', { hearingHeld: false })], facts({}, { hearingHeld: false }))).toEqual(['N']);
  });

  it('matches flags when any overlaps', () => {
    const r = [rule('FL', { flags: ['MAJOR_PUBLIC_INTEREST', 'COMPLEX'] })];
    expect(codes(r, facts({}, { reviewFlags: ['COMPLEX'] }))).toEqual(['FL']);
    expect(codes(r, facts({}, { reviewFlags: ['MAJOR_RIGHTS'] }))).toEqual([]);
    expect(codes(r, facts())).toEqual([]);
  });

  it('requires every criterion a rule states to hold', () => {
    // The seed's 650109-SH-0002: licensing decisions after a hearing.
    const r = [rule('LIC', { caseTypes: ['LICENSING'], hearingHeld: true })];
    expect(codes(r, facts({ caseType: 'LICENSING' }, { outcome: 'LICENCE_REFUSED', penaltyTypes: [], fineAmount: null, hearingHeld: true }))).toEqual(['LIC']);
    expect(codes(r, facts({ caseType: 'LICENSING' }, { hearingHeld: false }))).toEqual([]);
    expect(codes(r, facts({ caseType: 'PENALTY' }, { hearingHeld: true }))).toEqual([]);
    // The seed's 650109-SH-0005: major rights AND a hearing.
    const r5 = [rule('MR', { hearingHeld: true, flags: ['MAJOR_RIGHTS'] })];
    expect(codes(r5, facts({}, { hearingHeld: true, reviewFlags: ['MAJOR_RIGHTS'] }))).toEqual(['MR']);
    expect(codes(r5, facts({}, { hearingHeld: false, reviewFlags: ['MAJOR_RIGHTS'] }))).toEqual([]);
    expect(codes(r5, facts({}, { hearingHeld: true, reviewFlags: [] }))).toEqual([]);
  });

  it('never matches a rule that states no criterion', () => {
    expect(codes([rule('EMPTY')], facts())).toEqual([]);
  });

  it('lists every matching rule in catalog order after the policy, with descriptions', () => {
    const rules = [rule('A', { procedure: 'GENERAL' }), rule('B', { flags: ['COMPLEX'] }), rule('C', { caseTypes: ['LICENSING'] })];
    const reasons = matchReviewCatalog(rules, facts({}, { reviewFlags: ['COMPLEX'] }), { reviewAllGeneralProcedurePenalties: true });
    expect(reasons.map((r) => r.ruleCode)).toEqual(['POLICY', 'A', 'B']);
    expect(reasons[2]).toEqual({ ruleCode: 'B', description: '规则 B', collectiveDiscussion: false });
  });

  it('a criminal referral is always reviewed: by a matching rule, else by the fallback', () => {
    const referral = { outcome: 'CRIMINAL_REFERRAL' as const, penaltyTypes: [], fineAmount: null };
    expect(codes([], facts({ procedure: 'SIMPLE' }, referral))).toEqual(['REFERRAL']);
    expect(matchReviewCatalog([], facts({ procedure: 'SIMPLE' }, referral), { reviewAllGeneralProcedurePenalties: false })[0]!.description).toContain(
      '移送司法机关',
    );
    const flagged = [rule('CR', { flags: ['CRIMINAL_REFERRAL'] })];
    expect(codes(flagged, facts({ procedure: 'SIMPLE' }, { ...referral, reviewFlags: ['CRIMINAL_REFERRAL'] }))).toEqual(['CR']);
    expect(codes([], facts({}, referral), true)).toEqual(['POLICY']);
  });

  it('a SIMPLE-procedure small fine matches nothing in a catalog like the seed bureau', () => {
    const seedLike = [
      rule('SH-0001', { procedure: 'GENERAL', caseTypes: ['PENALTY'] }),
      rule('SH-0008', {
        caseTypes: ['PENALTY'],
        fineThresholds: [
          { partyKind: 'NATURAL_PERSON', amount: '10000' },
          { partyKind: 'INDIVIDUAL_BUSINESS', amount: '10000' },
          { partyKind: 'LEGAL_PERSON', amount: '100000' },
        ],
      }),
      rule('SH-0009', { caseTypes: ['PENALTY'], penaltyTypes: ['REVOKE_LICENCE', 'ORDER_STOP_BUSINESS', 'ORDER_CLOSURE'] }),
    ];
    expect(codes(seedLike, facts({ procedure: 'SIMPLE' }, { fineAmount: '3000' }), true)).toEqual([]);
    expect(codes(seedLike, facts({}, { fineAmount: '3000' }), true)).toEqual(['POLICY', 'SH-0001']);
  });
});

// ---------------------------------------------------------------------------------------------------

describe('proposalHash (what a review approves)', () => {
  const p = proposal({ penaltyTypes: ['WARNING', 'FINE'], reviewFlags: ['COMPLEX'] });
  const h = proposalHash('CASE1', p);

  it('is a SHA-256 hex digest, stable for the same content', () => {
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(proposalHash('CASE1', proposal({ penaltyTypes: ['WARNING', 'FINE'], reviewFlags: ['COMPLEX'] }))).toBe(h);
  });

  it('does not depend on the order of keys', () => {
    const reversed = Object.fromEntries(Object.entries(p).reverse()) as unknown as ProposalContent;
    expect(Object.keys(reversed)[0]).toBe('reviewFlags');
    expect(proposalHash('CASE1', reversed)).toBe(h);
    const basisReordered = { ...p, legalBasis: p.legalBasis.map((b) => ({ article: b.article, law: b.law })) };
    expect(proposalHash('CASE1', basisReordered)).toBe(h);
  });

  it('changes with any change of content or case', () => {
    const variants: ProposalContent[] = [
      { ...p, outcome: 'NO_PENALTY_MINOR' },
      { ...p, penaltyTypes: ['WARNING'] },
      { ...p, fineAmount: '5001' },
      { ...p, confiscationAmount: '1' },
      { ...p, discretionTier: 'SERIOUS' },
      { ...p, legalBasis: [{ law: '中华人民共和国大气污染防治法', article: '第一百一十七条' }] },
      { ...p, hearingHeld: true },
      { ...p, reasoning: `${p.reasoning} ` },
      { ...p, outsideRangeReason: '从重' },
      { ...p, reviewFlags: [] },
    ];
    const hashes = new Set([h, ...variants.map((v) => proposalHash('CASE1', v))]);
    expect(hashes.size).toBe(variants.length + 1);
    expect(proposalHash('CASE2', p)).not.toBe(h);
  });
});

// ---------------------------------------------------------------------------------------------------

describe('missingForArchive (R18)', () => {
  const AV_LIST = ['ON_SITE_INSPECTION', 'EVIDENCE_COLLECTION', 'COMPULSORY_MEASURE', 'HEARING', 'LODGED_SERVICE', 'ANNOUNCEMENT_SERVICE', 'ENFORCEMENT'];
  // Formal documents carry a number and a content hash; AV records a real SHA-256 (R18 substance).
  const text = (stage: string, documentType: string, activity: string | null = null) => ({
    kind: 'TEXT_RECORD',
    stage,
    documentType,
    activity,
    documentNumber: `No.${documentType}`,
    contentHash: sha256Of(documentType),
  });
  const avRec = (stage: string, activity: string) => ({ kind: 'AV_RECORD', stage, documentType: null, activity, sha256: sha256Of(`${stage}:${activity}`) });

  /** A complete GENERAL-procedure fine: filed, investigated on site (with video), notified, decided, served, paid, closed. */
  const completeGeneral = (): CompletenessInput => ({
    procedure: 'GENERAL',
    outcome: 'PENALTY',
    executed: true,
    hearingHeld: false,
    reviewed: false,
    entries: [
      text('INITIATION', 'FILING_APPROVAL'),
      text('INVESTIGATION', 'ON_SITE_INSPECTION_RECORD'),
      avRec('INVESTIGATION', 'ON_SITE_INSPECTION'),
      text('INVESTIGATION', 'RIGHTS_NOTICE'),
      text('DECISION', 'DECISION'),
      text('SERVICE', 'SERVICE_RECEIPT'),
      text('EXECUTION', 'EXECUTION_RECORD'),
      text('ARCHIVING', 'CLOSING_REPORT'),
    ],
    events: [{ kind: 'CREDENTIAL_SHOWN' }, { kind: 'RIGHTS_NOTIFIED' }, { kind: 'SERVICE', serviceMethod: 'DIRECT' }],
    avActivities: AV_LIST,
  });
  const completeSimple = (): CompletenessInput => ({
    procedure: 'SIMPLE',
    outcome: 'PENALTY',
    executed: false,
    hearingHeld: false,
    reviewed: false,
    entries: [avRec('INITIATION', 'ON_SITE_INSPECTION'), text('DECISION', 'DECISION'), text('SERVICE', 'OTHER'), text('ARCHIVING', 'CLOSING_REPORT')],
    events: [{ kind: 'CREDENTIAL_SHOWN' }, { kind: 'SERVICE', serviceMethod: 'DIRECT' }],
    avActivities: AV_LIST,
  });
  const without = (c: CompletenessInput, documentType: string): CompletenessInput => ({
    ...c,
    entries: c.entries.filter((e) => e.documentType !== documentType),
  });

  it('a complete case yields nothing', () => {
    expect(missingForArchive(completeGeneral())).toEqual([]);
    expect(missingForArchive(completeSimple())).toEqual([]);
  });

  it('lists every required document that is missing (GENERAL)', () => {
    const names: Record<string, string> = {
      FILING_APPROVAL: '缺少立案审批表',
      RIGHTS_NOTICE: '缺少行政处罚告知书',
      DECISION: '缺少行政处罚决定书',
      SERVICE_RECEIPT: '缺少送达回证',
      EXECUTION_RECORD: '缺少执行记录',
      CLOSING_REPORT: '缺少结案报告',
    };
    for (const [doc, sentence] of Object.entries(names)) {
      expect(missingForArchive(without(completeGeneral(), doc)), doc).toContain(sentence);
    }
  });

  it('lists each stage that happened but has no text or AV record', () => {
    const c = completeGeneral();
    // The only EXECUTION and ARCHIVING records removed: both the stage and the document are reported.
    const m = missingForArchive({ ...c, entries: c.entries.filter((e) => e.stage !== 'EXECUTION' && e.stage !== 'ARCHIVING') });
    expect(m).toEqual(['执行阶段没有文字或音像记录', '归档阶段没有文字或音像记录', '缺少结案报告', '缺少执行记录']);
  });

  it('an empty record lists everything at once, in a stable order', () => {
    const m = missingForArchive({ ...completeGeneral(), entries: [], events: [] });
    expect(m).toEqual([
      '启动阶段没有文字或音像记录',
      '调查取证阶段没有文字或音像记录',
      '决定阶段没有文字或音像记录',
      '送达阶段没有文字或音像记录',
      '执行阶段没有文字或音像记录',
      '归档阶段没有文字或音像记录',
      '缺少立案审批表',
      '缺少行政处罚告知书',
      '缺少行政处罚决定书',
      '缺少送达回证',
      '缺少结案报告',
      '缺少执行记录',
      '缺少出示执法证件的记录（R3）',
    ]);
  });

  it('requires the REVIEW stage only when the case was reviewed', () => {
    expect(missingForArchive({ ...completeGeneral(), reviewed: true })).toEqual(['审核阶段没有文字或音像记录']);
    const c = completeGeneral();
    expect(missingForArchive({ ...c, reviewed: true, entries: [...c.entries, text('REVIEW', 'OTHER')] })).toEqual([]);
    // The written review opinion itself is the REVIEW stage's record.
    expect(missingForArchive({ ...c, reviewed: true, entries: [...c.entries, { kind: 'REVIEW_OPINION', stage: 'REVIEW' }] })).toEqual([]);
    // Other entry kinds (events, transitions) are not records of a stage.
    expect(missingForArchive({ ...c, reviewed: true, entries: [...c.entries, { kind: 'TRANSITION', stage: 'REVIEW' }] })).toEqual([
      '审核阶段没有文字或音像记录',
    ]);
  });

  it('requires the execution record only when executed, and the rights notice only for a penalty', () => {
    const c = without(without(completeGeneral(), 'EXECUTION_RECORD'), 'RIGHTS_NOTICE');
    const notExecuted = { ...c, executed: false, entries: c.entries.filter((e) => e.stage !== 'EXECUTION') };
    expect(missingForArchive({ ...notExecuted, outcome: 'NO_PENALTY_MINOR' })).toEqual([]);
    expect(missingForArchive(notExecuted)).toEqual(['缺少行政处罚告知书']);
  });

  it('requires the credential-shown event (R3)', () => {
    const c = completeGeneral();
    expect(missingForArchive({ ...c, events: c.events.filter((e) => e.kind !== 'CREDENTIAL_SHOWN') })).toEqual(['缺少出示执法证件的记录（R3）']);
  });

  it('SIMPLE procedure: no investigation stage, filing approval, notice or service receipt required', () => {
    const c = completeSimple();
    expect(missingForArchive(without(c, 'DECISION'))).toEqual(['决定阶段没有文字或音像记录', '缺少行政处罚决定书']);
    expect(missingForArchive(without(c, 'CLOSING_REPORT'))).toEqual(['归档阶段没有文字或音像记录', '缺少结案报告']);
    expect(missingForArchive({ ...c, executed: true })).toEqual(['执行阶段没有文字或音像记录', '缺少执行记录']);
  });

  describe('AV records for activities on the AV recording list that were performed', () => {
    it('an on-site inspection record implies ON_SITE_INSPECTION', () => {
      const c = completeGeneral();
      const m = missingForArchive({ ...c, entries: c.entries.filter((e) => e.kind !== 'AV_RECORD') });
      expect(m).toEqual(['执法活动 ON_SITE_INSPECTION 在音像记录事项清单内，但没有音像记录']);
    });

    it('LODGED service implies LODGED_SERVICE, ANNOUNCEMENT service implies ANNOUNCEMENT_SERVICE', () => {
      const c = completeGeneral();
      const lodged = { ...c, events: [...c.events, { kind: 'SERVICE', serviceMethod: 'LODGED' }] };
      expect(missingForArchive(lodged)).toEqual(['执法活动 LODGED_SERVICE 在音像记录事项清单内，但没有音像记录']);
      expect(missingForArchive({ ...lodged, entries: [...lodged.entries, avRec('SERVICE', 'LODGED_SERVICE')] })).toEqual([]);
      const announced = { ...c, events: [...c.events, { kind: 'SERVICE', serviceMethod: 'ANNOUNCEMENT' }] };
      expect(missingForArchive(announced)).toEqual(['执法活动 ANNOUNCEMENT_SERVICE 在音像记录事项清单内，但没有音像记录']);
      // DIRECT, POSTAL and ELECTRONIC service are not on the list.
      for (const method of ['DIRECT', 'POSTAL', 'ELECTRONIC']) {
        expect(missingForArchive({ ...c, events: [...c.events, { kind: 'SERVICE', serviceMethod: method }] }), method).toEqual([]);
      }
    });

    it('a hearing held implies HEARING (and the hearing record)', () => {
      const c = completeGeneral();
      expect(missingForArchive({ ...c, hearingHeld: true })).toEqual(['缺少听证笔录', '执法活动 HEARING 在音像记录事项清单内，但没有音像记录']);
      expect(
        missingForArchive({ ...c, hearingHeld: true, entries: [...c.entries, text('INVESTIGATION', 'HEARING_RECORD'), avRec('INVESTIGATION', 'HEARING')] }),
      ).toEqual([]);
    });

    it('an activity named on a text record counts as performed', () => {
      const c = completeGeneral();
      const m = missingForArchive({ ...c, entries: [...c.entries, text('INVESTIGATION', 'INQUIRY_RECORD', 'EVIDENCE_COLLECTION')] });
      expect(m).toEqual(['执法活动 EVIDENCE_COLLECTION 在音像记录事项清单内，但没有音像记录']);
    });

    it('lists several missing AV records in alphabetical order of activity', () => {
      const c = completeGeneral();
      const m = missingForArchive({
        ...c,
        hearingHeld: true,
        entries: [...c.entries.filter((e) => e.kind !== 'AV_RECORD'), text('INVESTIGATION', 'HEARING_RECORD')],
        events: [...c.events, { kind: 'SERVICE', serviceMethod: 'LODGED' }],
      });
      expect(m).toEqual([
        '执法活动 HEARING 在音像记录事项清单内，但没有音像记录',
        '执法活动 LODGED_SERVICE 在音像记录事项清单内，但没有音像记录',
        '执法活动 ON_SITE_INSPECTION 在音像记录事项清单内，但没有音像记录',
      ]);
    });

    it('does not ask for AV records of activities that are not on the agency list', () => {
      const c = completeGeneral();
      const m = missingForArchive({
        ...c,
        hearingHeld: true,
        avActivities: [],
        entries: [...c.entries.filter((e) => e.kind !== 'AV_RECORD'), text('INVESTIGATION', 'HEARING_RECORD')],
        events: [...c.events, { kind: 'SERVICE', serviceMethod: 'LODGED' }],
      });
      expect(m).toEqual([]);
    });
  });
});
