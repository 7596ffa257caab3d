// The decision (作出决定) and the review gate.
// Enforces: R6 / 行政处罚法 Art. 58 (a decision that needs legal review is refused unless `reviews` confirms an APPROVED
// opinion for exactly this proposal content; unreachable means refused — fail closed); R5 facts re-derived and checked
// against the authenticated PROPOSAL entry (verifiedGate, integrity.ts); R3 / Art. 52 (on the spot, credential shown
// first); R4 / Art. 44, 62–64 (rights notice bound to the proposal, hearing window; domain/rules.ts
// checkRightsAndHearing); Art. 57(2) (collective discussion, collective-discussion.ts); Art. 51–52 (on the spot the
// handling officers decide, otherwise the principal); R11 / Art. 61 (the service due date when the party was absent);
// 行政强制法 Art. 25 (a seizure or impoundment runs 30 days from the decision: domain/coercion.ts measureEnd; extension
// and lifting in coercion.ts); R12, R13 (the publication or its exemption is created with the decision,
// publication-service.ts). The decision date is the recorded date: it cannot be backdated.
import { AppError, badInput, forbidden, invalidState } from '../../../kernel/errors.js';
import type { Caller } from '../../../kernel/identity.js';
import type { RecordEntryRow } from '../db/schema.js';
import { recordedDate } from '../domain/dates.js';
import { eventsOf } from '../domain/entries.js';
import { isSeizure } from '../domain/facts.js';
import { measureEnd } from '../domain/coercion.js';
import { hearingHeldBy } from '../domain/hearing.js';
import { requirementAtDecision } from '../domain/requirement.js';
import { assertCanDo, checkRightsAndHearing, hasHearingRight, matchReviewCatalog, proposalHash, serviceDue } from '../domain/rules.js';
import type { CaseState, CaseType, PartyKind, ProcedureKind } from '../domain/types.js';
import { loggedFiling, loggedProposal, proposalDisagreements } from '../integrity.js';
import { createPublicationForDecision, type DecisionContext } from '../publication-service.js';
import type { CaseRow, ProposalRow } from '../repo.js';
import { assertDiscussed } from './collective-discussion.js';
import { policyPin } from '../powers-facts.js';
import type { ActDeps, ReviewClearance } from './deps.js';
import { reviewSettingsAgencyId } from '../domain/entrustment.js';
import { actor, agencyFacts, assertActs, caseAsLogged, assertDecidingAgency, assertRole, today, transition, tx, verifiedEntriesOf } from './mechanics.js';
import { loggedReviewClearance } from './review-conclusion.js';

/** Facts from `powers` for the publication: the agency in whose name, the acting organisation, the power item. */
async function loadDecisionContext(d: ActDeps, c: CaseRow, requestId?: string): Promise<DecisionContext> {
  const { powers } = d;
  const nameAgencyId = c.inNameOfAgencyId ?? c.agencyId;
  const [agency, acting, item] = await Promise.all([
    powers.agency(nameAgencyId, requestId),
    c.inNameOfAgencyId ? powers.agency(c.agencyId, requestId) : Promise.resolve(null),
    powers.powerItemVersion(c.powerItemVersionId, requestId),
  ]);
  if (!agency || !item || (c.inNameOfAgencyId && !acting)) {
    throw new AppError('UPSTREAM_UNAVAILABLE', '无法读取执法主体或权力事项信息，暂不能作出决定', { serviceName: 'powers' });
  }
  return {
    agency: c.inNameOfAgencyId ? { ...agency, policy: (acting ?? agency).policy } : agency,
    actingOrganisation: acting ? { id: acting.id, name: acting.name } : null,
    powerItem: { code: item.code, name: item.name, category: item.category, publicSummary: item.publicSummary },
  };
}

/**
 * The review gate's facts, recomputed and checked against the proposal's authenticated PROPOSAL entry: the content
 * hash from the content, whether review (and collective discussion) is required from the pinned power item's case
 * facts and the agency's catalog. Any disagreement refuses (REVIEW_REQUIRED naming it) and raises an alarm.
 */
