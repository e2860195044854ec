import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { attendance, people } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, type FieldIssue } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { expectedAttendees } from './expected-attendees.ts';
import { loadMeetingInScope } from './load-meeting.ts';
import type { AttendanceEntry } from './schema.ts';

/**
 * The secretary records (or corrects) attendance. Only expected attendees, or people entered as
 * guests; a leave needs its reason. Entries not sent stay as they are (QR check-ins included).
 * All or nothing.
 */
export async function recordAttendance(
  tx: Tx,
  options: { meetingId: string; entries: AttendanceEntry[]; actor: Actor; today: string },
) {
  const { entries, actor } = options;
  const row = await loadMeetingInScope(tx, actor, 'write', options.meetingId);
  const m = row.meeting;
  const issues: FieldIssue[] = [];
  if (m.heldOn > options.today)
    issues.push({
      field: 'heldOn',
      reason: `会议日期 ${m.heldOn} 尚未到来，不能登记出勤 / attendance cannot be recorded before the meeting day`,
    });
  const expected = new Set(
    (await expectedAttendees(tx, { tenantId: m.tenantId, meetingIds: [m.id] })).map((e) => e.personId),
  );
  const guestIds = entries.filter((e) => e.guest).map((e) => e.personId);
  const known = new Set(
    guestIds.length
      ? (
          await tx
            .select({ id: people.id })
            .from(people)
            .where(and(eq(people.tenantId, m.tenantId), inArray(people.id, guestIds)))
        ).map((p) => p.id)
      : [],
  );
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    const field = `body.entries.${i}`;
    if (seen.has(e.personId)) issues.push({ field: `${field}.personId`, reason: '重复登记 / listed twice' });
    seen.add(e.personId);
    if (e.guest ? !known.has(e.personId) : !expected.has(e.personId))
      issues.push({
        field: `${field}.personId`,
        reason: e.guest
          ? '人员不存在 / no such person in this university'
          : '不是本次会议的应到人员（列席人员请标记 guest）/ not an expected attendee (mark guests with guest: true)',
      });
    if (e.status === 'leave' && !e.reason)
      issues.push({ field: `${field}.reason`, reason: '请假须注明原因 / a leave needs its reason' });
  });
  if (issues.length) throw badInput(issues);

  const before = await tx
    .select()
    .from(attendance)
    .where(
      and(eq(attendance.tenantId, m.tenantId), eq(attendance.meetingId, m.id), inArray(attendance.personId, [...seen])),
    );
  const rows = await tx
    .insert(attendance)
    .values(
      entries.map((e) => ({
        tenantId: m.tenantId,
        meetingId: m.id,
        personId: e.personId,
        status: e.status,
        reason: e.reason || null,
        guest: Boolean(e.guest),
      })),
    )
    .onConflictDoUpdate({
      target: [attendance.tenantId, attendance.meetingId, attendance.personId],
      set: {
        status: sql`excluded.status`,
        reason: sql`excluded.reason`,
        guest: sql`excluded.guest`,
        // A make-up belongs to an absence; it goes when the person turns out to have attended.
        makeupOn: sql`case when excluded.status in ('absent', 'leave') then ${attendance.makeupOn} end`,
        makeupContent: sql`case when excluded.status in ('absent', 'leave') then ${attendance.makeupContent} end`,
        version: sql`${attendance.version} + 1`,
      },
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'record',
    entity: 'attendance',
    entityId: m.id,
    tenantId: m.tenantId,
    orgPath: row.orgPath,
    before,
    after: rows,
  });
  return rows;
}
