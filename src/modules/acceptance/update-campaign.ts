import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { acceptanceCampaigns } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, forbidden, notFound, stale } from '../../server/errors.ts';
import { type Actor, holdsTenantRoot, tenantIdsInScope } from '../../server/scope.ts';
import type { UpdateCampaignInput } from './schema.ts';

/** A campaign the actor can see (any area of its university), else a 404. */
export async function loadCampaignRow(tx: Tx, actor: Actor, id: string) {
  const [c] = await tx.select().from(acceptanceCampaigns).where(eq(acceptanceCampaigns.id, id));
  if (!c || !(actor.all || tenantIdsInScope(actor, 'read').includes(c.tenantId)))
    throw notFound({ zh: '验收活动', en: 'acceptance campaign' });
  return c;
}

/** The organization department renames a campaign, moves its close date, closes or reopens it. */
export async function updateCampaign(tx: Tx, options: { id: string; input: UpdateCampaignInput; actor: Actor }) {
  const { input, actor } = options;
  const before = await loadCampaignRow(tx, actor, options.id);
  if (!holdsTenantRoot(actor, 'write', before.tenantId)) throw forbidden();
  if (input.version !== before.version) throw stale();
  const closesOn = input.closesOn ?? before.closesOn;
  if (closesOn < before.opensOn)
    throw badInput([{ field: 'closesOn', reason: '截止日期不能早于开始日期 / closes before it opens' }]);
  const [after] = await tx
    .update(acceptanceCampaigns)
    .set({
      title: input.title ?? before.title,
      closesOn,
      status: input.status ?? before.status,
      version: sql`${acceptanceCampaigns.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(acceptanceCampaigns.id, before.id), eq(acceptanceCampaigns.version, input.version)))
    .returning();
  if (!after) throw stale();
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'acceptanceCampaign',
    entityId: after.id,
    tenantId: after.tenantId,
    orgPath: `/${after.tenantId}/`,
    before,
    after,
  });
  return after;
}
