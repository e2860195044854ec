import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { people } from '../../db/schema.ts';
import { badInput } from '../../server/errors.ts';
import { type Actor, personInScope } from '../../server/scope.ts';

/**
 * The attendees a session may credit: people of the session's university whom the actor may write
 * for. Any other id is a 400 naming `attendees`, checked in one query for the whole list.
 */
export async function checkAttendees(tx: Tx, actor: Actor, tenantId: string, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const found = await tx
    .select({ id: people.id })
    .from(people)
    .where(
      and(
        eq(people.tenantId, tenantId),
        inArray(people.id, unique),
        personInScope(actor, 'write', people.tenantId, people.id),
      ),
    );
  const known = new Set(found.map((p) => p.id));
  const unknown = unique.filter((id) => !known.has(id));
  if (unknown.length)
    throw badInput(
      unknown.map((id) => ({
        field: 'attendees',
        reason: `人员 ${id} 不存在或不在您的管理范围内 / person ${id} is unknown or outside your scope`,
      })),
    );
  return unique;
}
