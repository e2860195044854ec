/** The one way an item changes: a versioned update (409 on a stale version) audited in the same transaction. */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { rectifications } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { stale } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import type { ScopedOrg } from './superior.ts';

type Item = typeof rectifications.$inferSelect;

export async function writeRectification(
  tx: Tx,
  options: {
    actor: Actor;
    org: ScopedOrg;
    item: Item;
    version: number;
    action: string;
    changes: Partial<Omit<Item, 'tenantId' | 'id' | 'version' | 'createdAt' | 'updatedAt'>>;
  },
) {
  const { actor, org, item, version, action, changes } = options;
  if (item.version !== version) throw stale();
  const [updated] = await tx
    .update(rectifications)
    .set({ ...changes, updatedAt: sql`now()`, version: sql`${rectifications.version} + 1` })
    .where(
      and(
        eq(rectifications.tenantId, item.tenantId),
        eq(rectifications.id, item.id),
        eq(rectifications.version, version),
      ),
    )
    .returning();
  if (!updated) throw stale();
  await recordAudit(tx, actor, {
    action,
    entity: 'rectification',
    entityId: item.id,
    tenantId: item.tenantId,
    orgPath: org.path,
    before: item,
    after: updated,
  });
  return updated;
}
