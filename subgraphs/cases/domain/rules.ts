import { createHash } from 'node:crypto';
import { AppError, invalidState } from '../../../kernel/errors.js';
import { canonicalJson } from '../../../kernel/records/chain.js';
import type { WorkingDayCalendar } from '../../../kernel/calendar.js';
import { credentialValidOn, type CredentialFacts } from '../clients/powers.js';
import type { ReviewCatalogRuleContent } from '../clients/powers.js';
import type { CaseState, Outcome, PartyKind, PenaltyType, ProcedureKind, ProposalChecks, ProposalContent, ReviewReason, CaseType } from './types.js';
import { FORMAL_DOCUMENTS, plausibleSha256 } from './documents.js';
import { checkRequestedHearing } from './hearing.js';
import { serviceLate } from './stated-order.js';

// Pure rules of the cases subgraph: no database, no network; every refusal names its legal anchor.

// ---------- money (decimal strings compared in cents, never floats)

export const cents = (s: string): bigint => {
  const [whole, frac = ''] = s.split('.');
  return BigInt(whole ?? '0') * 100n + BigInt((frac + '00').slice(0, 2));
};

// ---------- R2: at least two officers with credentials valid on the action date for the item's area

export interface OfficerFacts extends CredentialFacts {
  id: string;
  name: string;
  agencyId: string;
}

export function checkOfficers(officerIds: readonly string[], found: Map<string, OfficerFacts>, date: string, area: string, agencyId: string): void {
  const distinct = [...new Set(officerIds)];
  if (distinct.length < 2) {
    throw new AppError('CREDENTIAL_INVALID', '执法人员不得少于两人（行政处罚法第四十二条）', { field: 'officerIds', reason: '至少需要两名不同的执法人员' });
  }
  for (const id of distinct) {
    const o = found.get(id);
    if (!o) throw new AppError('CREDENTIAL_INVALID', `执法人员 ${id} 不在执法人员名录中`, { field: 'officerIds', officerId: id, reason: '不在名录中' });
    if (o.agencyId !== agencyId) {
      throw new AppError('CREDENTIAL_INVALID', `执法人员 ${o.name} 不属于本执法主体`, { field: 'officerIds', officerId: id, reason: '不属于本执法主体' });
    }
    const check = credentialValidOn(o, date, area);
    if (!check.valid) {
      throw new AppError('CREDENTIAL_INVALID', `执法人员 ${o.name} 的执法证在 ${date} 不可用：${check.reason}`, {
        field: 'officerIds',
        officerId: id,
        reason: check.reason,
      });
    }
  }
}

// ---------- state machine

export type CaseAction = 'startInvestigation' | 'notify' | 'requestHearing' | 'submitForReview' | 'decide' | 'serve' | 'execute' | 'close' | 'archive';

const FROM: Record<CaseAction, Record<ProcedureKind, readonly CaseState[]>> = {
  startInvestigation: { GENERAL: ['FILED'], SIMPLE: ['FILED'] },
  notify: { GENERAL: ['INVESTIGATING'], SIMPLE: ['FILED', 'INVESTIGATING'] },
  requestHearing: { GENERAL: ['NOTIFIED'], SIMPLE: [] },
  submitForReview: { GENERAL: ['NOTIFIED', 'HEARING'], SIMPLE: [] },
  // Simple procedure (Art. 51-52): decided on the spot after the credential is shown and the party told.
  decide: { GENERAL: ['NOTIFIED', 'HEARING', 'UNDER_REVIEW'], SIMPLE: ['FILED', 'INVESTIGATING', 'NOTIFIED'] },
  serve: { GENERAL: ['DECIDED'], SIMPLE: ['DECIDED'] },
  execute: { GENERAL: ['SERVED'], SIMPLE: ['SERVED'] },
  close: { GENERAL: ['SERVED', 'EXECUTED'], SIMPLE: ['SERVED', 'EXECUTED'] },
  archive: { GENERAL: ['CLOSED'], SIMPLE: ['CLOSED'] },
};

