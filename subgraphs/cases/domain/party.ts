import { badInput } from '../../../kernel/errors.js';
import { isMinorOn, usccFitsPartyKind, validateResidentId, validateUscc } from '../../../kernel/identifiers.js';
import type { PartyRow } from '../repo.js';
import type { CaseType, PartyKind } from './types.js';
import { caseTypeZh } from './facts.js';

// The party of a case as filed, and the case number it is filed under: pure checks and formatting.

export interface PartyInput {
  kind: PartyKind;
  name: string;
  uscc?: string | null;
  residentIdNumber?: string | null;
  legalRepresentative?: string | null;
  address?: string | null;
  phone?: string | null;
  isMinor?: boolean | null;
}

/** The party's identifiers checked against its kind (§6 of DOMAIN.md); minority from the ID number on the filing date. */
export function parseParty(p: PartyInput, on: string): Omit<PartyRow, 'id' | 'createdAt'> {
  const name = p.name.trim();
  if (!name || name.length > 200) throw badInput('party.name', '当事人名称不能为空且不超过 200 个字符');
  let uscc: string | null = null;
  let residentId: string | null = null;
  if (p.kind === 'NATURAL_PERSON') {
    if (p.uscc) throw badInput('party.uscc', '自然人没有统一社会信用代码');
    if (!p.residentIdNumber) throw badInput('party.residentIdNumber', '自然人须提供居民身份证号码');
    const r = validateResidentId(p.residentIdNumber, on);
    if (!r.ok) throw badInput('party.residentIdNumber', r.reason);
    residentId = r.value;
  } else {
    if (!p.uscc) throw badInput('party.uscc', '法人、非法人组织和个体工商户须提供统一社会信用代码');
    const r = validateUscc(p.uscc);
    if (!r.ok) throw badInput('party.uscc', r.reason);
    if (!usccFitsPartyKind(r.value, p.kind)) {
      throw badInput(
        'party.uscc',
        p.kind === 'INDIVIDUAL_BUSINESS' ? '个体工商户的统一社会信用代码应以 92 开头' : '以 92 开头的代码属于个体工商户，与当事人类型不符',
      );
    }
    uscc = r.value;
    if (p.residentIdNumber) {
      const rid = validateResidentId(p.residentIdNumber, on);
      if (!rid.ok) throw badInput('party.residentIdNumber', rid.reason);
      residentId = rid.value;
    }
  }
  const isMinor = residentId && p.kind === 'NATURAL_PERSON' ? isMinorOn(residentId, on) : !!p.isMinor;
  const opt = (v: string | null | undefined, field: string, max: number) => {
    const t = v?.trim() || null;
    if (t && t.length > max) throw badInput(field, `不超过 ${max} 个字符`);
    return t;
  };
  return {
    kind: p.kind,
    name,
    uscc,
    residentId,
    legalRepresentative: opt(p.legalRepresentative, 'party.legalRepresentative', 100),
    address: opt(p.address, 'party.address', 300),
    phone: opt(p.phone, 'party.phone', 40),
    isMinor,
  };
}

export function formatCaseNumber(format: string, year: number, seq: number): string {
  return format.replace('{year}', String(year)).replace('{seq}', String(seq));
}

/** The number format of a case type: the agency's series for it; never the penalty series for anything else. */
export function numberFormatFor(
  policy: { caseNumberFormat: string; caseNumberFormats?: { caseType: CaseType; format: string }[] | null },
  caseType: CaseType,
): string {
  const own = policy.caseNumberFormats?.find((f) => f.caseType === caseType)?.format;
  if (own) return own;
  return caseType === 'PENALTY' ? policy.caseNumberFormat : `${caseTypeZh(caseType)}〔{year}〕{seq}号`;
}
