import type { WorkingDayCalendar } from '../../kernel/calendar.js';
import type { Clock } from '../../kernel/clock.js';
import { badInput, invalidState } from '../../kernel/errors.js';
import { withdrawalDue } from './domain/publicity.js';
import { clockedAppender } from './records/log.js';
import type { CaseRow, CasesRepo, CasesTx } from './repo.js';

// A decision changed, revoked, confirmed illegal or confirmed void (R14; 行政处罚法 Art. 48(2), 75(2)). The one
// function every path uses — the principal's own correction (recordDecisionChange) and the outcome of an
// administrative reconsideration or lawsuit (relief proceedings) — inside the caller's transaction:
//  - the case records the change; a decision revoked or confirmed void (确认无效) is served and executed no further
//    (an execution under way stops with a record entry); a CHANGED decision is executed as changed (its new fine,
//    issue 26); one confirmed illegal stays in force (行政诉讼法 Art. 74);
//  - a publication still pending is withdrawn at once (nothing public to explain); a published one is due for
//    withdrawal with a public reason within 3 working days (legal staff withdraw it, R14).

export const DECISION_CHANGE_KINDS = ['CHANGED', 'REVOKED', 'CONFIRMED_ILLEGAL', 'CONFIRMED_VOID'] as const;
export type DecisionChangeKind = (typeof DECISION_CHANGE_KINDS)[number];

/**
 * Which changes end the decision: a revoked one and one confirmed void (行政诉讼法 Art. 70, 75; 行政处罚法 Art. 38).
 * A decision confirmed illegal stays in force (行政诉讼法 Art. 74); a changed one is carried out as changed (Art. 77).
 */
export const haltsDecision = (kind: string | null | undefined) => kind === 'REVOKED' || kind === 'CONFIRMED_VOID';

const KIND_ZH: Record<DecisionChangeKind, string> = { CHANGED: '变更', REVOKED: '撤销', CONFIRMED_ILLEGAL: '确认违法', CONFIRMED_VOID: '确认无效' };

export interface RevocationSource {
  /** PRINCIPAL: the agency's principal corrects its own decision; RELIEF: a reconsideration or court decision. */
  kind: 'PRINCIPAL' | 'RELIEF';
  /** Who recorded it (officer id or subject). */
  actor: string;
  /** The relief proceeding and its decision document, when the change comes from one. */
  reliefId?: string | null;
  documentNumber?: string | null;
}

export interface RevocationInput {
  reason: string;
  source: RevocationSource;
  /** Default REVOKED. */
  kind?: DecisionChangeKind;
  /** When the change took legal effect (a relief decision's date); default: the recorded date (today). */
  changedOn?: string | null;
  /** CHANGED: the fine of the decision as changed (canonical amount); it is what is paid and executed from now on. */
  changedFineAmount?: string | null;
}

export interface RevocationDeps {
  repo: CasesRepo;
  calendar: WorkingDayCalendar;
  clock: Clock;
}

/**
 * Record that the case's decision was changed/revoked/confirmed illegal or void. Call inside a transaction that
 * holds the case lock (`repo.lockCase(t, id)`); returns the updated case row.
 */
export async function revokeDecision(deps: RevocationDeps, t: CasesTx, c: CaseRow, input: RevocationInput): Promise<CaseRow> {
  const { repo, calendar, clock } = deps;
  const append = clockedAppender(clock);
  const today = clock.today();
  const kind = input.kind ?? 'REVOKED';
  if (!DECISION_CHANGE_KINDS.includes(kind)) throw badInput('kind', `决定变更种类只能是 ${DECISION_CHANGE_KINDS.join('、')}`);
  const reason = input.reason.trim();
  if (!reason) throw badInput('reason', '须说明变更、撤销或确认违法、无效的理由（将向社会公开）');
  if (!c.decidedOn) throw invalidState('该案件尚未作出决定，没有可变更或撤销的决定');
  if (c.decisionChangeKind)
    throw invalidState(`已记录过该决定的${KIND_ZH[c.decisionChangeKind as DecisionChangeKind] ?? '变更'}`, { changeKind: c.decisionChangeKind });
  if (input.changedFineAmount != null && kind !== 'CHANGED') throw badInput('changedFineAmount', '只有变更决定时才载明变更后的罚款');
  const changedOn = input.changedOn ?? today;
  if (changedOn > today) throw badInput('changedOn', `不得晚于今天（${today}）`);
  if (changedOn < c.decidedOn) throw badInput('changedOn', `不得早于决定日期（${c.decidedOn}）`);

  const next = await repo.updateCase(t, c, { decisionChangeKind: kind, decisionChangedOn: changedOn });
  const source = { kind: input.source.kind, reliefId: input.source.reliefId ?? null, documentNumber: input.source.documentNumber ?? null };
  await append(t, {
    caseId: c.id,
    kind: 'EVENT',
    stage: 'DECISION',
    actor: input.source.actor,
    payload: {
      eventKind: 'DECISION_CHANGED',
      changeKind: kind,
      reason,
      occurredOn: changedOn,
      source,
      officerIds: [],
      ...(input.changedFineAmount != null ? { changedFineAmount: input.changedFineAmount } : {}),
    },
  });
  // An execution under way stops (served or decided, not yet executed): the record says so.
  if (haltsDecision(kind) && (c.state === 'DECIDED' || c.state === 'SERVED')) {
    await append(t, {
      caseId: c.id,
      kind: 'EXECUTION_STOPPED',
      stage: 'EXECUTION',
      actor: input.source.actor,
      payload: { on: today, changeKind: kind, reason: `决定已被${KIND_ZH[kind]}，终止送达与执行：${reason}`, fromState: c.state },
    });
  }

  const publication = (await repo.publicationsByCaseIds([c.id]))[0];
  if (publication) {
    const p = await repo.lockPublication(t, publication.id);
    const due = withdrawalDue(changedOn, calendar);
    if (p.status === 'PENDING') {
      // Never published: withdrawn at once, nothing to explain to the public.
      await repo.updatePublication(t, p, {
        status: 'WITHDRAWN',
        changeKind: kind,
        changeReason: reason,
        changedOn,
        withdrawalDueOn: due.date,
        withdrawalDueConfirmed: due.confirmed,
        withdrawnOn: today,
        withdrawnBy: input.source.actor,
        withdrawalReason: reason,
      });
      await append(t, {
        caseId: c.id,
        kind: 'PUBLICATION',
        stage: 'DECISION',
        actor: input.source.actor,
        payload: { publicationId: p.id, status: 'WITHDRAWN', on: today, reason },
      });
    } else {
      const open = p.status === 'PUBLISHED';
      await repo.updatePublication(t, p, {
        changeKind: kind,
        changeReason: reason,
        changedOn,
        withdrawalDueOn: open ? due.date : null,
        withdrawalDueConfirmed: open ? due.confirmed : null,
      });
    }
  }
  return next;
}
