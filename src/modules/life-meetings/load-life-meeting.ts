import { and, asc, eq, gt, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { meetings, memberships, orgs, people } from '../../db/schema.ts';
import { notFound } from '../../server/errors.ts';
import { type Access, type Actor, orgInScope } from '../../server/scope.ts';

export const lifeMeetingLabel = { zh: '组织生活会', en: 'organizational-life meeting' };

export type LifeMeeting = typeof meetings.$inferSelect;
export type LoadedLifeMeeting = { meeting: LifeMeeting; org: typeof orgs.$inferSelect };

/** An organizational-life meeting whose org is in the actor's scope; any other meeting is a 404. */
export async function loadLifeMeetingInScope(
  tx: Tx,
  actor: Actor,
  access: Access,
  meetingId: string,
): Promise<LoadedLifeMeeting> {
  const [row] = await tx
    .select({ meeting: meetings, org: orgs })
    .from(meetings)
    .innerJoin(orgs, and(eq(orgs.tenantId, meetings.tenantId), eq(orgs.id, meetings.orgId)))
    .where(
      and(
        eq(meetings.id, meetingId),
        eq(meetings.type, 'lifeMeeting'),
        orgInScope(actor, access, orgs.tenantId, orgs.path),
      ),
    );
  if (!row) throw notFound(lifeMeetingLabel);
  return row;
}

/**
 * The members the preparation talks must reach: those in normal standing whose membership on the
 * meeting's day is in its branch (or names its group), leading cadres included.
 */
export function membersOfMeeting(tx: Tx, { meeting, org }: LoadedLifeMeeting) {
  const day = meeting.heldOn;
  return tx
    .select({ personId: people.id, name: people.name, code: people.code })
    .from(memberships)
    .innerJoin(people, and(eq(people.tenantId, memberships.tenantId), eq(people.id, memberships.personId)))
    .where(
      and(
        eq(memberships.tenantId, meeting.tenantId),
        org.kind === 'group' ? eq(memberships.groupId, org.id) : eq(memberships.orgId, org.id),
        eq(memberships.standing, 'normal'),
        lte(memberships.validFrom, day),
        or(isNull(memberships.validTo), gt(memberships.validTo, day)),
      ),
    )
    .orderBy(asc(people.code));
}

/** Which of these ids are people of the tenant (talk partners and owners may come from above the branch). */
export async function knownPeople(tx: Tx, tenantId: string, ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), inArray(people.id, ids)));
  return new Set(rows.map((r) => r.id));
}
