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
 * admin grant reads these (their own page) and never writes them. One uncorrelated subquery,
 * limited to the orgs the person ever belonged to or held a seat in, so a long list stays cheap.
 */
export function attendedByActor(actor: Actor): SQL {
  if (!actor.personId || !actor.tenantId) return sql`false`;
  const me = actor.personId;
  const tenant = actor.tenantId;
  const theirOrgs = sql`(select ms.org_id from memberships ms where ms.tenant_id = ${tenant} and ms.person_id = ${me}::uuid
    union select ms.group_id from memberships ms where ms.tenant_id = ${tenant} and ms.person_id = ${me}::uuid
      and ms.group_id is not null
    union select t.org_id from positions p join terms t on t.tenant_id = p.tenant_id and t.id = p.term_id
      where p.tenant_id = ${tenant} and p.person_id = ${me}::uuid)`;
  return sql`(${meetings.tenantId} = ${tenant} and ${meetings.id} in (
    select a.meeting_id from ${attendance} a where a.tenant_id = ${tenant} and a.person_id = ${me}::uuid
    union
    select e.meeting_id from (${expectedAttendeesQuery(
      sql`m.tenant_id = ${tenant} and m.org_id in ${theirOrgs}`,
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
