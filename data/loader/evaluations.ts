import type { Config } from '../../kernel/config.js';
import { DataFileError } from '../../kernel/data-file.js';
import type { Caller, KeyMaterial } from '../../kernel/identity.js';
import { loadBundledCalendar } from '../../kernel/calendar.js';
import { createSubgraphClient } from '../../kernel/subgraph-client.js';
import { createPowersFacts } from '../../subgraphs/cases/powers-facts.js';
import { createCasesRepo, type CasesDb } from '../../subgraphs/cases/repo.js';
import { BUILT_IN_CHECKLIST } from '../../subgraphs/cases/supervision/evaluation/checklist.js';
import { powersChecklistSource } from '../../subgraphs/cases/supervision/evaluation/checklist-source.js';
import { createEvaluationRepo } from '../../subgraphs/cases/supervision/evaluation/repo.js';
import { createEvaluationService } from '../../subgraphs/cases/supervision/evaluation/service.js';
import type { SeededCase } from './cases.js';
import type { Dataset } from './dataset.js';
import { agencyIdOf, officerIdOf } from './ids.js';

// evaluations.yaml (issue 30): each 案卷评查 round opened, scored, rectified and completed through the evaluation
// service itself (the same checks and record-log entries as the API), on the running clock's business date.

export async function seedEvaluations(deps: {
  config: Config;
  keys: KeyMaterial;
  db: CasesDb;
  powersUrl: string;
  cases: SeededCase[];
  data: Dataset;
}): Promise<number> {
  if (!deps.data.evaluations.length) return 0;
  const { config } = deps;
  const powersClient = createSubgraphClient({ name: 'powers', service: 'cases', url: () => deps.powersUrl, keys: deps.keys });
  const repo = createCasesRepo(deps.db, config.clock);
  const service = createEvaluationService({
    repo,
    powers: createPowersFacts(powersClient),
    calendar: loadBundledCalendar(),
    clearance: () => Promise.reject(new Error('no decisions while loading evaluations')),
    clock: config.clock,
    integrity: { keyDir: config.keyDir, dbName: config.databaseName('cases') },
    evaluations: createEvaluationRepo(repo),
    checklistOf: powersChecklistSource(powersClient),
  });
  const evaluations = createEvaluationRepo(repo);
  const as = (role: Caller['role'], officer: string, agencyId: string): Caller => ({ subject: officer, role, agencyId, officerId: officerIdOf(officer) });
  const caseId = (key: string) => deps.cases.find((c) => c.key === key)?.id;
  for (const [i, r] of deps.data.evaluations.entries()) {
    const supervisor = deps.data.officers.find((o) => o.key === r.supervisor)!;
    const supervisorAgency = agencyIdOf(supervisor.agency);
    let round = await service.openRound(as('SUPERVISOR', r.supervisor, supervisorAgency), {
      title: r.title,
      periodFrom: r.periodFrom,
      periodTo: r.periodTo,
      agencyIds: r.agencies.map(agencyIdOf),
      evaluatorIds: r.evaluators.map(officerIdOf),
      seed: r.seed,
      rate: r.rate,
      minPerStratum: r.minPerStratum,
      minPerAgency: r.minPerAgency,
      rectificationWorkingDays: r.rectificationWorkingDays,
    });
    const files = await evaluations.filesByRoundIds([round.id]);
    for (const [j, s] of r.scores.entries()) {
      const file = files.find((f) => f.caseId === caseId(s.case));
      if (!file) throw new DataFileError([deps.data.problemAt('evaluations', ['rounds', i, 'scores', j, 'case'], `案件 ${s.case} 未被本轮抽中`)]);
      const standing = [...(file.autoFindings ?? []).map((f) => f.itemCode), ...s.findings.map((f) => f.item)];
      await service.scoreFile(as('SUPERVISOR', s.evaluator, supervisorAgency), {
        fileId: file.id,
        version: file.version,
        items: BUILT_IN_CHECKLIST.items.map((it) => ({ code: it.code, score: standing.includes(it.code) ? it.points - 1 : it.points })),
        findings: s.findings.map((f) => ({ itemCode: f.item, text: f.text })),
      });
    }
    for (const d of r.rectificationsDone) {
      const file = (await evaluations.filesByRoundIds([round.id])).find((f) => f.caseId === caseId(d.case))!;
      const rect = (await evaluations.rectificationsByFileIds([file.id])).find((x) => x.itemCode === d.item && x.state === 'OPEN')!;
      const officer = deps.data.officers.find((o) => o.key === d.officer)!;
      await service.completeRectification(as('OFFICER', d.officer, agencyIdOf(officer.agency)), { id: rect.id, version: rect.version, note: d.note });
    }
    if (r.complete) {
      round = (await evaluations.roundById(round.id))!;
      await service.completeRound(as('SUPERVISOR', r.supervisor, supervisorAgency), { id: round.id, version: round.version });
    }
  }
  return deps.data.evaluations.length;
}
