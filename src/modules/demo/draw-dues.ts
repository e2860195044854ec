/**
 * The demo's membership dues: an income base for every member from January of last year (the
 * payroll list), re-verified each January, a payment for every month up to last month at the
 * amount the national brackets give, and a few planted imperfections the dues pages and the
 * DUES rules show — members in arrears (a lapse breach, a lapse warning, a part payment, a late
 * payment), a member excused by a recorded reason, and last year's dues returned to the colleges.
 * The current month is left to collect. Pure and deterministic: the same (asOf, seed), the same dues.
 */
import type { z } from 'zod';
import { type DuesCategory, monthlyDues } from '../../domain/dues/brackets.ts';
import { addMonth, monthOf, monthRange } from '../../domain/dues/months.ts';
import type { duesSchema } from '../dataset/dues-section.ts';
import { createRandom } from './random.ts';

type DuesSection = z.input<typeof duesSchema>;
type Person = { code: string; personCategory: 'staff' | 'student' | 'retired' };
type Membership = { person: string; joinedOn?: string | null; org: string; from: string; to?: string | null };
type Org = { code: string; parent: string | null; kind: string };

/** Members planted with imperfections, by their place in the shuffled list (see the file comment). */
export type DuesStory = { lapsed: string; behind: string; partial: string; late: string; excused: string };

export function drawDues(input: {
  asOf: string;
  seed: number;
  people: Person[];
  memberships: Membership[];
  orgs: Org[];
}): { dues: DuesSection; story: DuesStory } {
  const random = createRandom(input.seed * 7919 + 11);
  const current = monthOf(input.asOf);
  const year = Number(input.asOf.slice(0, 4));
  const first = `${year - 1}-01`;
  const lastDue = addMonth(current, -1);
  const category = new Map(input.people.map((p) => [p.code, p.personCategory]));

  // Months each member owes in [first, current]: a membership overlapping the month, admitted by its end.
  const owed = new Map<string, { month: string; org: string }[]>();
  for (const m of input.memberships) {
    const start = [first, monthOf(m.from), m.joinedOn ? monthOf(m.joinedOn) : first].sort()[2];
    const end = m.to ? monthOf(addDay(m.to, -1)) : current;
    for (const month of monthRange(start, [end, current].sort()[0])) {
      const list = owed.get(m.person) ?? [];
      if (!list.some((o) => o.month === month)) list.push({ month, org: m.org });
      owed.set(m.person, list);
    }
  }
  const members = [...owed.keys()].sort();
  const chosen = random.shuffle(members.filter((c) => category.get(c) === 'staff' && owed.get(c)![0].month === first));
  const story: DuesStory = {
    lapsed: chosen[0],
    behind: chosen[1],
    partial: chosen[2],
    late: chosen[3],
    excused: chosen[4],
  };

  const dues: Required<Pick<DuesSection, 'bases' | 'payments' | 'reasons' | 'returns'>> = {
    bases: [],
    payments: [],
    reasons: [],
    returns: [],
  };
  const collectedByOrg = new Map<string, number>();
  for (const code of members) {
    const months = owed.get(code)!.sort((a, b) => a.month.localeCompare(b.month));
    const kind: DuesCategory =
      category.get(code) === 'student' ? 'student' : category.get(code) === 'retired' ? 'retired' : 'staff';
    // After-tax salary 4000–16000 元 or pension 3000–8000 元, to the fen; a raise at each re-verification.
    let base =
      kind === 'staff' ? random.int(400_000, 1_600_000) : kind === 'retired' ? random.int(300_000, 800_000) : 0;
    const baseOf = new Map<string, number>();
    const starts = [months[0].month, ...[year - 1, year].map((y) => `${y}-01`).filter((m) => m > months[0].month)];
    for (const from of starts) {
      if (from > current) continue;
      if (from !== months[0].month && kind !== 'student') base += random.int(0, 30_000);
      dues.bases.push({ person: code, from, category: kind, base, verifiedOn: `${from}-${pad(random.int(3, 20))}` });
      baseOf.set(from, base);
    }
    const baseIn = (month: string) => {
      let found = 0;
      for (const [from, b] of baseOf) if (from <= month) found = b;
      return found;
    };
    const lapsedFrom = addMonth(lastDue, -6);
    const behindFrom = addMonth(lastDue, -3);
    for (const { month, org } of months) {
      if (month > lastDue) break;
      const amount = monthlyDues({ category: kind, base: baseIn(month), month })?.amount ?? 0;
      if (code === story.lapsed && month > lapsedFrom) continue;
      if (code === story.behind && month > behindFrom) continue;
      if (code === story.excused && month > addMonth(lastDue, -4)) continue;
      const paid = code === story.partial && month === lastDue ? Math.floor(amount / 2) : amount;
      // The late payer settled last month on the first of this one.
      const paidOn = code === story.late && month === lastDue ? `${current}-01` : `${month}-${pad(random.int(5, 25))}`;
      dues.payments.push({
        person: code,
        month,
        amount: paid,
        paidOn,
        method: kind === 'staff' && random.chance(0.4) ? 'payroll' : random.chance(0.5) ? 'online' : 'transfer',
      });
      if (month.startsWith(String(year - 1))) collectedByOrg.set(org, (collectedByOrg.get(org) ?? 0) + paid);
    }
  }
  dues.reasons.push({
    person: story.excused,
    from: addMonth(lastDue, -3),
    to: addMonth(current, 5),
    reason: '出国访学',
  });

  // Last year's dues: most of what each college's branches collected is returned to the college in January.
  const parentOf = new Map(input.orgs.map((o) => [o.code, o]));
  const byCollege = new Map<string, number>();
  for (const [org, amount] of collectedByOrg) {
    const college = parentOf.get(org)?.parent ?? org;
    byCollege.set(college, (byCollege.get(college) ?? 0) + amount);
  }
  if (input.asOf >= `${year}-01-20`)
    for (const [college, amount] of [...byCollege].sort(([a], [b]) => a.localeCompare(b)))
      dues.returns.push({ org: college, year: year - 1, amount: Math.round(amount * 0.6), on: `${year}-01-15` });
  return { dues, story };
}

const pad = (n: number) => String(n).padStart(2, '0');
const addDay = (day: string, days: number) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};
