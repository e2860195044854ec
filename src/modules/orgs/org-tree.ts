import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import type { Actor } from '../../server/scope.ts';
import type { OrgNode } from './schema.ts';
import { selectRows } from './select-rows.ts';

type TreeRow = Omit<OrgNode, 'children' | 'memberCount'> & { tenantId: string };

const kindOrder: Record<string, number> = { university: 0, college: 1, branch: 2, group: 3 };
const byKindAndCode = (a: OrgNode, b: OrgNode) =>
  (kindOrder[a.kind] ?? 9) - (kindOrder[b.kind] ?? 9) || a.code.localeCompare(b.code);

/**
 * Where the tree starts for this actor: the orgs at the tops of their read areas (the last id of
 * each area path), or every university for a platform admin.
 */
function anchorCondition(actor: Actor): SQL {
  if (actor.all) return sql`h.parent_id is null`;
  if (actor.readAreas.length === 0) return sql`false`;
  const parts = actor.readAreas.map((a) => {
    const orgId = a.path.split('/').filter(Boolean).at(-1) as string;
    return sql`(h.tenant_id = ${a.tenantId}::uuid and h.org_id = ${orgId}::uuid)`;
  });
  return sql`(${sql.join(parts, sql` or `)})`;
}

/** Only the universities the actor reads, so the walk never touches another tenant's history. */
function tenantCondition(actor: Actor): SQL {
  if (actor.all) return sql`true`;
  const tenants = [...new Set(actor.readAreas.map((a) => a.tenantId))];
  if (tenants.length === 0) return sql`false`;
  return sql`h.tenant_id in (${sql.join(
    tenants.map((t) => sql`${t}::uuid`),
    sql`, `,
  )})`;
}

/**
 * The org tree as it stood on `asOf`: each org's state is its history interval covering that day,
 * linked by the parent it had then, walked down from the actor's area roots in one recursive
 * query. Member counts (normal standing, memberships valid that day) come from one grouped query
 * and are summed up the tree; group members are already counted in their branch.
 */
export async function loadOrgTree(tx: Tx, options: { actor: Actor; asOf: string }): Promise<OrgNode[]> {
  const { actor, asOf } = options;
  const rows = await selectRows<TreeRow>(
    tx,
    sql`
    with recursive live as (
      select h.tenant_id, h.org_id, h.parent_id, h.name, h.kind, h.subkind, h.branch_category
      from org_history h
      where h.valid_from <= ${asOf}::date and (h.valid_to is null or h.valid_to > ${asOf}::date)
        and ${tenantCondition(actor)}
    ), tree as (
      select h.*, 0 as level from live h where ${anchorCondition(actor)}
      union
      select l.*, t.level + 1 from live l
      join tree t on l.tenant_id = t.tenant_id and l.parent_id = t.org_id
      where t.level < 32
    )
    select t.tenant_id as "tenantId", t.org_id as id, o.code, t.name, t.kind, t.subkind,
      t.branch_category as "branchCategory", t.parent_id as "parentId",
      o.valid_from::text as "validFrom", o.valid_to::text as "validTo"
    from tree t join orgs o on o.tenant_id = t.tenant_id and o.id = t.org_id`,
  );
  if (rows.length === 0) return [];

  const tenantIds = [...new Set(rows.map((r) => r.tenantId))];
  const counted = await selectRows<{ tenantId: string; orgId: string; n: number }>(
    tx,
    sql`
    select m.tenant_id as "tenantId", x.org_id as "orgId", count(*)::int as n
    from memberships m cross join lateral (values (m.org_id), (m.group_id)) as x(org_id)
    where m.tenant_id in (${sql.join(
      tenantIds.map((t) => sql`${t}::uuid`),
      sql`, `,
    )})
      and x.org_id is not null and m.standing = 'normal'
      and m.valid_from <= ${asOf}::date and (m.valid_to is null or m.valid_to > ${asOf}::date)
    group by 1, 2`,
  );
  const direct = new Map<string, number>();
  for (const c of counted) direct.set(`${c.tenantId}/${c.orgId}`, c.n);

  const nodes = new Map<string, OrgNode & { tenantId: string }>();
  for (const r of rows) nodes.set(`${r.tenantId}/${r.id}`, { ...r, memberCount: 0, children: [] });
  const roots: OrgNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(`${node.tenantId}/${node.parentId}`) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const total = (node: OrgNode & { tenantId?: string }): number => {
    node.children.sort(byKindAndCode);
    let sum = direct.get(`${node.tenantId}/${node.id}`) ?? 0;
    for (const child of node.children) {
      const childTotal = total(child);
      if (child.kind !== 'group') sum += childTotal;
    }
    node.memberCount = sum;
    return sum;
  };
  roots.sort(byKindAndCode);
  for (const root of roots) total(root);
  return roots.map(strip);
}

/** The response carries no tenant id on nodes (the contract's OrgNode). */
const strip = (node: OrgNode & { tenantId?: string }): OrgNode => ({
  id: node.id,
  code: node.code,
  name: node.name,
  kind: node.kind,
  subkind: node.subkind,
  branchCategory: node.branchCategory,
  parentId: node.parentId,
  validFrom: node.validFrom,
  validTo: node.validTo,
  memberCount: node.memberCount,
  children: node.children.map(strip),
});
