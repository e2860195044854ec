import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { selectRows } from '../orgs/select-rows.ts';

/** Who holds an org's secretary seat on a day, if anyone. */
export async function currentSecretary(tx: Tx, tenantId: string, orgId: string, day: string) {
  const [row] = await selectRows<{ id: string; name: string }>(
    tx,
    sql`select pe.id, pe.name from terms t
      join positions p on p.tenant_id = t.tenant_id and p.term_id = t.id
      join people pe on pe.tenant_id = p.tenant_id and pe.id = p.person_id
      where t.tenant_id = ${tenantId} and t.org_id = ${orgId} and p.role = 'secretary'
        and p.valid_from <= ${day}::date and (p.valid_to is null or p.valid_to > ${day}::date)
      order by p.valid_from desc limit 1`,
  );
  return row ?? null;
}
