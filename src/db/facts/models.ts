/**
 * Facts for ASSESS-07/08/09 (see `ModelFacts`): each university's branches and accepted model
 * branches per year, its latest decided award round, and the practical rules and carriers per org
 * and year. The first two are university-wide: a subtree evaluation does not load them.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { ModelFacts } from '../../domain/rules/assess-model-facts.ts';
import { selectRows } from '../../modules/orgs/select-rows.ts';
import type { Tx } from '../connect.ts';
import { type FactScope, orgFilter } from './scope.ts';

/**
 * Per university and year of `years`: branches valid on the counted day (December 31, or `asOf`
 * in the open year) and the model branches accepted by then and not revoked by then, on a branch
 * valid that day. Shared by the facts and the quota endpoint.
 */
export function modelQuotaSql(tenantIds: string[], years: { from: number; to: number }, asOf: string): SQL {
  return sql`with y as (
      select t.id as tenant_id, gs.year, least(make_date(gs.year, 12, 31), ${asOf}::date) as counted_on
      from tenants t cross join generate_series(${years.from}::int, ${years.to}::int) as gs(year)
      where t.id = any(${sql.param(tenantIds)}::uuid[])
    )
    select y.tenant_id as "tenantId", y.year, to_char(y.counted_on, 'YYYY-MM-DD') as "countedOn",
      (select count(*) from orgs b where b.tenant_id = y.tenant_id and b.kind = 'branch'
        and b.valid_from <= y.counted_on and (b.valid_to is null or b.valid_to > y.counted_on))::int as branches,
      (select count(distinct mu.org_id) from model_units mu
        join orgs b on b.tenant_id = mu.tenant_id and b.id = mu.org_id and b.kind = 'branch'
          and b.valid_from <= y.counted_on and (b.valid_to is null or b.valid_to > y.counted_on)
        where mu.tenant_id = y.tenant_id and mu.kind = 'modelBranch' and mu.accepted_on <= y.counted_on
          and (mu.status = 'accepted' or (mu.status = 'revoked' and mu.decided_on > y.counted_on)))::int as "modelBranches"
    from y where y.counted_on >= make_date(y.year, 1, 1)
    order by y.tenant_id, y.year`;
}

export async function loadModelFacts(tx: Tx, scope: FactScope): Promise<ModelFacts> {
  const years = { from: Number(scope.from.slice(0, 4)), to: Number(scope.to.slice(0, 4)) };
  const carriers = await selectRows<ModelFacts['carriers'][number]>(
    tx,
    sql`select pc.org_id as "orgId", pc.year, count(*)::int as carriers
      from practice_carriers pc join orgs o on o.tenant_id = pc.tenant_id and o.id = pc.org_id
      where ${orgFilter(scope)} and pc.year between ${years.from} and ${years.to} and pc.established_on <= ${scope.asOf}::date
      group by pc.org_id, pc.year`,
  );
  if (scope.subtreePath !== null) return { quota: [], awards: [], carriers };
  const quota = await selectRows<ModelFacts['quota'][number]>(tx, modelQuotaSql(scope.tenantIds, years, scope.asOf));
  const awards = await selectRows<ModelFacts['awards'][number]>(
    tx,
    sql`select r.tenant_id as "tenantId", to_char(r.valid_from, 'YYYY-MM-DD') as "foundedOn",
        max(a.round_year)::int as "lastRoundYear", to_char(max(a.decided_on), 'YYYY-MM-DD') as "lastDecidedOn"
      from orgs r
      left join awards a on a.tenant_id = r.tenant_id and a.status = 'decided' and a.decided_on <= ${scope.asOf}::date
      where r.tenant_id = any(${sql.param(scope.tenantIds)}::uuid[]) and r.id = r.tenant_id
      group by r.tenant_id, r.valid_from`,
  );
  return { quota, awards, carriers };
}
