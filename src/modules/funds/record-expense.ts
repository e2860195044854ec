import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { fundExpenses, orgs } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, notFound, stale } from '../../server/errors.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { loadFundOrg } from './load-org.ts';
import type { RecordExpenseInput, UpdateExpenseInput } from './schema.ts';

function checkSpentOn(spentOn: string, today: string) {
  if (spentOn > today) throw badInput([{ field: 'spentOn', reason: '不能晚于今天 / cannot be later than today' }]);
}

/** An expense of an org in the actor's write scope (the college itself or an org below it). */
export async function recordExpense(tx: Tx, options: { input: RecordExpenseInput; today: string; actor: Actor }) {
  const { input, actor } = options;
  const org = await loadFundOrg(tx, actor, 'write', input.orgId);
  checkSpentOn(input.spentOn, options.today);
  const [expense] = await tx
    .insert(fundExpenses)
    .values({
      tenantId: org.tenantId,
      orgId: org.id,
      spentOn: input.spentOn,
      amount: input.amount,
      category: input.category,
      description: input.description,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'fundExpense',
    entityId: expense.id,
    tenantId: org.tenantId,
    orgPath: org.path,
    after: expense,
  });
  return expense;
}

/** Corrects an expense at the version read (409 when someone changed it meanwhile). */
export async function updateExpense(
  tx: Tx,
  options: { id: string; input: UpdateExpenseInput; today: string; actor: Actor },
) {
  const { input, actor } = options;
  const [row] = await tx
    .select({ expense: fundExpenses, orgPath: orgs.path })
    .from(fundExpenses)
    .innerJoin(orgs, and(eq(orgs.tenantId, fundExpenses.tenantId), eq(orgs.id, fundExpenses.orgId)))
    .where(and(eq(fundExpenses.id, options.id), orgInScope(actor, 'write', orgs.tenantId, orgs.path)));
  if (!row) throw notFound({ zh: '经费支出', en: 'expense' });
  const before = row.expense;
  if (input.version !== before.version) throw stale();
  if (input.spentOn) checkSpentOn(input.spentOn, options.today);
  const [after] = await tx
    .update(fundExpenses)
    .set({
      spentOn: input.spentOn ?? before.spentOn,
      amount: input.amount ?? before.amount,
      category: input.category ?? before.category,
      description: input.description ?? before.description,
      version: sql`${fundExpenses.version} + 1`,
    })
    .where(
      and(
        eq(fundExpenses.tenantId, before.tenantId),
        eq(fundExpenses.id, before.id),
        eq(fundExpenses.version, input.version),
      ),
    )
    .returning();
  if (!after) throw stale();
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'fundExpense',
    entityId: after.id,
    tenantId: after.tenantId,
    orgPath: row.orgPath,
    before,
    after,
  });
  return after;
}
