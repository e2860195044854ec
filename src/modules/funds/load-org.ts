import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connect.ts';
import { collegeLevelSql } from '../../db/facts/funds.ts';
import { orgs } from '../../db/schema.ts';
import { badInput, forbidden, notFound } from '../../server/errors.ts';
import { type Access, type Actor, holdsTenantRoot, orgInScope } from '../../server/scope.ts';

export type FundOrgRow = { id: string; tenantId: string; name: string; path: string; collegeLevel: boolean };

/** An org in the actor's scope (else a 404), and whether it is college-level (二级党组织). */
export async function loadFundOrg(db: Db | Tx, actor: Actor, access: Access, orgId: string): Promise<FundOrgRow> {
  const [org] = await db
    .select({
      id: orgs.id,
      tenantId: orgs.tenantId,
      name: orgs.name,
      path: orgs.path,
      collegeLevel: sql<boolean>`${collegeLevelSql('orgs')}`,
    })
    .from(orgs)
    .where(and(eq(orgs.id, orgId), orgInScope(actor, access, orgs.tenantId, orgs.path)));
  if (!org) throw notFound({ zh: '组织', en: 'organization' });
  return org;
}

/** Budgets and allocations are given by the university: only a university-wide writer sets them. */
export async function loadCollegeForFunding(db: Db | Tx, actor: Actor, orgId: string) {
  const org = await loadFundOrg(db, actor, 'read', orgId);
  if (!holdsTenantRoot(actor, 'write', org.tenantId)) throw forbidden();
  if (!org.collegeLevel)
    throw badInput([
      {
        field: 'orgId',
        reason: '经费按二级党组织编列和拨付 / budgets and allocations are per college-level organization',
      },
    ]);
  return org;
}
