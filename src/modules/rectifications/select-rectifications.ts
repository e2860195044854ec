/** Rectification items as the API shows them, for any condition on `r` (rectifications) and `o` (their org). */
import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { type Actor, orgInScope, pathInScope } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import type { RectificationView } from './schema.ts';
import { maySupervise } from './superior.ts';

type Row = Omit<RectificationView, 'mayEdit' | 'mayVerify'> & {
  tenantId: string;
  path: string;
  parentPath: string | null;
};

/** Items in the actor's read scope matching `condition`; `today` decides what is overdue. */
export async function selectRectifications(
  tx: Tx,
  actor: Actor,
  condition: SQL,
  today: string,
  limit = 2000,
): Promise<RectificationView[]> {
  const rows = await selectRows<Row>(
    tx,
    sql`select r.id, json_build_object('id', o.id, 'code', o.code, 'name', o.name) as org, r.source,
        r.source_id as "sourceId", r.year, r.problem, r.owner_id as "ownerId", r.owner_name as "ownerName",
        r.measures, to_char(r.deadline, 'YYYY-MM-DD') as deadline, r.status,
        (r.status = 'open' and r.deadline < ${today}::date) as overdue, r.evidence,
        to_char(r.done_on, 'YYYY-MM-DD') as "doneOn", to_char(r.verified_on, 'YYYY-MM-DD') as "verifiedOn",
        r.verified_by_name as "verifiedByName", r.verification_note as "verificationNote", r.version,
        o.tenant_id as "tenantId", o.path, p.path as "parentPath"
      from rectifications r
      join orgs o on o.tenant_id = r.tenant_id and o.id = r.org_id
      left join orgs p on p.tenant_id = o.tenant_id and p.id = o.parent_id
      where ${orgInScope(actor, 'read', sql`o.tenant_id`, sql`o.path`)} and ${condition}
      order by r.year desc, (r.status = 'open' and r.deadline < ${today}::date) desc, r.deadline, o.path, r.created_at
      limit ${limit}`,
  );
  return rows.map(({ tenantId, path, parentPath, ...view }) => ({
    ...view,
    mayEdit: pathInScope(actor, 'write', tenantId, path),
    mayVerify: maySupervise(actor, { tenantId, parentPath }),
  }));
}
