import { beijingDate } from '../../kernel/clock.js';
import { describe, it, expect } from 'vitest';
import {
  birthDateFromResidentId,
  isMinorOn,
  normalizeIdentifier,
  residentIdCheckChar,
  usccCheckChar,
  usccFitsPartyKind,
  validateResidentId,
  validateUscc,
} from '../../kernel/identifiers.js';

/** Builds a valid resident ID (fictitious region 110105) for a birth date 'YYYYMMDD'. */
function residentId(birth: string, seq = '002'): string {
  const first17 = `110105${birth}${seq}`;
  return first17 + residentIdCheckChar(first17);
}

/** Replaces the check character with any other valid one, so only the check is wrong. */
function withWrongCheck(id: string, charset: string): { id: string; expected: string } {
  const expected = id.charAt(id.length - 1);
  const wrong = [...charset].find((c) => c !== expected)!;
  return { id: id.slice(0, -1) + wrong, expected };
}

describe('normalizeIdentifier', () => {
  it('trims, removes inner spaces and uppercases', () => {
    expect(normalizeIdentifier('  91230500 ma1b 3n1n2m \t')).toBe('91230500MA1B3N1N2M');
  });

  it('converts full-width ASCII to half-width and drops ideographic spaces', () => {
    expect(normalizeIdentifier('９１２３０５００ＭＡ１Ｂ\u3000３Ｎ１Ｎ２ｍ')).toBe('91230500MA1B3N1N2M');
    expect(normalizeIdentifier('！～')).toBe('!~');
  });
});

describe('validateUscc', () => {
  it.each(['91230500MA1B3N1N2M', '11230500001755309F'])('accepts %s', (code) => {
    expect(validateUscc(code)).toEqual({ ok: true, value: code });
  });

  it('normalises full-width and lowercase input before validating', () => {
    expect(validateUscc(' ９１２３０５００ma1b3n1n2m ')).toEqual({ ok: true, value: '91230500MA1B3N1N2M' });
    expect(validateUscc('11230500001755309f')).toEqual({ ok: true, value: '11230500001755309F' });
  });

  it('rejects an empty value', () => {
    const r = validateUscc('   ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('不能为空');
  });

  it.each(['91230500MA1B3N1N2', '91230500MA1B3N1N2MM', '9123'])('rejects wrong length: %s', (code) => {
    const r = validateUscc(code);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('统一社会信用代码应为18位');
  });

  it.each(['I', 'O', 'S', 'V', 'Z'])('rejects the forbidden character %s', (ch) => {
    const code = `91230500M${ch}1B3N1N2M`;
    const r = validateUscc(code);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toContain('非法字符');
      expect(r.reason).toContain(ch);
    }
  });

  it('rejects punctuation', () => {
    const r = validateUscc('91230500MA1B3N1N-M');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('非法字符');
  });

  it('rejects a non-digit region code (positions 3–8)', () => {
    const first17 = '9123A500MA1B3N1N2';
    const code = first17 + usccCheckChar(first17); // check char is right; only the region is wrong
    const r = validateUscc(code);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('第3至8位应为数字');
  });

  it('rejects a wrong check character and names the expected one', () => {
    const r = validateUscc('91230500MA1B3N1N2X');
    expect(r).toEqual({ ok: false, reason: '统一社会信用代码校验位错误，应为 M' });
    const r2 = validateUscc('11230500001755309A');
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.reason).toContain('应为 F');
  });
});

describe('usccCheckChar', () => {
  it('reproduces the check characters of the valid examples', () => {
    expect(usccCheckChar('91230500MA1B3N1N2')).toBe('M');
    expect(usccCheckChar('11230500001755309')).toBe('F');
  });

  it('builds codes that validate', () => {
    for (const first17 of ['92110105MA00000001', '5111010500000000X', '93110105MA0000000'].map((s) => s.slice(0, 17))) {
      const code = first17 + usccCheckChar(first17);
      expect(validateUscc(code)).toEqual({ ok: true, value: code });
    }
  });

  it('can produce 0 as a check character ((31 − 0) mod 31)', () => {
    // Σ = 0 → check = charset[0]
    expect(usccCheckChar('00000000000000000')).toBe('0');
  });

  it('throws on bad input', () => {
    expect(() => usccCheckChar('123')).toThrow(RangeError);
    expect(() => usccCheckChar('91230500MI1B3N1N2')).toThrow(RangeError);
  });
});

