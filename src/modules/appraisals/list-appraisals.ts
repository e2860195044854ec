import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connect.ts';
import { appraisalEntries, appraisals, orgs } from '../../db/schema.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';

/** Appraisals of the branches in the actor's scope, newest year first, with their progress. */
export async function listAppraisals(db: Db | Tx, options: { actor: Actor; orgId?: string; year?: number }) {
  const { actor } = options;
  const rows = await db
    .select({
      appraisal: appraisals,
      orgName: orgs.name,
      participants: sql<number>`(select count(*)::int from appraisal_entries e
        where e.tenant_id = ${appraisals.tenantId} and e.appraisal_id = ${appraisals.id})`,
    })
    .from(appraisals)
    .innerJoin(orgs, and(eq(orgs.tenantId, appraisals.tenantId), eq(orgs.id, appraisals.orgId)))
    .where(
      and(
        orgInScope(actor, 'read', orgs.tenantId, orgs.path),
        options.orgId ? eq(appraisals.orgId, options.orgId) : undefined,
        options.year ? eq(appraisals.year, options.year) : undefined,
      ),
    )
    .orderBy(desc(appraisals.year), asc(orgs.code));
  return rows.map((r) => ({
    ...r.appraisal,
    createdAt: undefined,
    orgName: r.orgName,
    participants: Number(r.participants),
  }));
}

/** The appraisals the signed-in person takes part in, with their own entry (for the self-assessment form). */
export async function listMyAppraisals(db: Db | Tx, actor: Actor) {
  if (!actor.personId || !actor.tenantId) return [];
  const rows = await db
    .select({ appraisal: appraisals, orgName: orgs.name, entry: appraisalEntries })
    .from(appraisalEntries)
    .innerJoin(
      appraisals,
      and(eq(appraisals.tenantId, appraisalEntries.tenantId), eq(appraisals.id, appraisalEntries.appraisalId)),
    )
    .innerJoin(orgs, and(eq(orgs.tenantId, appraisals.tenantId), eq(orgs.id, appraisals.orgId)))
    .where(and(eq(appraisalEntries.tenantId, actor.tenantId), eq(appraisalEntries.personId, actor.personId)))
    .orderBy(desc(appraisals.year));
  return rows.map((r) => ({
    id: r.appraisal.id,
    orgId: r.appraisal.orgId,
    orgName: r.orgName,
    year: r.appraisal.year,
    step: r.appraisal.step,
    selfAssessment: r.entry.selfAssessment,
    selfAssessedOn: r.entry.selfAssessedOn,
    entryVersion: r.entry.version,
    // The verdict is the member's own business once the round is closed.
    verdict: r.appraisal.step === 'closed' ? r.entry.verdict : null,
  }));
}
