import type { WorkingDayCalendar } from '../shared/calendar.js';
import { AppError, badInput, forbidden, invalidState, notFound } from '../shared/errors.js';
import { usccFitsPartyKind, validateResidentId, validateUscc, isMinorOn } from '../shared/identifiers.js';
import type { Caller } from '../shared/identity.js';
import { retryingTransaction } from '../shared/db.js';
import { newId } from '../shared/ids.js';
import type { RecordEntryRow } from './db/schema.js';
import {
  assertCanDo,
  assertNotBefore,
  assertNotFuture,
  checkBenchmark,
  checkOfficers,
  checkRightsAndHearing,
  canonicalAmount,
  cents,
  decisionDue,
  hasHearingRight,
  matchReviewCatalog,
  missingForArchive,
  needsExecution,
  proposalHash,
  serviceDue,
  type CaseAction,
} from './domain/rules.js';
import type { CaseState, CaseType, Confidentiality, PartyKind, ProcedureKind, ProposalContent } from './domain/types.js';
import { PENALTY_TYPES } from '../powers/domain/types.js';
import { clockedAppender } from './records/log.js';
import { createPublicationForDecision, type DecisionContext } from './publication-service.js';
import type { PowersFacts } from './powers-facts.js';
import type { CaseRow, CasesRepo, CasesTx, PartyRow, ProposalRow } from './repo.js';
import { beijingDate, type Clock } from '../shared/clock.js';

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

function assertActs(caller: Caller, c: { agencyId: string }, roles = ['OFFICER']): void {
  if (!roles.includes(caller.role)) throw forbidden(`此操作需要角色 ${roles.join('/')}`);
  if (caller.agencyId !== c.agencyId) throw forbidden('只能办理本机关的案件');
}

const actor = (c: Caller) => c.officerId ?? c.subject;

export interface EventPayload {
  eventKind: string;
  occurredOn: string;
  officerIds: string[];
  location: string | null;
  serviceMethod: string | null;
  note: string | null;
}

export const parsePayload = <T>(e: RecordEntryRow): T => JSON.parse(e.payload) as T;
export const eventsOf = (entries: RecordEntryRow[]) => entries.filter((e) => e.kind === 'EVENT').map((e) => parsePayload<EventPayload>(e));

