import type { WorkingDayCalendar } from '../../kernel/calendar.js';
import { AppError, badInput, conflict, forbidden, invalidState, notFound } from '../../kernel/errors.js';
import { usccFitsPartyKind, validateResidentId, validateUscc, isMinorOn } from '../../kernel/identifiers.js';
import type { Caller } from '../../kernel/identity.js';
import { isDuplicateKeyOn, retryingTransaction } from '../../kernel/db.js';
import { canonicalJson } from './records/chain.js';
import { newId } from '../../kernel/ids.js';
import type { RecordEntryRow } from './db/schema.js';
import {
  assertCanDo,
  checkBenchmark,
  checkOfficers,
  checkRightsAndHearing,
  canonicalAmount,
  cents,
  hasHearingRight,
  matchReviewCatalog,
  missingForArchive,
  needsExecution,
  proposalHash,
  serviceDue,
  type CaseAction,
} from './domain/rules.js';
import { checkOutcome, checkProcedure, caseTypeZh, decisionDue, deriveCaseType, isSeizure } from './domain/facts.js';
import { recordedDate, statedDate, type StatedDate } from './domain/dates.js';
import { checkStatutoryRange } from './domain/statutory.js';
import { FORMAL_DOCUMENTS, ON_SITE_DOCUMENTS, checkAvTimes, checkDocumentText, parseDocumentNumber, parseSha256, sha256Of } from './domain/documents.js';
import { checkExtension, measureEnd } from './domain/coercion.js';
import { fineStatus, paymentDue } from './domain/fines.js';
import { retentionFor } from './domain/retention.js';
import type { CaseState, CaseType, Confidentiality, MitigationGround, PartyKind, ProcedureKind, ProposalContent } from './domain/types.js';
import { haltsDecision, revokeDecision, type DecisionChangeKind, type RevocationInput } from './revocation.js';
import { PENALTY_TYPES } from '../powers/domain/types.js';
import { clockedAppender, verifiedCaseEntries } from './records/log.js';
import { caseRowMismatch, loggedFiling, loggedProposal, projectCase, proposalDisagreements, type AlarmSink } from './integrity.js';
import { createPublicationForDecision, type DecisionContext } from './publication-service.js';
import type { AgencyFacts, PowersFacts } from './powers-facts.js';
import type { CaseRow, CasesRepo, CasesTx, PartyRow, ProposalRow } from './repo.js';
import { beijingDate, type Clock } from '../../kernel/clock.js';

// The case workflow: each action checks role and prerequisites, changes state and appends its record
// entry in ONE transaction, so there is never a state change without its record (no half-states).

const ACTING_ROLES = ['OFFICER', 'REVIEWER', 'PRINCIPAL'];

export function canReadCase(caller: Caller, c: { agencyId: string }): boolean {
  if (['SUPERVISOR', 'ADMIN', 'SERVICE'].includes(caller.role)) return true;
  return ACTING_ROLES.includes(caller.role) && caller.agencyId === c.agencyId;
}

/** Who may see classified content (COMMERCIAL_SECRET, PERSONAL_PRIVACY) and the party's ID number. */
export function canSeeClassified(caller: Caller, c: CaseRow): boolean {
  if (caller.role === 'SUPERVISOR' || caller.role === 'SERVICE') return true;
  if (caller.agencyId !== c.agencyId) return false;
  if (caller.role === 'REVIEWER' || caller.role === 'PRINCIPAL') return true;
  return caller.role === 'OFFICER' && !!caller.officerId && c.handlingOfficerIds.includes(caller.officerId);
}

/** Who may act at all: checked before anything about the record (its existence, state or version) is revealed. */
function assertRole(caller: Caller, roles = ['OFFICER']): void {
  if (!roles.includes(caller.role)) throw forbidden(`此操作需要角色 ${roles.join('/')}`);
}

/**
 * Agency, then role. Another agency's case answers NOT_FOUND like an unknown id, so the answer tells a caller who
 * may not act on it nothing about whether it exists (no existence oracle); callers check assertRole before looking
 * the case up at all. (fileCase passes the input, without an id: another agency there is FORBIDDEN.)
 */
function assertActs(caller: Caller, c: { id?: string; agencyId: string }, roles = ['OFFICER']): void {
  if (c.id !== undefined && caller.agencyId !== c.agencyId) throw notFound('案件', c.id);
  assertRole(caller, roles);
  if (caller.agencyId !== c.agencyId) throw forbidden('只能办理本机关的案件');
}

const actor = (c: Caller) => c.officerId ?? c.subject;

/** The request behind an idempotency key (undefined fields dropped, keys sorted): a retry must match it. */
const fingerprintOf = (input: object): string => sha256Of(canonicalJson(JSON.parse(JSON.stringify(input)) as unknown));

/** A retry with the same key returns the first call's result; the same key with another input is a CONFLICT. */
function sameRequest<T extends { idempotencyFingerprint: string | null }>(previous: T, fingerprint: string | null): T {
  if (previous.idempotencyFingerprint && fingerprint && previous.idempotencyFingerprint !== fingerprint) {
    throw conflict('该幂等键（idempotencyKey）已用于内容不同的请求：重试须与首次请求完全相同，新请求请换用新的幂等键', { field: 'idempotencyKey' });
  }
  return previous;
}

/**
 * Concurrent retries with one key: one insert wins, the others hit the unique index and answer with the winner's
 * row (after it committed) instead of an internal error.
 */
async function idempotent<T extends { idempotencyFingerprint: string | null }>(
  idem: string | null,
  fingerprint: string | null,
  indexName: string,
  previous: () => Promise<T | null>,
  create: () => Promise<T>,
): Promise<T> {
  try {
    return await create();
  } catch (err) {
    if (!idem || !isDuplicateKeyOn(err, indexName)) throw err;
    const first = await previous();
    if (!first) throw err;
    return sameRequest(first, fingerprint);
  }
}

export interface EventPayload {
  eventKind: string;
  occurredOn: string;
  officerIds: string[];
  location: string | null;
  serviceMethod: string | null;
  note: string | null;
  /** Why the act is entered more than the agency's setting after it happened (two times, issue 13). */
  lateEntryReason?: string | null;
  /** RIGHTS_NOTIFIED: the proposal the notice told the party about, and the notice document. */
  proposalId?: string | null;
  notice?: { documentNumber: string | null; contentHash: string; proposalHash: string } | null;
  /** SERVICE: the written notice that the decision will be published (公示规定 Art. 8). */
  publicationNoticeNumber?: string | null;
  /** Fields holding the party's personal data (shown like Party.address). */
  personalFields?: string[];
}

export const parsePayload = <T>(e: RecordEntryRow): T => JSON.parse(e.payload) as T;
export const eventsOf = (entries: RecordEntryRow[]) => entries.filter((e) => e.kind === 'EVENT').map((e) => parsePayload<EventPayload>(e));

/** Fine payments recorded for a case (record entries of kind FINE_PAYMENT). */
export const paymentsOf = (entries: RecordEntryRow[]) =>
  entries.filter((e) => e.kind === 'FINE_PAYMENT').map((e) => parsePayload<{ amount: string; paidOn: string; receiptNumber: string }>(e));

/** Activities at the party's home: their location is the party's address (留置送达 at the residence). */
const AT_PARTY_ADDRESS = ['LODGED_SERVICE'];

const normalizeAddress = (s: string) => s.replace(/\s+/g, '');

/**
 * Payload fields holding the party's personal data (issue 12: the lodged-service location is the party's home
 * address): marked at write, and shown only to those who may see Party.address (canSeeClassified), like the party.
 */
export function personalFieldsOf(party: { address: string | null } | null, activity: string | null, fields: { location?: string | null }): string[] {
  const loc = fields.location?.trim();
  if (!loc) return [];
  const home = party?.address ? normalizeAddress(party.address) : null;
  if (AT_PARTY_ADDRESS.includes(activity ?? '') || (home && normalizeAddress(loc).includes(home))) return ['location'];
  return [];
}

/** Activities done on site with the party: records of them name the officers present (R2). */
const ON_SITE_ACTIVITIES = ['ON_SITE_INSPECTION', 'EVIDENCE_COLLECTION', 'COMPULSORY_MEASURE', 'LODGED_SERVICE', 'ANNOUNCEMENT_SERVICE', 'ENFORCEMENT'];

export interface FileCaseArgs {
  agencyId: string;
  /** Optional: derived from the power item's category; a contradicting label is refused. */
  caseType?: CaseType | null;
  procedure: ProcedureKind;
  powerItemCode: string;
  party: {
    kind: PartyKind;
    name: string;
    uscc?: string | null;
    residentIdNumber?: string | null;
    legalRepresentative?: string | null;
    address?: string | null;
    phone?: string | null;
    isMinor?: boolean | null;
  };
  officerIds: string[];
  source: { kind: string; reference?: string | null };
  factsSummary: string;
  confidentiality?: Confidentiality | null;
  filedOn?: string | null;
  lateEntryReason?: string | null;
  idempotencyKey?: string | null;
}

