import { describe, expect, it } from 'vitest';
import { checkActivity } from '../../subgraphs/cases/domain/activities.js';
import { checkDiscussionAttendance } from '../../subgraphs/cases/domain/discussion.js';
import { effectiveFineAmount } from '../../subgraphs/cases/domain/fines.js';
import { reliefOutcomeProblems } from '../../subgraphs/cases/domain/relief-rules.js';
import { haltsDecision } from '../../subgraphs/cases/revocation.js';
import { entrustmentProblem } from '../../subgraphs/cases/domain/entrustment.js';
import { earlyEndTimingProblems, legalBasisCorrectionProblem, maskFreeText } from '../../subgraphs/cases/domain/publicity-guards.js';
import { personNamed, publicPartyName } from '../../subgraphs/cases/domain/publicity.js';
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

describe('publicity', () => {
  it('masks an individual business named after a person like a person (R16), not a business name', () => {
    expect(personNamed('INDIVIDUAL_BUSINESS', '马建军')).toBe(true);
    expect(personNamed('INDIVIDUAL_BUSINESS', '阿不都热合曼·买买提')).toBe(true);
    expect(personNamed('INDIVIDUAL_BUSINESS', '米东区马建军烧烤店', '马建军')).toBe(false);
    expect(personNamed('INDIVIDUAL_BUSINESS', '老马烧烤', '马建军')).toBe(false);
    expect(personNamed('INDIVIDUAL_BUSINESS', '王芳', '王芳')).toBe(true);
    expect(personNamed('LEGAL_PERSON', '张伟')).toBe(false);
    expect(publicPartyName('INDIVIDUAL_BUSINESS', '欧阳明')).toBe('欧阳某');
  });
  it('masks ID numbers, phone numbers and the person’s name in a correction’s reason', () => {
    const out = maskFreeText('当事人马建军（身份证号11010519491231002X，电话13912345678，0991-3321200）来电。', ['马建军']);
    expect(out).not.toMatch(/马建军|11010519491231002X|13912345678|3321200/);
    expect(out).toContain('马某');
  });
  it('a legal-basis correction may restore the decision’s basis, not replace it (公示规定 Art. 7)', () => {
    const decided = [{ law: '中华人民共和国大气污染防治法', article: '第一百一十八条第三款' }];
    expect(legalBasisCorrectionProblem(decided, decided)).toBeNull();
    expect(legalBasisCorrectionProblem([{ law: ' 中华人民共和国大气污染防治法', article: '第一百一十八条第三款 ' }], decided)).toBeNull();
    expect(legalBasisCorrectionProblem([{ law: '城市市容和环境卫生管理条例', article: '第三十六条' }], decided)).toContain('第七条');
  });
  it('ends early only after the minimum period, on an application not before the decision or publication (Art. 14)', () => {
    const t = { today: '2026-11-20', decisionDate: '2026-10-26', publishedOn: '2026-10-27', applicationDate: '2026-11-20', minimumMonths: 3 };
    expect(earlyEndTimingProblems(t).map((p) => p.field)).toEqual(['id']);
    expect(earlyEndTimingProblems({ ...t, today: '2027-01-27', applicationDate: '2027-01-27' })).toEqual([]);
    expect(earlyEndTimingProblems({ ...t, today: '2027-01-27', applicationDate: '2026-10-01' }).map((p) => p.field)).toEqual(['applicationDate']);
    expect(earlyEndTimingProblems({ ...t, today: '2027-01-27', applicationDate: '2026-10-26' }).map((p) => p.field)).toEqual(['applicationDate']);
  });
});

describe('entrustment (Art. 20) at every act', () => {
  const e = { documentNumber: '米城管委〔2024〕1号', powerItemCodes: ['650109-CF-0001'], validFrom: '2024-01-01', validUntil: '2026-12-31' };
  it('refuses an act after the 委托书 expired, before it began, on an item outside it, or without one', () => {
    expect(entrustmentProblem(e, '2026-12-31', '650109-CF-0001')).toBeNull();
    expect(entrustmentProblem(e, '2027-01-04', '650109-CF-0001')).toContain('委托期限');
    expect(entrustmentProblem(e, '2023-12-31', '650109-CF-0001')).toContain('委托期限');
    expect(entrustmentProblem(e, '2026-11-20', '650109-QZ-0001')).toContain('委托事项');
    expect(entrustmentProblem(null, '2026-11-20', '650109-CF-0001')).toContain('委托书');
  });
});
