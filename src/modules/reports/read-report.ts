import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { thoughtReports } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { AppError, stale } from '../../server/errors.ts';
import { type Actor, pathInScope } from '../../server/scope.ts';
import { loadReportInScope } from './load-report.ts';

/**
 * The branch (its secretary, or someone above) marks a report read, with an optional comment;
 * reading again replaces the comment. Nobody reads their own report.
 */
export async function readReport(
  tx: Tx,
  options: { reportId: string; comment: string | null; version?: number; now: Date; actor: Actor },
) {
  const { actor } = options;
  // A member may see their own report, so refusing them is a 403 rather than a 404.
  const row = await loadReportInScope(tx, actor, 'read', options.reportId);
  const { report } = row;
  if (report.personId === actor.personId || !pathInScope(actor, 'write', report.tenantId, row.orgPath))
    throw new AppError('FORBIDDEN', {
      zh: '思想汇报由所在党支部书记批阅',
      en: "A thought report is read by the secretary of the member's branch",
    });
  if (options.version !== undefined && options.version !== report.version) throw stale();
  const [updated] = await tx
    .update(thoughtReports)
    .set({
      readBy: actor.accountId,
      readAt: options.now,
      comment: options.comment,
      version: sql`${thoughtReports.version} + 1`,
    })
    .where(
      and(
        eq(thoughtReports.tenantId, report.tenantId),
        eq(thoughtReports.id, report.id),
        eq(thoughtReports.version, report.version),
      ),
    )
    .returning();
  if (!updated) throw stale();
  const trail = (r: typeof report) => ({ readBy: r.readBy, readAt: r.readAt, comment: r.comment, version: r.version });
  await recordAudit(tx, actor, {
    action: 'read',
    entity: 'thoughtReport',
    entityId: report.id,
    tenantId: report.tenantId,
    orgPath: row.orgPath,
    before: trail(report),
    after: trail(updated),
  });
  return updated;
}
