/**
 * Facts for the FUND rules (see `FundFacts`): for each college-level organization of the scope and
 * each year of the range, its member headcounts on the year's first day, budget, allocations and
 * recorded expenses — one statement for orgs and one for the yearly figures.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { FundFacts } from '../../domain/rules/fund-facts.ts';
import { selectRows } from '../../modules/orgs/select-rows.ts';
import type { Tx } from '../connect.ts';
import { type FactScope, orgFilter } from './scope.ts';

/** A college, or a branch directly under the university (直属党支部), both 二级党组织. */
export const collegeLevelSql = (alias: string): SQL => {
  const o = sql.raw(alias);
  return sql`(${o}.kind = 'college' or (${o}.kind = 'branch' and ${o}.parent_id = ${o}.tenant_id))`;
};

/**
 * The yearly figures of the college-level orgs matching `where` (on alias `c`) for `years`: staff
 * and student members in normal standing in the subtree on the later of January 1 and the org's
 * first day, the budget, the allocations of the year, and the expenses spent in the year.
 */
export function fundYearsSql(where: SQL, years: { from: number; to: number }): SQL {
  return sql`with c as (
      select o.tenant_id, o.id, o.path, o.valid_from, o.valid_to from orgs o where ${collegeLevelSql('o')} and ${where}
    ), y as (
      select c.*, gs.year, greatest(make_date(gs.year, 1, 1), c.valid_from) as counted_on
      from c cross join generate_series(${years.from}::int, ${years.to}::int) as gs(year)
      where c.valid_from <= make_date(gs.year, 12, 31) and (c.valid_to is null or c.valid_to > make_date(gs.year, 1, 1))
    )
    select y.id as "orgId", y.year,
      coalesce(h.staff, 0)::int as "staffMembers", coalesce(h.students, 0)::int as "studentMembers",
      b.amount::float8 as budget, coalesce(a.allocated, 0)::float8 as allocated,
      coalesce(e.spent, 0)::float8 as spent, coalesce(e.expenses, 0)::int as expenses
    from y
    left join lateral (
      select count(distinct m.person_id) filter (where p.person_category = 'staff') as staff,
        count(distinct m.person_id) filter (where p.person_category = 'student') as students
      from orgs mo
      join memberships m on m.tenant_id = mo.tenant_id and m.org_id = mo.id
      join people p on p.tenant_id = m.tenant_id and p.id = m.person_id
      where mo.tenant_id = y.tenant_id and mo.path like y.path || '%' and m.standing = 'normal'
        and m.valid_from <= y.counted_on and (m.valid_to is null or m.valid_to > y.counted_on)
    ) h on true
    left join fund_budgets b on b.tenant_id = y.tenant_id and b.org_id = y.id and b.year = y.year
    left join lateral (
      select sum(fa.amount) as allocated from fund_allocations fa
      where fa.tenant_id = y.tenant_id and fa.org_id = y.id and fa.year = y.year
    ) a on true
    left join lateral (
      select sum(fe.amount) as spent, count(*) as expenses
      from fund_expenses fe join orgs eo on eo.tenant_id = fe.tenant_id and eo.id = fe.org_id
      where fe.tenant_id = y.tenant_id and eo.path like y.path || '%'
        and fe.spent_on between make_date(y.year, 1, 1) and make_date(y.year, 12, 31)
    ) e on true
    order by y.path, y.year`;
}

export async function loadFundFacts(tx: Tx, scope: FactScope): Promise<FundFacts> {
  const orgRows = await selectRows<FundFacts['orgs'][number]>(
    tx,
    sql`select o.id as "orgId", o.tenant_id as "tenantId", to_char(o.valid_from, 'YYYY-MM-DD') as "validFrom",
        to_char(o.valid_to, 'YYYY-MM-DD') as "validTo"
      from orgs o where ${orgFilter(scope)} and ${collegeLevelSql('o')}`,
  );
  if (orgRows.length === 0) return { orgs: [], years: [] };
  const years = await selectRows<FundFacts['years'][number]>(
    tx,
    fundYearsSql(orgFilter(scope), { from: Number(scope.from.slice(0, 4)), to: Number(scope.to.slice(0, 4)) }),
  );
  return { orgs: orgRows, years };
}
