import { and, desc, eq, gte, like as likeOp, lte, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connect.ts';
import { orgs, trainingSessions } from '../../db/schema.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { attendeeCountSql } from './load-session.ts';

/** Sessions of the orgs in the actor's read scope, optionally of one subtree and one year. */
export async function listSessions(db: Db | Tx, options: { actor: Actor; orgId?: string; year?: number }) {
  const where: SQL[] = [orgInScope(options.actor, 'read', orgs.tenantId, orgs.path)];
  if (options.orgId) {
    const [root] = await db
      .select({ path: orgs.path, tenantId: orgs.tenantId })
      .from(orgs)
      .where(eq(orgs.id, options.orgId));
    if (!root) return [];
    where.push(eq(orgs.tenantId, root.tenantId), like(orgs.path, root.path));
  }
  if (options.year) {
    where.push(
      gte(trainingSessions.startsOn, `${options.year}-01-01`),
      lte(trainingSessions.startsOn, `${options.year}-12-31`),
    );
  }
  const rows = await db
    .select({ session: trainingSessions, orgName: orgs.name, attendeeCount: attendeeCountSql })
    .from(trainingSessions)
    .innerJoin(orgs, and(eq(orgs.tenantId, trainingSessions.tenantId), eq(orgs.id, trainingSessions.orgId)))
    .where(and(...where))
    .orderBy(desc(trainingSessions.startsOn), desc(trainingSessions.code))
    .limit(1000);
  return rows.map(({ session, orgName, attendeeCount }) => ({
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
    attendeeCount: Number(attendeeCount),
    version: session.version,
  }));
}

/** A prefix match on an org path, with LIKE's wildcards escaped. */
const like = (column: typeof orgs.path, prefix: string) =>
  likeOp(column, `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
