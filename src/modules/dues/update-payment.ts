import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { duesPayments } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, notFound, stale } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { type DuesPerson, loadDuesPerson } from './load-dues-person.ts';
import type { UpdatePaymentInput } from './schema.ts';

export const paymentNotFound = () => notFound({ zh: '党费交纳记录', en: 'dues payment' });

/** A payment the actor may change, with its member; 404 outside the scope. */
export async function loadPaymentForWrite(tx: Tx, actor: Actor, paymentId: string) {
  const [payment] = await tx.select().from(duesPayments).where(eq(duesPayments.id, paymentId));
  if (!payment) throw paymentNotFound();
  const person: DuesPerson = await loadDuesPerson(tx, actor, 'write', payment.personId).catch(() => {
    throw paymentNotFound();
  });
  return { payment, person };
}

/** Corrects a paid amount, date or method; audited with before and after, 409 on a stale version. */
export async function updatePayment(
  tx: Tx,
  options: { paymentId: string; input: UpdatePaymentInput; actor: Actor; today: string },
) {
  const { input, actor } = options;
  const { payment: before, person } = await loadPaymentForWrite(tx, actor, options.paymentId);
  if (input.paidOn && input.paidOn > options.today)
    throw badInput([{ field: 'body.paidOn', reason: '晚于今天 / in the future' }]);
  if (input.version !== before.version) throw stale();
  const [after] = await tx
    .update(duesPayments)
    .set({
      ...(input.amount !== undefined ? { amount: input.amount } : {}),
      ...(input.paidOn !== undefined ? { paidOn: input.paidOn } : {}),
      ...(input.method !== undefined ? { method: input.method } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
      version: sql`${duesPayments.version} + 1`,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(duesPayments.tenantId, before.tenantId),
        eq(duesPayments.id, before.id),
        eq(duesPayments.version, input.version),
      ),
    )
    .returning();
  if (!after) throw stale();
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'duesPayment',
    entityId: after.id,
    tenantId: after.tenantId,
    orgPath: person.orgPath,
    before,
    after,
  });
  return after;
}

/** Removes a payment recorded in error; audited, 409 on a stale version. */
export async function deletePayment(tx: Tx, options: { paymentId: string; version: number; actor: Actor }) {
  const { actor } = options;
  const { payment, person } = await loadPaymentForWrite(tx, actor, options.paymentId);
  if (options.version !== payment.version) throw stale();
  const deleted = await tx
    .delete(duesPayments)
    .where(
      and(
        eq(duesPayments.tenantId, payment.tenantId),
        eq(duesPayments.id, payment.id),
        eq(duesPayments.version, options.version),
      ),
    )
    .returning({ id: duesPayments.id });
  if (deleted.length === 0) throw stale();
  await recordAudit(tx, actor, {
    action: 'delete',
    entity: 'duesPayment',
    entityId: payment.id,
    tenantId: payment.tenantId,
    orgPath: person.orgPath,
    before: payment,
  });
}
