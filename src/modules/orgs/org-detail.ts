import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { orgs, terms } from '../../db/schema.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { loadOrgInScope, presentOrg } from './load-org.ts';
import { presentTerms } from './present-terms.ts';
import { selectRows } from './select-rows.ts';

const refColumns = {
  id: orgs.id,
  code: orgs.code,
  name: orgs.name,
  kind: orgs.kind,
  subkind: orgs.subkind,
  branchCategory: orgs.branchCategory,
  validFrom: orgs.validFrom,
  validTo: orgs.validTo,
};

/**
 * An org with its breadcrumb (the ancestors the actor may read), its children, how many full and
 * probationary members it has now (the whole subtree; a group counts its own members) and the
 * term in office today.
 */
export async function loadOrgDetail(tx: Tx, options: { actor: Actor; orgId: string; today: string }) {
  const { actor, today } = options;
  const org = await loadOrgInScope(tx, actor, 'read', options.orgId);
  const ancestorIds = org.path.split('/').filter((id) => id && id !== org.id);
  const ancestors = ancestorIds.length
    ? await tx
        .select(refColumns)
        .from(orgs)
        .where(
          and(
            eq(orgs.tenantId, org.tenantId),
            inArray(orgs.id, ancestorIds),
            orgInScope(actor, 'read', orgs.tenantId, orgs.path),
          ),
        )
        .orderBy(asc(orgs.depth))
    : [];
  const children = await tx
    .select(refColumns)
    .from(orgs)
    .where(and(eq(orgs.tenantId, org.tenantId), eq(orgs.parentId, org.id)))
    .orderBy(asc(orgs.kind), asc(orgs.code));
  const [counts] = await selectRows<{ full: number; probationary: number }>(
    tx,
    sql`
    select count(*) filter (where m.status = 'full')::int as full,
      count(*) filter (where m.status = 'probationary')::int as probationary
    from memberships m join orgs o on o.tenant_id = m.tenant_id and o.id = m.org_id
    where m.tenant_id = ${org.tenantId} and m.standing = 'normal'
      and m.valid_from <= ${today}::date and (m.valid_to is null or m.valid_to > ${today}::date)
      and (o.path like ${`${org.path}%`} or m.group_id = ${org.id})`,
  );
  const [current] = await tx
    .select()
    .from(terms)
    .where(and(eq(terms.tenantId, org.tenantId), eq(terms.orgId, org.id), lte(terms.electedOn, today)))
    .orderBy(desc(terms.electedOn), desc(terms.createdAt))
    .limit(1);
  const [currentTerm] = current ? await presentTerms(tx, [current], today) : [null];
  return {
    org: presentOrg(org),
    ancestors,
    children,
    counts: { full: counts.full, probationary: counts.probationary },
    currentTerm,
  };
}
