import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { devCases } from '../../db/schema.ts';
import { stageOf } from '../../domain/development/stage.ts';
import type { DevEvent } from '../../domain/development/steps.ts';
import type { CaseRow } from './load-case.ts';

/**
 * Rewrites the stored stage from the events as they now stand and bumps the case's version: the
 * stage column is a copy for lists and the board, always derived in the transaction that changed
 * the events.
 */
export async function restage(tx: Tx, row: CaseRow, events: Pick<DevEvent, 'step' | 'on'>[]) {
  const stage = stageOf(events);
  if (!stage) throw new Error(`case ${row.id} would be left without an application`);
  const [updated] = await tx
    .update(devCases)
    .set({ stage, version: sql`${devCases.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(devCases.tenantId, row.tenantId), eq(devCases.id, row.id)))
    .returning();
  return updated;
}
