import type { Tx } from '../db/connect.ts';
import { auditLog } from '../db/schema.ts';
import type { Actor } from './scope.ts';

export type AuditEntry = {
  action: string;
  entity: string;
  entityId?: string | null;
  tenantId?: string | null;
  /** Path of the org the record belongs to, so the trail can be filtered by subtree. */
  orgPath?: string | null;
  before?: unknown;
  after?: unknown;
};

/** The actor recorded for work done from the command line or by the system itself. */
export const systemActor = (name = 'system'): Pick<Actor, 'accountId' | 'displayName'> => ({
  accountId: '',
  displayName: name,
});

/** Writes one audit row; call it inside the transaction of the change it records. */
export async function recordAudit(
  tx: Tx,
  actor: Pick<Actor, 'accountId' | 'displayName'>,
  entry: AuditEntry,
): Promise<void> {
  await tx.insert(auditLog).values({
    tenantId: entry.tenantId ?? null,
    orgPath: entry.orgPath ?? null,
    actorId: actor.accountId || null,
    actorName: actor.displayName,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    before: (entry.before ?? null) as never,
    after: (entry.after ?? null) as never,
  });
}
