/** Items in scope by org subtree, year, status, source and overdue; one item with its history. */
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { auditLog } from '../../db/schema.ts';
import { notFound } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { rectificationLabel } from './load-rectification.ts';
import type { HistoryEntry, RectificationFilters } from './schema.ts';
import { selectRectifications } from './select-rectifications.ts';

function filtersSql(filters: RectificationFilters, today: string): SQL {
  const where: SQL[] = [sql`true`];
  if (filters.org) where.push(sql`o.path like (select path from orgs where id = ${filters.org}) || '%'`);
  if (filters.year) where.push(sql`r.year = ${filters.year}`);
  if (filters.status) where.push(sql`r.status = ${filters.status}`);
  if (filters.source) where.push(sql`r.source = ${filters.source}`);
  if (filters.overdue !== undefined) {
    const overdue = sql`(r.status = 'open' and r.deadline < ${today}::date)`;
    where.push(filters.overdue ? overdue : sql`not ${overdue}`);
  }
  return sql.join(where, sql` and `);
}

export const listRectifications = (tx: Tx, actor: Actor, filters: RectificationFilters, today: string) =>
  selectRectifications(tx, actor, filtersSql(filters, today), today);

type Snapshot = { status?: string; verificationNote?: string | null; evidence?: string | null } | null;

export async function loadRectificationDetail(tx: Tx, actor: Actor, id: string, today: string) {
  const [view] = await selectRectifications(tx, actor, sql`r.id = ${id}`, today);
  if (!view) throw notFound(rectificationLabel);
  const rows = await tx
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'rectification'), eq(auditLog.entityId, id)))
    .orderBy(asc(auditLog.at), asc(auditLog.id));
  const history: HistoryEntry[] = rows.map((r) => {
    const after = r.after as Snapshot;
    const note =
      r.action === 'done'
        ? (after?.evidence ?? null)
        : r.action === 'verify' || r.action === 'return'
          ? (after?.verificationNote ?? null)
          : null;
    return { at: r.at.toISOString(), actorName: r.actorName, action: r.action, status: after?.status ?? null, note };
  });
  return { ...view, history };
}
