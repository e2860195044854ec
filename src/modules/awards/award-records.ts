import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { people } from '../../db/schema.ts';
import { notFound } from '../../server/errors.ts';
import { type Actor, personInScope } from '../../server/scope.ts';
import { loadReadableOrg, selectAwards } from './load-award.ts';

/** The commendations decided for a person the actor may read (their record of honours). */
export async function personAwards(tx: Tx, options: { actor: Actor; personId: string }) {
  const { actor, personId } = options;
  const [person] = await tx
    .select({ id: people.id, tenantId: people.tenantId })
    .from(people)
    .where(and(eq(people.id, personId), personInScope(actor, 'read', people.tenantId, people.id)));
  if (!person) throw notFound({ zh: '人员', en: 'person' });
  return selectAwards(
    tx,
    sql`a.tenant_id = ${person.tenantId} and a.person_id = ${person.id} and a.status = 'decided'`,
  );
}

/** The commendations decided for an org the actor may read. */
export async function orgAwards(tx: Tx, options: { actor: Actor; orgId: string }) {
  const org = await loadReadableOrg(tx, options.actor, options.orgId);
  return selectAwards(tx, sql`a.tenant_id = ${org.tenantId} and a.org_id = ${org.id} and a.status = 'decided'`);
}
