/**
 * A member's dues month by month: what was due by the brackets, what was paid, what is still
 * owed, and the run of unpaid months that DUES-03 watches. Pure: the same records and asOf always
 * give the same ledger; the API pages, the statistics and the rules all read this one function.
 *
 * Decisions (see docs/dues.md):
 * - A month is owed when the person held a membership in normal standing during it and had been
 *   admitted by its end (probationary members pay from the month they are admitted).
 * - The income base of a month is the latest base whose effective month is not later.
 * - A month is due by its last day; it is in arrears once it has ended with less paid than due.
 *   The current month is never in arrears.
 * - “Unpaid” for DUES-03 means nothing at all was paid for the month (a part payment is a DUES-02
 *   matter, not a sign of lapse); a month covered by a recorded reason breaks the run.
 * - Dues accounting starts with a member's first income base: months before it have no amount,
 *   are neither arrears nor unpaid (the platform does not know that history), and DUES-01 reports
 *   the missing base instead.
 */
import { type DuesCategory, type DuesSchedule, duesSchedules, monthlyDues } from './brackets.ts';
import { addMonth, lastDayOf, monthOf } from './months.ts';

export type DuesBaseRecord = {
  id: string;
  effectiveMonth: string;
  category: DuesCategory;
  /** Fen a month (after-tax salary or pension; ignored for students and relief). */
  base: number;
  verifiedOn: string | null;
};

export type DuesPaymentRecord = { id: string; month: string; amount: number; paidOn: string };

/** A recorded reason for not paying (illness, abroad, hardship) over [fromMonth, toMonth]. */
export type DuesReasonRecord = { id: string; fromMonth: string; toMonth: string | null; reason: string };

/** A month the member owed dues, with the org they belonged to then. */
export type OwedMonth = { month: string; orgId: string };

export type MemberDuesRecords = {
  personId: string;
  owedMonths: OwedMonth[];
  bases: DuesBaseRecord[];
  payments: DuesPaymentRecord[];
  reasons: DuesReasonRecord[];
};

export type LedgerMonth = {
  month: string;
  orgId: string;
  baseId: string | null;
  category: DuesCategory | null;
  base: number | null;
  /** Fen due by the brackets; null when no base covers the month. */
  due: number | null;
  basisPoints: number | null;
  paid: number;
  paymentIds: string[];
  /** The latest day a payment for the month was made. */
  paidOn: string | null;
  /** Fen still owed (0 when paid in full or more, or when nothing is known to be due). */
  outstanding: number;
  /** Some of it was paid after the month ended. */
  late: boolean;
  /** The recorded reason covering the month, if any. */
  reason: string | null;
};

/** The base in force in a month: the latest with an effective month not after it. */
export function baseFor(bases: DuesBaseRecord[], month: string): DuesBaseRecord | null {
  let found: DuesBaseRecord | null = null;
  for (const b of bases)
    if (b.effectiveMonth <= month && (!found || b.effectiveMonth > found.effectiveMonth)) found = b;
  return found;
}

export function memberLedger(records: MemberDuesRecords, schedules: DuesSchedule[] = duesSchedules): LedgerMonth[] {
  const byMonth = new Map<string, DuesPaymentRecord[]>();
  for (const p of records.payments) byMonth.set(p.month, [...(byMonth.get(p.month) ?? []), p]);
  return [...records.owedMonths]
    .sort((a, b) => a.month.localeCompare(b.month))
    .map(({ month, orgId }) => {
      const base = baseFor(records.bases, month);
      const dues = base ? monthlyDues({ category: base.category, base: base.base, month }, schedules) : null;
      const payments = byMonth.get(month) ?? [];
      const paid = payments.reduce((sum, p) => sum + p.amount, 0);
      const paidOn = payments.reduce<string | null>(
        (last, p) => (last === null || p.paidOn > last ? p.paidOn : last),
        null,
      );
      const due = dues?.amount ?? null;
      const reason = records.reasons.find((r) => r.fromMonth <= month && (r.toMonth === null || r.toMonth >= month));
      return {
        month,
        orgId,
        baseId: base?.id ?? null,
        category: base?.category ?? null,
        base: base ? base.base : null,
        due,
        basisPoints: dues?.basisPoints ?? null,
        paid,
        paymentIds: payments.map((p) => p.id),
        paidOn,
        outstanding: due === null ? 0 : Math.max(0, due - paid),
        late: paidOn !== null && paidOn > lastDayOf(month),
        reason: reason?.reason ?? null,
      };
    });
}

export type Arrears = {
  /** Ended months with less paid than due. */
  months: string[];
  /** Fen owed for those months. */
  amount: number;
  /** Consecutive ended months, up to the last one, with nothing paid and no recorded reason. */
  consecutiveUnpaid: number;
  unpaidSince: string | null;
};

const unpaid = (m: LedgerMonth) => m.paid === 0 && m.due !== null && m.due > 0;

export function arrearsOf(ledger: LedgerMonth[], asOf: string): Arrears {
  const current = monthOf(asOf);
  const ended = ledger.filter((m) => m.month < current);
  const owing = ended.filter((m) => m.outstanding > 0);
  let consecutiveUnpaid = 0;
  let unpaidSince: string | null = null;
  let expected = addMonth(current, -1);
  for (let i = ended.length - 1; i >= 0; i--) {
    const m = ended[i];
    // A gap (months without membership) ends the run, as does a paid or excused month.
    if (m.month !== expected || !unpaid(m) || m.reason !== null) break;
    consecutiveUnpaid++;
    unpaidSince = m.month;
    expected = addMonth(expected, -1);
  }
  return {
    months: owing.map((m) => m.month),
    amount: owing.reduce((sum, m) => sum + m.outstanding, 0),
    consecutiveUnpaid,
    unpaidSince,
  };
}
