import { describe, expect, it } from 'vitest';
import { entrustmentProblem } from '../../kernel/entrustment.js';
import { reviewSettingsAgencyId } from '../../subgraphs/cases/domain/entrustment.js';
import { entrustedSubmissionProblem, isEntrustedCase } from '../../subgraphs/reviews/domain/entrustment.js';

// Issue 26, part D: the rules as pure functions (no database, no network).

const terms = { documentNumber: '米城管委〔2024〕1号', powerItemCodes: ['650109-CF-0001'], validFrom: '2024-01-01', validUntil: '2026-12-31' };
const squadCase = { agencyId: 'SQUAD', decidingAgencyId: 'BUREAU', powerItemCode: '650109-CF-0001' };

describe('R5 for an entrusted organisation’s case: the entrusting agency’s catalog and policy (Art. 20, 58)', () => {
  it('reads the review settings of the agency in whose name the case is decided', () => {
    expect(reviewSettingsAgencyId({ agencyId: 'SQUAD', inNameOfAgencyId: 'BUREAU' })).toBe('BUREAU');
    expect(reviewSettingsAgencyId({ agencyId: 'BUREAU', inNameOfAgencyId: null })).toBe('BUREAU');
    expect(reviewSettingsAgencyId({ agencyId: 'SQUAD' })).toBe('SQUAD');
  });
});

describe('Art. 20: the 委托书 at the handlers’ submission for review', () => {
  it('lets the squad submit within the period and refuses it after expiry, citing 第二十条', () => {
    expect(entrustedSubmissionProblem(squadCase, terms, '2026-12-31')).toBeNull();
    const late = entrustedSubmissionProblem(squadCase, terms, '2027-01-04');
    expect(late).toContain('第二十条');
    expect(late).toContain('米城管委〔2024〕1号');
    expect(late).toContain('送审');
    expect(entrustedSubmissionProblem(squadCase, terms, '2023-12-31')).toContain('第二十条');
  });

  it('refuses without a 委托书 and for an item outside it', () => {
    expect(entrustedSubmissionProblem(squadCase, null, '2026-06-01')).toContain('没有有效的委托书');
    expect(entrustedSubmissionProblem({ ...squadCase, powerItemCode: '650109-CF-0009' }, terms, '2026-06-01')).toContain('委托事项');
  });

  it('a renewed 委托书 (the one powers publishes now) lets the squad submit again', () => {
    const renewed = { ...terms, documentNumber: '米城管委〔2027〕1号', validFrom: '2027-01-01', validUntil: '2029-12-31' };
    expect(entrustedSubmissionProblem(squadCase, renewed, '2027-01-04')).toBeNull();
    expect(entrustmentProblem(renewed, '2026-12-31', '650109-CF-0001')).toContain('委托期限');
  });

  it('asks nothing of an agency’s own case', () => {
    expect(isEntrustedCase({ agencyId: 'BUREAU', decidingAgencyId: 'BUREAU' })).toBe(false);
    expect(isEntrustedCase(squadCase)).toBe(true);
    expect(entrustedSubmissionProblem({ agencyId: 'BUREAU', decidingAgencyId: 'BUREAU', powerItemCode: 'X' }, null, '2027-01-04')).toBeNull();
  });
});