function parseParty(p: FileCaseArgs['party'], on: string): Omit<PartyRow, 'id' | 'createdAt'> {
  const name = p.name.trim();
  if (!name || name.length > 200) throw badInput('party.name', '当事人名称不能为空且不超过 200 个字符');
  let uscc: string | null = null;
  let residentId: string | null = null;
  if (p.kind === 'NATURAL_PERSON') {
    if (p.uscc) throw badInput('party.uscc', '自然人没有统一社会信用代码');
    if (!p.residentIdNumber) throw badInput('party.residentIdNumber', '自然人须提供居民身份证号码');
    const r = validateResidentId(p.residentIdNumber, on);
    if (!r.ok) throw badInput('party.residentIdNumber', r.reason);
    residentId = r.value;
  } else {
    if (!p.uscc) throw badInput('party.uscc', '法人、非法人组织和个体工商户须提供统一社会信用代码');
    const r = validateUscc(p.uscc);
    if (!r.ok) throw badInput('party.uscc', r.reason);
    if (!usccFitsPartyKind(r.value, p.kind)) {
      throw badInput(
        'party.uscc',
        p.kind === 'INDIVIDUAL_BUSINESS' ? '个体工商户的统一社会信用代码应以 92 开头' : '以 92 开头的代码属于个体工商户，与当事人类型不符',
      );
    }
    uscc = r.value;
    if (p.residentIdNumber) {
      const rid = validateResidentId(p.residentIdNumber, on);
      if (!rid.ok) throw badInput('party.residentIdNumber', rid.reason);
      residentId = rid.value;
    }
  }
  const isMinor = residentId && p.kind === 'NATURAL_PERSON' ? isMinorOn(residentId, on) : !!p.isMinor;
  const opt = (v: string | null | undefined, field: string, max: number) => {
    const t = v?.trim() || null;
    if (t && t.length > max) throw badInput(field, `不超过 ${max} 个字符`);
    return t;
  };
  return {
    kind: p.kind,
    name,
    uscc,
    residentId,
    legalRepresentative: opt(p.legalRepresentative, 'party.legalRepresentative', 100),
    address: opt(p.address, 'party.address', 300),
    phone: opt(p.phone, 'party.phone', 40),
    isMinor,
  };
}

export function formatCaseNumber(format: string, year: number, seq: number): string {
  return format.replace('{year}', String(year)).replace('{seq}', String(seq));
}

/** The number format of a case type: the agency's series for it; never the penalty series for anything else. */
export function numberFormatFor(policy: AgencyFacts['policy'], caseType: CaseType): string {
  const own = policy.caseNumberFormats?.find((f) => f.caseType === caseType)?.format;
  if (own) return own;
  return caseType === 'PENALTY' ? policy.caseNumberFormat : `${caseTypeZh(caseType)}〔{year}〕{seq}号`;
}

export interface ProposalArgs {
  caseId: string;
  outcome: ProposalContent['outcome'];
  penaltyTypes?: ProposalContent['penaltyTypes'] | null;
  fineAmount?: string | null;
  confiscationAmount?: string | null;
  discretionTier?: ProposalContent['discretionTier'] | null;
  legalBasis: { law: string; article: string }[];
  reasoning: string;
  outsideRangeReason?: string | null;
  reviewFlags?: string[] | null;
  mitigationGround?: MitigationGround | null;
  idempotencyKey?: string | null;
}

/** The review gate's question to `reviews` (R6). */
export interface ReviewClearance {
  approved: boolean;
  reviewId: string | null;
  roundNo: number | null;
  reviewerId: string | null;
  approvedAt: string | null;
  reason: string | null;
}
export type ClearanceSource = (caseId: string, proposalId: string, contentHash: string, requestId?: string) => Promise<ReviewClearance>;

/** How long the late-entry setting of an agency is reused before it is read again from powers. */
const LATE_ENTRY_TTL_MS = 30_000;

export interface IntegrityDeps {
  /** Where the record log's keys and witness are (config.keyDir) and the database name (names the witness). */
  keyDir: string;
  dbName: string;
  /** An integrity alarm (structured log line + counter in the service); default: stderr. */
  alarm?: AlarmSink;
}