const STATE_ZH: Record<CaseState, string> = {
  FILED: '已立案',
  INVESTIGATING: '调查取证中',
  NOTIFIED: '已告知',
  HEARING: '听证中',
  UNDER_REVIEW: '法制审核中',
  DECIDED: '已决定',
  SERVED: '已送达',
  EXECUTED: '已执行',
  CLOSED: '已结案',
  ARCHIVED: '已归档',
};
const ACTION_ZH: Record<CaseAction, string> = {
  startInvestigation: '开始调查取证',
  notify: '告知',
  requestHearing: '听证',
  submitForReview: '提交法制审核',
  decide: '作出决定',
  serve: '送达',
  execute: '执行',
  close: '结案',
  archive: '归档',
};

/**
 * Decisions other than penalties (a licence, a compulsory measure) have no rights notice of Art. 44 before them:
 * they may be submitted for review and decided straight from the investigation.
 */
const NON_PENALTY_EXTRA: Partial<Record<CaseAction, readonly CaseState[]>> = { submitForReview: ['INVESTIGATING'], decide: ['INVESTIGATING'] };

/**
 * After a concluded (APPROVED) review round a new proposal can be notified again or submitted again from UNDER_REVIEW
 * (issue 26: every state has a lawful way forward; domain/review-round.ts).
 */
const AFTER_CONCLUDED_ROUND: Partial<Record<CaseAction, readonly CaseState[]>> = { notify: ['UNDER_REVIEW'], submitForReview: ['UNDER_REVIEW'] };

export function assertCanDo(
  action: CaseAction,
  state: CaseState,
  procedure: ProcedureKind,
  caseType: CaseType = 'PENALTY',
  opts: { reviewConcluded?: boolean } = {},
): void {
  const extra = [
    ...(caseType !== 'PENALTY' && procedure === 'GENERAL' ? (NON_PENALTY_EXTRA[action] ?? []) : []),
    ...(opts.reviewConcluded && procedure === 'GENERAL' ? (AFTER_CONCLUDED_ROUND[action] ?? []) : []),
  ];
  if (!FROM[action][procedure].includes(state) && !extra.includes(state)) {
    throw invalidState(`${procedure === 'SIMPLE' ? '简易程序' : '普通程序'}案件${STATE_ZH[state]}时不能${ACTION_ZH[action]}`, { state, action });
  }
}

/** Closing straight after service is for decisions with nothing to execute. */
export function needsExecution(content: ProposalContent): boolean {
  if (content.outcome !== 'PENALTY') return false;
  return content.penaltyTypes.some((t) => t !== 'WARNING' && t !== 'CIRCULATED_CRITICISM');
}

// ---------- dates

export function assertNotBefore(date: string, earliest: string | null | undefined, field: string, what: string): void {
  if (earliest && date < earliest) {
    throw new AppError('BAD_USER_INPUT', `输入有误：${field} 不得早于${what}（${earliest}）`, { field, reason: `不得早于${what}（${earliest}）` });
  }
}

export function assertNotFuture(date: string, today: string, field: string): void {
  if (date > today) throw new AppError('BAD_USER_INPUT', `输入有误：${field} 不得晚于今天（${today}）`, { field, reason: '不得晚于今天' });
}

export function addCalendarDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** R10: past the case type's time limit (domain/facts.ts decisionDue); a case without one is never overdue. */
export const isDecisionOverdue = (c: { decisionDueOn: string | null; decidedOn: string | null }, today: string) =>
  !!c.decisionDueOn && (c.decidedOn ? c.decidedOn > c.decisionDueOn : today > c.decisionDueOn);

