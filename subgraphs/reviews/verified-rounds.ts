import { eq, inArray } from 'drizzle-orm';
import { AppError } from '../../kernel/errors.js';
import { entryMacOk, hashOfEntry } from '../../kernel/records/chain.js';
import { cachedMacKeysForVerify } from '../../kernel/records/keys.js';
import type { Logger } from '../../kernel/logger.js';
import type { Orm } from '../../kernel/records/log.js';
import { legalReviews, recordEntries, reviewRounds, type ReviewRoundRow } from './db/schema.js';
import { projectRounds, REVIEWS_LOG, roundMismatch } from './records.js';

/**
 * The reviews API from verified facts (issue 25): a review's rounds (reviewer, conclusion, opinion, the nine findings)
 * are served only when each row agrees with what the reviews log's authenticated entries say (hash and MAC under the
 * reviews key; records.ts roundMismatch, the check of verify-records). A rewritten opinion is refused with the field
 * named and the integrity alarm, instead of being shown. One statement per request for every case of a page.
 */
export type RoundCheck = (rounds: readonly ReviewRoundRow[], caseIdOf: (reviewId: string) => string | undefined) => Promise<Map<string, AppError>>;

export function createRoundCheck(orm: Orm, keyDir: string, log: Logger): RoundCheck {
  return async (rounds, caseIdOf) => {
    const faults = new Map<string, AppError>();
    const caseIds = [...new Set(rounds.map((r) => caseIdOf(r.reviewId)).filter((c): c is string => !!c))];
    if (!caseIds.length) return faults;
    const entries = await orm.select().from(recordEntries).where(inArray(recordEntries.caseId, caseIds));
    const keys = cachedMacKeysForVerify(keyDir, REVIEWS_LOG.service);
    const authentic = entries.filter((e) => hashOfEntry(e) === e.hash && entryMacOk(e, keys)).sort((a, b) => a.caseSeq - b.caseSeq);
    const byCase = new Map(caseIds.map((c) => [c, projectRounds(authentic.filter((e) => e.caseId === c))]));
    for (const r of rounds) {
      if (faults.has(r.reviewId)) continue;
      const caseId = caseIdOf(r.reviewId);
      const m = roundMismatch(r, caseId ? byCase.get(caseId)?.get(`${r.reviewId}#${r.roundNo}`) : undefined);
      if (!m) continue;
      log.error({ integrityAlarm: { kind: 'REVIEW_ROUND', caseId, reviewId: r.reviewId, problem: m.field, message: m.message } }, 'reviews integrity alarm');
      faults.set(
        r.reviewId,
        new AppError('INVALID_STATE', `当前状态不允许此操作：法制审核记录未通过完整性校验，暂不显示：${m.message}`, {
          integrity: 'PROJECTION_MISMATCH',
          field: m.field,
          reviewId: r.reviewId,
        }),
      );
    }
    return faults;
  };
}

/**
 * The reviews CSV exports (statistics-export.ts) under the same rule (issue 25): every exported round must agree
 * with the verified reviews log before anything is written. Two statements whatever the number of rows (the rounds
 * in full with their cases, then the cases' log entries in createRoundCheck). A round that disagrees refuses the
 * whole export (409, INVALID_STATE naming the review and the field) and raises the integrity alarm: a partial CSV
 * would silently change the indicator it documents.
 */
export function createExportRowsCheck(orm: Orm, checkRounds: RoundCheck) {
  return async (rows: readonly { review_id: string; round_no: number }[]): Promise<AppError | null> => {
    const ids = [...new Set(rows.map((r) => r.review_id))];
    if (!ids.length) return null;
    const wanted = new Set(rows.map((r) => `${r.review_id}#${r.round_no}`));
    const found = await orm
      .select({ round: reviewRounds, caseId: legalReviews.caseId })
      .from(reviewRounds)
      .innerJoin(legalReviews, eq(legalReviews.id, reviewRounds.reviewId))
      .where(inArray(reviewRounds.reviewId, ids));
    const caseOf = new Map(found.map((f) => [f.round.reviewId, f.caseId]));
    const faults = await checkRounds(
      found.map((f) => f.round).filter((r) => wanted.has(`${r.reviewId}#${r.roundNo}`)),
      (id) => caseOf.get(id),
    );
    return faults.values().next().value ?? null;
  };
}
