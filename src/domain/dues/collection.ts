/**
 * Collection statistics (应缴, 实缴, rate) rolled up the org tree: each member's months are
 * counted at the org they belonged to in that month and at every ancestor of it, so a branch, its
 * college and the university add up.
 */
import type { LedgerMonth } from './ledger.ts';

export type CollectionTotals = {
  /** Fen due by the brackets (months without a base add nothing). */
  due: number;
  /** Fen paid for those months. */
  paid: number;
  /** Members with at least one owed month in the range. */
  members: number;
  /** Members who paid everything due in the range. */
  settledMembers: number;
  /** Members with an owed month that has no income base. */
  withoutBase: number;
  /** paid / due, null when nothing is due. */
  rate: number | null;
};

export type OrgRef = { id: string; path: string };

export function collectionStats(
  orgs: OrgRef[],
  ledgers: { personId: string; months: LedgerMonth[] }[],
  range: { from: string; to: string },
): Map<string, CollectionTotals> {
  const pathOf = new Map(orgs.map((o) => [o.id, o.path]));
  const known = new Set(orgs.map((o) => o.id));
  type Acc = { due: number; paid: number; people: Map<string, { settled: boolean; noBase: boolean }> };
  const acc = new Map<string, Acc>(orgs.map((o) => [o.id, { due: 0, paid: 0, people: new Map() }]));
  for (const ledger of ledgers) {
    for (const m of ledger.months) {
      if (m.month < range.from || m.month > range.to) continue;
      const path = pathOf.get(m.orgId);
      if (!path) continue;
      for (const orgId of path.split('/').filter((id) => known.has(id))) {
        const a = acc.get(orgId)!;
        a.due += m.due ?? 0;
        a.paid += m.paid;
        const person = a.people.get(ledger.personId) ?? { settled: true, noBase: false };
        if (m.due === null) person.noBase = true;
        if (m.due === null || m.outstanding > 0) person.settled = false;
        a.people.set(ledger.personId, person);
      }
    }
  }
  const out = new Map<string, CollectionTotals>();
  for (const [orgId, a] of acc) {
    const people = [...a.people.values()];
    out.set(orgId, {
      due: a.due,
      paid: a.paid,
      members: people.length,
      settledMembers: people.filter((p) => p.settled).length,
      withoutBase: people.filter((p) => p.noBase).length,
      rate: a.due === 0 ? null : a.paid / a.due,
    });
  }
  return out;
}
