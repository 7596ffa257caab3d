import { describe, expect, it } from 'vitest';
import { checkOutcome, checkProcedure, caseTypeOf, decisionDue, deriveCaseType } from '../../subgraphs/cases/domain/facts.js';
import { isLateEntry, recordedDate, statedDate } from '../../subgraphs/cases/domain/dates.js';
import { checkStatutoryRange, type StatutoryRange } from '../../subgraphs/cases/domain/statutory.js';
import { checkAvTimes, checkDocumentText, plausibleSha256, sha256Of } from '../../subgraphs/cases/domain/documents.js';
import { checkExtension, measureEnd, measureOverdue } from '../../subgraphs/cases/domain/coercion.js';
import { fineStatus, lateSurcharge, paymentDue } from '../../subgraphs/cases/domain/fines.js';
import { retentionFor } from '../../subgraphs/cases/domain/retention.js';
import { checkRightsAndHearing, heavierReasons, missingForArchive } from '../../subgraphs/cases/domain/rules.js';
import { applyCorrection, earlyEndObstacles, publicContent, type PublicationSnapshot } from '../../subgraphs/cases/domain/publicity.js';
import type { ProposalContent } from '../../subgraphs/cases/domain/types.js';
import { credentialStatusOn, credentialValidOn } from '../../subgraphs/powers/domain/credential.js';
import { DEFAULT_RETENTION, parsePowerItem } from '../../subgraphs/powers/domain/validate.js';
import { caseParticipants, checkReviewer } from '../../subgraphs/reviews/domain/rules.js';
import { loadBundledCalendar } from '../../kernel/calendar.js';
import type { AppError } from '../../kernel/errors.js';

// The rules added for issue 13 (legal fidelity), as pure functions: no database, no network.

const calendar = loadBundledCalendar();
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return { code: (e as AppError).extensions.code, message: (e as Error).message, ...(e as AppError).extensions } as Record<string, any>;
  }
  return null;
};
const proposal = (over: Partial<ProposalContent> = {}): ProposalContent => ({
  outcome: 'PENALTY',
  penaltyTypes: ['FINE'],
  fineAmount: '5000',
  confiscationAmount: null,
  discretionTier: 'ORDINARY',
  legalBasis: [{ law: '中华人民共和国大气污染防治法', article: '第一百一十八条第三款' }],
  hearingHeld: false,
  reasoning: '依法处罚',
  outsideRangeReason: null,
  reviewFlags: [],
  mitigationGround: null,
  ...over,
});

describe('facts decide, not labels (finding 1)', () => {
  it('derives the case type from the power item category', () => {
    expect(caseTypeOf('PENALTY')).toBe('PENALTY');
    expect(caseTypeOf('LICENSING')).toBe('LICENSING');
    expect(caseTypeOf('LEVY')).toBe('OTHER');
    expect(deriveCaseType('PENALTY', null)).toBe('PENALTY');
    expect(deriveCaseType('PENALTY', 'PENALTY')).toBe('PENALTY');
  });
  it('refuses a label that contradicts the item, naming the field', () => {
    for (const label of ['OTHER', 'LICENSING'] as const) {
      expect(refusal(() => deriveCaseType('PENALTY', label))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'caseType' });
    }
  });
  it('allows the simple procedure only for penalties, and only the outcomes of the case type', () => {
    expect(refusal(() => checkProcedure('LICENSING', 'SIMPLE'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'procedure' });
    expect(refusal(() => checkProcedure('PENALTY', 'SIMPLE'))).toBeNull();
    expect(refusal(() => checkOutcome('PENALTY', 'LICENCE_GRANTED'))).toMatchObject({ field: 'outcome' });
    expect(refusal(() => checkOutcome('LICENSING', 'PENALTY'))).toMatchObject({ field: 'outcome' });
    expect(refusal(() => checkOutcome('COERCION', 'IMPOUND'))).toBeNull();
  });
  it('gives each case type its own time limit (finding 11): 90 days, 20 working days, none for a measure', () => {
    expect(decisionDue('PENALTY', '2026-09-30', null, calendar)).toMatchObject({ date: '2026-12-29' });
    // 2026-09-30 + 20 working days across the National Day holiday (Oct 10 is a make-up working day).
    expect(decisionDue('LICENSING', '2026-09-30', 20, calendar)).toMatchObject({ date: '2026-11-03', confirmed: true });
    expect(decisionDue('COERCION', '2026-09-30', null, calendar).date).toBeNull();
    expect(decisionDue('INSPECTION', '2026-09-30', null, calendar).date).toBeNull();
  });
});

