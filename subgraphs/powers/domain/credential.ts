import type { CredentialStatus } from './types.js';

const STATUS_REASON: Record<Exclude<CredentialStatus, 'VALID'>, string> = {
  SUSPENDED: '执法证已暂扣',
  REVOKED: '执法证已吊销',
  EXPIRED: '执法证已过期',
};

/** One dated entry of a credential's status history (issued, suspended, reinstated, revoked …). */
export interface CredentialStatusChange {
  status: CredentialStatus;
  /** The first day the status applies (Beijing date). */
  effectiveFrom: string;
}

/** One dated entry of a credential's terms: the validity period and enforcement areas in force from a date (R2). */
export interface CredentialTermsChange {
  /** The first day these terms apply (Beijing date). */
  effectiveFrom: string;
  validFrom: string;
  validUntil: string;
  enforcementAreas: string[];
}

export interface CredentialFacts {
  credentialStatus: CredentialStatus;
  validFrom: string;
  validUntil: string;
  enforcementAreas: string[];
  /** The dated status history; when present it, not today's status, decides validity on a past date (R2). */
  credentialHistory?: readonly CredentialStatusChange[] | null;
  /** The dated history of the terms; when present it, not today's terms, decides validity on a past date (R2). */
  credentialTermsHistory?: readonly CredentialTermsChange[] | null;
}

/**
 * The terms (validity period, enforcement areas) in force on a date: the latest history entry effective on or before
 * it; before the first entry, the first (the terms as issued: a date before its validFrom is invalid anyway). Without
 * a history (officers registered before terms were dated) today's terms are taken for every date.
 */
export function credentialTermsOn(o: CredentialFacts, date: string): Pick<CredentialTermsChange, 'validFrom' | 'validUntil' | 'enforcementAreas'> {
  const history = o.credentialTermsHistory;
  if (!history?.length) return { validFrom: o.validFrom, validUntil: o.validUntil, enforcementAreas: o.enforcementAreas };
  const sorted = [...history].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  let terms = sorted[0]!;
  for (const h of sorted) if (h.effectiveFrom <= date) terms = h;
  return { validFrom: terms.validFrom, validUntil: terms.validUntil, enforcementAreas: terms.enforcementAreas };
}

/**
 * The status in force on a date: the latest history entry effective on or before it. Without a history
 * (rows from before histories were kept) the current status is taken to cover every date, the cautious reading.
 */
export function credentialStatusOn(o: CredentialFacts, date: string): CredentialStatus {
  const history = o.credentialHistory;
  if (!history?.length) return o.credentialStatus;
  const sorted = [...history].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  let status: CredentialStatus = sorted[0]!.status;
  for (const h of sorted) if (h.effectiveFrom <= date) status = h.status;
  return status;
}

/** Was this credential valid for this enforcement area on this date (R2, checked against its dated histories)? */
export function credentialValidOn(o: CredentialFacts, date: string, area?: string | null): { valid: boolean; reason: string | null } {
  const status = credentialStatusOn(o, date);
  if (status !== 'VALID') return { valid: false, reason: STATUS_REASON[status] };
  const terms = credentialTermsOn(o, date);
  if (date < terms.validFrom) return { valid: false, reason: `执法证自 ${terms.validFrom} 起有效，${date} 尚未生效` };
  if (date > terms.validUntil) return { valid: false, reason: `执法证有效期至 ${terms.validUntil}，${date} 已过期` };
  if (area && !terms.enforcementAreas.includes(area)) {
    return { valid: false, reason: `${date} 有效的执法类别（${terms.enforcementAreas.join('、') || '无'}）不含“${area}”` };
  }
  return { valid: true, reason: null };
}
