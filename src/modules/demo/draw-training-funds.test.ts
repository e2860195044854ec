/** The demo's study hours and funds: valid, deterministic, and with the planted shortfalls. */
import { describe, expect, it } from 'vitest';
import { validateDataset } from '../dataset/validate-dataset.ts';
import { generateDemoDataset } from './generate-demo-dataset.ts';

const asOf = '2026-11-23';

function parse() {
  const validation = validateDataset(generateDemoDataset({ asOf, seed: 1 }));
  if (!validation.ok) throw new Error(`demo dataset is invalid: ${JSON.stringify(validation.issues.slice(0, 10))}`);
  return validation.dataset;
}

describe('demo training and funds', () => {
  const doc = parse();

  it('holds the staff class and the rotation training each year, none after asOf', () => {
    const titles = doc.trainingSessions.map((s) => `${s.startsOn} ${s.kind} ${s.audience}`);
    expect(titles).toEqual(
      expect.arrayContaining([
        '2025-05-12 partySchool partyAffairsStaff',
        '2025-07-08 rotation secretaries',
        '2026-05-12 partySchool partyAffairsStaff',
        '2026-07-08 rotation secretaries',
      ]),
    );
    expect(doc.training.every((t) => t.on <= asOf)).toBe(true);
    expect(doc.trainingSessions.every((s) => (s.endsOn ?? s.startsOn) <= asOf)).toBe(true);
  });

  it('leaves some members behind on last year’s hours and one secretary without rotation training', () => {
    const hours = new Map<string, number>();
    for (const t of doc.training.filter((c) => c.on.startsWith('2025')))
      hours.set(t.person, (hours.get(t.person) ?? 0) + t.hours);
    const members = new Set(
      doc.memberships.filter((m) => m.from <= '2025-01-01' && (!m.to || m.to > '2025-12-31')).map((m) => m.person),
    );
    const behind = [...members].filter((p) => (hours.get(p) ?? 0) < 32);
    expect(behind.length).toBeGreaterThan(members.size * 0.05);
    expect(behind.length).toBeLessThan(members.size * 0.4);
    const staffClass = doc.trainingSessions.find((s) => s.code && s.startsOn === '2025-05-12');
    const rotation = doc.trainingSessions.find((s) => s.startsOn === '2025-07-08');
    const attended = (code: string | undefined) =>
      new Set(doc.training.filter((t) => t.session === code).map((t) => t.person));
    const secretaries = attended(staffClass?.code);
    const rotated = attended(rotation?.code);
    expect([...secretaries].filter((p) => !rotated.has(p))).toHaveLength(1);
  });

  it('budgets every college, one below the standard this year, one short of last year’s allocation', () => {
    const funds = doc.funds ?? { budgets: [], allocations: [], expenses: [] };
    const colleges = doc.orgs.filter((o) => o.kind === 'college').length;
    expect(funds.budgets.length).toBeGreaterThanOrEqual(colleges);
    const short = funds.budgets.filter((b) => {
      const allocated = funds.allocations
        .filter((a) => a.org === b.org && a.year === b.year)
        .reduce((s, a) => s + a.amount, 0);
      return b.year === 2025 && allocated < b.amount;
    });
    expect(short).toHaveLength(1);
    expect(funds.expenses.length).toBeGreaterThan(colleges);
    expect(funds.budgets.every((b) => Number.isInteger(b.amount))).toBe(true);
  });
});
