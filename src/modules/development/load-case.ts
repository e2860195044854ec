import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { devCases, devEvents } from '../../db/schema.ts';
import type { DevEvent, DevStep } from '../../domain/development/steps.ts';
import { AppError, notFound } from '../../server/errors.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import type { CaseBranch } from './step-roles.ts';

export const caseNotFound = () => notFound({ zh: '发展档案', en: 'development case' });
export const eventNotFound = () => notFound({ zh: '发展步骤', en: 'development step' });

export type CaseRow = typeof devCases.$inferSelect;
export type EventRow = typeof devEvents.$inferSelect;
export type Branch = CaseBranch & { id: string; code: string; name: string };

export type LoadedCase = { row: CaseRow; branch: Branch; events: EventRow[] };

/**
 * A case the actor may read, with its branch (and the branch's parent path, for approvals) and its
 * events in order; a 404 otherwise. `lock` takes the case row for the transaction, so two steps
 * recorded at once are gated one after the other.
 */
export async function loadCase(tx: Tx, actor: Actor, caseId: string, options: { lock?: boolean } = {}) {
  const [found] = await selectRows<{ id: string; branch: Branch }>(
    tx,
    sql`select c.id, json_build_object('tenantId', o.tenant_id, 'id', o.id, 'code', o.code, 'name', o.name,
        'path', o.path, 'parentPath', p.path) as branch
      from dev_cases c join orgs o on o.tenant_id = c.tenant_id and o.id = c.org_id
      left join orgs p on p.tenant_id = o.tenant_id and p.id = o.parent_id
      where c.id = ${caseId} and ${orgInScope(actor, 'read', sql`o.tenant_id`, sql`o.path`)}`,
  );
  if (!found) throw caseNotFound();
  const { branch } = found;
  const query = tx
    .select()
    .from(devCases)
    .where(and(eq(devCases.tenantId, branch.tenantId), eq(devCases.id, caseId)));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw caseNotFound();
  const events = await tx
    .select()
    .from(devEvents)
    .where(and(eq(devEvents.tenantId, branch.tenantId), eq(devEvents.caseId, caseId)))
    .orderBy(asc(devEvents.on), asc(devEvents.createdAt), asc(devEvents.id));
  return { row, branch, events } satisfies LoadedCase;
}

/** The case of an event the actor may read (locked for the transaction), with the event itself; a 404 otherwise. */
export async function loadEventCase(tx: Tx, actor: Actor, eventId: string) {
  const [ref] = await tx.select({ caseId: devEvents.caseId }).from(devEvents).where(eq(devEvents.id, eventId));
  if (!ref) throw eventNotFound();
  const loaded = await loadCase(tx, actor, ref.caseId, { lock: true }).catch((error: unknown) => {
    throw error instanceof AppError && error.code === 'NOT_FOUND' ? eventNotFound() : error;
  });
  const event = loaded.events.find((e) => e.id === eventId);
  if (!event) throw eventNotFound();
  return { ...loaded, event };
}

/** A stored event as the domain sees it. */
export const toDevEvent = (e: Pick<EventRow, 'id' | 'step' | 'on' | 'data'>): DevEvent => ({
  id: e.id,
  step: e.step as DevStep,
  on: e.on,
  data: (e.data ?? {}) as DevEvent['data'],
});
