import { describe, expect, it } from 'vitest';
import { credentialValidOn } from '../../subgraphs/powers/domain/credential.js';
import { parseDiscretionTiers, parsePolicy, parsePowerItem, parseReviewCatalogRule, parseUscc, parseValidity } from '../../subgraphs/powers/domain/validate.js';
import type { AppError } from '../../kernel/errors.js';
import { encodeCursor, parsePage, toConnection } from '../../kernel/pagination.js';

const problemOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    const ext = (e as AppError).extensions;
    return { code: ext.code, field: ext.field, reason: ext.reason as string };
  }
  return null;
};

describe('credential validity (R2)', () => {
  const o = { credentialStatus: 'VALID' as const, validFrom: '2024-01-01', validUntil: '2026-12-31', enforcementAreas: ['城市管理综合执法'] };
  it('is valid inside the dates for a covered area', () => {
    expect(credentialValidOn(o, '2026-11-28', '城市管理综合执法')).toEqual({ valid: true, reason: null });
    expect(credentialValidOn(o, '2026-12-31')).toEqual({ valid: true, reason: null });
  });
  it('says why it is not', () => {
    expect(credentialValidOn(o, '2027-01-01').reason).toContain('已过期');
    expect(credentialValidOn(o, '2023-12-31').reason).toContain('尚未生效');
    expect(credentialValidOn(o, '2026-06-01', '市场监管').reason).toContain('不含');
    expect(credentialValidOn({ ...o, credentialStatus: 'SUSPENDED' }, '2026-06-01').reason).toBe('执法证已暂扣');
    expect(credentialValidOn({ ...o, credentialStatus: 'REVOKED' }, '2026-06-01').valid).toBe(false);
  });
});

describe('input validation', () => {
  it('rejects an invalid USCC naming the field', () => {
    expect(parseUscc('91230500MA1B3N1N2M')).toBe('91230500MA1B3N1N2M');
    const p = problemOf(() => parseUscc('91230500MA1B3N1N2X'));
    expect(p).toMatchObject({ code: 'BAD_USER_INPUT', field: 'uscc' });
  });

  it('rejects an inverted or negative fine range', () => {
    const inverted = problemOf(() =>
      parseDiscretionTiers([{ tier: 'ORDINARY', circumstances: '一般', penaltyTypes: ['FINE'], fineMin: '5000', fineMax: '2000' }], 'X'),
    );
    expect(inverted).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tiers.0.fineMax' });
    expect(inverted?.reason).toContain('低于下限');
    const negative = problemOf(() =>
      parseDiscretionTiers([{ tier: 'ORDINARY', circumstances: '一般', penaltyTypes: ['FINE'], fineMin: '-1', fineMax: '2000' }], 'X'),
    );
    expect(negative).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tiers.0.fineMin' });
    const missing = problemOf(() => parseDiscretionTiers([{ tier: 'MINOR', circumstances: '轻微', penaltyTypes: ['FINE'] }], 'X'));
    expect(missing?.field).toBe('tiers.0.fineMin');
    const dup = problemOf(() =>
      parseDiscretionTiers(
        [
          { tier: 'MINOR', circumstances: 'a', penaltyTypes: ['WARNING'] },
          { tier: 'MINOR', circumstances: 'b', penaltyTypes: ['WARNING'] },
        ],
        'X',
      ),
    );
    expect(dup?.field).toBe('tiers.1.tier');
  });

  it('compares fines as decimals, not strings', () => {
    expect(() =>
      parseDiscretionTiers([{ tier: 'GRAVE', circumstances: '严重', penaltyTypes: ['FINE'], fineMin: '9000', fineMax: '20000.50' }], 'X'),
    ).not.toThrow();
  });

  it('requires a legal basis and relief channels on a power item', () => {
    const p = problemOf(() =>
      parsePowerItem({ name: '露天烧烤', category: 'PENALTY', enforcementArea: 'x', establishingBasis: [], procedureSteps: ['立案'], reliefChannels: [] }),
    );
    expect(p?.field).toBe('item.establishingBasis');
  });

  it('refuses a review catalog rule with no criterion (it would match every decision)', () => {
    expect(problemOf(() => parseReviewCatalogRule({ description: '全部', basis: [{ law: '行政处罚法', article: '第五十八条' }] }))?.field).toBe('rule');
  });

  it('checks credential validity dates and the case-number format', () => {
    expect(problemOf(() => parseValidity('2026-01-01', '2025-01-01'))?.field).toBe('validUntil');
    expect(problemOf(() => parsePolicy({ caseNumberFormat: '米城管罚{seq}' }))?.field).toBe('policy.caseNumberFormat');
  });
});

describe('keyset pagination', () => {
  it('round-trips a cursor and knows when there is a next page', () => {
    const page = parsePage<[string, number]>({ first: 2, after: encodeCursor(['B', 1]) }, 2);
    expect(page).toEqual({ limit: 2, after: ['B', 1] });
    const conn = toConnection([{ k: 'C' }, { k: 'D' }, { k: 'E' }], page, (r) => [r.k, 1]);
    expect(conn.edges.map((e) => e.node.k)).toEqual(['C', 'D']);
    expect(conn.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor(['D', 1]) });
  });
  it('rejects bad page sizes and forged cursors', () => {
    expect(problemOf(() => parsePage({ first: 0 }, 1))?.field).toBe('first');
    expect(problemOf(() => parsePage({ first: 101 }, 1))?.field).toBe('first');
    expect(problemOf(() => parsePage({ after: 'not-a-cursor' }, 1))?.field).toBe('after');
    expect(problemOf(() => parsePage({ after: encodeCursor([1, 2]) }, 1))?.field).toBe('after');
  });
});
