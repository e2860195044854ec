/**
 * Side by side, every university the caller reads (an oversight viewer: all under their body;
 * others: their own, counted over their own areas only): branches, members, open breaches and
 * warnings, breaches by family, and the score (`score.ts`).
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { type Actor, orgInScope, tenantIdsInScope } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { findingInScope } from './finding-scope.ts';
import { adoptedSets } from './load-heatmap.ts';
import { branchLevelRules, complianceScore } from './score.ts';

export async function loadOverview(tx: Tx, options: { actor: Actor }) {
  const { actor } = options;
  const tenantIds = actor.all ? null : tenantIdsInScope(actor, 'read');
  if (tenantIds && tenantIds.length === 0) return [];
  const tenantFilter = (column: ReturnType<typeof sql>) =>
    tenantIds ? sql`${column} = any(${sql.param(tenantIds)}::uuid[])` : sql`true`;
  const universities = await selectRows<{ id: string; code: string; name: string }>(
    tx,
    sql`select id, code, name from tenants t where ${tenantFilter(sql`t.id`)} order by code`,
  );
  const orgCounts = await selectRows<{ tenantId: string; branches: number; members: number }>(
    tx,
    sql`select o.tenant_id as "tenantId",
        count(distinct o.id) filter (where o.kind = 'branch')::int as branches,
        count(distinct m.person_id)::int as members
      from orgs o left join memberships m on m.tenant_id = o.tenant_id and m.org_id = o.id and m.valid_to is null
      where o.valid_to is null and ${tenantFilter(sql`o.tenant_id`)}
        and ${orgInScope(actor, 'read', sql`o.tenant_id`, sql`o.path`)}
      group by o.tenant_id`,
  );
  const findingCounts = await selectRows<{ tenantId: string; family: string; severity: string; n: number }>(
    tx,
    sql`select f.tenant_id as "tenantId", f.family, f.severity, count(*)::int as n
      from findings f
      where f.status = 'open' and ${tenantFilter(sql`f.tenant_id`)} and ${findingInScope(actor)}
      group by 1, 2, 3`,
  );
  const checks = await selectRows<{ tenantId: string; breachedChecks: number; warnedChecks: number }>(
    tx,
    sql`select x.tenant_id as "tenantId", count(*) filter (where x.breach)::int as "breachedChecks",
        count(*) filter (where not x.breach)::int as "warnedChecks"
      from (select f.tenant_id, f.org_id, f.rule, bool_or(f.severity = 'breach') as breach
        from findings f
        where f.status = 'open' and f.severity in ('breach', 'warning') and ${tenantFilter(sql`f.tenant_id`)}
          and ${findingInScope(actor)}
        group by f.tenant_id, f.org_id, f.rule) x
      group by x.tenant_id`,
  );
  const rulesOf = new Map<string, number>();
  for (const u of universities) rulesOf.set(u.id, branchLevelRules(await adoptedSets(tx, u.id)).length);
  return universities.map((u) => {
    const o = orgCounts.find((c) => c.tenantId === u.id);
    const mine = findingCounts.filter((c) => c.tenantId === u.id);
    const sum = (severity: string) => mine.filter((c) => c.severity === severity).reduce((n, c) => n + c.n, 0);
    const byFamily: Record<string, number> = {};
    for (const c of mine) if (c.severity === 'breach') byFamily[c.family] = (byFamily[c.family] ?? 0) + c.n;
    const branches = o?.branches ?? 0;
    const breach = sum('breach');
    const warning = sum('warning');
    return {
      university: u,
      branches,
      members: o?.members ?? 0,
      breach,
      warning,
      byFamily,
      score: complianceScore({
        breachedChecks: checks.find((c) => c.tenantId === u.id)?.breachedChecks ?? 0,
        warnedChecks: checks.find((c) => c.tenantId === u.id)?.warnedChecks ?? 0,
        branches,
        rules: rulesOf.get(u.id) ?? 0,
      }),
    };
  });
}
