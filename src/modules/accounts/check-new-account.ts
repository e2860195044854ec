/**
 * The checks of a new account's grants and linked person, before anything is written: every grant
 * resolved against the granter's scope, all in one university, a person for a member grant.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { people } from '../../db/schema.ts';
import { badInput, forbidden, notFound } from '../../server/errors.ts';
import { type Actor, personInScope } from '../../server/scope.ts';
import { grantsAnything } from './policy.ts';
import { type ResolvedGrant, resolveGrant, sameGrant } from './resolve-grant.ts';
import type { GrantInput } from './schema.ts';

export async function checkNewAccount(
  tx: Tx,
  options: { grants: GrantInput[]; personId: string | null; today: string; actor: Actor },
): Promise<{ grants: ResolvedGrant[]; tenantId: string | null; personId: string | null }> {
  const { actor } = options;
  if (!grantsAnything(actor)) throw forbidden();
  const resolved: ResolvedGrant[] = [];
  for (const [i, input] of options.grants.entries()) {
    const grant = await resolveGrant(tx, { input, field: `body.grants.${i}`, today: options.today, actor });
    if (resolved.some((r) => sameGrant(r, grant)))
      throw badInput([{ field: `body.grants.${i}`, reason: '重复的授权 / duplicate grant' }]);
    resolved.push(grant);
  }
  const tenants = [...new Set(resolved.map((g) => g.tenantId).filter((t): t is string => t !== null))];
  if (tenants.length > 1)
    throw badInput([{ field: 'body.grants', reason: '授权须在同一所学校内 / grants must lie in one university' }]);
  const tenantId = tenants[0] ?? null;
  const personId = await checkPerson(tx, actor, tenantId, options.personId, 'body.personId');
  if (resolved.some((g) => g.role === 'member') && !personId)
    throw badInput([{ field: 'body.personId', reason: '党员账号须关联人员 / a member account needs a person' }]);
  return { grants: resolved, tenantId, personId };
}

/** A linked person must belong to the account's university and lie in the actor's write scope. */
export async function checkPerson(
  tx: Tx,
  actor: Actor,
  tenantId: string | null,
  personId: string | null,
  field: string,
): Promise<string | null> {
  if (!personId) return null;
  if (!tenantId)
    throw badInput([{ field, reason: '只有学校内的账号可关联人员 / only university accounts link a person' }]);
  const [person] = await tx
    .select({ id: people.id })
    .from(people)
    .where(
      and(
        eq(people.tenantId, tenantId),
        eq(people.id, personId),
        personInScope(actor, 'write', people.tenantId, people.id),
      ),
    );
  if (!person) throw notFound({ zh: '人员', en: 'person' });
  return person.id;
}
