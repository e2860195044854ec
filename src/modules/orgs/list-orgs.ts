import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import type { ListOrgsFilters } from './schema.ts';
import { selectRows } from './select-rows.ts';

export type OrgListRow = {
  id: string;
  tenantId: string;
  code: string;
  name: string;
  kind: string;
  subkind: string | null;
  branchCategory: string | null;
  parentId: string | null;
  parentName: string | null;
  path: string;
  depth: number;
  jointUnits: string[];
  temporary: Record<string, string | null> | null;
  validFrom: string;
  validTo: string | null;
  version: number;
};

const likeContains = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Orgs in the actor’s read scope, level by level (the top first), by code within a level. Without `asOf` every org, dissolved ones too;
 * with it, the orgs alive that day under the name, kind and parent they had then.
 */
export async function listOrgs(tx: Tx, options: { actor: Actor; filters: ListOrgsFilters }): Promise<OrgListRow[]> {
  const { actor, filters } = options;
  const state = filters.asOf
    ? sql`(select h.name, h.kind, h.subkind, h.branch_category, h.parent_id from org_history h
         where h.tenant_id = o.tenant_id and h.org_id = o.id
           and h.valid_from <= ${filters.asOf}::date and (h.valid_to is null or h.valid_to > ${filters.asOf}::date)
         order by h.valid_from desc limit 1)`
    : sql`(select o.name, o.kind, o.subkind, o.branch_category, o.parent_id)`;
  const where: SQL[] = [orgInScope(actor, 'read', sql`o.tenant_id`, sql`o.path`)];
  if (filters.parentId) where.push(sql`s.parent_id = ${filters.parentId}::uuid`);
  if (filters.kind) where.push(sql`s.kind = ${filters.kind}`);
  if (filters.q) where.push(sql`(s.name ilike ${likeContains(filters.q)} or o.code ilike ${likeContains(filters.q)})`);
  return selectRows<OrgListRow>(
    tx,
    sql`
    select o.id, o.tenant_id as "tenantId", o.code, s.name, s.kind, s.subkind, s.branch_category as "branchCategory",
      s.parent_id as "parentId", p.name as "parentName", o.path, o.depth, o.joint_units as "jointUnits",
      o.temporary, o.valid_from::text as "validFrom", o.valid_to::text as "validTo", o.version
    from orgs o
    cross join lateral ${state} as s
    left join orgs p on p.tenant_id = o.tenant_id and p.id = s.parent_id
    where ${sql.join(where, sql` and `)}
    order by o.tenant_id, o.depth, o.code`,
  );
}
