import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { orgs, people, trainingCredits, trainingSessions } from '../../db/schema.ts';
import { notFound } from '../../server/errors.ts';
import { type Access, type Actor, orgInScope } from '../../server/scope.ts';
import type { SessionView } from './schema.ts';

export const sessionNotFound = () => notFound({ zh: '培训班次', en: 'training session' });

/** A session of an org in the actor's scope, with its org's path; outside the scope a 404. */
export async function loadSessionInScope(tx: Tx, actor: Actor, access: Access, id: string) {
  const [row] = await tx
    .select({ session: trainingSessions, orgName: orgs.name, orgPath: orgs.path })
    .from(trainingSessions)
    .innerJoin(orgs, and(eq(orgs.tenantId, trainingSessions.tenantId), eq(orgs.id, trainingSessions.orgId)))
    .where(and(eq(trainingSessions.id, id), orgInScope(actor, access, orgs.tenantId, orgs.path)));
  if (!row) throw sessionNotFound();
  return row;
}

export async function loadSessionView(tx: Tx, actor: Actor, id: string): Promise<SessionView> {
  const { session, orgName } = await loadSessionInScope(tx, actor, 'read', id);
  const attendees = await tx
    .select({ personId: people.id, code: people.code, name: people.name, hours: trainingCredits.hours })
    .from(trainingCredits)
    .innerJoin(people, and(eq(people.tenantId, trainingCredits.tenantId), eq(people.id, trainingCredits.personId)))
    .where(and(eq(trainingCredits.tenantId, session.tenantId), eq(trainingCredits.sessionId, session.id)))
    .orderBy(asc(people.code));
  return {
    id: session.id,
    code: session.code,
    orgId: session.orgId,
    orgName,
    kind: session.kind,
    audience: session.audience,
    title: session.title,
    startsOn: session.startsOn,
    endsOn: session.endsOn,
    hours: Number(session.hours),
    place: session.place,
    attendeeCount: attendees.length,
    version: session.version,
    attendees: attendees.map((a) => ({ ...a, hours: Number(a.hours) })),
  };
}

/** The count of credits of each session, for lists. */
export const attendeeCountSql = sql<number>`(select count(*)::int from training_credits c
  where c.tenant_id = ${trainingSessions.tenantId} and c.session_id = ${trainingSessions.id})`;
