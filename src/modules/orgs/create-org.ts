import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { orgs } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, type FieldIssue } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { isUniqueViolation } from '../members/unique-violation.ts';
import { checkOrgAttributes, checkParentKind, normalizeTemporary } from './check-org.ts';
import { auditState, loadOrgInScope } from './load-org.ts';
import { recordHistory } from './org-history.ts';
import type { CreateOrgInput } from './schema.ts';

export const codeTaken = (code: string) =>
  badInput([{ field: 'body.code', reason: `编码 ${code} 已被使用 / the code ${code} is already in use` }]);

/**
 * A new college, branch or group under a parent in the actor's write scope (a parent outside it
 * is a 404, as if it did not exist). The parent must already exist and not be dissolved on the
 * day the new org begins.
 */
export async function createOrg(tx: Tx, options: { input: CreateOrgInput; actor: Actor }) {
  const { input, actor } = options;
  const parent = await loadOrgInScope(tx, actor, 'write', input.parentId);
  const attrs = {
    kind: input.kind,
    subkind: input.subkind ?? null,
    branchCategory: input.branchCategory ?? null,
    jointUnits: input.jointUnits ?? [],
    temporary: normalizeTemporary(input.temporary),
  };
  const issues: FieldIssue[] = [...checkParentKind(input.kind, parent.kind), ...checkOrgAttributes(attrs)];
  if (parent.validTo)
    issues.push({ field: 'body.parentId', reason: '上级党组织已撤销 / the parent has been dissolved' });
  else if (input.validFrom < parent.validFrom)
    issues.push({
      field: 'body.validFrom',
      reason: `不能早于上级党组织的成立日期 ${parent.validFrom} / cannot precede the parent's start, ${parent.validFrom}`,
    });
  if (issues.length) throw badInput(issues);
  const [taken] = await tx
    .select({ id: orgs.id })
    .from(orgs)
    .where(and(eq(orgs.tenantId, parent.tenantId), eq(orgs.code, input.code)));
  if (taken) throw codeTaken(input.code);

  const id = crypto.randomUUID();
  let org: typeof orgs.$inferSelect;
  try {
    [org] = await tx
      .insert(orgs)
      .values({
        tenantId: parent.tenantId,
        id,
        code: input.code,
        name: input.name,
        parentId: parent.id,
        path: `${parent.path}${id}/`,
        depth: parent.depth + 1,
        validFrom: input.validFrom,
        ...attrs,
      })
      .returning();
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken(input.code);
    throw error;
  }
  await recordHistory(tx, org, 'create', input.validFrom);
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'org',
    entityId: org.id,
    tenantId: org.tenantId,
    orgPath: org.path,
    after: auditState(org),
  });
  return org;
}
