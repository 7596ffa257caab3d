import { inArray } from 'drizzle-orm';
import { AppError } from '../../kernel/errors.js';
import { entryMacOk, hashOfEntry } from '../../kernel/records/chain.js';
import { cachedMacKeysForVerify } from '../../kernel/records/keys.js';
import type { Logger } from '../../kernel/logger.js';
import type { Orm } from '../../kernel/records/log.js';
import { recordEntries, type ReviewRoundRow } from './db/schema.js';
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
