/**
 * Enters the scores of a draft rating's manual items (作用发挥, 群众评议, and the review item while no
 * review is published); each score lies within its item's points. The total is recomputed.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { ratings } from '../../db/schema.ts';
import { type RatingItem, rubricScore } from '../../domain/evaluation/rating-rubric.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, conflict, stale } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { loadRatingToRate } from './rating-orgs.ts';
import type { ItemScoresInput } from './schema.ts';

export const notDraft = () =>
  conflict({ zh: '定级已确定，不能再修改', en: 'The rating is final and cannot be changed' });

export async function scoreItems(tx: Tx, options: { id: string; input: ItemScoresInput; actor: Actor }) {
  const { input, actor } = options;
  const { rating: before, org } = await loadRatingToRate(tx, actor, options.id);
  if (before.version !== input.version) throw stale();
  if (before.status !== 'draft') throw notDraft();
  const items = (before.items as RatingItem[]).map((i) => ({ ...i }));
  const issues: { field: string; reason: string }[] = [];
  for (const [key, score] of Object.entries(input.scores)) {
    if (score === undefined) continue;
    const item = items.find((i) => i.key === key);
    if (!item) continue;
    if (item.source !== 'manual') {
      issues.push({ field: `scores.${key}`, reason: '该项由评议结果计算 / taken from the published review' });
      continue;
    }
    if (score !== null && score > item.max) {
      issues.push({ field: `scores.${key}`, reason: `不能超过${item.max}分 / at most ${item.max}` });
      continue;
    }
    item.score = score;
  }
  if (issues.length) throw badInput(issues);
  const [after] = await tx
    .update(ratings)
    .set({ items, computedScore: rubricScore(items), version: sql`${ratings.version} + 1`, updatedAt: new Date() })
    .where(and(eq(ratings.id, before.id), eq(ratings.version, input.version)))
    .returning();
  if (!after) throw stale();
  await recordAudit(tx, actor, {
    action: 'scoreItems',
    entity: 'rating',
    entityId: after.id,
    tenantId: after.tenantId,
    orgPath: org.path,
    before,
    after,
  });
  return after;
}
