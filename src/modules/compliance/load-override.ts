/** One override, by id, of a university the actor reads (404 otherwise). */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { notFound } from '../../server/errors.ts';
import { type Actor, tenantIdsInScope } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { type OverrideView, overrideColumns } from './load-compliance-config.ts';

const overrideNotFound = () => notFound({ zh: '参数调整', en: 'override' });

export async function loadOverride(tx: Tx, tenantId: string, id: string): Promise<OverrideView> {
  const [row] = await selectRows<OverrideView>(
    tx,
    sql`select ${overrideColumns}
      from parameter_overrides p left join orgs o on o.tenant_id = p.tenant_id and o.id = p.org_id
      where p.tenant_id = ${tenantId} and p.id = ${id}`,
  );
  if (!row) throw overrideNotFound();
  return row;
}

/** The override with its university and the path it applies to, when the actor may read it. */
export async function loadOverrideInScope(tx: Tx, actor: Actor, id: string) {
  const tenants = actor.all ? null : tenantIdsInScope(actor, 'read');
  if (tenants && tenants.length === 0) throw overrideNotFound();
  const tenantFilter = tenants ? sql`and p.tenant_id = any(${sql.param(tenants)}::uuid[])` : sql``;
  const [row] = await selectRows<{ tenantId: string; orgPath: string | null }>(
    tx,
    sql`select p.tenant_id as "tenantId", o.path as "orgPath"
      from parameter_overrides p left join orgs o on o.tenant_id = p.tenant_id and o.id = p.org_id
      where p.id = ${id} ${tenantFilter}`,
  );
  if (!row) throw overrideNotFound();
  const view = await loadOverride(tx, row.tenantId, id);
  return { tenantId: row.tenantId, orgPath: row.orgPath ?? `/${row.tenantId}/`, view };
}
