import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { trainingCredits, trainingSessions } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { stale } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { checkAttendees } from './check-attendees.ts';
import { checkSessionDates } from './create-session.ts';
import { loadSessionInScope } from './load-session.ts';
import type { UpdateSessionInput } from './schema.ts';

/**
 * Changes a session (409 on a stale version); its credits follow its hours, kind, title and last
 * day. A given attendee list replaces the old one.
 */
export async function updateSession(
  tx: Tx,
  options: { id: string; input: UpdateSessionInput; today: string; actor: Actor },
) {
  const { input, actor } = options;
  const { session: before, orgPath } = await loadSessionInScope(tx, actor, 'write', options.id);
  if (input.version !== before.version) throw stale();
  const startsOn = input.startsOn ?? before.startsOn;
  const endsOn = input.endsOn ?? (input.startsOn && before.endsOn < input.startsOn ? input.startsOn : before.endsOn);
  checkSessionDates(startsOn, endsOn, options.today);
  const attendees = input.attendees ? await checkAttendees(tx, actor, before.tenantId, input.attendees) : null;
  const [session] = await tx
    .update(trainingSessions)
    .set({
      kind: input.kind ?? before.kind,
      audience: input.audience ?? before.audience,
      title: input.title ?? before.title,
      startsOn,
      endsOn,
      hours: input.hours ?? before.hours,
      place: input.place === undefined ? before.place : input.place,
      version: sql`${trainingSessions.version} + 1`,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(trainingSessions.tenantId, before.tenantId),
        eq(trainingSessions.id, before.id),
        eq(trainingSessions.version, input.version),
      ),
    )
    .returning();
  if (!session) throw stale();
  const ofSession = and(eq(trainingCredits.tenantId, session.tenantId), eq(trainingCredits.sessionId, session.id));
  const previous = (await tx.select({ personId: trainingCredits.personId }).from(trainingCredits).where(ofSession)).map(
    (c) => c.personId,
  );
  if (attendees) {
    const removed = previous.filter((p) => !attendees.includes(p));
    if (removed.length)
      await tx.delete(trainingCredits).where(and(ofSession, inArray(trainingCredits.personId, removed)));
    const added = attendees.filter((p) => !previous.includes(p));
    if (added.length)
      await tx.insert(trainingCredits).values(
        added.map((personId) => ({
          tenantId: session.tenantId,
          personId,
          sessionId: session.id,
          kind: session.kind,
          title: session.title,
          creditedOn: session.endsOn,
          hours: session.hours,
          source: 'session',
        })),
      );
  }
  await tx
    .update(trainingCredits)
    .set({
      kind: session.kind,
      title: session.title,
      creditedOn: session.endsOn,
      hours: session.hours,
      version: sql`${trainingCredits.version} + 1`,
    })
    .where(ofSession);
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'trainingSession',
    entityId: session.id,
    tenantId: session.tenantId,
    orgPath,
    before: { ...before, attendees: previous },
    after: { ...session, attendees: attendees ?? previous },
  });
  return session;
}
