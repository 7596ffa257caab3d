import { badInput, forbidden, notFound } from '../../../../kernel/errors.js';
import { parsePage, toConnection } from '../../../../kernel/pagination.js';
import type { CasesContext } from '../../context.js';
import type { Resolvers } from '../../generated/resolvers-types.js';
import { fileVisible, resultsScope, roundView } from './access.js';
import { totalPoints, type ChecklistItemCode } from './checklist.js';
import { evaluationResultsForPeriod } from './results.js';
import { rectificationOverdue, supervises, type DismissalInput, type FindingInput, type ItemScoreInput } from './rules.js';
import type { EvaluationRoundRow } from './schema.js';

// Thin resolvers of 案卷评查 (issue 30): access (access.ts), input shaping, fields from rows.

const DATE = /^\d{4}-\d{2}-\d{2}$/;

async function visibleRound(ctx: CasesContext, id: string): Promise<EvaluationRoundRow | null> {
  const r = await ctx.evaluation.repo.roundById(id);
  if (!r) return null;
  if (roundView(ctx.caller, r) === 'NONE') throw forbidden('无权查看该评查轮次');
  return r;
}

export const evaluationResolvers: Resolvers = {
  Query: {
    evaluationRounds: async (_, { first, after }, ctx) => {
      const c = ctx.caller;
      const filter =
        c.role === 'SUPERVISOR'
          ? c.agencyId === null
            ? {}
            : { supervisingAgencyId: c.agencyId }
          : c.role === 'ADMIN'
            ? {}
            : ['OFFICER', 'REVIEWER', 'PRINCIPAL'].includes(c.role) && c.agencyId
              ? { includesAgencyId: c.agencyId }
              : null;
      if (!filter) throw forbidden('案卷评查仅限执法监督人员和被评查机关工作人员查看');
      const page = parsePage<[string]>({ first, after }, 1);
      return toConnection(await ctx.evaluation.repo.listRounds(filter, page), page, (r) => [r.id]);
    },
    evaluationRound: (_, { id }, ctx) => visibleRound(ctx, id),
    evaluationResults: async (_, { agencyIds, periodFrom, periodTo }, ctx) => {
      if (!DATE.test(periodFrom) || !DATE.test(periodTo) || periodFrom > periodTo) throw badInput('periodTo', '期间须为有效日期，且起始日不晚于截止日');
      if (agencyIds.length > 100) throw badInput('agencyIds', '一次最多查询 100 个机关');
      const scope = resultsScope(ctx.caller);
      if (scope === 'NONE') throw forbidden('案卷评查结果不向公众提供');
      if (scope === 'OWN' && agencyIds.some((id) => id !== ctx.caller.agencyId)) throw forbidden('只能查看本机关的评查结果');
      if (scope === 'SUPERVISED') {
        for (const id of agencyIds) {
          const a = await ctx.evaluation.loaders.agency.load(id);
          if (!a || !supervises(ctx.caller.agencyId, { id, entrustingAgencyId: a.entrustment?.entrustingAgencyId ?? null })) {
            throw forbidden(`执法主体 ${id} 不在本机关的监督范围内`);
          }
        }
      }
      return evaluationResultsForPeriod(ctx.evaluation.repo, agencyIds, { from: periodFrom, to: periodTo }, ctx.today());
    },
  },
  Mutation: {
    openEvaluationRound: (_, { input }, ctx) =>
      ctx.evaluation.service.openRound(
        ctx.caller,
        {
          ...input,
          agencyIds: [...input.agencyIds],
          evaluatorIds: input.evaluatorIds ? [...input.evaluatorIds] : null,
        },
        ctx.requestId,
      ),
    scoreEvaluationFile: (_, { input }, ctx) =>
      ctx.evaluation.service.scoreFile(ctx.caller, {
        fileId: input.fileId,
        version: input.version,
        items: input.items.map((i) => ({ code: i.code as ChecklistItemCode, score: i.score, note: i.note ?? null })) as ItemScoreInput[],
        findings: (input.findings ?? []).map((f) => ({ itemCode: f.itemCode as ChecklistItemCode, text: f.text })) as FindingInput[],
        dismissals: (input.dismissals ?? []).map((x) => ({ index: x.index, reason: x.reason })) as DismissalInput[],
      }),
    completeRectification: (_, { input }, ctx) => ctx.evaluation.service.completeRectification(ctx.caller, input),
    completeEvaluationRound: (_, { input }, ctx) => ctx.evaluation.service.completeRound(ctx.caller, input),
  },
  EvaluationRound: {
    supervisingAgency: (r) => (r.supervisingAgencyId ? { id: r.supervisingAgencyId } : null),
    agencies: (r) => r.agencyIds.map((id) => ({ id })),
    evaluators: (r) => r.evaluatorIds.map((id) => ({ id })),
    rate: (r) => Number(r.rate),
    files: async (r, _, ctx) => {
      const view = roundView(ctx.caller, r);
      return (await ctx.evaluation.loaders.filesOfRound.load(r.id)).filter((f) => fileVisible(ctx.caller, view, f));
    },
  },
  EvaluationStratum: {
    agency: (s) => ({ id: s.agencyId }),
    caseType: (s) => s.caseType as never,
  },
  EvaluationChecklist: {
    totalPoints: (c) => totalPoints(c),
  },
  EvaluationFile: {
    case: async (f, _, ctx) => {
      const c = await ctx.loaders.case.load(f.caseId);
      if (!c) throw notFound('案件', f.caseId);
      return c;
    },
    agency: (f) => ({ id: f.agencyId }),
    caseType: (f) => f.caseType as never,
    automaticFindings: (f) => (f.autoFindings ?? []).map((x) => ({ ...x, automatic: true })),
    evaluator: (f) => (f.evaluatorId ? { id: f.evaluatorId } : null),
    rectifications: (f, _, ctx) => ctx.evaluation.loaders.rectificationsOfFile.load(f.id),
  },
  Rectification: {
    case: async (r, _, ctx) => {
      const c = await ctx.loaders.case.load(r.caseId);
      if (!c) throw notFound('案件', r.caseId);
      return c;
    },
    agency: (r) => ({ id: r.agencyId }),
    dueConfirmed: (r) => r.dueConfirmed === 1,
    overdue: (r, _, ctx) => rectificationOverdue(r, ctx.today()),
  },
  AgencyEvaluationResult: {
    agency: (a) => ({ id: a.agencyId }),
    findingsByItem: (a) => Object.entries(a.findingsByItem).map(([itemCode, count]) => ({ itemCode, count })),
  },
};
