/**
 * Recent evaluation runs the actor may see: runs over an org in their read areas, and runs over
 * an ancestor that covered their area (a college admin sees the university's nightly run).
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { loadReadableOrg } from './finding-scope.ts';

const RECENT = 50;

export async function listRuns(tx: Tx, options: { actor: Actor; org?: string }) {
  const { actor } = options;
  const covering = actor.readAreas.map(
    (a) => sql`(r.tenant_id = ${a.tenantId}::uuid and ${a.path} like o.path || '%')`,
  );
  const visible = sql.join([orgInScope(actor, 'read', sql`o.tenant_id`, sql`o.path`), ...covering], sql` or `);
  let subtree = sql``;
  if (options.org) {
    const root = await loadReadableOrg(tx, actor, options.org);
    // Runs inside the subtree and runs over its ancestors (which evaluated it too).
    subtree = sql`and r.tenant_id = ${root.tenantId} and (o.path like ${`${root.path}%`} or ${root.path} like o.path || '%')`;
  }
  const rows = await selectRows<{
    id: string;
    tenantId: string;
    orgId: string;
    orgCode: string;
    orgName: string;
    trigger: string;
    from: string;
    to: string;
    asOf: string;
    rules: number;
    produced: number;
    opened: number;
    resolved: number;
    durationMs: number;
    actorName: string;
    startedAt: string;
  }>(
    tx,
    sql`select r.id, r.tenant_id as "tenantId", o.id as "orgId", o.code as "orgCode", o.name as "orgName", r.trigger,
        r.from_day::text as "from", r.to_day::text as "to", r.as_of::text as "asOf", r.rules, r.produced, r.opened,
        r.resolved, r.duration_ms as "durationMs", r.actor_name as "actorName",
        to_char(r.started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "startedAt"
      from evaluation_runs r join orgs o on o.tenant_id = r.tenant_id and o.id = r.org_id
      where (${visible}) ${subtree}
      order by r.started_at desc limit ${RECENT}`,
  );
  return rows.map(({ orgId, orgCode, orgName, ...r }) => ({ ...r, org: { id: orgId, code: orgCode, name: orgName } }));
}
