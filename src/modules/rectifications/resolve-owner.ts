/** The owner (责任人) of an item: a person in the actor's scope, whose name is used, or a name typed in. */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { people } from '../../db/schema.ts';
import { badInput } from '../../server/errors.ts';
import { type Actor, personInScope } from '../../server/scope.ts';

export async function resolveOwner(
  tx: Tx,
  actor: Actor,
  tenantId: string,
  input: { ownerId?: string | null; ownerName?: string },
): Promise<{ ownerId: string | null; ownerName: string } | null> {
  if (input.ownerId) {
    const [person] = await tx
      .select({ id: people.id, name: people.name })
      .from(people)
      .where(
        and(
          eq(people.tenantId, tenantId),
          eq(people.id, input.ownerId),
          personInScope(actor, 'read', people.tenantId, people.id),
        ),
      );
    if (!person)
      throw badInput([{ field: 'body.ownerId', reason: '责任人不存在或不在范围内 / owner not found in scope' }]);
    return { ownerId: person.id, ownerName: person.name };
  }
  if (input.ownerName) return { ownerId: null, ownerName: input.ownerName };
  return null;
}
