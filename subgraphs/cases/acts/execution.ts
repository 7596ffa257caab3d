// Execution (执行) of a served decision.
// Enforces: 行政处罚法 Art. 66–67, 72 (a fine is executed only when paid in full, including the late surcharge of 3 %
// a day capped at the fine: domain/fines.ts); R14 (a changed, revoked or void decision is not carried out); the
// late-entry rule for the stated date (not before service).
import { invalidState } from '../../../kernel/errors.js';
import type { Caller } from '../../../kernel/identity.js';
import { eventsOf, paymentsOf } from '../domain/entries.js';
import { effectiveFineAmount, fineStatus, paymentDue } from '../domain/fines.js';
import { assertCanDo } from '../domain/rules.js';
import type { CaseState, ProcedureKind } from '../domain/types.js';
import type { CaseRow } from '../repo.js';
import type { ActDeps } from './deps.js';
import { assertNotHalted, caseToActOn, decidedProposal, entriesOf, stated, transition, tx } from './mechanics.js';

export async function execute(
  d: ActDeps,
  caller: Caller,
  a: { caseId: string; version: number; on?: string | null; note?: string | null; lateEntryReason?: string | null },
  requestId?: string,
): Promise<CaseRow> {
  const pre = await caseToActOn(d, caller, a.caseId);
  const on = await stated(d, pre, a.on, a.lateEntryReason, 'on', { date: pre.servedOn, what: '送达日期' }, requestId);
  return tx(d, async (t) => {
    const c = await d.repo.lockCase(t, a.caseId, a.version);
    assertCanDo('execute', c.state as CaseState, c.procedure as ProcedureKind);
    assertNotHalted(c, '执行');
    const proposal = await decidedProposal(d, c);
    const entries = await entriesOf(d, c.id);
    // A decision changed by its principal or a relief organ is executed as changed (issue 26).
    const fine = proposal?.content.penaltyTypes.includes('FINE') ? effectiveFineAmount(proposal.content.fineAmount, eventsOf(entries)) : null;
    if (fine) {
      const status = fineStatus(fine, paymentDue(c.servedOn!), paymentsOf(entries), on.on);
      if (!status.paidInFull) {
        throw invalidState(
          `罚款尚未缴清：应缴 ${status.totalDue} 元（含加处罚款 ${status.lateSurcharge} 元），已缴 ${status.paid} 元（行政处罚法第七十二条）`,
          {
            outstanding: status.outstanding,
          },
        );
      }
    }
    return transition(d, t, c, 'EXECUTED', caller, 'execute', {}, on.on, 'EXECUTION', a.note, { lateEntryReason: on.lateEntryReason });
  });
}
