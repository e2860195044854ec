/**
 * Changes an open reorganization (reasons, plan, end date) or closes it with its outcome; both by
 * the superior, versioned (409 when stale) and audited.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { reorganizations } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, stale } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { loadReorganizationForChange } from './load-reorganization.ts';
import type { CloseReorganization, UpdateReorganization } from './schema.ts';

type Changes = Partial<
  Pick<typeof reorganizations.$inferInsert, 'reasons' | 'endsOn' | 'plan' | 'status' | 'closedOn' | 'outcome'>
>;

async function change(
  tx: Tx,
  actor: Actor,
  id: string,
  version: number,
  action: string,
  build: (r: typeof reorganizations.$inferSelect) => Changes,
) {
  const { org, reorganization } = await loadReorganizationForChange(tx, actor, id);
  if (reorganization.status !== 'open')
    throw badInput([{ field: 'status', reason: '整顿已结束 / the reorganization is closed' }]);
  const changes = build(reorganization);
  if (reorganization.version !== version) throw stale();
  const [updated] = await tx
    .update(reorganizations)
    .set({ ...changes, updatedAt: sql`now()`, version: sql`${reorganizations.version} + 1` })
    .where(
      and(
        eq(reorganizations.tenantId, reorganization.tenantId),
        eq(reorganizations.id, id),
        eq(reorganizations.version, version),
      ),
    )
    .returning();
  if (!updated) throw stale();
  await recordAudit(tx, actor, {
    action,
    entity: 'reorganization',
    entityId: id,
    tenantId: reorganization.tenantId,
    orgPath: org.path,
    before: reorganization,
    after: updated,
  });
  return updated;
}

export const updateReorganization = (tx: Tx, options: { id: string; input: UpdateReorganization; actor: Actor }) =>
  change(tx, options.actor, options.id, options.input.version, 'update', (r) => {
    const endsOn = options.input.endsOn ?? r.endsOn;
    if (endsOn <= r.startedOn)
      throw badInput([{ field: 'body.endsOn', reason: '结束日期须晚于开始日期 / after the start' }]);
    return {
      reasons: options.input.reasons ? [...new Set(options.input.reasons)] : r.reasons,
      endsOn,
      plan: options.input.plan ?? r.plan,
    };
  });

export const closeReorganization = (
  tx: Tx,
  options: { id: string; input: CloseReorganization; actor: Actor; today: string },
) =>
  change(tx, options.actor, options.id, options.input.version, 'close', (r) => {
    const { closedOn, outcome } = options.input;
    if (closedOn < r.startedOn || closedOn > options.today)
      throw badInput([{ field: 'body.closedOn', reason: '须在开始日期与今天之间 / between the start and today' }]);
    return { status: 'closed', closedOn, outcome };
  });
