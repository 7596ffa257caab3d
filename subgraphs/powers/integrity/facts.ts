import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../kernel/records/chain.js';

// Issue 25, the powers log: what each entry states about a row (pure; no database). The gate's facts are read only
// when the row agrees with its latest authenticated entry.

export const POWERS_LOG_SERVICE = 'powers';
/** The stage column of every powers entry. */
export const POWERS_STAGE = 'POWERS';

export type PowersEntryKind = 'PUBLISHED' | 'RETIRED' | 'CREDENTIAL' | 'AGENCY';

export const digest = (value: unknown): string =>
  createHash('sha256')
    .update(canonicalJson(value ?? null), 'utf8')
    .digest('hex');

/** A published version of an ex-ante document (power item, benchmark, catalog rule, policy, entrustment …). */
export function docFact(row: { kind: string; code: string; versionNo: number; agencyId: string; content: unknown }) {
  return { kind: row.kind, code: row.code, versionNo: row.versionNo, agencyId: row.agencyId, contentHash: digest(row.content) };
}

/** An officer's credential as the rules read it (R2, R7): status, validity, areas, review qualification, history. */
export function credentialFact(
  o: {
    agencyId: string;
    credentialNumber: string;
    credentialStatus: string;
    validFrom: string;
    validUntil: string;
    enforcementAreas: string[];
    reviewQualified: boolean;
    legalProfessionCertificate: string | null;
    firstTimeReviewer: boolean;
  },
  history: readonly { status: string; effectiveFrom: string }[],
  terms: readonly CredentialTerms[],
) {
  return {
    agencyId: o.agencyId,
    credentialNumber: o.credentialNumber,
    credentialStatus: o.credentialStatus,
    validFrom: o.validFrom,
    validUntil: o.validUntil,
    enforcementAreas: [...o.enforcementAreas],
    reviewQualified: !!o.reviewQualified,
    legalProfessionCertificate: o.legalProfessionCertificate ?? null,
    firstTimeReviewer: !!o.firstTimeReviewer,
    historyHash: digest(
      history.map((h) => [h.status, h.effectiveFrom]).sort((a, b) => (a[1]! < b[1]! ? -1 : a[1]! > b[1]! ? 1 : a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0)),
    ),
    // R2 judges an act by the terms in force on its date (issue 26): the dated terms history is a fact of the gate too.
    termsHash: termsHash(terms),
  };
}

/** One dated entry of a credential's terms history (validity period and enforcement areas from a date). */
export interface CredentialTerms {
  effectiveFrom: string;
  validFrom: string;
  validUntil: string;
  enforcementAreas: readonly string[];
}

/** The terms history as a set: its order of insertion (or of rows read back) does not matter. */
export function termsHash(terms: readonly CredentialTerms[]): string {
  const rows = terms.map((t) => canonicalJson([t.effectiveFrom, t.validFrom, t.validUntil, [...t.enforcementAreas]]));
  return digest(rows.sort());
}

/** The agency's kind and the settings recorded at establishment (in force until a first version is published). */
export function agencyFact(a: { kind: string; policy: unknown; entrustment: unknown }) {
  return { kind: a.kind, policyHash: digest(a.policy), entrustmentHash: digest(a.entrustment ?? null) };
}

export interface LoggedEntry {
  kind: string;
  payload: string;
  /** True when the entry's hash and MAC verify under the powers key. */
  authentic: boolean;
  /** Every stored column of the entry (log.ts entryFingerprint): what a cached check must have seen byte for byte. */
  fingerprint?: string;
}

/**
 * The row against its stream's entries: null when they agree, else the problem (in Chinese, naming the fact).
 * `published` rows need an authentic PUBLISHED entry with the same content and no later RETIRED one.
 */
export function docDisagreement(row: Parameters<typeof docFact>[0] & { status: string; id: string }, entries: readonly LoggedEntry[]): string | null {
  if (entries.some((e) => !e.authentic)) return `事前公开信息 ${row.code} 第 ${row.versionNo} 版的记录未通过密钥校验（记录被改写或伪造）`;
  const published = entries.filter((e) => e.kind === 'PUBLISHED');
  if (!published.length) return `事前公开信息 ${row.code} 第 ${row.versionNo} 版没有公示记录（未经审核公示，或被直接写入数据库）`;
  if (canonicalJson(JSON.parse(published.at(-1)!.payload)) !== canonicalJson(docFact(row))) {
    return `事前公开信息 ${row.code} 第 ${row.versionNo} 版的内容与公示记录不符（公示后被改写）`;
  }
  const last = entries.filter((e) => e.kind === 'PUBLISHED' || e.kind === 'RETIRED').at(-1)!;
  if (row.status === 'PUBLISHED' && last.kind === 'RETIRED') return `事前公开信息 ${row.code} 第 ${row.versionNo} 版已废止，却标为现行公示`;
  return null;
}

/** The same for a row whose latest entry of `kind` must state exactly `fact`. */
export function factDisagreement(what: string, kind: PowersEntryKind, fact: unknown, entries: readonly LoggedEntry[]): string | null {
  if (entries.some((e) => !e.authentic)) return `${what}的记录未通过密钥校验（记录被改写或伪造）`;
  const last = entries.filter((e) => e.kind === kind).at(-1);
  if (!last) return `${what}没有记录（被直接写入数据库）`;
  if (canonicalJson(JSON.parse(last.payload)) !== canonicalJson(fact)) return `${what}与记录不符（被直接修改）`;
  return null;
}
