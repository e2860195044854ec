/** The demo's model units, commendations and practice carriers: deterministic, valid, and telling the intended story. */
import { describe, expect, it } from 'vitest';
import { workdaysBetween } from '../awards/workdays.ts';
import { validateDataset } from '../dataset/validate-dataset.ts';
import { generateDemoDataset } from './generate-demo-dataset.ts';

const asOf = '2026-11-23';
const document = generateDemoDataset({ asOf });
const ours = (pointer: string) => /^\/(modelUnits|awards|practiceCarriers)\//.test(pointer);

describe('demo excellence', () => {
  it('is valid and the same for the same seed', () => {
    expect(validateDataset(document).issues.filter((i) => ours(i.pointer))).toEqual([]);
    const again = generateDemoDataset({ asOf });
    expect([again.modelUnits, again.awards, again.practiceCarriers]).toEqual([
      document.modelUnits,
      document.awards,
      document.practiceCarriers,
    ]);
  });

  it('accepted a fifth of last year’s branches as model branches, and has each later kind in progress', () => {
    const branches = (document.orgs ?? []).filter(
      (o) => o.kind === 'branch' && !o.validTo && (o.validFrom ?? '') <= '2025-01-01',
    );
    const accepted = (document.modelUnits ?? []).filter(
      (u) => u.kind === 'modelBranch' && u.status === 'accepted' && u.planYear === 2025,
    );
    expect(accepted.length).toBe(Math.ceil(branches.length / 5));
    expect(new Set((document.modelUnits ?? []).map((u) => u.kind))).toEqual(
      new Set(['modelBranch', 'dualLeaderStudio', 'benchmarkCollege']),
    );
    const studio = (document.modelUnits ?? []).find((u) => u.kind === 'dualLeaderStudio');
    expect(studio?.leader).toBeTruthy();
  });

  it('decided last year’s round after five working days of publicity, for every kind', () => {
    const awards = document.awards ?? [];
    expect(new Set(awards.map((a) => a.kind))).toEqual(
      new Set(['outstandingMember', 'outstandingWorker', 'advancedOrg']),
    );
    for (const a of awards) {
      expect(a).toMatchObject({ roundYear: 2025, status: 'decided' });
      expect(workdaysBetween(a.publicityFrom as string, a.publicityUntil as string)).toBe(5);
      expect((a.decidedOn as string) > (a.publicityUntil as string)).toBe(true);
    }
  });

  it('has a carrier last year for most orgs but not all branches, none dated after asOf', () => {
    const carriers = document.practiceCarriers ?? [];
    const withLast = new Set(carriers.filter((c) => c.year === 2025).map((c) => c.org));
    const current = (document.orgs ?? []).filter((o) => (o.kind === 'branch' || o.kind === 'college') && !o.validTo);
    expect(withLast.size).toBeGreaterThan(current.length / 2);
    expect(current.some((o) => o.kind === 'branch' && !withLast.has(o.code))).toBe(true);
    expect(carriers.every((c) => c.establishedOn <= asOf && c.establishedOn.startsWith(String(c.year)))).toBe(true);
  });
});
