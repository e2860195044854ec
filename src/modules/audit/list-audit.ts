/**
 * The audit trail an actor may read: entries filed under an org of their read scope; entries of
 * their university without an org (sign-ins, calendars of old) only for holders of its root;
 * everything for a platform admin.
 */
import { and, desc, eq, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { auditLog } from '../../db/schema.ts';
import { badInput } from '../../server/errors.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import type { AuditFilters } from './schema.ts';

export function auditInScope(actor: Actor): SQL {
  if (actor.all) return sql`true`;
  const roots = actor.readAreas.filter((a) => a.path === `/${a.tenantId}/`).map((a) => a.tenantId);
  const underOrg = and(
    isNotNull(auditLog.orgPath),
    orgInScope(actor, 'read', auditLog.tenantId, auditLog.orgPath),
  ) as SQL;
  if (roots.length === 0) return underOrg;
  const tenantWide = sql`(${auditLog.orgPath} is null and ${auditLog.tenantId} in (${sql.join(
    roots.map((t) => sql`${t}::uuid`),
    sql`, `,
  )}))`;
  return sql`(${underOrg} or ${tenantWide})`;
}

/** Shanghai has no daylight saving: a day there starts at 00:00+08:00. */
const startOfShanghaiDay = (day: string) => new Date(`${day}T00:00:00+08:00`);

function filtersSql(filters: AuditFilters): SQL[] {
  if (filters.from && filters.to && filters.to < filters.from)
    throw badInput([{ field: 'querystring.to', reason: '结束日期早于开始日期 / before from' }]);
  const where: SQL[] = [];
  if (filters.entity) where.push(eq(auditLog.entity, filters.entity));
  if (filters.entityId) where.push(eq(auditLog.entityId, filters.entityId));
  if (filters.actor) {
    const like = `%${filters.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`${auditLog.actorName} ilike ${like}`);
  }
  if (filters.from) where.push(sql`${auditLog.at} >= ${startOfShanghaiDay(filters.from).toISOString()}`);
  if (filters.to) {
    const end = startOfShanghaiDay(filters.to);
    end.setUTCDate(end.getUTCDate() + 1);
    where.push(sql`${auditLog.at} < ${end.toISOString()}`);
  }
  return where;
}

export async function listAudit(
  tx: Tx,
  options: { actor: Actor; filters: AuditFilters; limit: number; offset: number },
) {
  const where = and(auditInScope(options.actor), ...filtersSql(options.filters));
  const [{ total }] = await tx.select({ total: sql<number>`count(*)::int` }).from(auditLog).where(where);
  const rows = await tx
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(options.limit)
    .offset(options.offset);
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorId: r.actorId,
      actorName: r.actorName,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      tenantId: r.tenantId,
      orgPath: r.orgPath,
      before: r.before,
      after: r.after,
    })),
  };
}
