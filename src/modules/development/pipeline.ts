import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { type DevStage, devStages } from '../../domain/development/steps.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { openDevFinding } from './list-cases.ts';
import type { PipelineResponse } from './schema.ts';

type Ref = { id: string; code: string; name: string };
type Row = { org: Ref; parent: Ref | null; stage: DevStage | null; n: number; late: number };

const zeros = () => Object.fromEntries(devStages.map((s) => [s, 0])) as Record<DevStage, number>;

/**
 * The pipeline board: cases per stage per branch of a subtree (the actor's whole read scope when
 * none is named), with the number of each branch's cases that have an open DEV finding. Every
 * current branch appears, with zeros when it develops nobody. One GROUP BY.
 */
export async function pipeline(tx: Tx, options: { actor: Actor; orgId?: string }): Promise<PipelineResponse> {
  const { actor, orgId } = options;
  const subtree = orgId
    ? sql`and exists (select 1 from orgs root where root.id = ${orgId}::uuid and root.tenant_id = o.tenant_id
        and starts_with(o.path, root.path))`
    : sql``;
  const rows = await selectRows<Row>(
    tx,
    sql`select json_build_object('id', o.id, 'code', o.code, 'name', o.name) as org,
        case when p.id is null then null else json_build_object('id', p.id, 'code', p.code, 'name', p.name) end as parent,
        c.stage, count(c.id)::int as n, count(c.id) filter (where ${openDevFinding})::int as late
      from orgs o
      left join orgs p on p.tenant_id = o.tenant_id and p.id = o.parent_id
      left join dev_cases c on c.tenant_id = o.tenant_id and c.org_id = o.id
      where o.kind = 'branch' and (o.valid_to is null or c.id is not null)
        and ${orgInScope(actor, 'read', sql`o.tenant_id`, sql`o.path`)} ${subtree}
      group by o.tenant_id, o.id, o.code, o.name, o.path, p.id, p.code, p.name, c.stage
      order by o.path`,
  );
  const branches = new Map<string, PipelineResponse['branches'][number]>();
  const totals = zeros();
  for (const r of rows) {
    let branch = branches.get(r.org.id);
    if (!branch) {
      branch = { org: r.org, parent: r.parent, counts: zeros(), total: 0, withFindings: 0 };
      branches.set(r.org.id, branch);
    }
    if (!r.stage) continue;
    branch.counts[r.stage] += Number(r.n);
    branch.total += Number(r.n);
    branch.withFindings += Number(r.late);
    totals[r.stage] += Number(r.n);
  }
  return { branches: [...branches.values()], totals };
}
