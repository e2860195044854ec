import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { accounts, orgs, people, thoughtReports } from '../../db/schema.ts';
import { type Access, type Actor, orgInScope } from '../../server/scope.ts';

/**
 * Reports the actor reaches: those of the branches in their scope (by the branch the member
 * belonged to when submitting), and, to read, their own.
 */
export function reportInScope(actor: Actor, access: Access): SQL {
  const branch = orgInScope(actor, access, orgs.tenantId, orgs.path);
  if (access === 'write' || !actor.personId) return branch;
  return sql`(${branch} or (${thoughtReports.tenantId} = ${actor.tenantId}::uuid and ${thoughtReports.personId} = ${actor.personId}::uuid))`;
}

/** Reports with their member, branch and reader, matching `where` (scope included by the caller). */
export function selectReports(tx: Tx, where: SQL | undefined) {
  return tx
    .select({
      report: thoughtReports,
      personName: people.name,
      personCode: people.code,
      orgName: orgs.name,
      orgPath: orgs.path,
      readByName: accounts.displayName,
    })
    .from(thoughtReports)
    .innerJoin(orgs, and(eq(orgs.tenantId, thoughtReports.tenantId), eq(orgs.id, thoughtReports.orgId)))
    .innerJoin(people, and(eq(people.tenantId, thoughtReports.tenantId), eq(people.id, thoughtReports.personId)))
    .leftJoin(accounts, eq(accounts.id, thoughtReports.readBy))
    .where(where);
}

export type ReportRow = Awaited<ReturnType<typeof selectReports>>[number];

export const presentReport = (row: ReportRow) => ({
  id: row.report.id,
  tenantId: row.report.tenantId,
  personId: row.report.personId,
  personName: row.personName,
  personCode: row.personCode,
  orgId: row.report.orgId,
  orgName: row.orgName,
  submittedOn: row.report.submittedOn,
  title: row.report.title,
  readBy: row.report.readBy,
  readByName: row.readByName,
  readAt: row.report.readAt ? row.report.readAt.toISOString() : null,
  comment: row.report.comment,
  version: row.report.version,
});
