import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connect.ts';
import { collegeLevelSql } from '../../db/facts/funds.ts';
import { devPlans, orgs } from '../../db/schema.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { viewRoot } from '../training/scope-root.ts';
import { loadAdmissions } from './load-admissions.ts';

/** Every college-level organization under the view's root that the actor reads: its plan for the year and admissions so far. */
export async function listPlans(db: Db | Tx, options: { actor: Actor; orgId?: string; year: number }) {
  const { actor, year } = options;
  const root = await viewRoot(db, actor, options.orgId);
  const rows = await db
    .select({
      orgId: orgs.id,
      orgCode: orgs.code,
      orgName: orgs.name,
      planId: devPlans.id,
      planVersion: devPlans.version,
      quota: sql<number | null>`(select sum(l.quota)::int from dev_plan_lines l
        where l.tenant_id = ${devPlans.tenantId} and l.plan_id = ${devPlans.id})`,
    })
    .from(orgs)
    .leftJoin(devPlans, and(eq(devPlans.tenantId, orgs.tenantId), eq(devPlans.orgId, orgs.id), eq(devPlans.year, year)))
    .where(
      and(
        eq(orgs.tenantId, root.tenantId),
        sql`${orgs.path} like ${`${root.path}%`}`,
        sql`${collegeLevelSql('orgs')}`,
        orgInScope(actor, 'read', orgs.tenantId, orgs.path),
        sql`(${orgs.validTo} is null or ${orgs.validTo} > make_date(${year}, 1, 1))`,
      ),
    )
    .orderBy(orgs.code);
  const admissions = await loadAdmissions(db, { tenantId: root.tenantId, path: root.path, year });
  const admitted = new Map<string, number>();
  for (const a of admissions) admitted.set(a.collegeId, (admitted.get(a.collegeId) ?? 0) + 1);
  return {
    year,
    items: rows.map((r) => ({
      ...r,
      year,
      quota: r.planId ? (r.quota ?? 0) : null,
      admitted: admitted.get(r.orgId) ?? 0,
    })),
  };
}
