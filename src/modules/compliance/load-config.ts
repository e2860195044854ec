/** Each university's adopted standard sets and parameter overrides, as the engine needs them. */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import type { Override } from '../../domain/compliance/parameters.ts';
import { type StandardSet, standardSetByCode } from '../../domain/compliance/standard-sets.ts';
import type { ParamValues } from '../../domain/compliance/types.ts';
import { selectRows } from '../orgs/select-rows.ts';

export type UniversityConfig = { sets: StandardSet[]; overrides: Override[] };

export async function loadConfigs(
  tx: Tx,
  tenantIds: string[],
  options: { standardSets?: string[] } = {},
): Promise<Map<string, UniversityConfig>> {
  const ids = sql`${sql.param(tenantIds)}::uuid[]`;
  const tenants = await selectRows<{ id: string; standardSets: string[] }>(
    tx,
    sql`select id, standard_sets as "standardSets" from tenants where id = any(${ids})`,
  );
  const overrides = await selectRows<Override & { tenantId: string; values: ParamValues }>(
    tx,
    sql`select p.tenant_id as "tenantId", p.id, p.rule, p.org_id as "orgId", o.code as "orgCode", p.values,
        p.reason, p.updated_by_name as "updatedByName", to_char(p.updated_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as "updatedAt"
      from parameter_overrides p left join orgs o on o.tenant_id = p.tenant_id and o.id = p.org_id
      where p.tenant_id = any(${ids}) order by p.created_at`,
  );
  const out = new Map<string, UniversityConfig>();
  for (const t of tenants) {
    const codes = options.standardSets ?? t.standardSets;
    out.set(t.id, {
      sets: codes.map((c) => standardSetByCode.get(c)).filter((s): s is StandardSet => s !== undefined),
      overrides: overrides.filter((o) => o.tenantId === t.id),
    });
  }
  return out;
}
