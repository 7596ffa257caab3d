import { describe, expect, it } from 'vitest';
import {
  assertAssignedReviewer,
  automaticFindings,
  checkReviewer,
  validateOpinion,
  type Dossier,
  type DossierProposal,
  type DossierRecord,
  type ReviewerFacts,
} from '../../subgraphs/reviews/domain/rules.js';
import { REVIEW_POINTS, type AutomaticFinding } from '../../subgraphs/reviews/domain/types.js';
import { loadBundledCalendar } from '../../kernel/calendar.js';
import type { AppError } from '../../kernel/errors.js';

// Legal review rules without a database: R7 (who may review), R8 (automatic findings, the opinion).

const problem = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    const x = (e as AppError).extensions;
    return { code: x.code, field: x.field, message: (e as Error).message };
  }
  return null;
};

const reviewer = (over: Partial<ReviewerFacts> = {}): ReviewerFacts => ({
  id: 'R1',
  name: '张伟',
  agencyId: 'A',
  credentialStatus: 'VALID',
  validFrom: '2024-01-01',
  validUntil: '2028-12-31',
  enforcementAreas: ['城市管理综合执法'],
  reviewQualified: true,
  legalProfessionCertificate: 'A2018',
  firstTimeReviewer: false,
  ...over,
});

describe('reviewer eligibility (R7)', () => {
  const c = { agencyId: 'A', handlingOfficerIds: ['O1', 'O2'] };
  it('accepts a qualified reviewer of the agency who did not handle the case', () => {
    expect(() => checkReviewer(reviewer(), 'R1', c)).not.toThrow();
    expect(() => checkReviewer(reviewer({ firstTimeReviewer: true }), 'R1', c)).not.toThrow();
  });
  it('refuses each violation with the reason', () => {
    expect(problem(() => checkReviewer(undefined, 'X', c))).toMatchObject({ code: 'FORBIDDEN', field: 'reviewerId' });
    expect(problem(() => checkReviewer(reviewer({ reviewQualified: false }), 'R1', c))?.message).toContain('不具备法制审核资格');
    expect(problem(() => checkReviewer(reviewer({ firstTimeReviewer: true, legalProfessionCertificate: null }), 'R1', c))?.message).toContain('法律职业资格');
    expect(problem(() => checkReviewer(reviewer({ id: 'O1' }), 'O1', c))?.message).toContain('承办人员');
    expect(problem(() => checkReviewer(reviewer({ agencyId: 'B' }), 'R1', c))?.message).toContain('不属于');
    expect(problem(() => checkReviewer(reviewer({ credentialStatus: 'SUSPENDED' }), 'R1', c))?.message).toContain('SUSPENDED');
  });
  it('lets only the assigned reviewer record the opinion', () => {
    expect(() => assertAssignedReviewer({ role: 'REVIEWER', officerId: 'R1' }, 'R1')).not.toThrow();
    expect(problem(() => assertAssignedReviewer({ role: 'REVIEWER', officerId: 'R2' }, 'R1'))?.code).toBe('FORBIDDEN');
    expect(problem(() => assertAssignedReviewer({ role: 'OFFICER', officerId: 'R1' }, 'R1'))?.code).toBe('FORBIDDEN');
    expect(problem(() => assertAssignedReviewer({ role: 'REVIEWER', officerId: 'R1' }, null))?.code).toBe('INVALID_STATE');
  });
});

const proposal = (over: Partial<DossierProposal> = {}): DossierProposal => ({
  id: 'P1',
  contentHash: 'h',
  outcome: 'PENALTY',
  penaltyTypes: ['FINE'],
  fineAmount: '5000',
  discretionTier: 'ORDINARY',
  legalBasis: [{ law: '大气污染防治法', article: '第一百一十八条' }],
  outsideRangeReason: null,
  reviewFlags: [],
  hearingRight: false,
  checks: { fineWithinBenchmark: true, benchmarkMin: '2000', benchmarkMax: '8000', notes: [] },
  ...over,
});

