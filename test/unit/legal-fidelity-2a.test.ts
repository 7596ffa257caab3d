import { describe, expect, it } from 'vitest';
import {
  assertCanDo,
  changedGrounds,
  checkRightsAndHearing,
  isServiceOverdue,
  missingForArchive,
  type CaseAction,
  type CompletenessInput,
  type CaseEventFact,
  type CatalogRule,
  type DecisionFacts,
} from '../../subgraphs/cases/domain/rules.js';
import { latestRound, reviewRoundConcluded, stateBeforeReview } from '../../subgraphs/cases/domain/review-round.js';
import { earliestOf, latestDate, serviceLate } from '../../subgraphs/cases/domain/stated-order.js';
import { recordedBeforeItsAct } from '../../subgraphs/cases/domain/act-order.js';
import { checkMitigationGround } from '../../subgraphs/cases/domain/mitigation.js';
import { checkNotParticipant } from '../../subgraphs/reviews/domain/rules.js';
import { checkRequestedHearing, hearingHeldBy } from '../../subgraphs/cases/domain/hearing.js';
import { requirementAtDecision } from '../../subgraphs/cases/domain/requirement.js';
import { CASE_STATES, type CaseState, type ProcedureKind, type ProposalContent } from '../../subgraphs/cases/domain/types.js';
import { loadBundledCalendar } from '../../kernel/calendar.js';
import type { AppError } from '../../kernel/errors.js';

// Issue 26 part A: the pure rules behind each point (the gateway tests are in test/e2e/legal-fidelity-2a.test.ts).

const calendar = loadBundledCalendar();
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
const ev = (kind: string, occurredOn: string, extra: Partial<CaseEventFact> = {}): CaseEventFact => ({ kind, occurredOn, ...extra });

