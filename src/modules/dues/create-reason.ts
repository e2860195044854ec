import type { Tx } from '../../db/connect.ts';
import { duesReasons } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { loadDuesPerson } from './load-dues-person.ts';
import type { CreateReasonInput } from './schema.ts';

/** Records why a member does not pay over some months (illness, study abroad): DUES-03 does not count them. */
export async function createReason(tx: Tx, options: { input: CreateReasonInput; actor: Actor }) {
  const { input, actor } = options;
  const person = await loadDuesPerson(tx, actor, 'write', input.personId);
  if (input.toMonth && input.toMonth < input.fromMonth)
    throw badInput([{ field: 'body.toMonth', reason: '早于起始月份 / before fromMonth' }]);
  const [reason] = await tx
    .insert(duesReasons)
    .values({
      tenantId: person.tenantId,
      personId: person.id,
      fromMonth: input.fromMonth,
      toMonth: input.toMonth ?? null,
      reason: input.reason,
      recordedByName: actor.displayName,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'duesReason',
    entityId: reason.id,
    tenantId: reason.tenantId,
    orgPath: person.orgPath,
    after: reason,
  });
  return reason;
}
