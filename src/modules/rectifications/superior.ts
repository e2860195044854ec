/**
 * Who verifies a rectification: the org's superior (上级党组织), as verdicts decide it — write scope
 * over the parent; for the university itself, a university-wide writer. A branch never verifies
 * its own item.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { forbidden, notFound } from '../../server/errors.ts';
import { type Access, type Actor, holdsTenantRoot, orgInScope, pathInScope } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';

export type ScopedOrg = {
  tenantId: string;
  id: string;
  code: string;
  name: string;
  kind: string;
  path: string;
  parentPath: string | null;
};

export const maySupervise = (actor: Actor, org: { tenantId: string; parentPath: string | null }) =>
  org.parentPath
    ? pathInScope(actor, 'write', org.tenantId, org.parentPath)
    : holdsTenantRoot(actor, 'write', org.tenantId);

/**
 * An org the actor reads (else 404), checked for `access`: `write` needs write scope over the org,
 * `supervise` over its parent (else 403: the actor sees it but may not do this).
 */
export async function loadScopedOrg(
  tx: Tx,
  actor: Actor,
  orgId: string,
  access: Access | 'supervise',
): Promise<ScopedOrg> {
  const [org] = await selectRows<ScopedOrg>(
    tx,
    sql`select o.tenant_id as "tenantId", o.id, o.code, o.name, o.kind, o.path, p.path as "parentPath"
      from orgs o left join orgs p on p.tenant_id = o.tenant_id and p.id = o.parent_id
      where o.id = ${orgId} and ${orgInScope(actor, 'read', sql`o.tenant_id`, sql`o.path`)}`,
  );
  if (!org) throw notFound({ zh: '组织', en: 'organization' });
  if (access === 'write' && !pathInScope(actor, 'write', org.tenantId, org.path)) throw forbidden();
  if (access === 'supervise' && !maySupervise(actor, org)) throw forbidden();
  return org;
}
