/** One reorganization with its org, in the actor's scope (else 404); changes need the superior (else 403). */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { reorganizations } from '../../db/schema.ts';
import { notFound } from '../../server/errors.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { loadScopedOrg } from '../rectifications/superior.ts';

export const reorganizationLabel = { zh: '整顿记录', en: 'reorganization' };

export async function loadReorganizationForChange(tx: Tx, actor: Actor, id: string) {
  const [found] = await selectRows<{ orgId: string }>(
    tx,
    sql`select g.org_id as "orgId" from reorganizations g join orgs o on o.tenant_id = g.tenant_id and o.id = g.org_id
      where g.id = ${id} and ${orgInScope(actor, 'read', sql`o.tenant_id`, sql`o.path`)}`,
  );
  if (!found) throw notFound(reorganizationLabel);
  const org = await loadScopedOrg(tx, actor, found.orgId, 'supervise');
  const [reorganization] = await tx
    .select()
    .from(reorganizations)
    .where(and(eq(reorganizations.tenantId, org.tenantId), eq(reorganizations.id, id)));
  return { org, reorganization };
}
