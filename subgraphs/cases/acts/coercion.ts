// Coercive measures: extending and lifting a seizure or impoundment (查封、扣押).
// Enforces: 行政强制法 Art. 25 — the measure runs 30 days from the decision (set at the decision, decision.ts, with
// domain/coercion.ts measureEnd), extended once by at most 30 days, approved by the principal, with the reason and a
// written notice to the party (domain/coercion.ts checkExtension); Art. 27, 28 — it ends by a decision to lift it or on
// the property, recorded by the principal (late when after the period's end); a case with an unlifted measure cannot be
// closed (closing-and-archive.ts); R14 — no extension of a changed, revoked or void decision.
import { badInput, invalidState } from '../../../kernel/errors.js';
import type { Caller } from '../../../kernel/identity.js';
import { checkExtension } from '../domain/coercion.js';
import { checkDocumentText, parseDocumentNumber, sha256Of } from '../domain/documents.js';
import type { CaseRow } from '../repo.js';
import type { ActDeps } from './deps.js';
import { actor, assertNotHalted, lockForAct, today, tx } from './mechanics.js';

/** 行政强制法 Art. 25: one extension of at most 30 days, approved by the principal, notified to the party in writing. */
export async function extendSeizure(
  d: ActDeps,
  caller: Caller,
  a: { caseId: string; version: number; days: number; reason: string; noticeNumber: string; notice: string },
): Promise<CaseRow> {
  const reason = a.reason.trim();
  if (!reason) throw badInput('reason', '延长查封、扣押须说明理由（情况复杂，行政强制法第二十五条）');
  const noticeNumber = parseDocumentNumber(a.noticeNumber, 'NOTICE', true)!;
  checkDocumentText(a.notice, 'notice');
  return tx(d, async (t) => {
    const c = await lockForAct(d, t, caller, a.caseId, a.version, ['PRINCIPAL']);
    if (!c.measureEndsOn) throw invalidState('该案件没有查封、扣押措施');
    assertNotHalted(c, '延长');
    const extendedTo = checkExtension(
      { startedOn: c.decidedOn!, endsOn: c.measureEndsOn, extendedTo: c.measureExtendedTo, liftedOn: c.measureLiftedOn },
      a.days,
      today(d),
    );
    const next = await d.repo.updateCase(t, c, { measureExtendedTo: extendedTo });
    await d.append(t, {
      caseId: c.id,
      kind: 'MEASURE_EXTENDED',
      stage: 'DECISION',
      actor: actor(caller),
      payload: {
        on: today(d),
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
}

/** 行政强制法 Art. 27, 28: the measure ends by a decision to lift it (or a decision on the property), recorded by the principal. */
export async function liftSeizure(
  d: ActDeps,
  caller: Caller,
  a: { caseId: string; version: number; reason: string; documentNumber: string },
): Promise<CaseRow> {
  const reason = a.reason.trim();
  if (!reason) throw badInput('reason', '须说明解除或处理的理由（行政强制法第二十七条、第二十八条）');
  const documentNumber = parseDocumentNumber(a.documentNumber, 'DECISION', true)!;
  return tx(d, async (t) => {
    const c = await lockForAct(d, t, caller, a.caseId, a.version, ['PRINCIPAL']);
    if (!c.measureEndsOn) throw invalidState('该案件没有查封、扣押措施');
    if (c.measureLiftedOn) throw invalidState(`查封、扣押已于 ${c.measureLiftedOn} 解除`);
    const on = today(d);
    const end = c.measureExtendedTo ?? c.measureEndsOn;
    const next = await d.repo.updateCase(t, c, { measureLiftedOn: on });
    await d.append(t, {
      caseId: c.id,
      kind: 'MEASURE_LIFTED',
      stage: 'EXECUTION',
      actor: actor(caller),
      payload: { on, reason, documentNumber, periodEnd: end, late: on > end },
    });
    return next;
  });
}
