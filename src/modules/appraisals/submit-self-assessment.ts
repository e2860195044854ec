import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { appraisalEntries, appraisals, orgs } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { notFound, stale } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { appraisalLabel, requireStep } from './load-appraisal.ts';

/**
 * 个人自评: a participant writes their own self-assessment. Nobody can write it for them, so the
 * entry is found by the signed-in person; anyone who is not a participant gets a 404.
 */
export async function submitSelfAssessment(
  tx: Tx,
  options: { appraisalId: string; input: { text: string; version?: number }; today: string; actor: Actor },
) {
  const { input, actor } = options;
  if (!actor.personId || !actor.tenantId) throw notFound(appraisalLabel);
  const [row] = await tx
    .select({ appraisal: appraisals, entry: appraisalEntries, orgPath: orgs.path })
    .from(appraisalEntries)
    .innerJoin(
      appraisals,
      and(eq(appraisals.tenantId, appraisalEntries.tenantId), eq(appraisals.id, appraisalEntries.appraisalId)),
    )
    .innerJoin(orgs, and(eq(orgs.tenantId, appraisals.tenantId), eq(orgs.id, appraisals.orgId)))
    .where(
      and(
        eq(appraisalEntries.tenantId, actor.tenantId),
        eq(appraisalEntries.appraisalId, options.appraisalId),
        eq(appraisalEntries.personId, actor.personId),
      ),
    );
  if (!row) throw notFound(appraisalLabel);
  requireStep(row.appraisal, 'selfAssessment');
  if (input.version !== undefined && input.version !== row.entry.version) throw stale();
  const [updated] = await tx
    .update(appraisalEntries)
    .set({ selfAssessment: input.text, selfAssessedOn: options.today, version: sql`${appraisalEntries.version} + 1` })
    .where(
      and(
        eq(appraisalEntries.tenantId, row.entry.tenantId),
        eq(appraisalEntries.appraisalId, row.entry.appraisalId),
        eq(appraisalEntries.personId, row.entry.personId),
        eq(appraisalEntries.version, row.entry.version),
      ),
    )
    .returning();
  if (!updated) throw stale();
  await recordAudit(tx, actor, {
    action: 'selfAssess',
    entity: 'appraisalEntry',
    entityId: `${row.entry.appraisalId}/${row.entry.personId}`,
    tenantId: row.entry.tenantId,
    orgPath: row.orgPath,
    before: { selfAssessment: row.entry.selfAssessment },
    after: { selfAssessment: updated.selfAssessment, selfAssessedOn: updated.selfAssessedOn },
  });
  return updated;
}
