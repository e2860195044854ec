import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { acceptanceCampaigns, acceptanceReviews, acceptanceSteps, orgs } from '../../db/schema.ts';
import type { AcceptanceStep } from '../../domain/rules/acceptance-facts.ts';
import { notFound } from '../../server/errors.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';

/**
 * A review whose branch the actor can read (else a 404), with its campaign, branch and steps, and
 * whether the branch is directly under the university (no college to first-check it).
 */
export async function loadReviewRow(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx
    .select({
      review: acceptanceReviews,
      campaign: acceptanceCampaigns,
      org: { id: orgs.id, tenantId: orgs.tenantId, code: orgs.code, name: orgs.name, path: orgs.path },
      direct: sql<boolean>`not exists (select 1 from orgs c where c.tenant_id = ${orgs.tenantId} and c.kind = 'college'
        and ${orgs.path} like c.path || '%')`,
    })
    .from(acceptanceReviews)
    .innerJoin(
      acceptanceCampaigns,
      and(
        eq(acceptanceCampaigns.tenantId, acceptanceReviews.tenantId),
        eq(acceptanceCampaigns.id, acceptanceReviews.campaignId),
      ),
    )
    .innerJoin(orgs, and(eq(orgs.tenantId, acceptanceReviews.tenantId), eq(orgs.id, acceptanceReviews.orgId)))
    .where(and(eq(acceptanceReviews.id, id), orgInScope(actor, 'read', orgs.tenantId, orgs.path)));
  if (!row) throw notFound({ zh: '验收记录', en: 'acceptance review' });
  const steps = await tx
    .select({
      seq: acceptanceSteps.seq,
      step: acceptanceSteps.step,
      on: acceptanceSteps.on,
      actorRole: acceptanceSteps.actorRole,
      actorName: acceptanceSteps.actorName,
      outcome: acceptanceSteps.outcome,
      reason: acceptanceSteps.reason,
    })
    .from(acceptanceSteps)
    .where(and(eq(acceptanceSteps.tenantId, row.review.tenantId), eq(acceptanceSteps.reviewId, row.review.id)))
    .orderBy(asc(acceptanceSteps.seq));
  return { ...row, steps: steps as AcceptanceStep[] };
}
export type ReviewRowFull = Awaited<ReturnType<typeof loadReviewRow>>;