describe('two times for every act (finding 2)', () => {
  const ctx = { today: '2026-11-20', lateEntryWorkingDays: 3, calendar };
  it('accepts a field date within the agency setting without a reason', () => {
    expect(statedDate('2026-11-17', null, ctx, 'occurredOn')).toEqual({ on: '2026-11-17', lateEntryReason: null });
    expect(isLateEntry('2026-11-17', '2026-11-20', 3, calendar)).toBe(false);
  });
  it('requires a written reason for a date more than N working days back, and refuses the future', () => {
    expect(refusal(() => statedDate('2026-11-16', null, ctx, 'occurredOn'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lateEntryReason' });
    expect(statedDate('2026-11-16', '当日系统故障，次周补录', ctx, 'occurredOn')).toEqual({ on: '2026-11-16', lateEntryReason: '当日系统故障，次周补录' });
    expect(refusal(() => statedDate('2026-11-21', null, ctx, 'occurredOn'))).toMatchObject({ field: 'occurredOn' });
    expect(refusal(() => statedDate('2026-11-18', null, { ...ctx, earliest: { date: '2026-11-19', what: '立案日期' } }, 'occurredOn'))).toMatchObject({
      field: 'occurredOn',
    });
  });
  it('takes the date of an act the system performs from the recorded time: another date is refused', () => {
    expect(recordedDate(null, '2026-11-20', 'decidedOn', '作出决定')).toBe('2026-11-20');
    expect(recordedDate('2026-11-20', '2026-11-20', 'decidedOn', '作出决定')).toBe('2026-11-20');
    expect(refusal(() => recordedDate('2026-09-30', '2026-11-20', 'decidedOn', '作出决定'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'decidedOn' });
  });
});

describe('R4 bound to the proposal (finding 3)', () => {
  const noticed = proposal({ fineAmount: '5000' });
  it('names what makes a proposal heavier than the one the party was told about', () => {
    expect(heavierReasons(proposal({ fineAmount: '20000' }), noticed)).toEqual(['罚款由 5000 元增至 20000 元']);
    expect(heavierReasons(proposal({ penaltyTypes: ['FINE', 'CONFISCATE_ILLEGAL_PROPERTY'], confiscationAmount: '100' }), noticed)).toHaveLength(2);
    expect(heavierReasons(proposal({ fineAmount: '3000' }), noticed)).toEqual([]);
  });
  it('refuses a decision heavier than the latest notice, and a notice that names no proposal', () => {
    const events = [{ kind: 'RIGHTS_NOTIFIED', occurredOn: '2026-11-02', proposalId: 'P1' }];
    const map = new Map([['P1', noticed]]);
    expect(refusal(() => checkRightsAndHearing(proposal({ fineAmount: '20000' }), 'LEGAL_PERSON', events, map, '2026-11-20', calendar))).toMatchObject({
      code: 'INVALID_STATE',
      missing: 'RIGHTS_NOTIFIED',
    });
    expect(refusal(() => checkRightsAndHearing(proposal({ fineAmount: '3000' }), 'LEGAL_PERSON', events, map, '2026-11-20', calendar))).toBeNull();
    expect(
      refusal(() => checkRightsAndHearing(noticed, 'LEGAL_PERSON', [{ kind: 'RIGHTS_NOTIFIED', occurredOn: '2026-11-02' }], map, '2026-11-20', calendar)),
    ).toMatchObject({ missing: 'RIGHTS_NOTIFIED' });
  });
});

describe('R9 statutory range (finding 6)', () => {
  const barbecue: StatutoryRange[] = [
    {
      partyKinds: [],
      penaltyTypes: ['CONFISCATE_ILLEGAL_PROPERTY', 'CONFISCATE_ILLEGAL_GAINS', 'FINE'],
      fineMin: '500',
      fineMax: '20000',
      basis: { law: '大气法', article: '第一百一十八条第三款' },
    },
  ];
  it('refuses a fine above the statute whatever reason is given', () => {
    const r = refusal(() => checkStatutoryRange(proposal({ fineAmount: '50000', outsideRangeReason: '情节恶劣' }), 'NATURAL_PERSON', barbecue));
    expect(r).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fineAmount' });
    expect(r!.message).toContain('20000');
  });
  it('allows below the minimum only on a statutory mitigation ground, and noted', () => {
    expect(refusal(() => checkStatutoryRange(proposal({ fineAmount: '300' }), 'NATURAL_PERSON', barbecue))).toMatchObject({ field: 'fineAmount' });
    expect(checkStatutoryRange(proposal({ fineAmount: '300', mitigationGround: 'CONSEQUENCES_ELIMINATED' }), 'NATURAL_PERSON', barbecue)[0]).toContain(
      '第三十二条',
    );
  });
  it('refuses penalty types the statute does not provide, and ranges that exclude the party', () => {
    expect(refusal(() => checkStatutoryRange(proposal({ penaltyTypes: ['FINE', 'ORDER_STOP_BUSINESS'] }), 'NATURAL_PERSON', barbecue))).toMatchObject({
      field: 'penaltyTypes',
    });
    const unitsOnly: StatutoryRange[] = [{ ...barbecue[0]!, partyKinds: ['LEGAL_PERSON'] }];
    expect(refusal(() => checkStatutoryRange(proposal(), 'NATURAL_PERSON', unitsOnly))).toMatchObject({ field: 'penaltyTypes' });
    expect(checkStatutoryRange(proposal(), 'NATURAL_PERSON', [])[0]).toContain('未载明法定处罚幅度');
  });
  it('the powers validation refuses inverted or overlapping ranges', () => {
    const item = {
      name: '事项',
      category: 'PENALTY',
      enforcementArea: '城市管理综合执法',
      establishingBasis: [{ law: 'L', article: 'A' }],
      procedureSteps: ['立案'],
      reliefChannels: [{ kind: 'ADMINISTRATIVE_RECONSIDERATION', body: 'B', timeLimit: 'T' }],
    };
    const range = { penaltyTypes: ['FINE'], fineMin: '500', fineMax: '200', basis: { law: 'L', article: 'A' } };
    expect(refusal(() => parsePowerItem({ ...item, statutoryRanges: [range] }))).toMatchObject({ field: 'item.statutoryRanges.0.fineMax' });
    const ok = { ...range, fineMax: '2000' };
    expect(refusal(() => parsePowerItem({ ...item, statutoryRanges: [ok, ok] }))).toMatchObject({ field: 'item.statutoryRanges.1.partyKinds' });
  });
});

describe('R18 substance (finding 7)', () => {
  it('recognises placeholder hashes', () => {
    expect(plausibleSha256('0'.repeat(64))).toBe(false);
    expect(plausibleSha256('ab'.repeat(32))).toBe(false);
    expect(plausibleSha256(sha256Of(''))).toBe(false);
    expect(plausibleSha256(sha256Of('现场执法记录仪视频'))).toBe(true);
  });
  it('refuses a one-letter document and an AV duration that does not match its times', () => {
    expect(refusal(() => checkDocumentText('x'))).toMatchObject({ field: 'content' });
    expect(refusal(() => checkDocumentText('经现场检查，当事人在禁止区域内露天烧烤。'))).toBeNull();
    const start = new Date('2026-11-03T03:00:00Z');
    expect(refusal(() => checkAvTimes(start, new Date('2026-11-03T03:10:00Z'), 5))).toMatchObject({ field: 'durationSeconds' });
    expect(refusal(() => checkAvTimes(start, new Date('2026-11-03T03:10:00Z'), 600))).toBeNull();
  });
  it('does not count unnumbered documents, placeholder AV hashes, or records added after closing without a reason', () => {
    const base = {
      procedure: 'SIMPLE' as const,
      outcome: 'PENALTY' as const,
      executed: false,
      hearingHeld: false,
      reviewed: false,
      events: [{ kind: 'CREDENTIAL_SHOWN' }],
      avActivities: ['ON_SITE_INSPECTION'],
    };
    const doc = (documentType: string, stage: string, extra = {}) => ({
      kind: 'TEXT_RECORD',
      stage,
      documentType,
      documentNumber: 'N1',
      contentHash: sha256Of('c'),
      ...extra,
    });
    const av = (sha256: string) => ({ kind: 'AV_RECORD', stage: 'INITIATION', activity: 'ON_SITE_INSPECTION', sha256 });
    const complete = [av(sha256Of('v')), doc('DECISION', 'DECISION'), doc('SERVICE_RECEIPT', 'SERVICE'), doc('CLOSING_REPORT', 'ARCHIVING')];
    expect(missingForArchive({ ...base, entries: complete })).toEqual([]);
    expect(missingForArchive({ ...base, entries: [...complete.slice(0, 3), doc('CLOSING_REPORT', 'ARCHIVING', { documentNumber: null })] })).toContain(
      '结案报告缺少文书编号或内容摘要，或系结案后录入而未作为补正记录（R18）',
    );
    expect(missingForArchive({ ...base, entries: [av('0'.repeat(64)), ...complete.slice(1)] }).join()).toContain('SHA-256 无效');
    const late = doc('CLOSING_REPORT', 'ARCHIVING', { afterClosing: true });
    expect(missingForArchive({ ...base, entries: [...complete.slice(0, 3), late] })).not.toEqual([]);
    expect(missingForArchive({ ...base, entries: [...complete.slice(0, 3), { ...late, supplementReason: '结案后补正' }] })).toEqual([]);
  });
});

describe('seizure limit (finding 11, 行政强制法 Art. 25)', () => {
  const m = { startedOn: '2026-11-09', endsOn: measureEnd('2026-11-09'), extendedTo: null, liftedOn: null };
  it('runs 30 calendar days and is overdue after them unless lifted', () => {
    expect(m.endsOn).toBe('2026-12-09');
    expect(measureOverdue(m, '2026-12-09')).toBe(false);
    expect(measureOverdue(m, '2026-12-10')).toBe(true);
    expect(measureOverdue({ ...m, liftedOn: '2026-12-01' }, '2027-01-01')).toBe(false);
  });
  it('may be extended once, by at most 30 days, before it ends', () => {
    expect(checkExtension(m, 30, '2026-12-01')).toBe('2027-01-08');
    expect(refusal(() => checkExtension(m, 31, '2026-12-01'))).toMatchObject({ field: 'days' });
    expect(refusal(() => checkExtension({ ...m, extendedTo: '2026-12-20' }, 5, '2026-12-01'))).toMatchObject({ code: 'INVALID_STATE' });
    expect(refusal(() => checkExtension(m, 10, '2026-12-10'))).toMatchObject({ code: 'INVALID_STATE' });
  });
});

describe('fine payment (Art. 67, 72)', () => {
  it('is due 15 days after service; 3 % of the fine per day late, never more than the fine', () => {
    expect(paymentDue('2026-11-02')).toBe('2026-11-17');
    expect(lateSurcharge('1000', '2026-11-17', '2026-11-17')).toBe('0');
    expect(lateSurcharge('1000', '2026-11-17', '2026-11-20')).toBe('90');
    expect(lateSurcharge('1000', '2026-11-17', '2027-03-01')).toBe('1000');
    expect(lateSurcharge('333.33', '2026-11-17', '2026-11-18')).toBe('9.99');
  });
  it('stops the surcharge when the fine is covered and says what is still owed', () => {
    const s = fineStatus('1000', '2026-11-17', [{ amount: '1000', paidOn: '2026-11-19' }], '2026-12-31');
    expect(s).toMatchObject({ lateSurcharge: '60', totalDue: '1060', paid: '1000', outstanding: '60', paidInFull: false, daysLate: 2 });
    expect(fineStatus('1000', '2026-11-17', [{ amount: '1060', paidOn: '2026-11-19' }], '2026-12-31').paidInFull).toBe(true);
  });
});

describe('archive retention by case type', () => {
  it('ends on 31 December of the archive year plus the years; no rule means permanent', () => {
    expect(retentionFor(DEFAULT_RETENTION, 'PENALTY', 'GENERAL', '2026-11-20')).toEqual({ years: 30, until: '2056-12-31' });
    expect(retentionFor(DEFAULT_RETENTION, 'PENALTY', 'SIMPLE', '2026-11-20')).toEqual({ years: 10, until: '2036-12-31' });
    expect(retentionFor([], 'LICENSING', 'GENERAL', '2026-11-20')).toEqual({ years: null, until: null });
  });
});

describe('publication templates (finding 10) and corrections', () => {
  const snap = (over: Partial<PublicationSnapshot['decision']> = {}, caseType = 'PENALTY'): PublicationSnapshot => ({
    agency: { id: 'A', name: '乌鲁木齐市米东区城市管理局', uscc: '116501090100045286' },
    party: { kind: 'NATURAL_PERSON', name: '马某某', uscc: null, residentId: '650109198503120318', legalRepresentative: null, isMinor: false },
    caseType,
    procedure: 'GENERAL',
    powerItem: { code: 'X', name: '对在禁止区域内露天烧烤食品的行政处罚', category: caseType, publicSummary: '在当地人民政府禁止的区域内露天烧烤食品' },
    decision: {
      number: '米城管罚〔2026〕1号',
      date: '2026-11-20',
      outcome: 'PENALTY',
      penaltyTypes: ['FINE'],
      fineAmount: '1000',
      confiscationAmount: null,
      legalBasis: [{ law: '中华人民共和国大气污染防治法', article: '第一百一十八条第三款' }],
      ...over,
    },
  });
  it('writes a penalty from the item’s wording, never “违反……的规定” of the item name', () => {
    const c = publicContent(snap());
    expect(c).toMatchObject({ title: '行政处罚决定信息公示', violation: '马某在当地人民政府禁止的区域内露天烧烤食品', partyName: '马某' });
    expect(c.text).toBe(
      '马某在当地人民政府禁止的区域内露天烧烤食品。乌鲁木齐市米东区城市管理局依据《中华人民共和国大气污染防治法》第一百一十八条第三款，决定给予罚款 1000 元。',
    );
  });
  it('publishes a licence grant as a grant (no violation) and a seizure with its period', () => {
    const licence = publicContent(snap({ outcome: 'LICENCE_GRANTED', penaltyTypes: [], fineAmount: null }, 'LICENSING'));
    expect(licence).toMatchObject({ title: '准予行政许可决定公示', violation: null, category: '行政许可' });
    expect(licence.text).toContain('决定准予行政许可');
    const seizure = publicContent(
      snap({ outcome: 'IMPOUND', penaltyTypes: [], fineAmount: null, measure: { startedOn: '2026-11-09', endsOn: '2026-12-09' } }, 'COERCION'),
    );
    expect(seizure.conclusion).toBe('扣押，期限自 2026-11-09 至 2026-12-09');
  });
  it('records corrections with what they replaced, and refuses early ends for severe penalties or unfulfilled decisions', () => {
    const { snapshot, changes } = applyCorrection(snap(), { matter: '在禁止区域内露天烧烤食品并为他人提供场地' });
    expect(changes).toEqual([{ field: 'matter', from: '在当地人民政府禁止的区域内露天烧烤食品', to: '在禁止区域内露天烧烤食品并为他人提供场地' }]);
    expect(publicContent(snapshot).violation).toContain('为他人提供场地');
    expect(earlyEndObstacles(snap(), true)).toEqual([]);
    expect(earlyEndObstacles(snap(), false)).toHaveLength(1);
    expect(earlyEndObstacles(snap({ penaltyTypes: ['FINE', 'ORDER_STOP_BUSINESS'] }), true)[0]).toContain('第十四条第三款');
  });
});

describe('credential status history (finding 12)', () => {
  const o = {
    credentialStatus: 'VALID' as const,
    validFrom: '2024-01-01',
    validUntil: '2028-12-31',
    enforcementAreas: ['城市管理综合执法'],
    credentialHistory: [
      { status: 'VALID' as const, effectiveFrom: '2024-01-01' },
      { status: 'SUSPENDED' as const, effectiveFrom: '2026-09-01' },
      { status: 'VALID' as const, effectiveFrom: '2026-10-15' },
    ],
  };
  it('judges a past date by the status in force that day, not by today’s', () => {
    expect(credentialStatusOn(o, '2026-08-31')).toBe('VALID');
    expect(credentialValidOn(o, '2026-09-20')).toEqual({ valid: false, reason: '执法证已暂扣' });
    expect(credentialValidOn(o, '2026-10-15').valid).toBe(true);
    // Without a history the current status covers every date (rows from before histories were kept).
    expect(credentialValidOn({ ...o, credentialHistory: null, credentialStatus: 'SUSPENDED' }, '2025-01-01').valid).toBe(false);
  });
});

describe('R7: no participant of the case reviews it (finding 5)', () => {
  const reviewer = {
    id: 'R',
    name: '张伟',
    agencyId: 'A',
    reviewQualified: true,
    legalProfessionCertificate: 'A2015',
    firstTimeReviewer: false,
    credentialStatus: 'VALID' as const,
    validFrom: '2024-01-01',
    validUntil: '2028-12-31',
    enforcementAreas: [],
  };
  const records = [
    { kind: 'TEXT_RECORD', actor: 'O1', payload: JSON.stringify({ officerIds: ['O1', 'R'] }) },
    { kind: 'REVIEW_OPINION', actor: 'R2', payload: '{}' },
  ];
  it('collects actors and officers of the log, except the review’s own entries', () => {
    expect([...caseParticipants(records)].sort()).toEqual(['O1', 'R']);
  });
  it('refuses an officer who took part in the on-site inspection without being a handler', () => {
    expect(refusal(() => checkReviewer(reviewer, 'R', { agencyId: 'A', handlingOfficerIds: ['O1', 'O2'], records }))).toMatchObject({
      code: 'FORBIDDEN',
      field: 'reviewerId',
    });
    expect(refusal(() => checkReviewer({ ...reviewer, id: 'R2' }, 'R2', { agencyId: 'A', handlingOfficerIds: ['O1', 'O2'], records }))).toBeNull();
  });
});
