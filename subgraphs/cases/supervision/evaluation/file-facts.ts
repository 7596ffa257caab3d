import { archiveFacts } from '../../acts/closing-and-archive.js';
import type { ActDeps } from '../../acts/deps.js';
import { verifiedEntriesOfMany } from '../../acts/mechanics.js';
import type { ProposalRow, PublicationRow, RecordEntryRow } from '../../db/schema.js';
import { eventsOf, parsePayload, transitionedTo } from '../../domain/entries.js';
import { missingForArchive } from '../../domain/rules.js';
import type { CaseType, ProcedureKind } from '../../domain/types.js';
import type { CaseRow } from '../../repo.js';
import type { FileFacts } from './findings.js';

// What a sampled file's verified record says, for the automatic findings and the evaluator conflict (issue 30). Only
// verified entries count (R17): a file whose log does not verify is refused like any act on it.

interface DecisionPayload {
  requirement?: { reviewRequired?: boolean; collectiveDiscussionRequired?: boolean } | null;
  review?: { reviewerId?: string | null } | null;
}

/** Who reviewed the file: the reviewer of each recorded opinion and of the review the decision relied on. */
export function reviewerIdsOf(entries: readonly RecordEntryRow[]): string[] {
  const ids = new Set<string>();
  for (const e of entries) {
    if (e.kind === 'REVIEW_OPINION') ids.add(parsePayload<{ reviewerId?: string }>(e).reviewerId ?? e.actor);
    if (e.kind === 'DECISION') {
      const r = parsePayload<DecisionPayload>(e).review?.reviewerId;
      if (r) ids.add(r);
    }
  }
  return [...ids];
}

export interface FileFactsResult {
  facts: FileFacts;
  handlerIds: string[];
  reviewerIds: string[];
}

/**
 * The facts of many sampled files (a round's whole sample) in a fixed number of statements, whatever their number:
 * the verified entries in one snapshot, the proposals and the publications by IN lists. `avActivities` per agency.
 */
export async function fileFactsOfMany(
  d: ActDeps,
  rows: readonly CaseRow[],
  avActivities: (agencyId: string) => string[],
): Promise<Map<string, FileFactsResult>> {
  if (!rows.length) return new Map();
  const ids = rows.map((c) => c.id);
  const entriesOf = await verifiedEntriesOfMany(d, rows, '评查');
  const proposals = await d.repo.proposalsByCaseIds(ids);
  const publications = await d.repo.publicationsByCaseIds(ids);
  return new Map(
    rows.map((c) => [
      c.id,
      factsOf(
        c,
        entriesOf.get(c.id)!,
        proposals.find((p) => p.id === c.decisionProposalId) ?? null,
        publications.find((p) => p.caseId === c.id) ?? null,
        avActivities(c.agencyId),
      ),
    ]),
  );
}

function factsOf(
  c: CaseRow,
  entries: RecordEntryRow[],
  proposal: ProposalRow | null,
  publication: PublicationRow | null,
  avActivities: string[],
): FileFactsResult {
  const events = eventsOf(entries);
  const missing = missingForArchive({
    procedure: c.procedure as ProcedureKind,
    caseType: c.caseType as CaseType,
    outcome: proposal?.content.outcome ?? null,
    executed: transitionedTo(entries, 'EXECUTED'),
    hearingHeld: events.some((e) => e.eventKind === 'HEARING_HELD'),
    reviewed: transitionedTo(entries, 'UNDER_REVIEW'),
    entries: archiveFacts(entries),
    events: events.map((e) => ({ kind: e.eventKind, serviceMethod: e.serviceMethod })),
    avActivities,
    publicationStatus: publication?.status ?? null,
  });
  const decision = entries.find((e) => e.kind === 'DECISION');
  const dp = decision ? parsePayload<DecisionPayload>(decision) : null;
  const lateEntries = entries.filter((e) => {
    const p = parsePayload<{ lateEntryReason?: string | null }>(e);
    return typeof p.lateEntryReason === 'string' && p.lateEntryReason.length > 0;
  }).length;
  return {
    facts: {
      procedure: c.procedure,
      state: c.state,
      handlingOfficerIds: c.handlingOfficerIds,
      decisionDueOn: c.decisionDueOn,
      decidedOn: c.decidedOn,
      serviceDueOn: c.serviceDueOn,
      servedOn: c.servedOn,
      serviceRecordedOn: c.serviceRecordedOn,
      closedOn: c.closedOn,
      archivedOn: c.archivedOn,
      measureEndsOn: c.measureEndsOn,
      measureExtendedTo: c.measureExtendedTo,
      measureLiftedOn: c.measureLiftedOn,
      missing,
      lateEntries,
      reviewRequired: !!dp?.requirement?.reviewRequired,
      reviewed: !!dp?.review?.reviewerId,
      collectiveDiscussionRequired: !!dp?.requirement?.collectiveDiscussionRequired,
      collectiveDiscussionHeld: entries.some((e) => e.kind === 'COLLECTIVE_DISCUSSION'),
      fineWithinBenchmark: proposal?.checks.fineWithinBenchmark ?? null,
    },
    handlerIds: c.handlingOfficerIds,
    reviewerIds: reviewerIdsOf(entries),
  };
}
