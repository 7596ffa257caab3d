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

export interface CredentialFacts {
  credentialStatus: CredentialStatus;
  validFrom: string;
  validUntil: string;
  enforcementAreas: string[];
  /** The dated status history; when present it, not today's status, decides validity on a past date (R2). */
  credentialHistory?: readonly CredentialStatusChange[] | null;
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

/** Was this credential valid for this enforcement area on this date (R2, checked against its dated history)? */
export function credentialValidOn(o: CredentialFacts, date: string, area?: string | null): { valid: boolean; reason: string | null } {
  const status = credentialStatusOn(o, date);
  if (status !== 'VALID') return { valid: false, reason: STATUS_REASON[status] };
  if (date < o.validFrom) return { valid: false, reason: `执法证自 ${o.validFrom} 起有效，${date} 尚未生效` };
  if (date > o.validUntil) return { valid: false, reason: `执法证有效期至 ${o.validUntil}，${date} 已过期` };
  if (area && !o.enforcementAreas.includes(area)) {
    return { valid: false, reason: `执法证的执法类别（${o.enforcementAreas.join('、') || '无'}）不含“${area}”` };
  }
  return { valid: true, reason: null };
}
