import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { devCases } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, stale } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { loadCase } from './load-case.ts';
import { assertMayRecord } from './step-roles.ts';

/**
 * Deletes a case opened by mistake (its events go with it). A case whose approval made someone a
 * member is history, not a mistake: it stays.
 */
export async function deleteCase(tx: Tx, options: { actor: Actor; caseId: string; version: number }) {
  const { actor, version } = options;
  const { row, branch, events } = await loadCase(tx, actor, options.caseId, { lock: true });
  assertMayRecord(actor, branch, 'application');
  if (row.version !== version) throw stale();
  if (events.some((e) => e.step === 'approval'))
    throw badInput([{ field: 'id', reason: '已接收为党员的档案不能删除 / the case led to a membership and stays' }]);
  await tx.delete(devCases).where(and(eq(devCases.tenantId, row.tenantId), eq(devCases.id, row.id)));
  await recordAudit(tx, actor, {
    action: 'delete',
    entity: 'devCase',
    entityId: row.id,
    tenantId: row.tenantId,
    orgPath: branch.path,
    before: { case: row, events },
  });
}
