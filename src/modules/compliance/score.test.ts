/** The score's arithmetic with fixed numbers, so the dashboard tests that derive theirs from the rule count rest on it. */
import { describe, expect, it } from 'vitest';
import { complianceScore } from './score.ts';

describe('complianceScore', () => {
  it('is the share of checks met, warnings counting half, rounded to a point', () => {
    // 2 branches × 35 rules = 70 checks; 3 breached + 2 warned = 4 failed → 94.29 → 94.
    expect(complianceScore({ breachedChecks: 3, warnedChecks: 2, branches: 2, rules: 35 })).toBe(94);
    // 1 of 35 → 97.14 → 97; 1 of 8 → 87.5 → 88 (half rounds up).
    expect(complianceScore({ breachedChecks: 1, warnedChecks: 0, branches: 1, rules: 35 })).toBe(97);
    expect(complianceScore({ breachedChecks: 1, warnedChecks: 0, branches: 1, rules: 8 })).toBe(88);
  });

  it('never goes below 0 and treats an empty subtree as one check', () => {
    expect(complianceScore({ breachedChecks: 50, warnedChecks: 50, branches: 2, rules: 10 })).toBe(0);
    expect(complianceScore({ breachedChecks: 0, warnedChecks: 0, branches: 0, rules: 0 })).toBe(100);
    expect(complianceScore({ breachedChecks: 0, warnedChecks: 1, branches: 0, rules: 0 })).toBe(50);
  });
});
