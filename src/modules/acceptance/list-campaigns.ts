/** Campaigns of the universities the actor reaches, newest first, with their reviews per stage. */
import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { acceptanceCampaigns } from '../../db/schema.ts';
import { acceptanceStages } from '../../domain/rules/acceptance-facts.ts';
import { type Actor, tenantIdsInScope } from '../../server/scope.ts';
import { stageCountsOf } from './list-reviews.ts';
import type { CampaignView, ManualIndicator, StageCounts } from './schema.ts';

type CampaignRow = typeof acceptanceCampaigns.$inferSelect;

export const fullCounts = (counts: Record<string, number> = {}) =>
  Object.fromEntries(acceptanceStages.map((s) => [s, counts[s] ?? 0])) as StageCounts;

export const presentCampaign = (c: CampaignRow, counts: Record<string, number> | undefined): CampaignView => ({
  id: c.id,
  tenantId: c.tenantId,
  year: c.year,
  title: c.title,
  standardSets: c.standardSets as string[],
  opensOn: c.opensOn,
  closesOn: c.closesOn,
  status: c.status as CampaignView['status'],
  manualIndicators: c.manualIndicators as ManualIndicator[],
  version: c.version,
  counts: fullCounts(counts),
});

export async function listCampaigns(tx: Tx, actor: Actor, filter: { year?: number }) {
  const where: SQL[] = [];
  if (!actor.all) where.push(inArray(acceptanceCampaigns.tenantId, tenantIdsInScope(actor, 'read')));
  if (filter.year !== undefined) where.push(eq(acceptanceCampaigns.year, filter.year));
  if (!actor.all && tenantIdsInScope(actor, 'read').length === 0) return [];
  const rows = await tx
    .select()
    .from(acceptanceCampaigns)
    .where(and(...where))
    .orderBy(desc(acceptanceCampaigns.year), desc(acceptanceCampaigns.opensOn));
  const counts = await stageCountsOf(
    tx,
    actor,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentCampaign(r, counts.get(r.id)));
}
