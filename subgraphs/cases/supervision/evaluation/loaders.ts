import DataLoader from 'dataloader';
import { byKey, groupedByKey } from '../../../../kernel/loaders.js';
import type { AgencyFacts, PowersFacts } from '../../powers-facts.js';
import type { EvaluationRepo } from './repo.js';
import type { EvaluationFileRow, RectificationRow } from './schema.js';

// Per request: a round's files and their rectifications cost one statement each, whatever the number of files.

export function createEvaluationLoaders(repo: EvaluationRepo, powers: PowersFacts, requestId?: string) {
  return {
    filesOfRound: new DataLoader<string, EvaluationFileRow[]>(async (ids) => groupedByKey(await repo.filesByRoundIds(ids), ids, (f) => f.roundId)),
    rectificationsOfFile: new DataLoader<string, RectificationRow[]>(async (ids) =>
      groupedByKey(await repo.rectificationsByFileIds(ids), ids, (r) => r.fileId),
    ),
    agency: new DataLoader<string, AgencyFacts | null>(async (ids) => {
      const found = await Promise.all(ids.map((id) => powers.agency(id, requestId)));
      return byKey(
        found.filter((a): a is AgencyFacts => !!a),
        ids,
        (a) => a.id,
      );
    }),
  };
}
export type EvaluationLoaders = ReturnType<typeof createEvaluationLoaders>;
