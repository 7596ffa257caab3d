import { describe, expect, it } from 'vitest';
import { draftBase, settingInForce, settingsCode } from '../../subgraphs/powers/domain/settings.js';

// R1 for agency settings (issue 25): pure rules of which version is in force and what a draft starts from.

describe('agency settings versions', () => {
  it('one code per agency and kind', () => {
    expect(settingsCode('AGENCY_POLICY', 'A1')).toBe('POLICY-A1');
    expect(settingsCode('ENTRUSTMENT', 'A1')).toBe('ENTRUSTMENT-A1');
  });

  it('the published version is in force; without one, the settings recorded at establishment (version 0)', () => {
    expect(settingInForce(null, { days: 3 })).toEqual({ value: { days: 3 }, versionId: null, versionNo: 0 });
    expect(settingInForce({ id: 'v2', versionNo: 2, content: { days: 5 } }, { days: 3 })).toEqual({ value: { days: 5 }, versionId: 'v2', versionNo: 2 });
  });

  it('a draft continues the open draft, otherwise starts from what is in force', () => {
    expect(draftBase(null, 'in force')).toBe('in force');
    expect(draftBase({ status: 'DRAFT', content: 'draft' }, 'in force')).toBe('draft');
    expect(draftBase({ status: 'PUBLISHED', content: 'published' }, 'in force')).toBe('in force');
    expect(draftBase({ status: 'RETIRED', content: 'old' }, 'in force')).toBe('in force');
  });
});
