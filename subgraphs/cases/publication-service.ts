import type { WorkingDayCalendar, YearArrangement } from '../../kernel/calendar.js';
import { earlyEndTimingProblems, legalBasisCorrectionProblem } from './domain/publicity-guards.js';
import { validateYearArrangement } from '../../kernel/calendar.js';
import { AppError, badInput, badInputs, forbidden, invalidState, notFound } from '../../kernel/errors.js';
import { loadingCalendars } from '../../kernel/deadline-recount.js';
import type { Caller } from '../../kernel/identity.js';
import { retryingTransaction } from '../../kernel/db.js';
import { newId } from '../../kernel/ids.js';
import type { PartyRow, ProposalRow, PublicationRow } from './db/schema.js';
import {
  applyCorrection,
  earlyEndObstacles,
  planPublication,
  publicationPeriodEnd,
  type CorrectionInput,
  type PublicationCorrection,
  type PublicationPolicy,
  type PublicationSnapshot,
} from './domain/publicity.js';
import type { Clock } from '../../kernel/clock.js';
import { recordedDate } from './domain/dates.js';
import { needsExecution } from './domain/rules.js';
import type { PartyKind, ProcedureKind } from './domain/types.js';
import { appendEntry, clockedAppender } from './records/log.js';
import { snapshotHash } from './integrity.js';
import { decidingAgencyId } from './domain/entrustment.js';
import { recomputeOpenDeadlines } from './deadline-recompute.js';
import type { RecomputedDeadline } from './domain/deadline-recompute.js';
import { validateUscc } from '../../kernel/identifiers.js';
import type { CaseRow, CasesRepo, CasesTx } from './repo.js';

// Ex-post publicity (事后公开): the publication created with each decision, publishing, withdrawal, and the
// holiday calendar the deadlines depend on.

const LEGAL_STAFF = ['REVIEWER', 'ADMIN'];
const actor = (c: Caller) => c.officerId ?? c.subject;

export interface DecisionContext {
  /** The agency in whose name the decision is made (the entrusting one for an entrusted organisation, Art. 20). */
  agency: { id: string; name: string; uscc: string; policy: PublicationPolicy };
  actingOrganisation: { id: string; name: string } | null;
  powerItem: { code: string; name: string; category: string; publicSummary: string | null };
}

