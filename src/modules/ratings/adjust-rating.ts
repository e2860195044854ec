/**
 * Moves a draft rating's score by hand, at most `maxAdjustment` points either way, always with a
 * reason; who did it and when are kept on the rating and in the audit trail. A rating without a
 * rubric score cannot be adjusted into a grade.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { ratings } from '../../db/schema.ts';
import { type RatingItem, unscoredItems } from '../../domain/evaluation/rating-rubric.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, stale } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { loadRatingToRate } from './rating-orgs.ts';
import type { AdjustInput } from './schema.ts';
import { notDraft } from './score-items.ts';

/** The 400 for a grade asked of a rating whose rubric is not fully scored, naming the items. */
export const noRubricScore = (items: RatingItem[]) =>
  badInput(
    unscoredItems(items).map((i) => ({
      field: `items.${i.key}`,
      reason: '尚未评分，不能定级 / not scored yet: no grade without a rubric score',
    })),
  );

export async function adjustRating(tx: Tx, options: { id: string; input: AdjustInput; actor: Actor }) {
  const { input, actor } = options;
  const { rating: before, org } = await loadRatingToRate(tx, actor, options.id);
  if (before.version !== input.version) throw stale();
  if (before.status !== 'draft') throw notDraft();
  const reason = input.reason?.trim() || null;
  if (input.adjustment !== 0 && !reason)
    throw badInput([{ field: 'reason', reason: '调整须说明理由 / an adjustment needs a reason' }]);
  if (before.computedScore === null) throw noRubricScore(before.items as RatingItem[]);
  const [after] = await tx
    .update(ratings)
    .set({
      adjustment: input.adjustment,
      adjustmentReason: reason,
      adjustedById: actor.accountId || null,
      adjustedByName: actor.displayName,
      adjustedAt: new Date(),
      version: sql`${ratings.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(ratings.id, before.id), eq(ratings.version, input.version)))
    .returning();
  if (!after) throw stale();
  await recordAudit(tx, actor, {
    action: 'adjust',
    entity: 'rating',
    entityId: after.id,
    tenantId: after.tenantId,
    orgPath: org.path,
    before,
    after,
  });
  return after;
}
