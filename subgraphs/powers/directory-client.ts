import type { SubgraphClient } from '../../kernel/subgraph-client.js';
import type { CredentialStatusChange, CredentialTermsChange } from './domain/credential.js';
import type { CredentialStatus } from './domain/types.js';

/** An officer as other subgraphs need to see them (credential and review qualification), from `powers`. */
export interface OfficerDirectoryEntry {
  id: string;
  name: string;
  agencyId: string;
  credentialNumber: string;
  credentialStatus: CredentialStatus;
  validFrom: string;
  validUntil: string;
  enforcementAreas: string[];
  /** The dated status history: validity on a past date is judged by it (R2). */
  credentialHistory: CredentialStatusChange[];
  /** The dated terms history (validity period, areas): an act is judged by the terms in force on its date (R2). */
  credentialTermsHistory: CredentialTermsChange[];
  reviewQualified: boolean | null;
  legalProfessionCertificate: string | null;
  firstTimeReviewer: boolean | null;
}

/**
 * Officers by id in one `_entities` call to powers (a SERVICE caller sees the restricted review fields).
 * Shared by every subgraph that checks credentials (R2) or reviewers (R7).
 */
export async function fetchOfficers(client: SubgraphClient, ids: readonly string[], requestId?: string): Promise<Map<string, OfficerDirectoryEntry>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const d = await client.query<{ _entities: ((Omit<OfficerDirectoryEntry, 'agencyId'> & { agency: { id: string } }) | null)[] }>(
    `query PowersOfficerDirectory($reps: [_Any!]!) { _entities(representations: $reps) { ... on Officer { id name agency { id } credentialNumber credentialStatus validFrom validUntil
       enforcementAreas credentialHistory { status effectiveFrom }
       credentialTermsHistory { effectiveFrom validFrom validUntil enforcementAreas } reviewQualified legalProfessionCertificate firstTimeReviewer } } }`,
    { reps: unique.map((id) => ({ __typename: 'Officer', id })) },
    { requestId },
  );
  const map = new Map<string, OfficerDirectoryEntry>();
  for (const o of d._entities) {
    if (!o) continue;
    const { agency, ...rest } = o;
    map.set(o.id, { ...rest, agencyId: agency.id });
  }
  return map;
}
