/**
 * Meetings with their attendance counts in one statement, for any filter: the calendar and the
 * ledger read meetings this way. Expected attendees come from the meetings module's one
 * definition (memberships and seats on the meeting's day, never stored).
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { expectedAttendeesQuery } from '../meetings/expected-attendees.ts';
import { selectRows } from '../orgs/select-rows.ts';

export type MeetingRow = {
  id: string;
  tenantId: string;
  code: string;
  orgId: string;
  orgName: string;
  orgKind: string;
  type: string;
  status: string;
  heldOn: string;
  startTime: string | null;
  endTime: string | null;
  title: string;
  place: string | null;
  lecturerId: string | null;
  lecturerName: string | null;
  minutes: boolean;
  minutesText: string | null;
  expected: number;
  present: number;
  late: number;
  absent: number;
  leave: number;
  guests: number;
};

/** Meetings matching `where` (over `m` meetings and `o` their org), with counts, by day and time. */
export async function selectMeetingRows(tx: Tx, where: SQL, limit?: number): Promise<MeetingRow[]> {
  return selectRows<MeetingRow>(
    tx,
    sql`
    with mt as (
      select m.*, o.name as org_name, o.kind as org_kind
      from meetings m join orgs o on o.tenant_id = m.tenant_id and o.id = m.org_id
      where ${where}
      order by m.held_on, m.start_time nulls first, m.code
      ${limit ? sql`limit ${limit}` : sql``}
    ),
    ex as (${expectedAttendeesQuery(where)}),
    ec as (select meeting_id, count(*)::int as n from ex group by meeting_id),
    ac as (
      select a.meeting_id,
        count(*) filter (where a.status = 'present' and not a.guest)::int as present,
        count(*) filter (where a.status = 'late' and not a.guest)::int as late,
        count(*) filter (where a.status = 'absent' and not a.guest)::int as absent,
        count(*) filter (where a.status = 'leave' and not a.guest)::int as leave,
        count(*) filter (where a.guest)::int as guests
      from attendance a join mt on a.tenant_id = mt.tenant_id and a.meeting_id = mt.id
      group by a.meeting_id
    )
    select mt.id, mt.tenant_id as "tenantId", mt.code, mt.org_id as "orgId", mt.org_name as "orgName",
      mt.org_kind as "orgKind", mt.type, mt.status, mt.held_on::text as "heldOn", mt.start_time as "startTime",
      mt.end_time as "endTime", mt.title, coalesce(v.name, mt.place) as place, mt.lecturer_id as "lecturerId",
      lp.name as "lecturerName", mt.minutes, mt.minutes_text as "minutesText",
      coalesce(ec.n, 0) as expected, coalesce(ac.present, 0) as present, coalesce(ac.late, 0) as late,
      coalesce(ac.absent, 0) as absent, coalesce(ac.leave, 0) as leave, coalesce(ac.guests, 0) as guests
    from mt
    left join ec on ec.meeting_id = mt.id
    left join ac on ac.meeting_id = mt.id
    left join venues v on v.tenant_id = mt.tenant_id and v.id = mt.venue_id
    left join people lp on lp.tenant_id = mt.tenant_id and lp.id = mt.lecturer_id
    order by mt.held_on, mt.start_time nulls first, mt.code`,
  );
}

/** Present and late together over the expected, in percent to one decimal; null when nobody was expected. */
export const attendanceRate = (row: { expected: number; present: number; late: number }) =>
  row.expected > 0 ? Math.min(100, Math.round(((row.present + row.late) * 1000) / row.expected) / 10) : null;
