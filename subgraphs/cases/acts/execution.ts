// Execution (执行) of a served decision.
// Enforces: 行政处罚法 Art. 66–67, 72 (a fine is executed only when paid in full, including the late surcharge of 3 %
// a day capped at the fine: domain/fines.ts); R14 (a changed, revoked or void decision is not carried out); the
// late-entry rule for the stated date (not before service).
import { invalidState } from '../../../kernel/errors.js';
import type { Caller } from '../../../kernel/identity.js';
import { eventsOf, paymentsOf } from '../domain/entries.js';
import { effectiveFineAmount, fineStatus, paymentDue } from '../domain/fines.js';
import { earliestOf, latestDate } from '../domain/stated-order.js';
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
  // Not before service, nor before the last payment recorded (the payment that completed the fine, Art. 72; issue 26).
  const lastPaid = latestDate(...paymentsOf(await entriesOf(d, pre.id)).map((p) => p.paidOn));
  const earliest = earliestOf([
    { date: pre.servedOn, what: '送达日期' },
    { date: lastPaid, what: '最后一次缴款日期' },
  ]);
  const on = await stated(d, pre, a.on, a.lateEntryReason, 'on', earliest, requestId);
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
