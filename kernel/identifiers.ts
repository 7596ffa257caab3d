/**
 * Identifier normalisation and validation (DOMAIN.md §6).
 *
 * Pure functions, no dependencies: used by every subgraph to reject bad identifiers at the edge with a
 * reason that can be shown to the officer as-is (hence Chinese reasons).
 */

export type IdentifierResult = { ok: true; value: string } | { ok: false; reason: string };

export type PartyKind = 'NATURAL_PERSON' | 'LEGAL_PERSON' | 'INDIVIDUAL_BUSINESS';

/**
 * Canonical form of a typed-in identifier. Officers paste numbers from Word/WeChat, which often carry
 * full-width characters, spaces and lowercase letters; all of those denote the same identifier.
 */
export function normalizeIdentifier(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .toUpperCase();
}

// ---------------------------------------------------------------------------------------------------
// 统一社会信用代码 (GB 32100-2015)
// ---------------------------------------------------------------------------------------------------

/** GB 32100-2015 charset: digits and capitals without I, O, S, V, Z (easily confused with 1, 0, 5, U, 2). */
const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weights are 3^i mod 31 for positions 1..17. */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/**
 * Check character for the first 17 characters of a USCC. Exported so demo/seed data can be generated
 * valid by construction instead of hard-coding real organisations' codes.
 * @throws RangeError if the input is not 17 characters of the USCC charset.
 */
