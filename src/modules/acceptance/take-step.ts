/**
 * Every acceptance step goes through here, so ASSESS-06 holds for all of them: the campaign is
 * open, the actor holds the step's role over the branch (else a 403 naming the step), the step
 * is next in order (else a 400 naming it), the version is the one read (else a 409); then the
 * stage moves, the step is appended to the record and audited — or nothing is written. A return
 * also opens the branch's rectification item for its reason.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { acceptanceReviews, acceptanceSteps } from '../../db/schema.ts';
import {
  type AcceptanceStage,
  type AcceptanceStepKind,
  expectedSteps,
  outcomeOf,
  roleFor,
  roleLabel,
  stageAfter,
  stageLabels,
  stepLabels,
} from '../../domain/rules/acceptance-facts.ts';
import { recordAudit } from '../../server/audit.ts';
import { AppError, badInput, stale } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { holdsRoleOver } from './acting-role.ts';
import { loadReviewRow, type ReviewRowFull } from './load-review-row.ts';
import { openReturnRectification } from './return-rectification.ts';

type ReviewChanges = Partial<Pick<typeof acceptanceReviews.$inferInsert, 'statement' | 'entries' | 'attachments'>>;

export async function takeStep(
  tx: Tx,
  options: {
    id: string;
    step: AcceptanceStepKind;
    version: number;
    reason?: string | null;
    /** A return's rectification deadline; defaults from the campaign's close. */
    rectificationDeadline?: string | null;
    actor: Actor;
    today: string;
    /** The self-check's content, validated once the step itself is allowed. */
    changes?: (row: ReviewRowFull) => Promise<ReviewChanges>;
  },
) {
  const { actor, step } = options;
  const row = await loadReviewRow(tx, actor, options.id);
  const stage = row.review.stage as AcceptanceStage;
  const label = stepLabels[step];
  if (row.campaign.status !== 'open') {
    const reason = `验收活动已结束，不能再${label.zh} / the campaign is closed (ASSESS-06)`;
    throw new AppError(
      'BAD_INPUT',
      {
        zh: `“${row.campaign.title}”已结束，不能再进行${label.zh}（ASSESS-06）`,
        en: `“${row.campaign.title}” is closed: no ${label.en} any more (ASSESS-06)`,
      },
      [{ field: 'step', reason }],
    );
  }
  const outOfOrder = () =>
    new AppError(
      'BAD_INPUT',
      {
        zh: `${row.org.name}${stageLabels[stage].zh}，不能进行${label.zh}，下一步应为${expectedSteps(stage).zh}（ASSESS-06）`,
        en: `${row.org.name} is ${stageLabels[stage].en}: no ${label.en} now; next is ${expectedSteps(stage).en} (ASSESS-06)`,
      },
      [
        {
          field: 'step',
          reason: `${label.zh}不合顺序，应为${expectedSteps(stage).zh} / the ${label.en} is out of order, next is ${expectedSteps(stage).en} (ASSESS-06)`,
        },
      ],
    );
  const next = stageAfter(stage, step);
  // Whose return it is depends on the stage; once there is nothing to return, the order is what is wrong.
  if (next === null && step === 'return') throw outOfOrder();
  const role = roleFor(step, stage, row.direct);
  if (!holdsRoleOver(actor, role, row.org))
    throw new AppError(
      'FORBIDDEN',
      {
        zh: `${label.zh}须由${roleLabel(role).zh}进行（ASSESS-06）`,
        en: `The ${label.en} is for ${roleLabel(role).en} to take (ASSESS-06)`,
      },
      [{ field: 'step', reason: `${label.zh}须由${roleLabel(role).zh}进行 / for ${roleLabel(role).en} (ASSESS-06)` }],
    );
  if (next === null) throw outOfOrder();
  if (options.version !== row.review.version) throw stale();
  if (options.rectificationDeadline && options.rectificationDeadline < options.today)
    throw badInput([
      {
        field: 'body.rectificationDeadline',
        reason: '整改期限不能早于今天 / the rectification deadline is in the past',
      },
    ]);
  const changes = options.changes ? await options.changes(row) : {};
  const [after] = await tx
    .update(acceptanceReviews)
    .set({ ...changes, stage: next, version: sql`${acceptanceReviews.version} + 1`, updatedAt: new Date() })
    .where(and(eq(acceptanceReviews.id, row.review.id), eq(acceptanceReviews.version, options.version)))
    .returning();
  if (!after) throw stale();
  const [recorded] = await tx
    .insert(acceptanceSteps)
    .values({
      tenantId: row.review.tenantId,
      reviewId: row.review.id,
      seq: (row.steps.at(-1)?.seq ?? 0) + 1,
      step,
      on: options.today,
      actorRole: role,
      actorName: actor.displayName,
      outcome: outcomeOf(step),
      reason: options.reason ?? null,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: step,
    entity: 'acceptanceReview',
    entityId: after.id,
    tenantId: after.tenantId,
    orgPath: row.org.path,
    before: row.review,
    after: { ...after, step: recorded },
  });
  if (step === 'return')
    await openReturnRectification(tx, {
      actor,
      reviewId: after.id,
      org: row.org,
      campaign: row.campaign,
      reason: options.reason ?? stepLabels.return.zh,
      deadline: options.rectificationDeadline,
      today: options.today,
    });
  return after;
}
