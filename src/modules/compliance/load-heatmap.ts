/**
 * The heat map of an org: one row per current child (colleges of a university, branches of a
 * college, groups of a branch) with the open findings of that child's subtree per rule family and
 * severity — one GROUP BY over the findings — and the child's score (`score.ts`). Findings on the
 * org itself (not on a child) are not in any row.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { type StandardSet, standardSetByCode } from '../../domain/compliance/standard-sets.ts';
import { ruleFamilies } from '../../domain/compliance/types.ts';
import type { Actor } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { defaultDashboardOrg, findingInScope } from './finding-scope.ts';
import { familyOf } from './list-catalog.ts';
import { branchLevelRules, complianceScore } from './score.ts';

type Kind = 'university' | 'college' | 'branch' | 'group';
type Counts = { breach: number; warning: number; info: number };

/** The standard sets a university adopts. */
export async function adoptedSets(tx: Tx, tenantId: string): Promise<StandardSet[]> {
  const [t] = await selectRows<{ sets: string[] }>(
    tx,
    sql`select standard_sets as sets from tenants where id = ${tenantId}`,
  );
  return (t?.sets ?? []).flatMap((code) => standardSetByCode.get(code) ?? []);
}

/** Families of the rules a university adopts, in catalog order. */
export async function adoptedFamilies(tx: Tx, tenantId: string): Promise<string[]> {
  const families = new Set((await adoptedSets(tx, tenantId)).flatMap((set) => Object.keys(set.rules).map(familyOf)));
  return ruleFamilies.filter((f) => families.has(f));
}

export async function loadHeatmap(tx: Tx, options: { actor: Actor; org?: string }) {
  const org = await defaultDashboardOrg(tx, options.actor, options.org);
  const children = await selectRows<{ id: string; code: string; name: string; kind: Kind; branches: number }>(
    tx,
    sql`select c.id, c.code, c.name, c.kind,
        (select count(*)::int from orgs b where b.tenant_id = c.tenant_id and b.path like c.path || '%'
          and b.kind = 'branch' and b.valid_to is null) as branches
      from orgs c where c.tenant_id = ${org.tenantId} and c.parent_id = ${org.id} and c.valid_to is null
      order by c.code`,
  );
  const counts = await selectRows<{ childId: string; family: string; severity: keyof Counts; n: number }>(
    tx,
    sql`select c.id as "childId", f.family, f.severity, count(*)::int as n
      from orgs c join findings f on f.tenant_id = c.tenant_id and f.org_path like c.path || '%'
      where c.tenant_id = ${org.tenantId} and c.parent_id = ${org.id} and c.valid_to is null
        and f.status = 'open' and ${findingInScope(options.actor)}
      group by c.id, f.family, f.severity`,
  );
  const checks = await selectRows<{ childId: string; breachedChecks: number; warnedChecks: number }>(
    tx,
    sql`select x.child_id as "childId", count(*) filter (where x.breach)::int as "breachedChecks",
        count(*) filter (where not x.breach)::int as "warnedChecks"
      from (select c.id as child_id, f.org_id, f.rule, bool_or(f.severity = 'breach') as breach
        from orgs c join findings f on f.tenant_id = c.tenant_id and f.org_path like c.path || '%'
        where c.tenant_id = ${org.tenantId} and c.parent_id = ${org.id} and c.valid_to is null
          and f.status = 'open' and f.severity in ('breach', 'warning') and ${findingInScope(options.actor)}
        group by c.id, f.org_id, f.rule) x
      group by x.child_id`,
  );
  const rules = branchLevelRules(await adoptedSets(tx, org.tenantId)).length;
  const found = new Set(counts.map((c) => c.family));
  const adopted = await adoptedFamilies(tx, org.tenantId);
  const families = ruleFamilies.filter((f) => adopted.includes(f) || found.has(f));
  const rows = children.map((child) => {
    const cells: Record<string, Counts> = Object.fromEntries(
      families.map((f) => [f, { breach: 0, warning: 0, info: 0 }]),
    );
    for (const c of counts) if (c.childId === child.id) cells[c.family][c.severity] += c.n;
    const breach = Object.values(cells).reduce((s, c) => s + c.breach, 0);
    const warning = Object.values(cells).reduce((s, c) => s + c.warning, 0);
    return {
      org: { id: child.id, code: child.code, name: child.name, kind: child.kind },
      cells,
      breach,
      warning,
      branches: child.branches,
      score: complianceScore({
        breachedChecks: checks.find((c) => c.childId === child.id)?.breachedChecks ?? 0,
        warnedChecks: checks.find((c) => c.childId === child.id)?.warnedChecks ?? 0,
        branches: child.branches,
        rules,
      }),
    };
  });
  return { org: { id: org.id, code: org.code, name: org.name, kind: org.kind as Kind }, families, rows };
}
