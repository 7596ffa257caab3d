import { describe, expect, it } from 'vitest';
import type { Caller } from '../../kernel/identity.js';
import { clueReadScope, inClueScope, requireSupervisor } from '../../subgraphs/cases/supervision/clues/access.js';
import { SUPERVISION_MODELS } from '../../subgraphs/cases/supervision/clues/registry.js';
import { fingerprintOf, paramsFor, selectModels } from '../../subgraphs/cases/supervision/clues/service.js';
import { SCORECARD_COMPONENTS, scorecard } from '../../subgraphs/cases/supervision/scorecard/weights.js';

// Issue 30: the pure parts of supervision — access rules, model selection and parameters, the scorecard arithmetic.

const caller = (role: Caller['role'], agencyId: string | null = null): Caller => ({ subject: 's', role, agencyId, officerId: null });

describe('clue access', () => {
  it('supervisors: all without an agency, their own and supervised agencies with one', () => {
    expect(clueReadScope(caller('SUPERVISOR'))).toEqual({ kind: 'ALL' });
    const s = clueReadScope(caller('SUPERVISOR', 'A'));
    expect(inClueScope(s, { agencyId: 'A', supervisingAgencyId: 'A' })).toBe(true);
    expect(inClueScope(s, { agencyId: 'SQUAD', supervisingAgencyId: 'A' })).toBe(true);
    expect(inClueScope(s, { agencyId: 'B', supervisingAgencyId: 'B' })).toBe(false);
  });
  it('agency staff: their own agency only (not what they are supervised through)', () => {
    const s = clueReadScope(caller('OFFICER', 'SQUAD'));
    expect(inClueScope(s, { agencyId: 'SQUAD', supervisingAgencyId: 'A' })).toBe(true);
    expect(inClueScope(s, { agencyId: 'A', supervisingAgencyId: 'A' })).toBe(false);
  });
  it('analysts, the public and partners see no clue; only supervisors raise and handle', () => {
    for (const r of ['ANALYST', 'PUBLIC', 'PARTNER'] as const) expect(() => clueReadScope(caller(r))).toThrow(/无权/);
    expect(() => clueReadScope(caller('OFFICER'))).toThrow(/无权/); // staff without an agency
    for (const r of ['ADMIN', 'OFFICER', 'PRINCIPAL', 'ANALYST'] as const) expect(() => requireSupervisor(caller(r, 'A'), '处理')).toThrow(/执法监督人员/);
    expect(() => requireSupervisor(caller('SUPERVISOR'), '处理')).not.toThrow();
  });
});

describe('models', () => {
  it('at least twelve, unique codes, each with a legal anchor, parameters and its threshold parameter', () => {
    expect(SUPERVISION_MODELS.length).toBeGreaterThanOrEqual(12);
    expect(new Set(SUPERVISION_MODELS.map((m) => m.code)).size).toBe(SUPERVISION_MODELS.length);
    for (const m of SUPERVISION_MODELS) {
      expect(m.legalAnchor.length, m.code).toBeGreaterThan(0);
      if (m.thresholdParameter) expect(Object.keys(m.parameters), m.code).toContain(m.thresholdParameter);
    }
  });
  it('unknown models and parameters are refused naming the field; overrides replace defaults', () => {
    expect(() => selectModels(['NO_SUCH'])).toThrow(/NO_SUCH/);
    expect(selectModels(null)).toHaveLength(SUPERVISION_MODELS.length);
    const m = selectModels(['FINE_AT_TIER_MAXIMUM'])[0]!;
    expect(paramsFor(m, [{ name: 'share', value: 0.9 }])).toEqual({ minDecisions: 3, share: 0.9 });
    expect(() => paramsFor(m, [{ name: 'bogus', value: 1 }])).toThrow(/bogus/);
    expect(() => paramsFor(m, [{ name: 'share', value: -1 }])).toThrow(/share/);
  });
  it('the fingerprint separates model, agency, subject and period', () => {
    const base = { modelCode: 'M', agencyId: 'A', subject: 'S' };
    const scope = { agencyId: null, from: '2026-01-01', to: '2026-06-30', today: '2026-07-01' };
    const fp = fingerprintOf(base, scope);
    expect(fingerprintOf(base, { ...scope, today: '2026-07-02' })).toBe(fp);
    expect(fingerprintOf({ ...base, subject: 'T' }, scope)).not.toBe(fp);
    expect(fingerprintOf({ ...base, agencyId: 'B' }, scope)).not.toBe(fp);
    expect(fingerprintOf(base, { ...scope, to: '2026-12-31' })).not.toBe(fp);
  });
});

describe('scorecard arithmetic', () => {
  it('weights sum to 100', () => {
    expect(SCORECARD_COMPONENTS.reduce((s, c) => s + c.weight, 0)).toBe(100);
  });
  it('a component without data is left out and its weight redistributed', () => {
    const r = scorecard({ REVIEW_COVERAGE: { numerator: 1, denominator: 2 }, RECORD_COMPLETENESS: { numerator: 1, denominator: 1 } });
    // (15 × 0.5 + 10 × 1) / 25 = 0.7
    expect(r.total).toBe(70);
    expect(r.components.find((c) => c.code === 'EVALUATION')!.score).toBeNull();
    expect(r.components.find((c) => c.code === 'REVIEW_COVERAGE')!.score).toBe(0.5);
  });
  it('no data at all: no total', () => {
    expect(scorecard({}).total).toBeNull();
  });
});
