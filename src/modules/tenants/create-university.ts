import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { orgHistory, orgs, tenants } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import type { Actor } from '../../server/scope.ts';

export type CreateUniversityOptions = {
  code: string;
  name: string;
  /** The day the university committee's records start (its root org's validity). */
  validFrom: string;
  standardSets?: string[];
  oversightBodyId?: string | null;
  actor: Pick<Actor, 'accountId' | 'displayName'>;
};

/**
 * A university is a tenant and the root org of its own tree; both share one id, so the root's
 * path is `/<tenantId>/`.
 */
export async function createUniversity(tx: Tx, options: CreateUniversityOptions) {
  const [tenant] = await tx
    .insert(tenants)
    .values({
      code: options.code,
      name: options.name,
      standardSets: options.standardSets ?? [],
      oversightBodyId: options.oversightBodyId ?? null,
    })
    .returning();
  const root = {
    tenantId: tenant.id,
    id: tenant.id,
    code: options.code,
    kind: 'university',
    name: options.name,
    parentId: null,
    path: `/${tenant.id}/`,
    depth: 0,
    validFrom: options.validFrom,
  };
  await tx.insert(orgs).values(root);
  await tx.insert(orgHistory).values({
    tenantId: tenant.id,
    orgId: tenant.id,
    change: 'create',
    name: options.name,
    parentId: null,
    kind: 'university',
    validFrom: options.validFrom,
  });
  await recordAudit(tx, options.actor, {
    action: 'create',
    entity: 'university',
    entityId: tenant.id,
    tenantId: tenant.id,
    orgPath: root.path,
    after: { code: options.code, name: options.name, standardSets: tenant.standardSets },
  });
  return { tenant, rootPath: root.path };
}

export const rootPathOf = (tenantId: string) => `/${tenantId}/`;
// Used by raw SQL that must agree with rootPathOf.
export const rootPathSql = (tenantId: string) => sql`'/' || ${tenantId}::text || '/'`;
