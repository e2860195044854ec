import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { people } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, stale } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { orgPathOf } from './check-membership.ts';
import { codeInUse, codeTaken, personColumns } from './create-person.ts';
import { loadCurrentMembership, loadPersonInScope } from './load-person.ts';
import type { PersonPatch } from './schema.ts';
import { isUniqueViolation } from './unique-violation.ts';

/** Changes a person's own fields (not their membership), guarded by the version the caller read. */
export async function updatePerson(tx: Tx, options: { personId: string; patch: PersonPatch; actor: Actor }) {
  const { actor, patch } = options;
  const before = await loadPersonInScope(tx, actor, 'write', options.personId);
  const { version, ...fields } = patch;
  if (
    fields.code !== undefined &&
    fields.code !== before.code &&
    (await codeInUse(tx, before.tenantId, fields.code, before.id))
  )
    throw badInput([{ field: 'body.code', reason: codeTaken }]);
  const [after] = await tx
    .update(people)
    .set({ ...personColumns(fields), version: sql`${people.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(people.tenantId, before.tenantId), eq(people.id, before.id), eq(people.version, version)))
    .returning()
    .catch((error) => {
      if (isUniqueViolation(error)) throw badInput([{ field: 'body.code', reason: codeTaken }]);
      throw error;
    });
  if (!after) throw stale();
  const current = await loadCurrentMembership(tx, before.tenantId, before.id);
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'person',
    entityId: before.id,
    tenantId: before.tenantId,
    orgPath: await orgPathOf(tx, before.tenantId, current?.orgId ?? null),
    before,
    after,
  });
  return after;
}
