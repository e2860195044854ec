/** Branch reviews with their branch, college and latest step, inside the actor's read scope. */
import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import type { ReviewRow } from './schema.ts';

/** `col`: the college above branch `o` (its nearest college ancestor), if any. */
export const collegeJoin = sql`left join lateral (
    select c.id, c.code, c.name from orgs c
    where c.tenant_id = o.tenant_id and c.kind = 'college' and o.path like c.path || '%'
    order by c.depth desc limit 1
  ) col on true`;

export async function listReviews(tx: Tx, actor: Actor, where: SQL): Promise<ReviewRow[]> {
  const rows = await selectRows<Omit<ReviewRow, 'lastStep'> & { lastStep: ReviewRow['lastStep'] }>(
    tx,
    sql`select r.id, r.campaign_id as "campaignId", ac.title as "campaignTitle", r.org_id as "orgId", o.code as "orgCode", o.name as "orgName",
        col.id as "collegeId", col.name as "collegeName", r.stage, r.version,
        (select json_build_object('seq', s.seq, 'step', s.step, 'on', to_char(s.on, 'YYYY-MM-DD'),
            'actorRole', s.actor_role, 'actorName', s.actor_name, 'outcome', s.outcome, 'reason', s.reason)
          from acceptance_steps s where s.tenant_id = r.tenant_id and s.review_id = r.id
          order by s.seq desc limit 1) as "lastStep"
      from acceptance_reviews r
      join acceptance_campaigns ac on ac.tenant_id = r.tenant_id and ac.id = r.campaign_id
      join orgs o on o.tenant_id = r.tenant_id and o.id = r.org_id
      ${collegeJoin}
      where ${where} and ${orgInScope(actor, 'read', sql`o.tenant_id`, sql`o.path`)}
      order by col.code nulls first, o.code`,
  );
  return rows;
}

/** Reviews per stage in the actor's scope, for every campaign in `ids`. */
export async function stageCountsOf(tx: Tx, actor: Actor, ids: string[]) {
  if (ids.length === 0) return new Map<string, Record<string, number>>();
  const rows = await selectRows<{ campaignId: string; stage: string; n: number }>(
    tx,
    sql`select r.campaign_id as "campaignId", r.stage, count(*)::int as n
      from acceptance_reviews r join orgs o on o.tenant_id = r.tenant_id and o.id = r.org_id
      where r.campaign_id = any(${sql.param(ids)}::uuid[]) and ${orgInScope(actor, 'read', sql`o.tenant_id`, sql`o.path`)}
      group by r.campaign_id, r.stage`,
  );
  const out = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const counts = out.get(r.campaignId) ?? {};
    counts[r.stage] = r.n;
    out.set(r.campaignId, counts);
  }
  return out;
}