/** R11: served on the spot when the party is present, else within 7 working days (Art. 61, 85). */
export function serviceDue(decidedOn: string, partyPresent: boolean, calendar: WorkingDayCalendar): { date: string; confirmed: boolean } {
  return partyPresent ? { date: decidedOn, confirmed: true } : calendar.addWorkingDays(decidedOn, 7);
}
/** R11 overdue; a service recorded after its due date stays flagged whatever date is stated (domain/stated-order.ts). */
export const isServiceOverdue = (c: { serviceDueOn: string | null; servedOn: string | null; serviceRecordedOn?: string | null }, today: string) =>
  !!c.serviceDueOn && (c.servedOn ? serviceLate(c) : today > c.serviceDueOn);

// ---------- R4: rights notice and the hearing window

/** Art. 63: penalties that give the party a right to request a hearing. */
const HEARING_PENALTIES: readonly PenaltyType[] = [
  'LOWER_QUALIFICATION',
  'REVOKE_LICENCE',
  'ORDER_STOP_BUSINESS',
  'ORDER_CLOSURE',
  'RESTRICT_PRACTICE',
  'RESTRICT_BUSINESS',
];
/**
 * "较大数额" of Art. 63(1)-(2) is set by provinces; these defaults (10,000 yuan for a person, 100,000 for an
 * organisation) are the commonly used ones and are kept in one place to become an agency setting.
 */
export const LARGE_AMOUNT: Record<PartyKind, bigint> = { NATURAL_PERSON: cents('10000'), INDIVIDUAL_BUSINESS: cents('10000'), LEGAL_PERSON: cents('100000') };

export function hasHearingRight(p: ProposalContent, partyKind: PartyKind): boolean {
  if (p.outcome !== 'PENALTY') return false;
  if (p.penaltyTypes.some((t) => HEARING_PENALTIES.includes(t))) return true;
  const large = LARGE_AMOUNT[partyKind];
  return (p.fineAmount !== null && cents(p.fineAmount) >= large) || (p.confiscationAmount !== null && cents(p.confiscationAmount) >= large);
}

export interface CaseEventFact {
  kind: string;
  occurredOn: string;
  /** For a rights notice: the proposal it told the party about (R4 is bound to the proposal). */
  proposalId?: string | null;
  /** For a hearing waiver: recorded with the party's written statement (a document); a bare waiver does not count. */
  documented?: boolean;
}

const amount = (s: string | null) => (s === null ? 0n : cents(s));

/**
 * Why proposal `p` is heavier than the noticed proposal `q` (empty: not heavier). A heavier decision than the
 * one the party was told about needs a new notice and a new hearing window (Art. 44, 63, 64).
 */
export function heavierReasons(p: ProposalContent, q: ProposalContent): string[] {
  if (p.outcome !== 'PENALTY') return [];
  if (q.outcome !== 'PENALTY') return ['告知的是不予处罚或移送，现拟给予行政处罚'];
  const reasons: string[] = [];
  const added = p.penaltyTypes.filter((t) => !q.penaltyTypes.includes(t));
  if (added.length) reasons.push(`增加了处罚种类 ${added.join('、')}`);
  if (amount(p.fineAmount) > amount(q.fineAmount)) reasons.push(`罚款由 ${q.fineAmount ?? 0} 元增至 ${p.fineAmount} 元`);
  if (amount(p.confiscationAmount) > amount(q.confiscationAmount)) {
    reasons.push(`没收金额由 ${q.confiscationAmount ?? 0} 元增至 ${p.confiscationAmount} 元`);
  }
  return reasons;
}

const basisKey = (p: ProposalContent) =>
  [...new Set(p.legalBasis.map((b) => `${b.law.replace(/\s+/g, '')}|${b.article.replace(/\s+/g, '')}`))].sort().join('\n');

/**
 * Why the grounds of proposal `p` differ from those of the noticed proposal `q` (empty: the same grounds). Art. 44
 * requires telling the party the facts, reasons and basis, not only the amount: another legal basis always needs a
 * new notice; other facts or reasons need one unless `p` is strictly lighter than `q` (after statements or a
 * hearing the handlers may explain why they lighten it, Art. 45 — the party is not worse off).
 */
