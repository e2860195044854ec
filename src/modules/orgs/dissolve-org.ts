import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { orgs } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, conflict, stale } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { guardChange } from './guard-org.ts';
import { auditState, loadOrgInScope } from './load-org.ts';
import { checkEffectiveOn, recordHistory } from './org-history.ts';
import { selectRows } from './select-rows.ts';

/** Members still counted in an org: their open membership is there, in normal or suspended standing. */
export const currentMemberCondition = (tenantId: string, orgId: string) => sql`m.tenant_id = ${tenantId}
  and (m.org_id = ${orgId} or m.group_id = ${orgId}) and m.valid_to is null and m.standing in ('normal', 'suspended')`;

/**
 * Dissolves an org from `effectiveOn`. It must be empty first: its live children dissolved or
 * moved, its members transferred — otherwise people and orgs would hang from nothing.
 */
export async function dissolveOrg(
  tx: Tx,
  options: { orgId: string; input: { version: number; effectiveOn: string }; actor: Actor },
) {
  const { input, actor } = options;
  const org = await loadOrgInScope(tx, actor, 'write', options.orgId);
  guardChange(org, input.version);
  const [{ children, members, lastLeft }] = await selectRows<{
    children: number;
    members: number;
    lastLeft: string | null;
  }>(
    tx,
    sql`select
      (select count(*) from orgs c where c.tenant_id = ${org.tenantId} and c.parent_id = ${org.id} and c.valid_to is null)::int as children,
      (select count(*) from memberships m where ${currentMemberCondition(org.tenantId, org.id)})::int as members,
      greatest(
        (select max(c.valid_to) from orgs c where c.tenant_id = ${org.tenantId} and c.parent_id = ${org.id}),
        (select max(m.valid_to) from memberships m where m.tenant_id = ${org.tenantId} and (m.org_id = ${org.id} or m.group_id = ${org.id}))
      )::text as "lastLeft"`,
  );
  if (children > 0 || members > 0)
    throw conflict(
      {
        zh: `该党组织还有 ${children} 个下级组织、${members} 名党员，请先撤销或调整下级组织、转出党员后再撤销`,
        en: `The organization still has ${children} child organization(s) and ${members} member(s); dissolve or move the children and transfer the members first`,
      },
      { children, members },
    );
  // The tree as of any earlier day must still hold what was in it then.
  if (lastLeft && lastLeft > input.effectiveOn)
    throw badInput([
      {
        field: 'body.effectiveOn',
        reason: `下级组织或党员到 ${lastLeft} 才离开，撤销日期不能早于此 / children or members left only on ${lastLeft}; dissolve on or after that day`,
      },
    ]);
  await checkEffectiveOn(tx, org, input.effectiveOn);
  const [updated] = await tx
    .update(orgs)
    .set({ validTo: input.effectiveOn, version: sql`${orgs.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(orgs.tenantId, org.tenantId), eq(orgs.id, org.id), eq(orgs.version, input.version)))
    .returning();
  if (!updated) throw stale();
  await recordHistory(tx, updated, 'dissolve', input.effectiveOn);
  await recordAudit(tx, actor, {
    action: 'dissolve',
    entity: 'org',
    entityId: org.id,
    tenantId: org.tenantId,
    orgPath: org.path,
    before: auditState(org),
    after: auditState(updated),
  });
  return updated;
}
