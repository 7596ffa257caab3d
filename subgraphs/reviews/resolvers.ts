import type { Caller } from '../../kernel/identity.js';
import { forbidden } from '../../kernel/errors.js';
import { parsePage, toConnection } from '../../kernel/pagination.js';
import { scalarResolvers } from '../../kernel/scalars.js';
import type { ReviewsContext } from './context.js';
import type { Resolvers } from './generated/resolvers-types.js';
import type { LegalReviewRow, ReviewConnectionModel } from './model.js';
import type { ReviewListFilter } from './repo.js';

// Thin resolvers over the review workflow.

const OVERSIGHT = ['SUPERVISOR', 'ADMIN', 'SERVICE'];
const canRead = (c: Caller, agencyId: string) =>
  OVERSIGHT.includes(c.role) || (['OFFICER', 'REVIEWER', 'PRINCIPAL'].includes(c.role) && c.agencyId === agencyId);

function scope(caller: Caller, agencyId: string | null | undefined): string | null {
  if (OVERSIGHT.includes(caller.role)) return agencyId ?? null;
  if (!['OFFICER', 'REVIEWER', 'PRINCIPAL'].includes(caller.role) || !caller.agencyId) throw forbidden('法制审核信息仅限执法机关工作人员和执法监督人员查看');
  if (agencyId && agencyId !== caller.agencyId) throw forbidden('只能查看本机关的法制审核');
  return caller.agencyId;
}

async function connection(ctx: ReviewsContext, f: ReviewListFilter, args: { first?: number | null; after?: string | null }): Promise<ReviewConnectionModel> {
  const page = parsePage<[string]>(args, 1);
  const filter = { ...f, agencyId: scope(ctx.caller, f.agencyId) };
  const rows = await ctx.repo.listReviews(filter, page);
  return { ...toConnection(rows, page, (r) => [r.id]), totalCount: () => ctx.repo.countReviews(filter) };
}

function readable(ctx: ReviewsContext, r: LegalReviewRow | null): LegalReviewRow | null {
  if (r && !canRead(ctx.caller, r.agencyId)) throw forbidden('无权查看该法制审核');
  return r;
}

export const resolvers: Resolvers = {
  ...scalarResolvers,
  Query: {
    legalReview: async (_, { id }, ctx) => readable(ctx, await ctx.loaders.review.load(id)),
    reviews: (_, { filter, first, after }, ctx) =>
      connection(
        ctx,
        { agencyId: filter?.agencyId, status: filter?.status, reviewerId: filter?.reviewerId, overdueOn: filter?.overdue ? ctx.today() : null },
        { first, after },
      ),
    reviewClearance: async (_, { caseId, proposalId, contentHash }, ctx) => {
      if (ctx.caller.role !== 'SERVICE') throw forbidden('仅供子服务调用');
      const hit = await ctx.repo.approvedRound(caseId, proposalId, contentHash);
      if (!hit) {
        return {
          approved: false,
          reviewId: null,
          roundNo: null,
          reviewerId: null,
          approvedAt: null,
          reason: '没有针对该决定建议（内容哈希一致）的“同意”审核意见',
        };
      }
      return {
        approved: true,
        reviewId: hit.review.id,
        roundNo: hit.round.roundNo,
        reviewerId: hit.round.reviewerId,
        approvedAt: hit.round.concludedAt,
        reason: null,
      };
    },
  },
  Mutation: {
    submitForReview: (_, { input }, ctx) => ctx.service.submit(ctx.caller, input, ctx.requestId),
    assignReviewer: (_, { input }, ctx) => ctx.service.assign(ctx.caller, input, ctx.requestId),
    recordReviewOpinion: (_, { reviewId, input }, ctx) => ctx.service.recordOpinion(ctx.caller, reviewId, input, ctx.requestId),
    applyHolidayArrangement: async (_, { input }, ctx) => {
      const { loadedBy, ...arrangement } = input;
      const changed = await ctx.service.applyHolidayArrangement(ctx.caller, { ...arrangement, source: arrangement.source ?? undefined }, loadedBy);
      return changed.map((n) => ({
        caseId: n.caseId,
        reviewId: n.reviewId,
        roundNo: n.roundNo,
        countedFrom: n.countedFrom,
        workingDays: n.workingDays,
        previousDueOn: n.dueOn,
        dueOn: n.to.date,
        confirmed: n.to.confirmed,
      }));
    },
  },
  LegalReview: {
    __resolveReference: async (ref, ctx) => readable(ctx, await ctx.loaders.review.load(ref.id)),
    case: (r) => ({ id: r.caseId }),
    status: (r) => r.status as never,
    rounds: (r, _, ctx) => ctx.loaders.rounds.load(r.id),
    currentRound: async (r, _, ctx) => (await ctx.loaders.rounds.load(r.id)).at(-1)!,
  },
  ReviewRound: {
    reviewer: (r) => (r.reviewerId ? { id: r.reviewerId } : null),
    overdue: (r, _, ctx) => (r.concludedOn ? r.concludedOn > r.dueOn : ctx.today() > r.dueOn),
    conclusion: (r) => (r.conclusion as never) ?? null,
  },
  Case: {
    __resolveReference: (ref) => ({ id: ref.id }),
    legalReviews: async (c, _, ctx) => (await ctx.loaders.byCase.load(c.id)).filter((r) => readable(ctx, r)),
    reviewStatus: async (c, _, ctx) => {
      const r = (await ctx.loaders.byCase.load(c.id))[0];
      return (readable(ctx, r ?? null)?.status as never) ?? 'NOT_SUBMITTED';
    },
  },
  Officer: {
    __resolveReference: (ref) => ({ id: ref.id }),
    reviews: (o, { first, after }, ctx) => connection(ctx, { reviewerId: o.id }, { first, after }),
  },
  LegalReviewConnection: { totalCount: (c) => c.totalCount() },
};
