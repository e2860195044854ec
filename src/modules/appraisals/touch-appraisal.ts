import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { appraisals } from '../../db/schema.ts';
import { stale } from '../../server/errors.ts';

/**
 * Claims the appraisal at the version the secretary read (and applies `set`), so two people
 * entering tallies or verdicts at once cannot overwrite each other unseen.
 */
export async function touchAppraisal(
  tx: Tx,
  appraisal: { tenantId: string; id: string },
  version: number,
  set: Partial<typeof appraisals.$inferInsert> = {},
) {
  const [updated] = await tx
    .update(appraisals)
    .set({ ...set, version: sql`${appraisals.version} + 1` })
    .where(
      and(
        eq(appraisals.tenantId, appraisal.tenantId),
        eq(appraisals.id, appraisal.id),
        eq(appraisals.version, version),
      ),
    )
    .returning();
  if (!updated) throw stale();
  return updated;
}
