import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { practiceCarriers } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { stale } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { checkDates, loadCarrierForWrite } from './load-carrier.ts';
import type { UpdateInput } from './schema.ts';

/** Corrects a carrier at the version read (409 when someone changed it meanwhile). */
export async function updateCarrier(tx: Tx, options: { id: string; input: UpdateInput; actor: Actor; today: string }) {
  const { id, input, actor, today } = options;
  const { carrier: before, orgPath } = await loadCarrierForWrite(tx, actor, id, input.version);
  const year = input.year ?? before.year;
  const establishedOn = input.establishedOn ?? before.establishedOn;
  checkDates(year, establishedOn, today);
  const [after] = await tx
    .update(practiceCarriers)
    .set({
      year,
      establishedOn,
      kind: input.kind ?? before.kind,
      title: input.title ?? before.title,
      description: input.description ?? before.description,
      version: sql`${practiceCarriers.version} + 1`,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(practiceCarriers.tenantId, before.tenantId),
        eq(practiceCarriers.id, id),
        eq(practiceCarriers.version, before.version),
      ),
    )
    .returning();
  if (!after) throw stale();
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'practiceCarrier',
    entityId: id,
    tenantId: after.tenantId,
    orgPath,
    before,
    after,
  });
  return after;
}

/** Removes a carrier recorded by mistake, at the version read. */
export async function deleteCarrier(tx: Tx, options: { id: string; version: number; actor: Actor }) {
  const { id, version, actor } = options;
  const { carrier, orgPath } = await loadCarrierForWrite(tx, actor, id, version);
  await tx
    .delete(practiceCarriers)
    .where(and(eq(practiceCarriers.tenantId, carrier.tenantId), eq(practiceCarriers.id, id)));
  await recordAudit(tx, actor, {
    action: 'delete',
    entity: 'practiceCarrier',
    entityId: id,
    tenantId: carrier.tenantId,
    orgPath,
    before: carrier,
  });
}
