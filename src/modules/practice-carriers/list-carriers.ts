import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { resolveParams } from '../../domain/compliance/parameters.ts';
import { ruleById } from '../../domain/compliance/rules.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { loadConfigs } from '../compliance/load-config.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { selectCarriers } from './load-carrier.ts';
import type { CoverageRow } from './schema.ts';

/** Carriers of orgs the actor may read, by year and subtree. */
export function listCarriers(tx: Tx, options: { actor: Actor; year?: number; rootPath?: string }) {
  const { actor, year, rootPath } = options;
  const parts: SQL[] = [orgInScope(actor, 'read', sql`o.tenant_id`, sql`o.path`)];
  if (year !== undefined) parts.push(sql`pc.year = ${year}`);
  if (rootPath) parts.push(sql`o.path like ${`${rootPath}%`}`);
  return selectCarriers(tx, sql.join(parts, sql` and `));
}

/**
 * Each current college and branch the actor may read (under `rootPath`) with its carriers in the
 * year against ASSESS-09's minimum: the list the secretaries work down.
 */
export async function carrierCoverage(
  tx: Tx,
  options: { actor: Actor; year: number; rootPath?: string },
): Promise<CoverageRow[]> {
  const { actor, year, rootPath } = options;
  const rows = await selectRows<Omit<CoverageRow, 'required' | 'met'> & { tenantId: string; path: string }>(
    tx,
    sql`select o.id as "orgId", o.tenant_id as "tenantId", o.path, o.code as "orgCode", o.name as "orgName",
        o.kind as "orgKind", count(pc.id)::int as carriers
      from orgs o
      left join practice_carriers pc on pc.tenant_id = o.tenant_id and pc.org_id = o.id and pc.year = ${year}
      where o.kind in ('college', 'branch') and o.valid_to is null
        and ${orgInScope(actor, 'read', sql`o.tenant_id`, sql`o.path`)}
        ${rootPath ? sql`and o.path like ${`${rootPath}%`}` : sql``}
      group by o.id, o.tenant_id, o.path, o.code, o.name, o.kind, o.depth
      -- Each college, then its branches by code (paths hold ids, whose order means nothing).
      order by case when o.kind = 'college' then o.path else regexp_replace(o.path, '[^/]+/$', '') end, o.depth, o.code`,
  );
  const configs = await loadConfigs(tx, [...new Set(rows.map((r) => r.tenantId))]);
  const rule = ruleById.get('ASSESS-09');
  return rows.map(({ tenantId, path, ...r }) => {
    const config = configs.get(tenantId);
    const required = rule
      ? Number(resolveParams(rule, config?.sets ?? [], config?.overrides ?? [], path).minCarriers)
      : 1;
    return { ...r, required, met: r.carriers >= required };
  });
}
