/** The facts every rule gets: the universities (calendar, headcounts) and the org tree of the scope. */
import { sql } from 'drizzle-orm';
import type { CoreFacts, OrgNode, University } from '../../domain/compliance/types.ts';
import { selectRows } from '../../modules/orgs/select-rows.ts';
import type { Tx } from '../connect.ts';
import { type FactScope, orgFilter } from './scope.ts';

export async function loadCoreFacts(tx: Tx, scope: FactScope): Promise<CoreFacts> {
  const tenantIds = sql`${sql.param(scope.tenantIds)}::uuid[]`;
  const universities = await selectRows<University>(
    tx,
    sql`select t.id as "tenantId", t.code, t.name,
      coalesce((select json_agg(json_build_object('code', s.code, 'startsOn', s.starts_on, 'endsOn', s.ends_on)
        order by s.starts_on) from semesters s where s.tenant_id = t.id), '[]'::json) as semesters,
      coalesce((select json_agg(json_build_object('year', h.year, 'staff', h.staff, 'students', h.students)
        order by h.year) from headcounts h where h.tenant_id = t.id), '[]'::json) as headcounts
    from tenants t where t.id = any(${tenantIds})`,
  );
  const orgs = await selectRows<OrgNode>(
    tx,
    sql`select o.tenant_id as "tenantId", o.id, o.code, o.name, o.kind, o.subkind,
      o.branch_category as "branchCategory", o.parent_id as "parentId", o.path,
      to_char(o.valid_from, 'YYYY-MM-DD') as "validFrom", to_char(o.valid_to, 'YYYY-MM-DD') as "validTo",
      o.joint_units as "jointUnits", o.temporary
    from orgs o where ${orgFilter(scope)}
    order by o.tenant_id, o.path`,
  );
  return { universities, orgs };
}
