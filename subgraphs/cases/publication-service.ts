import type { WorkingDayCalendar, YearArrangement } from '../shared/calendar.js';
import { validateYearArrangement } from '../shared/calendar.js';
import { badInput, badInputs, forbidden, invalidState, notFound } from '../shared/errors.js';
import type { Caller } from '../shared/identity.js';
import { retryingTransaction } from '../shared/db.js';
import { newId } from '../shared/ids.js';
import type { PartyRow, ProposalRow, PublicationRow } from './db/schema.js';
import { planPublication, publicationPeriodEnd, withdrawalDue, type PublicationPolicy, type PublicationSnapshot } from './domain/publicity.js';
import type { Clock } from '../shared/clock.js';
import { assertNotBefore, assertNotFuture } from './domain/rules.js';
import type { PartyKind, ProcedureKind } from './domain/types.js';
import { appendEntry, clockedAppender } from './records/log.js';
import type { CaseRow, CasesRepo, CasesTx } from './repo.js';

// Ex-post publicity (事后公开): the publication created with each decision, publishing, withdrawal, and the
// holiday calendar the deadlines depend on.

const LEGAL_STAFF = ['REVIEWER', 'ADMIN'];
const actor = (c: Caller) => c.officerId ?? c.subject;

export interface DecisionContext {
  agency: { id: string; name: string; uscc: string; policy: PublicationPolicy };
  powerItem: { code: string; name: string; category: string };
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
): Promise<PublicationRow> {
  const snapshot: PublicationSnapshot = {
    agency: { id: ctx.agency.id, name: ctx.agency.name, uscc: ctx.agency.uscc },
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
    payload: { publicationId: row.id, status: row.status, dueOn: row.dueOn, exemptionReason: row.exemptionReason },
    recordedAt: now,
  });
  return row;
}

