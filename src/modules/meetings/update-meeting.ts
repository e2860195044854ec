import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { meetings } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, stale } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { checkMeeting } from './check-meeting.ts';
import { loadMeetingInScope } from './load-meeting.ts';
import type { UpdateMeetingInput } from './schema.ts';
import { auditState } from './select-meetings.ts';

/** Changes the fields sent; the rest stay. Minutes may be entered at any status. */
export async function updateMeeting(
  tx: Tx,
  options: { meetingId: string; input: UpdateMeetingInput; actor: Actor; today: string },
) {
  const { input, actor } = options;
  const row = await loadMeetingInScope(tx, actor, 'write', options.meetingId);
  const before = row.meeting;
  if (before.version !== input.version) throw stale();
  const { version, ...changes } = input;
  const next = { ...before, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) };
  const org = {
    tenantId: before.tenantId,
    path: row.orgPath,
    kind: row.orgKind,
    validFrom: row.orgValidFrom,
    validTo: row.orgValidTo,
  };
  const issues = await checkMeeting(
    tx,
    org,
    {
      heldOn: next.heldOn,
      startTime: next.startTime,
      endTime: next.endTime,
      audience: changes.audience,
      lecturerId: changes.lecturerId,
      venueId: changes.venueId,
      status: before.status,
    },
    options.today,
  );
  if (before.status === 'recorded' && changes.minutesText === null)
    issues.push({
      field: 'body.minutesText',
      reason: '已归档的会议必须有会议记录 / a recorded meeting keeps its minutes',
    });
  if (issues.length) throw badInput(issues);
  const minutesText = changes.minutesText === undefined ? before.minutesText : changes.minutesText || null;
  const [after] = await tx
    .update(meetings)
    .set({
      type: next.type,
      heldOn: next.heldOn,
      startTime: next.startTime,
      endTime: next.endTime,
      title: next.title,
      lecturerId: next.lecturerId,
      venueId: next.venueId,
      place: next.place || null,
      audience: next.audience,
      minutesText,
      minutes: changes.minutesText === undefined ? before.minutes : Boolean(minutesText),
      version: sql`${meetings.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(meetings.tenantId, before.tenantId), eq(meetings.id, before.id), eq(meetings.version, version)))
    .returning();
  if (!after) throw stale();
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'meeting',
    entityId: after.id,
    tenantId: after.tenantId,
    orgPath: row.orgPath,
    before: auditState(before),
    after: auditState(after),
  });
  return after;
}
