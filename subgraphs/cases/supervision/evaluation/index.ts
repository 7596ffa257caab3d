import type { CaseServiceDeps } from '../../acts/deps.js';
import { createEvaluationLoaders, type EvaluationLoaders } from './loaders.js';
import { createEvaluationRepo, type EvaluationRepo } from './repo.js';
import { createEvaluationService, type ChecklistSource, type EvaluationService } from './service.js';

// 案卷评查 (issue 30) as the cases service wires it: one repo and service per process, loaders per request.
export { evaluationResolvers } from './resolvers.js';
export { evaluationResultsForPeriod, type AgencyEvaluationSummary } from './results.js';

export interface EvaluationContext {
  repo: EvaluationRepo;
  service: EvaluationService;
  loaders: EvaluationLoaders;
}

export function createEvaluation(deps: CaseServiceDeps & { checklistOf?: ChecklistSource }) {
  const repo = createEvaluationRepo(deps.repo);
  const service = createEvaluationService({ ...deps, evaluations: repo });
  return {
    forRequest: (requestId?: string): EvaluationContext => ({ repo, service, loaders: createEvaluationLoaders(repo, deps.powers, requestId) }),
  };
}
