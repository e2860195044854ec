/**
 * Computes a year's ratings for a subtree: every org the actor rates gets a draft rating whose
 * engine items come from the year's findings and whose review item comes from a published review;
 * manual scores and an adjustment already entered are kept. Final ratings are left as they are.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { ratings } from '../../db/schema.ts';
import { buildRatingItems, type RatingItem, rubricScore } from '../../domain/evaluation/rating-rubric.ts';
import { recordAudit } from '../../server/audit.ts';
import { forbidden } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { loadReadableOrg } from '../compliance/finding-scope.ts';
import { loadFamilyChecks, loadReviewScores } from './family-checks.ts';
import { loadRatedOrgs } from './rating-orgs.ts';

/** The scores entered by hand on a rating's items, to keep when its items are recomputed. */
export const manualScores = (items: RatingItem[]) =>
  Object.fromEntries(items.filter((i) => i.source === 'manual').map((i) => [i.key, i.score]));

export async function computeRatings(tx: Tx, options: { actor: Actor; orgId: string; year: number }) {
  const { actor, year } = options;
  const root = await loadReadableOrg(tx, actor, options.orgId);
  const rated = (await loadRatedOrgs(tx, { actor, root, year })).filter((o) => o.canRate);
  if (rated.length === 0) throw forbidden();
  const orgIds = rated.map((o) => o.id);
  const checks = await loadFamilyChecks(tx, { tenantId: root.tenantId, orgIds, year });
  const reviews = await loadReviewScores(tx, { tenantId: root.tenantId, orgIds, year });
  const existing = await tx
    .select()
    .from(ratings)
    .where(and(eq(ratings.tenantId, root.tenantId), eq(ratings.year, year), inArray(ratings.orgId, orgIds)));
  const byOrg = new Map(existing.map((r) => [r.orgId, r]));
  let computed = 0;
  let kept = 0;
  for (const org of rated) {
    const before = byOrg.get(org.id);
    if (before?.status === 'final') {
      kept++;
      continue;
    }
    const items = buildRatingItems({
      checks: checks.get(org.id) ?? {},
      manual: before ? manualScores(before.items as RatingItem[]) : {},
      reviewScore: reviews.get(org.id) ?? null,
    });
    const values = { items, computedScore: rubricScore(items) };
    const [after] = before
      ? await tx
          .update(ratings)
          .set({ ...values, version: sql`${ratings.version} + 1`, updatedAt: new Date() })
          .where(eq(ratings.id, before.id))
          .returning()
      : await tx
          .insert(ratings)
          .values({ tenantId: root.tenantId, orgId: org.id, year, ...values })
          .returning();
    await recordAudit(tx, actor, {
      action: before ? 'recompute' : 'compute',
      entity: 'rating',
      entityId: after.id,
      tenantId: root.tenantId,
      orgPath: org.path,
      before: before ?? null,
      after,
    });
    computed++;
  }
  return { year, computed, kept };
}
