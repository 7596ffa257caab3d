import type { SubgraphClient } from '../shared/subgraph-client.js';
import type { ReviewCatalogRuleContent } from '../powers/domain/types.js';
import { fetchOfficers } from '../powers/directory-client.js';
import type { PublicationPolicy } from './domain/publicity.js';
import type { CatalogRule, OfficerFacts, TierRange } from './domain/rules.js';

// What the cases subgraph needs to know from `powers`, fetched directly from that subgraph (never
// through the gateway). Every rule that depends on these facts fails closed when powers is unreachable.

export interface AgencyFacts {
  id: string;
  name: string;
  uscc: string;
  policy: PublicationPolicy & { reviewAllGeneralProcedurePenalties: boolean; caseNumberFormat: string };
}

export interface PowerItemFacts {
  id: string;
  code: string;
  versionNo: number;
  status: string;
  name: string;
  category: string;
  enforcementArea: string;
  agencyId: string;
  tiers: TierRange[] | null;
}

export function createPowersFacts(client: SubgraphClient) {
  return {
    async agency(id: string, requestId?: string): Promise<AgencyFacts | null> {
      const d = await client.query<{ agency: AgencyFacts | null }>(
        `query($id: ID!) { agency(id: $id) { id name uscc policy { reviewAllGeneralProcedurePenalties caseNumberFormat publishSimpleProcedure publishWarnings
           autoPublishDecisions shortPublicationMonths publicationMonths smallFineThreshold } } }`,
        { id },
        { requestId },
      );
      return d.agency;
    },

    /** The version in force now (published); the case pins its id and number at filing. */
    async powerItem(code: string, requestId?: string): Promise<PowerItemFacts | null> {
      const d = await client.query<{
        powerItem: (Omit<PowerItemFacts, 'agencyId' | 'tiers'> & { agency: { id: string }; discretionBenchmark: { tiers: TierRange[] } | null }) | null;
      }>(
        `query($code: String!) { powerItem(code: $code) { id code versionNo status name category enforcementArea agency { id }
           discretionBenchmark { tiers { tier fineMin fineMax penaltyTypes } } } }`,
        { code },
        { requestId },
      );
      const p = d.powerItem;
      return p ? { ...p, agencyId: p.agency.id, tiers: p.discretionBenchmark?.tiers ?? null } : null;
    },

    /** The exact version pinned at filing (name and category as they were then). */
    async powerItemVersion(versionId: string, requestId?: string): Promise<{ code: string; name: string; category: string } | null> {
      const d = await client.query<{ exAnteDocument: { code: string; name: string; category: string } | null }>(
        `query($id: ID!) { exAnteDocument(id: $id) { code ... on PowerItem { name category } } }`,
        { id: versionId },
        { requestId },
      );
      return d.exAnteDocument;
    },

    officers: (ids: readonly string[], requestId?: string): Promise<Map<string, OfficerFacts>> => fetchOfficers(client, ids, requestId),

    async reviewCatalog(agencyId: string, requestId?: string): Promise<CatalogRule[]> {
      const d = await client.query<{ reviewCatalog: (ReviewCatalogRuleContent & { code: string; fineThresholds: { partyKind: string; amount: string }[] })[] }>(
        `query($id: ID!) { reviewCatalog(agencyId: $id) { code description procedure caseTypes penaltyTypes fineThresholds { partyKind amount } hearingHeld flags
           basis { law article } } }`,
        { id: agencyId },
        { requestId },
      );
      return d.reviewCatalog as CatalogRule[];
    },

    async avActivities(agencyId: string, requestId?: string): Promise<string[]> {
      const d = await client.query<{ avRecordingRules: { activity: string }[] }>(
        `query($id: ID) { avRecordingRules(agencyId: $id) { activity } }`,
        { id: agencyId },
        { requestId },
      );
      return d.avRecordingRules.map((r) => r.activity);
    },
  };
}

export type PowersFacts = ReturnType<typeof createPowersFacts>;
