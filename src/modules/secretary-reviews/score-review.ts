/**
 * A reviewer's score of a review (0–100, with a comment): organizers of the round score, one score
 * per reviewer account, changed at the version read. Nobody scores their own review.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { secretaryReviewScores } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { AppError, badInput, forbidden, stale } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { roundPublished } from './add-review.ts';
import { loadReview } from './review-access.ts';
import type { ScoreInput } from './schema.ts';

export const ownReviewRefused = () =>
  new AppError('FORBIDDEN', { zh: '不能为本人的述职评分', en: 'You cannot score your own review' });

export async function scoreReview(tx: Tx, options: { id: string; input: ScoreInput; actor: Actor }) {
  const { input, actor } = options;
  const { review, round } = await loadReview(tx, actor, options.id);
  if (actor.personId !== null && actor.personId === review.personId) throw ownReviewRefused();
  if (!round.canManage) throw forbidden();
  if (round.status !== 'open') throw roundPublished();
  const where = and(
    eq(secretaryReviewScores.tenantId, review.tenantId),
    eq(secretaryReviewScores.reviewId, review.id),
    eq(secretaryReviewScores.reviewerAccount, actor.username),
  );
  const [before] = await tx.select().from(secretaryReviewScores).where(where);
  let after: typeof secretaryReviewScores.$inferSelect;
  if (!before) {
    [after] = await tx
      .insert(secretaryReviewScores)
      .values({
        tenantId: review.tenantId,
        reviewId: review.id,
        reviewerAccount: actor.username,
        reviewerName: actor.displayName,
        score: input.score,
        comment: input.comment ?? null,
      })
      .returning();
  } else {
    if (input.version === undefined)
      throw badInput([{ field: 'version', reason: '修改已有评分须提供版本号 / send the version you read' }]);
    const [updated] = await tx
      .update(secretaryReviewScores)
      .set({
        score: input.score,
        comment: input.comment === undefined ? before.comment : input.comment,
        version: sql`${secretaryReviewScores.version} + 1`,
      })
      .where(and(where, eq(secretaryReviewScores.version, input.version)))
      .returning();
    if (!updated) throw stale();
    after = updated;
  }
  await recordAudit(tx, actor, {
    action: before ? 'update' : 'create',
    entity: 'secretaryReviewScore',
    entityId: after.id,
    tenantId: review.tenantId,
    orgPath: review.orgPath,
    before: before ?? null,
    after,
  });
  return after;
}
