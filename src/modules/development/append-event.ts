import type { Tx } from '../../db/connect.ts';
import { devEvents } from '../../db/schema.ts';
import type { DevEvent } from '../../domain/development/steps.ts';
import { recordAudit } from '../../server/audit.ts';
import type { Actor } from '../../server/scope.ts';
import { gateWrite, inDateOrder, type KeyedEvent } from './gate-sequence.ts';
import { loadCase, toDevEvent } from './load-case.ts';
import { applyMembershipEffect } from './membership-effects.ts';
import { restage } from './restage.ts';
import { devParamsOf } from './run-gate.ts';
import type { AppendEventInput } from './schema.ts';
import { assertMayRecord } from './step-roles.ts';

/**
 * Records a step of a case: by the branch or, for approvals, by its superior; gated against the
 * case as it stands on the step's day; the stage, the membership (for approvals) and the audit
 * trail change in the same transaction, or nothing does.
 */
export async function appendEvent(
  tx: Tx,
  options: { actor: Actor; caseId: string; input: AppendEventInput; asOf: string },
) {
  const { actor, input, asOf } = options;
  const loaded = await loadCase(tx, actor, options.caseId, { lock: true });
  const { row, branch, events } = loaded;
  assertMayRecord(actor, branch, input.step);

  const next: DevEvent = { step: input.step, on: input.on, data: input.data };
  const before: KeyedEvent[] = events.map((e) => ({ ...toDevEvent(e), key: e.id }));
  const after = inDateOrder([...before, { ...next, key: 'new' }]);
  await gateWrite(tx, {
    tenantId: branch.tenantId,
    branchId: branch.id,
    personId: row.personId,
    before,
    after,
    writtenKey: 'new',
    asOf,
    params: await devParamsOf(tx, branch),
  });

  const [event] = await tx
    .insert(devEvents)
    .values({
      tenantId: branch.tenantId,
      caseId: row.id,
      step: input.step,
      on: input.on,
      data: input.data,
      documents: input.documents,
      note: input.note ?? null,
      recordedBy: actor.accountId || null,
      recordedByName: actor.displayName,
    })
    .returning();
  const ordered = after.map(({ key: _key, ...e }) => e);
  await applyMembershipEffect(tx, { actor, branch, personId: row.personId, event: next, ordered });
  const updated = await restage(tx, row, ordered);
  await recordAudit(tx, actor, {
    action: 'recordStep',
    entity: 'devCase',
    entityId: row.id,
    tenantId: row.tenantId,
    orgPath: branch.path,
    before: { stage: row.stage },
    after: { stage: updated.stage, event },
  });
  return event;
}
