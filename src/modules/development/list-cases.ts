import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import type { CaseFilters, CaseSummary } from './schema.ts';

const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** An open DEV finding about the case's person: the board's "stuck or late". */
export const openDevFinding = sql`exists (select 1 from findings f where f.tenant_id = c.tenant_id
  and f.person_id = c.person_id and f.rule like 'DEV-%' and f.status = 'open')`;

/**
 * Cases of the branches in the actor's read scope (optionally one subtree, one stage, a name),
 * ordered by branch and application, one page at a time, in one query.
 */
export async function listCases(
  tx: Tx,
  options: { actor: Actor; filters: CaseFilters; page: number; pageSize: number },
): Promise<{ items: CaseSummary[]; total: number }> {
  const { actor, filters, page, pageSize } = options;
  const conditions: SQL[] = [orgInScope(actor, 'read', sql`o.tenant_id`, sql`o.path`)];
  if (filters.orgId)
    conditions.push(sql`exists (select 1 from orgs root where root.id = ${filters.orgId}::uuid
      and root.tenant_id = o.tenant_id and starts_with(o.path, root.path))`);
  if (filters.stage) conditions.push(sql`c.stage = ${filters.stage}`);
  if (filters.q) {
    const contains = `%${likeEscaped(filters.q)}%`;
    const initials = `${likeEscaped(filters.q.toLowerCase())}%`;
    conditions.push(sql`(p.name ilike ${contains} or p.code ilike ${contains} or p.name_initials like ${initials})`);
  }
  const rows = await selectRows<CaseSummary & { total: number }>(
    tx,
    sql`select c.id,
        json_build_object('id', p.id, 'code', p.code, 'name', p.name, 'personCategory', p.person_category) as person,
        json_build_object('id', o.id, 'code', o.code, 'name', o.name) as org,
        c.stage, to_char(fa."on", 'YYYY-MM-DD') as "appliedOn",
        case when le.step is null then null
          else json_build_object('step', le.step, 'on', to_char(le."on", 'YYYY-MM-DD')) end as "lastStep",
        (select count(*)::int from findings f where f.tenant_id = c.tenant_id and f.person_id = c.person_id
          and f.rule like 'DEV-%' and f.status = 'open') as "openFindings",
        c.version, count(*) over ()::int as total
      from dev_cases c
      join orgs o on o.tenant_id = c.tenant_id and o.id = c.org_id
      join people p on p.tenant_id = c.tenant_id and p.id = c.person_id
      left join lateral (select e."on" from dev_events e where e.tenant_id = c.tenant_id and e.case_id = c.id
        and e.step = 'application' order by e."on" limit 1) fa on true
      left join lateral (select e.step, e."on" from dev_events e where e.tenant_id = c.tenant_id and e.case_id = c.id
        order by e."on" desc, e.created_at desc limit 1) le on true
      where ${sql.join(conditions, sql` and `)}
      order by o.path, fa."on", p.code
      limit ${pageSize} offset ${(page - 1) * pageSize}`,
  );
  return {
    items: rows.map(({ total: _total, ...item }) => item),
    total: rows[0]?.total ?? (page > 1 ? await countCases(tx, conditions) : 0),
  };
}

/** The total when the page is past the end (no row carries it). */
async function countCases(tx: Tx, conditions: SQL[]) {
  const [row] = await selectRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from dev_cases c join orgs o on o.tenant_id = c.tenant_id and o.id = c.org_id
      join people p on p.tenant_id = c.tenant_id and p.id = c.person_id where ${sql.join(conditions, sql` and `)}`,
  );
  return Number(row.n);
}
