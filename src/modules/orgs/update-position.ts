import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { positions } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, type FieldIssue, stale } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { checkOneSecretary } from './check-positions.ts';
import { loadPositionInScope, loadSeats } from './load-term.ts';

/** Someone leaves a seat (validTo), returns to it (validTo null), or gains or loses the dual-leader flag. */
export async function updatePosition(
  tx: Tx,
  options: {
    positionId: string;
    input: { version: number; validTo?: string | null; dualLeader?: boolean };
    actor: Actor;
  },
) {
  const { input, actor } = options;
  const { position, term, org } = await loadPositionInScope(tx, actor, 'write', options.positionId);
  if (position.version !== input.version) throw stale();
  const validTo = input.validTo !== undefined ? input.validTo : position.validTo;
  const dualLeader = input.dualLeader ?? position.dualLeader;
  const issues: FieldIssue[] = [];
  if (validTo !== null && validTo <= position.validFrom)
    issues.push({
      field: 'body.validTo',
      reason: `须晚于任职日期 ${position.validFrom} / must be after the seat began, ${position.validFrom}`,
    });
  if (validTo === null && position.validTo !== null) {
    const seats = await loadSeats(tx, term.tenantId, term.id);
    issues.push(
      ...checkOneSecretary(
        seats.map((s) => (s.id === position.id ? { ...s, validTo: null } : s)),
        'body.validTo',
      ),
    );
  }
  if (validTo === position.validTo && dualLeader === position.dualLeader)
    issues.push({ field: 'body', reason: '没有任何变化 / nothing changes' });
  if (issues.length) throw badInput(issues);
  const [updated] = await tx
    .update(positions)
    .set({ validTo, dualLeader, version: sql`${positions.version} + 1` })
    .where(
      and(
        eq(positions.tenantId, position.tenantId),
        eq(positions.id, position.id),
        eq(positions.version, input.version),
      ),
    )
    .returning();
  if (!updated) throw stale();
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'position',
    entityId: position.id,
    tenantId: position.tenantId,
    orgPath: org.path,
    before: position,
    after: updated,
  });
  return updated;
}