const rec = (kind: string, stage: string, payload: Record<string, unknown>): DossierRecord => ({ kind, stage, payload: JSON.stringify(payload) });
const dossier = (
  records = [
    rec('TRANSITION', 'INITIATION', { action: 'file', on: '2026-11-02', officerIds: ['O1', 'O2'] }),
    rec('EVENT', 'INITIATION', { eventKind: 'CREDENTIAL_SHOWN', occurredOn: '2026-11-02', officerIds: ['O1', 'O2'] }),
    rec('TEXT_RECORD', 'INITIATION', { documentType: 'FILING_APPROVAL', title: '立案审批表', occurredOn: '2026-11-02', officerIds: [] }),
    rec('TEXT_RECORD', 'INVESTIGATION', {
      documentType: 'ON_SITE_INSPECTION_RECORD',
      title: '现场检查笔录',
      occurredOn: '2026-11-03',
      officerIds: ['O1', 'O2'],
    }),
    rec('AV_RECORD', 'INVESTIGATION', { activity: 'ON_SITE_INSPECTION', startedAt: '2026-11-03T03:00:00Z', officerIds: ['O1', 'O2'] }),
    rec('EVENT', 'INVESTIGATION', { eventKind: 'RIGHTS_NOTIFIED', occurredOn: '2026-11-05', officerIds: [] }),
    rec('TEXT_RECORD', 'INVESTIGATION', { documentType: 'RIGHTS_NOTICE', title: '告知书', occurredOn: '2026-11-05', officerIds: [] }),
  ],
): Dossier => ({
  id: 'C1',
  caseNumber: '米城管罚〔2026〕1号',
  agencyId: 'A',
  state: 'NOTIFIED',
  procedure: 'GENERAL',
  caseType: 'PENALTY',
  powerItemCode: '650109-CF-0001',
  filedOn: '2026-11-02',
  decisionDueOn: '2027-01-31',
  enforcementArea: '城市管理综合执法',
  handlingOfficerIds: ['O1', 'O2'],
  proposals: [proposal()],
  records,
});
const officers = new Map([
  ['O1', reviewer({ id: 'O1', name: '孙志强' })],
  ['O2', reviewer({ id: 'O2', name: '阿不都热合曼' })],
]);
const ctx = { today: '2026-11-20', avActivities: ['ON_SITE_INSPECTION', 'HEARING'], calendar: loadBundledCalendar(), agencyName: '米东区城市管理局' };
const byPoint = (f: AutomaticFinding[]) => Object.fromEntries(f.map((x) => [x.point, x]));

describe('automatic findings (R8)', () => {
  it('covers all nine points, passing a complete case', () => {
    const f = automaticFindings(dossier(), proposal(), officers, ctx);
    expect(f.map((x) => x.point)).toEqual([...REVIEW_POINTS]);
    const p = byPoint(f);
    expect(p.OFFICERS_QUALIFIED!.result).toBe('PASS');
    expect(p.DISCRETION!.result).toBe('PASS');
    expect(p.PROCEDURE_LAWFUL!.result).toBe('PASS');
    expect(p.DOCUMENTS!.result).toBe('PASS');
    expect(p.LEGAL_BASIS).toMatchObject({ result: 'NOT_CHECKED', evidence: ['大气污染防治法第一百一十八条'] });
  });

  it('flags an expired credential on an action date, naming the officer', () => {
    const expiring = new Map(officers);
    expiring.set('O2', reviewer({ id: 'O2', name: '杨帆', validUntil: '2026-11-02' }));
    const p = byPoint(automaticFindings(dossier(), proposal(), expiring, ctx));
    expect(p.OFFICERS_QUALIFIED!.result).toBe('ISSUE');
    expect(p.OFFICERS_QUALIFIED!.evidence.join()).toContain('杨帆（执法证有效期至 2026-11-02，2026-11-03 已过期）');
  });

  it('flags a fine outside the benchmark with the written reason (R9)', () => {
    const p = byPoint(
      automaticFindings(
        dossier(),
        proposal({ checks: { fineWithinBenchmark: false, benchmarkMin: '2000', benchmarkMax: '8000', notes: ['超出'] }, outsideRangeReason: '从重' }),
        officers,
        ctx,
      ),
    );
    expect(p.DISCRETION).toMatchObject({ result: 'ISSUE', evidence: ['超出', '书面理由：从重'] });
  });

  it('flags the 90-day limit, a missing notice, a pending hearing and missing documents', () => {
    const bare = dossier([rec('TRANSITION', 'INITIATION', { action: 'file', on: '2026-08-01', officerIds: ['O1', 'O2'] })]);
    const p = byPoint(automaticFindings({ ...bare, filedOn: '2026-08-01', decisionDueOn: '2026-10-30' }, proposal(), officers, ctx));
    expect(p.PROCEDURE_LAWFUL!.result).toBe('ISSUE');
    expect(p.PROCEDURE_LAWFUL!.evidence.join()).toContain('已超过作出决定的期限 2026-10-30');
    expect(p.PROCEDURE_LAWFUL!.evidence.join()).toContain('未记录告知');
    expect(p.DOCUMENTS!.evidence).toEqual(['缺少立案审批表', '缺少行政处罚告知书', '缺少调查取证记录', '缺少出示执法证件记录（R3）']);

    const requested = dossier([
      ...dossier().records,
      rec('EVENT', 'INVESTIGATION', { eventKind: 'HEARING_REQUESTED', occurredOn: '2026-11-06', officerIds: [] }),
    ]);
    expect(byPoint(automaticFindings(requested, proposal({ hearingRight: true }), officers, ctx)).PROCEDURE_LAWFUL!.result).toBe('ISSUE');
    const open = byPoint(automaticFindings(dossier(), proposal({ hearingRight: true }), officers, { ...ctx, today: '2026-11-10' }));
    expect(open.PROCEDURE_LAWFUL!.evidence.join()).toContain('听证申请期限至 2026-11-12');
  });

  it('requires AV records for listed activities that happened', () => {
    const noAv = dossier(dossier().records.filter((r) => r.kind !== 'AV_RECORD'));
    expect(byPoint(automaticFindings(noAv, proposal(), officers, ctx)).DOCUMENTS!.evidence).toEqual(['缺少ON_SITE_INSPECTION 的音像记录']);
  });
});

