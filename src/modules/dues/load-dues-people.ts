import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { people } from '../../db/schema.ts';
import { type Access, type Actor, personInScope } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import type { DuesPerson } from './load-dues-person.ts';

/** The subset of `personIds` the actor reaches, in one query (bulk writes get the allowed subset back). */
export async function loadDuesPeople(
  tx: Tx,
  actor: Actor,
  access: Access,
  personIds: string[],
): Promise<Map<string, DuesPerson>> {
  if (personIds.length === 0) return new Map();
  const rows = await selectRows<DuesPerson>(
    tx,
    sql`select people.id, people.tenant_id as "tenantId", people.code, people.name,
      coalesce((select o.path from memberships m join orgs o on o.tenant_id = m.tenant_id and o.id = m.org_id
        where m.tenant_id = people.tenant_id and m.person_id = people.id and m.valid_to is null
        order by m.valid_from desc limit 1), '/' || people.tenant_id || '/') as "orgPath",
      (select to_char(min(coalesce(m.joined_on, m.valid_from)), 'YYYY-MM') from memberships m
        where m.tenant_id = people.tenant_id and m.person_id = people.id) as "firstMonth"
    from people where people.id = any(${sql.param(personIds)}::uuid[])
      and ${personInScope(actor, access, people.tenantId, people.id)}`,
  );
  return new Map(rows.map((r) => [r.id, r]));
}