async function verifiedGate(d: ActDeps, c: CaseRow, proposal: ProposalRow, entries: RecordEntryRow[], hearingHeld: boolean, requestId?: string) {
  const filing = loggedFiling(entries);
  const logged = loggedProposal(entries, proposal.id);
  const contentHash = proposalHash(c.id, proposal.content);
  // The deciding agency's catalog and policy (Art. 20: the entrusting agency's for an entrusted organisation's case).
  const settingsOf = reviewSettingsAgencyId(c);
  const [agency, catalog] = await Promise.all([agencyFacts(d, settingsOf, requestId), d.powers.reviewCatalog(settingsOf, requestId)]);
  const partyKind = (filing?.party?.kind ?? (await d.repo.partiesByIds([c.partyId]))[0]!.kind) as PartyKind;
  const facts = {
    procedure: (filing?.procedure ?? c.procedure) as ProcedureKind,
    caseType: (filing?.caseType ?? c.caseType) as CaseType,
    partyKind,
    proposal: proposal.content,
  };
  const reasons = matchReviewCatalog(catalog, facts, agency.policy);
  const problems = proposalDisagreements(proposal, logged, { contentHash, reviewRequired: reasons.length > 0 });
  if (problems.length) {
    for (const p of problems) d.alarm({ kind: 'PROPOSAL', caseId: c.id, problem: p.field, message: p.message });
    throw new AppError('REVIEW_REQUIRED', `决定建议未通过完整性校验，不得作出决定：${problems.map((p) => p.message).join('；')}`, {
      proposalId: proposal.id,
      integrity: problems.map((p) => p.field),
    });
  }
  // Everything agrees: the logged facts bind, and R5 is evaluated again with what the log says now (a hearing held
  // after the proposal was made, issue 26): a requirement is added, never lifted (domain/requirement.ts).
  const now = requirementAtDecision(catalog, facts, agency.policy, hearingHeld, logged!);
  // R1 (issue 25): the policy version in force that the gate applied is pinned in the DECISION entry.
  return { contentHash: logged!.contentHash, ...now, policy: policyPin(agency) };
}

/**
 * R6: an APPROVED opinion for exactly this content, read from the verified case log only (issue 25): the reviews
 * service's countersigned conclusion (acts/review-conclusion.ts). `reviews` is still asked, and must agree (same
 * round, approved): two services recording one act must not disagree; unreachable means refused.
 */
async function reviewClearance(d: ActDeps, c: CaseRow, proposal: ProposalRow, entries: RecordEntryRow[], contentHash: string, requestId?: string) {
  const refuse = (why: string) =>
    new AppError('REVIEW_REQUIRED', `未经法制审核或者审核未通过的，不得作出决定（行政处罚法第五十八条）：${why}`, {
      proposalId: proposal.id,
      contentHash: proposal.contentHash,
      reasons: proposal.reviewReasons,
    });
  const logged = loggedReviewClearance(d, entries, c.id, proposal.id, contentHash);
  if (!logged.approved) {
    if (logged.problem) d.alarm({ kind: 'REVIEW', caseId: c.id, problem: logged.problem, message: logged.reason });
    throw refuse(logged.reason);
  }
  let review: ReviewClearance;
  try {
    review = await d.clearance(c.id, proposal.id, contentHash, requestId);
  } catch {
    throw refuse('法制审核服务暂不可用，无法确认审核结论');
  }
  if (!review.approved || review.reviewId !== logged.reviewId || review.roundNo !== logged.roundNo) {
    const why = `法制审核服务的记录与案件记录中签署的审核结论不一致（案件记录：第 ${logged.roundNo} 轮通过；审核服务：${review.approved ? `第 ${review.roundNo} 轮通过` : '未通过'}）`;
    d.alarm({ kind: 'REVIEW', caseId: c.id, problem: 'reviews-disagree', message: why });
    throw refuse(why);
  }
  return logged;
}

export interface DecideArgs {
  caseId: string;
  proposalId: string;
  version: number;
  decidedOn?: string | null;
  partyPresent: boolean;
}

/**
 * The principal decides exactly one proposal. R4 (rights notice bound to the proposal, hearing window),
 * collective discussion (Art. 57(2)) and the review gate (R6) are checked here. The decision date is the
 * recorded date: it cannot be backdated.
 */
