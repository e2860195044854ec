/** The secretary's written report (述职报告): by the secretary, or entered by the round's organizer. */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { secretaryReviews } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { forbidden, stale } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { roundPublished } from './add-review.ts';
import { loadReview } from './review-access.ts';
import type { ReportInput } from './schema.ts';

export async function submitReport(tx: Tx, options: { id: string; input: ReportInput; today: string; actor: Actor }) {
  const { input, today, actor } = options;
  const { review: before, round } = await loadReview(tx, actor, options.id);
  const isMine = actor.personId !== null && actor.personId === before.personId;
  if (!isMine && !round.canManage) throw forbidden();
  if (round.status !== 'open') throw roundPublished();
  if (before.version !== input.version) throw stale();
  const [after] = await tx
    .update(secretaryReviews)
    .set({ report: input.report, reportedOn: today, version: sql`${secretaryReviews.version} + 1` })
    .where(and(eq(secretaryReviews.id, before.id), eq(secretaryReviews.version, input.version)))
    .returning();
  if (!after) throw stale();
  await recordAudit(tx, actor, {
    action: 'report',
    entity: 'secretaryReview',
    entityId: after.id,
    tenantId: after.tenantId,
    orgPath: before.orgPath,
    before,
    after,
  });
  return after;
}
