/** Meetings with the names a screen shows (org, lecturer or host, venue), under any predicate. */
import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { meetings, orgs, people, venues } from '../../db/schema.ts';
import { defaultAudience } from './expected-attendees.ts';
import type { MeetingView } from './schema.ts';

export async function selectMeetings(tx: Tx, where: SQL | undefined) {
  return tx
    .select({
      meeting: meetings,
      orgName: orgs.name,
      orgKind: orgs.kind,
      orgPath: orgs.path,
      orgValidFrom: orgs.validFrom,
      orgValidTo: orgs.validTo,
      lecturerName: people.name,
      venueName: venues.name,
    })
    .from(meetings)
    .innerJoin(orgs, and(eq(orgs.tenantId, meetings.tenantId), eq(orgs.id, meetings.orgId)))
    .leftJoin(people, and(eq(people.tenantId, meetings.tenantId), eq(people.id, meetings.lecturerId)))
    .leftJoin(venues, and(eq(venues.tenantId, meetings.tenantId), eq(venues.id, meetings.venueId)))
    .where(where)
    .orderBy(desc(meetings.heldOn), asc(meetings.startTime), asc(meetings.code));
}

export type MeetingRow = Awaited<ReturnType<typeof selectMeetings>>[number];

export const presentMeeting = (row: MeetingRow): MeetingView => {
  const m = row.meeting;
  return {
    id: m.id,
    tenantId: m.tenantId,
    code: m.code,
    orgId: m.orgId,
    orgName: row.orgName,
    type: m.type,
    heldOn: m.heldOn,
    startTime: m.startTime,
    endTime: m.endTime,
    title: m.title,
    lecturerId: m.lecturerId,
    lecturerName: row.lecturerName,
    venueId: m.venueId,
    venueName: row.venueName,
    place: m.place,
    audience: m.audience ?? defaultAudience(m.type, row.orgKind),
    status: m.status,
    minutes: m.minutes,
    minutesText: m.minutesText,
    notifiedAt: m.notifiedAt ? m.notifiedAt.toISOString() : null,
    version: m.version,
  };
};

/** The state audit records before and after a change. */
export const auditState = (m: typeof meetings.$inferSelect) => {
  const { tenantId: _t, createdAt: _c, updatedAt: _u, ...rest } = m;
  return rest;
};
