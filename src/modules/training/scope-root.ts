import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connect.ts';
import { orgs } from '../../db/schema.ts';
import { notFound } from '../../server/errors.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';

/**
 * The org a view is about: the one asked for if the actor may read it (else a 404), or the root of
 * the actor's first read area.
 */
export async function viewRoot(db: Db | Tx, actor: Actor, orgId: string | undefined) {
  const id = orgId ?? actor.readAreas[0]?.path.split('/').filter(Boolean).at(-1);
  if (!id) throw notFound({ zh: '组织', en: 'organization' });
  const [org] = await db
    .select({ id: orgs.id, tenantId: orgs.tenantId, path: orgs.path, name: orgs.name })
    .from(orgs)
    .where(and(eq(orgs.id, id), orgInScope(actor, 'read', orgs.tenantId, orgs.path)));
  if (!org) throw notFound({ zh: '组织', en: 'organization' });
  return org;
}
