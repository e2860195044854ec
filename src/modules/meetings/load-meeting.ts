import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { attendance, meetings, orgs } from '../../db/schema.ts';
import { notFound } from '../../server/errors.ts';
import { type Access, type Actor, orgInScope } from '../../server/scope.ts';
import { expectedAttendeesQuery } from './expected-attendees.ts';
import { type MeetingRow, selectMeetings } from './select-meetings.ts';

export const meetingNotFound = () => notFound({ zh: '会议', en: 'meeting' });

/**
 * The actor's own meetings: those they are expected at or were recorded at. A member without an
 * admin grant reads these (their own page) and never writes them.
 */
export function attendedByActor(actor: Actor): SQL {
  if (!actor.personId) return sql`false`;
  const me = actor.personId;
  return sql`(exists (select 1 from ${attendance} a where a.tenant_id = ${meetings.tenantId}
      and a.meeting_id = ${meetings.id} and a.person_id = ${me}::uuid)
    or exists (select 1 from (${expectedAttendeesQuery(
      sql`m.tenant_id = ${meetings.tenantId} and m.id = ${meetings.id}`,
    )}) e where e.person_id = ${me}::uuid))`;
}

/** Scope of meetings (joined with their org): the org subtree for the access, or, to read, the actor's own. */
export function meetingInScope(actor: Actor, access: Access): SQL {
  const subtree = orgInScope(actor, access, orgs.tenantId, orgs.path);
  return access === 'write' ? subtree : sql`(${subtree} or ${attendedByActor(actor)})`;
}

/** The meeting if the actor reaches it with this access, else a 404 (as for an id that does not exist). */
export async function loadMeetingInScope(tx: Tx, actor: Actor, access: Access, meetingId: string): Promise<MeetingRow> {
  const [row] = await selectMeetings(tx, and(eq(meetings.id, meetingId), meetingInScope(actor, access)));
  if (!row) throw meetingNotFound();
  return row;
}
