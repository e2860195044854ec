import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { thoughtReports } from '../../db/schema.ts';
import { notFound } from '../../server/errors.ts';
import type { Access, Actor } from '../../server/scope.ts';
import { presentReport, type ReportRow, reportInScope, selectReports } from './select-reports.ts';

export const reportNotFound = () => notFound({ zh: '思想汇报', en: 'thought report' });

/** The report if the actor reaches it with this access, else a 404 (as for an id that does not exist). */
export async function loadReportInScope(tx: Tx, actor: Actor, access: Access, reportId: string): Promise<ReportRow> {
  const [row] = await selectReports(tx, and(eq(thoughtReports.id, reportId), reportInScope(actor, access)));
  if (!row) throw reportNotFound();
  return row;
}

/** The whole report (with its text) for one who may read it. */
export async function loadReportView(tx: Tx, actor: Actor, reportId: string) {
  const row = await loadReportInScope(tx, actor, 'read', reportId);
  return { ...presentReport(row), content: row.report.content };
}
