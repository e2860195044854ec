import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { orgs, trainingCredits, trainingSessions } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, notFound } from '../../server/errors.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { checkAttendees } from './check-attendees.ts';
import type { CreateSessionInput } from './schema.ts';

/** `TS-2025-0007`: the next free number of the session's year. */
async function nextSessionCode(tx: Tx, tenantId: string, year: string) {
  const prefix = `TS-${year}-`;
  const [row] = await selectRows<{ n: number | null }>(
    tx,
    // The position is cast: an untyped parameter would make `substring(… from …)` the regex form.
    sql`select max(substring(code from ${prefix.length + 1}::int)::int) as n from training_sessions
      where tenant_id = ${tenantId} and code like ${`${prefix}%`} and substring(code from ${prefix.length + 1}::int) ~ '^[0-9]+$'`,
  );
  return `${prefix}${String((row?.n ?? 0) + 1).padStart(4, '0')}`;
}

export function checkSessionDates(startsOn: string, endsOn: string, today: string) {
  const issues = [];
  if (endsOn < startsOn) issues.push({ field: 'endsOn', reason: '结束日期早于开始日期 / ends before it starts' });
  if (startsOn > today)
    issues.push({ field: 'startsOn', reason: '只能登记已举办的培训 / only sessions already held can be recorded' });
  if (issues.length) throw badInput(issues);
}

/** Records a session held by an org in the actor's write scope and credits its hours to each attendee. */
export async function createSession(tx: Tx, options: { input: CreateSessionInput; today: string; actor: Actor }) {
  const { input, actor } = options;
  const [org] = await tx
    .select({ tenantId: orgs.tenantId, id: orgs.id, path: orgs.path, kind: orgs.kind })
    .from(orgs)
    .where(and(eq(orgs.id, input.orgId), orgInScope(actor, 'write', orgs.tenantId, orgs.path)));
  if (!org) throw notFound({ zh: '组织', en: 'organization' });
  const endsOn = input.endsOn ?? input.startsOn;
  checkSessionDates(input.startsOn, endsOn, options.today);
  const attendees = await checkAttendees(tx, actor, org.tenantId, input.attendees);
  const [session] = await tx
    .insert(trainingSessions)
    .values({
      tenantId: org.tenantId,
      code: await nextSessionCode(tx, org.tenantId, input.startsOn.slice(0, 4)),
      orgId: org.id,
      kind: input.kind,
      audience: input.audience,
      title: input.title,
      startsOn: input.startsOn,
      endsOn,
      hours: input.hours,
      place: input.place ?? null,
    })
    .returning();
  if (attendees.length)
    await tx.insert(trainingCredits).values(
      attendees.map((personId) => ({
        tenantId: org.tenantId,
        personId,
        sessionId: session.id,
        kind: session.kind,
        title: session.title,
        creditedOn: endsOn,
        hours: session.hours,
        source: 'session',
      })),
    );
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'trainingSession',
    entityId: session.id,
    tenantId: org.tenantId,
    orgPath: org.path,
    after: { ...session, attendees },
  });
  return session;
}
