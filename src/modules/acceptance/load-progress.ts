/** A campaign's progress per college: reviews per stage, branches directly under the university in their own row. */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import type { Actor } from '../../server/scope.ts';
import { fullCounts } from './list-campaigns.ts';
import { listReviews } from './list-reviews.ts';
import type { ProgressRow } from './schema.ts';
import { loadCampaignRow } from './update-campaign.ts';

export const directBranchesLabel = '直属党支部';

export async function loadProgress(tx: Tx, actor: Actor, id: string) {
  const c = await loadCampaignRow(tx, actor, id);
  const reviews = await listReviews(tx, actor, sql`r.tenant_id = ${c.tenantId} and r.campaign_id = ${c.id}`);
  const rows = new Map<string, ProgressRow>();
  for (const r of reviews) {
    const key = r.collegeId ?? '';
    const row = rows.get(key) ?? {
      collegeId: r.collegeId,
      collegeName: r.collegeName ?? directBranchesLabel,
      total: 0,
      counts: fullCounts(),
    };
    row.total += 1;
    row.counts[r.stage] += 1;
    rows.set(key, row);
  }
  return { campaign: { id: c.id, year: c.year, title: c.title }, items: [...rows.values()] };
}
