/** Surveys and reorganizations as the API shows them, in the actor's read scope. */
import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { maySupervise } from '../rectifications/superior.ts';
import type { ReorganizationView, SurveyView } from './schema.ts';

type Scoped = { tenantId: string; parentPath: string | null };
const orgJoin = sql`join orgs o on o.tenant_id = x.tenant_id and o.id = x.org_id
  left join orgs p on p.tenant_id = o.tenant_id and p.id = o.parent_id`;

/** Surveys matching `condition` on `x` (surveys) and `o` (their org). */
export async function selectSurveys(tx: Tx, actor: Actor, condition: SQL): Promise<SurveyView[]> {
  const rows = await selectRows<Omit<SurveyView, 'mayEdit'> & Scoped>(
    tx,
    sql`select x.id, json_build_object('id', o.id, 'code', o.code, 'name', o.name) as org, x.year,
        to_char(x.surveyed_on, 'YYYY-MM-DD') as "surveyedOn", x.checklist, x.conclusion, x.weak,
        x.recorded_by_name as "recordedByName", x.version,
        (select count(*) from rectifications r where r.tenant_id = x.tenant_id and r.source = 'survey'
          and r.source_id = x.id)::int as rectifications,
        o.tenant_id as "tenantId", p.path as "parentPath"
      from surveys x ${orgJoin}
      where ${orgInScope(actor, 'read', sql`o.tenant_id`, sql`o.path`)} and ${condition}
      order by x.year desc, o.path limit 2000`,
  );
  return rows.map(({ tenantId, parentPath, ...view }) => ({
    ...view,
    mayEdit: maySupervise(actor, { tenantId, parentPath }),
  }));
}

/** Reorganizations matching `condition` on `x` (reorganizations) and `o`; `today` decides what is overdue. */
export async function selectReorganizations(
  tx: Tx,
  actor: Actor,
  condition: SQL,
  today: string,
): Promise<ReorganizationView[]> {
  const rows = await selectRows<Omit<ReorganizationView, 'mayEdit'> & Scoped>(
    tx,
    sql`select x.id, json_build_object('id', o.id, 'code', o.code, 'name', o.name) as org, x.reasons,
        to_char(x.started_on, 'YYYY-MM-DD') as "startedOn", to_char(x.ends_on, 'YYYY-MM-DD') as "endsOn", x.plan,
        x.status, to_char(x.closed_on, 'YYYY-MM-DD') as "closedOn", x.outcome,
        (x.status = 'open' and x.ends_on < ${today}::date) as overdue, x.version,
        o.tenant_id as "tenantId", p.path as "parentPath"
      from reorganizations x ${orgJoin}
      where ${orgInScope(actor, 'read', sql`o.tenant_id`, sql`o.path`)} and ${condition}
      order by (x.status = 'open') desc, x.started_on desc, o.path limit 2000`,
  );
  return rows.map(({ tenantId, parentPath, ...view }) => ({
    ...view,
    mayEdit: maySupervise(actor, { tenantId, parentPath }),
  }));
}

/** Org subtree filter on `o` for list queries. */
export const subtreeOf = (orgId: string | undefined) =>
  orgId ? sql`o.path like (select path from orgs where id = ${orgId}) || '%'` : sql`true`;
