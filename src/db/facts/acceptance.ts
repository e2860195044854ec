/**
 * Facts for ASSESS-06 (see `AcceptanceFacts`): the campaigns of the scope's years that have
 * opened, each with the branches it covers in the scope — every reviewed branch, and every branch
 * existing when it opened that has no review row (imported data may lack one) — and their steps.
 */
import { sql } from 'drizzle-orm';
import type { AcceptanceFacts, AcceptanceStep } from '../../domain/rules/acceptance-facts.ts';
import { selectRows } from '../../modules/orgs/select-rows.ts';
import type { Tx } from '../connect.ts';
import { type FactScope, orgFilter } from './scope.ts';

type CampaignRow = Omit<AcceptanceFacts['campaigns'][number], 'branches'>;
type BranchRow = { campaignId: string; orgId: string; reviewId: string | null; direct: boolean };
type StepRow = AcceptanceStep & { reviewId: string };

export async function loadAcceptanceFacts(tx: Tx, scope: FactScope): Promise<AcceptanceFacts> {
  const years = { from: Number(scope.from.slice(0, 4)), to: Number(scope.to.slice(0, 4)) };
  const campaigns = await selectRows<CampaignRow>(
    tx,
    sql`select c.id, c.tenant_id as "tenantId", c.year, c.title, to_char(c.opens_on, 'YYYY-MM-DD') as "opensOn",
        to_char(c.closes_on, 'YYYY-MM-DD') as "closesOn", c.status
      from acceptance_campaigns c
      where c.tenant_id = any(${sql.param(scope.tenantIds)}::uuid[]) and c.year between ${years.from} and ${years.to}
        and c.opens_on <= ${scope.asOf}::date
      order by c.opens_on, c.id`,
  );
  if (campaigns.length === 0) return { campaigns: [] };
  const ids = sql.param(campaigns.map((c) => c.id));
  const branches = await selectRows<BranchRow>(
    tx,
    sql`select b.*, not exists (select 1 from orgs c where c.tenant_id = o.tenant_id and c.kind = 'college'
        and o.path like c.path || '%') as direct
      from (
      select r.campaign_id as "campaignId", r.org_id as "orgId", r.id as "reviewId"
      from acceptance_reviews r join orgs o on o.tenant_id = r.tenant_id and o.id = r.org_id
      where r.campaign_id = any(${ids}::uuid[]) and ${orgFilter(scope)}
      union all
      select c.id, o.id, null
      from acceptance_campaigns c join orgs o on o.tenant_id = c.tenant_id and o.kind = 'branch'
      where c.id = any(${ids}::uuid[]) and ${orgFilter(scope)}
        and o.valid_from <= c.opens_on and (o.valid_to is null or o.valid_to > least(c.closes_on, ${scope.asOf}::date))
        and not exists (select 1 from acceptance_reviews r where r.tenant_id = c.tenant_id and r.campaign_id = c.id and r.org_id = o.id)
      ) b join orgs o on o.id = b."orgId"`,
  );
  const steps = await selectRows<StepRow>(
    tx,
    sql`select s.review_id as "reviewId", s.seq, s.step, to_char(s.on, 'YYYY-MM-DD') as "on", s.actor_role as "actorRole",
        s.actor_name as "actorName", s.outcome, s.reason
      from acceptance_steps s join acceptance_reviews r on r.tenant_id = s.tenant_id and r.id = s.review_id
      join orgs o on o.tenant_id = r.tenant_id and o.id = r.org_id
      where r.campaign_id = any(${ids}::uuid[]) and ${orgFilter(scope)}
      order by s.review_id, s.seq`,
  );
  const stepsByReview = new Map<string, AcceptanceStep[]>();
  for (const { reviewId, ...s } of steps) {
    const list = stepsByReview.get(reviewId) ?? [];
    list.push(s);
    stepsByReview.set(reviewId, list);
  }
  return {
    campaigns: campaigns.map((c) => ({
      ...c,
      branches: branches
        .filter((b) => b.campaignId === c.id)
        .map((b) => ({
          orgId: b.orgId,
          reviewId: b.reviewId,
          direct: b.direct,
          steps: b.reviewId ? (stepsByReview.get(b.reviewId) ?? []) : [],
        })),
    })),
  };
}
