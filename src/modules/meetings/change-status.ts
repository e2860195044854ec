/** planned → notified → held → recorded, one step at a time; a planned meeting may be deleted. */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { meetings } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, conflict, stale } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { loadMeetingInScope } from './load-meeting.ts';
import type { MeetingStatus } from './schema.ts';
import { auditState } from './select-meetings.ts';

export type Transition = 'notify' | 'held' | 'record';

const steps: Record<Transition, { from: MeetingStatus[]; to: MeetingStatus; zh: string }> = {
  notify: { from: ['planned'], to: 'notified', zh: '发出通知' },
  held: { from: ['planned', 'notified'], to: 'held', zh: '标记为已召开' },
  record: { from: ['held'], to: 'recorded', zh: '归档' },
};

const statusNames: Record<string, string> = { planned: '计划', notified: '已通知', held: '已召开', recorded: '已归档' };

export async function changeStatus(
  tx: Tx,
  options: {
    meetingId: string;
    transition: Transition;
    version: number;
    minutesText?: string;
    actor: Actor;
    now: Date;
    today: string;
  },
) {
  const { actor, transition } = options;
  const step = steps[transition];
  const row = await loadMeetingInScope(tx, actor, 'write', options.meetingId);
  const before = row.meeting;
  if (before.version !== options.version) throw stale();
  if (!step.from.includes(before.status as MeetingStatus))
    throw conflict({
      zh: `会议当前状态为“${statusNames[before.status] ?? before.status}”，不能${step.zh}`,
      en: `The meeting is ${before.status}; it cannot go to ${step.to}`,
    });
  if (transition === 'held' && before.heldOn > options.today)
    throw badInput([
      {
        field: 'heldOn',
        reason: `会议日期 ${before.heldOn} 晚于今天（${options.today}），不能标记为已召开 / a meeting dated after today cannot be marked held`,
      },
    ]);
  const minutesText = options.minutesText || before.minutesText;
  if (transition === 'record' && !minutesText)
    throw badInput([
      { field: 'minutesText', reason: '归档前须填写会议记录 / enter the minutes before recording the meeting' },
    ]);
  const [after] = await tx
    .update(meetings)
    .set({
      status: step.to,
      ...(transition === 'notify' ? { notifiedAt: options.now } : {}),
      ...(transition === 'record' ? { minutesText, minutes: true } : {}),
      version: sql`${meetings.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(
      and(eq(meetings.tenantId, before.tenantId), eq(meetings.id, before.id), eq(meetings.version, options.version)),
    )
    .returning();
  if (!after) throw stale();
  await recordAudit(tx, actor, {
    action: transition,
    entity: 'meeting',
    entityId: after.id,
    tenantId: after.tenantId,
    orgPath: row.orgPath,
    before: auditState(before),
    after: auditState(after),
  });
  return after;
}

export async function deleteMeeting(tx: Tx, options: { meetingId: string; version: number; actor: Actor }) {
  const row = await loadMeetingInScope(tx, options.actor, 'write', options.meetingId);
  const before = row.meeting;
  if (before.version !== options.version) throw stale();
  if (before.status !== 'planned')
    throw conflict({
      zh: '只能删除尚未通知的计划会议',
      en: 'Only a planned meeting that has not been notified can be deleted',
    });
  const deleted = await tx
    .delete(meetings)
    .where(
      and(eq(meetings.tenantId, before.tenantId), eq(meetings.id, before.id), eq(meetings.version, options.version)),
    )
    .returning({ id: meetings.id });
  if (deleted.length === 0) throw stale();
  await recordAudit(tx, options.actor, {
    action: 'delete',
    entity: 'meeting',
    entityId: before.id,
    tenantId: before.tenantId,
    orgPath: row.orgPath,
    before: auditState(before),
  });
}
