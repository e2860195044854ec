import { and, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { meetings, orgs } from '../../db/schema.ts';
import type { Actor } from '../../server/scope.ts';
import { meetingInScope } from './load-meeting.ts';
import { summarizeMeetings } from './meeting-detail.ts';
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
  for (const r of rows)
    idsByTenant.set(r.meeting.tenantId, [...(idsByTenant.get(r.meeting.tenantId) ?? []), r.meeting.id]);
  const summaries = new Map<
    string,
    Awaited<ReturnType<typeof summarizeMeetings>> extends Map<string, infer S> ? S : never
  >();
  for (const [tenantId, ids] of idsByTenant)
    for (const [id, s] of await summarizeMeetings(tx, tenantId, ids)) summaries.set(id, s);

  return rows.map((r) => {
    const summary = summaries.get(r.meeting.id);
    if (!summary) throw new Error(`meeting ${r.meeting.id} has no attendance summary`);
    return { ...presentMeeting(r), counts: summary.counts };
  });
}
