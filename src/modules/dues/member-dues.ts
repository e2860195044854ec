/** One member's dues: bases, payments, reasons, the month-by-month ledger and arrears as of today. */
import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { duesBases, duesPayments, duesReasons } from '../../db/schema.ts';
import { arrearsOf } from '../../domain/dues/ledger.ts';
import { addMonth, monthOf } from '../../domain/dues/months.ts';
import type { Actor } from '../../server/scope.ts';
import { ARREARS_MONTHS } from './collection-sheet.ts';
import { loadDuesPerson } from './load-dues-person.ts';
import { loadLedgers } from './load-ledgers.ts';

export async function memberDues(tx: Tx, options: { actor: Actor; personId: string; today: string }) {
  const { today } = options;
  const person = await loadDuesPerson(tx, options.actor, 'read', options.personId);
  const toMonth = monthOf(today);
  const fromMonth = addMonth(toMonth, -ARREARS_MONTHS);
  // The whole university, narrowed to the person: their months elsewhere in it count too.
  const [ledger] = await loadLedgers(tx, {
    org: { tenantId: person.tenantId, path: `/${person.tenantId}/` },
    fromMonth,
    toMonth,
    asOf: today,
    personId: person.id,
  });
  const months = ledger?.months ?? [];
  const bases = await tx
    .select()
    .from(duesBases)
    .where(eq(duesBases.personId, person.id))
    .orderBy(asc(duesBases.effectiveMonth));
  const payments = await tx
    .select()
    .from(duesPayments)
    .where(eq(duesPayments.personId, person.id))
    .orderBy(asc(duesPayments.month));
  const reasons = await tx
    .select()
    .from(duesReasons)
    .where(eq(duesReasons.personId, person.id))
    .orderBy(asc(duesReasons.fromMonth));
  return {
    personId: person.id,
    personCode: person.code,
    personName: person.name,
    bases: bases.map((b) => ({
      id: b.id,
      effectiveMonth: b.effectiveMonth,
      category: b.category as 'staff',
      base: b.base,
      verifiedOn: b.verifiedOn,
      note: b.note,
      version: b.version,
    })),
    payments: payments.map((p) => ({
      id: p.id,
      personId: p.personId,
      month: p.month,
      amount: p.amount,
      paidOn: p.paidOn,
      method: p.method,
      recordedByName: p.recordedByName,
      note: p.note,
      version: p.version,
    })),
    reasons: reasons.map((r) => ({ id: r.id, fromMonth: r.fromMonth, toMonth: r.toMonth, reason: r.reason })),
    ledger: months.map((m) => ({
      month: m.month,
      category: m.category,
      base: m.base,
      basisPoints: m.basisPoints,
      due: m.due,
      paid: m.paid,
      outstanding: m.outstanding,
      late: m.late,
      reason: m.reason,
    })),
    arrears: arrearsOf(months, today),
  };
}
