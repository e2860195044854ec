import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { lifeMeetingRectifications } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, type FieldIssue, notFound, stale } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { knownPeople, type LoadedLifeMeeting, loadLifeMeetingInScope } from './load-life-meeting.ts';
import type { RectificationFields } from './schema.ts';

const rectificationLabel = { zh: '整改事项', en: 'rectification point' };

/**
 * 会后逐一整改落实 (003 组织生活4): a point comes out of the meeting, so its deadline and completion
 * are not before it; a point is done only with evidence of what was done, and not in the future.
 */
async function checkRectification(tx: Tx, { meeting }: LoadedLifeMeeting, point: RectificationFields, today: string) {
  const issues: FieldIssue[] = [];
  const known = await knownPeople(tx, meeting.tenantId, [point.ownerId]);
  if (!known.has(point.ownerId)) issues.push({ field: 'body.ownerId', reason: '人员不存在 / unknown person' });
  if (point.deadline < meeting.heldOn)
    issues.push({ field: 'body.deadline', reason: `不能早于会议日期 ${meeting.heldOn} / before the meeting` });
  if (point.doneOn) {
    if (point.doneOn < meeting.heldOn)
      issues.push({ field: 'body.doneOn', reason: `不能早于会议日期 ${meeting.heldOn} / before the meeting` });
    if (point.doneOn > today) issues.push({ field: 'body.doneOn', reason: '不能晚于今天 / in the future' });
    if (!point.evidence)
      issues.push({ field: 'body.evidence', reason: '整改完成须有佐证材料说明 / completion needs evidence' });
  }
  if (issues.length) throw badInput(issues);
}

export async function createRectification(
  tx: Tx,
  options: { meetingId: string; input: RectificationFields; today: string; actor: Actor },
) {
  const { input, actor } = options;
  const loaded = await loadLifeMeetingInScope(tx, actor, 'write', options.meetingId);
  await checkRectification(tx, loaded, input, options.today);
  const [point] = await tx
    .insert(lifeMeetingRectifications)
    .values({
      tenantId: loaded.meeting.tenantId,
      meetingId: loaded.meeting.id,
      content: input.content,
      ownerId: input.ownerId,
      deadline: input.deadline,
      doneOn: input.doneOn ?? null,
      evidence: input.evidence ?? null,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'lifeMeetingRectification',
    entityId: point.id,
    tenantId: point.tenantId,
    orgPath: loaded.org.path,
    after: point,
  });
  return point;
}

export async function updateRectification(
  tx: Tx,
  options: {
    meetingId: string;
    rectificationId: string;
    input: Partial<RectificationFields> & { version: number };
    today: string;
    actor: Actor;
  },
) {
  const { input, actor } = options;
  const loaded = await loadLifeMeetingInScope(tx, actor, 'write', options.meetingId);
  const where = and(
    eq(lifeMeetingRectifications.tenantId, loaded.meeting.tenantId),
    eq(lifeMeetingRectifications.meetingId, loaded.meeting.id),
    eq(lifeMeetingRectifications.id, options.rectificationId),
  );
  const [point] = await tx.select().from(lifeMeetingRectifications).where(where);
  if (!point) throw notFound(rectificationLabel);
  if (point.version !== input.version) throw stale();
  // `null` clears doneOn or evidence (reopening a point); a missing key keeps the stored value.
  const next: RectificationFields = {
    content: input.content ?? point.content,
    ownerId: input.ownerId ?? point.ownerId,
    deadline: input.deadline ?? point.deadline,
    doneOn: input.doneOn === undefined ? point.doneOn : input.doneOn,
    evidence: input.evidence === undefined ? point.evidence : input.evidence,
  };
  await checkRectification(tx, loaded, next, options.today);
  const [updated] = await tx
    .update(lifeMeetingRectifications)
    .set({
      ...next,
      doneOn: next.doneOn ?? null,
      evidence: next.evidence ?? null,
      version: sql`${lifeMeetingRectifications.version} + 1`,
    })
    .where(and(where, eq(lifeMeetingRectifications.version, input.version)))
    .returning();
  if (!updated) throw stale();
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'lifeMeetingRectification',
    entityId: point.id,
    tenantId: point.tenantId,
    orgPath: loaded.org.path,
    before: point,
    after: updated,
  });
  return updated;
}
