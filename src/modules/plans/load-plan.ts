import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { type lifePlanItems, lifePlans, orgs } from '../../db/schema.ts';
import { AppError, conflict, notFound } from '../../server/errors.ts';
import { type Access, type Actor, orgInScope, pathInScope } from '../../server/scope.ts';
import type { PlanStatus } from './schema.ts';

export type PlanRow = typeof lifePlans.$inferSelect;
export type PlanItemRow = typeof lifePlanItems.$inferSelect;

export const planNotFound = () => notFound({ zh: '年度计划', en: 'annual plan' });

/** A plan with its branch, if the branch is in the actor's scope with this access; else a 404. */
export async function loadPlanInScope(tx: Tx, actor: Actor, access: Access, planId: string) {
  const [row] = await tx
    .select({ plan: lifePlans, org: orgs })
    .from(lifePlans)
    .innerJoin(orgs, and(eq(orgs.tenantId, lifePlans.tenantId), eq(orgs.id, lifePlans.orgId)))
    .where(and(eq(lifePlans.id, planId), orgInScope(actor, access, orgs.tenantId, orgs.path)));
  if (!row) throw planNotFound();
  return row;
}

/** The path of an org's parent: the materialized path without its last id. */
export const parentPath = (path: string) => path.replace(/[^/]+\/$/, '');

/**
 * Approving and returning belong to the superior (the college, or the organization department),
 * never to the branch itself: the branch secretary can see the plan, so this is a 403, not a 404.
 */
export function requireSuperior(actor: Actor, org: { tenantId: string; path: string }) {
  if (!pathInScope(actor, 'write', org.tenantId, parentPath(org.path)))
    throw new AppError('FORBIDDEN', {
      zh: '年度计划由上级党组织审批，本支部不能自行审批',
      en: "An annual plan is reviewed by the branch's superior, not by the branch itself",
    });
}

const statusNames: Record<PlanStatus, string> = {
  draft: '草稿',
  submitted: '已报送',
  approved: '已批准',
  returned: '已退回',
};

/** A workflow step from the wrong status is a 409 that says where the plan stands. */
export function requireStatus(plan: PlanRow, allowed: PlanStatus[], step: { zh: string; en: string }) {
  if (!allowed.includes(plan.status as PlanStatus))
    throw conflict(
      {
        zh: `计划当前为“${statusNames[plan.status as PlanStatus]}”状态，不能${step.zh}`,
        en: `The plan is ${plan.status}; it cannot be ${step.en}`,
      },
      { status: plan.status },
    );
}
