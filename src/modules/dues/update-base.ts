import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { duesBases } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { notFound, stale } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { loadDuesPerson } from './load-dues-person.ts';
import type { UpdateBaseInput } from './schema.ts';

export const baseNotFound = () => notFound({ zh: '党费基数', en: 'dues base' });

/** Corrects a base (amount, category, verification); audited with before and after, 409 on a stale version. */
export async function updateBase(tx: Tx, options: { baseId: string; input: UpdateBaseInput; actor: Actor }) {
  const { input, actor } = options;
  const [before] = await tx.select().from(duesBases).where(eq(duesBases.id, options.baseId));
  if (!before) throw baseNotFound();
  // Out of scope reads as absent.
  const person = await loadDuesPerson(tx, actor, 'write', before.personId).catch(() => {
    throw baseNotFound();
  });
  if (input.version !== before.version) throw stale();
  const [after] = await tx
    .update(duesBases)
    .set({
      ...(input.category !== undefined ? { category: input.category } : {}),
      ...(input.base !== undefined ? { base: input.base } : {}),
      ...(input.verifiedOn !== undefined ? { verifiedOn: input.verifiedOn } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
      version: sql`${duesBases.version} + 1`,
      updatedAt: new Date(),
    })
    .where(
      and(eq(duesBases.tenantId, before.tenantId), eq(duesBases.id, before.id), eq(duesBases.version, input.version)),
    )
    .returning();
  if (!after) throw stale();
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'duesBase',
    entityId: after.id,
    tenantId: after.tenantId,
    orgPath: person.orgPath,
    before,
    after,
  });
  return after;
}