describe('the opinion (R8)', () => {
  const automatic = automaticFindings(dossier(), proposal(), officers, ctx);
  const pass = () => REVIEW_POINTS.map((point) => ({ point, result: 'PASS' as const }));
  it('accepts nine PASS findings with APPROVED', () => {
    const v = validateOpinion({ findings: pass(), conclusion: 'APPROVED', opinion: ' 同意 ' }, automatic);
    expect(v.opinion).toBe('同意');
    expect(v.findings.every((f) => !f.overridesAutomatic)).toBe(true);
  });
  it('refuses incomplete, duplicated or undecided findings', () => {
    expect(problem(() => validateOpinion({ findings: pass().slice(1), conclusion: 'APPROVED', opinion: 'x' }, automatic))?.field).toBe('findings');
    expect(problem(() => validateOpinion({ findings: [...pass(), pass()[0]!], conclusion: 'APPROVED', opinion: 'x' }, automatic))?.field).toBe(
      'findings.9.point',
    );
    const undecided = pass().map((f, i) => (i === 0 ? { ...f, result: 'NOT_CHECKED' as const } : f));
    expect(problem(() => validateOpinion({ findings: undecided, conclusion: 'APPROVED', opinion: 'x' }, automatic))?.field).toBe('findings.0.result');
  });
  it('requires a note to override an automatic finding', () => {
    const override = pass().map((f) => (f.point === 'DOCUMENTS' ? { ...f, result: 'ISSUE' as const } : f));
    expect(
      problem(() => validateOpinion({ findings: override, conclusion: 'ISSUES_FOUND', opinion: 'x', requiredCorrections: ['补'] }, automatic))?.field,
    ).toBe('findings.7.note');
    const noted = override.map((f) => (f.point === 'DOCUMENTS' ? { ...f, note: '证据目录不全' } : f));
    const v = validateOpinion({ findings: noted, conclusion: 'ISSUES_FOUND', opinion: 'x', requiredCorrections: ['补'] }, automatic);
    expect(v.findings.find((f) => f.point === 'DOCUMENTS')).toMatchObject({ overridesAutomatic: true, note: '证据目录不全' });
  });
  it('ties the conclusion to the findings and requires corrections for ISSUES_FOUND', () => {
    const withIssue = pass().map((f) => (f.point === 'LEGAL_BASIS' ? { ...f, result: 'ISSUE' as const } : f));
    expect(problem(() => validateOpinion({ findings: withIssue, conclusion: 'APPROVED', opinion: 'x' }, automatic))?.field).toBe('conclusion');
    expect(problem(() => validateOpinion({ findings: pass(), conclusion: 'ISSUES_FOUND', opinion: 'x', requiredCorrections: ['a'] }, automatic))?.field).toBe(
      'conclusion',
    );
    expect(
      problem(() => validateOpinion({ findings: withIssue, conclusion: 'ISSUES_FOUND', opinion: 'x', requiredCorrections: [' '] }, automatic))?.field,
    ).toBe('requiredCorrections');
    expect(problem(() => validateOpinion({ findings: pass(), conclusion: 'APPROVED', opinion: '  ' }, automatic))?.field).toBe('opinion');
  });
});
