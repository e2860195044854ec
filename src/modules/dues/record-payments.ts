import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { duesPayments } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, conflict, type FieldIssue } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { loadDuesPeople } from './load-dues-people.ts';
import { personNotFound } from './load-dues-person.ts';
import type { RecordPaymentsInput } from './schema.ts';

/**
 * Records one month's payments for several members at once (the branch collecting a month), all
 * or nothing: a member out of scope is a 404, a month before a member's admission or a member
 * listed twice is a 400, a month already recorded for a member is a 409 (edit that payment instead).
 */
export async function recordPayments(tx: Tx, options: { input: RecordPaymentsInput; actor: Actor; today: string }) {
  const { input, actor } = options;
  const ids = input.items.map((i) => i.personId);
  const people = await loadDuesPeople(tx, actor, 'write', ids);
  if (ids.some((id) => !people.has(id))) throw personNotFound();
  const issues: FieldIssue[] = [];
  if (input.paidOn > options.today) issues.push({ field: 'body.paidOn', reason: '晚于今天 / in the future' });
  const seen = new Set<string>();
  input.items.forEach((item, i) => {
    const person = people.get(item.personId)!;
    if (seen.has(item.personId))
      issues.push({ field: `body.items.${i}.personId`, reason: `${person.name}重复 / listed twice` });
    seen.add(item.personId);
    if (!person.firstMonth || input.month < person.firstMonth)
      issues.push({
        field: 'body.month',
        reason: `早于${person.name}入党（${person.firstMonth ?? '无组织关系'}）/ before ${person.code} was admitted`,
      });
  });
  if (issues.length) throw badInput(issues);
  const tenantIds = [...new Set([...people.values()].map((p) => p.tenantId))];
  const existing = await tx
    .select({ id: duesPayments.id, personId: duesPayments.personId })
    .from(duesPayments)
    .where(
      and(
        inArray(duesPayments.tenantId, tenantIds),
        inArray(duesPayments.personId, ids),
        eq(duesPayments.month, input.month),
      ),
    );
  if (existing.length)
    throw conflict(
      {
        zh: `${existing.map((e) => people.get(e.personId)?.name).join('、')}的${input.month}党费已登记，请修改原记录`,
        en: `Dues for ${input.month} are already recorded for ${existing.length} member(s); edit those payments instead`,
      },
      existing,
    );
  const rows = await tx
    .insert(duesPayments)
    .values(
      input.items.map((item) => ({
        tenantId: people.get(item.personId)!.tenantId,
        personId: item.personId,
        month: input.month,
        amount: item.amount,
        paidOn: input.paidOn,
        method: input.method,
        recordedBy: actor.accountId || null,
        recordedByName: actor.displayName,
        note: item.note ?? null,
      })),
    )
    .returning();
  for (const row of rows)
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'duesPayment',
      entityId: row.id,
      tenantId: row.tenantId,
      orgPath: people.get(row.personId)!.orgPath,
      after: row,
    });
  return rows;
}
