/** The demo's running acceptance campaign: deterministic, valid, every stage present, every step in order and by its role. */
import { describe, expect, it } from 'vitest';
import { replaySteps } from '../../domain/rules/acceptance-facts.ts';
import { validateDataset } from '../dataset/validate-dataset.ts';
import { generateDemoDataset } from './generate-demo-dataset.ts';

const asOf = '2026-11-23';
const document = generateDemoDataset({ asOf });

describe('demo acceptance', () => {
  const [campaign] = document.acceptance ?? [];

  it('is one open campaign of this year, opened a month ago and closing in two months, and the same for the same seed', () => {
    expect(document.acceptance).toHaveLength(1);
    expect(campaign).toMatchObject({ year: 2026, status: 'open', opensOn: '2026-10-24', closesOn: '2027-01-22' });
    expect(generateDemoDataset({ asOf }).acceptance).toEqual(document.acceptance);
    expect(validateDataset(document).issues.filter((i) => i.pointer.startsWith('/acceptance'))).toEqual([]);
  });

  it('covers every current branch, with branches at every stage and no step out of order or by the wrong role', () => {
    const branches = (document.orgs ?? []).filter((o) => o.kind === 'branch' && !o.validTo).map((o) => o.code);
    const reviews = campaign.reviews ?? [];
    expect(reviews.map((r) => r.org).sort()).toEqual([...branches].sort());
    const stages = new Set<string>();
    for (const r of reviews) {
      const steps = (r.steps ?? []).map((s, i) => ({
        seq: i + 1,
        step: s.step,
        on: s.on,
        actorRole: s.role,
        actorName: s.by,
        outcome: '',
        reason: s.reason ?? null,
      }));
      const direct = (document.orgs ?? []).find((o) => o.code === r.org)?.parent === null;
      const { stage, problems } = replaySteps(steps, direct);
      expect(problems).toEqual([]);
      expect(steps.every((s) => s.on <= asOf && s.on >= campaign.opensOn)).toBe(true);
      if (stage === 'returned') expect(steps.at(-1)?.reason).toBeTruthy();
      stages.add(stage);
    }
    expect([...stages].sort()).toEqual(['certified', 'firstChecked', 'pending', 'returned', 'selfChecked']);
  });
});
