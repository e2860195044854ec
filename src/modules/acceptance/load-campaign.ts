/** A campaign with its indicators and the reviews of the branches the actor reaches. */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import type { Actor } from '../../server/scope.ts';
import { campaignIndicators } from './indicators.ts';
import { presentCampaign } from './list-campaigns.ts';
import { listReviews, stageCountsOf } from './list-reviews.ts';
import type { ManualIndicator } from './schema.ts';
import { loadCampaignRow } from './update-campaign.ts';

export async function loadCampaign(tx: Tx, actor: Actor, id: string) {
  const c = await loadCampaignRow(tx, actor, id);
  const counts = await stageCountsOf(tx, actor, [c.id]);
  return {
    ...presentCampaign(c, counts.get(c.id)),
    indicators: campaignIndicators(c.standardSets as string[], c.manualIndicators as ManualIndicator[]),
    reviews: await listReviews(tx, actor, sql`r.tenant_id = ${c.tenantId} and r.campaign_id = ${c.id}`),
  };
}
