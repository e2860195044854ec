import { and, asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connect.ts';
import { devPlanLines, devPlans, orgs } from '../../db/schema.ts';
import { notFound } from '../../server/errors.ts';
import type { Access, Actor } from '../../server/scope.ts';
import { type CollegeRow, loadCollege } from './load-college.ts';
import type { PlanView } from './schema.ts';

export type PlanRow = typeof devPlans.$inferSelect;

const planNotFound = () => notFound({ zh: '发展计划', en: 'development plan' });

/** A plan whose college-level organization the actor reaches (404 otherwise, 403 on a write without write scope). */
export async function loadPlan(
  db: Db | Tx,
  options: { actor: Actor; access: Access; planId: string },
): Promise<{ plan: PlanRow; college: CollegeRow }> {
  const [plan] = await db.select().from(devPlans).where(eq(devPlans.id, options.planId));
  if (!plan) throw planNotFound();
  try {
    const college = await loadCollege(db, { actor: options.actor, access: options.access, orgId: plan.orgId });
    return { plan, college };
  } catch (e) {
    // Another university's or college's plan is not shown to exist.
    if ((e as { code?: string }).code === 'NOT_FOUND') throw planNotFound();
    throw e;
  }
}

/** The plan with its lines, each named by its branch. */
export async function presentPlan(db: Db | Tx, plan: PlanRow, college: CollegeRow): Promise<PlanView> {
  const lines = await db
    .select({
      orgId: devPlanLines.orgId,
      orgCode: orgs.code,
      orgName: orgs.name,
      category: devPlanLines.category,
      quota: devPlanLines.quota,
    })
    .from(devPlanLines)
    .innerJoin(orgs, and(eq(orgs.tenantId, devPlanLines.tenantId), eq(orgs.id, devPlanLines.orgId)))
    .where(and(eq(devPlanLines.tenantId, plan.tenantId), eq(devPlanLines.planId, plan.id)))
    .orderBy(asc(orgs.code), asc(devPlanLines.category));
  return {
    id: plan.id,
    orgId: plan.orgId,
    orgName: college.name,
    year: plan.year,
    note: plan.note,
    version: plan.version,
    lines: lines.map((l) => ({ ...l, category: l.category as 'student' | 'staff' })),
  };
}
