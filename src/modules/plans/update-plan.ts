import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { lifePlanItems, lifePlans } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, stale } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { checkItems } from './check-items.ts';
import { loadPlanInScope, requireStatus } from './load-plan.ts';
import type { UpdatePlanInput } from './schema.ts';

/**
 * Replaces a plan's items while the branch still holds it (draft, or returned for changes).
 * Submitted and approved plans are fixed, so no item replaced here has a meeting yet.
 */
export async function updatePlan(tx: Tx, options: { planId: string; input: UpdatePlanInput; actor: Actor }) {
  const { input, actor } = options;
  const { plan, org } = await loadPlanInScope(tx, actor, 'write', options.planId);
  if (plan.version !== input.version) throw stale();
  requireStatus(plan, ['draft', 'returned'], { zh: '修改', en: 'changed' });
  const checked = await checkItems(tx, {
    tenantId: plan.tenantId,
    year: plan.year,
    items: input.items,
    field: 'body.items',
  });
  if (checked.issues.length) throw badInput(checked.issues);
  const [updated] = await tx
    .update(lifePlans)
    .set({ version: sql`${lifePlans.version} + 1`, updatedAt: new Date() })
    .where(and(eq(lifePlans.tenantId, plan.tenantId), eq(lifePlans.id, plan.id), eq(lifePlans.version, input.version)))
    .returning();
  if (!updated) throw stale();
  const where = and(eq(lifePlanItems.tenantId, plan.tenantId), eq(lifePlanItems.planId, plan.id));
  const before = await tx.select().from(lifePlanItems).where(where);
  await tx.delete(lifePlanItems).where(where);
  const items = checked.rows.length
    ? await tx
        .insert(lifePlanItems)
        .values(checked.rows.map((r) => ({ ...r, tenantId: plan.tenantId, planId: plan.id })))
        .returning()
    : [];
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'lifePlan',
    entityId: plan.id,
    tenantId: plan.tenantId,
    orgPath: org.path,
    before: { ...plan, items: before },
    after: { ...updated, items },
  });
  return updated;
}
