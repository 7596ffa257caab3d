import { AppError, badInput, forbidden } from '../../../kernel/errors.js';
import type { WorkingDayCalendar } from '../../../kernel/calendar.js';
import { credentialValidOn, type CredentialFacts } from '../clients/powers.js';
import { REVIEW_POINTS, type AutomaticFinding, type FindingResult, type ReviewConclusion, type ReviewFinding, type ReviewPoint } from './types.js';

// Pure rules of legal review (R7, R8): who may review, what the system checks itself, what an opinion must contain.

export interface ReviewerFacts extends CredentialFacts {
  id: string;
  name: string;
  agencyId: string;
  reviewQualified: boolean | null;
  legalProfessionCertificate: string | null;
  firstTimeReviewer: boolean | null;
}

/**
 * Everyone who took part in the case before its review: every actor and every officer named in its record log,
 * except the review's own entries (a reviewer of an earlier round reviews again; that is not handling the case).
 */
export function caseParticipants(records: readonly { kind: string; actor?: string | null; payload: string | null }[]): Set<string> {
  const ids = new Set<string>();
  for (const r of records) {
    if (r.kind === 'REVIEW_OPINION') continue;
    let p: { action?: string; officerIds?: unknown } = {};
    try {
      p = r.payload ? (JSON.parse(r.payload) as typeof p) : {};
    } catch {
      /* an unreadable payload names nobody */
    }
    // The service's own step sending the case back from review is not a person's participation.
    if (r.kind === 'TRANSITION' && p.action === 'returnFromReview') continue;
    if (r.actor) ids.add(r.actor);
    if (Array.isArray(p.officerIds)) for (const id of p.officerIds) if (typeof id === 'string') ids.add(id);
  }
  return ids;
}

/**
 * R7: qualified, a first-time reviewer holds 法律职业资格 (Art. 58(2)), and never anyone who took part in the
 * case before the review — a handler, an officer at the inspection, whoever recorded an act (Art. 43).
 */
export function checkReviewer(
  r: ReviewerFacts | undefined,
  reviewerId: string,
  c: {
    agencyId: string;
    decidingAgencyId?: string | null;
    handlingOfficerIds: string[];
    records?: readonly { kind: string; actor?: string | null; payload: string | null }[];
  },
): void {
  const refuse = (reason: string) => new AppError('FORBIDDEN', `不能担任本案法制审核人员：${reason}`, { field: 'reviewerId', reviewerId, reason });
  if (!r) throw refuse('不在执法人员名录中');
  // The legal staff of the agency that decides: for an entrusted organisation's case the entrusting agency's (Art. 20).
  if (r.agencyId !== reviewingAgencyId(c)) throw refuse(`${r.name} 不属于作出决定的执法机关（受委托组织的案件由委托机关审核）`);
  if (!r.reviewQualified) throw refuse(`${r.name} 不具备法制审核资格`);
  if (r.firstTimeReviewer && !r.legalProfessionCertificate) {
    throw refuse(`${r.name} 为初次从事行政处罚决定法制审核的人员，须取得法律职业资格（行政处罚法第五十八条第二款）`);
  }
  if (r.credentialStatus !== 'VALID') throw refuse(`${r.name} 的执法证状态为 ${r.credentialStatus}`);
  checkNotParticipant(r.id, r.name, c);
}

/**
 * Whose legal staff review a case: the agency that decides it — for an entrusted organisation's case the entrusting
 * agency, in whose name and under whose responsibility the decision is made (行政处罚法 Art. 20(3), 58).
 */
export const reviewingAgencyId = (c: { agencyId: string; decidingAgencyId?: string | null }) => c.decidingAgencyId ?? c.agencyId;

/**
 * R7 / Art. 43, again when the opinion is recorded (issue 26): a reviewer named on an on-site record, or acting in the
 * case, after being assigned has taken part in the case and may no longer review it.
 */
export function checkNotParticipant(
  reviewerId: string,
  name: string,
  c: { handlingOfficerIds: string[]; records?: readonly { kind: string; actor?: string | null; payload: string | null }[] },
): void {
  const refuse = (reason: string) => new AppError('FORBIDDEN', `不能担任本案法制审核人员：${reason}`, { field: 'reviewerId', reviewerId, reason });
  if (c.handlingOfficerIds.includes(reviewerId)) throw refuse(`${name} 是本案承办人员，审核与承办须分离（行政处罚法第四十三条）`);
  if (c.records && caseParticipants(c.records).has(reviewerId)) {
    throw refuse(`${name} 在本案执法全过程记录中作为执法人员或记录人参与过本案，审核与办案须分离（行政处罚法第四十三条）`);
  }
}

