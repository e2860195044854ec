/**
 * Facts for ASSESS-01 and ASSESS-02 (see `RatingFacts`): for each year of the range, the secretary
 * of each college-level org and branch of the scope on the year's last day (or asOf in the running
 * year) with the state of their review, and each such org's rating and whether a rectification item
 * of source `rating` exists for the org and year (an imported plan has no link to the rating's id).
 */
import { sql } from 'drizzle-orm';
import type { RatingFacts } from '../../domain/rules/assess-ratings-facts.ts';
import { selectRows } from '../../modules/orgs/select-rows.ts';
import type { Tx } from '../connect.ts';
import { collegeLevelSql } from './funds.ts';
import { type FactScope, orgFilter } from './scope.ts';

export async function loadRatingFacts(tx: Tx, scope: FactScope): Promise<RatingFacts> {
  const years = sql`generate_series(${Number(scope.from.slice(0, 4))}::int, ${Number(scope.to.slice(0, 4))}::int)`;
  // The day a year is looked at: its last day, or asOf while it runs.
  const orgYears = sql`select o.tenant_id, o.id, o.kind, ${collegeLevelSql('o')} as college_level, gs.year,
      least(make_date(gs.year, 12, 31), ${scope.asOf}::date) as on_day
    from orgs o cross join ${years} as gs(year)
    where ${orgFilter(scope)} and o.kind in ('college', 'branch')
      and make_date(gs.year, 1, 1) <= ${scope.asOf}::date
      and o.valid_from <= least(make_date(gs.year, 12, 31), ${scope.asOf}::date)
      and (o.valid_to is null or o.valid_to > least(make_date(gs.year, 12, 31), ${scope.asOf}::date))`;
  const secretaries = await selectRows<RatingFacts['secretaries'][number]>(
    tx,
    sql`with y as (${orgYears})
      select distinct on (y.id, y.year) y.id as "orgId", y.year, pe.id as "personId", pe.name as "personName",
        case when y.college_level then 'college' else 'branch' end as level,
        coalesce((select case when bool_or(n.status = 'published') then 'published' when count(*) > 0 then 'open' end
          from secretary_reviews v join secretary_review_rounds n on n.tenant_id = v.tenant_id and n.id = v.round_id
          where v.tenant_id = y.tenant_id and v.org_id = y.id and v.person_id = pe.id and n.year = y.year), 'none') as review
      from y join terms t on t.tenant_id = y.tenant_id and t.org_id = y.id
      join positions p on p.tenant_id = t.tenant_id and p.term_id = t.id and p.role = 'secretary'
      join people pe on pe.tenant_id = p.tenant_id and pe.id = p.person_id
      where p.valid_from <= y.on_day and (p.valid_to is null or p.valid_to > y.on_day)
      order by y.id, y.year, p.valid_from desc`,
  );
  const ratingYears = await selectRows<RatingFacts['years'][number]>(
    tx,
    sql`with y as (${orgYears})
      select y.id as "orgId", y.year, r.status, r.grade,
        exists (select 1 from rectifications x where x.tenant_id = y.tenant_id and x.source = 'rating'
          and x.org_id = y.id and x.year = y.year) as planned
      from y left join ratings r on r.tenant_id = y.tenant_id and r.org_id = y.id and r.year = y.year
      order by y.id, y.year`,
  );
  return { secretaries, years: ratingYears };
}
