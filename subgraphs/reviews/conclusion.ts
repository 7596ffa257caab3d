import { loadConfig } from '../../kernel/config.js';
import { countersign, verifyCountersigned, type Countersigned } from '../../kernel/records/countersign.js';
import { loadSigningKey, type SigningKey } from '../../kernel/records/signing.js';
import type { DossierRecord } from './domain/rules.js';
import type { ReviewConclusion, ReviewFinding } from './domain/types.js';

/**
 * The reviewer's conclusion as `reviews` states it to the case log (issue 25): signed with the reviews service's own
 * Ed25519 key (kernel/records/countersign.ts) and recorded verbatim in the case's REVIEW_OPINION entry. The case log
 * is the authoritative home of the act: the decision gate reads only that verified, countersigned entry, and
 * `reviews` follows what the case log holds when the two ever differ (a retry after a lost reply).
 */
export const REVIEW_CONCLUDED = 'REVIEW_CONCLUDED';

export interface ReviewConcludedFact {
  kind: typeof REVIEW_CONCLUDED;
  caseId: string;
  reviewId: string;
  roundNo: number;
  proposalId: string;
  contentHash: string;
  conclusion: ReviewConclusion;
  reviewerId: string;
  /** R7 facts of the reviewer at the moment of concluding (read from powers then). */
  reviewer: { qualified: boolean; firstTime: boolean; hasCertificate: boolean };
  findings: ReviewFinding[];
  opinion: string;
  requiredCorrections: string[] | null;
  concludedAt: string;
  concludedOn: string;
}

let cached: { dir: string; key: SigningKey } | null = null;
/** The reviews signing key (created on first use in the key dir, with its public half beside it for `cases`). */
export function reviewsSigningKey(keyDir: string = loadConfig().keyDir): SigningKey {
  if (cached?.dir !== keyDir) cached = { dir: keyDir, key: loadSigningKey(keyDir, process.env, 'reviews') };
  return cached.key;
}

export const signConclusion = (fact: ReviewConcludedFact, keyDir?: string): Countersigned => countersign(reviewsSigningKey(keyDir), { ...fact });

/** The conclusion the case log already holds for this round (statement verified with our own key), or null. */
export function loggedConclusion(records: readonly DossierRecord[], reviewId: string, roundNo: number, keyDir?: string): ReviewConcludedFact | null {
  const key = reviewsSigningKey(keyDir);
  for (const r of records) {
    if (r.kind !== 'REVIEW_OPINION' || !r.payload) continue;
    let p: { reviewId?: string; roundNo?: number; countersigned?: Countersigned };
    try {
      p = JSON.parse(r.payload) as typeof p;
    } catch {
      continue;
    }
    if (p.reviewId !== reviewId || p.roundNo !== roundNo) continue;
    const fact = verifyCountersigned<ReviewConcludedFact>(p.countersigned, new Map([[key.keyId, key.publicKey]]));
    if (fact && fact.kind === REVIEW_CONCLUDED && fact.reviewId === reviewId && fact.roundNo === roundNo) return fact;
  }
  return null;
}
