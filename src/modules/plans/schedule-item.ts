import { and, eq, like } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { lifePlanItems, meetings, orgs } from '../../db/schema.ts';
import type { MeetingType } from '../../domain/vocabulary.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, conflict, type FieldIssue, notFound } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { createMeeting } from '../meetings/create-meeting.ts';
import { loadPlanInScope, requireStatus } from './load-plan.ts';
import type { ScheduleItemInput } from './schema.ts';

const itemNotFound = () => notFound({ zh: '计划事项', en: 'plan item' });

/**
 * Turns an item of an approved plan into a planned meeting of the branch (or of one of its
 * groups, for a group meeting), linked to the item so the plan follows it to held.
 */
export async function scheduleItem(
  tx: Tx,
  options: { planId: string; itemId: string; input: ScheduleItemInput; today: string; actor: Actor },
) {
  const { input, actor } = options;
  const { plan, org: branch } = await loadPlanInScope(tx, actor, 'write', options.planId);
  const [item] = await tx
    .select()
    .from(lifePlanItems)
    .where(
      and(
        eq(lifePlanItems.tenantId, plan.tenantId),
        eq(lifePlanItems.planId, plan.id),
        eq(lifePlanItems.id, options.itemId),
      ),
    );
  if (!item) throw itemNotFound();
  requireStatus(plan, ['approved'], {
    zh: '据此安排会议（须先经上级批准）',
    en: 'scheduled from before it is approved',
  });
  if (item.meetingId) {
    const [linked] = await tx
      .select({ id: meetings.id, code: meetings.code })
      .from(meetings)
      .where(and(eq(meetings.tenantId, plan.tenantId), eq(meetings.id, item.meetingId)));
    // A linked meeting that was deleted frees the item to be scheduled again.
    if (linked)
      throw conflict(
        { zh: `该事项已安排为会议 ${linked.code}`, en: `This item is already scheduled as meeting ${linked.code}` },
        { meetingId: linked.id },
      );
  }
  const issues: FieldIssue[] = [];
  const heldOn = input.heldOn ?? item.plannedOn;
  if (!heldOn)
    issues.push({
      field: 'body.heldOn',
      reason: '计划只定了月份，请填写日期 / the item names only a month; give the day',
    });
  else if (!heldOn.startsWith(`${plan.year}-`))
    issues.push({ field: 'body.heldOn', reason: `不在${plan.year}年内 / not in the plan's year` });
  let orgId = branch.id;
  if (input.orgId && input.orgId !== branch.id) {
    const [group] = await tx
      .select({ id: orgs.id })
      .from(orgs)
      .where(
        and(
          eq(orgs.tenantId, plan.tenantId),
          eq(orgs.id, input.orgId),
          eq(orgs.kind, 'group'),
          like(orgs.path, `${branch.path}%`),
        ),
      );
    if (group) orgId = group.id;
    else issues.push({ field: 'body.orgId', reason: '须为本支部或其党小组 / must be the branch or one of its groups' });
  }
  if (issues.length || !heldOn) throw badInput(issues);
  // The meetings module checks the day against the org's lifetime, the times, lecturer and venue.
  const meeting = await createMeeting(tx, {
    input: {
      orgId,
      type: item.type as MeetingType,
      heldOn,
      startTime: input.startTime ?? null,
      endTime: input.endTime ?? null,
      title: input.title ?? item.topic,
      lecturerId: item.lecturerId,
      venueId: input.venueId ?? null,
      place: input.place ?? null,
    },
    actor,
    today: options.today,
  });
  await tx
    .update(lifePlanItems)
    .set({ meetingId: meeting.id })
    .where(and(eq(lifePlanItems.tenantId, item.tenantId), eq(lifePlanItems.id, item.id)));
  await recordAudit(tx, actor, {
    action: 'scheduleItem',
    entity: 'lifePlan',
    entityId: plan.id,
    tenantId: plan.tenantId,
    orgPath: branch.path,
    before: item,
    after: { ...item, meetingId: meeting.id },
  });
  return meeting;
}
