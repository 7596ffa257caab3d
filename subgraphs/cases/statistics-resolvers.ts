import { authorizeKey, authorizeScope, scopeOf } from '../../kernel/statistics.js';
import type { CasesContext } from './context.js';
import type { Resolvers } from './generated/resolvers-types.js';
import { createCaseStatistics, createCaseTables } from './statistics.js';

// Statistics (issue 7): the root field and the cases share of the federated `Statistics` entity.
// Access is checked on the root field and again on every entity reference.

const stats = (ctx: CasesContext) => createCaseStatistics(ctx.repo.orm);
const tables = (ctx: CasesContext) => createCaseTables(ctx.repo.orm);

export const statisticsResolvers: Resolvers = {
  Query: {
    statistics: (_, { filter }, ctx) => authorizeScope(ctx.caller, scopeOf(filter)),
  },
  Statistics: {
    __resolveReference: (ref, ctx) => authorizeKey(ctx.caller, ref.key),
    asOf: (_, __, ctx) => ctx.today(),
    groupBy: (s) => s.groupBy,
    cases: (s) => s,
  },
  CaseStatistics: {
    byType: (s, _, ctx) => stats(ctx).byType(s),
    byState: (s, _, ctx) => stats(ctx).byState(s),
    byOutcome: (s, _, ctx) => stats(ctx).byOutcome(s),
    fines: (s, _, ctx) => stats(ctx).fines(s),
    confiscations: (s, _, ctx) => stats(ctx).confiscations(s),
    reviewCoverage: (s, _, ctx) => stats(ctx).reviewCoverage(s),
    caseDuration: (s, _, ctx) => stats(ctx).caseDuration(s),
    beyond90Days: (s, _, ctx) => stats(ctx).beyond90Days(s, ctx.today()),
    licensingBeyondTimeLimit: (s, _, ctx) => stats(ctx).licensingBeyondTimeLimit(s, ctx.today()),
    serviceTimeliness: (s, _, ctx) => stats(ctx).serviceTimeliness(s, ctx.today()),
    publicationTimeliness: (s, _, ctx) => stats(ctx).publicationTimeliness(s, ctx.today()),
    withdrawalTimeliness: (s, _, ctx) => stats(ctx).withdrawalTimeliness(s, ctx.today()),
    recordCompleteness: (s, _, ctx) => stats(ctx).recordCompleteness(s),
    filed: (s, { by }, ctx) => tables(ctx).table('filed', s, by),
    decisions: (s, { by }, ctx) => tables(ctx).table('decisions', s, by),
    decisionTypes: (s, { by }, ctx) => tables(ctx).table('decisionTypes', s, by),
    hearings: (s, _, ctx) => tables(ctx).hearings(s),
    reliefReceived: (s, { by }, ctx) => tables(ctx).table('reliefReceived', s, by),
    reliefConcluded: (s, { by }, ctx) => tables(ctx).table('reliefConcluded', s, by),
    correctionRate: (s, _, ctx) => tables(ctx).correctionRate(s),
  },
  StatisticsTableRow: {
    agency: (r) => (r.agencyId ? { __typename: 'Agency' as const, id: r.agencyId } : null),
  },
};