export function usccCheckChar(first17: string): string {
  const s = normalizeIdentifier(first17);
  if (s.length !== 17) throw new RangeError('usccCheckChar expects exactly 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(s.charAt(i));
    if (v < 0) throw new RangeError(`usccCheckChar: character ${s.charAt(i)} is not in the USCC charset`);
    sum += v * USCC_WEIGHTS[i]!;
  }
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** Validates a 统一社会信用代码; on success `value` is the normalised code to store. */
export function validateUscc(raw: string): IdentifierResult {
  const s = normalizeIdentifier(raw);
  if (s.length === 0) return { ok: false, reason: '统一社会信用代码不能为空' };
  if (s.length !== 18) return { ok: false, reason: `统一社会信用代码应为18位，实际为${s.length}位` };
  for (const ch of s) {
    if (!USCC_CHARSET.includes(ch)) {
      const hint = 'IOSVZ'.includes(ch) ? '（不使用 I、O、S、V、Z）' : '';
      return { ok: false, reason: `统一社会信用代码含有非法字符“${ch}”${hint}` };
    }
  }
  if (!/^\d{6}$/.test(s.slice(2, 8))) {
    return { ok: false, reason: '统一社会信用代码第3至8位应为数字（登记管理机关行政区划码）' };
  }
  const expected = usccCheckChar(s.slice(0, 17));
  if (s.charAt(17) !== expected) {
    return { ok: false, reason: `统一社会信用代码校验位错误，应为 ${expected}` };
  }
  return { ok: true, value: s };
}

/**
 * Whether a USCC is plausible for the party kind, judged by its first two characters (registration
 * authority + entity type). `92` is 个体工商户 and only that; every other code (91 企业, 11/12/13/19
 * 机关/事业单位, 51/52/53 社会组织, 93 农民专业合作社, …) belongs to a legal person or other
 * organisation. A natural person has a resident ID, never a USCC. Does not validate the code itself —
 * call {@link validateUscc} for that.
 */
export function usccFitsPartyKind(uscc: string, kind: PartyKind): boolean {
  const s = normalizeIdentifier(uscc);
  if (s.length < 2) return false;
  const isIndividualBusiness = s.startsWith('92');
  switch (kind) {
    case 'NATURAL_PERSON':
      return false;
    case 'INDIVIDUAL_BUSINESS':
      return isIndividualBusiness;
    case 'LEGAL_PERSON':
      return !isIndividualBusiness;
  }
}

// ---------------------------------------------------------------------------------------------------
// 公民身份号码 (GB 11643-1999)
// ---------------------------------------------------------------------------------------------------

const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const RESIDENT_ID_CHECK = '10X98765432';

/**
 * Check character for the first 17 digits of a resident ID number. Exported so tests and demo data
 * can build valid numbers without using anybody's real ID.
 * @throws RangeError if the input is not 17 digits.
 */
export function residentIdCheckChar(first17: string): string {
  const s = normalizeIdentifier(first17);
  if (!/^\d{17}$/.test(s)) throw new RangeError('residentIdCheckChar expects exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(s.charAt(i)) * RESIDENT_ID_WEIGHTS[i]!;
  return RESIDENT_ID_CHECK.charAt(sum % 11);
}

/** True if y-m-d is a real Gregorian date (rejects e.g. 1999-02-30). */
function isRealDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * Validates a 18-digit resident ID number. The birth date must be a real date, not before 1900 and
 * not after `today` (a Beijing business date, 'YYYY-MM-DD', from the business clock). A lowercase `x`
 * check character is accepted and stored as `X`.
 */
export function validateResidentId(raw: string, today: string): IdentifierResult {
  const s = normalizeIdentifier(raw);
  if (s.length === 0) return { ok: false, reason: '身份证号码不能为空' };
  if (s.length !== 18) return { ok: false, reason: `身份证号码应为18位，实际为${s.length}位` };
  if (!/^\d{17}[\dX]$/.test(s)) {
    return { ok: false, reason: '身份证号码前17位应为数字，最后一位应为数字或 X' };
  }
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  if (!isRealDate(y, m, d)) {
    return { ok: false, reason: `身份证号码中的出生日期 ${s.slice(6, 14)} 不是有效日期` };
  }
  if (y < 1900) return { ok: false, reason: '身份证号码中的出生日期不能早于1900年' };
  const birth = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  if (birth > today) return { ok: false, reason: '身份证号码中的出生日期不能晚于今天' };
  const expected = residentIdCheckChar(s.slice(0, 17));
  if (s.charAt(17) !== expected) {
    return { ok: false, reason: `身份证号码校验位错误，应为 ${expected}` };
  }
  return { ok: true, value: s };
}

/**
 * Birth date ('YYYY-MM-DD') encoded in positions 7–14 of a resident ID number.
 * @throws RangeError if those positions do not hold a real date.
 */
export function birthDateFromResidentId(id: string): string {
  const s = normalizeIdentifier(id);
  const m = /^\d{6}(\d{4})(\d{2})(\d{2})/.exec(s);
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new RangeError('birthDateFromResidentId: no valid birth date in positions 7–14');
  }
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/**
 * Whether the holder was under 18 on `date` ('YYYY-MM-DD'). Follows the judicial rule that 周岁 is
 * reckoned from the day AFTER the birthday (最高人民法院 on 未成年人 cases), which also favours the
 * party: on the 18th birthday itself the holder still counts as a minor, and is adult from the next
 * day. A 29 February birthday has its anniversary on 28 February in common years.
 * @throws RangeError on a malformed `date` or an ID without a valid birth date.
 */
export function isMinorOn(id: string, date: string): boolean {
  const dm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!dm || !isRealDate(Number(dm[1]), Number(dm[2]), Number(dm[3]))) {
    throw new RangeError(`isMinorOn: invalid date "${date}", expected YYYY-MM-DD`);
  }
  const birth = birthDateFromResidentId(id);
  const by = Number(birth.slice(0, 4));
  const bm = Number(birth.slice(5, 7));
  const bd = Number(birth.slice(8, 10));
  const ay = by + 18;
  const ad = isRealDate(ay, bm, bd) ? bd : bd - 1; // only 29 Feb can fail
  const anniversary = `${String(ay).padStart(4, '0')}-${String(bm).padStart(2, '0')}-${String(ad).padStart(2, '0')}`;
  return date <= anniversary;
}
