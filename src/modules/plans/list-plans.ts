import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { accounts, lifePlans, orgs } from '../../db/schema.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { dueMonthDay, loadDueOverrides } from './due-date.ts';
import { planSummary } from './plan-view.ts';
import type { ListPlansFilters } from './schema.ts';

/** Plans of branches in the actor's read scope, within the subtree of `orgId` when given. */
export async function listPlans(tx: Tx, options: { actor: Actor; filters: ListPlansFilters; today: string }) {
  const { actor, filters, today } = options;
  const where: SQL[] = [orgInScope(actor, 'read', orgs.tenantId, orgs.path)];
  if (filters.orgId)
    where.push(
      sql`${orgs.path} like (select f.path from orgs f where f.tenant_id = ${orgs.tenantId} and f.id = ${filters.orgId}::uuid) || '%'`,
    );
  if (filters.year) where.push(eq(lifePlans.year, filters.year));
  if (filters.status) where.push(eq(lifePlans.status, filters.status));
  const rows = await tx
    .select({
      plan: lifePlans,
      org: { tenantId: orgs.tenantId, id: orgs.id, name: orgs.name, code: orgs.code, path: orgs.path },
      reviewedByName: accounts.displayName,
      itemCount:
        sql<number>`(select count(*) from life_plan_items i where i.tenant_id = ${lifePlans.tenantId} and i.plan_id = ${lifePlans.id})`.mapWith(
          Number,
        ),
    })
    .from(lifePlans)
    .innerJoin(orgs, and(eq(orgs.tenantId, lifePlans.tenantId), eq(orgs.id, lifePlans.orgId)))
    .leftJoin(accounts, eq(accounts.id, lifePlans.reviewedBy))
    .where(and(...where))
    .orderBy(asc(lifePlans.tenantId), asc(lifePlans.year), asc(orgs.code));
  const overrides = await loadDueOverrides(tx, [...new Set(rows.map((r) => r.plan.tenantId))]);
  return rows.map((r) => ({
    ...planSummary(r.plan, r.org, {
      dueDate: `${r.plan.year}-${dueMonthDay(overrides, r.plan.tenantId, r.org.path)}`,
      today,
      reviewedByName: r.reviewedByName,
    }),
    itemCount: r.itemCount,
  }));
}
