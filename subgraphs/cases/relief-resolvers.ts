import DataLoader from 'dataloader';
import type { CasesContext } from './context.js';
import type { Resolvers } from './generated/resolvers-types.js';
import type { ReliefRow } from './model.js';
import type { ReliefKind, ReliefOutcome } from './relief.js';

// Relief proceedings (issue 17): readable with the case (whoever may read the case), recorded by legal staff or
// the principal of the deciding agency (relief.ts).

const loaders = new WeakMap<object, DataLoader<string, ReliefRow[]>>();
const loaderOf = (ctx: CasesContext) => {
  let l = loaders.get(ctx);
  if (!l) {
    l = new DataLoader<string, ReliefRow[]>(async (ids) => {
      const rows = await ctx.relief.byCaseIds(ids);
      return ids.map((id) => rows.filter((r) => r.caseId === id));
    });
    loaders.set(ctx, l);
  }
  return l;
};

export const reliefResolvers: Resolvers = {
  Case: {
    reliefProceedings: (c, _, ctx) => loaderOf(ctx).load(c.id),
  },
  ReliefProceeding: {
    kind: (r) => r.kind as ReliefKind,
    outcome: (r) => (r.outcome as ReliefOutcome | null) ?? null,
  },
  Mutation: {
    recordReliefApplication: (_, { input }, ctx) => ctx.relief.recordApplication(ctx.caller, input),
    recordReliefOutcome: (_, { input }, ctx) => ctx.relief.recordOutcome(ctx.caller, input),
  },
};
