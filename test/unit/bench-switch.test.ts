import { describe, expect, it } from 'vitest';
import { readsVerified } from '../../kernel/records/bench-switch.js';

// Issue 25: the benchmark's "without verification" comparison must never be available to a deployment.
describe('the benchmark-only switch for unverified reads', () => {
  it('verifies reads unless skipping is asked for', () => {
    expect(readsVerified(undefined, 'sanxiang')).toBe(true);
    expect(readsVerified(false, 'sxbench_intu_ab12')).toBe(true);
  });
  it('refuses to skip verification on any databases but the benchmark’s own', () => {
    for (const prefix of ['sanxiang', 'prod_sxbench', 'sxt_manual_ab12', 'SXBENCH']) {
      expect(() => readsVerified(true, prefix)).toThrow(/性能对比/);
    }
  });
  it('skips verification only on the benchmark’s throwaway databases', () => {
    expect(readsVerified(true, 'sxbench_intu_ab12')).toBe(false);
  });
});
