/**
 * Facts for the ORG rules (see `StructureFacts`): three set-based statements over the whole scope,
 * all as of `scope.asOf` — member counts per branch, the current term of every org with its seats
 * and their holders, and the memberships that sit outside any live branch.
 */
import { sql } from 'drizzle-orm';
import type { MemberCounts, StructureFacts, TermFact, UnplacedMember } from '../../domain/rules/org-facts.ts';
import { selectRows } from '../../modules/orgs/select-rows.ts';
import type { Tx } from '../connect.ts';
import { type FactScope, orgFilter, validOnSql } from './scope.ts';

export async function loadStructureFacts(tx: Tx, scope: FactScope): Promise<StructureFacts> {
  const asOf = scope.asOf;
  const counts = await selectRows<MemberCounts>(
    tx,
    sql`select ms.org_id as "orgId",
        (count(*) filter (where ms.status = 'full'))::int as full,
        (count(*) filter (where ms.status = 'probationary'))::int as probationary,
        (count(*) filter (where g.id is null))::int as ungrouped
      from memberships ms
      join orgs o on o.tenant_id = ms.tenant_id and o.id = ms.org_id
      left join orgs g on g.tenant_id = ms.tenant_id and g.id = ms.group_id and g.kind = 'group'
        and g.parent_id = ms.org_id and ${validOnSql('g', asOf)}
      where ${orgFilter(scope)} and ms.standing = 'normal' and ${validOnSql('ms', asOf)}
      group by ms.org_id`,
  );

  // The current term is the latest elected on or before asOf (ties: the one recorded last); its
  // seats that had started by then, each with its holder and the holder's membership that day.
  const terms = await selectRows<TermFact>(
    tx,
    sql`with current_terms as (
        select distinct on (t.tenant_id, t.org_id) t.tenant_id, t.id, t.org_id, t.elected_on, t.ends_on
        from terms t join orgs o on o.tenant_id = t.tenant_id and o.id = t.org_id
        where ${orgFilter(scope)} and t.elected_on <= ${asOf}::date
        order by t.tenant_id, t.org_id, t.elected_on desc, t.created_at desc
      ), holder_memberships as (
        select distinct on (ms.tenant_id, ms.person_id) ms.tenant_id, ms.person_id, ms.status, ms.standing
        from memberships ms
        where ms.tenant_id = any(${sql.param(scope.tenantIds)}::uuid[]) and ${validOnSql('ms', asOf)}
          and exists (select 1 from positions p join current_terms ct on ct.tenant_id = p.tenant_id and ct.id = p.term_id
            where p.tenant_id = ms.tenant_id and p.person_id = ms.person_id)
        order by ms.tenant_id, ms.person_id, ms.valid_from desc
      )
      select ct.id, ct.org_id as "orgId", to_char(ct.elected_on, 'YYYY-MM-DD') as "electedOn",
        to_char(ct.ends_on, 'YYYY-MM-DD') as "endsOn",
        coalesce(json_agg(json_build_object(
          'positionId', p.id, 'role', p.role, 'personId', p.person_id,
          'validFrom', to_char(p.valid_from, 'YYYY-MM-DD'), 'validTo', to_char(p.valid_to, 'YYYY-MM-DD'),
          'dualLeader', p.dual_leader, 'personName', pp.name, 'personCategory', pp.person_category,
          'title', pp.title, 'unit', pp.unit, 'memberStatus', hm.status, 'memberStanding', hm.standing
        ) order by p.valid_from, p.id) filter (where p.id is not null), '[]'::json) as seats
      from current_terms ct
      left join positions p on p.tenant_id = ct.tenant_id and p.term_id = ct.id and p.valid_from <= ${asOf}::date
      left join people pp on pp.tenant_id = p.tenant_id and pp.id = p.person_id
      left join holder_memberships hm on hm.tenant_id = p.tenant_id and hm.person_id = p.person_id
      group by ct.id, ct.org_id, ct.elected_on, ct.ends_on`,
  );

  const unplaced = await selectRows<UnplacedMember>(
    tx,
    sql`select ms.id as "membershipId", ms.person_id as "personId", pp.name as "personName",
        ms.org_id as "orgId", o.kind as "orgKind", o.name as "orgName",
        to_char(o.valid_from, 'YYYY-MM-DD') as "orgValidFrom", to_char(o.valid_to, 'YYYY-MM-DD') as "orgValidTo"
      from memberships ms
      join orgs o on o.tenant_id = ms.tenant_id and o.id = ms.org_id
      join people pp on pp.tenant_id = ms.tenant_id and pp.id = ms.person_id
      where ${orgFilter(scope)} and ms.standing = 'normal' and ${validOnSql('ms', asOf)}
        and not (o.kind = 'branch' and ${validOnSql('o', asOf)})`,
  );

  return { counts, terms, unplaced };
}
