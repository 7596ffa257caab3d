import DataLoader from 'dataloader';
import type { RecordEntryRow } from './db/schema.js';
import type { CaseRow, CasesRepo, PartyRow, ProposalRow, PublicationRow } from './repo.js';
import type { PowersFacts } from './powers-facts.js';
import { byKey, groupedByKey as grouped } from '../../kernel/loaders.js';

// Created per request: a list of N cases costs one query per related kind, not N.

export function createCaseLoaders(repo: CasesRepo, powers?: PowersFacts, requestId?: string) {
  return {
    /** The id of the power item version in force now, by code (one call to powers per request). */
    currentPowerItemId: new DataLoader<string, string | null>(async (codes) => {
      const ids = powers ? await powers.currentVersionIds(codes, requestId) : new Map<string, string>();
      return codes.map((c) => ids.get(c) ?? null);
    }),
    case: new DataLoader<string, CaseRow | null>(async (ids) => byKey(await repo.casesByIds(ids), ids, (r) => r.id)),
    party: new DataLoader<string, PartyRow | null>(async (ids) => byKey(await repo.partiesByIds(ids), ids, (r) => r.id)),
    proposals: new DataLoader<string, ProposalRow[]>(async (ids) => grouped(await repo.proposalsByCaseIds(ids), ids, (r) => r.caseId)),
    publicationByCase: new DataLoader<string, PublicationRow | null>(async (ids) => byKey(await repo.publicationsByCaseIds(ids), ids, (r) => r.caseId)),
    entries: new DataLoader<string, RecordEntryRow[]>(async (ids) => grouped(await repo.entriesByCaseIds(ids), ids, (r) => r.caseId)),
  };
}
export type CaseLoaders = ReturnType<typeof createCaseLoaders>;