export async function decideCase(d: ActDeps, caller: Caller, a: DecideArgs, requestId?: string): Promise<CaseRow> {
  const { repo, calendar } = d;
  const decidedOn = recordedDate(a.decidedOn, today(d), 'decidedOn', '作出决定');
  assertRole(caller, ['PRINCIPAL', 'OFFICER']); // who may act, before the case's existence is revealed
  const pre = await caseAsLogged(d, caller, a.caseId, '作出决定'); // the deciding agency as the filing entry logs it (issue 25)
  // On the spot (Art. 51-52) the officers decide; otherwise the principal of the agency in whose name the decision is
  // made — for an entrusted organisation's case, the entrusting agency's (Art. 20; issue 26).
  if (pre.procedure === 'SIMPLE') assertActs(caller, pre, ['PRINCIPAL', 'OFFICER']);
  else assertDecidingAgency(caller, pre, ['PRINCIPAL']);
  if (pre.procedure === 'SIMPLE' && caller.role === 'OFFICER' && !pre.handlingOfficerIds.includes(caller.officerId ?? '')) {
    throw forbidden('当场处罚决定须由本案执法人员作出');
  }
  // Facts from `powers` for the publication, fetched before the transaction; unreachable means no decision.
  const decisionContext = await loadDecisionContext(d, pre, requestId);
  return tx(d, async (t) => {
    const c = await repo.lockCase(t, a.caseId, a.version);
    assertCanDo('decide', c.state as CaseState, c.procedure as ProcedureKind, c.caseType as CaseType);
    const all = await repo.proposalsByCaseIds([c.id]);
    const proposal = all.find((p) => p.id === a.proposalId);
    if (!proposal) throw badInput('proposalId', `决定建议 ${a.proposalId} 不属于该案件`);
    if (all.at(-1)!.id !== proposal.id) throw invalidState('该决定建议已被更新的建议取代，请就最新的建议作出决定', { latestProposalId: all.at(-1)!.id });
    const party = (await repo.partiesByIds([c.partyId]))[0]!;
    // R3/R4/R6 read only verified entries; the proposal row is checked against its authenticated entry.
    const entries = await verifiedEntriesOf(d, c, '作出决定');
    const events = eventsOf(entries).map((e) => ({
      kind: e.eventKind,
      occurredOn: e.occurredOn,
      proposalId: e.proposalId ?? null,
      documented: e.eventKind === 'HEARING_WAIVED' ? !!e.waiver : undefined,
    }));
    const gate = await verifiedGate(d, c, proposal, entries, hearingHeldBy(events, decidedOn), requestId);
    if (c.procedure === 'SIMPLE' && !events.some((e) => e.kind === 'CREDENTIAL_SHOWN')) {
      throw invalidState('当场作出处罚决定前须出示执法证件并记录（行政处罚法第五十二条，R3）', { missing: 'CREDENTIAL_SHOWN' });
    }
    checkRightsAndHearing(proposal.content, party.kind as PartyKind, events, new Map(all.map((p) => [p.id, p.content])), decidedOn, calendar);
    if (gate.collectiveDiscussionRequired) assertDiscussed(entries, proposal);
    const review = gate.reviewRequired ? await reviewClearance(d, c, proposal, entries, gate.contentHash, requestId) : null;
    const due = serviceDue(decidedOn, a.partyPresent, calendar);
    // 行政强制法 Art. 25: a seizure or impoundment runs 30 days from the decision.
    const measure = isSeizure(proposal.content.outcome) ? { startedOn: decidedOn, endsOn: measureEnd(decidedOn) } : null;
    const next = await transition(
      d,
      t,
      c,
      'DECIDED',
      caller,
      'decide',
      {
        decidedOn,
        decisionProposalId: proposal.id,
        decisionReviewId: review?.reviewId ?? null,
        partyPresentAtDecision: a.partyPresent,
        serviceDueOn: due.date,
        serviceDueConfirmed: due.confirmed,
        measureEndsOn: measure?.endsOn ?? null,
      },
      decidedOn,
      'DECISION',
    );
    await d.append(t, {
      caseId: c.id,
      kind: 'DECISION',
      stage: 'DECISION',
      actor: actor(caller),
      payload: {
        proposalId: proposal.id,
        contentHash: proposal.contentHash,
        decidedOn,
        partyPresent: a.partyPresent,
        hearingRight: hasHearingRight(proposal.content, party.kind as PartyKind),
        // R5 as evaluated at the decision (the indicators' denominator of 法制审核覆盖率 reads it).
        requirement: {
          hearingHeld: gate.hearingHeld,
          reviewRequired: gate.reviewRequired,
          collectiveDiscussionRequired: gate.collectiveDiscussionRequired,
          reasons: gate.reasons.map((r) => r.ruleCode),
        },
        measure,
        review: review ? { reviewId: review.reviewId, roundNo: review.roundNo, reviewerId: review.reviewerId, approvedAt: review.approvedAt } : null,
        // R1 (issue 25): the policy version in force that the gate applied.
        policy: gate.policy,
      },
    });
    // R12: every decision gets its publication (with a due date) or an exemption with its reason.
    await createPublicationForDecision(repo, t, c, proposal, party, decidedOn, decisionContext, calendar, actor(caller), d.clock, measure);
    return next;
  });
}

/** The publication (or exemption) the decision created. */
export const publicationOf = async (d: ActDeps, caseId: string) => (await d.repo.publicationsByCaseIds([caseId]))[0] ?? null;
