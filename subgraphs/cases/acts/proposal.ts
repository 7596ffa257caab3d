// The handlers' proposal for the decision (处理意见 / 决定建议).
// Enforces: 行政处罚法 Art. 9 (the penalty types are listed; a fine has an amount), Art. 51 (simple procedure: a warning
// or a fine up to 200 yuan for a citizen or individual business, 3,000 yuan for an organisation); R9 (the statutory
// range of the power item version pinned at filing, the discretion tier, and the benchmark: a fine outside it only with a
// written reason, flagged for review); R5 (whether legal review — and collective discussion, Art. 57(2) — is required,
// from the agency's review catalog), fixed in the authenticated PROPOSAL entry that the review gate later checks (R6).
// The content has one canonical form, so the same proposal always has the same content hash.
import { AppError, badInput, invalidState } from '../../../kernel/errors.js';
import type { Caller } from '../../../kernel/identity.js';
import { newId } from '../../../kernel/ids.js';
import { PENALTY_TYPES } from '../clients/powers.js';
import { eventsOf, type EventPayload } from '../domain/entries.js';
import { canonicalAmount, cents, checkBenchmark, matchReviewCatalog, proposalHash } from '../domain/rules.js';
import { checkOutcome } from '../domain/facts.js';
import { checkStatutoryRange } from '../domain/statutory.js';
import { checkMitigationGround } from '../domain/mitigation.js';
import type { CaseState, CaseType, MitigationGround, PartyKind, ProcedureKind, ProposalContent } from '../domain/types.js';
import type { ProposalRow } from '../repo.js';
import { policyPin } from '../powers-facts.js';
import type { ActDeps } from './deps.js';
import { reviewSettingsAgencyId } from '../domain/entrustment.js';
import { actor, agencyFacts, caseToActOn, idempotencyOf, idempotent, sameRequest, tx, verifiedEntriesOf } from './mechanics.js';

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
  mitigationGround?: MitigationGround | null;
  idempotencyKey?: string | null;
}

/** The proposal's content in canonical order and spelling, checked against Art. 9 and (simple procedure) Art. 51. */
function proposalContent(a: ProposalArgs, partyKind: string, procedure: ProcedureKind, events: EventPayload[]): ProposalContent {
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
    const max = partyKind === 'LEGAL_PERSON' ? '3000' : '200';
    if (penaltyTypes.some((t) => t !== 'WARNING' && t !== 'FINE')) throw badInput('penaltyTypes', '简易程序只能给予警告或罚款（行政处罚法第五十一条）');
    if (a.fineAmount != null && cents(a.fineAmount) > cents(max)) {
      throw badInput('fineAmount', `简易程序罚款不得超过 ${max} 元（行政处罚法第五十一条）`);
    }
  }
  return {
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
    mitigationGround: a.mitigationGround ?? null,
  };
}

export async function proposeDecision(d: ActDeps, caller: Caller, a: ProposalArgs, requestId?: string): Promise<ProposalRow> {
  const { repo, powers } = d;
  const c = await caseToActOn(d, caller, a.caseId);
  const state = c.state as CaseState;
  const procedure = c.procedure as ProcedureKind;
  // A new proposal during review is allowed: it supersedes the one under review, which then no longer clears the gate.
  const allowed: CaseState[] = procedure === 'SIMPLE' ? ['FILED', 'INVESTIGATING', 'NOTIFIED'] : ['INVESTIGATING', 'NOTIFIED', 'HEARING', 'UNDER_REVIEW'];
  if (!allowed.includes(state)) throw invalidState(`案件当前状态（${state}）不能提出决定建议`, { state });
  const { idem, fingerprint } = idempotencyOf(caller, a);
  if (idem) {
    const previous = await repo.proposalByIdempotencyKey(idem);
    if (previous) return sameRequest(previous, fingerprint);
  }
  const caseType = c.caseType as CaseType;
  checkOutcome(caseType, a.outcome);
  const party = (await repo.partiesByIds([c.partyId]))[0]!;
  const entries = await verifiedEntriesOf(d, c, '提出决定建议');
  const content = proposalContent(a, party.kind, procedure, eventsOf(entries));
  // The statute's range comes from the version pinned at filing: the law that applied to this case (R9).
  const [pinned, current] = await Promise.all([powers.powerItemVersion(c.powerItemVersionId, requestId), powers.powerItem(c.powerItemCode, requestId)]);
  if (!pinned) throw new AppError('UPSTREAM_UNAVAILABLE', '无法读取立案时的权力事项版本', { serviceName: 'powers' });
  const statuteNotes = [
    ...checkStatutoryRange(content, party.kind as PartyKind, pinned.statutoryRanges),
    ...checkMitigationGround(content.mitigationGround, { kind: party.kind as PartyKind, residentId: party.residentId }, c.filedOn),
  ];
  if (content.fineAmount !== null && !content.discretionTier) throw badInput('discretionTier', '有罚款时须选择裁量情节（R9）');
  const benchmark = checkBenchmark(content, current?.tiers ?? null);
  if (benchmark.fineWithinBenchmark === false && !content.outsideRangeReason) {
    throw badInput('outsideRangeReason', `${benchmark.notes.join('；')}`);
  }
  const checks = { ...benchmark, notes: [...benchmark.notes, ...statuteNotes] };
  // R5 by the deciding agency's catalog and policy: for an entrusted organisation's case, the entrusting agency's (Art. 20).
  const settingsOf = reviewSettingsAgencyId(c);
  const agency = await agencyFacts(d, settingsOf, requestId);
  const reasons = matchReviewCatalog(
    await powers.reviewCatalog(settingsOf, requestId),
    { procedure, caseType, partyKind: party.kind as PartyKind, proposal: content },
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
    collectiveDiscussionRequired: reasons.some((r) => r.collectiveDiscussion),
    createdBy: actor(caller),
    createdAt: d.clock.now(),
    idempotencyKey: idem,
    idempotencyFingerprint: fingerprint,
  };
  return idempotent(
    idem,
    fingerprint,
    'proposals_idem',
    () => repo.proposalByIdempotencyKey(idem!),
    async () => {
      await tx(d, async (t) => {
        const locked = await repo.lockCase(t, c.id);
        if (locked.state !== c.state) throw invalidState('案件状态已变化，请刷新后重试');
        await repo.insertProposal(t, row);
        await d.append(t, {
          caseId: c.id,
          kind: 'PROPOSAL',
          stage: 'INVESTIGATION',
          actor: actor(caller),
          payload: {
            proposalId: row.id,
            contentHash: row.contentHash,
            content,
            reviewRequired: row.reviewRequired,
            reviewReasons: reasons,
            collectiveDiscussionRequired: row.collectiveDiscussionRequired,
            // R1 (issue 25): the agency policy version the review requirement was computed under.
            policy: policyPin(agency),
          },
        });
      });
      return row;
    },
  );
}
