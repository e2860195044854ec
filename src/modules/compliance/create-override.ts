/** A parameter override of one rule for a university or one subtree of it (org-department admins only). */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import type { ParamValues } from '../../domain/compliance/types.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, conflict } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { checkOverrideValues } from './check-override-values.ts';
import { loadOverride } from './load-override.ts';
import { loadUniversity } from './university-access.ts';

export async function createOverride(
  tx: Tx,
  options: {
    actor: Actor;
    university?: string;
    rule: string;
    orgId: string | null;
    values: ParamValues;
    reason: string;
  },
) {
  checkOverrideValues(options.rule, options.values);
  const u = await loadUniversity(tx, options.actor, options.university, 'write', 'body.university');
  // The root org is the whole university: stored as null, so there is one way to say it.
  let orgId = options.orgId === u.id ? null : options.orgId;
  let orgPath = `/${u.id}/`;
  if (orgId) {
    const [org] = await selectRows<{ path: string }>(
      tx,
      sql`select path from orgs where tenant_id = ${u.id} and id = ${orgId}`,
    );
    if (!org)
      throw badInput([{ field: 'body.orgId', reason: '不是本校的组织 / not an organization of this university' }]);
    orgPath = org.path;
  } else orgId = null;
  const [existing] = await selectRows<{ id: string }>(
    tx,
    sql`select id from parameter_overrides where tenant_id = ${u.id} and rule = ${options.rule}
      and org_id is not distinct from ${orgId}::uuid`,
  );
  if (existing) {
    throw conflict(
      { zh: '该规则在此范围已有参数调整，请修改原记录', en: 'This rule already has an override here; edit it instead' },
      { id: existing.id },
    );
  }
  const [row] = await selectRows<{ id: string }>(
    tx,
    sql`insert into parameter_overrides (tenant_id, rule, org_id, values, reason, updated_by_name)
      values (${u.id}, ${options.rule}, ${orgId}, ${JSON.stringify(options.values)}::jsonb, ${options.reason},
        ${options.actor.displayName})
      returning id`,
  );
  const view = await loadOverride(tx, u.id, row.id);
  await recordAudit(tx, options.actor, {
    action: 'create',
    entity: 'parameterOverride',
    entityId: row.id,
    tenantId: u.id,
    orgPath,
    after: view,
  });
  return view;
}
