import { inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connect.ts';
import { orgs } from '../../db/schema.ts';
import { admissionsByMonth, planProgress } from '../../domain/rules/dev-college-facts.ts';
import type { Actor } from '../../server/scope.ts';
import { loadAdmissions } from './load-admissions.ts';
import { loadPlan, presentPlan } from './load-plan.ts';

/**
 * A plan against what happened: for each branch and category its number, the people admitted in the
 * year (month by month) and what is left; admissions outside any line appear with a number of 0.
 */
export async function loadPlanProgress(db: Db | Tx, options: { actor: Actor; planId: string }) {
  const { plan, college } = await loadPlan(db, { actor: options.actor, access: 'read', planId: options.planId });
  const view = await presentPlan(db, plan, college);
  const admissions = await loadAdmissions(db, { tenantId: plan.tenantId, path: college.path, year: plan.year });
  const lines = planProgress(view.lines, admissions);
  const ids = [...new Set(lines.map((l) => l.orgId))];
  const named = ids.length
    ? await db.select({ id: orgs.id, code: orgs.code, name: orgs.name }).from(orgs).where(inArray(orgs.id, ids))
    : [];
  const nameOf = new Map(named.map((o) => [o.id, o]));
  const byMonth = admissionsByMonth(admissions);
  return {
    planId: plan.id,
    orgId: college.id,
    orgName: college.name,
    year: plan.year,
    lines: lines.map((l) => ({
      orgId: l.orgId,
      orgCode: nameOf.get(l.orgId)?.code ?? '',
      orgName: nameOf.get(l.orgId)?.name ?? '',
      category: l.category,
      quota: l.quota,
      admitted: l.admitted,
      remaining: l.quota - l.admitted,
      byMonth: l.byMonth,
    })),
    totals: {
      quota: view.lines.reduce((s, l) => s + l.quota, 0),
      admitted: admissions.length,
      byMonth,
      largestMonthShare: admissions.length ? Math.max(...byMonth) / admissions.length : null,
    },
  };
}