export function changedGrounds(p: ProposalContent, q: ProposalContent): string[] {
  if (p.outcome !== 'PENALTY' || q.outcome !== 'PENALTY') return [];
  const reasons: string[] = [];
  if (basisKey(p) !== basisKey(q)) reasons.push('法律依据与告知的不同');
  const lighter = heavierReasons(q, p).length > 0 && heavierReasons(p, q).length === 0;
  if (p.reasoning.replace(/\s+/g, '') !== q.reasoning.replace(/\s+/g, '') && !lighter) reasons.push('事实和理由与告知的不同');
  return reasons;
}

/**
 * R4: before a penalty decision the party was told, in a notice bound to a proposal at least as heavy as the
 * one decided, and, where a hearing right exists, the window after THAT notice is over (or waived, or held).
 * `events` are in record order; `noticed` gives the content of the proposals notices name.
 */
export function checkRightsAndHearing(
  p: ProposalContent,
  partyKind: PartyKind,
  events: CaseEventFact[],
  noticed: ReadonlyMap<string, ProposalContent>,
  decidedOn: string,
  calendar: WorkingDayCalendar,
): void {
  // Not a penalty: a hearing the applicant or an interested party requested must have been held (行政许可法 Art. 47–48).
  if (p.outcome !== 'PENALTY') return checkRequestedHearing(p.outcome, events, decidedOn);
  // By date (stable: same-day events keep their record order); the latest notice on or before the decision date
  // is what the party was last told (Art. 44, 62).
  const byDate = [...events].sort((a, b) => a.occurredOn.localeCompare(b.occurredOn));
  const notice = byDate.filter((e) => e.kind === 'RIGHTS_NOTIFIED' && e.occurredOn <= decidedOn).at(-1);
  if (!notice) {
    throw invalidState('作出行政处罚决定前须告知当事人拟作出的处罚内容及事实、理由、依据和陈述、申辩、要求听证等权利（行政处罚法第四十四条）', {
      missing: 'RIGHTS_NOTIFIED',
    });
  }
  const told = notice.proposalId ? noticed.get(notice.proposalId) : undefined;
  if (!told) {
    throw invalidState('告知书未载明所告知的决定建议，不能据以作出决定（行政处罚法第四十四条）', { missing: 'RIGHTS_NOTIFIED' });
  }
  const heavier = heavierReasons(p, told);
  if (heavier.length) {
    throw invalidState(
      `拟作出的决定重于已告知的内容（${heavier.join('；')}），须重新告知并重新给予陈述、申辩和要求听证的期限（行政处罚法第四十四条、第六十三条、第六十四条）`,
      { missing: 'RIGHTS_NOTIFIED', heavier },
    );
  }
  const grounds = changedGrounds(p, told);
  if (grounds.length) {
    throw invalidState(
      `拟作出的决定所依据的事实、理由或法律依据与已告知的不同（${grounds.join('；')}），须就新的事实、理由和依据重新告知（行政处罚法第四十四条）`,
      { missing: 'RIGHTS_NOTIFIED', changedGrounds: grounds },
    );
  }
  if (!hasHearingRight(p, partyKind) && !hasHearingRight(told, partyKind)) return;
  // What the party said after the (latest) notice decides: a hearing held, or the last word a waiver.
  const after = byDate.slice(byDate.indexOf(notice) + 1).filter((e) => e.occurredOn <= decidedOn);
  if (after.some((e) => e.kind === 'HEARING_HELD')) return;
  // A waiver counts only as the party's written statement (a document, Art. 64); a bare event is no waiver.
  const lastWord = after.filter((e) => e.kind === 'HEARING_REQUESTED' || (e.kind === 'HEARING_WAIVED' && e.documented !== false)).at(-1);
  if (lastWord?.kind === 'HEARING_WAIVED') return;
  if (lastWord?.kind === 'HEARING_REQUESTED') {
    throw invalidState('当事人已要求听证，须举行听证（或当事人书面撤回听证申请）后方可作出决定（行政处罚法第六十三条、第六十四条）', {
      missing: 'HEARING_HELD',
    });
  }
  const windowEnd = calendar.addWorkingDays(notice.occurredOn, 5);
  if (decidedOn <= windowEnd.date) {
    throw invalidState(`听证申请期限（告知后五个工作日，至 ${windowEnd.date}）尚未届满，且当事人未书面放弃听证（行政处罚法第六十四条）`, {
      hearingWindowEnds: windowEnd.date,
      calendarConfirmed: windowEnd.confirmed,
    });
  }
}

