/** The demo's dues: deterministic, every amount by the brackets, and the planted arrears where the story says. */
import { describe, expect, it } from 'vitest';
import { monthlyDues } from '../../domain/dues/brackets.ts';
import { arrearsOf, memberLedger } from '../../domain/dues/ledger.ts';
import { drawDues } from './draw-dues.ts';
import { generateDemoDataset } from './generate-demo-dataset.ts';

const asOf = '2026-11-23';
const document = generateDemoDataset({ asOf });
const input = {
  asOf,
  seed: 1,
  people: document.people ?? [],
  memberships: document.memberships ?? [],
  orgs: (document.orgs ?? []) as { code: string; parent: string | null; kind: string }[],
} as Parameters<typeof drawDues>[0];

describe('demo dues', () => {
  const { dues, story } = drawDues(input);

  it('is the same for the same day and seed, and is the dues section of the demo document', () => {
    expect(drawDues(input)).toEqual({ dues, story });
    expect(document.dues).toEqual(dues);
  });

  it('pays every member by the brackets up to last month and leaves this month to collect', () => {
    expect(dues.payments?.some((p) => p.month === '2026-11')).toBe(false);
    const planted = new Set([story.partial]);
    const baseOf = (person: string, month: string) =>
      (dues.bases ?? [])
        .filter((b) => b.person === person && b.from <= month)
        .sort((a, b) => b.from.localeCompare(a.from))[0];
    for (const p of (dues.payments ?? []).filter((x) => !planted.has(x.person)).slice(0, 500)) {
      const base = baseOf(p.person, p.month);
      expect(p.amount).toBe(monthlyDues({ category: base.category, base: base.base, month: p.month })?.amount);
    }
  });

  it('plants a six-month lapse, a three-month arrears, and an excused member', () => {
    const ledgerOf = (person: string) => {
      const months = (input.memberships as { person: string }[]).some((m) => m.person === person);
      expect(months).toBe(true);
      return memberLedger({
        personId: person,
        owedMonths: Array.from({ length: 23 }, (_, i) => ({
          month: `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
          orgId: 'b',
        })),
        bases: (dues.bases ?? [])
          .filter((b) => b.person === person)
          .map((b, i) => ({
            id: `b${i}`,
            effectiveMonth: b.from,
            category: b.category,
            base: b.base,
            verifiedOn: null,
          })),
        payments: (dues.payments ?? [])
          .filter((p) => p.person === person)
          .map((p, i) => ({ id: `p${i}`, month: p.month, amount: p.amount, paidOn: p.paidOn })),
        reasons: (dues.reasons ?? [])
          .filter((r) => r.person === person)
          .map((r, i) => ({ id: `r${i}`, fromMonth: r.from, toMonth: r.to ?? null, reason: r.reason })),
      });
    };
    expect(arrearsOf(ledgerOf(story.lapsed), asOf).consecutiveUnpaid).toBe(6);
    expect(arrearsOf(ledgerOf(story.behind), asOf).consecutiveUnpaid).toBe(3);
    expect(arrearsOf(ledgerOf(story.excused), asOf).consecutiveUnpaid).toBe(0);
    expect(arrearsOf(ledgerOf(story.partial), asOf).months).toEqual(['2026-10']);
    expect(dues.returns?.length).toBeGreaterThan(0);
  });
});
