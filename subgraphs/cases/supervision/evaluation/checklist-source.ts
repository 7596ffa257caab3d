import type { SubgraphClient } from '../../../../kernel/subgraph-client.js';
import type { Checklist, ChecklistItem } from './checklist.js';
import type { ChecklistSource } from './service.js';

// The checklist in force for a supervising agency, read from `powers` (R1: its published, verified version). Null when
// the agency has published none (the round then applies the built-in version 0) or the supervisor has no agency.
// Powers unreachable: the client's error refuses the round (fail closed; a round must pin what it applies).
export function powersChecklistSource(client: SubgraphClient): ChecklistSource {
  return async (agencyId, requestId) => {
    if (!agencyId) return null;
    const d = await client.query<{ evaluationChecklist: { id: string; versionNo: number; items: ChecklistItem[] } | null }>(
      `query CasesEvaluationChecklist($id: ID!) { evaluationChecklist(agencyId: $id) { id versionNo items { code name points criteria anchors { law article } } } }`,
      { id: agencyId },
      { requestId },
    );
    const c = d.evaluationChecklist;
    return c ? ({ versionId: c.id, versionNo: c.versionNo, items: c.items } satisfies Checklist) : null;
  };
}
