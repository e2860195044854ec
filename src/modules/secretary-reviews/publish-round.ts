/**
 * Publishes a round: every review needs at least one score; each gets the mean of its scores and
 * the grade of that mean, and the results become visible within scope. The year's draft ratings of
 * the reviewed orgs take the result as their review item in the same transaction.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { ratings, secretaryReviewRounds, secretaryReviews } from '../../db/schema.ts';
import { type RatingItem, rubricScore, withReviewScore } from '../../domain/evaluation/rating-rubric.ts';
import { finalReviewScore, reviewGradeFor } from '../../domain/evaluation/secretary-review.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, stale } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { roundPublished } from './add-review.ts';
import { loadRound } from './review-access.ts';

export async function publishRound(tx: Tx, options: { id: string; version: number; today: string; actor: Actor }) {
  const { version, today, actor } = options;
  const round = await loadRound(tx, actor, options.id, true);
  if (round.status !== 'open') throw roundPublished();
  if (round.version !== version) throw stale();
  const reviews = await selectRows<{ id: string; orgId: string; personName: string; scores: number[] }>(
    tx,
    sql`select v.id, v.org_id as "orgId", pe.name as "personName",
        coalesce(array_agg(s.score) filter (where s.score is not null), '{}') as scores
      from secretary_reviews v join people pe on pe.tenant_id = v.tenant_id and pe.id = v.person_id
      left join secretary_review_scores s on s.tenant_id = v.tenant_id and s.review_id = v.id
      where v.tenant_id = ${round.tenantId} and v.round_id = ${round.id}
      group by v.id, v.org_id, pe.name order by pe.name`,
  );
  if (reviews.length === 0)
    throw badInput([{ field: 'reviews', reason: '本轮没有评议对象 / the round has no reviews' }]);
  const unscored = reviews.filter((r) => r.scores.length === 0);
  if (unscored.length)
    throw badInput(
      unscored.map((r) => ({ field: `reviews.${r.id}`, reason: `${r.personName}尚无评分 / not scored yet` })),
    );
  const [published] = await tx
    .update(secretaryReviewRounds)
    .set({ status: 'published', publishedOn: today, version: sql`${secretaryReviewRounds.version} + 1` })
    .where(and(eq(secretaryReviewRounds.id, round.id), eq(secretaryReviewRounds.version, version)))
    .returning();
  if (!published) throw stale();
  const results = new Map<string, number>();
  for (const r of reviews) {
    const finalScore = finalReviewScore(r.scores.map(Number)) as number;
    results.set(r.orgId, finalScore);
    await tx
      .update(secretaryReviews)
      .set({ finalScore, grade: reviewGradeFor(finalScore), version: sql`${secretaryReviews.version} + 1` })
      .where(eq(secretaryReviews.id, r.id));
  }
  await recordAudit(tx, actor, {
    action: 'publish',
    entity: 'secretaryReviewRound',
    entityId: round.id,
    tenantId: round.tenantId,
    orgPath: round.orgPath,
    before: { status: round.status },
    after: { status: 'published', results: Object.fromEntries(results) },
  });
  const drafts = await tx
    .select()
    .from(ratings)
    .where(
      and(
        eq(ratings.tenantId, round.tenantId),
        eq(ratings.year, round.year),
        eq(ratings.status, 'draft'),
        inArray(ratings.orgId, [...results.keys()]),
      ),
    );
  for (const d of drafts) {
    const items = withReviewScore(d.items as RatingItem[], results.get(d.orgId) as number);
    const [after] = await tx
      .update(ratings)
      .set({ items, computedScore: rubricScore(items), version: sql`${ratings.version} + 1`, updatedAt: new Date() })
      .where(eq(ratings.id, d.id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'reviewResult',
      entity: 'rating',
      entityId: d.id,
      tenantId: round.tenantId,
      orgPath: round.orgPath,
      before: d,
      after,
    });
  }
  return published;
}
