import type { CredentialStatus } from './types.js';

const STATUS_REASON: Record<Exclude<CredentialStatus, 'VALID'>, string> = {
  SUSPENDED: '执法证已暂扣',
  REVOKED: '执法证已吊销',
  EXPIRED: '执法证已过期',
};

export interface CredentialFacts {
  credentialStatus: CredentialStatus;
  validFrom: string;
  validUntil: string;
  enforcementAreas: string[];
}

/**
 * Was this credential valid for this enforcement area on this date (R2)? Status is the current
 * status: a suspension or revocation is treated as covering every date, since the directory keeps no
 * history of when it started (the cautious reading).
 */
export function credentialValidOn(o: CredentialFacts, date: string, area?: string | null): { valid: boolean; reason: string | null } {
  if (o.credentialStatus !== 'VALID') return { valid: false, reason: STATUS_REASON[o.credentialStatus] };
  if (date < o.validFrom) return { valid: false, reason: `执法证自 ${o.validFrom} 起有效，${date} 尚未生效` };
  if (date > o.validUntil) return { valid: false, reason: `执法证有效期至 ${o.validUntil}，${date} 已过期` };
  if (area && !o.enforcementAreas.includes(area)) {
    return { valid: false, reason: `执法证的执法类别（${o.enforcementAreas.join('、') || '无'}）不含“${area}”` };
  }
  return { valid: true, reason: null };
}
