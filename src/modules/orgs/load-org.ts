import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { orgs } from '../../db/schema.ts';
import { notFound } from '../../server/errors.ts';
import { type Access, type Actor, orgInScope } from '../../server/scope.ts';
import type { OrgView } from './schema.ts';

export type OrgRow = typeof orgs.$inferSelect;

export const orgNotFound = () => notFound({ zh: '党组织', en: 'organization' });

/**
 * The org if the actor reaches it with this access, else a 404 — the same answer as for an id
 * that does not exist, so scope never admits what lies outside it.
 */
export async function loadOrgInScope(tx: Tx, actor: Actor, access: Access, orgId: string): Promise<OrgRow> {
  const [org] = await tx
    .select()
    .from(orgs)
    .where(and(eq(orgs.id, orgId), orgInScope(actor, access, orgs.tenantId, orgs.path)));
  if (!org) throw orgNotFound();
  return org;
}

export const presentOrg = (org: OrgRow): OrgView => ({
  id: org.id,
  tenantId: org.tenantId,
  code: org.code,
  name: org.name,
  kind: org.kind,
  subkind: org.subkind,
  branchCategory: org.branchCategory,
  parentId: org.parentId,
  path: org.path,
  depth: org.depth,
  jointUnits: org.jointUnits,
  temporary: (org.temporary ?? null) as OrgView['temporary'],
  validFrom: org.validFrom,
  validTo: org.validTo,
  version: org.version,
});

/** The state of an org that its history records, for audit before/after. */
export const auditState = (org: OrgRow) => ({
  code: org.code,
  name: org.name,
  kind: org.kind,
  subkind: org.subkind,
  branchCategory: org.branchCategory,
  parentId: org.parentId,
  path: org.path,
  jointUnits: org.jointUnits,
  temporary: org.temporary,
  validFrom: org.validFrom,
  validTo: org.validTo,
  version: org.version,
});
