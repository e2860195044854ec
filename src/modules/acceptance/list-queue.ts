/**
 * The actor's to-do list: reviews of open campaigns waiting for a step the actor's role takes —
 * a secretary's branch to self-check (new or returned), a college's branches to first-check, the
 * organization department's to re-check (and to first-check, for branches directly under the university).
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import type { AcceptanceStage } from '../../domain/rules/acceptance-facts.ts';
import type { Actor } from '../../server/scope.ts';
import { listReviews } from './list-reviews.ts';
import type { ReviewRow } from './schema.ts';

const awaiting: Record<string, AcceptanceStage[]> = {
  branchSecretary: ['pending', 'returned'],
  collegeAdmin: ['selfChecked'],
  orgDepartmentAdmin: ['firstChecked'],
};

export async function listQueue(tx: Tx, actor: Actor): Promise<ReviewRow[]> {
  const parts: SQL[] = [];
  for (const g of actor.grants) {
    const stages = awaiting[g.role];
    if (!stages || !g.tenantId || !g.orgPath) continue;
    if (g.role === 'orgDepartmentAdmin' && g.orgPath !== `/${g.tenantId}/`) continue;
    const area = sql`o.tenant_id = ${g.tenantId} and o.path like ${`${g.orgPath}%`}`;
    parts.push(sql`(${area} and r.stage = any(${sql.param(stages)}::text[]))`);
    // `col`: the college above the branch (see listReviews); without one, the university first-checks.
    if (g.role === 'orgDepartmentAdmin') parts.push(sql`(${area} and r.stage = 'selfChecked' and col.id is null)`);
  }
  if (parts.length === 0) return [];
  const rows = await listReviews(
    tx,
    actor,
    sql`(${sql.join(parts, sql` or `)}) and exists (select 1 from acceptance_campaigns c
      where c.tenant_id = r.tenant_id and c.id = r.campaign_id and c.status = 'open')`,
  );
  return rows;
}