export function createPublicationService(deps: {
  repo: CasesRepo;
  calendar: WorkingDayCalendar;
  policyOf: (agencyId: string, requestId?: string) => Promise<PublicationPolicy>;
  clock: Clock;
}) {
  const { repo, calendar, clock } = deps;
  const today = () => clock.today();
  const append = clockedAppender(clock);
  const tx = <T>(fn: (t: CasesTx) => Promise<T>) => retryingTransaction(() => repo.orm.transaction(fn));
  const assertAgencyStaff = (caller: Caller, agencyId: string, roles: string[], what: string) => {
    if (caller.role === 'ADMIN' && roles.includes('ADMIN')) return;
    if (!roles.includes(caller.role) || caller.agencyId !== agencyId) throw forbidden(`${what}须由本机关 ${roles.join('/')} 办理`);
  };

  return {
    /** Publishing is a recorded act by legal staff (seed 一(1): 经法制人员审核后公示). */
    async publish(caller: Caller, a: { id: string; version: number; on?: string | null }, requestId?: string): Promise<PublicationRow> {
      const pre = (await repo.publicationsByIds([a.id]))[0];
      if (!pre) throw notFound('公示', a.id);
      assertAgencyStaff(caller, pre.agencyId, LEGAL_STAFF, '公示');
      const policy = await deps.policyOf(pre.agencyId, requestId);
      const on = a.on ?? today();
      assertNotFuture(on, today(), 'on');
      return tx(async (t) => {
        const p = await repo.lockPublication(t, a.id, a.version);
        if (p.status !== 'PENDING') throw invalidState(`公示状态为 ${p.status}，只有待公示的可以公示`, { status: p.status });
        if (p.changeKind) throw invalidState('该决定已被变更或撤销，不得再公示');
        assertNotBefore(on, p.decisionDate, 'on', '决定日期');
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
          payload: { publicationId: p.id, status: 'PUBLISHED', on },
        });
        return next;
      });
    },

    /** R14: a changed, revoked, illegal or void decision must be withdrawn within 3 working days. */
    async recordChange(caller: Caller, a: { caseId: string; kind: string; reason: string; changedOn?: string | null }): Promise<PublicationRow> {
      const changedOn = a.changedOn ?? today();
      assertNotFuture(changedOn, today(), 'changedOn');
      const reason = a.reason.trim();
      if (!reason) throw badInput('reason', '须说明变更、撤销或确认违法、无效的理由（将向社会公开）');
      const existing = (await repo.publicationsByCaseIds([a.caseId]))[0];
      if (!existing) throw invalidState('该案件尚未作出决定，没有可撤回的公示');
      assertAgencyStaff(caller, existing.agencyId, ['OFFICER', 'REVIEWER', 'PRINCIPAL'], '记录决定变更');
      return tx(async (t) => {
        const p = await repo.lockPublication(t, existing.id);
        if (p.changeKind) throw invalidState('已记录过该决定的变更', { changeKind: p.changeKind });
        assertNotBefore(changedOn, p.decisionDate, 'changedOn', '决定日期');
        const due = withdrawalDue(changedOn, calendar);
        const needsWithdrawal = p.status === 'PUBLISHED' || p.status === 'PENDING';
        const next = await repo.updatePublication(t, p, {
          changeKind: a.kind,
          changeReason: reason,
          changedOn,
          withdrawalDueOn: needsWithdrawal ? due.date : null,
          withdrawalDueConfirmed: needsWithdrawal ? due.confirmed : null,
        });
        await append(t, {
          caseId: p.caseId,
          kind: 'EVENT',
          stage: 'DECISION',
          actor: actor(caller),
          payload: { eventKind: 'DECISION_CHANGED', changeKind: a.kind, reason, occurredOn: changedOn, officerIds: [] },
        });
        return next;
      });
    },

    async withdraw(caller: Caller, a: { id: string; version: number; reason?: string | null; on?: string | null }): Promise<PublicationRow> {
      const pre = (await repo.publicationsByIds([a.id]))[0];
      if (!pre) throw notFound('公示', a.id);
      assertAgencyStaff(caller, pre.agencyId, LEGAL_STAFF, '撤回公示');
      const on = a.on ?? today();
      assertNotFuture(on, today(), 'on');
      return tx(async (t) => {
        const p = await repo.lockPublication(t, a.id, a.version);
        if (!p.changeKind) throw invalidState('只有被变更、撤销、确认违法或确认无效的决定才撤回公示，请先记录决定变更');
        if (p.status !== 'PUBLISHED' && p.status !== 'PENDING') throw invalidState(`公示状态为 ${p.status}，无需撤回`, { status: p.status });
        assertNotBefore(on, p.changedOn, 'on', '变更日期');
        const reason = a.reason?.trim() || p.changeReason!;
        const next = await repo.updatePublication(t, p, { status: 'WITHDRAWN', withdrawnOn: on, withdrawnBy: actor(caller), withdrawalReason: reason });
        await append(t, {
          caseId: p.caseId,
          kind: 'PUBLICATION',
          stage: 'DECISION',
          actor: actor(caller),
          payload: { publicationId: p.id, status: 'WITHDRAWN', on, reason },
        });
        return next;
      });
    },

    /** An administrator loads a year's State Council arrangement: validated, stored, in force at once. */
    async loadHolidayArrangement(caller: Caller, input: YearArrangement): Promise<YearArrangement> {
      if (caller.role !== 'ADMIN') throw forbidden('载入节假日安排需要 ADMIN 角色');
      const result = validateYearArrangement({ ...input, source: input.source ?? undefined });
      if (!result.ok) throw badInputs(result.errors);
      await repo.upsertCalendarYear({ year: result.value.year, arrangement: result.value, loadedBy: caller.subject, loadedAt: clock.now() });
      calendar.setYear(result.value);
      return result.value;
    },
  };
}

export type PublicationService = ReturnType<typeof createPublicationService>;
export type { CaseRow };
