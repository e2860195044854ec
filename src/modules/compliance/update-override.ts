/** Changes an override's values and reason (version-checked, audited with before and after). */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import type { ParamValues } from '../../domain/compliance/types.ts';
import { recordAudit } from '../../server/audit.ts';
import { forbidden, stale } from '../../server/errors.ts';
import { type Actor, holdsTenantRoot } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { checkOverrideValues } from './check-override-values.ts';
import { loadOverride, loadOverrideInScope } from './load-override.ts';

export async function updateOverride(
  tx: Tx,
  options: { actor: Actor; id: string; values: ParamValues; reason: string; version: number },
) {
  const { tenantId, orgPath, view: before } = await loadOverrideInScope(tx, options.actor, options.id);
  if (!holdsTenantRoot(options.actor, 'write', tenantId)) throw forbidden();
  checkOverrideValues(before.rule, options.values);
  const updated = await selectRows<{ id: string }>(
    tx,
    sql`update parameter_overrides set values = ${JSON.stringify(options.values)}::jsonb, reason = ${options.reason},
        updated_by_name = ${options.actor.displayName}, updated_at = now(), version = version + 1
      where tenant_id = ${tenantId} and id = ${options.id} and version = ${options.version} returning id`,
  );
  if (updated.length === 0) throw stale();
  const after = await loadOverride(tx, tenantId, options.id);
  await recordAudit(tx, options.actor, {
    action: 'update',
    entity: 'parameterOverride',
    entityId: options.id,
    tenantId,
    orgPath,
    before,
    after,
  });
  return after;
}
