/**
 * The monthly collection sheet of an org subtree: every member who owes the month, what the
 * brackets make due, what is paid, and each member's arrears as of today, with the subtree's
 * totals (应缴, 实缴, rate). The page, the Excel export and the browser test read this.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { duesPayments } from '../../db/schema.ts';
import { collectionStats } from '../../domain/dues/collection.ts';
import { arrearsOf } from '../../domain/dues/ledger.ts';
import { addMonth, monthOf } from '../../domain/dues/months.ts';
import type { Actor } from '../../server/scope.ts';
import { loadLedgers, loadOrgInScope, namesOf } from './load-ledgers.ts';
import type { SheetResponse } from './schema.ts';

/** Arrears on the sheet cover the two years before today (older arrears are on the member's page). */
export const ARREARS_MONTHS = 24;

export async function collectionSheet(
  tx: Tx,
  options: { actor: Actor; orgId: string; month: string; today: string },
): Promise<SheetResponse> {
  const { month, today } = options;
  const org = await loadOrgInScope(tx, options.actor, options.orgId);
  const todayMonth = monthOf(today);
  const fromMonth = [month, addMonth(todayMonth, -ARREARS_MONTHS)].sort()[0];
  const toMonth = [month, todayMonth].sort()[1];
  const ledgers = (await loadLedgers(tx, { org, fromMonth, toMonth, asOf: today })).filter((l) =>
    l.months.some((m) => m.month === month),
  );
  const ids = ledgers.map((l) => l.personId);
  const payments = ids.length
    ? await tx
        .select()
        .from(duesPayments)
        .where(
          and(
            eq(duesPayments.tenantId, org.tenantId),
            inArray(duesPayments.personId, ids),
            eq(duesPayments.month, month),
          ),
        )
    : [];
  const paymentOf = new Map(payments.map((p) => [p.personId, p]));
  const rowsMonth = ledgers.map((l) => ({ ledger: l, m: l.months.find((x) => x.month === month)! }));
  const { people, orgs } = await namesOf(tx, org.tenantId, ids, [...new Set(rowsMonth.map((r) => r.m.orgId))]);
  const totals = collectionStats([org], ledgers, { from: month, to: month }).get(org.id)!;
  const rows = rowsMonth
    .map(({ ledger, m }) => {
      const payment = paymentOf.get(ledger.personId);
      const arrears = arrearsOf(ledger.months, today);
      return {
        personId: ledger.personId,
        personCode: people.get(ledger.personId)?.code ?? '',
        personName: people.get(ledger.personId)?.name ?? '',
        orgId: m.orgId,
        orgName: orgs.get(m.orgId) ?? '',
        category: m.category,
        base: m.base,
        basisPoints: m.basisPoints,
        due: m.due,
        paid: m.paid,
        payment: payment
          ? {
              id: payment.id,
              amount: payment.amount,
              paidOn: payment.paidOn,
              method: payment.method,
              version: payment.version,
            }
          : null,
        reason: m.reason,
        arrearsMonths: arrears.months.length,
        arrearsAmount: arrears.amount,
        consecutiveUnpaid: arrears.consecutiveUnpaid,
      };
    })
    .sort((a, b) => a.orgName.localeCompare(b.orgName, 'zh-CN') || a.personCode.localeCompare(b.personCode));
  return { month, orgId: org.id, orgName: org.name, totals, rows };
}
