import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { fundBudgets } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, stale } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { loadCollegeForFunding } from './load-org.ts';
import type { SaveBudgetInput } from './schema.ts';

/** Sets a college-level organization's budget for a year: creates it, or changes it at the version read. */
export async function saveBudget(tx: Tx, options: { input: SaveBudgetInput; actor: Actor }) {
  const { input, actor } = options;
  const org = await loadCollegeForFunding(tx, actor, input.orgId);
  const where = and(
    eq(fundBudgets.tenantId, org.tenantId),
    eq(fundBudgets.orgId, org.id),
    eq(fundBudgets.year, input.year),
  );
  const [before] = await tx.select().from(fundBudgets).where(where);
  let after: typeof fundBudgets.$inferSelect;
  if (!before) {
    [after] = await tx
      .insert(fundBudgets)
      .values({
        tenantId: org.tenantId,
        orgId: org.id,
        year: input.year,
        amount: input.amount,
        note: input.note ?? null,
      })
      .returning();
  } else {
    if (input.version === undefined)
      throw badInput([{ field: 'version', reason: '修改已有预算须提供版本号 / send the version you read' }]);
    if (input.version !== before.version) throw stale();
    const [updated] = await tx
      .update(fundBudgets)
      .set({
        amount: input.amount,
        note: input.note === undefined ? before.note : input.note,
        version: sql`${fundBudgets.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(where, eq(fundBudgets.version, input.version)))
      .returning();
    if (!updated) throw stale();
    after = updated;
  }
  await recordAudit(tx, actor, {
    action: before ? 'update' : 'create',
    entity: 'fundBudget',
    entityId: after.id,
    tenantId: org.tenantId,
    orgPath: org.path,
    before: before ?? null,
    after,
  });
  return after;
}
