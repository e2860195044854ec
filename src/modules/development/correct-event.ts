/**
 * Corrections of a recorded step (a wrong date, a missing sponsor, a document filed later) and
 * deletions of a step recorded by mistake. The whole case is gated again as it would stand, and
 * whatever the change would newly break is refused. Steps that already changed the membership
 * keep their date and stay: the membership is corrected in the members module.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { devEvents } from '../../db/schema.ts';
import type { DevEvent } from '../../domain/development/steps.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, stale } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { gateWrite, inDateOrder, type KeyedEvent } from './gate-sequence.ts';
import { type EventRow, loadEventCase, toDevEvent } from './load-case.ts';
import { membershipSteps } from './membership-effects.ts';
import { restage } from './restage.ts';
import { devParamsOf } from './run-gate.ts';
import type { CorrectEventInput } from './schema.ts';
import { assertMayRecord } from './step-roles.ts';

const lockedReason =
  '该步骤已生效于党员组织关系，不能改期或删除，请在党员管理中更正 / this step already changed the membership; correct the membership instead';

/** Whether changing this step's date (or deleting it) would leave the membership it produced wrong. */
function locksMembership(event: EventRow, events: EventRow[]) {
  if (membershipSteps.has(event.step as DevEvent['step'])) return true;
  // The admission vote dates the probationary membership once approved.
  return event.step === 'admissionVote' && events.some((e) => e.step === 'approval' && e.on >= event.on);
}

export async function correctEvent(
  tx: Tx,
  options: { actor: Actor; eventId: string; input: CorrectEventInput; asOf: string },
) {
  const { actor, input, asOf } = options;
  const { row, branch, events, event } = await loadEventCase(tx, actor, options.eventId);
  assertMayRecord(actor, branch, event.step as DevEvent['step']);
  if (event.version !== input.version) throw stale();
  const on = input.on ?? event.on;
  const data = input.data ?? (event.data as DevEvent['data']);
  if (locksMembership(event, events) && (on !== event.on || JSON.stringify(data) !== JSON.stringify(event.data)))
    throw badInput([{ field: input.on !== undefined ? 'body.on' : 'body.data', reason: lockedReason }]);

  const before: KeyedEvent[] = events.map((e) => ({ ...toDevEvent(e), key: e.id }));
  const after = inDateOrder(before.map((e) => (e.key === event.id ? { ...e, on, data } : e)));
  await gateWrite(tx, {
    tenantId: branch.tenantId,
    branchId: branch.id,
    personId: row.personId,
    before,
    after,
    writtenKey: event.id,
    asOf,
    params: await devParamsOf(tx, branch),
  });

  const [updated] = await tx
    .update(devEvents)
    .set({
      on,
      data,
      documents: input.documents ?? event.documents,
      note: input.note !== undefined ? input.note : event.note,
      version: sql`${devEvents.version} + 1`,
    })
    .where(
      and(eq(devEvents.tenantId, event.tenantId), eq(devEvents.id, event.id), eq(devEvents.version, input.version)),
    )
    .returning();
  if (!updated) throw stale();
  const caseRow = await restage(tx, row, after);
  await recordAudit(tx, actor, {
    action: 'correctStep',
    entity: 'devCase',
    entityId: row.id,
    tenantId: row.tenantId,
    orgPath: branch.path,
    before: { stage: row.stage, event },
    after: { stage: caseRow.stage, event: updated },
  });
  return row.id;
}

export async function deleteEvent(tx: Tx, options: { actor: Actor; eventId: string; version: number; asOf: string }) {
  const { actor, version, asOf } = options;
  const { row, branch, events, event } = await loadEventCase(tx, actor, options.eventId);
  assertMayRecord(actor, branch, event.step as DevEvent['step']);
  if (event.version !== version) throw stale();
  if (locksMembership(event, events)) throw badInput([{ field: 'id', reason: lockedReason }]);
  if (event.step === 'application' && !events.some((e) => e.step === 'application' && e.id !== event.id))
    throw badInput([
      { field: 'id', reason: '不能删除唯一的入党申请，请删除整个档案 / the only application: delete the case instead' },
    ]);

  const before: KeyedEvent[] = events.map((e) => ({ ...toDevEvent(e), key: e.id }));
  const after = before.filter((e) => e.key !== event.id);
  await gateWrite(tx, {
    tenantId: branch.tenantId,
    branchId: branch.id,
    personId: row.personId,
    before,
    after,
    writtenKey: null,
    asOf,
    params: await devParamsOf(tx, branch),
  });
  const deleted = await tx
    .delete(devEvents)
    .where(and(eq(devEvents.tenantId, event.tenantId), eq(devEvents.id, event.id), eq(devEvents.version, version)))
    .returning({ id: devEvents.id });
  if (!deleted.length) throw stale();
  const caseRow = await restage(tx, row, after);
  await recordAudit(tx, actor, {
    action: 'deleteStep',
    entity: 'devCase',
    entityId: row.id,
    tenantId: row.tenantId,
    orgPath: branch.path,
    before: { stage: row.stage, event },
    after: { stage: caseRow.stage },
  });
  return row.id;
}
