/** One rectification item with its org, in the actor's scope (else 404) and checked for the access a change needs. */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { rectifications } from '../../db/schema.ts';
import { notFound } from '../../server/errors.ts';
import { type Access, type Actor, orgInScope } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { loadScopedOrg } from './superior.ts';

export const rectificationLabel = { zh: '整改事项', en: 'rectification item' };

export async function loadRectification(tx: Tx, actor: Actor, id: string, access: Access | 'supervise') {
  const [found] = await selectRows<{ orgId: string }>(
    tx,
    sql`select r.org_id as "orgId" from rectifications r join orgs o on o.tenant_id = r.tenant_id and o.id = r.org_id
      where r.id = ${id} and ${orgInScope(actor, 'read', sql`o.tenant_id`, sql`o.path`)}`,
  );
  if (!found) throw notFound(rectificationLabel);
  const org = await loadScopedOrg(tx, actor, found.orgId, access);
  const [item] = await tx
    .select()
    .from(rectifications)
    .where(and(eq(rectifications.tenantId, org.tenantId), eq(rectifications.id, id)));
  return { org, item };
}