export interface FileCaseArgs {
  agencyId: string;
  caseType: CaseType;
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

export function createCaseService(deps: { repo: CasesRepo; powers: PowersFacts; calendar: WorkingDayCalendar; clearance: ClearanceSource; clock: Clock }) {
  const { repo, powers, calendar, clock } = deps;
  const today = () => clock.today();
  const append = clockedAppender(clock);
  const tx = <T>(fn: (tx: CasesTx) => Promise<T>) => retryingTransaction(() => repo.orm.transaction(fn));

  async function entriesOf(caseId: string) {
    return repo.entriesByCaseIds([caseId]);
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
  ): Promise<CaseRow> {
    const next = await repo.updateCase(t, c, { ...patch, state: to });
    await append(t, { caseId: c.id, kind: 'TRANSITION', stage, actor: actor(caller), payload: { action, from: c.state, to, on, note: note ?? null } });
    return next;
  }

  async function loadDecisionContext(c: CaseRow, requestId?: string): Promise<DecisionContext> {
    const [agency, item] = await Promise.all([powers.agency(c.agencyId, requestId), powers.powerItemVersion(c.powerItemVersionId, requestId)]);
    if (!agency || !item) throw new AppError('UPSTREAM_UNAVAILABLE', '无法读取执法主体或权力事项信息，暂不能作出决定', { serviceName: 'powers' });
    return { agency, powerItem: item };
  }

  /** A case the caller may add records to: theirs to act on, and not archived (R17: the archived file is final). */
  async function caseOpenForRecords(caller: Caller, caseId: string): Promise<CaseRow> {
    const c = (await repo.casesByIds([caseId]))[0];
    if (!c) throw notFound('案件', caseId);
    assertActs(caller, c);
    if (c.state === 'ARCHIVED') throw invalidState('案件已归档，记录不可再追加');
    return c;
  }

  /** Re-checked under the case lock: an archive committing meanwhile must not get a record appended after it. */
  async function lockOpenCase(t: CasesTx, caseId: string): Promise<void> {
    if ((await repo.lockCase(t, caseId)).state === 'ARCHIVED') throw invalidState('案件已归档，记录不可再追加');
  }

  async function requireOfficers(officerIds: string[], date: string, area: string, agencyId: string, requestId?: string) {
    checkOfficers(officerIds, await powers.officers(officerIds, requestId), date, area, agencyId);
  }

  return {
    async fileCase(caller: Caller, a: FileCaseArgs, requestId?: string): Promise<CaseRow> {
      assertActs(caller, a, ['OFFICER']);
      const idem = a.idempotencyKey ? `${caller.subject}:${a.idempotencyKey}` : null;
      if (idem) {
        const previous = await repo.caseByIdempotencyKey(idem);
        if (previous) return previous;
      }
      const filedOn = a.filedOn ?? today();
      assertNotFuture(filedOn, today(), 'filedOn');
      const party = parseParty(a.party, filedOn);
      const facts = a.factsSummary.trim();
      if (!facts) throw badInput('factsSummary', '须简要说明案件事实');
      if (a.source.kind === 'RANDOM_INSPECTION' && !a.source.reference) throw badInput('source.reference', '来源为双随机抽查时须填写抽查任务 ID');
      const agency = await powers.agency(a.agencyId, requestId);
      if (!agency) throw badInput('agencyId', `执法主体 ${a.agencyId} 不存在`);
      const item = await powers.powerItem(a.powerItemCode, requestId);
      if (!item || item.status !== 'PUBLISHED') throw badInput('powerItemCode', `权力事项 ${a.powerItemCode} 不存在或尚未公示`);
      if (item.agencyId !== a.agencyId) throw badInput('powerItemCode', `权力事项 ${a.powerItemCode} 不属于该执法主体`);
      await requireOfficers(a.officerIds, filedOn, item.enforcementArea, a.agencyId, requestId);

      const year = Number(filedOn.slice(0, 4));
      const now = clock.now();
      return tx(async (t) => {
        const seq = await repo.nextCaseSeq(t, a.agencyId, year);
        const partyRow: PartyRow = { ...party, id: newId(), createdAt: now };
        await repo.insertParty(t, partyRow);
        const row: CaseRow = {
          id: newId(),
          agencyId: a.agencyId,
          caseNumber: formatCaseNumber(agency.policy.caseNumberFormat, year, seq),
          caseYear: year,
          caseSeq: seq,
          caseType: a.caseType,
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
          decisionDueOn: decisionDue(filedOn),
          decidedOn: null,
          decisionProposalId: null,
          decisionReviewId: null,
          partyPresentAtDecision: null,
          serviceDueOn: null,
          serviceDueConfirmed: null,
          servedOn: null,
          closedOn: null,
          archivedOn: null,
          version: 1,
          idempotencyKey: idem,
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
            caseNumber: row.caseNumber,
            powerItem: { code: item.code, versionId: item.id, versionNo: item.versionNo },
            officerIds: row.handlingOfficerIds,
            source: row.source,
          },
        });
        return row;
      });
    },

