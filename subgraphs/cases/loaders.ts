import DataLoader from 'dataloader';
import type { RecordEntryRow } from './db/schema.js';
import type { CaseRow, CasesRepo, PartyRow, ProposalRow, PublicationRow } from './repo.js';
import type { PowersFacts } from './powers-facts.js';
import { byKey, groupedByKey as grouped } from '../../kernel/loaders.js';
import { filingEntriesByCaseIds, loggedAccessOf, type LoggedAccess } from './verified-access.js';

// Created per request: a list of N cases costs one query per related kind, not N.

export function createCaseLoaders(repo: CasesRepo, powers?: PowersFacts, requestId?: string, keyDir?: string) {
  /**
   * Issue 25: the authorising facts of each case (agency, entrusting agency, handlers) as its verified filing entry
   * logs them (verified-access.ts). Primed by the case loader and the lists, which read each row joined with its
   * filing entry; queried (one statement per request) only for rows obtained otherwise. Without a key dir (tools
   * that never authorise a caller) nothing is verified: every case has no logged facts.
   */
  const filing = new DataLoader<string, LoggedAccess | null>(async (ids) => {
    const entries = keyDir ? await filingEntriesByCaseIds(repo.orm, ids) : [];
    return byKey(entries, ids, (e) => e.caseId).map((e) => (keyDir ? loggedAccessOf(e, keyDir) : null));
  });
  /** A case row read with its filing entry: the row to the case loader, the verified facts to the filing loader. */
  const prime = (c: CaseRow, fe: RecordEntryRow | null) => {
    filing.prime(c.id, keyDir ? loggedAccessOf(fe, keyDir) : null);
    return c;
  };
  return {
    filing,
    prime,
    /** The id of the power item version in force now, by code (one call to powers per request). */
    currentPowerItemId: new DataLoader<string, string | null>(async (codes) => {
      const ids = powers ? await powers.currentVersionIds(codes, requestId) : new Map<string, string>();
      return codes.map((c) => ids.get(c) ?? null);
    }),
    case: new DataLoader<string, CaseRow | null>(async (ids) =>
      byKey(
        (await repo.casesWithFilingByIds(ids)).map((r) => prime(r.c, r.fe)),
        ids,
        (r) => r.id,
      ),
    ),
    party: new DataLoader<string, PartyRow | null>(async (ids) => byKey(await repo.partiesByIds(ids), ids, (r) => r.id)),
    proposals: new DataLoader<string, ProposalRow[]>(async (ids) => grouped(await repo.proposalsByCaseIds(ids), ids, (r) => r.caseId)),
    publicationByCase: new DataLoader<string, PublicationRow | null>(async (ids) => byKey(await repo.publicationsByCaseIds(ids), ids, (r) => r.caseId)),
    entries: new DataLoader<string, RecordEntryRow[]>(async (ids) => grouped(await repo.entriesByCaseIds(ids), ids, (r) => r.caseId)),
  };
}
export type CaseLoaders = ReturnType<typeof createCaseLoaders>;
