import { notFound } from '../../../kernel/errors.js';
import { parsePage, toConnection } from '../../../kernel/pagination.js';
import type { CasesContext } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { modelByCode, SUPERVISION_MODELS } from './clues/registry.js';
import type { ProblemModel } from './clues/model.js';
import { createScorecards } from './scorecard/scorecard.js';

// Thin resolvers of the supervision block (issue 30): access is decided in clues/access.ts (clues and findings) and
// kernel/statistics.ts (aggregates, the same rules as every indicator).

const paramsOf = (p: Record<string, number>, m: ProblemModel) =>
  Object.entries(p).map(([name, value]) => ({ name, value, meaning: m.parameters[name]?.meaning ?? '' }));
const modelOf = (code: string): ProblemModel => {
  const m = modelByCode(code);
  if (!m) throw notFound('问题模型', code);
  return m;
};
/**
 * The drill-down: each case the caller may read (others null, as any case reference they may not see). Issue 25:
 * read from the verified filing entry, and a finding or clue about one agency shows no case whose filing entry logs
 * another agency (a row moved into it by SQL is not its case: null, alarmed).
 */
async function casesOf(ctx: CasesContext, ids: readonly string[], agencyId?: string | null) {
  const rows = await ctx.loaders.case.loadMany([...ids]);
  return Promise.all(
    rows.map(async (r) => {
      if (!r || r instanceof Error || !(await ctx.access.canRead(ctx.caller, r))) return null;
      // A row whose verified filing entry names another agency is not this agency's case. A row without a verifiable
      // filing entry reaches only oversight roles here (canRead refuses it to staff): shown, alarmed (facts()), as in
      // the unfiltered case list — hiding it would hide the tampering from the supervisor.
      const facts = await ctx.access.facts(r);
      if (facts && agencyId && facts.agencyId !== agencyId && facts.inNameOfAgencyId !== agencyId) return null;
      return r;
    }),
  );
}

export const supervisionResolvers: Resolvers = {
  Query: {
    supervisionModels: () => [...SUPERVISION_MODELS],
    supervisionFindings: (_, { input, parameters }, ctx) => ctx.supervision.findings(ctx.caller, { ...input, parameters }, ctx.requestId),
    supervisionClues: async (_, { filter, first, after }, ctx) => {
      const page = parsePage<[string]>({ first, after }, 1);
      const rows = await ctx.supervision.list(ctx.caller, { agencyId: filter?.agencyId, modelCode: filter?.model, status: filter?.status }, page);
      return toConnection(rows, page, (r) => [r.id]);
    },
    supervisionClue: (_, { id }, ctx) => ctx.supervision.clue(ctx.caller, id),
  },
  Mutation: {
    runSupervisionModels: (_, { input, parameters }, ctx) => ctx.supervision.raise(ctx.caller, { ...input, parameters }, ctx.requestId),
    handleSupervisionClue: (_, { input }, ctx) => ctx.supervision.handle(ctx.caller, input),
  },
  SupervisionModel: {
    legalAnchor: (m) => m.legalAnchor,
    parameters: (m) => Object.entries(m.parameters).map(([name, p]) => ({ name, value: p.value, meaning: p.meaning })),
  },
  SupervisionFinding: {
    agency: (f) => ({ id: f.agencyId }),
    supervisingAgency: (f) => ({ id: f.supervisingAgencyId }),
    subjectKind: (f) => f.model.subjectKind,
    cases: (f, _, ctx) => casesOf(ctx, f.caseIds, f.agencyId),
  },
  SupervisionClue: {
    model: (c) => modelOf(c.modelCode),
    agency: (c) => ({ id: c.agencyId }),
    supervisingAgency: (c) => ({ id: c.supervisingAgencyId }),
    subjectKind: (c) => c.subjectKind as never,
    status: (c) => c.status as never,
    summary: (c) => c.evidence.summary,
    measure: (c) => c.evidence.measure,
    threshold: (c) => c.evidence.threshold,
    hits: (c) => Number(c.evidence.figures.hits ?? 0),
    base: (c) => Number(c.evidence.figures.base ?? 0),
    parameters: (c) => paramsOf(c.evidence.parameters, modelOf(c.modelCode)),
    caseIds: (c) => c.evidence.caseIds,
    cases: (c, _, ctx) => casesOf(ctx, c.evidence.caseIds, c.agencyId),
  },
  Statistics: {
    supervision: (s) => s,
  },
  SupervisionStatistics: {
    cluesByModel: async (s, _, ctx) => {
      const counts = new Map((await createScorecards(ctx.repo.orm).cluesByModel(s)).map((c) => [c.modelCode, c]));
      return SUPERVISION_MODELS.map((m) => counts.get(m.code) ?? { modelCode: m.code, raised: 0, open: 0, accepted: 0, dismissed: 0 });
    },
    scorecards: (s, _, ctx) => createScorecards(ctx.repo.orm).scorecards(s, ctx.today()),
  },
  SupervisionClueCount: {
    model: (c) => modelOf(c.modelCode),
  },
  AgencyScorecard: {
    agency: (a) => ({ id: a.agencyId }),
  },
};
