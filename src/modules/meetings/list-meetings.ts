import { and, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { meetings, orgs } from '../../db/schema.ts';
import type { Actor } from '../../server/scope.ts';
import { type AttendanceCounts, countAttendance } from './attendance-counts.ts';
import { meetingInScope } from './load-meeting.ts';
import type { ListMeetingsFilters } from './schema.ts';
import { presentMeeting, selectMeetings } from './select-meetings.ts';

/** Meetings of an org subtree in the actor's read scope, newest first, each with its attendance counts. */
export async function listMeetings(tx: Tx, options: { actor: Actor; filters: ListMeetingsFilters }) {
  const { actor, filters } = options;
  const conditions: (SQL | undefined)[] = [meetingInScope(actor, 'read')];
  if (filters.orgId)
    conditions.push(
      sql`exists (select 1 from ${orgs} root where root.id = ${filters.orgId}::uuid
        and root.tenant_id = ${orgs.tenantId} and starts_with(${orgs.path}, root.path))`,
    );
  if (filters.type) conditions.push(eq(meetings.type, filters.type));
  if (filters.status) conditions.push(eq(meetings.status, filters.status));
  if (filters.from) conditions.push(gte(meetings.heldOn, filters.from));
  if (filters.to) conditions.push(lte(meetings.heldOn, filters.to));
  const rows = await selectMeetings(tx, and(...conditions));

  const idsByTenant = new Map<string, string[]>();
  for (const r of rows) {
    const ids = idsByTenant.get(r.meeting.tenantId);
    if (ids) ids.push(r.meeting.id);
    else idsByTenant.set(r.meeting.tenantId, [r.meeting.id]);
  }
  const counts = new Map<string, AttendanceCounts>();
  for (const [tenantId, ids] of idsByTenant)
    for (const [id, c] of await countAttendance(tx, tenantId, ids)) counts.set(id, c);

  return rows.map((r) => {
    const c = counts.get(r.meeting.id);
    if (!c) throw new Error(`meeting ${r.meeting.id} has no attendance counts`);
    return { ...presentMeeting(r), counts: c };
  });
}
