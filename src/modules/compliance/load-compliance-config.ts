/** A university's adopted standard sets and its parameter overrides, with who changed them. */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import type { ParamValues } from '../../domain/compliance/types.ts';
import type { Actor } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { canEditConfig, loadUniversity } from './university-access.ts';

export type OverrideView = {
  id: string;
  rule: string;
  orgId: string | null;
  orgCode: string | null;
  orgName: string | null;
  values: ParamValues;
  reason: string | null;
  updatedByName: string | null;
  updatedAt: string;
  version: number;
};

export const overrideColumns = sql`p.id, p.rule, p.org_id as "orgId", o.code as "orgCode", o.name as "orgName",
  p.values, p.reason, p.updated_by_name as "updatedByName",
  to_char(p.updated_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as "updatedAt", p.version`;

export async function loadOverrides(tx: Tx, tenantId: string): Promise<OverrideView[]> {
  return selectRows<OverrideView>(
    tx,
    sql`select ${overrideColumns}
      from parameter_overrides p left join orgs o on o.tenant_id = p.tenant_id and o.id = p.org_id
      where p.tenant_id = ${tenantId} order by p.rule, o.path nulls first, p.created_at`,
  );
}

export async function loadComplianceConfig(tx: Tx, options: { actor: Actor; university?: string }) {
  const u = await loadUniversity(tx, options.actor, options.university, 'read', 'querystring.university');
  return {
    tenantId: u.id,
    universityName: u.name,
    standardSets: u.standardSets,
    version: u.version,
    canEdit: canEditConfig(options.actor, u.id),
    overrides: await loadOverrides(tx, u.id),
  };
}
