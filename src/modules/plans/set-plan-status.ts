import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { lifePlans } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { stale } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import type { PlanRow } from './load-plan.ts';

/**
 * Moves a plan along its workflow: the update matches the status and version read, so two
 * reviewers clicking at once get one success and one 409.
 */
export async function setPlanStatus(
  tx: Tx,
  options: {
    plan: PlanRow;
    orgPath: string;
    action: 'submit' | 'approve' | 'return';
    set: Partial<typeof lifePlans.$inferInsert>;
    expectedVersion?: number;
    actor: Actor;
  },
) {
  const { plan, actor } = options;
  if (options.expectedVersion !== undefined && options.expectedVersion !== plan.version) throw stale();
  const [updated] = await tx
    .update(lifePlans)
    .set({ ...options.set, version: sql`${lifePlans.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(lifePlans.tenantId, plan.tenantId),
        eq(lifePlans.id, plan.id),
        eq(lifePlans.version, plan.version),
        eq(lifePlans.status, plan.status),
      ),
    )
    .returning();
  if (!updated) throw stale();
  await recordAudit(tx, actor, {
    action: options.action,
    entity: 'lifePlan',
    entityId: plan.id,
    tenantId: plan.tenantId,
    orgPath: options.orgPath,
    before: plan,
    after: updated,
  });
  return updated;
}