// ---------- R9: fine inside the benchmark range for the chosen tier

export interface TierRange {
  tier: string;
  fineMin: string | null;
  fineMax: string | null;
  /** Penalty types the tier allows; when given, others are outside the benchmark too. */
  penaltyTypes?: string[];
}

export function checkBenchmark(p: ProposalContent, tiers: TierRange[] | null): ProposalChecks {
  const notes: string[] = [];
  if (p.fineAmount === null) return { fineWithinBenchmark: null, benchmarkRange: null, notes };
  if (!tiers) {
    notes.push('该权力事项没有公示的自由裁量基准');
    return { fineWithinBenchmark: null, benchmarkRange: null, notes };
  }
  const tier = tiers.find((t) => t.tier === p.discretionTier);
  if (!tier || tier.fineMin === null || tier.fineMax === null) {
    notes.push(`裁量基准中没有情节 ${p.discretionTier ?? '（未选择）'} 的罚款幅度`);
    return { fineWithinBenchmark: false, benchmarkRange: null, notes };
  }
  const fine = cents(p.fineAmount);
  const inRange = fine >= cents(tier.fineMin) && fine <= cents(tier.fineMax);
  if (!inRange) notes.push(`罚款 ${p.fineAmount} 元超出 ${tier.tier} 情节的基准幅度 ${tier.fineMin}–${tier.fineMax} 元，须书面说明理由并提请审核注意（R9）`);
  const extra = tier.penaltyTypes ? p.penaltyTypes.filter((t) => !tier.penaltyTypes!.includes(t)) : [];
  if (extra.length) notes.push(`处罚种类 ${extra.join('、')} 不在 ${tier.tier} 情节的基准之内，须书面说明理由并提请审核注意（R9）`);
  return { fineWithinBenchmark: inRange && !extra.length, benchmarkRange: { min: tier.fineMin, max: tier.fineMax }, notes };
}

// ---------- R5: the agency's review catalog (data, not code)

export interface CatalogRule extends ReviewCatalogRuleContent {
  code: string;
}
export interface DecisionFacts {
  procedure: ProcedureKind;
  caseType: CaseType;
  partyKind: PartyKind;
  proposal: ProposalContent;
}

/** A rule matches when every criterion it states holds; list criteria match on any overlap. */
export function matchReviewCatalog(rules: CatalogRule[], f: DecisionFacts, policy: { reviewAllGeneralProcedurePenalties: boolean }): ReviewReason[] {
  const reasons: ReviewReason[] = [];
  if (policy.reviewAllGeneralProcedurePenalties && f.procedure === 'GENERAL' && f.caseType === 'PENALTY') {
    reasons.push({ ruleCode: 'POLICY', description: '本机关规定：一般程序行政处罚决定一律法制审核（行政处罚法第五十八条）', collectiveDiscussion: false });
  }
  for (const r of rules) {
    const conds: boolean[] = [];
    if (r.procedure) conds.push(r.procedure === f.procedure);
    if (r.caseTypes.length) conds.push(r.caseTypes.includes(f.caseType));
    if (r.penaltyTypes.length) conds.push(r.penaltyTypes.some((t) => f.proposal.penaltyTypes.includes(t)));
    if (r.fineThresholds.length) {
      const t = r.fineThresholds.find((x) => x.partyKind === f.partyKind);
      conds.push(!!t && f.proposal.fineAmount !== null && cents(f.proposal.fineAmount) >= cents(t.amount));
    }
    if (r.hearingHeld !== null) conds.push(r.hearingHeld === f.proposal.hearingHeld);
    if (r.flags.length) conds.push(r.flags.some((x) => f.proposal.reviewFlags.includes(x)));
    if (conds.length && conds.every(Boolean)) reasons.push({ ruleCode: r.code, description: r.description, collectiveDiscussion: !!r.collectiveDiscussion });
  }
  if (f.proposal.outcome === 'CRIMINAL_REFERRAL' && !reasons.length) {
    reasons.push({ ruleCode: 'REFERRAL', description: '涉嫌犯罪移送司法机关的决定须经法制审核', collectiveDiscussion: false });
  }
  return reasons;
}

