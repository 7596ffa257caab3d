// A decision changed, revoked, confirmed illegal or confirmed void (决定的变更、撤销、确认违法或无效).
// Enforces: R14 / 行政处罚法 Art. 48(2), 75(2) — only the agency's principal records their own correction (a relief
// outcome — reconsideration or lawsuit, relief.ts — uses revokeDecision directly in its own transaction); the change is
// dated when recorded (no backdating). What follows from it (service and execution stop, the publication is withdrawn
// within 3 working days) is the one function in revocation.ts that every path uses.
import { badInputs, forbidden } from '../../../kernel/errors.js';
import type { Caller } from '../../../kernel/identity.js';
import { recordedDate } from '../domain/dates.js';
import { eventsOf } from '../domain/entries.js';
import { effectiveFineAmount } from '../domain/fines.js';
import { changedFineProblems, principalChangeDocumentProblem } from '../domain/relief-rules.js';
import type { CaseRow, CasesTx } from '../repo.js';
import { revokeDecision as revoke, type DecisionChangeKind, type RevocationInput } from '../revocation.js';
import type { ActDeps } from './deps.js';
import { actor, assertDecidingAgency, assertRowAsLogged, decidedProposal, entriesOf, today, tx } from './mechanics.js';

/** R14: the decision changed/revoked/confirmed illegal or void, by the principal (relief outcomes call revokeDecision directly). */
export async function recordDecisionChange(
  d: ActDeps,
  caller: Caller,
  a: {
    caseId: string;
    kind: DecisionChangeKind;
    reason: string;
    documentNumber?: string | null;
    changedOn?: string | null;
    changedFineAmount?: string | null;
  },
): Promise<CaseRow> {
  const changedOn = recordedDate(a.changedOn, today(d), 'changedOn', '负责人记录决定变更');
  if (caller.role !== 'PRINCIPAL') throw forbidden('决定的变更、撤销只能由本机关负责人记录，或由行政复议、行政诉讼的结果记录');
  // The correction is a decision document of its own: its number, like every decision document (issue 26).
  const doc = principalChangeDocumentProblem(a.documentNumber);
  if (doc.problems.length) throw badInputs(doc.problems);
  return tx(d, async (t) => {
    const c = await d.repo.lockCase(t, a.caseId);
    await assertRowAsLogged(d, caller, c); // the agencies as the filing entry logs them (issue 25)
    // The decision is the deciding agency's (the entrusting agency's for an entrusted organisation's case, Art. 20).
    assertDecidingAgency(caller, c, ['PRINCIPAL']);
    // A changed decision is executed as changed: a changed fine names its new amount (issue 26).
    const p = await decidedProposal(d, c);
    const decidedFine = p?.content.penaltyTypes.includes('FINE') ? effectiveFineAmount(p.content.fineAmount, eventsOf(await entriesOf(d, c.id))) : null;
    const fine = changedFineProblems(a.kind, a.changedFineAmount, decidedFine);
    if (fine.problems.length) throw badInputs(fine.problems);
    const input = { reason: a.reason, kind: a.kind, changedOn, changedFineAmount: fine.changedFineAmount };
    return revoke(d, t, c, { ...input, source: { kind: 'PRINCIPAL', actor: actor(caller), documentNumber: doc.documentNumber } });
  });
}

/** The revocation used by relief proceedings inside their own transaction (see revocation.ts). */
export const revokeDecision = (d: ActDeps, t: CasesTx, c: CaseRow, input: RevocationInput) => revoke(d, t, c, input);
