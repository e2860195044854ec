/** A meeting as its page shows it: who was expected, who came, guests, attachments, counts. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { attendance, meetingAttachments, people } from '../../db/schema.ts';
import type { Actor } from '../../server/scope.ts';
import { attendanceRate } from './attendance-counts.ts';
import { byMeeting, type ExpectedAttendee, expectedAttendees } from './expected-attendees.ts';
import { loadMeetingInScope } from './load-meeting.ts';
import type { MeetingDetail } from './schema.ts';
import { presentMeeting } from './select-meetings.ts';

type AttendanceRow = typeof attendance.$inferSelect & { name: string; code: string; leadingCadre: boolean };

async function attendanceOf(tx: Tx, tenantId: string, meetingIds: string[]): Promise<AttendanceRow[]> {
  if (meetingIds.length === 0) return [];
  const rows = await tx
    .select({ a: attendance, name: people.name, code: people.code, leadingCadre: people.leadingCadre })
    .from(attendance)
    .innerJoin(people, and(eq(people.tenantId, attendance.tenantId), eq(people.id, attendance.personId)))
    .where(and(eq(attendance.tenantId, tenantId), inArray(attendance.meetingId, meetingIds)))
    .orderBy(asc(people.code));
  return rows.map((r) => ({ ...r.a, name: r.name, code: r.code, leadingCadre: r.leadingCadre }));
}

const presentAttendance = (a: AttendanceRow) => ({
  status: a.status,
  reason: a.reason,
  guest: a.guest,
  checkedInAt: a.checkedInAt ? a.checkedInAt.toISOString() : null,
  makeupOn: a.makeupOn,
  makeupContent: a.makeupContent,
  version: a.version,
});

/** Expected attendees each with their attendance, the others recorded as guests, and the counts. */
export function summarize(expected: ExpectedAttendee[], recorded: AttendanceRow[]) {
  const byPerson = new Map(recorded.map((a) => [a.personId, a]));
  const expectedIds = new Set(expected.map((e) => e.personId));
  const attendees = expected.map((e) => {
    const a = byPerson.get(e.personId);
    return {
      personId: e.personId,
      name: e.name,
      code: e.code,
      leadingCadre: e.leadingCadre,
      attendance: a ? presentAttendance(a) : null,
    };
  });
  const guests = recorded
    .filter((a) => !expectedIds.has(a.personId))
    .map((a) => ({
      personId: a.personId,
      name: a.name,
      code: a.code,
      leadingCadre: a.leadingCadre,
      attendance: presentAttendance(a),
    }));
  const tally = { present: 0, late: 0, absent: 0, leave: 0, unrecorded: 0 };
  for (const a of attendees) {
    const status = a.attendance?.status as keyof typeof tally | undefined;
    tally[status && status in tally ? status : 'unrecorded']++;
  }
  const counts = {
    expected: attendees.length,
    ...tally,
    guests: guests.length,
  };
  return { expected: attendees, guests, counts: { ...counts, attendanceRate: attendanceRate(counts) } };
}

/** Attendance summaries of many meetings of one university (lists, the ledger). */
export async function summarizeMeetings(tx: Tx, tenantId: string, meetingIds: string[]) {
  const expected = byMeeting(await expectedAttendees(tx, { tenantId, meetingIds }));
  const recorded = byMeeting(await attendanceOf(tx, tenantId, meetingIds));
  return new Map(meetingIds.map((id) => [id, summarize(expected.get(id) ?? [], recorded.get(id) ?? [])]));
}

export async function loadMeetingDetail(tx: Tx, options: { actor: Actor; meetingId: string }): Promise<MeetingDetail> {
  const row = await loadMeetingInScope(tx, options.actor, 'read', options.meetingId);
  const m = row.meeting;
  const summary = (await summarizeMeetings(tx, m.tenantId, [m.id])).get(m.id);
  const files = await tx
    .select({
      id: meetingAttachments.id,
      kind: meetingAttachments.kind,
      fileName: meetingAttachments.fileName,
      mimeType: meetingAttachments.mimeType,
      size: meetingAttachments.size,
      createdAt: meetingAttachments.createdAt,
    })
    .from(meetingAttachments)
    .where(and(eq(meetingAttachments.tenantId, m.tenantId), eq(meetingAttachments.meetingId, m.id)))
    .orderBy(asc(meetingAttachments.createdAt));
  return {
    meeting: presentMeeting(row),
    ...(summary ?? summarize([], [])),
    attachments: files.map((f) => ({ ...f, createdAt: f.createdAt.toISOString() })),
  };
}
