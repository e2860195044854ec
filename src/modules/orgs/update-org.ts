import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { orgs } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, stale } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { checkOrgAttributes, normalizeTemporary } from './check-org.ts';
import { guardChange } from './guard-org.ts';
import { auditState, loadOrgInScope } from './load-org.ts';
import { checkEffectiveOn, recordHistory } from './org-history.ts';
import type { UpdateOrgInput } from './schema.ts';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Renames an org or changes its attributes from `effectiveOn`. A change of the name alone is
 * recorded as a rename, anything else as an update; sending nothing new is bad input.
 */
export async function updateOrg(tx: Tx, options: { orgId: string; input: UpdateOrgInput; actor: Actor }) {
  const { input, actor } = options;
  const org = await loadOrgInScope(tx, actor, 'write', options.orgId);
  guardChange(org, input.version);
  const next = {
    name: input.name ?? org.name,
    subkind: input.subkind !== undefined ? input.subkind : org.subkind,
    branchCategory: input.branchCategory !== undefined ? input.branchCategory : org.branchCategory,
    jointUnits: input.jointUnits ?? org.jointUnits,
    temporary: input.temporary !== undefined ? normalizeTemporary(input.temporary) : org.temporary,
  };
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => !same(next[k], org[k]));
  const issues = checkOrgAttributes({
    kind: org.kind,
    ...next,
    temporary: next.temporary as Parameters<typeof checkOrgAttributes>[0]['temporary'],
  });
  if (issues.length) throw badInput(issues);
  if (changed.length === 0) throw badInput([{ field: 'body', reason: '没有任何变化 / nothing changes' }]);
  await checkEffectiveOn(tx, org, input.effectiveOn);

  const [updated] = await tx
    .update(orgs)
    .set({ ...next, version: sql`${orgs.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(orgs.tenantId, org.tenantId), eq(orgs.id, org.id), eq(orgs.version, input.version)))
    .returning();
  if (!updated) throw stale();
  const change = changed.length === 1 && changed[0] === 'name' ? 'rename' : 'update';
  await recordHistory(tx, updated, change, input.effectiveOn);
  await recordAudit(tx, actor, {
    action: change,
    entity: 'org',
    entityId: org.id,
    tenantId: org.tenantId,
    orgPath: org.path,
    before: auditState(org),
    after: { ...auditState(updated), effectiveOn: input.effectiveOn },
  });
  return updated;
}
