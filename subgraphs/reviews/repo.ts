import type { Clock } from '../../kernel/clock.js';
import { and, asc, count, desc, eq, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../kernel/db.js';
import { conflict, notFound } from '../../kernel/errors.js';
import type { Page } from '../../kernel/pagination.js';
import { calendarYears, legalReviews, reviewRounds, type CalendarYearRow, type LegalReviewRow, type ReviewRoundRow, type schema } from './db/schema.js';

export type ReviewsDb = Db<typeof schema>;
export type ReviewsTx = Parameters<Parameters<ReviewsDb['orm']['transaction']>[0]>[0];

export interface ReviewListFilter {
  agencyId?: string | null;
  status?: string | null;
  reviewerId?: string | null;
  overdueOn?: string | null;
}

function conditions(f: ReviewListFilter): SQL[] {
  const c: SQL[] = [];
  if (f.agencyId) c.push(eq(legalReviews.agencyId, f.agencyId));
  if (f.status) c.push(eq(legalReviews.status, f.status));
  if (f.reviewerId) c.push(eq(legalReviews.reviewerId, f.reviewerId));
  if (f.overdueOn) c.push(sql`${legalReviews.status} IN ('AWAITING_ASSIGNMENT', 'IN_REVIEW') AND ${legalReviews.dueOn} < ${f.overdueOn}`);
  return c;
}

export function createReviewsRepo(db: ReviewsDb, clock: Clock) {
  const orm = db.orm;
  return {
    orm,
    reviewsByIds: (ids: readonly string[]) =>
      orm
        .select()
        .from(legalReviews)
        .where(inArray(legalReviews.id, [...ids])),
    reviewsByCaseIds: (ids: readonly string[]) =>
      orm
        .select()
        .from(legalReviews)
        .where(inArray(legalReviews.caseId, [...ids])),
    roundsByReviewIds: (ids: readonly string[]) =>
      orm
        .select()
        .from(reviewRounds)
        .where(inArray(reviewRounds.reviewId, [...ids]))
        .orderBy(asc(reviewRounds.reviewId), asc(reviewRounds.roundNo)),
    async listReviews(f: ReviewListFilter, page: Page<[string]>) {
      const c = conditions(f);
      if (page.after) c.push(lt(legalReviews.id, page.after[0]));
      return orm
        .select()
        .from(legalReviews)
        .where(and(...c))
        .orderBy(desc(legalReviews.id))
        .limit(page.limit + 1);
    },
    countReviews: async (f: ReviewListFilter) =>
      (
        await orm
          .select({ n: count() })
          .from(legalReviews)
          .where(and(...conditions(f)))
      )[0]?.n ?? 0,
    /** The round that approved exactly this content, if any (the gate's question). */
    approvedRound: async (caseId: string, proposalId: string, contentHash: string) =>
      (
        await orm
          .select({ round: reviewRounds, review: legalReviews })
          .from(reviewRounds)
          .innerJoin(legalReviews, eq(legalReviews.id, reviewRounds.reviewId))
          .where(
            and(
              eq(legalReviews.caseId, caseId),
              eq(reviewRounds.proposalId, proposalId),
              eq(reviewRounds.proposalHash, contentHash),
              eq(reviewRounds.conclusion, 'APPROVED'),
            ),
          )
          .limit(1)
      )[0] ?? null,

    async lockByCase(tx: ReviewsTx, caseId: string): Promise<LegalReviewRow | null> {
      return (await tx.select().from(legalReviews).where(eq(legalReviews.caseId, caseId)).for('update'))[0] ?? null;
    },
    async lockReview(tx: ReviewsTx, id: string, expectedVersion?: number): Promise<{ review: LegalReviewRow; rounds: ReviewRoundRow[] }> {
      const review = (await tx.select().from(legalReviews).where(eq(legalReviews.id, id)).for('update'))[0];
      if (!review) throw notFound('法制审核', id);
      if (expectedVersion !== undefined && review.version !== expectedVersion) {
        throw conflict(`法制审核已被他人更新（当前版本 ${review.version}，提交的版本 ${expectedVersion}），请刷新后重试`, { currentVersion: review.version });
      }
      const rounds = await tx.select().from(reviewRounds).where(eq(reviewRounds.reviewId, id)).orderBy(asc(reviewRounds.roundNo));
      return { review, rounds };
    },
    insertReview: (tx: ReviewsTx, row: LegalReviewRow) => tx.insert(legalReviews).values(row),
    insertRound: (tx: ReviewsTx, row: ReviewRoundRow) => tx.insert(reviewRounds).values(row),
    async updateReview(tx: ReviewsTx, row: LegalReviewRow, patch: Partial<LegalReviewRow>): Promise<LegalReviewRow> {
      const next = { ...row, ...patch, version: row.version + 1, updatedAt: clock.now() };
      await tx
        .update(legalReviews)
        .set({ ...patch, version: next.version, updatedAt: next.updatedAt })
        .where(and(eq(legalReviews.id, row.id), eq(legalReviews.version, row.version)));
      return next;
    },
    /** Conditional on no conclusion yet: an opinion is recorded once (the trigger backs this up). */
    /** R12 (issue 26, part D): the arrangements this service applied, oldest year first. */
    calendarYears: () => db.orm.select().from(calendarYears).orderBy(asc(calendarYears.year)),

    /** The stored arrangement of a year, locked (a gap lock when absent): loadings of one year run one after another. */
    async lockCalendarYear(tx: ReviewsTx, year: number): Promise<CalendarYearRow | null> {
      const [row] = await tx.select().from(calendarYears).where(eq(calendarYears.year, year)).for('update');
      return row ?? null;
    },

    upsertCalendarYear: (tx: ReviewsTx, row: CalendarYearRow) =>
      tx
        .insert(calendarYears)
        .values(row)
        .onDuplicateKeyUpdate({ set: { arrangement: row.arrangement, loadedBy: row.loadedBy, loadedAt: row.loadedAt } }),

    /**
     * The open rounds (no opinion yet) whose due date may have been counted over `year`: due on or after its first day
     * and submitted on or before its last. One statement whatever the number of rounds; locked for the recount.
     */
    lockOpenRoundsTouching: (tx: ReviewsTx, year: number) =>
      tx
        .select()
        .from(reviewRounds)
        .where(and(sql`${reviewRounds.conclusion} IS NULL`, gte(reviewRounds.dueOn, `${year}-01-01`), lte(reviewRounds.submittedOn, `${year}-12-31`)))
        .orderBy(asc(reviewRounds.id))
        .for('update'),

    /** The reviews of the given ids, locked (the denormalised due date of the current round follows a recount). */
    lockReviewsByIds: (tx: ReviewsTx, ids: readonly string[]) =>
      ids.length
        ? tx
            .select()
            .from(legalReviews)
            .where(inArray(legalReviews.id, [...ids]))
            .orderBy(asc(legalReviews.id))
            .for('update')
        : Promise.resolve([]),

    async updateRound(tx: ReviewsTx, round: ReviewRoundRow, patch: Partial<ReviewRoundRow>): Promise<void> {
      const res = await tx
        .update(reviewRounds)
        .set(patch)
        .where(and(eq(reviewRounds.id, round.id), sql`${reviewRounds.conclusion} IS NULL`));
      if (res[0].affectedRows !== 1) throw conflict('本轮审核意见已记录，不能更改');
    },
  };
}

export type ReviewsRepo = ReturnType<typeof createReviewsRepo>;
export type { LegalReviewRow, ReviewRoundRow };
