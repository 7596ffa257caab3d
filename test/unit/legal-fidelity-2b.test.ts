import { describe, expect, it } from 'vitest';
import { checkActivity } from '../../subgraphs/cases/domain/activities.js';
import { checkDiscussionAttendance } from '../../subgraphs/cases/domain/discussion.js';
import { effectiveFineAmount } from '../../subgraphs/cases/domain/fines.js';
import { reliefOutcomeProblems } from '../../subgraphs/cases/domain/relief-rules.js';
import { haltsDecision } from '../../subgraphs/cases/revocation.js';
import { credentialTermsOn, credentialValidOn, type CredentialFacts } from '../../subgraphs/powers/domain/credential.js';
import type { AppError } from '../../kernel/errors.js';

// Issue 26, part B: the rules as pure functions (no database, no network).

const fails = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as AppError).extensions;
  }
  throw new Error('expected a refusal');
};

describe('R2 — activity codes from the published list, officers required', () => {
  const published = ['ON_SITE_INSPECTION', 'EVIDENCE_COLLECTION', 'HEARING'];
  it('refuses an unlisted code and requires officers for every listed on-site activity', () => {
    expect(fails(() => checkActivity('SAMPLING', published))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'activity' });
    expect(fails(() => checkActivity('ON_SITE_INSPECTION', []))).toMatchObject({ field: 'activity' });
    expect(checkActivity('EVIDENCE_COLLECTION', published)).toEqual({ onSite: true });
    expect(checkActivity('HEARING', published)).toEqual({ onSite: false });
    expect(checkActivity(null, published)).toEqual({ onSite: false });
  });
});

describe('R2 — credential terms have a dated history', () => {
  const officer: CredentialFacts = {
    credentialStatus: 'VALID',
    validFrom: '2024-01-01',
    validUntil: '2030-12-31',
    enforcementAreas: ['城市管理综合执法', '市容环境卫生'],
    credentialHistory: [{ status: 'VALID', effectiveFrom: '2024-01-01' }],
    credentialTermsHistory: [
      { effectiveFrom: '2024-01-01', validFrom: '2024-01-01', validUntil: '2026-12-31', enforcementAreas: ['城市管理综合执法'] },
      { effectiveFrom: '2026-11-20', validFrom: '2024-01-01', validUntil: '2030-12-31', enforcementAreas: ['城市管理综合执法', '市容环境卫生'] },
    ],
  };
  it('judges an act by the areas and validity in force on its date, not today', () => {
    expect(credentialTermsOn(officer, '2026-11-17').enforcementAreas).toEqual(['城市管理综合执法']);
    expect(credentialValidOn(officer, '2026-11-17', '市容环境卫生').valid).toBe(false);
    expect(credentialValidOn(officer, '2026-11-20', '市容环境卫生').valid).toBe(true);
    expect(credentialValidOn(officer, '2026-11-17', '城市管理综合执法').valid).toBe(true);
    // The validity extended on 2026-11-20 reaches forward, not back: before that the old end date applied.
    expect(credentialTermsOn(officer, '2026-11-19').validUntil).toBe('2026-12-31');
    expect(credentialValidOn(officer, '2027-03-01', '城市管理综合执法').valid).toBe(true);
  });
  it('without a terms history, today’s terms are taken (officers registered before terms were dated)', () => {
    const legacy = { ...officer, credentialTermsHistory: [] };
    expect(credentialValidOn(legacy, '2026-11-17', '市容环境卫生').valid).toBe(true);
  });
});

