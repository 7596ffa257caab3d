import { isBusinessDate } from '../../kernel/clock.js';
import { badInput } from '../../kernel/errors.js';
import type { OfficerRow } from './db/schema.js';
import { parseEnforcementAreas } from './domain/validate.js';
import type { TermsChange } from './repo.js';

/**
 * R2 (issue 26): a change of the validity period or the enforcement areas is a dated entry of the terms history,
 * effective today unless stated; stating an earlier day needs a reason (it changes what earlier acts are judged by).
 */
export function termsChange(
  input: {
    validFrom?: string | null;
    validUntil?: string | null;
    enforcementAreas?: string[] | null;
    termsEffectiveFrom?: string | null;
    termsReason?: string | null;
  },
  current: OfficerRow,
  today: string,
  recordedBy: string,
): TermsChange | undefined {
  const changed = input.validFrom != null || input.validUntil != null || input.enforcementAreas != null;
  if (!changed) {
    if (input.termsEffectiveFrom != null || input.termsReason != null) throw badInput('enforcementAreas', '只给出生效日期或原因而未变更有效期或执法类别');
    return undefined;
  }
  const effectiveFrom = input.termsEffectiveFrom ?? today;
  if (!isBusinessDate(effectiveFrom)) throw badInput('termsEffectiveFrom', '日期格式应为 YYYY-MM-DD');
  const reason = input.termsReason?.trim();
  if (effectiveFrom < today && !reason) throw badInput('termsReason', '有效期或执法类别的变更早于今天生效的，须说明原因（记入执法证历史）');
  return {
    effectiveFrom,
    validFrom: input.validFrom ?? current.validFrom,
    validUntil: input.validUntil ?? current.validUntil,
    enforcementAreas: input.enforcementAreas != null ? parseEnforcementAreas(input.enforcementAreas) : current.enforcementAreas,
    reason: reason || '变更执法证有效期或执法类别',
    recordedBy,
  };
}
