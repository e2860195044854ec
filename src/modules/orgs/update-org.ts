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
import type { TemporaryInput, UpdateOrgInput } from './schema.ts';

/** Values compared by content: jsonb hands keys back in its own order, so objects are compared key by key. */
const canonical = (value: unknown): string =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? `{${Object.keys(value)
        .sort()
        .map((k) => `${k}:${canonical((value as Record<string, unknown>)[k])}`)
        .join(',')}}`
    : JSON.stringify(value ?? null);
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

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
    temporary: normalizeTemporary(
      input.temporary !== undefined ? input.temporary : (org.temporary as TemporaryInput | null),
    ),
  };
  const current = { ...org, temporary: normalizeTemporary(org.temporary as TemporaryInput | null) };
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => !same(next[k], current[k]));
  // Only what this request changes is judged: an imported record with a gap can still be renamed.
  const issues = checkOrgAttributes({ kind: org.kind, ...next }).filter((i) =>
    changed.some((k) => i.field === `body.${k}` || i.field.startsWith(`body.${k}.`)),
  );
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
