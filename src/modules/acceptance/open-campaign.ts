import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { acceptanceCampaigns, acceptanceReviews, orgs } from '../../db/schema.ts';
import { knownRuleIds } from '../../domain/compliance/rule-catalog.ts';
import { standardSetByCode } from '../../domain/compliance/standard-sets.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, conflict, forbidden } from '../../server/errors.ts';
import { type Actor, holdsTenantRoot } from '../../server/scope.ts';
import type { OpenCampaignInput } from './schema.ts';

/**
 * The organization department opens a campaign for a year: one pending review for every branch
 * not dissolved by the opening day, so progress counts every branch from the start.
 */
export async function openCampaign(tx: Tx, options: { input: OpenCampaignInput; actor: Actor }) {
  const { input, actor } = options;
  const tenantId = input.tenantId ?? actor.tenantId;
  if (!tenantId) throw badInput([{ field: 'tenantId', reason: '请指定学校 / name the university' }]);
  if (!holdsTenantRoot(actor, 'write', tenantId)) throw forbidden();
  const unknownSets = input.standardSets.filter((s) => !standardSetByCode.has(s));
  if (unknownSets.length)
    throw badInput([{ field: 'standardSets', reason: `未知标准 / unknown standard set: ${unknownSets.join(', ')}` }]);
  const codes = input.manualIndicators.map((m) => m.code);
  if (new Set(codes).size !== codes.length || codes.some((c) => knownRuleIds.has(c)))
    throw badInput([{ field: 'manualIndicators', reason: '指标编码重复 / indicator codes repeat' }]);
  const [same] = await tx
    .select({ id: acceptanceCampaigns.id })
    .from(acceptanceCampaigns)
    .where(
      and(
        eq(acceptanceCampaigns.tenantId, tenantId),
        eq(acceptanceCampaigns.year, input.year),
        eq(acceptanceCampaigns.title, input.title),
      ),
    );
  if (same)
    throw conflict({
      zh: `${input.year}年已有同名验收活动“${input.title}”`,
      en: `A ${input.year} campaign titled “${input.title}” already exists`,
    });
  const [campaign] = await tx
    .insert(acceptanceCampaigns)
    .values({
      tenantId,
      year: input.year,
      title: input.title,
      standardSets: input.standardSets,
      opensOn: input.opensOn,
      closesOn: input.closesOn,
      manualIndicators: input.manualIndicators,
    })
    .returning();
  const branches = await tx
    .select({ id: orgs.id })
    .from(orgs)
    .where(
      and(
        eq(orgs.tenantId, tenantId),
        eq(orgs.kind, 'branch'),
        sql`(${orgs.validTo} is null or ${orgs.validTo} > ${input.opensOn}::date)`,
      ),
    );
  if (branches.length)
    await tx
      .insert(acceptanceReviews)
      .values(branches.map((b) => ({ tenantId, campaignId: campaign.id, orgId: b.id })));
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'acceptanceCampaign',
    entityId: campaign.id,
    tenantId,
    orgPath: `/${tenantId}/`,
    before: null,
    after: { ...campaign, branches: branches.length },
  });
  return campaign;
}
