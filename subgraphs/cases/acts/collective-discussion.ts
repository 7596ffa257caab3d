// Collective discussion (集体讨论) by the agency's leaders.
// Enforces: 行政处罚法 Art. 57(2) — for complex cases or grave violations (as the review catalog says, R5) the leaders
// discuss and decide collectively: at least three leaders on the published list of the agency that decides (the
// entrusting agency for an entrusted organisation's case), the principal presiding or recorded absent with a reason
// (domain/discussion.ts), after notice and before the decision, with
// numbered minutes, recorded against exactly the latest proposal (content hash). decision.ts refuses a decision that
// needs a discussion without one for that proposal (assertDiscussed).
import { badInput, invalidState } from '../../../kernel/errors.js';
import type { Caller } from '../../../kernel/identity.js';
import type { RecordEntryRow } from '../db/schema.js';
import { checkDiscussionAttendance } from '../domain/discussion.js';
import { checkDocumentText, parseDocumentNumber, sha256Of } from '../domain/documents.js';
import { parsePayload } from '../domain/entries.js';
import type { CaseRow, ProposalRow } from '../repo.js';
import type { ActDeps } from './deps.js';
import { actor, asDecidingAgency, caseAsLogged, assertDecidingAgency, assertRole, latestProposal, stated, tx } from './mechanics.js';

export interface CollectiveDiscussionArgs {
  caseId: string;
  proposalId: string;
  heldOn: string;
  participantIds: string[];
  presidedBy?: string | null;
  principalAbsenceReason?: string | null;
  conclusion: string;
  minutesNumber: string;
  minutes: string;
  lateEntryReason?: string | null;
}

/**
 * Art. 57(2): where the catalog says so, the agency's leaders discuss and decide collectively; the discussion
 * is recorded against exactly the proposal (content hash) it decided on.
 */
export async function recordCollectiveDiscussion(d: ActDeps, caller: Caller, a: CollectiveDiscussionArgs, requestId?: string): Promise<CaseRow> {
  // The leaders of the agency in whose name the decision is made meet (the entrusting agency's, Art. 20).
  assertRole(caller, ['PRINCIPAL']);
  const pre = await caseAsLogged(d, caller, a.caseId); // the deciding agency as the filing entry logs it (issue 25)
  assertDecidingAgency(caller, pre, ['PRINCIPAL']);
  const held = await stated(d, asDecidingAgency(pre), a.heldOn, a.lateEntryReason, 'heldOn', { date: pre.filedOn, what: '立案日期' }, requestId);
  // The leaders of the agency in whose name the decision is made: the published list, read now (R1).
  const leaders = await d.powers.agencyLeaders(pre.inNameOfAgencyId ?? pre.agencyId, requestId);
  const attendance = checkDiscussionAttendance(a, leaders);
  const participants = attendance.participantIds;
  const conclusion = a.conclusion.trim();
  if (!conclusion) throw badInput('conclusion', '须载明集体讨论的结论');
  const minutesNumber = parseDocumentNumber(a.minutesNumber, 'COLLECTIVE_DISCUSSION', true)!;
  checkDocumentText(a.minutes, 'minutes');
  return tx(d, async (t) => {
    const c = await d.repo.lockCase(t, a.caseId);
    if (!['NOTIFIED', 'HEARING', 'UNDER_REVIEW'].includes(c.state)) throw invalidState('告知之后、作出决定之前方可集体讨论', { state: c.state });
    const latest = await latestProposal(d, c.id);
    if (!latest || latest.id !== a.proposalId) throw invalidState('只能就最新的决定建议集体讨论', { latestProposalId: latest?.id ?? null });
    await d.append(t, {
      caseId: c.id,
      kind: 'COLLECTIVE_DISCUSSION',
      stage: 'DECISION',
      actor: actor(caller),
      payload: {
        proposalId: latest.id,
        contentHash: latest.contentHash,
        heldOn: held.on,
        occurredOn: held.on,
        lateEntryReason: held.lateEntryReason,
        officerIds: participants,
        presidedBy: attendance.presidedBy,
        principalId: attendance.principalId,
        principalAbsenceReason: attendance.principalAbsenceReason,
        conclusion,
        documentNumber: minutesNumber,
        contentHash_minutes: sha256Of(a.minutes.trim()),
      },
    });
    return c;
  });
}

/** At the decision: a discussion of exactly this proposal (id and content hash) is in the verified entries. */
export function assertDiscussed(entries: RecordEntryRow[], proposal: ProposalRow): void {
  const discussed = entries.some((e) => {
    if (e.kind !== 'COLLECTIVE_DISCUSSION') return false;
    const p = parsePayload<{ proposalId: string; contentHash: string }>(e);
    return p.proposalId === proposal.id && p.contentHash === proposal.contentHash;
  });
  if (!discussed) {
    throw invalidState('该决定属于情节复杂或者重大违法行为，须经行政机关负责人集体讨论决定（行政处罚法第五十七条第二款），尚无对该决定建议的集体讨论记录', {
      missing: 'COLLECTIVE_DISCUSSION',
      proposalId: proposal.id,
    });
  }
}
