import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { nextDue } from '../../domain/development/next-due.ts';
import { type DevEvent, type DevStage, openStages } from '../../domain/development/steps.ts';
import { addDays } from '../../domain/periods.ts';
import { devParamsFor } from '../../domain/rules/dev-params.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { loadConfigs } from '../compliance/load-config.ts';
import { selectRows } from '../orgs/select-rows.ts';
import type { DueResponse } from './schema.ts';

type Ref = { id: string; code: string; name: string };
type Row = {
  id: string;
  tenantId: string;
  path: string;
  stage: DevStage;
  person: Ref;
  org: Ref;
  events: Pick<DevEvent, 'step' | 'on' | 'data'>[];
};

/**
 * What the open cases of a subtree owe next (talks, reports, assessments, ends of probation), for
 * a secretary's or an organizer's to-do list: everything overdue or in its warning window, and
 * whatever falls due within `within` days, soonest first. One query for the cases with their
 * events; each branch's talkDays as the engine resolves it.
 */
export async function listDue(
  tx: Tx,
  options: { actor: Actor; orgId?: string; within: number; asOf: string },
): Promise<DueResponse> {
  const { actor, orgId, within, asOf } = options;
  const subtree = orgId
    ? sql`and exists (select 1 from orgs root where root.id = ${orgId}::uuid and root.tenant_id = o.tenant_id
        and starts_with(o.path, root.path))`
    : sql``;
  const rows = await selectRows<Row>(
    tx,
    sql`select c.id, c.tenant_id as "tenantId", o.path, c.stage,
        json_build_object('id', p.id, 'code', p.code, 'name', p.name) as person,
        json_build_object('id', o.id, 'code', o.code, 'name', o.name) as org,
        (select coalesce(json_agg(json_build_object('step', e.step, 'on', to_char(e."on", 'YYYY-MM-DD'), 'data', e.data)
          order by e."on", e.created_at), '[]'::json)
          from dev_events e where e.tenant_id = c.tenant_id and e.case_id = c.id) as events
      from dev_cases c
      join orgs o on o.tenant_id = c.tenant_id and o.id = c.org_id
      join people p on p.tenant_id = c.tenant_id and p.id = c.person_id
      where c.stage in (${sql.join(
        openStages.map((s) => sql`${s}`),
        sql`, `,
      )}) and ${orgInScope(actor, 'read', sql`o.tenant_id`, sql`o.path`)} ${subtree}`,
  );
  const configs = await loadConfigs(tx, [...new Set(rows.map((r) => r.tenantId))]);
  const talkDays = new Map<string, number>();
  const talkDaysOf = (row: Row) => {
    const known = talkDays.get(row.path);
    if (known !== undefined) return known;
    const config = configs.get(row.tenantId);
    const value = devParamsFor(config?.sets ?? [], config?.overrides ?? [], row.path).talkDays;
    talkDays.set(row.path, value);
    return value;
  };
  const horizon = addDays(asOf, within);
  const items: DueResponse['items'] = [];
  for (const row of rows)
    for (const due of nextDue(row.events, { asOf, talkDays: talkDaysOf(row) }))
      if (due.state !== 'upcoming' || due.due <= horizon)
        items.push({ case: { id: row.id, stage: row.stage, person: row.person, org: row.org }, due });
  items.sort((a, b) => a.due.due.localeCompare(b.due.due) || a.case.person.code.localeCompare(b.case.person.code));
  return { items };
}
