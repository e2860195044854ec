import { and, count, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { orgs, thoughtReports } from '../../db/schema.ts';
import type { Actor } from '../../server/scope.ts';
import type { ListReportsFilters } from './schema.ts';
import { presentReport, reportInScope, selectReports } from './select-reports.ts';

/** Reports in the actor's scope, newest first: a secretary's branch, a member's own. */
export async function listReports(tx: Tx, options: { actor: Actor; filters: ListReportsFilters }) {
  const { actor, filters } = options;
  const where: SQL[] = [reportInScope(actor, 'read')];
  if (filters.orgId)
    where.push(
      sql`${orgs.path} like (select f.path from orgs f where f.tenant_id = ${orgs.tenantId} and f.id = ${filters.orgId}::uuid) || '%'`,
    );
  if (filters.personId) where.push(eq(thoughtReports.personId, filters.personId));
  if (filters.unread === '1') where.push(isNull(thoughtReports.readAt));
  if (filters.year)
    where.push(
      sql`${thoughtReports.submittedOn} between ${`${filters.year}-01-01`}::date and ${`${filters.year}-12-31`}::date`,
    );
  const condition = and(...where);
  const rows = await selectReports(tx, condition)
    .orderBy(desc(thoughtReports.submittedOn), desc(thoughtReports.createdAt))
    .limit(filters.pageSize)
    .offset((filters.page - 1) * filters.pageSize);
  const [{ total }] = await tx
    .select({ total: count() })
    .from(thoughtReports)
    .innerJoin(orgs, and(eq(orgs.tenantId, thoughtReports.tenantId), eq(orgs.id, thoughtReports.orgId)))
    .where(condition);
  return {
    items: rows.map((r) => ({ ...presentReport(r), excerpt: r.report.content.slice(0, 120) })),
    total,
  };
}
