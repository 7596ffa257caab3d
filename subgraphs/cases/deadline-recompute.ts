import type { WorkingDayCalendar, YearArrangement } from '../../kernel/calendar.js';
import type { Clock } from '../../kernel/clock.js';
import { decisionDueCountsWorkingDays, recomputeDeadline, type DeadlineKind, type OpenDeadline, type RecomputedDeadline } from './domain/deadline-recompute.js';
import { clockedAppender } from './records/log.js';
import type { CasesRepo, CasesTx } from './repo.js';

// R12 (issue 26): when a year's holiday arrangement is loaded, the open deadlines computed while it was unconfirmed —
// or, when a loaded year is replaced by a corrected arrangement, those counted on the earlier one (part D) — are counted again (domain/deadline-recompute.ts), each change written to the row AND recorded in the case's log
// (`DEADLINE_RECOMPUTED`: which deadline, from what to what, on which arrangement, by whom) in the loading's own
// transaction — the earlier value stays in the log, nothing is rewritten silently. The decision due date is part of
// the case row's projection (integrity.ts), which follows the latest recomputation.

/** The stage of the case a recomputation is recorded under: that of the act the deadline follows. */
const STAGE: Record<DeadlineKind, string> = {
  DECISION_DUE: 'INITIATION',
  SERVICE_DUE: 'DECISION',
  PUBLICATION_DUE: 'DECISION',
  WITHDRAWAL_DUE: 'DECISION',
};

export async function recomputeOpenDeadlines(
  deps: { repo: CasesRepo; clock: Clock },
  t: CasesTx,
  before: WorkingDayCalendar,
  after: WorkingDayCalendar,
  loaded: YearArrangement,
  actor: string,
  correction = false,
): Promise<RecomputedDeadline[]> {
  const { repo, clock } = deps;
  const append = clockedAppender(clock);
  const open = await repo.lockOpenDeadlinesTouching(t, loaded.year);
  const changed: RecomputedDeadline[] = [];
  for (const c of open.cases) {
    const deadlines: OpenDeadline[] = [];
    if (c.decisionDueOn && c.decisionDueConfirmed !== null && !c.decidedOn && decisionDueCountsWorkingDays(c.caseType))
      deadlines.push({ kind: 'DECISION_DUE', caseId: c.id, countedFrom: c.filedOn, dueOn: c.decisionDueOn, confirmed: c.decisionDueConfirmed });
    if (c.serviceDueOn && c.serviceDueConfirmed !== null && !c.servedOn && c.decidedOn)
      deadlines.push({ kind: 'SERVICE_DUE', caseId: c.id, countedFrom: c.decidedOn, dueOn: c.serviceDueOn, confirmed: c.serviceDueConfirmed });
    const news = deadlines.map((d) => recomputeDeadline(d, before, after)).filter((x): x is RecomputedDeadline => !!x);
    if (!news.length) continue;
    const patch: Parameters<CasesRepo['updateCase']>[2] = {};
    for (const n of news) {
      if (n.kind === 'DECISION_DUE') Object.assign(patch, { decisionDueOn: n.to.date, decisionDueConfirmed: n.to.confirmed });
      else Object.assign(patch, { serviceDueOn: n.to.date, serviceDueConfirmed: n.to.confirmed });
    }
    await repo.updateCase(t, c, patch);
    changed.push(...news);
  }
  for (const p of open.publications) {
    const d: OpenDeadline | null =
      p.status === 'PENDING' && p.dueOn && p.dueConfirmed !== null
        ? { kind: 'PUBLICATION_DUE', caseId: p.caseId, publicationId: p.id, countedFrom: p.decisionDate, dueOn: p.dueOn, confirmed: p.dueConfirmed }
        : p.status === 'PUBLISHED' && p.withdrawalDueOn && p.withdrawalDueConfirmed !== null && p.changedOn && !p.withdrawnOn
          ? {
              kind: 'WITHDRAWAL_DUE',
              caseId: p.caseId,
              publicationId: p.id,
              countedFrom: p.changedOn,
              dueOn: p.withdrawalDueOn,
              confirmed: p.withdrawalDueConfirmed,
            }
          : null;
    const n = d && recomputeDeadline(d, before, after);
    if (!n) continue;
    await repo.updatePublication(
      t,
      p,
      n.kind === 'PUBLICATION_DUE'
        ? { dueOn: n.to.date, dueConfirmed: n.to.confirmed }
        : { withdrawalDueOn: n.to.date, withdrawalDueConfirmed: n.to.confirmed },
    );
    changed.push(n);
  }
  const on = clock.today();
  for (const n of changed) {
    await append(t, {
      caseId: n.caseId,
      kind: 'DEADLINE_RECOMPUTED',
      stage: STAGE[n.kind],
      actor,
      payload: {
        deadline: n.kind,
        publicationId: n.publicationId ?? null,
        countedFrom: n.countedFrom,
        workingDays: n.workingDays,
        from: { date: n.dueOn, confirmed: n.confirmed },
        to: n.to,
        year: loaded.year,
        source: loaded.source ?? null,
        correction,
        on,
      },
    });
  }
  return changed;
}
