import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { devPlanLines, devPlans } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { stale } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { checkLines } from './check-lines.ts';
import { loadPlan, presentPlan } from './load-plan.ts';
import type { UpdatePlanInput } from './schema.ts';

/** Replaces a plan's note and numbers at the version read (a stale version is a 409). */
export async function updatePlan(tx: Tx, options: { planId: string; input: UpdatePlanInput; actor: Actor }) {
  const { input, actor } = options;
  const { plan, college } = await loadPlan(tx, { actor, access: 'write', planId: options.planId });
  if (plan.version !== input.version) throw stale();
  await checkLines(tx, college, input.lines);
  const before = await presentPlan(tx, plan, college);
  const [updated] = await tx
    .update(devPlans)
    .set({
      note: input.note === undefined ? plan.note : input.note,
      version: sql`${devPlans.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(devPlans.tenantId, plan.tenantId), eq(devPlans.id, plan.id), eq(devPlans.version, input.version)))
    .returning();
  if (!updated) throw stale();
  await tx.delete(devPlanLines).where(and(eq(devPlanLines.tenantId, plan.tenantId), eq(devPlanLines.planId, plan.id)));
  if (input.lines.length)
    await tx.insert(devPlanLines).values(input.lines.map((l) => ({ tenantId: plan.tenantId, planId: plan.id, ...l })));
  const after = await presentPlan(tx, updated, college);
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'devPlan',
    entityId: plan.id,
    tenantId: plan.tenantId,
    orgPath: college.path,
    before,
    after,
  });
  return after;
}