describe('R5 after a hearing: the requirement is evaluated again at the decision', () => {
  const rule = (code: string, over: Partial<CatalogRule>): CatalogRule => ({
    code,
    description: code,
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
  const catalog = [
    rule('LICENCE-HEARD', { caseTypes: ['LICENSING'], hearingHeld: true }),
    rule('MAJOR-RIGHTS', { hearingHeld: true, flags: ['MAJOR_RIGHTS'], collectiveDiscussion: true }),
  ];
  const policy = { reviewAllGeneralProcedurePenalties: false };
  const none = { reviewRequired: false, collectiveDiscussionRequired: false };
  const licence: DecisionFacts = {
    procedure: 'GENERAL',
    caseType: 'LICENSING',
    partyKind: 'LEGAL_PERSON',
    proposal: proposal({ outcome: 'LICENCE_GRANTED', penaltyTypes: [], fineAmount: null }),
  };

  it('a licence heard after its proposal needs review; one not heard does not', () => {
    expect(requirementAtDecision(catalog, licence, policy, true, none)).toMatchObject({
      hearingHeld: true,
      reviewRequired: true,
      collectiveDiscussionRequired: false,
    });
    expect(requirementAtDecision(catalog, licence, policy, false, none)).toMatchObject({ reviewRequired: false });
  });

  it('a major-rights penalty heard after its proposal needs review and collective discussion', () => {
    const fine: DecisionFacts = {
      procedure: 'GENERAL',
      caseType: 'PENALTY',
      partyKind: 'NATURAL_PERSON',
      proposal: proposal({ fineAmount: '15000', reviewFlags: ['MAJOR_RIGHTS'] }),
    };
    const r = requirementAtDecision(catalog, fine, policy, true, none);
    expect(r).toMatchObject({ reviewRequired: true, collectiveDiscussionRequired: true });
    expect(r.reasons.map((x) => x.ruleCode)).toEqual(['MAJOR-RIGHTS']);
  });

  it('never lifts what the PROPOSAL entry registered', () => {
    expect(requirementAtDecision([], licence, policy, false, { reviewRequired: true, collectiveDiscussionRequired: true })).toMatchObject({
      reviewRequired: true,
      collectiveDiscussionRequired: true,
    });
  });

  it('reads the hearing from the events up to the decision date', () => {
    expect(hearingHeldBy([ev('HEARING_REQUESTED', '2026-12-01'), ev('HEARING_HELD', '2026-12-10')], '2026-12-10')).toBe(true);
    expect(hearingHeldBy([ev('HEARING_HELD', '2026-12-10')], '2026-12-09')).toBe(false);
  });
});

describe('行政许可法 Art. 47–48: a requested hearing is held before a licence is decided', () => {
  const granted = proposal({ outcome: 'LICENCE_GRANTED', penaltyTypes: [], fineAmount: null });
  const run = (events: CaseEventFact[]) => refusal(() => checkRightsAndHearing(granted, 'LEGAL_PERSON', events, new Map(), '2026-12-20', calendar));

  it('refuses a licence while a requested hearing was never held', () => {
    expect(run([ev('HEARING_REQUESTED', '2026-12-01')])).toMatchObject({ code: 'INVALID_STATE', missing: 'HEARING_HELD' });
  });
  it('allows it after the hearing, after a written withdrawal, or with no request', () => {
    expect(run([ev('HEARING_REQUESTED', '2026-12-01'), ev('HEARING_HELD', '2026-12-10')])).toBeNull();
    expect(run([ev('HEARING_REQUESTED', '2026-12-01'), ev('HEARING_WAIVED', '2026-12-02')])).toBeNull();
    expect(run([])).toBeNull();
  });
  it('does not hold up a decision not to penalise or a referral', () => {
    expect(refusal(() => checkRequestedHearing('NO_PENALTY_UNFOUNDED', [ev('HEARING_REQUESTED', '2026-12-01')], '2026-12-20'))).toBeNull();
  });
});

describe('R4 grounds: the notice is bound to the facts, reasons and basis, not only the amount', () => {
  const told = proposal();
  const noticed = new Map([['p1', told]]);
  const notice = [ev('RIGHTS_NOTIFIED', '2026-11-02', { proposalId: 'p1' })];
  const run = (p: ProposalContent) => refusal(() => checkRightsAndHearing(p, 'NATURAL_PERSON', notice, noticed, '2026-11-20', calendar));

  it('refuses the same amount on another article or on other facts', () => {
    const otherArticle = proposal({ legalBasis: [{ law: '中华人民共和国大气污染防治法', article: '第一百一十八条第三款' }] });
    expect(run(otherArticle)).toMatchObject({ code: 'INVALID_STATE', missing: 'RIGHTS_NOTIFIED', changedGrounds: ['法律依据与告知的不同'] });
    expect(run(proposal({ reasoning: '当事人在禁止区域露天烧烤。' }))).toMatchObject({ changedGrounds: ['事实和理由与告知的不同'] });
  });
  it('allows the same grounds, and a lighter proposal that explains why it is lighter (Art. 45)', () => {
    expect(run(proposal())).toBeNull();
    expect(run(proposal({ fineAmount: '3000', reasoning: '听证后查明当事人已改正，从轻处罚。' }))).toBeNull();
    expect(changedGrounds(proposal({ fineAmount: '3000', legalBasis: [{ law: 'x', article: '1' }] }), told)).toEqual(['法律依据与告知的不同']);
  });
  it('a bare waiver (no document) is no waiver', () => {
    const large = proposal({ fineAmount: '15000' });
    const n = new Map([['p1', large]]);
    const waived = (documented: boolean) =>
      refusal(() =>
        checkRightsAndHearing(
          large,
          'NATURAL_PERSON',
          [ev('RIGHTS_NOTIFIED', '2026-11-16', { proposalId: 'p1' }), ev('HEARING_WAIVED', '2026-11-17', { documented })],
          n,
          '2026-11-17',
          calendar,
        ),
      );
    expect(waived(true)).toBeNull();
    expect(waived(false)).toMatchObject({ code: 'INVALID_STATE', hearingWindowEnds: expect.any(String) });
  });
});

describe('R7 late participant: checkNotParticipant', () => {
  const rec = (officerIds: string[], kind = 'TEXT_RECORD', actor = 'o-sun') => ({ kind, actor, payload: JSON.stringify({ officerIds }) });
  it('refuses a reviewer named on a record, accepts one who is not', () => {
    expect(refusal(() => checkNotParticipant('r-zhang', '张', { handlingOfficerIds: ['o-sun'], records: [rec(['o-sun', 'r-zhang'])] }))).toMatchObject({
      code: 'FORBIDDEN',
      field: 'reviewerId',
    });
    expect(refusal(() => checkNotParticipant('r-zhang', '张', { handlingOfficerIds: ['o-sun'], records: [rec(['o-sun', 'o-abd'])] }))).toBeNull();
    // The review's own opinion is not participation.
    expect(refusal(() => checkNotParticipant('r-zhang', '张', { handlingOfficerIds: [], records: [rec([], 'REVIEW_OPINION', 'r-zhang')] }))).toBeNull();
  });
});

describe('no dead end: every state has a lawful way forward', () => {
  const actions: CaseAction[] = ['startInvestigation', 'notify', 'requestHearing', 'submitForReview', 'decide', 'serve', 'execute', 'close', 'archive'];
  const allowed = (state: CaseState, procedure: ProcedureKind, opts = {}) =>
    actions.filter((a) => refusal(() => assertCanDo(a, state, procedure, 'PENALTY', opts)) === null);

  it('every state but ARCHIVED allows some act, in both procedures', () => {
    for (const procedure of ['GENERAL', 'SIMPLE'] as const) {
      for (const state of CASE_STATES) {
        const reachable = procedure === 'SIMPLE' && ['HEARING', 'UNDER_REVIEW'].includes(state) ? false : true;
        if (state === 'ARCHIVED' || !reachable) continue;
        expect(allowed(state, procedure), `${procedure} ${state}`).not.toEqual([]);
      }
    }
  });

  it('after an APPROVED round a new proposal under review can be notified again and submitted again', () => {
    expect(allowed('UNDER_REVIEW', 'GENERAL')).toEqual(['decide']);
    expect(allowed('UNDER_REVIEW', 'GENERAL', { reviewConcluded: true })).toEqual(['notify', 'submitForReview', 'decide']);
  });

  const entry = (kind: string, payload: Record<string, unknown>) => ({ kind, payload: JSON.stringify(payload) });
  it('reads the round from the log, and ISSUES_FOUND goes back to the state before review', () => {
    const submitted = entry('TRANSITION', { from: 'HEARING', to: 'UNDER_REVIEW', reviewId: 'r1', roundNo: 1, proposalId: 'p1' });
    expect(latestRound([submitted])).toMatchObject({ roundNo: 1, concluded: false });
    const approved = entry('REVIEW_OPINION', { reviewId: 'r1', roundNo: 1, conclusion: 'APPROVED' });
    expect(reviewRoundConcluded([submitted, approved])).toBe(true);
    const again = entry('TRANSITION', { from: 'UNDER_REVIEW', to: 'UNDER_REVIEW', reviewId: 'r1', roundNo: 2, proposalId: 'p2' });
    expect(reviewRoundConcluded([submitted, approved, again])).toBe(false);
    expect(stateBeforeReview([submitted, approved, again])).toBe('HEARING');
  });
});

describe('MINOR_OFFENDER (Art. 30) against the ID number', () => {
  const person = (residentId: string | null) => ({ kind: 'NATURAL_PERSON' as const, residentId });
  it('refuses it for a party adult two years before filing (Art. 36(1)), or for an organisation', () => {
    expect(refusal(() => checkMitigationGround('MINOR_OFFENDER', person('11010519491231002X'), '2026-11-23'))).toMatchObject({ field: 'mitigationGround' });
    expect(refusal(() => checkMitigationGround('MINOR_OFFENDER', { kind: 'LEGAL_PERSON', residentId: null }, '2026-11-23'))).toMatchObject({
      field: 'mitigationGround',
    });
  });
  it('accepts it for a minor, and with a note for a party adult at filing but not two years before', () => {
    expect(checkMitigationGround('MINOR_OFFENDER', person('650109201003150018'), '2026-11-23')).toEqual([]);
    expect(checkMitigationGround('MINOR_OFFENDER', person('650109200801010015'), '2026-11-23')).toHaveLength(1);
    expect(checkMitigationGround('CONFESSED', person('11010519491231002X'), '2026-11-23')).toEqual([]);
  });
});

describe('stated dates and the order of what they refer to', () => {
  it('the earliest a stated date may be is the latest of what it refers to', () => {
    expect(
      earliestOf([
        { date: '2026-11-23', what: '立案日期' },
        { date: '2026-11-26', what: '所告知的决定建议的提出日期' },
      ]),
    ).toEqual({
      date: '2026-11-26',
      what: '所告知的决定建议的提出日期',
    });
    expect(earliestOf([{ date: null, what: 'x' }])).toEqual({ date: null, what: '' });
    expect(latestDate('2026-12-22', null, '2026-12-02')).toBe('2026-12-22');
  });
  it('a service recorded after its due date stays late whatever date is stated', () => {
    expect(serviceLate({ serviceDueOn: '2026-12-10', servedOn: '2026-12-02', serviceRecordedOn: '2026-12-14' })).toBe(true);
    expect(serviceLate({ serviceDueOn: '2026-12-10', servedOn: '2026-12-02', serviceRecordedOn: '2026-12-09' })).toBe(false);
    expect(serviceLate({ serviceDueOn: '2026-12-10', servedOn: '2026-12-12', serviceRecordedOn: null })).toBe(true);
    expect(isServiceOverdue({ serviceDueOn: '2026-12-10', servedOn: '2026-12-02', serviceRecordedOn: '2026-12-14' }, '2026-12-20')).toBe(true);
  });
});

describe('R18 order of acts: recordedBeforeItsAct', () => {
  const tr = (to: string) => ({ kind: 'TRANSITION', to });
  const doc = (documentType: string) => ({ kind: 'TEXT_RECORD', documentType });
  it('flags documents recorded before their act, and only those', () => {
    const log = [
      tr('INVESTIGATING'),
      doc('DECISION'),
      doc('ON_SITE_INSPECTION_RECORD'),
      tr('DECIDED'),
      doc('DECISION'),
      doc('SERVICE_RECEIPT'),
      tr('SERVED'),
      doc('SERVICE_RECEIPT'),
      doc('CLOSING_REPORT'),
      tr('EXECUTED'),
      doc('EXECUTION_RECORD'),
      doc('CLOSING_REPORT'),
      tr('CLOSED'),
    ];
    expect(recordedBeforeItsAct(log)).toEqual([false, true, false, false, false, true, false, false, true, false, false, false, false]);
  });
  it('a document whose act never happened is not a record of it', () => {
    expect(recordedBeforeItsAct([tr('INVESTIGATING'), doc('EXECUTION_RECORD')])).toEqual([false, true]);
  });
  it('the archive check names a document recorded before its act', () => {
    const input: CompletenessInput = {
      procedure: 'SIMPLE',
      outcome: 'PENALTY',
      executed: false,
      hearingHeld: false,
      reviewed: false,
      entries: [
        { kind: 'TEXT_RECORD', stage: 'DECISION', documentType: 'DECISION', documentNumber: 'n1', contentHash: 'h', beforeItsAct: true },
        { kind: 'TEXT_RECORD', stage: 'ARCHIVING', documentType: 'CLOSING_REPORT', documentNumber: 'n2', contentHash: 'h' },
      ],
      events: [{ kind: 'CREDENTIAL_SHOWN' }],
      avActivities: [],
    };
    expect(missingForArchive(input).some((m) => m.includes('系在其所记载的行为之前录入'))).toBe(true);
  });
});