describe('collective discussion (Art. 57(2)) — leaders per the published list', () => {
  const leaders = [
    { officerId: 'wang', name: '王建国', principal: true },
    { officerId: 'ma', name: '马丽娟', principal: false },
    { officerId: 'zhao', name: '赵磊', principal: false },
    { officerId: 'gu', name: '古丽米拉', principal: false },
  ];
  it('counts only leaders on the list; handlers do not count unless listed', () => {
    expect(fails(() => checkDiscussionAttendance({ participantIds: ['wang', 'sun', 'abdurahman'] }, leaders))).toMatchObject({ field: 'participantIds' });
    expect(fails(() => checkDiscussionAttendance({ participantIds: ['wang', 'ma'] }, leaders))).toMatchObject({ field: 'participantIds' });
    expect(fails(() => checkDiscussionAttendance({ participantIds: ['wang', 'ma', 'zhao'] }, []))).toMatchObject({ field: 'participantIds' });
    // A handler who is on the list counts.
    const withHandler = [...leaders, { officerId: 'sun', name: '孙', principal: false }];
    expect(checkDiscussionAttendance({ participantIds: ['wang', 'ma', 'sun'] }, withHandler).presidedBy).toBe('wang');
  });
  it('the principal presides, or is recorded absent with a reason and another leader presides', () => {
    expect(checkDiscussionAttendance({ participantIds: ['wang', 'ma', 'zhao', 'wang'] }, leaders)).toMatchObject({
      participantIds: ['wang', 'ma', 'zhao'],
      presidedBy: 'wang',
      principalAbsenceReason: null,
    });
    expect(fails(() => checkDiscussionAttendance({ participantIds: ['wang', 'ma', 'zhao'], presidedBy: 'ma' }, leaders))).toMatchObject({
      field: 'presidedBy',
    });
    expect(fails(() => checkDiscussionAttendance({ participantIds: ['ma', 'zhao', 'gu'], presidedBy: 'ma' }, leaders))).toMatchObject({
      field: 'principalAbsenceReason',
    });
    expect(fails(() => checkDiscussionAttendance({ participantIds: ['ma', 'zhao', 'gu'], principalAbsenceReason: '出差' }, leaders))).toMatchObject({
      field: 'presidedBy',
    });
    expect(
      fails(() => checkDiscussionAttendance({ participantIds: ['ma', 'zhao', 'gu'], presidedBy: 'wang', principalAbsenceReason: '出差' }, leaders)),
    ).toMatchObject({
      field: 'presidedBy',
    });
    expect(checkDiscussionAttendance({ participantIds: ['ma', 'zhao', 'gu'], presidedBy: 'ma', principalAbsenceReason: ' 出差 ' }, leaders)).toMatchObject({
      presidedBy: 'ma',
      principalId: 'wang',
      principalAbsenceReason: '出差',
    });
  });
});

describe('relief outcomes', () => {
  const base = { documentNumber: '米政复决〔2026〕7号', correction: null, changedFineAmount: null, decidedFine: '1000' };
  const fields = (f: Parameters<typeof reliefOutcomeProblems>[0]) => reliefOutcomeProblems(f).problems.map((p) => p.field);
  it('needs the document number for every correcting outcome', () => {
    for (const outcome of ['CHANGED', 'REVOKED', 'CONFIRMED_ILLEGAL', 'CONFIRMED_VOID']) {
      expect(fields({ ...base, outcome, documentNumber: null, changedFineAmount: '600' }), outcome).toContain('documentNumber');
    }
    expect(fields({ ...base, outcome: 'UPHELD', documentNumber: null })).toEqual([]);
    expect(fields({ ...base, outcome: 'WITHDRAWN', documentNumber: null })).toEqual([]);
  });
  it('a CHANGED fine names its new amount, only a change does, and it comes back canonical', () => {
    expect(fields({ ...base, outcome: 'CHANGED' })).toEqual(['changedFineAmount']);
    expect(fields({ ...base, outcome: 'REVOKED', changedFineAmount: '600' })).toEqual(['changedFineAmount']);
    expect(fields({ ...base, outcome: 'CHANGED', changedFineAmount: '-5' })).toEqual(['changedFineAmount']);
    expect(fields({ ...base, outcome: 'CHANGED', decidedFine: null, changedFineAmount: '600' })).toEqual(['changedFineAmount']);
    expect(fields({ ...base, outcome: 'CHANGED', decidedFine: null })).toEqual([]);
    expect(reliefOutcomeProblems({ ...base, outcome: 'CHANGED', changedFineAmount: '600.00' })).toEqual({ problems: [], changedFineAmount: '600' });
  });
  it('a changed decision is executed as changed; a revoked or void one ends; one confirmed illegal stays', () => {
    expect(haltsDecision('CHANGED')).toBe(false);
    expect(haltsDecision('CONFIRMED_ILLEGAL')).toBe(false);
    expect(haltsDecision('REVOKED')).toBe(true);
    expect(haltsDecision('CONFIRMED_VOID')).toBe(true);
    const events = [
      { eventKind: 'RIGHTS_NOTIFIED' },
      { eventKind: 'DECISION_CHANGED', changedFineAmount: '800' },
      { eventKind: 'DECISION_CHANGED', changedFineAmount: null },
      { eventKind: 'DECISION_CHANGED', changedFineAmount: '600' },
    ];
    expect(effectiveFineAmount('1000', events)).toBe('600');
    expect(effectiveFineAmount('1000', events.slice(0, 1))).toBe('1000');
  });
});
