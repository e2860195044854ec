/**
 * Attendance counts of many meetings, computed in the database: a list of a whole university's
 * meetings must not carry every expected attendee to the application just to count them.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { expectedAttendeesQuery } from './expected-attendees.ts';

export type AttendanceCounts = {
  expected: number;
  present: number;
  late: number;
  absent: number;
  leave: number;
  unrecorded: number;
  guests: number;
  attendanceRate: number | null;
};

/**
 * (present + late) / expected, rounded to three places; null while nobody is expected or nothing
 * is recorded yet (a planned meeting has no rate, not a rate of 0).
 */
export function attendanceRate(c: Omit<AttendanceCounts, 'attendanceRate'>): number | null {
  if (c.expected === 0 || c.unrecorded === c.expected) return null;
  return Math.round(((c.present + c.late) / c.expected) * 1000) / 1000;
}

const emptyCounts = (): AttendanceCounts => ({
  expected: 0,
  present: 0,
  late: 0,
  absent: 0,
  leave: 0,
  unrecorded: 0,
  guests: 0,
  attendanceRate: null,
});

const CHUNK = 5000;

export async function countAttendance(tx: Tx, tenantId: string, meetingIds: string[]) {
  const result = new Map<string, AttendanceCounts>(meetingIds.map((id) => [id, emptyCounts()]));
  for (let i = 0; i < meetingIds.length; i += CHUNK) {
    const ids = sql.join(
      meetingIds.slice(i, i + CHUNK).map((id) => sql`${id}::uuid`),
      sql`, `,
    );
    const rows = await selectRows<Record<string, string | number>>(
      tx,
      sql`select coalesce(e.meeting_id, a.meeting_id) as meeting_id,
          count(e.person_id) as expected,
          count(*) filter (where e.person_id is not null and a.status = 'present') as present,
          count(*) filter (where e.person_id is not null and a.status = 'late') as late,
          count(*) filter (where e.person_id is not null and a.status = 'absent') as absent,
          count(*) filter (where e.person_id is not null and a.status = 'leave') as leave,
          count(*) filter (where e.person_id is not null and a.person_id is null) as unrecorded,
          count(*) filter (where e.person_id is null) as guests
        from (${expectedAttendeesQuery(sql`m.tenant_id = ${tenantId} and m.id in (${ids})`)}) e
        full join (select meeting_id, person_id, status from attendance
            where tenant_id = ${tenantId} and meeting_id in (${ids})) a
          on a.meeting_id = e.meeting_id and a.person_id = e.person_id
        group by 1`,
    );
    for (const r of rows) {
      const n = (key: string) => Number(r[key]);
      const c = {
        expected: n('expected'),
        present: n('present'),
        late: n('late'),
        absent: n('absent'),
        leave: n('leave'),
        unrecorded: n('unrecorded'),
        guests: n('guests'),
      };
      result.set(String(r.meeting_id), { ...c, attendanceRate: attendanceRate(c) });
    }
  }
  return result;
}