    async startInvestigation(caller: Caller, caseId: string, version: number): Promise<CaseRow> {
      return tx(async (t) => {
        const c = await repo.lockCase(t, caseId, version);
        assertActs(caller, c);
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
      },
      requestId?: string,
    ): Promise<RecordEntryRow> {
      const c = await caseOpenForRecords(caller, a.caseId);
      const occurredOn = a.occurredOn ?? today();
      assertNotFuture(occurredOn, today(), 'occurredOn');
      assertNotBefore(occurredOn, c.filedOn, 'occurredOn', '立案日期');
      const title = a.title.trim();
      if (!title) throw badInput('title', '文书标题不能为空');
      const classification = a.confidentiality ?? c.confidentiality;
      if (classification === 'STATE_SECRET') {
        // A state secret never enters this system: only a reference to where the classified file is kept.
        if (a.content) throw badInput('content', '涉及国家秘密的记录不得录入正文，请填写 secretReference（保密载体编号）');
        if (!a.secretReference?.trim()) throw badInput('secretReference', '涉及国家秘密的记录须填写保密载体编号');
      } else if (!a.content?.trim()) {
        throw badInput('content', '文书正文不能为空');
      }
      if (a.officerIds?.length) await requireOfficers(a.officerIds, occurredOn, c.enforcementArea, c.agencyId, requestId);
      return tx(async (t) => {
        await lockOpenCase(t, c.id);
        return append(t, {
          caseId: c.id,
          kind: 'TEXT_RECORD',
          stage: a.stage,
          actor: actor(caller),
          payload: {
            documentType: a.documentType,
            title,
            content: classification === 'STATE_SECRET' ? null : (a.content ?? null),
            secretReference: a.secretReference?.trim() || null,
            confidentiality: classification ?? null,
            officerIds: a.officerIds ?? [],
            activity: a.activity ?? null,
            occurredOn,
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
      },
      requestId?: string,
    ): Promise<RecordEntryRow> {
      const c = await caseOpenForRecords(caller, a.caseId);
      if (!/^[0-9a-fA-F]{64}$/.test(a.sha256)) throw badInput('sha256', 'SHA-256 须为 64 位十六进制');
      if (a.sizeBytes <= 0) throw badInput('sizeBytes', '文件大小须为正数');
      if (a.durationSeconds <= 0) throw badInput('durationSeconds', '时长须为正数');
      const started = new Date(a.startedAt);
      const ended = new Date(a.endedAt);
      if (!(ended > started)) throw badInput('endedAt', '结束时间须晚于开始时间');
      if (!/^[A-Z][A-Z0-9_]{1,63}$/.test(a.activity)) throw badInput('activity', '活动代码须为大写字母、数字和下划线');
      const on = beijingDate(started);
      await requireOfficers(a.officerIds, on, c.enforcementArea, c.agencyId, requestId);
      return tx(async (t) => {
        await lockOpenCase(t, c.id);
        return append(t, {
          caseId: c.id,
          kind: 'AV_RECORD',
          stage: a.stage,
          actor: actor(caller),
          payload: {
            activity: a.activity,
            sha256: a.sha256.toLowerCase(),
            sizeBytes: a.sizeBytes,
            durationSeconds: a.durationSeconds,
            device: a.device,
            officerIds: a.officerIds,
            startedAt: started.toISOString(),
            endedAt: ended.toISOString(),
            location: a.location,
            storageUri: a.storageUri,
            confidentiality: a.confidentiality ?? c.confidentiality ?? null,
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
      },
      requestId?: string,
    ): Promise<CaseRow> {
      if (a.kind === 'SERVICE') throw badInput('kind', '送达请使用 serveDecision');
      assertNotFuture(a.occurredOn, today(), 'occurredOn');
      const pre = (await repo.casesByIds([a.caseId]))[0];
      if (!pre) throw notFound('案件', a.caseId);
      assertActs(caller, pre);
      if (a.kind === 'CREDENTIAL_SHOWN') await requireOfficers(a.officerIds ?? [], a.occurredOn, pre.enforcementArea, pre.agencyId, requestId);
      return tx(async (t) => {
        const c = await repo.lockCase(t, a.caseId);
        assertNotBefore(a.occurredOn, c.filedOn, 'occurredOn', '立案日期');
        const procedure = c.procedure as ProcedureKind;
        const state = c.state as CaseState;
        const payload: EventPayload = {
          eventKind: a.kind,
          occurredOn: a.occurredOn,
          officerIds: a.officerIds ?? [],
          location: a.location ?? null,
          serviceMethod: null,
          note: a.note ?? null,
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
          assertCanDo('notify', state, procedure);
          next = await transition(t, c, 'NOTIFIED', caller, 'notify', {}, a.occurredOn, 'INVESTIGATION');
        } else if (a.kind === 'HEARING_REQUESTED') {
          assertCanDo('requestHearing', state, procedure);
          next = await transition(t, c, 'HEARING', caller, 'requestHearing', {}, a.occurredOn, 'INVESTIGATION');
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
      const c = (await repo.casesByIds([a.caseId]))[0];
      if (!c) throw notFound('案件', a.caseId);
      assertActs(caller, c);
      const state = c.state as CaseState;
      const procedure = c.procedure as ProcedureKind;
      // A new proposal during review is allowed: it supersedes the one under review, which then no longer clears the gate.
      const allowed: CaseState[] = procedure === 'SIMPLE' ? ['FILED', 'INVESTIGATING', 'NOTIFIED'] : ['INVESTIGATING', 'NOTIFIED', 'HEARING', 'UNDER_REVIEW'];
      if (!allowed.includes(state)) throw invalidState(`案件当前状态（${state}）不能提出决定建议`, { state });
      const idem = a.idempotencyKey ? `${caller.subject}:${a.idempotencyKey}` : null;
      if (idem) {
        const previous = await repo.proposalByIdempotencyKey(idem);
        if (previous) return previous;
      }
      const party = (await repo.partiesByIds([c.partyId]))[0]!;
      const entries = await entriesOf(c.id);
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
      };
      const item = await powers.powerItem(c.powerItemCode, requestId);
      if (content.fineAmount !== null && !content.discretionTier) throw badInput('discretionTier', '有罚款时须选择裁量情节（R9）');
      const checks = checkBenchmark(content, item?.tiers ?? null);
      if (checks.fineWithinBenchmark === false && !content.outsideRangeReason) {
        throw badInput('outsideRangeReason', `${checks.notes.join('；')}`);
      }
      const agency = await powers.agency(c.agencyId, requestId);
      if (!agency) throw new AppError('UPSTREAM_UNAVAILABLE', '无法读取执法主体的审核设置', { serviceName: 'powers' });
      const reasons = matchReviewCatalog(
        await powers.reviewCatalog(c.agencyId, requestId),
        { procedure, caseType: c.caseType as CaseType, partyKind: party.kind as PartyKind, proposal: content },
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
        createdBy: actor(caller),
        createdAt: clock.now(),
        idempotencyKey: idem,
      };
      await tx(async (t) => {
        const locked = await repo.lockCase(t, c.id);
        if (locked.state !== c.state) throw invalidState('案件状态已变化，请刷新后重试');
        await repo.insertProposal(t, row);
        await append(t, {
          caseId: c.id,
          kind: 'PROPOSAL',
          stage: 'INVESTIGATION',
          actor: actor(caller),
          payload: { proposalId: row.id, contentHash: row.contentHash, content, reviewRequired: row.reviewRequired, reviewReasons: reasons },
        });
      });
      return row;
    },

    /**
     * The principal decides exactly one proposal. R4 (rights notice, hearing window) and the review gate
     * (R6) are checked here; the gate's clearance from `reviews` is wired in with that subgraph.
     */
    async decideCase(
      caller: Caller,
      a: { caseId: string; proposalId: string; version: number; decidedOn?: string | null; partyPresent: boolean },
      requestId?: string,
    ): Promise<CaseRow> {
      const decidedOn = a.decidedOn ?? today();
      assertNotFuture(decidedOn, today(), 'decidedOn');
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
        assertCanDo('decide', c.state as CaseState, c.procedure as ProcedureKind);
        assertNotBefore(decidedOn, c.filedOn, 'decidedOn', '立案日期');
        const all = await repo.proposalsByCaseIds([c.id]);
        const proposal = all.find((p) => p.id === a.proposalId);
        if (!proposal) throw badInput('proposalId', `决定建议 ${a.proposalId} 不属于该案件`);
        if (all.at(-1)!.id !== proposal.id) throw invalidState('该决定建议已被更新的建议取代，请就最新的建议作出决定', { latestProposalId: all.at(-1)!.id });
        const party = (await repo.partiesByIds([c.partyId]))[0]!;
        const entries = await entriesOf(c.id);
        const events = eventsOf(entries).map((e) => ({ kind: e.eventKind, occurredOn: e.occurredOn }));
        if (c.procedure === 'SIMPLE' && !events.some((e) => e.kind === 'CREDENTIAL_SHOWN')) {
          throw invalidState('当场作出处罚决定前须出示执法证件并记录（行政处罚法第五十二条，R3）', { missing: 'CREDENTIAL_SHOWN' });
        }
        checkRightsAndHearing(proposal.content, party.kind as PartyKind, events, decidedOn, calendar);
        let review: ReviewClearance | null = null;
        if (proposal.reviewRequired) {
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
            review: review ? { reviewId: review.reviewId, roundNo: review.roundNo, reviewerId: review.reviewerId, approvedAt: review.approvedAt } : null,
          },
        });
        // R12: every decision gets its publication (with a due date) or an exemption with its reason.
        await createPublicationForDecision(repo, t, c, proposal, party, decidedOn, decisionContext, calendar, actor(caller), clock);
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
        assertCanDo('submitForReview', c.state as CaseState, c.procedure as ProcedureKind);
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
      a: { caseId: string; version: number; method: string; servedOn: string; officerIds: string[] },
      requestId?: string,
    ): Promise<CaseRow> {
      assertNotFuture(a.servedOn, today(), 'servedOn');
      const pre = (await repo.casesByIds([a.caseId]))[0];
      if (!pre) throw notFound('案件', a.caseId);
      assertActs(caller, pre);
      await requireOfficers(a.officerIds, a.servedOn, pre.enforcementArea, pre.agencyId, requestId);
      return tx(async (t) => {
        const c = await repo.lockCase(t, a.caseId, a.version);
        assertCanDo('serve', c.state as CaseState, c.procedure as ProcedureKind);
        assertNotBefore(a.servedOn, c.decidedOn, 'servedOn', '决定日期');
        const next = await transition(t, c, 'SERVED', caller, 'serve', { servedOn: a.servedOn }, a.servedOn, 'SERVICE');
        const payload: EventPayload = {
          eventKind: 'SERVICE',
          occurredOn: a.servedOn,
          officerIds: a.officerIds,
          location: null,
          serviceMethod: a.method,
          note: null,
        };
        await append(t, { caseId: c.id, kind: 'EVENT', stage: 'SERVICE', actor: actor(caller), payload });
        return next;
      });
    },

    async execute(caller: Caller, a: { caseId: string; version: number; on?: string | null; note?: string | null }): Promise<CaseRow> {
      const on = a.on ?? today();
      assertNotFuture(on, today(), 'on');
      return tx(async (t) => {
        const c = await repo.lockCase(t, a.caseId, a.version);
        assertActs(caller, c);
        assertCanDo('execute', c.state as CaseState, c.procedure as ProcedureKind);
        assertNotBefore(on, c.servedOn, 'on', '送达日期');
        return transition(t, c, 'EXECUTED', caller, 'execute', {}, on, 'EXECUTION', a.note);
      });
    },

    async close(caller: Caller, a: { caseId: string; version: number; on?: string | null; note?: string | null }): Promise<CaseRow> {
      const on = a.on ?? today();
      assertNotFuture(on, today(), 'on');
      return tx(async (t) => {
        const c = await repo.lockCase(t, a.caseId, a.version);
        assertActs(caller, c);
        assertCanDo('close', c.state as CaseState, c.procedure as ProcedureKind);
        const proposal = (await repo.proposalsByCaseIds([c.id])).find((p) => p.id === c.decisionProposalId);
        if (c.state === 'SERVED' && proposal && needsExecution(proposal.content)) {
          throw invalidState('该决定须执行完毕后方可结案', { state: c.state });
        }
        return transition(t, c, 'CLOSED', caller, 'close', { closedOn: on }, on, 'ARCHIVING', a.note);
      });
    },

    /** R18: refuses with RECORD_INCOMPLETE listing every missing item. */
    async archive(caller: Caller, a: { caseId: string; version: number; on?: string | null }, requestId?: string): Promise<CaseRow> {
      const on = a.on ?? today();
      const pre = (await repo.casesByIds([a.caseId]))[0];
      if (!pre) throw notFound('案件', a.caseId);
      assertActs(caller, pre);
      const avActivities = await powers.avActivities(pre.agencyId, requestId);
      return tx(async (t) => {
        const c = await repo.lockCase(t, a.caseId, a.version);
        assertCanDo('archive', c.state as CaseState, c.procedure as ProcedureKind);
        const entries = await entriesOf(c.id);
        const proposal = (await repo.proposalsByCaseIds([c.id])).find((p) => p.id === c.decisionProposalId) ?? null;
        const events = eventsOf(entries);
        const missing = missingForArchive({
          procedure: c.procedure as ProcedureKind,
          outcome: proposal?.content.outcome ?? null,
          executed: entries.some((e) => e.kind === 'TRANSITION' && parsePayload<{ to: string }>(e).to === 'EXECUTED'),
          hearingHeld: events.some((e) => e.eventKind === 'HEARING_HELD'),
          reviewed: entries.some((e) => e.kind === 'TRANSITION' && parsePayload<{ to: string }>(e).to === 'UNDER_REVIEW'),
          entries: entries
            .filter((e) => e.kind === 'TEXT_RECORD' || e.kind === 'AV_RECORD' || e.kind === 'REVIEW_OPINION')
            .map((e) => {
              const p = parsePayload<{ documentType?: string; activity?: string }>(e);
              return { kind: e.kind, stage: e.stage, documentType: p.documentType ?? null, activity: p.activity ?? null };
            }),
          events: events.map((e) => ({ kind: e.eventKind, serviceMethod: e.serviceMethod })),
          avActivities,
          publicationStatus: (await repo.publicationsByCaseIds([c.id]))[0]?.status ?? null,
        });
        if (missing.length) {
          throw new AppError('RECORD_INCOMPLETE', `案卷不完整，不能归档（共 ${missing.length} 项）：${missing.join('；')}`, { missing });
        }
        return transition(t, c, 'ARCHIVED', caller, 'archive', { archivedOn: on }, on, 'ARCHIVING');
      });
    },
  };
}

export type CaseService = ReturnType<typeof createCaseService>;
