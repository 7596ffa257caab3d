import { eq } from 'drizzle-orm';
import type { VerifyResult } from '../../kernel/records/chain.js';
import { canonicalJson } from '../../kernel/records/chain.js';
import { verifyLog, type Executor, type Orm, type RecordKeyOptions } from '../../kernel/records/log.js';
import { legalReviews, reviewRounds, type RecordEntryRow, type ReviewRoundRow } from './db/schema.js';

/**
 * The reviews log (issue 25): kernel/records' log in the reviews database with the reviews keys. Every round
 * (ROUND_SUBMITTED), assignment (REVIEWER_ASSIGNED) and opinion with its nine findings (OPINION_RECORDED) is
 * appended in the transaction that writes the row; `verifyReviewRecords` verifies the chains and then every round
 * row against what its entries say (a flipped conclusion, a rewritten opinion, a round without its entry, a round
 * re-bound to another proposal).
 */
export const REVIEWS_LOG = { service: 'reviews' } as const;

export function verifyReviewRecords(orm: Orm, opts: Omit<RecordKeyOptions, 'service'> & { caseId?: string }): Promise<VerifyResult> {
  return verifyLog(orm, { ...opts, ...REVIEWS_LOG }, reviewsProjection);
}

interface LoggedRound {
  roundNo: number;
  proposalId: string;
  proposalHash: string;
  reviewerId: string | null;
  conclusion: string | null;
  opinion: string | null;
  findings: unknown;
  requiredCorrections: unknown;
}

/** Each round as its entries describe it, by round id (reviewId#roundNo when the entry predates round ids). */
export function projectRounds(entries: readonly RecordEntryRow[]): Map<string, LoggedRound> {
  const out = new Map<string, LoggedRound>();
  for (const e of entries) {
    const p = JSON.parse(e.payload) as Record<string, unknown>;
    const key = `${String(p.reviewId)}#${Number(p.roundNo)}`;
    if (e.kind === 'ROUND_SUBMITTED') {
      out.set(key, {
        roundNo: Number(p.roundNo),
        proposalId: String(p.proposalId),
        proposalHash: String(p.proposalHash),
        reviewerId: (p.reviewerId as string | null) ?? null,
        conclusion: null,
        opinion: null,
        findings: null,
        requiredCorrections: null,
      });
    }
    const r = out.get(key);
    if (!r) continue;
    if (e.kind === 'REVIEWER_ASSIGNED') r.reviewerId = String(p.reviewerId);
    if (e.kind === 'OPINION_RECORDED') {
      r.conclusion = String(p.conclusion);
      r.opinion = String(p.opinion);
      r.findings = p.findings;
      r.requiredCorrections = p.requiredCorrections ?? null;
    }
  }
  return out;
}

/** The first field of a round row that differs from its entries, or null. */
export function roundMismatch(row: ReviewRoundRow, logged: LoggedRound | undefined): { field: string; message: string } | null {
  const where = `审核 ${row.reviewId} 第 ${row.roundNo} 轮`;
  if (!logged) return { field: 'round', message: `${where}在审核记录中没有送审记录：该轮不是由本系统写入（伪造）` };
  const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);
  const fields: [string, unknown, unknown][] = [
    ['proposalId', row.proposalId, logged.proposalId],
    ['proposalHash', row.proposalHash, logged.proposalHash],
    ['reviewerId', row.reviewerId, logged.reviewerId],
    ['conclusion', row.conclusion, logged.conclusion],
    ['opinion', row.opinion, logged.opinion],
    ['findings', row.findings, logged.findings],
    ['requiredCorrections', row.requiredCorrections, logged.requiredCorrections],
  ];
  for (const [field, rowValue, loggedValue] of fields) {
    if (!same(rowValue, loggedValue)) return { field, message: `${where}的 ${field} 与审核记录不符：审核数据被改写` };
  }
  return null;
}

async function reviewsProjection(db: Executor, result: VerifyResult, byCase: Map<string, RecordEntryRow[]>, caseId?: string): Promise<VerifyResult> {
  const rounds =
    caseId === undefined
      ? await db
          .select({ round: reviewRounds, caseId: legalReviews.caseId })
          .from(reviewRounds)
          .innerJoin(legalReviews, eq(legalReviews.id, reviewRounds.reviewId))
      : await db
          .select({ round: reviewRounds, caseId: legalReviews.caseId })
          .from(reviewRounds)
          .innerJoin(legalReviews, eq(legalReviews.id, reviewRounds.reviewId))
          .where(eq(legalReviews.caseId, caseId));
  const projected = new Map<string, Map<string, LoggedRound>>();
  for (const { round, caseId: c } of rounds) {
    if (!projected.has(c)) projected.set(c, projectRounds(byCase.get(c) ?? []));
    const m = roundMismatch(round, projected.get(c)!.get(`${round.reviewId}#${round.roundNo}`));
    if (m) return { ...result, ok: false, firstBad: { caseId: c, problem: 'PROJECTION_MISMATCH', field: m.field, message: m.message } };
  }
  // A logged round whose row is gone.
  const have = new Set(rounds.map(({ round }) => `${round.reviewId}#${round.roundNo}`));
  for (const [c, entries] of byCase) {
    for (const key of (projected.get(c) ?? projectRounds(entries)).keys()) {
      if (!have.has(key)) {
        return {
          ...result,
          ok: false,
          firstBad: { caseId: c, problem: 'PROJECTION_MISMATCH', field: 'round', message: `审核记录中的 ${key} 轮在审核数据中不存在：审核数据被删除` },
        };
      }
    }
  }
  return result;
}

export type { Orm };
