import type { SubgraphClient } from '../../../kernel/subgraph-client.js';
import type { ModelScope, ProblemInspection } from '../supervision/clues/model.js';

// What cases uses of `inspections` (issue 30, the R19 join model): the results with problems found in a period, as a
// SERVICE caller (which sees unpublished results). Paged at the inspections' page size; at most MAX_PAGES pages per
// run, which bounds the work of one request (a period with more problem results is split into shorter periods).

const PAGE = 100;
export const MAX_PROBLEM_PAGES = 20;

interface Page {
  inspectionResults: {
    edges: { node: { id: string; taskId: string; uscc: string; completedOn: string; agency: { id: string } | null } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  } | null;
}

export async function fetchProblemInspections(client: SubgraphClient, scope: ModelScope, requestId?: string): Promise<ProblemInspection[]> {
  const out: ProblemInspection[] = [];
  let after: string | null = null;
  for (let i = 0; i < MAX_PROBLEM_PAGES; i++) {
    const d: Page = await client.query<Page>(
      `query CasesProblemInspections($from: Date!, $to: Date!, $first: Int!, $after: String) {
         inspectionResults(filter: { problemsFound: true, completedFrom: $from, completedTo: $to }, first: $first, after: $after) {
           edges { node { id taskId uscc completedOn agency { id } } } pageInfo { hasNextPage endCursor } } }`,
      { from: scope.from, to: scope.to, first: PAGE, after },
      { requestId },
    );
    const conn = d.inspectionResults;
    if (!conn) break;
    for (const { node } of conn.edges) {
      if (!node.agency) continue; // a platform agency not linked to a sanxiang agency: no case can be expected of it here
      out.push({ resultId: node.id, taskId: node.taskId, uscc: node.uscc, agencyId: node.agency.id, completedOn: node.completedOn });
    }
    if (!conn.pageInfo.hasNextPage) break;
    after = conn.pageInfo.endCursor;
  }
  return out;
}