/** Built inside the decision's transaction, so a decision never exists without its publication or exemption. */
export async function createPublicationForDecision(
  repo: CasesRepo,
  t: CasesTx,
  c: CaseRow,
  proposal: ProposalRow,
  party: PartyRow,
  decidedOn: string,
  ctx: DecisionContext,
  calendar: WorkingDayCalendar,
  actorId: string,
  clock: Clock,
  measure: { startedOn: string; endsOn: string } | null = null,
): Promise<PublicationRow> {
  const snapshot: PublicationSnapshot = {
    agency: { id: ctx.agency.id, name: ctx.agency.name, uscc: ctx.agency.uscc },
    actingOrganisation: ctx.actingOrganisation,
    party: {
      kind: party.kind as PartyKind,
      name: party.name,
      uscc: party.uscc,
      residentId: party.residentId,
      legalRepresentative: party.legalRepresentative,
      isMinor: party.isMinor,
    },
    caseType: c.caseType,
    procedure: c.procedure as ProcedureKind,
    powerItem: ctx.powerItem,
    decision: {
      number: c.caseNumber,
      date: decidedOn,
      outcome: proposal.content.outcome,
      penaltyTypes: proposal.content.penaltyTypes,
      fineAmount: proposal.content.fineAmount,
      confiscationAmount: proposal.content.confiscationAmount,
      legalBasis: proposal.content.legalBasis,
      measure,
    },
  };
  const plan = planPublication(snapshot, c.confidentiality, ctx.agency.policy, calendar);
  const now = clock.now();
  const auto = !plan.exempt && ctx.agency.policy.autoPublishDecisions;
  const row: PublicationRow = {
    id: newId(),
    caseId: c.id,
    agencyId: c.agencyId,
    status: plan.exempt ? 'EXEMPT' : auto ? 'PUBLISHED' : 'PENDING',
    category: plan.exempt ? null : plan.category,
    caseType: c.caseType,
    partyName: party.name,
    partyUscc: party.uscc,
    snapshot,
    decisionDate: decidedOn,
    exemptionReason: plan.exempt ? plan.reason : null,
    dueOn: plan.exempt ? null : plan.dueOn,
    dueConfirmed: plan.exempt ? null : plan.dueConfirmed,
    publishedOn: auto ? decidedOn : null,
    publishedBy: auto ? `auto:${actorId}` : null,
    periodEndsOn: auto ? publicationPeriodEnd(snapshot, decidedOn, ctx.agency.policy) : null,
    changeKind: null,
    changeReason: null,
    changedOn: null,
    withdrawalDueOn: null,
    withdrawalDueConfirmed: null,
    withdrawnOn: null,
    withdrawnBy: null,
    withdrawalReason: null,
    partyNotifiedOn: null,
    partyNoticeNumber: null,
    corrections: null,
    endedOn: null,
    endReason: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await repo.insertPublication(t, row);
  await appendEntry(t, {
    caseId: c.id,
    kind: 'PUBLICATION',
    stage: 'DECISION',
    actor: actorId,
    payload: { publicationId: row.id, status: row.status, dueOn: row.dueOn, exemptionReason: row.exemptionReason, snapshotHash: snapshotHash(row.snapshot) },
    recordedAt: now,
  });
  return row;
}

export function createPublicationService(deps: {
  repo: CasesRepo;
  calendar: WorkingDayCalendar;
  policyOf: (agencyId: string, requestId?: string) => Promise<PublicationPolicy>;
  clock: Clock;
  /** R12 (issue 26, part D): tells the reviews service a year was loaded; answers the review deadlines it recounted. */
  applyToReviews?: (a: YearArrangement & { loadedBy: string }, requestId?: string) => Promise<RecomputedReviewDeadline[]>;
}) {
  const { repo, calendar, clock } = deps;
  const today = () => clock.today();
  const append = clockedAppender(clock);
  const tx = <T>(fn: (t: CasesTx) => Promise<T>) => retryingTransaction(() => repo.orm.transaction(fn));
  /**
   * Legal staff of the agency handling the case or, for an entrusted organisation's case, of the entrusting agency in
   * whose name the decision was made and is published (行政处罚法 Art. 20; issue 26).
   */
  const assertAgencyStaff = async (caller: Caller, p: { agencyId: string; caseId: string }, roles: string[], what: string) => {
    if (caller.role === 'ADMIN' && roles.includes('ADMIN')) return;
    if (!roles.includes(caller.role)) throw forbidden(`${what}须由本机关 ${roles.join('/')} 办理`);
    if (caller.agencyId === p.agencyId) return;
    const c = (await repo.casesByIds([p.caseId]))[0];
    if (!c || !caller.agencyId || caller.agencyId !== decidingAgencyId(c)) throw forbidden(`${what}须由本机关 ${roles.join('/')} 办理`);
  };

  return {
    /** Publishing is a recorded act by legal staff (seed 一(1): 经法制人员审核后公示). */
    async publish(caller: Caller, a: { id: string; version: number; on?: string | null }, requestId?: string): Promise<PublicationRow> {
      const pre = (await repo.publicationsByIds([a.id]))[0];
      if (!pre) throw notFound('公示', a.id);
      await assertAgencyStaff(caller, pre, LEGAL_STAFF, '公示');
      const policy = await deps.policyOf(pre.agencyId, requestId);
      // Publishing is an act of the system: its date is the recorded date, so a late publication stays late (R12).
      const on = recordedDate(a.on, today(), 'on', '公示');
      return tx(async (t) => {
        const p = await repo.lockPublication(t, a.id, a.version);
        if (p.status !== 'PENDING') throw invalidState(`公示状态为 ${p.status}，只有待公示的可以公示`, { status: p.status });
        if (p.changeKind) throw invalidState('该决定已被变更或撤销，不得再公示');
        const next = await repo.updatePublication(t, p, {
          status: 'PUBLISHED',
          publishedOn: on,
          publishedBy: actor(caller),
          periodEndsOn: publicationPeriodEnd(p.snapshot, on, policy),
        });
        await append(t, {
          caseId: p.caseId,
          kind: 'PUBLICATION',
          stage: 'DECISION',
          actor: actor(caller),
          payload: { publicationId: p.id, status: 'PUBLISHED', on, snapshotHash: snapshotHash(p.snapshot) },
        });
        return next;
      });
    },

    async withdraw(caller: Caller, a: { id: string; version: number; reason?: string | null; on?: string | null }): Promise<PublicationRow> {
      const pre = (await repo.publicationsByIds([a.id]))[0];
      if (!pre) throw notFound('公示', a.id);
      await assertAgencyStaff(caller, pre, LEGAL_STAFF, '撤回公示');
      // The withdrawal date is the recorded date: backdating cannot clear the R14 overdue flag.
      const on = recordedDate(a.on, today(), 'on', '撤回公示');
      return tx(async (t) => {
        const p = await repo.lockPublication(t, a.id, a.version);
        if (!p.changeKind) throw invalidState('只有被变更、撤销、确认违法或确认无效的决定才撤回公示，请先记录决定变更');
        if (p.status !== 'PUBLISHED' && p.status !== 'PENDING') throw invalidState(`公示状态为 ${p.status}，无需撤回`, { status: p.status });
        const reason = a.reason?.trim() || p.changeReason!;
        const next = await repo.updatePublication(t, p, { status: 'WITHDRAWN', withdrawnOn: on, withdrawnBy: actor(caller), withdrawalReason: reason });
        await append(t, {
          caseId: p.caseId,
          kind: 'PUBLICATION',
          stage: 'DECISION',
          actor: actor(caller),
          payload: { publicationId: p.id, status: 'WITHDRAWN', on, reason, snapshotHash: snapshotHash(p.snapshot) },
        });
        return next;
      });
    },

    /** 公示规定 Art. 12: legal staff correct inaccurate published information; what it replaced stays on record. */
    async correct(caller: Caller, a: { id: string; version: number; reason: string; corrections: CorrectionInput }): Promise<PublicationRow> {
      const pre = (await repo.publicationsByIds([a.id]))[0];
      if (!pre) throw notFound('公示', a.id);
      await assertAgencyStaff(caller, pre, LEGAL_STAFF, '更正公示');
      const reason = a.reason.trim();
      if (!reason) throw badInput('reason', '须说明更正的理由');
      if (a.corrections.partyUscc) {
        const r = validateUscc(a.corrections.partyUscc);
        if (!r.ok) throw badInput('corrections.partyUscc', r.reason);
        a.corrections.partyUscc = r.value;
      }
      if (a.corrections.partyName != null && !a.corrections.partyName.trim()) throw badInput('corrections.partyName', '当事人名称不能为空');
      if (a.corrections.matter != null && !a.corrections.matter.trim()) throw badInput('corrections.matter', '公示事项不能为空');
      if (a.corrections.legalBasis != null && !a.corrections.legalBasis.length) throw badInput('corrections.legalBasis', '须列明法律依据');
      if (a.corrections.legalBasis != null) {
        // 公示规定 Art. 7: the publication is the decision served; a correction can restore its basis, not replace it.
        const c = (await repo.casesByIds([pre.caseId]))[0]!;
        const decided = (await repo.proposalsByCaseIds([c.id])).find((x) => x.id === c.decisionProposalId);
        const problem = decided ? legalBasisCorrectionProblem(a.corrections.legalBasis, decided.content.legalBasis) : null;
        if (problem) throw badInput('corrections.legalBasis', problem);
      }
      return tx(async (t) => {
        const p = await repo.lockPublication(t, a.id, a.version);
        if (p.status !== 'PUBLISHED' && p.status !== 'PENDING') throw invalidState(`公示状态为 ${p.status}，不能更正`, { status: p.status });
        const { snapshot, changes } = applyCorrection(p.snapshot, a.corrections);
        if (!changes.length) throw badInput('corrections', '更正内容与现有公示内容相同');
        const correction: PublicationCorrection = { on: today(), by: actor(caller), reason, changes };
        const next = await repo.updatePublication(t, p, {
          snapshot,
          partyName: snapshot.party.name,
          partyUscc: snapshot.party.uscc,
          corrections: [...(p.corrections ?? []), correction],
        });
        await append(t, {
          caseId: p.caseId,
          kind: 'PUBLICATION',
          stage: 'DECISION',
          actor: actor(caller),
          payload: { publicationId: p.id, corrected: correction, snapshotHash: snapshotHash(snapshot) },
        });
        return next;
      });
    },

    /**
     * 公示规定 Art. 14: on the party's application, a publication may end before its period when the party has
     * fulfilled the decision and the severe penalties of para. 3 are not involved; the statement of the other
     * conditions (harm removed, no repeat, not on the abnormal or dishonest lists) is the legal staff's, recorded.
     */
    async endEarly(caller: Caller, a: { id: string; version: number; reason: string; applicationDate: string }): Promise<PublicationRow> {
      const pre = (await repo.publicationsByIds([a.id]))[0];
      if (!pre) throw notFound('公示', a.id);
      await assertAgencyStaff(caller, pre, LEGAL_STAFF, '提前停止公示');
      const reason = a.reason.trim();
      if (!reason) throw badInput('reason', '须载明当事人的申请和符合提前停止公示条件的情况（公示规定第十四条第一款）');
      if (a.applicationDate > today()) throw badInput('applicationDate', `不得晚于今天（${today()}）`);
      const policy = await deps.policyOf(pre.agencyId);
      return tx(async (t) => {
        const p = await repo.lockPublication(t, a.id, a.version);
        if (p.status !== 'PUBLISHED') throw invalidState(`只有公示中的信息可以提前停止公示（当前 ${p.status}）`, { status: p.status });
        // Art. 14(1): not before the minimum period, on an application dated after the decision and its publication.
        const timing = earlyEndTimingProblems({
          today: today(),
          decisionDate: p.snapshot.decision.date,
          publishedOn: p.publishedOn,
          applicationDate: a.applicationDate,
          minimumMonths: policy.shortPublicationMonths,
        });
        const late = timing.find((x) => x.field === 'applicationDate');
        if (late) throw badInput('applicationDate', late.reason);
        if (timing.length) throw invalidState(`不能提前停止公示：${timing[0]!.reason}`, { obstacles: timing.map((x) => x.reason) });
        const c = (await repo.casesByIds([p.caseId]))[0]!;
        const proposal = (await repo.proposalsByCaseIds([c.id])).find((x) => x.id === c.decisionProposalId);
        const fulfilled = ['EXECUTED', 'CLOSED', 'ARCHIVED'].includes(c.state) || (c.state === 'SERVED' && !!proposal && !needsExecution(proposal.content));
        const obstacles = earlyEndObstacles(p.snapshot, fulfilled);
        if (obstacles.length) throw invalidState(`不能提前停止公示：${obstacles.join('；')}`, { obstacles });
        const on = today();
        const next = await repo.updatePublication(t, p, { status: 'ENDED', endedOn: on, endReason: reason });
        await append(t, {
          caseId: p.caseId,
          kind: 'PUBLICATION',
          stage: 'DECISION',
          actor: actor(caller),
          payload: { publicationId: p.id, status: 'ENDED', on, reason, applicationDate: a.applicationDate, snapshotHash: snapshotHash(p.snapshot) },
        });
        return next;
      });
    },

    /**
     * An administrator loads a year's State Council arrangement: validated, stored, in force at once. The open
     * deadlines computed while it was unconfirmed are counted again on it, each change recorded in its case's log, in
     * the same transaction (R12, issue 26: deadline-recompute.ts).
     */
    async loadHolidayArrangement(
      caller: Caller,
      input: YearArrangement,
      requestId?: string,
    ): Promise<YearArrangement & { recomputed: RecomputedDeadline[]; recomputedReviews: RecomputedReviewDeadline[] }> {
      if (caller.role !== 'ADMIN') throw forbidden('载入节假日安排需要 ADMIN 角色');
      const result = validateYearArrangement({ ...input, source: input.source ?? undefined });
      if (!result.ok) throw badInputs(result.errors);
      const loaded = result.value;
      // This database first, in one transaction: the year's stored arrangement locked and compared with the loaded one
      // (a reload of the same is a no-op; a corrected one recounts what the first one counted), then stored.
      const recomputed = await tx(async (t) => {
        const stored = await repo.lockCalendarYear(t, loaded.year);
        const { before, after, correction } = loadingCalendars(calendar, stored?.arrangement ?? null, loaded);
        await repo.upsertCalendarYear({ year: loaded.year, arrangement: loaded, loadedBy: caller.subject, loadedAt: clock.now() }, t);
        return recomputeOpenDeadlines({ repo, clock }, t, before, after, loaded, actor(caller), correction);
      });
      calendar.setYear(loaded);
      // Then the reviews service, told the way services tell each other here (a named internal operation with the
      // service's own token): it recounts its open rounds in its own transaction, idempotently. If it cannot be told,
      // the loading is reported as incomplete and loading the same arrangement again completes it.
      let recomputedReviews: RecomputedReviewDeadline[] = [];
      if (deps.applyToReviews) {
        try {
          recomputedReviews = await deps.applyToReviews({ ...loaded, loadedBy: actor(caller) }, requestId);
        } catch {
          throw new AppError(
            'UPSTREAM_UNAVAILABLE',
            `${loaded.year} 年节假日安排已在案件服务载入并重新计算案件期限，但法制审核服务未能重新计算审核期限：请再次载入同一安排（重复载入不会重复计算）`,
            { pendingService: 'reviews', year: loaded.year, casesRecomputed: recomputed.length },
          );
        }
      }
      return { ...loaded, recomputed, recomputedReviews };
    },
  };
}

/** A review round's due date the reviews service recounted (its answer to `applyHolidayArrangement`). */
export interface RecomputedReviewDeadline {
  caseId: string;
  reviewId: string;
  roundNo: number;
  countedFrom: string;
  workingDays: number;
  previousDueOn: string;
  dueOn: string;
  confirmed: boolean;
}

export type PublicationService = ReturnType<typeof createPublicationService>;
export type { CaseRow };
