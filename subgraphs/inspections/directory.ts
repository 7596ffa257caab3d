import type { SubgraphClient } from '../../kernel/subgraph-client.js';

// The platform names agencies by USCC and inspectors by credential number; `powers` knows our ids for both.
// The sync asks powers directly (as a SERVICE caller, never through the gateway) and stores the links, so
// queries never depend on powers being up.

export interface DirectoryData {
  agencies: { id: string; uscc: string }[];
  officers: { id: string; credentialNumber: string; agencyId: string }[];
}
export interface Directory {
  load(): Promise<DirectoryData>;
}

export function createPowersDirectory(client: SubgraphClient): Directory {
  return {
    async load() {
      const { agencies } = await client.query<{ agencies: { id: string; uscc: string }[] }>('query InspectionsAgencies { agencies { id uscc } }');
      const officers: DirectoryData['officers'] = [];
      for (const a of agencies) {
        let after: string | null = null;
        for (;;) {
          const d: {
            officers: { edges: { node: { id: string; credentialNumber: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
          } = await client.query(
            `query InspectionsOfficers($agencyId: ID!, $after: String) { officers(agencyId: $agencyId, first: 100, after: $after) {
               edges { node { id credentialNumber } } pageInfo { hasNextPage endCursor } } }`,
            { agencyId: a.id, after },
          );
          for (const e of d.officers.edges) officers.push({ ...e.node, agencyId: a.id });
          if (!d.officers.pageInfo.hasNextPage) break;
          after = d.officers.pageInfo.endCursor;
        }
      }
      return { agencies, officers };
    },
  };
}