export function createCaseService(deps: {
  repo: CasesRepo;
  powers: PowersFacts;
  calendar: WorkingDayCalendar;
  clearance: ClearanceSource;
  clock: Clock;
  integrity: IntegrityDeps;
}) {
  const { repo, powers, calendar, clock } = deps;
  const alarm: AlarmSink = deps.integrity.alarm ?? ((a) => console.error(JSON.stringify({ integrityAlarm: a })));
  const today = () => clock.today();
  const append = clockedAppender(clock);
  const tx = <T>(fn: (tx: CasesTx) => Promise<T>) => retryingTransaction(() => repo.orm.transaction(fn));

  async function entriesOf(caseId: string) {
    return repo.entriesByCaseIds([caseId]);
  }

  /**
   * The case's record entries after verifying them (chain, MACs, global links, checkpoint, witness) and the case
   * row against what they imply: rules that read record events (R3, R4, R18) and the review gate use only these.
   * Anything that does not verify refuses the act (INVALID_STATE naming the fault) and raises an integrity alarm.
   */
  async function verifiedEntriesOf(c: CaseRow, what: string): Promise<RecordEntryRow[]> {
    const opts = { keyDir: deps.integrity.keyDir, dbName: deps.integrity.dbName, caseId: c.id, latestCheckpointsOnly: true };
    const v = await verifiedCaseEntries(repo.orm, opts); // retries once itself when the witness is a moment behind
    if (!v.result.ok) {
      const bad = v.result.firstBad!;
      alarm({ kind: 'RECORD_LOG', caseId: c.id, problem: bad.problem, message: bad.message, entryId: bad.entryId ?? null });
      throw invalidState(`案件记录未通过完整性校验，不能${what}：${bad.message}`, { integrity: bad.problem, entryId: bad.entryId ?? null });
    }
    const mismatch = caseRowMismatch(c, projectCase(v.entries));
    if (mismatch) {
      alarm({ kind: 'CASE_ROW', caseId: c.id, problem: mismatch.field, message: mismatch.message });
      throw invalidState(`案件数据与记录日志不符，不能${what}：${mismatch.message}`, { integrity: 'PROJECTION_MISMATCH', field: mismatch.field });
    }
    return v.entries;
  }

  /** Lock a case to act on it: role first, then existence and agency (one answer for both), then the version. */
  async function lockForAct(t: CasesTx, caller: Caller, caseId: string, version: number, roles = ['OFFICER']): Promise<CaseRow> {
    assertRole(caller, roles);
    let c: CaseRow;
    try {
      c = await repo.lockCase(t, caseId);
    } catch (err) {
      if (err instanceof AppError && err.extensions.code === 'NOT_FOUND') throw notFound('案件', caseId);
      throw err;
    }
    assertActs(caller, c, roles);
    if (c.version !== version) {
      throw conflict(`案件已被他人更新（当前版本 ${c.version}，提交的版本 ${version}），请刷新后重试`, { currentVersion: c.version });
    }
    return c;
  }

  /** A state change and its TRANSITION record, committed together. */
  async function transition(
    t: CasesTx,
    c: CaseRow,
    to: CaseState,
    caller: Caller,
    action: CaseAction | 'returnFromReview',
    patch: Partial<CaseRow>,
    on: string,
    stage: string,
    note?: string | null,
    extra: Record<string, unknown> = {},
  ): Promise<CaseRow> {
    const next = await repo.updateCase(t, c, { ...patch, state: to });
    await append(t, {
      caseId: c.id,
      kind: 'TRANSITION',
      stage,
      actor: actor(caller),
      payload: { action, from: c.state, to, on, note: note ?? null, ...extra },
    });
    return next;
  }

  async function agencyFacts(agencyId: string, requestId?: string): Promise<AgencyFacts> {
    const agency = await powers.agency(agencyId, requestId);
    if (!agency) throw new AppError('UPSTREAM_UNAVAILABLE', '无法读取执法主体的设置', { serviceName: 'powers' });
    return agency;
  }

  /**
   * The agency's late-entry setting, read from powers at most every LATE_ENTRY_TTL_MS per agency: it is asked on
   * every field act, and a change of the setting may take that long to apply.
   */
  const lateEntrySetting = new Map<string, { days: number; until: number }>();
  async function lateEntryWorkingDays(agencyId: string, requestId?: string): Promise<number> {
    const cached = lateEntrySetting.get(agencyId);
    const now = performance.now(); // timing: cache lifetime only, not a business date
    if (cached && cached.until > now) return cached.days;
    const days = (await agencyFacts(agencyId, requestId)).policy.lateEntryWorkingDays;
    lateEntrySetting.set(agencyId, { days, until: now + LATE_ENTRY_TTL_MS });
    return days;
  }

  /** A field date stated by the caller, checked against the acting agency's late-entry setting (two times). */
  async function stated(
    c: { agencyId: string },
    given: string | null | undefined,
    reason: string | null | undefined,
    field: string,
    earliest: { date: string | null; what: string } | null,
    requestId?: string,
  ): Promise<StatedDate> {
    const days = await lateEntryWorkingDays(c.agencyId, requestId);
    return statedDate(given, reason, { today: today(), lateEntryWorkingDays: days, calendar, earliest }, field);
  }

  async function loadDecisionContext(c: CaseRow, requestId?: string): Promise<DecisionContext> {
    const nameAgencyId = c.inNameOfAgencyId ?? c.agencyId;
    const [agency, acting, item] = await Promise.all([
      powers.agency(nameAgencyId, requestId),
      c.inNameOfAgencyId ? powers.agency(c.agencyId, requestId) : Promise.resolve(null),
      powers.powerItemVersion(c.powerItemVersionId, requestId),
    ]);
    if (!agency || !item || (c.inNameOfAgencyId && !acting)) {
      throw new AppError('UPSTREAM_UNAVAILABLE', '无法读取执法主体或权力事项信息，暂不能作出决定', { serviceName: 'powers' });
    }
    return {
      agency: c.inNameOfAgencyId ? { ...agency, policy: (acting ?? agency).policy } : agency,
      actingOrganisation: acting ? { id: acting.id, name: acting.name } : null,
      powerItem: { code: item.code, name: item.name, category: item.category, publicSummary: item.publicSummary },
    };
  }

  /** A case the caller may add records to: theirs to act on, and not archived (R17: the archived file is final). */
  async function caseOpenForRecords(caller: Caller, caseId: string): Promise<CaseRow> {
    assertRole(caller); // who may act, before the case's existence is revealed
    const c = (await repo.casesByIds([caseId]))[0];
    if (!c) throw notFound('案件', caseId);
    assertActs(caller, c);
    if (c.state === 'ARCHIVED') throw invalidState('案件已归档，记录不可再追加');
    return c;
  }

  /**
   * Re-checked under the case lock: an archive committing meanwhile must not get a record appended after it, and
   * a record added after closing is a supplement (补正) with its reason, listed as such (R18).
   */
  async function lockOpenCase(t: CasesTx, caseId: string, supplementReason: string | null): Promise<CaseRow> {
    const c = await repo.lockCase(t, caseId);
    if (c.state === 'ARCHIVED') throw invalidState('案件已归档，记录不可再追加');
    if (c.state === 'CLOSED' && !supplementReason) {
      throw badInput('supplementReason', '案件已结案：结案后补充的记录须作为补正记录并说明理由（R18）');
    }
    return c;
  }

  async function requireOfficers(officerIds: string[], date: string, area: string, agencyId: string, requestId?: string) {
    checkOfficers(officerIds, await powers.officers(officerIds, requestId), date, area, agencyId);
  }

  const latestProposal = async (caseId: string) => (await repo.proposalsByCaseIds([caseId])).at(-1) ?? null;
  const decidedProposal = async (c: CaseRow) => (await repo.proposalsByCaseIds([c.id])).find((p) => p.id === c.decisionProposalId) ?? null;

  function assertNotHalted(c: CaseRow, what: string) {
    if (haltsDecision(c.decisionChangeKind)) {
      throw invalidState(
        `该决定已被${c.decisionChangeKind === 'CHANGED' ? '变更' : c.decisionChangeKind === 'CONFIRMED_VOID' ? '确认无效' : '撤销'}，不得再${what}`,
        {
          changeKind: c.decisionChangeKind,
        },
      );
    }
  }

  /**
   * The review gate's facts, recomputed and checked against the proposal's authenticated PROPOSAL entry: the content
   * hash from the content, whether review (and collective discussion) is required from the pinned power item's case
   * facts and the agency's catalog. Any disagreement refuses (REVIEW_REQUIRED naming it) and raises an alarm.
   */
  async function verifiedGate(c: CaseRow, proposal: ProposalRow, entries: RecordEntryRow[], requestId?: string) {
    const filing = loggedFiling(entries);
    const logged = loggedProposal(entries, proposal.id);
    const contentHash = proposalHash(c.id, proposal.content);
    const [agency, catalog] = await Promise.all([agencyFacts(c.agencyId, requestId), powers.reviewCatalog(c.agencyId, requestId)]);
    const partyKind = (filing?.party?.kind ?? (await repo.partiesByIds([c.partyId]))[0]!.kind) as PartyKind;
    const reasons = matchReviewCatalog(
      catalog,
      {
        procedure: (filing?.procedure ?? c.procedure) as ProcedureKind,
        caseType: (filing?.caseType ?? c.caseType) as CaseType,
        partyKind,
        proposal: proposal.content,
      },
      agency.policy,
    );
    const problems = proposalDisagreements(proposal, logged, { contentHash, reviewRequired: reasons.length > 0 });
    if (problems.length) {
      for (const p of problems) alarm({ kind: 'PROPOSAL', caseId: c.id, problem: p.field, message: p.message });
      throw new AppError('REVIEW_REQUIRED', `决定建议未通过完整性校验，不得作出决定：${problems.map((p) => p.message).join('；')}`, {
        proposalId: proposal.id,
        integrity: problems.map((p) => p.field),
      });
    }
    // Everything agrees: the logged facts are the ones the gate uses.
    return { contentHash: logged!.contentHash, reviewRequired: logged!.reviewRequired, collectiveDiscussionRequired: logged!.collectiveDiscussionRequired };
  }

  const revocationDeps = { repo, calendar, clock };

  return {
    async fileCase(caller: Caller, a: FileCaseArgs, requestId?: string): Promise<CaseRow> {
      assertActs(caller, a, ['OFFICER']);
      const idem = a.idempotencyKey ? `${caller.subject}:${a.idempotencyKey}` : null;
      const fingerprint = idem ? fingerprintOf(a) : null;
      if (idem) {
        const previous = await repo.caseByIdempotencyKey(idem);
        if (previous) return sameRequest(previous, fingerprint);
      }
      const facts = a.factsSummary.trim();
      if (!facts) throw badInput('factsSummary', '须简要说明案件事实');
      if (a.source.kind === 'RANDOM_INSPECTION' && !a.source.reference) throw badInput('source.reference', '来源为双随机抽查时须填写抽查任务 ID');
      const agency = await powers.agency(a.agencyId, requestId);
      if (!agency) throw badInput('agencyId', `执法主体 ${a.agencyId} 不存在`);
      const filed = statedDate(a.filedOn, a.lateEntryReason, { today: today(), lateEntryWorkingDays: agency.policy.lateEntryWorkingDays, calendar }, 'filedOn');
      const filedOn = filed.on;
      const item = await powers.powerItem(a.powerItemCode, requestId);
      if (!item || item.status !== 'PUBLISHED') throw badInput('powerItemCode', `权力事项 ${a.powerItemCode} 不存在或尚未公示`);
      // Facts decide: the item's category makes the case type; the procedure must fit it.
      const caseType = deriveCaseType(item.category, a.caseType);
      checkProcedure(caseType, a.procedure);

      // Art. 20: an entrusted organisation acts only on its entrusting agency's entrusted items, in that agency's name.
      let nameAgency: AgencyFacts = agency;
      if (item.agencyId !== a.agencyId) {
        const e = agency.entrustment;
        if (agency.kind !== 'ENTRUSTED' || !e || e.entrustingAgencyId !== item.agencyId) {
          throw badInput('powerItemCode', `权力事项 ${a.powerItemCode} 不属于该执法主体，也不在其受委托的范围内`);
        }
        if (!e.powerItemCodes.includes(item.code))
          throw badInput('powerItemCode', `权力事项 ${item.code} 不在委托书 ${e.documentNumber} 载明的委托事项内（行政处罚法第二十条）`);
        if (filedOn < e.validFrom || filedOn > e.validUntil) {
          throw badInput('filedOn', `立案日期 ${filedOn} 不在委托期限（${e.validFrom} 至 ${e.validUntil}）内（行政处罚法第二十条第二款）`);
        }
        if (caseType !== 'PENALTY') throw badInput('powerItemCode', '受委托组织只能实施行政处罚；行政强制措施权不得委托（行政强制法第十七条）');
        nameAgency = await agencyFacts(item.agencyId, requestId);
      } else if (agency.kind === 'ENTRUSTED') {
        throw badInput('agencyId', '受委托组织只能在委托范围内以委托行政机关名义实施行政处罚（行政处罚法第二十条第四款），不能以自己的名义立案');
      }

      const party = parseParty(a.party, filedOn);
      if (item.partyKinds.length && !item.partyKinds.includes(party.kind as PartyKind)) {
        throw badInput('party.kind', `权力事项“${item.name}”仅适用于 ${item.partyKinds.join('、')}，当事人类型 ${party.kind} 不适用`);
      }
      await requireOfficers(a.officerIds, filedOn, item.enforcementArea, a.agencyId, requestId);
      const due = decisionDue(caseType, filedOn, item.timeLimitWorkingDays, calendar);

      const year = Number(filedOn.slice(0, 4));
      const now = clock.now();
      return idempotent(
        idem,
        fingerprint,
        'cases_idem',
        () => repo.caseByIdempotencyKey(idem!),
        () =>
          tx(async (t) => {
            const seq = await repo.nextCaseSeq(t, nameAgency.id, caseType, year);
            const partyRow: PartyRow = { ...party, id: newId(), createdAt: now };
            await repo.insertParty(t, partyRow);
            const row: CaseRow = {
              id: newId(),
              agencyId: a.agencyId,
              inNameOfAgencyId: nameAgency.id === a.agencyId ? null : nameAgency.id,
              caseNumber: formatCaseNumber(numberFormatFor(nameAgency.policy, caseType), year, seq),
              numberSeries: `${nameAgency.id}:${caseType}`,
              caseYear: year,
              caseSeq: seq,
              caseType,
              procedure: a.procedure,
              powerItemCode: item.code,
              powerItemVersionId: item.id,
              powerItemVersionNo: item.versionNo,
              enforcementArea: item.enforcementArea,
              partyId: partyRow.id,
              partyUscc: partyRow.uscc,
              handlingOfficerIds: [...new Set(a.officerIds)],
              source: { kind: a.source.kind as CaseRow['source']['kind'], reference: a.source.reference ?? null },
              sourceInspectionTaskId: a.source.kind === 'RANDOM_INSPECTION' ? (a.source.reference ?? null) : null,
              factsSummary: facts,
              confidentiality: a.confidentiality ?? null,
              state: 'FILED',
              filedOn,
              decisionDueOn: due.date,
              decisionDueConfirmed: due.date ? due.confirmed : null,
              decidedOn: null,
              decisionProposalId: null,
              decisionReviewId: null,
              partyPresentAtDecision: null,
              serviceDueOn: null,
              serviceDueConfirmed: null,
              servedOn: null,
              closedOn: null,
              archivedOn: null,
              retentionYears: null,
              retentionUntil: null,
              measureEndsOn: null,
              measureExtendedTo: null,
              measureLiftedOn: null,
              decisionChangeKind: null,
              decisionChangedOn: null,
              version: 1,
              idempotencyKey: idem,
              idempotencyFingerprint: fingerprint,
              createdBy: actor(caller),
              createdAt: now,
              updatedAt: now,
            };
            await repo.insertCase(t, row);
            await append(t, {
              caseId: row.id,
              kind: 'TRANSITION',
              stage: 'INITIATION',
              actor: actor(caller),
              payload: {
                action: 'file',
                from: null,
                to: 'FILED',
                on: filedOn,
                lateEntryReason: filed.lateEntryReason,
                caseNumber: row.caseNumber,
                caseType,
                procedure: a.procedure,
                agencyId: a.agencyId,
                party: { id: partyRow.id, kind: partyRow.kind },
                inNameOfAgencyId: row.inNameOfAgencyId,
                decisionDue: due,
                powerItem: { code: item.code, versionId: item.id, versionNo: item.versionNo },
                officerIds: row.handlingOfficerIds,
                source: row.source,
              },
            });
            return row;
          }),
      );
    },

    async startInvestigation(caller: Caller, caseId: string, version: number): Promise<CaseRow> {
      return tx(async (t) => {
        const c = await lockForAct(t, caller, caseId, version);
        assertCanDo('startInvestigation', c.state as CaseState, c.procedure as ProcedureKind);
        return transition(t, c, 'INVESTIGATING', caller, 'startInvestigation', {}, today(), 'INVESTIGATION');
      });
    },

    async recordText(
      caller: Caller,
      a: {
        caseId: string;
        documentType: string;
        stage: string;
        title: string;
        content?: string | null;
        secretReference?: string | null;
        confidentiality?: Confidentiality | null;
        officerIds?: string[] | null;
        activity?: string | null;
        occurredOn?: string | null;
        documentNumber?: string | null;
        contentSha256?: string | null;
        lateEntryReason?: string | null;
        supplementReason?: string | null;
      },
      requestId?: string,
    ): Promise<RecordEntryRow> {
      const c = await caseOpenForRecords(caller, a.caseId);
      if (a.documentType === 'RIGHTS_NOTICE') {
        throw badInput('documentType', '行政处罚告知书随告知一并登记（recordEvent 的 RIGHTS_NOTIFIED 与 rightsNotice），以便与所告知的决定建议绑定（R4）');
      }
      const occurred = await stated(c, a.occurredOn, a.lateEntryReason, 'occurredOn', { date: c.filedOn, what: '立案日期' }, requestId);
      const title = a.title.trim();
      if (!title) throw badInput('title', '文书标题不能为空');
      const formal = FORMAL_DOCUMENTS.includes(a.documentType);
      const documentNumber = parseDocumentNumber(a.documentNumber, a.documentType, formal);
      const classification = a.confidentiality ?? c.confidentiality;
      if (classification === 'STATE_SECRET') {
        // A state secret never enters this system: only a reference to where the classified file is kept.
        if (a.content) throw badInput('content', '涉及国家秘密的记录不得录入正文，请填写 secretReference（保密载体编号）');
        if (!a.secretReference?.trim()) throw badInput('secretReference', '涉及国家秘密的记录须填写保密载体编号');
      } else if (!a.content?.trim()) {
        throw badInput('content', '文书正文不能为空');
      } else if (formal) {
        checkDocumentText(a.content);
      }
      const contentHash = a.contentSha256 ? parseSha256(a.contentSha256, 'contentSha256') : sha256Of(a.content ?? a.secretReference!.trim());
      const onSite = ON_SITE_DOCUMENTS.includes(a.documentType) || ON_SITE_ACTIVITIES.includes(a.activity ?? '');
      if (onSite || a.officerIds?.length) await requireOfficers(a.officerIds ?? [], occurred.on, c.enforcementArea, c.agencyId, requestId);
      const supplementReason = a.supplementReason?.trim() || null;
      return tx(async (t) => {
        await lockOpenCase(t, c.id, supplementReason);
        return append(t, {
          caseId: c.id,
          kind: 'TEXT_RECORD',
          stage: a.stage,
          actor: actor(caller),
          payload: {
            documentType: a.documentType,
            title,
            documentNumber,
            contentHash,
            content: classification === 'STATE_SECRET' ? null : (a.content ?? null),
            secretReference: a.secretReference?.trim() || null,
            confidentiality: classification ?? null,
            officerIds: a.officerIds ?? [],
            activity: a.activity ?? null,
            occurredOn: occurred.on,
            lateEntryReason: occurred.lateEntryReason,
            supplementReason,
          },
        });
      });
    },

    async registerAv(
      caller: Caller,
      a: {
        caseId: string;
        stage: string;
        activity: string;
        sha256: string;
        sizeBytes: number;
        durationSeconds: number;
        device: string;
        officerIds: string[];
        startedAt: Date | string;
        endedAt: Date | string;
        location: string;
        storageUri: string;
        confidentiality?: Confidentiality | null;
        lateEntryReason?: string | null;
        supplementReason?: string | null;
      },
      requestId?: string,
    ): Promise<RecordEntryRow> {
      const c = await caseOpenForRecords(caller, a.caseId);
      const sha256 = parseSha256(a.sha256, 'sha256');
      if (a.sizeBytes <= 0) throw badInput('sizeBytes', '文件大小须为正数');
      const started = new Date(a.startedAt);
      const ended = new Date(a.endedAt);
      if (Number.isNaN(started.getTime()) || Number.isNaN(ended.getTime())) throw badInput('startedAt', '时间格式错误');
      checkAvTimes(started, ended, a.durationSeconds);
      if (beijingDate(ended) > today()) throw badInput('endedAt', `音像记录的结束时间不得晚于今天（${today()}）`);
      if (!/^[A-Z][A-Z0-9_]{1,63}$/.test(a.activity)) throw badInput('activity', '活动代码须为大写字母、数字和下划线');
      // Recording on site may precede the formal filing (the inspection that led to it): no earliest date here.
      const on = (await stated(c, beijingDate(started), a.lateEntryReason, 'startedAt', null, requestId)).on;
      await requireOfficers(a.officerIds, on, c.enforcementArea, c.agencyId, requestId);
      const supplementReason = a.supplementReason?.trim() || null;
      const party = (await repo.partiesByIds([c.partyId]))[0] ?? null;
      const personalFields = personalFieldsOf(party, a.activity, { location: a.location });
      return tx(async (t) => {
        await lockOpenCase(t, c.id, supplementReason);
        return append(t, {
          caseId: c.id,
          kind: 'AV_RECORD',
          stage: a.stage,
          actor: actor(caller),
          payload: {
            activity: a.activity,
            sha256,
            sizeBytes: a.sizeBytes,
            durationSeconds: a.durationSeconds,
            device: a.device,
            officerIds: a.officerIds,
            startedAt: started.toISOString(),
            endedAt: ended.toISOString(),
            occurredOn: on,
            location: a.location,
            storageUri: a.storageUri,
            confidentiality: a.confidentiality ?? c.confidentiality ?? null,
            lateEntryReason: a.lateEntryReason?.trim() || null,
            supplementReason,
            ...(personalFields.length ? { personalFields } : {}),
          },
        });
      });
    },

    async recordEvent(
      caller: Caller,
      a: {
        caseId: string;
        kind: string;
        occurredOn: string;
        officerIds?: string[] | null;
        location?: string | null;
        serviceMethod?: string | null;
        note?: string | null;
        lateEntryReason?: string | null;
        rightsNotice?: { proposalId: string; documentNumber?: string | null; content: string; contentSha256?: string | null } | null;
      },
      requestId?: string,
    ): Promise<CaseRow> {
      if (a.kind === 'SERVICE') throw badInput('kind', '送达请使用 serveDecision');
      assertRole(caller); // who may act, before the case's existence is revealed
      const pre = (await repo.casesByIds([a.caseId]))[0];
      if (!pre) throw notFound('案件', a.caseId);
      assertActs(caller, pre);
      const occurred = await stated(pre, a.occurredOn, a.lateEntryReason, 'occurredOn', { date: pre.filedOn, what: '立案日期' }, requestId);
      if (a.kind === 'CREDENTIAL_SHOWN') await requireOfficers(a.officerIds ?? [], occurred.on, pre.enforcementArea, pre.agencyId, requestId);
      else if (a.officerIds?.length) await requireOfficers(a.officerIds, occurred.on, pre.enforcementArea, pre.agencyId, requestId);

      // R4 is bound to a proposal: the notice is a document (number, date, content hash) naming what it told the party.
      let notice: { proposalId: string; documentNumber: string | null; content: string; contentHash: string } | null = null;
      if (a.kind === 'RIGHTS_NOTIFIED') {
        const n = a.rightsNotice;
        if (!n) throw badInput('rightsNotice', '告知须登记告知书：所告知的决定建议、文书编号和内容（行政处罚法第四十四条）');
        const general = pre.procedure === 'GENERAL';
        const documentNumber = parseDocumentNumber(n.documentNumber, 'RIGHTS_NOTICE', general);
        if (!n.content?.trim()) throw badInput('rightsNotice.content', '须载明告知的处罚内容及事实、理由、依据和当事人的权利');
        checkDocumentText(n.content, 'rightsNotice.content');
        notice = {
          proposalId: n.proposalId,
          documentNumber,
          content: n.content.trim(),
          contentHash: n.contentSha256 ? parseSha256(n.contentSha256, 'rightsNotice.contentSha256') : sha256Of(n.content.trim()),
        };
      } else if (a.rightsNotice) {
        throw badInput('rightsNotice', '只有告知（RIGHTS_NOTIFIED）登记告知书');
      }

      return tx(async (t) => {
        const c = await repo.lockCase(t, a.caseId);
        const procedure = c.procedure as ProcedureKind;
        const state = c.state as CaseState;
        const party = (await repo.partiesByIds([c.partyId]))[0] ?? null;
        const personalFields = personalFieldsOf(party, null, { location: a.location });
        const payload: EventPayload = {
          eventKind: a.kind,
          occurredOn: occurred.on,
          officerIds: a.officerIds ?? [],
          location: a.location ?? null,
          serviceMethod: null,
          note: a.note ?? null,
          lateEntryReason: occurred.lateEntryReason,
          ...(personalFields.length ? { personalFields } : {}),
        };
        const stageOf: Record<string, string> = {
          CREDENTIAL_SHOWN: state === 'FILED' ? 'INITIATION' : 'INVESTIGATION',
          RIGHTS_NOTIFIED: 'INVESTIGATION',
          HEARING_REQUESTED: 'INVESTIGATION',
          HEARING_WAIVED: 'INVESTIGATION',
          HEARING_HELD: 'INVESTIGATION',
        };
        let next = c;
        if (a.kind === 'RIGHTS_NOTIFIED') {
          const all = await repo.proposalsByCaseIds([c.id]);
          const proposal = all.find((p) => p.id === notice!.proposalId);
          if (!proposal) throw badInput('rightsNotice.proposalId', `决定建议 ${notice!.proposalId} 不属于该案件`);
          if (all.at(-1)!.id !== proposal.id) throw invalidState('只能就最新的决定建议告知', { latestProposalId: all.at(-1)!.id });
          // A new notice (e.g. for a heavier proposal) is allowed again until review: it opens a new hearing window.
          const renotify = procedure === 'GENERAL' && (state === 'NOTIFIED' || state === 'HEARING');
          if (!renotify) assertCanDo('notify', state, procedure);
          await append(t, {
            caseId: c.id,
            kind: 'TEXT_RECORD',
            stage: 'INVESTIGATION',
            actor: actor(caller),
            payload: {
              documentType: 'RIGHTS_NOTICE',
              title: procedure === 'SIMPLE' ? '当场告知' : '行政处罚告知书',
              documentNumber: notice!.documentNumber,
              contentHash: notice!.contentHash,
              content: notice!.content,
              secretReference: null,
              confidentiality: c.confidentiality ?? null,
              officerIds: a.officerIds ?? [],
              activity: null,
              occurredOn: occurred.on,
              lateEntryReason: occurred.lateEntryReason,
              supplementReason: null,
              proposalId: proposal.id,
              proposalHash: proposal.contentHash,
            },
          });
          payload.proposalId = proposal.id;
          payload.notice = { documentNumber: notice!.documentNumber, contentHash: notice!.contentHash, proposalHash: proposal.contentHash };
          if (state !== 'NOTIFIED') next = await transition(t, c, 'NOTIFIED', caller, 'notify', {}, occurred.on, 'INVESTIGATION');
        } else if (a.kind === 'HEARING_REQUESTED') {
          assertCanDo('requestHearing', state, procedure);
          next = await transition(t, c, 'HEARING', caller, 'requestHearing', {}, occurred.on, 'INVESTIGATION');
        } else if (a.kind === 'HEARING_WAIVED') {
          // Also in HEARING: a party may withdraw a hearing request in writing.
          if (state !== 'NOTIFIED' && state !== 'HEARING') throw invalidState('只有在告知之后、决定之前可以记录当事人放弃听证', { state });
        } else if (a.kind === 'HEARING_HELD') {
          if (state !== 'HEARING') throw invalidState('当事人要求听证后方可记录举行听证', { state });
        } else if (['ARCHIVED', 'CLOSED'].includes(state)) {
          throw invalidState('案件已结案，不能再记录执法事件', { state });
        }
        await append(t, { caseId: c.id, kind: 'EVENT', stage: stageOf[a.kind] ?? 'INVESTIGATION', actor: actor(caller), payload });
        return next;
      });
    },

    async proposeDecision(caller: Caller, a: ProposalArgs, requestId?: string): Promise<ProposalRow> {
      assertRole(caller); // who may act, before the case's existence is revealed
      const c = (await repo.casesByIds([a.caseId]))[0];
      if (!c) throw notFound('案件', a.caseId);
      assertActs(caller, c);
      const state = c.state as CaseState;
      const procedure = c.procedure as ProcedureKind;
      // A new proposal during review is allowed: it supersedes the one under review, which then no longer clears the gate.
      const allowed: CaseState[] = procedure === 'SIMPLE' ? ['FILED', 'INVESTIGATING', 'NOTIFIED'] : ['INVESTIGATING', 'NOTIFIED', 'HEARING', 'UNDER_REVIEW'];
      if (!allowed.includes(state)) throw invalidState(`案件当前状态（${state}）不能提出决定建议`, { state });
      const idem = a.idempotencyKey ? `${caller.subject}:${a.idempotencyKey}` : null;
      const fingerprint = idem ? fingerprintOf(a) : null;
      if (idem) {
        const previous = await repo.proposalByIdempotencyKey(idem);
        if (previous) return sameRequest(previous, fingerprint);
      }
      const caseType = c.caseType as CaseType;
      checkOutcome(caseType, a.outcome);
      const party = (await repo.partiesByIds([c.partyId]))[0]!;
      const entries = await verifiedEntriesOf(c, '提出决定建议');
      const events = eventsOf(entries);
      // Canonical order and spelling, so the same proposal always has the same content hash.
      const penaltyTypes = PENALTY_TYPES.filter((t) => (a.penaltyTypes ?? []).includes(t));
      if (a.outcome === 'PENALTY' && !penaltyTypes.length) throw badInput('penaltyTypes', '给予行政处罚须列明处罚种类（行政处罚法第九条）');
      if (a.outcome !== 'PENALTY' && penaltyTypes.length) throw badInput('penaltyTypes', '不予处罚或移送等决定不得列处罚种类');
      if (penaltyTypes.includes('FINE') !== (a.fineAmount != null)) {
        throw badInput('fineAmount', penaltyTypes.includes('FINE') ? '处罚种类含罚款时须填写罚款金额' : '处罚种类不含罚款时不得填写罚款金额');
      }
      if (a.fineAmount != null && cents(a.fineAmount) === 0n) throw badInput('fineAmount', '罚款金额须大于零');
      if (!a.legalBasis.length) throw badInput('legalBasis', '须列明法律依据');
      if (!a.reasoning.trim()) throw badInput('reasoning', '须说明理由');
      if (procedure === 'SIMPLE') {
        // Art. 51: on the spot only a warning or a fine up to 200 yuan (person) / 3,000 yuan (organisation).
        // An individual business is a citizen's business (民法典 natural-person chapter): the citizen's limit applies,
        // as for the large-amount threshold of Art. 63.
        const max = party.kind === 'LEGAL_PERSON' ? '3000' : '200';
        if (penaltyTypes.some((t) => t !== 'WARNING' && t !== 'FINE')) throw badInput('penaltyTypes', '简易程序只能给予警告或罚款（行政处罚法第五十一条）');
        if (a.fineAmount != null && cents(a.fineAmount) > cents(max)) {
          throw badInput('fineAmount', `简易程序罚款不得超过 ${max} 元（行政处罚法第五十一条）`);
        }
      }
      const content: ProposalContent = {
        outcome: a.outcome,
        penaltyTypes,
        fineAmount: a.fineAmount != null ? canonicalAmount(a.fineAmount) : null,
        confiscationAmount: a.confiscationAmount != null ? canonicalAmount(a.confiscationAmount) : null,
        discretionTier: a.discretionTier ?? null,
        legalBasis: a.legalBasis.map((b) => ({ law: b.law.trim(), article: b.article.trim() })),
        hearingHeld: events.some((e) => e.eventKind === 'HEARING_HELD'),
        reasoning: a.reasoning.trim(),
        outsideRangeReason: a.outsideRangeReason?.trim() || null,
        reviewFlags: [...new Set(a.reviewFlags ?? [])].sort(),
        mitigationGround: a.mitigationGround ?? null,
      };
      // The statute's range comes from the version pinned at filing: the law that applied to this case (R9).
      const [pinned, current] = await Promise.all([powers.powerItemVersion(c.powerItemVersionId, requestId), powers.powerItem(c.powerItemCode, requestId)]);
      if (!pinned) throw new AppError('UPSTREAM_UNAVAILABLE', '无法读取立案时的权力事项版本', { serviceName: 'powers' });
      const statuteNotes = checkStatutoryRange(content, party.kind as PartyKind, pinned.statutoryRanges);
      if (content.fineAmount !== null && !content.discretionTier) throw badInput('discretionTier', '有罚款时须选择裁量情节（R9）');
      const benchmark = checkBenchmark(content, current?.tiers ?? null);
      if (benchmark.fineWithinBenchmark === false && !content.outsideRangeReason) {
        throw badInput('outsideRangeReason', `${benchmark.notes.join('；')}`);
      }
      const checks = { ...benchmark, notes: [...benchmark.notes, ...statuteNotes] };
      const agency = await agencyFacts(c.agencyId, requestId);
      const reasons = matchReviewCatalog(
        await powers.reviewCatalog(c.agencyId, requestId),
        { procedure, caseType, partyKind: party.kind as PartyKind, proposal: content },
        agency.policy,
      );
      const row: ProposalRow = {
        id: newId(),
        caseId: c.id,
        content,
        contentHash: proposalHash(c.id, content),
        fineAmount: content.fineAmount,
        checks,
        reviewRequired: reasons.length > 0,
        reviewReasons: reasons,
        collectiveDiscussionRequired: reasons.some((r) => r.collectiveDiscussion),
        createdBy: actor(caller),
        createdAt: clock.now(),
        idempotencyKey: idem,
        idempotencyFingerprint: fingerprint,
      };
      return idempotent(
        idem,
        fingerprint,
        'proposals_idem',
        () => repo.proposalByIdempotencyKey(idem!),
        async () => {
          await tx(async (t) => {
            const locked = await repo.lockCase(t, c.id);
            if (locked.state !== c.state) throw invalidState('案件状态已变化，请刷新后重试');
            await repo.insertProposal(t, row);
            await append(t, {
              caseId: c.id,
              kind: 'PROPOSAL',
              stage: 'INVESTIGATION',
              actor: actor(caller),
              payload: {
                proposalId: row.id,
                contentHash: row.contentHash,
                content,
                reviewRequired: row.reviewRequired,
                reviewReasons: reasons,
                collectiveDiscussionRequired: row.collectiveDiscussionRequired,
              },
            });
          });
          return row;
        },
      );
    },

    /**
     * Art. 57(2): where the catalog says so, the agency's leaders discuss and decide collectively; the discussion
     * is recorded against exactly the proposal (content hash) it decided on.
     */
    async recordCollectiveDiscussion(
      caller: Caller,
      a: {
        caseId: string;
        proposalId: string;
        heldOn: string;
        participantIds: string[];
        conclusion: string;
        minutesNumber: string;
        minutes: string;
        lateEntryReason?: string | null;
      },
      requestId?: string,
    ): Promise<CaseRow> {
      assertRole(caller, ['PRINCIPAL']); // who may act, before the case's existence is revealed
      const pre = (await repo.casesByIds([a.caseId]))[0];
      if (!pre) throw notFound('案件', a.caseId);
      assertActs(caller, pre, ['PRINCIPAL']);
      const held = await stated(pre, a.heldOn, a.lateEntryReason, 'heldOn', { date: pre.filedOn, what: '立案日期' }, requestId);
      const participants = [...new Set(a.participantIds)];
      if (participants.length < 3) throw badInput('participantIds', '集体讨论须有行政机关负责人三人以上参加（行政处罚法第五十七条第二款）');
      const found = await powers.officers(participants, requestId);
      for (const id of participants) {
        const o = found.get(id);
        if (!o || o.agencyId !== pre.agencyId) throw badInput('participantIds', `参加人 ${id} 不是本机关人员`);
      }
      const conclusion = a.conclusion.trim();
      if (!conclusion) throw badInput('conclusion', '须载明集体讨论的结论');
      const minutesNumber = parseDocumentNumber(a.minutesNumber, 'COLLECTIVE_DISCUSSION', true)!;
      checkDocumentText(a.minutes, 'minutes');
      return tx(async (t) => {
        const c = await repo.lockCase(t, a.caseId);
        if (!['NOTIFIED', 'HEARING', 'UNDER_REVIEW'].includes(c.state)) throw invalidState('告知之后、作出决定之前方可集体讨论', { state: c.state });
        const latest = await latestProposal(c.id);
        if (!latest || latest.id !== a.proposalId) throw invalidState('只能就最新的决定建议集体讨论', { latestProposalId: latest?.id ?? null });
        await append(t, {
          caseId: c.id,
          kind: 'COLLECTIVE_DISCUSSION',
          stage: 'DECISION',
          actor: actor(caller),
          payload: {
            proposalId: latest.id,
            contentHash: latest.contentHash,
            heldOn: held.on,
            occurredOn: held.on,
            lateEntryReason: held.lateEntryReason,
            officerIds: participants,
            conclusion,
            documentNumber: minutesNumber,
            contentHash_minutes: sha256Of(a.minutes.trim()),
          },
        });
        return c;
      });
    },

    /**
     * The principal decides exactly one proposal. R4 (rights notice bound to the proposal, hearing window),
     * collective discussion (Art. 57(2)) and the review gate (R6) are checked here. The decision date is the
     * recorded date: it cannot be backdated.
     */
    async decideCase(
      caller: Caller,
      a: { caseId: string; proposalId: string; version: number; decidedOn?: string | null; partyPresent: boolean },
      requestId?: string,
    ): Promise<CaseRow> {
      const decidedOn = recordedDate(a.decidedOn, today(), 'decidedOn', '作出决定');
      assertRole(caller, ['PRINCIPAL', 'OFFICER']); // who may act, before the case's existence is revealed
      const pre = (await repo.casesByIds([a.caseId]))[0];
      if (!pre) throw notFound('案件', a.caseId);
      // On the spot (Art. 51-52) the officers decide; otherwise the principal does.
      assertActs(caller, pre, pre.procedure === 'SIMPLE' ? ['PRINCIPAL', 'OFFICER'] : ['PRINCIPAL']);
      if (pre.procedure === 'SIMPLE' && caller.role === 'OFFICER' && !pre.handlingOfficerIds.includes(caller.officerId ?? '')) {
        throw forbidden('当场处罚决定须由本案执法人员作出');
      }
      // Facts from `powers` for the publication, fetched before the transaction; unreachable means no decision.
      const decisionContext = await loadDecisionContext(pre, requestId);
      return tx(async (t) => {
        const c = await repo.lockCase(t, a.caseId, a.version);
        assertCanDo('decide', c.state as CaseState, c.procedure as ProcedureKind, c.caseType as CaseType);
        const all = await repo.proposalsByCaseIds([c.id]);
        const proposal = all.find((p) => p.id === a.proposalId);
        if (!proposal) throw badInput('proposalId', `决定建议 ${a.proposalId} 不属于该案件`);
        if (all.at(-1)!.id !== proposal.id) throw invalidState('该决定建议已被更新的建议取代，请就最新的建议作出决定', { latestProposalId: all.at(-1)!.id });
        const party = (await repo.partiesByIds([c.partyId]))[0]!;
        // R3/R4/R6 read only verified entries; the proposal row is checked against its authenticated entry.
        const entries = await verifiedEntriesOf(c, '作出决定');
        const gate = await verifiedGate(c, proposal, entries, requestId);
        const events = eventsOf(entries).map((e) => ({ kind: e.eventKind, occurredOn: e.occurredOn, proposalId: e.proposalId ?? null }));
        if (c.procedure === 'SIMPLE' && !events.some((e) => e.kind === 'CREDENTIAL_SHOWN')) {
          throw invalidState('当场作出处罚决定前须出示执法证件并记录（行政处罚法第五十二条，R3）', { missing: 'CREDENTIAL_SHOWN' });
        }
        checkRightsAndHearing(proposal.content, party.kind as PartyKind, events, new Map(all.map((p) => [p.id, p.content])), decidedOn, calendar);
        if (gate.collectiveDiscussionRequired) {
          const discussed = entries.some((e) => {
            if (e.kind !== 'COLLECTIVE_DISCUSSION') return false;
            const d = parsePayload<{ proposalId: string; contentHash: string }>(e);
            return d.proposalId === proposal.id && d.contentHash === proposal.contentHash;
          });
          if (!discussed) {
            throw invalidState(
              '该决定属于情节复杂或者重大违法行为，须经行政机关负责人集体讨论决定（行政处罚法第五十七条第二款），尚无对该决定建议的集体讨论记录',
              {
                missing: 'COLLECTIVE_DISCUSSION',
                proposalId: proposal.id,
              },
            );
          }
        }
        let review: ReviewClearance | null = null;
        if (gate.reviewRequired) {
          // R6: an APPROVED opinion for exactly this content, asked of `reviews` now; unreachable means refused.
          const refuse = (why: string) =>
            new AppError('REVIEW_REQUIRED', `未经法制审核或者审核未通过的，不得作出决定（行政处罚法第五十八条）：${why}`, {
              proposalId: proposal.id,
              contentHash: proposal.contentHash,
              reasons: proposal.reviewReasons,
            });
          try {
            review = await deps.clearance(c.id, proposal.id, proposal.contentHash, requestId);
          } catch {
            throw refuse('法制审核服务暂不可用，无法确认审核结论');
          }
          if (!review.approved) throw refuse(review.reason ?? proposal.reviewReasons.map((r) => r.description).join('；'));
        }
        const due = serviceDue(decidedOn, a.partyPresent, calendar);
        // 行政强制法 Art. 25: a seizure or impoundment runs 30 days from the decision.
        const measure = isSeizure(proposal.content.outcome) ? { startedOn: decidedOn, endsOn: measureEnd(decidedOn) } : null;
        const next = await transition(
          t,
          c,
          'DECIDED',
          caller,
          'decide',
          {
            decidedOn,
            decisionProposalId: proposal.id,
            decisionReviewId: review?.reviewId ?? null,
            partyPresentAtDecision: a.partyPresent,
            serviceDueOn: due.date,
            serviceDueConfirmed: due.confirmed,
            measureEndsOn: measure?.endsOn ?? null,
          },
          decidedOn,
          'DECISION',
        );
        await append(t, {
          caseId: c.id,
          kind: 'DECISION',
          stage: 'DECISION',
          actor: actor(caller),
          payload: {
            proposalId: proposal.id,
            contentHash: proposal.contentHash,
            decidedOn,
            partyPresent: a.partyPresent,
            hearingRight: hasHearingRight(proposal.content, party.kind as PartyKind),
            measure,
            review: review ? { reviewId: review.reviewId, roundNo: review.roundNo, reviewerId: review.reviewerId, approvedAt: review.approvedAt } : null,
          },
        });
        // R12: every decision gets its publication (with a due date) or an exemption with its reason.
        await createPublicationForDecision(repo, t, c, proposal, party, decidedOn, decisionContext, calendar, actor(caller), clock, measure);
        return next;
      });
    },

    publicationOf: async (caseId: string) => (await repo.publicationsByCaseIds([caseId]))[0] ?? null,

    /** Called by `reviews` (SERVICE) when a handler submits: the case enters UNDER_REVIEW with its record entry. */
    async enterLegalReview(
      caller: Caller,
      a: { caseId: string; proposalId: string; reviewId: string; roundNo: number; submittedBy: string },
    ): Promise<CaseRow> {
      if (caller.role !== 'SERVICE') throw forbidden('仅供法制审核服务调用');
      return tx(async (t) => {
        const c = await repo.lockCase(t, a.caseId);
        const entries = await entriesOf(c.id);
        const sameRound = (e: RecordEntryRow) => {
          const p = parsePayload<{ reviewId?: string; roundNo?: number }>(e);
          return e.kind === 'TRANSITION' && p.reviewId === a.reviewId && p.roundNo === a.roundNo;
        };
        if (entries.some(sameRound)) return c; // a retry of the same submission
        assertCanDo('submitForReview', c.state as CaseState, c.procedure as ProcedureKind, c.caseType as CaseType);
        const all = await repo.proposalsByCaseIds([c.id]);
        const proposal = all.find((p) => p.id === a.proposalId);
        if (!proposal) throw badInput('proposalId', `决定建议 ${a.proposalId} 不属于该案件`);
        if (all.at(-1)!.id !== proposal.id) throw invalidState('只能送审最新的决定建议', { latestProposalId: all.at(-1)!.id });
        const next = await repo.updateCase(t, c, { state: 'UNDER_REVIEW' });
        await append(t, {
          caseId: c.id,
          kind: 'TRANSITION',
          stage: 'REVIEW',
          actor: a.submittedBy,
          payload: {
            action: 'submitForReview',
            from: c.state,
            to: 'UNDER_REVIEW',
            on: today(),
            note: null,
            reviewId: a.reviewId,
            roundNo: a.roundNo,
            proposalId: proposal.id,
            contentHash: proposal.contentHash,
          },
        });
        return next;
      });
    },

    /** Called by `reviews` (SERVICE) when an opinion is recorded; ISSUES_FOUND sends the case back to its handlers. */
    async recordReviewOutcome(
      caller: Caller,
      a: { caseId: string; reviewId: string; roundNo: number; proposalId: string; contentHash: string; conclusion: string; reviewerId: string },
    ): Promise<CaseRow> {
      if (caller.role !== 'SERVICE') throw forbidden('仅供法制审核服务调用');
      if (a.conclusion !== 'APPROVED' && a.conclusion !== 'ISSUES_FOUND') throw badInput('conclusion', '审核结论只能是 APPROVED 或 ISSUES_FOUND');
      return tx(async (t) => {
        const c = await repo.lockCase(t, a.caseId);
        const entries = await entriesOf(c.id);
        const opinionOf = (e: RecordEntryRow) => parsePayload<{ reviewId: string; roundNo: number }>(e);
        if (entries.some((e) => e.kind === 'REVIEW_OPINION' && opinionOf(e).reviewId === a.reviewId && opinionOf(e).roundNo === a.roundNo)) return c;
        if (c.state !== 'UNDER_REVIEW') throw invalidState('案件不在法制审核中', { state: c.state });
        await append(t, { caseId: c.id, kind: 'REVIEW_OPINION', stage: 'REVIEW', actor: a.reviewerId, payload: { ...a, on: today() } });
        if (a.conclusion === 'APPROVED') return c;
        // Back to where it was before review (NOTIFIED or HEARING): the handlers correct and resubmit.
        const entered = [...entries].reverse().find((e) => e.kind === 'TRANSITION' && parsePayload<{ to: string }>(e).to === 'UNDER_REVIEW');
        const back = entered ? parsePayload<{ from: CaseState }>(entered).from : 'NOTIFIED';
        return transition(t, c, back, caller, 'returnFromReview', {}, today(), 'REVIEW', '法制审核存在问题，退回承办机构');
      });
    },

    async serve(
      caller: Caller,
      a: {
        caseId: string;
        version: number;
        method: string;
        servedOn: string;
        officerIds: string[];
        lateEntryReason?: string | null;
        publicationNoticeNumber?: string | null;
      },
      requestId?: string,
    ): Promise<CaseRow> {
      assertRole(caller); // who may act, before the case's existence is revealed
      const pre = (await repo.casesByIds([a.caseId]))[0];
      if (!pre) throw notFound('案件', a.caseId);
      assertActs(caller, pre);
      const served = await stated(pre, a.servedOn, a.lateEntryReason, 'servedOn', { date: pre.decidedOn, what: '决定日期' }, requestId);
      await requireOfficers(a.officerIds, served.on, pre.enforcementArea, pre.agencyId, requestId);
      const noticeNumber = a.publicationNoticeNumber?.trim() || null;
      return tx(async (t) => {
        const c = await repo.lockCase(t, a.caseId, a.version);
        assertCanDo('serve', c.state as CaseState, c.procedure as ProcedureKind);
        assertNotHalted(c, '送达');
        // 公示规定 Art. 8: a decision to be published is served with the written notice that it will be.
        const publication = (await repo.publicationsByCaseIds([c.id]))[0];
        const toBePublished = publication && (publication.status === 'PENDING' || publication.status === 'PUBLISHED');
        if (toBePublished && !noticeNumber) {
          throw badInput('publicationNoticeNumber', '该决定将向社会公示，送达时须书面告知当事人并填写告知文书编号（市场监督管理行政处罚信息公示规定第八条）');
        }
        const next = await transition(t, c, 'SERVED', caller, 'serve', { servedOn: served.on }, served.on, 'SERVICE');
        const payload: EventPayload = {
          eventKind: 'SERVICE',
          occurredOn: served.on,
          officerIds: a.officerIds,
          location: null,
          serviceMethod: a.method,
          note: null,
          lateEntryReason: served.lateEntryReason,
          publicationNoticeNumber: toBePublished ? noticeNumber : null,
        };
        await append(t, { caseId: c.id, kind: 'EVENT', stage: 'SERVICE', actor: actor(caller), payload });
        if (toBePublished) {
          const p = await repo.lockPublication(t, publication.id);
          await repo.updatePublication(t, p, { partyNotifiedOn: served.on, partyNoticeNumber: noticeNumber });
        }
        return next;
      });
    },

    /** Art. 67, 72: a fine paid (stated date, receipt); the 3 % daily surcharge, capped at the fine, is owed on top when late. */
    async recordFinePayment(
      caller: Caller,
      a: { caseId: string; amount: string; paidOn: string; receiptNumber: string; lateEntryReason?: string | null },
      requestId?: string,
    ): Promise<CaseRow> {
      assertRole(caller); // who may act, before the case's existence is revealed
      const pre = (await repo.casesByIds([a.caseId]))[0];
      if (!pre) throw notFound('案件', a.caseId);
      assertActs(caller, pre);
      if (!/^(0|[1-9]\d{0,13})(\.\d{1,2})?$/.test(a.amount) || cents(a.amount) === 0n) throw badInput('amount', '缴款金额须为正的十进制数（元，最多两位小数）');
      const receipt = a.receiptNumber.trim();
      if (!receipt) throw badInput('receiptNumber', '须填写缴款凭证号（罚缴分离，行政处罚法第六十七条）');
      const paid = await stated(pre, a.paidOn, a.lateEntryReason, 'paidOn', { date: pre.servedOn ?? pre.decidedOn, what: '送达日期' }, requestId);
      return tx(async (t) => {
        const c = await repo.lockCase(t, a.caseId);
        if (c.state !== 'SERVED') throw invalidState('决定书送达后、执行完毕前记录罚款缴纳', { state: c.state });
        assertNotHalted(c, '执行');
        const proposal = await decidedProposal(c);
        const fine = proposal?.content.penaltyTypes.includes('FINE') ? proposal.content.fineAmount : null;
        if (!fine) throw invalidState('该决定没有罚款');
        const payments = paymentsOf(await entriesOf(c.id));
        const before = fineStatus(fine, paymentDue(c.servedOn!), payments, paid.on);
        if (cents(a.amount) > cents(before.outstanding)) {
          throw badInput('amount', `缴款 ${a.amount} 元超过应缴金额 ${before.outstanding} 元（罚款 ${fine} 元，加处罚款 ${before.lateSurcharge} 元）`);
        }
        const after = fineStatus(fine, paymentDue(c.servedOn!), [...payments, { amount: canonicalAmount(a.amount), paidOn: paid.on }], paid.on);
        await append(t, {
          caseId: c.id,
          kind: 'FINE_PAYMENT',
          stage: 'EXECUTION',
          actor: actor(caller),
          payload: {
            amount: canonicalAmount(a.amount),
            paidOn: paid.on,
            occurredOn: paid.on,
            receiptNumber: receipt,
            lateEntryReason: paid.lateEntryReason,
            status: after,
          },
        });
        return c;
      });
    },

    async execute(
      caller: Caller,
      a: { caseId: string; version: number; on?: string | null; note?: string | null; lateEntryReason?: string | null },
      requestId?: string,
    ): Promise<CaseRow> {
      assertRole(caller); // who may act, before the case's existence is revealed
      const pre = (await repo.casesByIds([a.caseId]))[0];
      if (!pre) throw notFound('案件', a.caseId);
      assertActs(caller, pre);
      const on = await stated(pre, a.on, a.lateEntryReason, 'on', { date: pre.servedOn, what: '送达日期' }, requestId);
      return tx(async (t) => {
        const c = await repo.lockCase(t, a.caseId, a.version);
        assertCanDo('execute', c.state as CaseState, c.procedure as ProcedureKind);
        assertNotHalted(c, '执行');
        const proposal = await decidedProposal(c);
        if (proposal?.content.penaltyTypes.includes('FINE') && proposal.content.fineAmount) {
          const status = fineStatus(proposal.content.fineAmount, paymentDue(c.servedOn!), paymentsOf(await entriesOf(c.id)), on.on);
          if (!status.paidInFull) {
            throw invalidState(
              `罚款尚未缴清：应缴 ${status.totalDue} 元（含加处罚款 ${status.lateSurcharge} 元），已缴 ${status.paid} 元（行政处罚法第七十二条）`,
              {
                outstanding: status.outstanding,
              },
            );
          }
        }
        return transition(t, c, 'EXECUTED', caller, 'execute', {}, on.on, 'EXECUTION', a.note, { lateEntryReason: on.lateEntryReason });
      });
    },

    /** 行政强制法 Art. 25: one extension of at most 30 days, approved by the principal, notified to the party in writing. */
    async extendSeizure(
      caller: Caller,
      a: { caseId: string; version: number; days: number; reason: string; noticeNumber: string; notice: string },
    ): Promise<CaseRow> {
      const reason = a.reason.trim();
      if (!reason) throw badInput('reason', '延长查封、扣押须说明理由（情况复杂，行政强制法第二十五条）');
      const noticeNumber = parseDocumentNumber(a.noticeNumber, 'NOTICE', true)!;
      checkDocumentText(a.notice, 'notice');
      return tx(async (t) => {
        const c = await lockForAct(t, caller, a.caseId, a.version, ['PRINCIPAL']);
        if (!c.measureEndsOn) throw invalidState('该案件没有查封、扣押措施');
        assertNotHalted(c, '延长');
        const extendedTo = checkExtension(
          { startedOn: c.decidedOn!, endsOn: c.measureEndsOn, extendedTo: c.measureExtendedTo, liftedOn: c.measureLiftedOn },
          a.days,
          today(),
        );
        const next = await repo.updateCase(t, c, { measureExtendedTo: extendedTo });
        await append(t, {
          caseId: c.id,
          kind: 'MEASURE_EXTENDED',
          stage: 'DECISION',
          actor: actor(caller),
          payload: {
            on: today(),
            days: a.days,
            from: c.measureEndsOn,
            to: extendedTo,
            reason,
            documentNumber: noticeNumber,
            contentHash: sha256Of(a.notice.trim()),
          },
        });
        return next;
      });
    },

    /** 行政强制法 Art. 27, 28: the measure ends by a decision to lift it (or a decision on the property), recorded by the principal. */
    async liftSeizure(caller: Caller, a: { caseId: string; version: number; reason: string; documentNumber: string }): Promise<CaseRow> {
      const reason = a.reason.trim();
      if (!reason) throw badInput('reason', '须说明解除或处理的理由（行政强制法第二十七条、第二十八条）');
      const documentNumber = parseDocumentNumber(a.documentNumber, 'DECISION', true)!;
      return tx(async (t) => {
        const c = await lockForAct(t, caller, a.caseId, a.version, ['PRINCIPAL']);
        if (!c.measureEndsOn) throw invalidState('该案件没有查封、扣押措施');
        if (c.measureLiftedOn) throw invalidState(`查封、扣押已于 ${c.measureLiftedOn} 解除`);
        const on = today();
        const end = c.measureExtendedTo ?? c.measureEndsOn;
        const next = await repo.updateCase(t, c, { measureLiftedOn: on });
        await append(t, {
          caseId: c.id,
          kind: 'MEASURE_LIFTED',
          stage: 'EXECUTION',
          actor: actor(caller),
          payload: { on, reason, documentNumber, periodEnd: end, late: on > end },
        });
        return next;
      });
    },

    /** R14: the decision changed/revoked/confirmed illegal or void, by the principal (relief outcomes call revokeDecision directly). */
    async recordDecisionChange(caller: Caller, a: { caseId: string; kind: DecisionChangeKind; reason: string; changedOn?: string | null }): Promise<CaseRow> {
      const changedOn = recordedDate(a.changedOn, today(), 'changedOn', '负责人记录决定变更');
      if (caller.role !== 'PRINCIPAL') throw forbidden('决定的变更、撤销只能由本机关负责人记录，或由行政复议、行政诉讼的结果记录');
      return tx(async (t) => {
        const c = await repo.lockCase(t, a.caseId);
        if (caller.agencyId !== c.agencyId) throw notFound('案件', a.caseId);
        return revokeDecision(revocationDeps, t, c, { reason: a.reason, kind: a.kind, changedOn, source: { kind: 'PRINCIPAL', actor: actor(caller) } });
      });
    },

    /** The revocation used by relief proceedings inside their own transaction (see revocation.ts). */
    revokeDecision: (t: CasesTx, c: CaseRow, input: RevocationInput) => revokeDecision(revocationDeps, t, c, input),

    async close(caller: Caller, a: { caseId: string; version: number; on?: string | null; note?: string | null }): Promise<CaseRow> {
      const on = recordedDate(a.on, today(), 'on', '结案');
      return tx(async (t) => {
        const c = await lockForAct(t, caller, a.caseId, a.version);
        const halted = haltsDecision(c.decisionChangeKind);
        // A decision revoked before it was carried out ends the case without execution (执行终止).
        if (!(halted && (c.state === 'DECIDED' || c.state === 'SERVED'))) assertCanDo('close', c.state as CaseState, c.procedure as ProcedureKind);
        const proposal = await decidedProposal(c);
        if (!halted && c.state === 'SERVED' && proposal && needsExecution(proposal.content)) {
          throw invalidState('该决定须执行完毕后方可结案', { state: c.state });
        }
        if (c.measureEndsOn && !c.measureLiftedOn) {
          throw invalidState('查封、扣押尚未解除或作出处理决定，不能结案（行政强制法第二十七条、第二十八条）', {
            measureEndsOn: c.measureExtendedTo ?? c.measureEndsOn,
          });
        }
        return transition(t, c, 'CLOSED', caller, 'close', { closedOn: on }, on, 'ARCHIVING', a.note);
      });
    },

    /** R18: refuses with RECORD_INCOMPLETE listing every missing item; sets the retention period by case type. */
    async archive(caller: Caller, a: { caseId: string; version: number; on?: string | null }, requestId?: string): Promise<CaseRow> {
      const on = recordedDate(a.on, today(), 'on', '归档');
      assertRole(caller); // who may act, before the case's existence is revealed
      const pre = (await repo.casesByIds([a.caseId]))[0];
      if (!pre) throw notFound('案件', a.caseId);
      assertActs(caller, pre);
      const [avActivities, agency] = await Promise.all([powers.avActivities(pre.agencyId, requestId), agencyFacts(pre.agencyId, requestId)]);
      return tx(async (t) => {
        const c = await repo.lockCase(t, a.caseId, a.version);
        assertCanDo('archive', c.state as CaseState, c.procedure as ProcedureKind);
        // R18 completeness is judged on verified entries only (a row inserted by SQL does not complete a file).
        const entries = await verifiedEntriesOf(c, '归档');
        const proposal = await decidedProposal(c);
        const events = eventsOf(entries);
        const closedAt = [...entries].reverse().find((e) => e.kind === 'TRANSITION' && parsePayload<{ to: string }>(e).to === 'CLOSED')?.recordedAt ?? null;
        const facts = entries
          .filter((e) => e.kind === 'TEXT_RECORD' || e.kind === 'AV_RECORD' || e.kind === 'REVIEW_OPINION')
          .map((e) => {
            const p = parsePayload<{
              documentType?: string;
              activity?: string;
              documentNumber?: string | null;
              contentHash?: string | null;
              sha256?: string | null;
              supplementReason?: string | null;
            }>(e);
            return {
              id: e.id,
              kind: e.kind,
              stage: e.stage,
              documentType: p.documentType ?? null,
              activity: p.activity ?? null,
              documentNumber: p.documentNumber ?? null,
              contentHash: p.contentHash ?? null,
              sha256: p.sha256 ?? null,
              afterClosing: !!closedAt && e.recordedAt > closedAt,
              supplementReason: p.supplementReason ?? null,
            };
          });
        const missing = missingForArchive({
          procedure: c.procedure as ProcedureKind,
          caseType: c.caseType as CaseType,
          outcome: proposal?.content.outcome ?? null,
          executed: entries.some((e) => e.kind === 'TRANSITION' && parsePayload<{ to: string }>(e).to === 'EXECUTED'),
          hearingHeld: events.some((e) => e.eventKind === 'HEARING_HELD'),
          reviewed: entries.some((e) => e.kind === 'TRANSITION' && parsePayload<{ to: string }>(e).to === 'UNDER_REVIEW'),
          entries: facts,
          events: events.map((e) => ({ kind: e.eventKind, serviceMethod: e.serviceMethod })),
          avActivities,
          publicationStatus: (await repo.publicationsByCaseIds([c.id]))[0]?.status ?? null,
        });
        if (missing.length) {
          throw new AppError('RECORD_INCOMPLETE', `案卷不完整，不能归档（共 ${missing.length} 项）：${missing.join('；')}`, { missing });
        }
        const retention = retentionFor(agency.policy.retention, c.caseType as CaseType, c.procedure as ProcedureKind, on);
        const supplements = facts.filter((f) => f.afterClosing && f.supplementReason).map((f) => ({ entryId: f.id, reason: f.supplementReason }));
        return transition(
          t,
          c,
          'ARCHIVED',
          caller,
          'archive',
          { archivedOn: on, retentionYears: retention.years, retentionUntil: retention.until },
          on,
          'ARCHIVING',
          null,
          { retention, supplements },
        );
      });
    },
  };
}

export type CaseService = ReturnType<typeof createCaseService>;
