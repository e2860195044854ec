/**
 * Gives a draft rating its grade: the grade of the computed score plus the adjustment. A fair or
 * lagging grade gets its rectification plan (004 三.2, ASSESS-02) in the same transaction: an item
 * of source `rating` owned by the org's secretary, due by the deadline given (three months by default).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { ratings, rectifications } from '../../db/schema.ts';
import { ratingMeasures, ratingProblem } from '../../domain/evaluation/rating-plan.ts';
import { adjustedScore, gradeFor, needsRectification, type RatingItem } from '../../domain/evaluation/rating-rubric.ts';
import { addMonths } from '../../domain/periods.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, stale } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { noRubricScore } from './adjust-rating.ts';
import { currentSecretary } from './current-secretary.ts';
import { loadRatingToRate } from './rating-orgs.ts';
import type { FinalizeInput } from './schema.ts';
import { notDraft } from './score-items.ts';

export async function finalizeRating(
  tx: Tx,
  options: { id: string; input: FinalizeInput; today: string; actor: Actor },
) {
  const { input, today, actor } = options;
  const { rating: before, org } = await loadRatingToRate(tx, actor, options.id);
  if (before.version !== input.version) throw stale();
  if (before.status !== 'draft') throw notDraft();
  if (before.computedScore === null) throw noRubricScore(before.items as RatingItem[]);
  if (input.rectificationDeadline !== undefined && input.rectificationDeadline <= today)
    throw badInput([{ field: 'rectificationDeadline', reason: '应晚于今天 / must be after today' }]);
  const score = adjustedScore(before.computedScore, before.adjustment);
  const grade = gradeFor(score);
  const [after] = await tx
    .update(ratings)
    .set({
      status: 'final',
      grade,
      ratedOn: today,
      ratedByName: actor.displayName,
      version: sql`${ratings.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(ratings.id, before.id), eq(ratings.version, input.version)))
    .returning();
  if (!after) throw stale();
  await recordAudit(tx, actor, {
    action: 'finalize',
    entity: 'rating',
    entityId: after.id,
    tenantId: after.tenantId,
    orgPath: org.path,
    before,
    after,
  });
  let rectification: typeof rectifications.$inferSelect | null = null;
  if (needsRectification(grade)) {
    const owner = await currentSecretary(tx, after.tenantId, after.orgId, today);
    [rectification] = await tx
      .insert(rectifications)
      .values({
        tenantId: after.tenantId,
        orgId: after.orgId,
        source: 'rating',
        sourceId: after.id,
        year: after.year,
        problem: ratingProblem(after.year, grade as 'fair' | 'lagging', score, after.items as RatingItem[]),
        ownerId: owner?.id ?? null,
        ownerName: owner?.name ?? `${org.name}书记`,
        measures: ratingMeasures,
        deadline: input.rectificationDeadline ?? addMonths(today, 3),
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'rectification',
      entityId: rectification.id,
      tenantId: after.tenantId,
      orgPath: org.path,
      after: rectification,
    });
  }
  return { rating: after, rectification };
}
