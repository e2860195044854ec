/** Removes an override (version-checked, audited): the rule falls back to the standard sets. */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { recordAudit } from '../../server/audit.ts';
import { forbidden, stale } from '../../server/errors.ts';
import { type Actor, holdsTenantRoot } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { loadOverrideInScope } from './load-override.ts';

export async function deleteOverride(tx: Tx, options: { actor: Actor; id: string; version: number }) {
  const { tenantId, orgPath, view: before } = await loadOverrideInScope(tx, options.actor, options.id);
  if (!holdsTenantRoot(options.actor, 'write', tenantId)) throw forbidden();
  const deleted = await selectRows<{ id: string }>(
    tx,
    sql`delete from parameter_overrides where tenant_id = ${tenantId} and id = ${options.id}
      and version = ${options.version} returning id`,
  );
  if (deleted.length === 0) throw stale();
  await recordAudit(tx, options.actor, {
    action: 'delete',
    entity: 'parameterOverride',
    entityId: options.id,
    tenantId,
    orgPath,
    before,
  });
}