describe('usccFitsPartyKind', () => {
  it('92 is an individual business only', () => {
    expect(usccFitsPartyKind('92110105MA0000000X', 'INDIVIDUAL_BUSINESS')).toBe(true);
    expect(usccFitsPartyKind('92110105MA0000000X', 'LEGAL_PERSON')).toBe(false);
  });

  it.each(['91', '11', '12', '13', '19', '51', '52', '53', '93'])('%s is a legal person', (prefix) => {
    const code = `${prefix}230500MA1B3N1N2M`;
    expect(usccFitsPartyKind(code, 'LEGAL_PERSON')).toBe(true);
    expect(usccFitsPartyKind(code, 'INDIVIDUAL_BUSINESS')).toBe(false);
  });

  it('a natural person never has a USCC', () => {
    expect(usccFitsPartyKind('91230500MA1B3N1N2M', 'NATURAL_PERSON')).toBe(false);
    expect(usccFitsPartyKind('92110105MA0000000X', 'NATURAL_PERSON')).toBe(false);
  });

  it('normalises before looking at the prefix', () => {
    expect(usccFitsPartyKind(' ９２110105MA0000000X', 'INDIVIDUAL_BUSINESS')).toBe(true);
  });
});

describe('validateResidentId', () => {
  const today = '2026-06-15';

  it('accepts a number built with residentIdCheckChar', () => {
    const id = residentId('19850312');
    expect(validateResidentId(id, today)).toEqual({ ok: true, value: id });
  });

  it('matches the GB 11643-1999 example', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
  });

  it('accepts lowercase x and stores X', () => {
    const r = validateResidentId('11010519491231002x', today);
    expect(r).toEqual({ ok: true, value: '11010519491231002X' });
  });

  it('normalises full-width digits and spaces', () => {
    const id = residentId('20000101');
    const fullWidth = [...id].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    expect(validateResidentId(` ${fullWidth.slice(0, 6)} ${fullWidth.slice(6)}`, today)).toEqual({ ok: true, value: id });
  });

  it('rejects a wrong check character and names the expected one', () => {
    const { id, expected } = withWrongCheck(residentId('19850312'), '0123456789X');
    const r = validateResidentId(id, today);
    expect(r).toEqual({ ok: false, reason: `身份证号码校验位错误，应为 ${expected}` });
  });

  it('rejects the wrong length', () => {
    const r = validateResidentId('11010519491231002', today);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('应为18位');
    expect(validateResidentId('', today)).toEqual({ ok: false, reason: '身份证号码不能为空' });
  });

  it('rejects letters other than a final X', () => {
    const r = validateResidentId('1101051949123100AX', today);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('前17位应为数字');
  });

  it('rejects an impossible birth date (1999-02-30) even with a correct check character', () => {
    const r = validateResidentId(residentId('19990230'), today);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('19990230 不是有效日期');
  });

  it('accepts 29 February in a leap year only', () => {
    expect(validateResidentId(residentId('20000229'), today).ok).toBe(true);
    expect(validateResidentId(residentId('19000229'), today).ok).toBe(false); // 1900 is not a leap year
  });

  it('rejects a birth date in the future', () => {
    const r = validateResidentId(residentId('20260616'), today);
    expect(r).toEqual({ ok: false, reason: '身份证号码中的出生日期不能晚于今天' });
  });

  it('accepts a birth date of today (Beijing time), whatever the UTC date', () => {
    // 2026-06-15T20:00Z is already 2026-06-16 in Beijing.
    expect(validateResidentId(residentId('20260616'), beijingDate(new Date('2026-06-15T20:00:00Z'))).ok).toBe(true);
    expect(validateResidentId(residentId('20260615'), today).ok).toBe(true);
  });

  it('rejects birth dates before 1900', () => {
    const r = validateResidentId(residentId('18991231'), today);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('1900');
  });

  it('residentIdCheckChar throws on bad input', () => {
    expect(() => residentIdCheckChar('1101051949123100')).toThrow(RangeError);
    expect(() => residentIdCheckChar('1101051949123100A')).toThrow(RangeError);
  });
});

describe('birthDateFromResidentId / isMinorOn', () => {
  it('extracts the birth date', () => {
    expect(birthDateFromResidentId(residentId('20080615'))).toBe('2008-06-15');
    expect(birthDateFromResidentId('11010519491231002x')).toBe('1949-12-31');
    expect(() => birthDateFromResidentId(residentId('19990230'))).toThrow(RangeError);
    expect(() => birthDateFromResidentId('123')).toThrow(RangeError);
  });

  it('detects minors around the 18th birthday (adult from the day after it)', () => {
    const id = residentId('20080615');
    expect(isMinorOn(id, '2020-01-01')).toBe(true);
    expect(isMinorOn(id, '2026-06-14')).toBe(true);
    expect(isMinorOn(id, '2026-06-15')).toBe(true); // 周岁 counts from the day after the birthday
    expect(isMinorOn(id, '2026-06-16')).toBe(false);
    expect(isMinorOn(residentId('19850312'), '2026-06-15')).toBe(false);
  });

  it('handles a 29 February birthday', () => {
    const id = residentId('20080229');
    expect(isMinorOn(id, '2026-02-28')).toBe(true);
    expect(isMinorOn(id, '2026-03-01')).toBe(false);
  });

  it('rejects a malformed date', () => {
    expect(() => isMinorOn(residentId('20080615'), '2026-6-1')).toThrow(RangeError);
    expect(() => isMinorOn(residentId('20080615'), '2026-02-30')).toThrow(RangeError);
  });
});
