// Service of the decision (送达) and payment of the fine (罚款缴纳).
// Enforces: R11 / 行政处罚法 Art. 61 (the decision is served; the service due date was set at the decision); 市场监督管理
// 行政处罚信息公示规定 Art. 8 (a decision to be published is served with the written notice that it will be, whose number
// is kept on the publication); R2 (the serving officers valid on the day); Art. 67 (罚缴分离: a payment is recorded
// with its receipt, never collected here); Art. 72 (after 15 days a surcharge of 3 % a day, capped at the fine, is owed
// on top: domain/fines.ts); R14 (a changed, revoked or void decision is not served or carried out any further).
import { badInput, invalidState } from '../../../kernel/errors.js';
import type { Caller } from '../../../kernel/identity.js';
import { eventsOf, paymentsOf, type EventPayload } from '../domain/entries.js';
import { effectiveFineAmount, fineStatus, paymentDue } from '../domain/fines.js';
import { assertCanDo, canonicalAmount, cents } from '../domain/rules.js';
import type { CaseState, ProcedureKind } from '../domain/types.js';
import type { CaseRow } from '../repo.js';
import type { ActDeps } from './deps.js';
import { actor, assertNotHalted, caseToActOn, decidedProposal, entriesOf, requireOfficers, stated, today, transition, tx } from './mechanics.js';

export interface ServeArgs {
  caseId: string;
  version: number;
  method: string;
  servedOn: string;
  officerIds: string[];
  lateEntryReason?: string | null;
  publicationNoticeNumber?: string | null;
}

export async function serve(d: ActDeps, caller: Caller, a: ServeArgs, requestId?: string): Promise<CaseRow> {
  const { repo } = d;
  const pre = await caseToActOn(d, caller, a.caseId);
  const served = await stated(d, pre, a.servedOn, a.lateEntryReason, 'servedOn', { date: pre.decidedOn, what: '决定日期' }, requestId);
  await requireOfficers(d, a.officerIds, served.on, pre.enforcementArea, pre.agencyId, requestId);
  const noticeNumber = a.publicationNoticeNumber?.trim() || null;
  return tx(d, async (t) => {
    const c = await repo.lockCase(t, a.caseId, a.version);
    assertCanDo('serve', c.state as CaseState, c.procedure as ProcedureKind);
    assertNotHalted(c, '送达');
    // 公示规定 Art. 8: a decision to be published is served with the written notice that it will be.
    const publication = (await repo.publicationsByCaseIds([c.id]))[0];
    const toBePublished = publication && (publication.status === 'PENDING' || publication.status === 'PUBLISHED');
    if (toBePublished && !noticeNumber) {
      throw badInput('publicationNoticeNumber', '该决定将向社会公示，送达时须书面告知当事人并填写告知文书编号（市场监督管理行政处罚信息公示规定第八条）');
    }
    // The recorded date is kept beside the stated one: a service recorded after its due date stays late (R11, issue 26).
    const next = await transition(d, t, c, 'SERVED', caller, 'serve', { servedOn: served.on, serviceRecordedOn: today(d) }, served.on, 'SERVICE');
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
    await d.append(t, { caseId: c.id, kind: 'EVENT', stage: 'SERVICE', actor: actor(caller), payload });
    if (toBePublished) {
      const p = await repo.lockPublication(t, publication.id);
      await repo.updatePublication(t, p, { partyNotifiedOn: served.on, partyNoticeNumber: noticeNumber });
    }
    return next;
  });
}

export interface FinePaymentArgs {
  caseId: string;
  amount: string;
  paidOn: string;
  receiptNumber: string;
  lateEntryReason?: string | null;
}

/** Art. 67, 72: a fine paid (stated date, receipt); the 3 % daily surcharge, capped at the fine, is owed on top when late. */
export async function recordFinePayment(d: ActDeps, caller: Caller, a: FinePaymentArgs, requestId?: string): Promise<CaseRow> {
  const pre = await caseToActOn(d, caller, a.caseId);
  if (!/^(0|[1-9]\d{0,13})(\.\d{1,2})?$/.test(a.amount) || cents(a.amount) === 0n) throw badInput('amount', '缴款金额须为正的十进制数（元，最多两位小数）');
  const receipt = a.receiptNumber.trim();
  if (!receipt) throw badInput('receiptNumber', '须填写缴款凭证号（罚缴分离，行政处罚法第六十七条）');
  const paid = await stated(d, pre, a.paidOn, a.lateEntryReason, 'paidOn', { date: pre.servedOn ?? pre.decidedOn, what: '送达日期' }, requestId);
  return tx(d, async (t) => {
    const c = await d.repo.lockCase(t, a.caseId);
    if (c.state !== 'SERVED') throw invalidState('决定书送达后、执行完毕前记录罚款缴纳', { state: c.state });
    assertNotHalted(c, '执行');
    const proposal = await decidedProposal(d, c);
    const entries = await entriesOf(d, c.id);
    // As changed, when the decision was changed (issue 26).
    const fine = proposal?.content.penaltyTypes.includes('FINE') ? effectiveFineAmount(proposal.content.fineAmount, eventsOf(entries)) : null;
    if (!fine || cents(fine) === 0n) throw invalidState('该决定没有罚款');
    const payments = paymentsOf(entries);
    const before = fineStatus(fine, paymentDue(c.servedOn!), payments, paid.on);
    if (cents(a.amount) > cents(before.outstanding)) {
      throw badInput('amount', `缴款 ${a.amount} 元超过应缴金额 ${before.outstanding} 元（罚款 ${fine} 元，加处罚款 ${before.lateSurcharge} 元）`);
    }
    const after = fineStatus(fine, paymentDue(c.servedOn!), [...payments, { amount: canonicalAmount(a.amount), paidOn: paid.on }], paid.on);
    await d.append(t, {
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
}
