// The review conclusion as the case log holds it (issue 25): the reviews service's countersigned REVIEW_CONCLUDED
// statement, verified with the reviews public key only (cases cannot make one up), bound to the proposal's content hash.
// Enforces R6 / 行政处罚法 Art. 58: the gate (decision.ts) decides on this verified entry, never on a reviews table row.
// R7 / Art. 58(2): the reviewer's qualification at the moment of concluding is part of the signed statement.
import type { KeyObject } from 'node:crypto';
import { verifyCountersigned, type Countersigned } from '../../../kernel/records/countersign.js';
import { cachedKeys } from '../../../kernel/records/keys.js';
import { loadPeerPublicKeys } from '../../../kernel/records/signing.js';
import type { RecordEntryRow } from '../db/schema.js';
import { parsePayload } from '../domain/entries.js';
import type { ActDeps } from './deps.js';

export interface ReviewOutcomeArgs {
  caseId: string;
  reviewId: string;
  roundNo: number;
  proposalId: string;
  contentHash: string;
  conclusion: string;
  reviewerId: string;
  statement: string;
  keyId: string;
  signature: string;
}

/** What reviews signs (subgraphs/reviews/conclusion.ts ReviewConcludedFact), as far as the gate reads it. */
export interface StatedConclusion {
  kind: 'REVIEW_CONCLUDED';
  caseId: string;
  reviewId: string;
  roundNo: number;
  proposalId: string;
  contentHash: string;
  conclusion: string;
  reviewerId: string;
  reviewer: { qualified: boolean; firstTime: boolean; hasCertificate: boolean };
  concludedAt: string;
}

/** The reviews public key (its `.pub.pem` in the key dir), through the one key cache (kernel/records/keys.ts). */
const reviewsPublicKeys = (keyDir: string): Map<string, KeyObject> => cachedKeys(`peer:reviews:${keyDir}`, () => loadPeerPublicKeys(keyDir, 'reviews'));

export function verifiedConclusion(d: Pick<ActDeps, 'integrity'>, c: Partial<Countersigned> | null | undefined): StatedConclusion | null {
  const fact = verifyCountersigned<StatedConclusion>(c, reviewsPublicKeys(d.integrity.keyDir));
  return fact && fact.kind === 'REVIEW_CONCLUDED' ? fact : null;
}

/** The first field where the call's facts and the signed statement differ, or null. */
export function conclusionMismatch(s: StatedConclusion, a: Omit<ReviewOutcomeArgs, 'statement' | 'keyId' | 'signature'>): string | null {
  for (const k of ['caseId', 'reviewId', 'roundNo', 'proposalId', 'contentHash', 'conclusion', 'reviewerId'] as const) {
    if (s[k] !== a[k]) return k;
  }
  return null;
}

export type LoggedReview =
  { approved: true; reviewId: string; roundNo: number; reviewerId: string; approvedAt: string } | { approved: false; reason: string; problem?: string };

/**
 * R6 from the verified case log only: the last REVIEW_OPINION entry for this proposal must carry a countersigned
 * statement that verifies, agrees with the entry, is APPROVED for exactly `contentHash` by a reviewer qualified at
 * that moment, and no round of this proposal was ever concluded otherwise.
 */
export function loggedReviewClearance(
  d: Pick<ActDeps, 'integrity'>,
  entries: readonly RecordEntryRow[],
  caseId: string,
  proposalId: string,
  contentHash: string,
): LoggedReview {
  const opinions = entries.filter((e) => e.kind === 'REVIEW_OPINION' && parsePayload<{ proposalId?: string }>(e).proposalId === proposalId);
  const last = opinions.at(-1);
  if (!last) return { approved: false, reason: '案件记录中没有该决定建议的法制审核结论' };
  const byRound = new Map<string, string>();
  let stated: StatedConclusion | null = null;
  for (const e of opinions) {
    const p = parsePayload<ReviewOutcomeArgs & { countersigned?: Countersigned }>(e);
    const s = verifiedConclusion(d, p.countersigned);
    if (!s) return { approved: false, reason: `第 ${p.roundNo} 轮审核结论没有有效的审核服务签名`, problem: 'signature' };
    const m = conclusionMismatch(s, p) ?? (s.caseId !== caseId ? 'caseId' : null);
    if (m) return { approved: false, reason: `第 ${p.roundNo} 轮审核结论的记录与签名陈述不符（${m}）`, problem: m };
    // One round, one conclusion: a round recorded twice differently is never an approval (issue 25's pause).
    const round = `${s.reviewId}#${s.roundNo}`;
    const before = byRound.get(round);
    if (before && before !== s.conclusion)
      return { approved: false, reason: `第 ${s.roundNo} 轮审核结论被记录为 ${before} 与 ${s.conclusion}`, problem: 'conclusion' };
    byRound.set(round, s.conclusion);
    stated = s;
  }
  const s = stated!;
  if (s.conclusion !== 'APPROVED') return { approved: false, reason: `最近一轮（第 ${s.roundNo} 轮）审核结论为存在问题（ISSUES_FOUND）` };
  if (s.contentHash !== contentHash) return { approved: false, reason: '审核通过的内容与现在的决定建议不同（内容哈希不符）', problem: 'contentHash' };
  if (!s.reviewer.qualified || (s.reviewer.firstTime && !s.reviewer.hasCertificate)) {
    return { approved: false, reason: '作出审核结论时审核人员不具备审核资格（R7，行政处罚法第五十八条第二款）', problem: 'reviewer' };
  }
  return { approved: true, reviewId: s.reviewId, roundNo: s.roundNo, reviewerId: s.reviewerId, approvedAt: s.concludedAt };
}