// ---------- the proposal's identity

/** Money in its canonical spelling ('2000.00' and '2000' are the same amount, so they must hash the same). */
export function canonicalAmount(s: string): string {
  const c = cents(s);
  const frac = (c % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return `${c / 100n}${frac ? `.${frac}` : ''}`;
}

/** The proposal's identity: what a review approves and a decision relies on (same canonical JSON as the record log). */
export const proposalHash = (caseId: string, content: ProposalContent): string => createHash('sha256').update(canonicalJson({ caseId, content })).digest('hex');

// ---------- R18: completeness before archiving

export interface RecordFact {
  kind: string;
  stage: string;
  documentType?: string | null;
  activity?: string | null;
  /** Formal documents: the number and content hash (R18 substance). */
  documentNumber?: string | null;
  contentHash?: string | null;
  /** AV records: the media's SHA-256. */
  sha256?: string | null;
  /** Recorded after the case was closed: counts only as a supplement with its reason. */
  afterClosing?: boolean;
  supplementReason?: string | null;
  /** A document recorded before the act it records (domain/act-order.ts): it does not count (issue 26). */
  beforeItsAct?: boolean;
}

export interface CompletenessInput {
  procedure: ProcedureKind;
  caseType?: CaseType;
  outcome: Outcome | null;
  executed: boolean;
  hearingHeld: boolean;
  reviewed: boolean;
  entries: RecordFact[];
  events: { kind: string; serviceMethod?: string | null }[];
  /** activity codes on the agency's AV recording list */
  avActivities: string[];
  /** The decision's publication status (R12): it must be published, withdrawn or exempt with a reason. */
  publicationStatus?: string | null;
}

const STAGE_ZH: Record<string, string> = {
  INITIATION: '启动',
  INVESTIGATION: '调查取证',
  REVIEW: '审核',
  DECISION: '决定',
  SERVICE: '送达',
  EXECUTION: '执行',
  ARCHIVING: '归档',
};
const DOC_ZH: Record<string, string> = {
  FILING_APPROVAL: '立案审批表',
  RIGHTS_NOTICE: '行政处罚告知书',
  HEARING_RECORD: '听证笔录',
  DECISION: '行政处罚决定书',
  SERVICE_RECEIPT: '送达回证',
  EXECUTION_RECORD: '执行记录',
  CLOSING_REPORT: '结案报告',
  ON_SITE_INSPECTION_RECORD: '现场检查（勘验）笔录',
};

/** Does this entry count for the archive? Formal documents need number and hash; late ones a supplement reason. */
function counts(e: RecordFact): boolean {
  if (e.afterClosing && !e.supplementReason) return false;
  if (e.beforeItsAct) return false;
  if (e.kind === 'TEXT_RECORD' && FORMAL_DOCUMENTS.includes(e.documentType ?? '')) return !!e.documentNumber && !!e.contentHash;
  if (e.kind === 'AV_RECORD') return !!e.sha256 && plausibleSha256(e.sha256);
  return true;
}

/** Every missing item, each a readable sentence (R18); empty means complete. */
export function missingForArchive(c: CompletenessInput): string[] {
  const missing: string[] = [];
  const valid = c.entries.filter(counts);
  const docs = new Set(valid.filter((e) => e.kind === 'TEXT_RECORD').map((e) => e.documentType));
  const present = new Set(c.entries.filter((e) => e.kind === 'TEXT_RECORD').map((e) => e.documentType));
  // The review stage's record is the written opinion itself (REVIEW_OPINION).
  const textStages = new Set(valid.filter((e) => ['TEXT_RECORD', 'AV_RECORD', 'REVIEW_OPINION'].includes(e.kind)).map((e) => e.stage));
  const stages = ['INITIATION', 'INVESTIGATION', ...(c.reviewed ? ['REVIEW'] : []), 'DECISION', 'SERVICE', ...(c.executed ? ['EXECUTION'] : []), 'ARCHIVING'];
  if (c.procedure === 'SIMPLE') stages.splice(stages.indexOf('INVESTIGATION'), 1);
  for (const s of stages) if (!textStages.has(s)) missing.push(`${STAGE_ZH[s]}阶段没有文字或音像记录`);

  const required =
    c.procedure === 'SIMPLE'
      ? ['DECISION', 'CLOSING_REPORT']
      : [
          'FILING_APPROVAL',
          // 行政强制法 Art. 18(7): a compulsory measure is documented on site.
          ...(c.caseType === 'COERCION' ? ['ON_SITE_INSPECTION_RECORD'] : []),
          ...(c.outcome === 'PENALTY' ? ['RIGHTS_NOTICE'] : []),
          'DECISION',
          'SERVICE_RECEIPT',
          'CLOSING_REPORT',
        ];
  if (c.hearingHeld) required.push('HEARING_RECORD');
  if (c.executed) required.push('EXECUTION_RECORD');
  // A licence or a measure is decided by a 决定书, not a 行政处罚决定书.
  const docName = (d: string) => (d === 'DECISION' && c.caseType && c.caseType !== 'PENALTY' ? '决定书' : (DOC_ZH[d] ?? d));
  for (const d of required) {
    if (docs.has(d)) continue;
    const early = c.entries.some((e) => e.kind === 'TEXT_RECORD' && e.documentType === d && e.beforeItsAct);
    missing.push(
      early
        ? `${docName(d)}系在其所记载的行为之前录入，不能作为该行为的记录（R18）`
        : present.has(d)
          ? `${docName(d)}缺少文书编号或内容摘要，或系结案后录入而未作为补正记录（R18）`
          : `缺少${docName(d)}`,
    );
  }

  if (!c.events.some((e) => e.kind === 'CREDENTIAL_SHOWN')) missing.push('缺少出示执法证件的记录（R3）');

  // Activities on the AV recording list that happened must carry an AV record.
  const performed = new Set<string>();
  for (const e of c.entries) if (e.activity) performed.add(e.activity);
  if (present.has('ON_SITE_INSPECTION_RECORD')) performed.add('ON_SITE_INSPECTION');
  if (c.hearingHeld) performed.add('HEARING');
  for (const e of c.events) {
    if (e.serviceMethod === 'LODGED') performed.add('LODGED_SERVICE');
    if (e.serviceMethod === 'ANNOUNCEMENT') performed.add('ANNOUNCEMENT_SERVICE');
  }
  if (c.publicationStatus !== undefined && !['PUBLISHED', 'WITHDRAWN', 'EXEMPT', 'ENDED'].includes(c.publicationStatus ?? '')) {
    missing.push(c.publicationStatus === 'PENDING' ? '决定尚未公示（R12）' : '没有决定公示或不予公示的记录（R12）');
  }
  const recorded = new Set(valid.filter((e) => e.kind === 'AV_RECORD').map((e) => e.activity));
  for (const e of c.entries)
    if (e.kind === 'AV_RECORD' && !counts(e)) missing.push(`音像记录 ${e.activity ?? ''} 的 SHA-256 无效或系结案后录入而未作为补正记录`);
  for (const a of [...performed].sort()) {
    if (c.avActivities.includes(a) && !recorded.has(a)) missing.push(`执法活动 ${a} 在音像记录事项清单内，但没有音像记录`);
  }
  return missing;
}