/** R7 facts kept on the round at assignment, so qualification compliance can be counted later (issue 7). */
export function reviewerFactsAtAssignment(r: ReviewerFacts) {
  return { reviewerQualified: !!r.reviewQualified, reviewerFirstTime: !!r.firstTimeReviewer, reviewerHasCertificate: !!r.legalProfessionCertificate };
}
export const NO_REVIEWER_FACTS = { reviewerQualified: null, reviewerFirstTime: null, reviewerHasCertificate: null } as const;

/** Compliant (R7, Art. 58(2)): qualified, and a first-time reviewer holds 法律职业资格. */
export const reviewerCompliant = (f: { reviewerQualified: boolean; reviewerFirstTime: boolean; reviewerHasCertificate: boolean }) =>
  f.reviewerQualified && (!f.reviewerFirstTime || f.reviewerHasCertificate);

// ---------- the case as reviews sees it (fetched from `cases`)

export interface DossierRecord {
  kind: string;
  stage: string;
  payload: string | null;
  actor?: string | null;
}
export interface DossierProposal {
  id: string;
  contentHash: string;
  outcome: string;
  penaltyTypes: string[];
  fineAmount: string | null;
  discretionTier: string | null;
  legalBasis: { law: string; article: string }[];
  outsideRangeReason: string | null;
  reviewFlags: string[];
  hearingRight: boolean;
  checks: { fineWithinBenchmark: boolean | null; benchmarkMin: string | null; benchmarkMax: string | null; notes: string[] };
}
export interface Dossier {
  id: string;
  caseNumber: string;
  agencyId: string;
  /** The agency in whose name the case is decided (the entrusting agency for an entrusted organisation's case). */
  decidingAgencyId?: string | null;
  state: string;
  procedure: string;
  caseType: string;
  powerItemCode: string;
  filedOn: string;
  decisionDueOn: string | null;
  enforcementArea: string;
  handlingOfficerIds: string[];
  proposals: DossierProposal[];
  records: DossierRecord[];
}

interface Action {
  what: string;
  on: string;
  officerIds: string[];
}

const ACTION_ZH: Record<string, string> = {
  CREDENTIAL_SHOWN: '出示执法证件',
  RIGHTS_NOTIFIED: '告知',
  HEARING_HELD: '听证',
  SERVICE: '送达',
};

