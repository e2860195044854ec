import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { orgs } from '../../db/schema.ts';
import { notFound } from '../../server/errors.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';

/** The org if the actor may read it, else 404 (the same answer as for an org that does not exist). */
export async function loadReadableOrg(tx: Tx, actor: Actor, orgId: string) {
  const [org] = await tx
    .select()
    .from(orgs)
    .where(and(eq(orgs.id, orgId), orgInScope(actor, 'read', orgs.tenantId, orgs.path)));
  if (!org) throw notFound({ zh: '党组织', en: 'organization' });
  return org;
}

const likePrefix = (prefix: string) => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** `o` lies in the subtree of this org. */
export const inSubtree = (org: { tenantId: string; path: string }) => ({
  tenantId: org.tenantId,
  like: likePrefix(org.path),
});
