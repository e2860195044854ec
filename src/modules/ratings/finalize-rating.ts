/**
 * Gives a draft rating its grade: the grade of the computed score plus the adjustment. A fair or
 * lagging grade gets its rectification plan (004 三.2, ASSESS-02) in the same transaction: an item
 * of source `rating` owned by the org's secretary, due by the deadline given (three months by default).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { ratings, rectifications } from '../../db/schema.ts';
import {
  adjustedScore,
  gradeFor,
  gradeLabels,
  needsRectification,
  type RatingItem,
  ratingItemSpecs,
} from '../../domain/evaluation/rating-rubric.ts';
import { addMonths } from '../../domain/periods.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, stale } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { noRubricScore } from './adjust-rating.ts';
import { currentSecretary } from './current-secretary.ts';
import { loadRatingToRate } from './rating-orgs.ts';
import type { FinalizeInput } from './schema.ts';
import { notDraft } from './score-items.ts';

/** The measures 004 三.3 asks of a fair or lagging org. */
export const ratingMeasures = '对照“五个好”标准制定整改提高方案，召开党员大会讨论，明确目标、任务、措施和完成时限';

/** The problem text: the grade and score, and the items that lost the most points. */
export function ratingProblem(year: number, grade: 'fair' | 'lagging', score: number, items: RatingItem[]) {
  const weakest = items
    .filter((i) => i.applicable && i.score !== null && i.score < i.max)
    .sort((a, b) => (b.max - (b.score ?? 0)) / b.max - (a.max - (a.score ?? 0)) / a.max)
    .slice(0, 2)
    .map((i) => `${ratingItemSpecs.find((s) => s.key === i.key)?.label.zh ?? i.key}${i.score}/${i.max}分`);
  const tail = weakest.length ? `，失分较多：${weakest.join('、')}` : '';
  return `${year}年分类定级为“${gradeLabels[grade].zh}”（${score}分）${tail}`;
}

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