function parse(r: DossierRecord): Record<string, unknown> {
  try {
    return r.payload ? (JSON.parse(r.payload) as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Every recorded action with the officers present and its date. */
function actionsOf(d: Dossier): Action[] {
  const out: Action[] = [];
  for (const r of d.records) {
    const p = parse(r);
    const ids = Array.isArray(p.officerIds) ? (p.officerIds as string[]) : [];
    if (!ids.length) continue;
    if (r.kind === 'TRANSITION' && p.action === 'file') out.push({ what: '立案', on: String(p.on), officerIds: ids });
    else if (r.kind === 'EVENT') out.push({ what: ACTION_ZH[String(p.eventKind)] ?? String(p.eventKind), on: String(p.occurredOn), officerIds: ids });
    else if (r.kind === 'TEXT_RECORD') out.push({ what: String(p.title ?? p.documentType), on: String(p.occurredOn), officerIds: ids });
    else if (r.kind === 'AV_RECORD') out.push({ what: `音像记录 ${String(p.activity)}`, on: String(p.startedAt).slice(0, 10), officerIds: ids });
  }
  return out;
}

/** R8: the points the system can check itself, with their evidence; the reviewer confirms or overrides each. */
export function automaticFindings(
  d: Dossier,
  proposal: DossierProposal,
  officers: Map<string, ReviewerFacts>,
  ctx: { today: string; avActivities: string[]; calendar: WorkingDayCalendar; agencyName: string | null },
): AutomaticFinding[] {
  const find = (point: ReviewPoint, result: FindingResult, evidence: string[]): AutomaticFinding => ({ point, result, evidence });
  const events = d.records.filter((r) => r.kind === 'EVENT').map(parse);
  const texts = d.records.filter((r) => r.kind === 'TEXT_RECORD').map(parse);
  const avs = d.records.filter((r) => r.kind === 'AV_RECORD').map(parse);

  // Officers: ≥ 2, each credential valid on the action date for the item's area (R2).
  const officerEvidence: string[] = [];
  let officersOk = true;
  const actions = actionsOf(d);
  if (!actions.length) {
    officersOk = false;
    officerEvidence.push('没有记录执法人员参与的执法活动');
  }
  for (const a of actions) {
    const names: string[] = [];
    for (const id of [...new Set(a.officerIds)]) {
      const o = officers.get(id);
      const check = o ? credentialValidOn(o, a.on, d.enforcementArea) : { valid: false, reason: '不在名录中' };
      names.push(`${o?.name ?? id}${check.valid ? '' : `（${check.reason}）`}`);
      if (!check.valid) officersOk = false;
    }
    if (new Set(a.officerIds).size < 2) officersOk = false;
    officerEvidence.push(`${a.on} ${a.what}：${names.join('、')}${new Set(a.officerIds).size < 2 ? '（不足两人）' : ''}`);
  }

  // Discretion: the fine against the benchmark range for the chosen tier (R9).
  const c = proposal.checks;
  const discretion =
    proposal.fineAmount === null
      ? find('DISCRETION', 'PASS', ['无罚款'])
      : c.fineWithinBenchmark === true
        ? find('DISCRETION', 'PASS', [`罚款 ${proposal.fineAmount} 元在 ${proposal.discretionTier} 情节基准 ${c.benchmarkMin}–${c.benchmarkMax} 元内`])
        : c.fineWithinBenchmark === false
          ? find('DISCRETION', 'ISSUE', [...c.notes, `书面理由：${proposal.outsideRangeReason ?? '（无）'}`])
          : find('DISCRETION', 'NOT_CHECKED', c.notes.length ? c.notes : ['没有可比对的裁量基准']);

  // Procedure: 90-day limit (R10), rights notice and hearing window (R4).
  const procedure: string[] = [];
  let procedureOk = true;
  if (!d.decisionDueOn) procedure.push('该类案件没有作出决定的期限（如行政强制措施）');
  else if (ctx.today > d.decisionDueOn) {
    procedureOk = false;
    procedure.push(
      `已超过作出决定的期限 ${d.decisionDueOn}（立案 ${d.filedOn} 起${d.caseType === 'PENALTY' ? '九十日，行政处罚法第六十条' : '，按案件类型的法定期限'}）`,
    );
  } else procedure.push(`作出决定的期限 ${d.decisionDueOn}（立案 ${d.filedOn} 起${d.caseType === 'PENALTY' ? '九十日' : ''}）`);
  const notice = events.filter((e) => e.eventKind === 'RIGHTS_NOTIFIED').map((e) => String(e.occurredOn));
  if (proposal.outcome === 'PENALTY') {
    if (!notice.length) {
      procedureOk = false;
      procedure.push('未记录告知（行政处罚法第四十四条）');
    } else procedure.push(`${notice.at(-1)} 已告知`);
    if (proposal.hearingRight) {
      const kinds = new Set(events.map((e) => String(e.eventKind)));
      if (kinds.has('HEARING_HELD')) procedure.push('已举行听证');
      else if (kinds.has('HEARING_WAIVED')) procedure.push('当事人书面放弃听证');
      else if (kinds.has('HEARING_REQUESTED')) {
        procedureOk = false;
        procedure.push('当事人要求听证，尚未举行');
      } else if (notice.length) {
        const end = ctx.calendar.addWorkingDays(notice.at(-1)!, 5);
        procedure.push(
          `听证申请期限至 ${end.date}${end.confirmed ? '' : '（节假日安排未确认）'}${ctx.today > end.date ? '，已届满' : '，尚未届满：届满前不得作出决定'}`,
        );
      }
    }
  }

  // Documents and AV records present for the stages so far (R18 subset before decision).
  const docs = new Set(texts.map((t) => String(t.documentType)));
  const missing: string[] = [];
  if (d.procedure === 'GENERAL' && !docs.has('FILING_APPROVAL')) missing.push('立案审批表');
  if (proposal.outcome === 'PENALTY' && d.procedure === 'GENERAL' && !docs.has('RIGHTS_NOTICE')) missing.push('行政处罚告知书');
  if (d.procedure === 'GENERAL' && !d.records.some((r) => r.kind === 'TEXT_RECORD' && r.stage === 'INVESTIGATION')) missing.push('调查取证记录');
  if (!events.some((e) => e.eventKind === 'CREDENTIAL_SHOWN')) missing.push('出示执法证件记录（R3）');
  if (events.some((e) => e.eventKind === 'HEARING_HELD') && !docs.has('HEARING_RECORD')) missing.push('听证笔录');
  const performed = new Set<string>(texts.map((t) => t.activity).filter((a): a is string => typeof a === 'string'));
  if (docs.has('ON_SITE_INSPECTION_RECORD')) performed.add('ON_SITE_INSPECTION');
  if (events.some((e) => e.eventKind === 'HEARING_HELD')) performed.add('HEARING');
  const recorded = new Set(avs.map((a) => String(a.activity)));
  for (const a of [...performed].sort()) if (ctx.avActivities.includes(a) && !recorded.has(a)) missing.push(`${a} 的音像记录`);
  const documents = missing.length
    ? find(
        'DOCUMENTS',
        'ISSUE',
        missing.map((m) => `缺少${m}`),
      )
    : find('DOCUMENTS', 'PASS', [`文书 ${texts.length} 份、音像记录 ${avs.length} 条，送审前应有的均已记录`]);

  const basis = proposal.legalBasis.map((b) => `${b.law}${b.article}`);
  return [
    find('AGENCY_LAWFUL', 'NOT_CHECKED', [`执法主体：${ctx.agencyName ?? d.agencyId}`]),
    find('OFFICERS_QUALIFIED', officersOk ? 'PASS' : 'ISSUE', officerEvidence),
    find('PROCEDURE_LAWFUL', procedureOk ? 'PASS' : 'ISSUE', procedure),
    find('FACTS_AND_EVIDENCE', 'NOT_CHECKED', [`证据及笔录 ${texts.length} 份，音像记录 ${avs.length} 条`]),
    find('LEGAL_BASIS', 'NOT_CHECKED', basis.length ? basis : ['未列明法律依据']),
    discretion,
    find('WITHIN_AUTHORITY', 'NOT_CHECKED', [`权力事项 ${d.powerItemCode}（立案时公示版本）`]),
    documents,
    find('CRIMINAL_REFERRAL', 'NOT_CHECKED', [proposal.outcome === 'CRIMINAL_REFERRAL' ? '建议移送司法机关' : '决定建议未涉及移送']),
  ];
}

/** An opinion covers all nine points; it may override an automatic finding only with a note. */
export function validateOpinion(
  input: {
    findings: { point: ReviewPoint; result: FindingResult; note?: string | null }[];
    conclusion: ReviewConclusion;
    opinion: string;
    requiredCorrections?: string[] | null;
  },
  automatic: AutomaticFinding[],
): { findings: ReviewFinding[]; corrections: string[]; opinion: string } {
  const seen = new Set<string>();
  for (const [i, f] of input.findings.entries()) {
    if (seen.has(f.point)) throw badInput(`findings.${i}.point`, `审核内容 ${f.point} 重复`);
    seen.add(f.point);
    if (f.result === 'NOT_CHECKED') throw badInput(`findings.${i}.result`, '审核人员须对每一项作出“符合”或“存在问题”的结论');
  }
  const absent = REVIEW_POINTS.filter((p) => !seen.has(p));
  if (absent.length) throw badInput('findings', `审核意见须覆盖全部九项内容，缺少：${absent.join('、')}`);
  const findings = input.findings.map((f, i) => {
    const auto = automatic.find((a) => a.point === f.point);
    const overrides = !!auto && auto.result !== 'NOT_CHECKED' && auto.result !== f.result;
    const note = f.note?.trim() || null;
    if (overrides && !note) throw badInput(`findings.${i}.note`, `改正自动检查结论（${auto!.result} → ${f.result}）须说明理由`);
    return { point: f.point, result: f.result, overridesAutomatic: overrides, note };
  });
  const opinion = input.opinion.trim();
  if (!opinion) throw badInput('opinion', '须出具书面审核意见');
  const corrections = (input.requiredCorrections ?? []).map((c) => c.trim()).filter(Boolean);
  const issues = findings.filter((f) => f.result === 'ISSUE');
  if (input.conclusion === 'APPROVED' && issues.length)
    throw badInput('conclusion', `存在问题的审核内容（${issues.map((f) => f.point).join('、')}）不能出具“同意”意见`);
  if (input.conclusion === 'ISSUES_FOUND') {
    if (!issues.length) throw badInput('conclusion', '结论为“存在问题”时须至少有一项审核内容存在问题');
    if (!corrections.length) throw badInput('requiredCorrections', '结论为“存在问题”时须列明须改正的问题');
  }
  return { findings, corrections, opinion };
}

export function assertAssignedReviewer(caller: { role: string; officerId: string | null }, reviewerId: string | null): void {
  if (caller.role !== 'REVIEWER') throw forbidden('只有法制审核人员可以出具审核意见');
  if (!reviewerId) throw new AppError('INVALID_STATE', '当前状态不允许此操作：尚未分配审核人员', { reason: '尚未分配审核人员' });
  if (caller.officerId !== reviewerId) throw forbidden('只有被分配的审核人员可以出具本轮审核意见');
}
