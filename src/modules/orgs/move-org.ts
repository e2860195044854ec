import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { orgs } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, conflict, type FieldIssue, stale } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { checkParentKind } from './check-org.ts';
import { currentMemberCondition } from './dissolve-org.ts';
import { guardChange } from './guard-org.ts';
import { auditState, loadOrgInScope } from './load-org.ts';
import { checkEffectiveOn, recordHistory } from './org-history.ts';
import { selectRows } from './select-rows.ts';

const likePrefix = (prefix: string) => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Hangs an org (with its whole subtree) under another parent from `effectiveOn`. Both the org and
 * the new parent must be in the actor's write scope; a parent outside it is a 404. The paths and
 * depths of the subtree are rewritten by one UPDATE, so the tree is never half moved.
 */
export async function moveOrg(
  tx: Tx,
  options: { orgId: string; input: { version: number; parentId: string; effectiveOn: string }; actor: Actor },
) {
  const { input, actor } = options;
  const org = await loadOrgInScope(tx, actor, 'write', options.orgId);
  guardChange(org, input.version);
  const parent = await loadOrgInScope(tx, actor, 'write', input.parentId);
  const issues: FieldIssue[] = [];
  if (parent.tenantId !== org.tenantId || parent.path.startsWith(org.path))
    issues.push({
      field: 'body.parentId',
      reason: '不能移到自身或其下级组织之下 / cannot move an organization under itself or its own subtree',
    });
  else if (parent.id === org.parentId)
    issues.push({ field: 'body.parentId', reason: '已在该上级组织之下 / already under this parent' });
  else {
    issues.push(...checkParentKind(org.kind, parent.kind));
    if (parent.validTo)
      issues.push({ field: 'body.parentId', reason: '上级党组织已撤销 / the parent has been dissolved' });
    else if (input.effectiveOn < parent.validFrom)
      issues.push({
        field: 'body.effectiveOn',
        reason: `不能早于新上级的成立日期 ${parent.validFrom} / cannot precede the new parent's start, ${parent.validFrom}`,
      });
  }
  if (issues.length) throw badInput(issues);
  if (org.kind === 'group') await refuseGroupWithMembers(tx, org);
  await checkEffectiveOn(tx, org, input.effectiveOn);

  const newPath = `${parent.path}${org.id}/`;
  const depthShift = parent.depth + 1 - org.depth;
  const moved = await tx
    .update(orgs)
    .set({
      path: sql`${newPath} || substr(${orgs.path}, ${org.path.length + 1})`,
      depth: sql`${orgs.depth} + ${depthShift}`,
      parentId: sql`case when ${orgs.id} = ${org.id} then ${parent.id}::uuid else ${orgs.parentId} end`,
      version: sql`case when ${orgs.id} = ${org.id} then ${orgs.version} + 1 else ${orgs.version} end`,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(orgs.tenantId, org.tenantId),
        sql`${orgs.path} like ${likePrefix(org.path)}`,
        sql`exists (select 1 from orgs o where o.tenant_id = ${org.tenantId} and o.id = ${org.id} and o.version = ${input.version})`,
      ),
    )
    .returning();
  const updated = moved.find((o) => o.id === org.id);
  if (!updated) throw stale();
  await recordHistory(tx, updated, 'move', input.effectiveOn);
  await recordAudit(tx, actor, {
    action: 'move',
    entity: 'org',
    entityId: org.id,
    tenantId: org.tenantId,
    orgPath: updated.path,
    before: auditState(org),
    after: { ...auditState(updated), effectiveOn: input.effectiveOn, subtreeSize: moved.length },
  });
  return updated;
}

/**
 * A member's membership names their branch and their group; a group carrying members to another
 * branch would leave them in a group of a branch they do not belong to.
 */
async function refuseGroupWithMembers(tx: Tx, org: { tenantId: string; id: string }) {
  const [{ members }] = await selectRows<{ members: number }>(
    tx,
    sql`select count(*)::int as members from memberships m where ${currentMemberCondition(org.tenantId, org.id)}`,
  );
  if (members > 0)
    throw conflict(
      {
        zh: `该党小组还有 ${members} 名党员，请先将他们调出本小组再调整隶属关系`,
        en: `The group still has ${members} member(s); move them out of the group before moving it`,
      },
      { members },
    );
}
