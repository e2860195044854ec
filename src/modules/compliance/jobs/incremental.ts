/**
 * Incremental evaluation: every write is audited with the path of the org it belongs to, so the
 * audit trail since the last pass says which branches changed. Each changed branch is evaluated
 * again (its subtree only). A change of the rules themselves (adopted sets, parameter overrides)
 * re-evaluates the subtree it applies to; other changes above branch level wait for the nightly
 * run. The position in the trail is kept in `settings` and advanced in the same transaction,
 * under a row lock, so several app servers never evaluate the same change twice.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/connect.ts';
import { selectRows } from '../../orgs/select-rows.ts';
import { evaluate } from '../evaluate.ts';

const CURSOR = 'compliance.incremental.auditId';
/** Audited entities that change the rules rather than the records. */
const CONFIG_ENTITIES = ['parameterOverride', 'complianceConfig'];

export type IncrementalResult = {
  /** Subtrees evaluated again: changed branches, and orgs whose rules changed. */
  branches: number;
  findingsOpened: number;
  findingsResolved: number;
  upTo: number;
};

export async function evaluateChangedBranches(
  db: Db,
  options: { asOf: string; batch?: number },
): Promise<IncrementalResult> {
  return db.transaction(async (tx) => {
    // First pass on a database: start from now, do not replay the whole history.
    await tx.execute(sql`insert into settings (key, value)
      select ${CURSOR}, coalesce(max(id), 0)::text from audit_log on conflict (key) do nothing`);
    const [cursor] = await selectRows<{ value: string }>(
      tx,
      sql`select value from settings where key = ${CURSOR} for update`,
    );
    const since = Number(cursor.value);
    const changed = await selectRows<{ tenantId: string; orgId: string | null; upTo: number }>(
      tx,
      sql`with recent as (
          select id, tenant_id, org_path, entity = any(${sql.param(CONFIG_ENTITIES)}::text[]) as config
          from audit_log
          where id > ${since} and tenant_id is not null and org_path is not null
          order by id limit ${options.batch ?? 5000})
        select r.tenant_id as "tenantId", max(r.id)::int as "upTo",
          case when r.config then
            (select o.id from orgs o where o.tenant_id = r.tenant_id and o.path = r.org_path)
          else
            (select o.id from orgs o where o.tenant_id = r.tenant_id and o.kind = 'branch'
               and r.org_path like o.path || '%' order by o.depth desc limit 1)
          end as "orgId"
        from recent r group by r.tenant_id, r.org_path, r.config`,
    );
    if (changed.length === 0) return { branches: 0, findingsOpened: 0, findingsResolved: 0, upTo: since };
    const targets = new Map<string, string>();
    for (const c of changed) if (c.orgId) targets.set(c.orgId, c.tenantId);
    let findingsOpened = 0;
    let findingsResolved = 0;
    for (const [orgId, tenantId] of targets) {
      const result = await evaluate(tx, {
        tenantId,
        orgId,
        asOf: options.asOf,
        trigger: 'change',
        actorName: 'system',
      });
      findingsOpened += result.counts.opened + result.counts.reopened;
      findingsResolved += result.counts.resolved;
    }
    const upTo = Math.max(...changed.map((c) => c.upTo));
    await tx.execute(sql`update settings set value = ${String(upTo)} where key = ${CURSOR}`);
    return { branches: targets.size, findingsOpened, findingsResolved, upTo };
  });
}
