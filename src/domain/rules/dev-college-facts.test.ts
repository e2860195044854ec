import { describe, expect, it } from 'vitest';
import { admissionsByMonth, ageOn, type DevAdmission, percent, planProgress } from './dev-college-facts.ts';

const admission = (branchId: string, category: 'student' | 'staff', on: string): DevAdmission => ({
  caseId: `${branchId}-${on}`,
  personId: `${branchId}-${on}`,
  branchId,
  category,
  on,
});

describe('plan progress', () => {
  it('counts admissions per line and month, and gives a branch admitting without a line a quota of 0', () => {
    const lines = planProgress(
      [
        { orgId: 'b1', category: 'student', quota: 2 },
        { orgId: 'b2', category: 'staff', quota: 1 },
      ],
      [
        admission('b1', 'student', '2025-06-03'),
        admission('b1', 'student', '2025-06-20'),
        admission('b3', 'staff', '2025-11-02'),
      ],
    );
    expect(lines.map((l) => [l.orgId, l.category, l.quota, l.admitted])).toEqual([
      ['b1', 'student', 2, 2],
      ['b2', 'staff', 1, 0],
      ['b3', 'staff', 0, 1],
    ]);
    expect(lines[0].byMonth[5]).toBe(2);
    expect(lines[2].byMonth[10]).toBe(1);
  });

  it('sums admissions per month of the year', () => {
    expect(admissionsByMonth([admission('b1', 'staff', '2025-01-31'), admission('b1', 'staff', '2025-12-01')])).toEqual(
      [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
    );
  });
});

describe('age and shares', () => {
  it('counts a year of age only once the birthday is reached', () => {
    expect([ageOn('1990-06-15', '2025-06-14'), ageOn('1990-06-15', '2025-06-15')]).toEqual([34, 35]);
  });

  it('writes shares as people read them', () => {
    expect([percent(0.4), percent(2 / 3), percent(0.05)]).toEqual(['40%', '66.7%', '5%']);
  });
});
