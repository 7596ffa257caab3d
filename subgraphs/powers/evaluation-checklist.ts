// Issue 30: the case-file evaluation checklist (案卷评查表) is ex-ante information like the agency's policy (R1): one code
// per supervising agency, each version drafted, submitted, approved by legal staff and published through the shared
// workflow (documents.ts); only the published version is served, after the powers log verifies it. `cases` pins the
// version a round applies; without a published version it applies its built-in version 0.
import { badInput } from '../../kernel/errors.js';
import type { ExAnteRow } from './db/schema.js';
import { parseEvaluationChecklist } from './domain/validate.js';
import type { PowersContext } from './context.js';
import { verifiedPublishedSet } from './integrity/verified.js';
import type { ReviseEvaluationChecklistInput } from './generated/resolvers-types.js';
import { toView, type EvaluationChecklistView } from './model.js';

export const checklistCode = (agencyId: string) => `CHECKLIST-${agencyId}`;

async function publishedChecklist(ctx: PowersContext, agencyId: string): Promise<ExAnteRow | null> {
  const rows = (await ctx.repo.versionsByCodes('EVALUATION_CHECKLIST', [checklistCode(agencyId)])).filter((r) => r.status === 'PUBLISHED');
  return (await verifiedPublishedSet(ctx, 'EVALUATION_CHECKLIST', agencyId, rows)).at(-1) ?? null;
}

export const evaluationChecklistResolvers = {
  Query: {
    evaluationChecklist: async (_: unknown, { agencyId }: { agencyId: string }, ctx: PowersContext) => {
      const row = await publishedChecklist(ctx, agencyId);
      return row ? (toView(row) as EvaluationChecklistView) : null;
    },
  },
  Mutation: {
    reviseEvaluationChecklist: async (_: unknown, { input }: { input: ReviseEvaluationChecklistInput }, ctx: PowersContext) => {
      if (!(await ctx.loaders.agency.load(input.agencyId))) throw badInput('agencyId', `执法主体 ${input.agencyId} 不存在`);
      const content = parseEvaluationChecklist({ items: input.items }, 'input');
      const code = checklistCode(input.agencyId);
      const latest = (await ctx.repo.versionsByCodes('EVALUATION_CHECKLIST', [code])).at(-1) ?? null;
      const row = latest
        ? await ctx.docs.revise(ctx.caller, latest.id, latest.version, () => content)
        : await ctx.docs.create(ctx.caller, 'EVALUATION_CHECKLIST', input.agencyId, code, content, input.idempotencyKey);
      return toView(row) as EvaluationChecklistView;
    },
  },
};
