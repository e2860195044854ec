/**
 * Puts a weak branch under time-limited reorganization (限期整顿, ASSESS-04): the reasons, the plan,
 * the start and the end date. The superior decides it; a branch has one open reorganization at a time.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { reorganizations } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, conflict } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { loadScopedOrg } from '../rectifications/superior.ts';
import type { CreateReorganization } from './schema.ts';

export async function createReorganization(tx: Tx, options: { input: CreateReorganization; actor: Actor }) {
  const { input, actor } = options;
  if (input.endsOn <= input.startedOn)
    throw badInput([{ field: 'body.endsOn', reason: '结束日期须晚于开始日期 / after the start' }]);
  const org = await loadScopedOrg(tx, actor, input.orgId, 'supervise');
  if (org.kind !== 'branch')
    throw badInput([{ field: 'body.orgId', reason: '整顿的对象是党支部 / a reorganization is of a branch' }]);
  const [open] = await tx
    .select({ id: reorganizations.id })
    .from(reorganizations)
    .where(
      and(
        eq(reorganizations.tenantId, org.tenantId),
        eq(reorganizations.orgId, org.id),
        eq(reorganizations.status, 'open'),
      ),
    );
  if (open)
    throw conflict({ zh: '该支部已在整顿中', en: 'This branch is already under reorganization' }, { id: open.id });
  const [row] = await tx
    .insert(reorganizations)
    .values({
      tenantId: org.tenantId,
      orgId: org.id,
      reasons: [...new Set(input.reasons)],
      startedOn: input.startedOn,
      endsOn: input.endsOn,
      plan: input.plan,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'reorganization',
    entityId: row.id,
    tenantId: org.tenantId,
    orgPath: org.path,
    after: row,
  });
  return row;
}
