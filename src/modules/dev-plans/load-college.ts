import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connect.ts';
import { collegeLevelSql } from '../../db/facts/funds.ts';
import { orgs } from '../../db/schema.ts';
import { badInput, forbidden, notFound } from '../../server/errors.ts';
import { type Access, type Actor, orgInScope, pathInScope } from '../../server/scope.ts';

export type CollegeRow = { id: string; tenantId: string; code: string; name: string; path: string; kind: string };

/**
 * A college-level organization (二级党组织) the actor may read — else a 404 — and, for a write, may
 * change: a college admin their college, the organization department every one (else a 403).
 * `field` names the request field when the org is not college-level.
 */
export async function loadCollege(
  db: Db | Tx,
  options: { actor: Actor; access: Access; orgId: string; field?: string },
): Promise<CollegeRow> {
  const { actor, access, orgId } = options;
  const [org] = await db
    .select({
      id: orgs.id,
      tenantId: orgs.tenantId,
      code: orgs.code,
      name: orgs.name,
      path: orgs.path,
      kind: orgs.kind,
      collegeLevel: sql<boolean>`${collegeLevelSql('orgs')}`,
    })
    .from(orgs)
    .where(and(eq(orgs.id, orgId), orgInScope(actor, 'read', orgs.tenantId, orgs.path)));
  if (!org) throw notFound({ zh: '组织', en: 'organization' });
  if (access === 'write' && !pathInScope(actor, 'write', org.tenantId, org.path)) throw forbidden();
  if (!org.collegeLevel)
    throw badInput([
      {
        field: options.field ?? 'orgId',
        reason:
          '发展计划、积极分子队伍分析按二级党组织进行 / plans and pool analyses belong to a college-level organization',
      },
    ]);
  const { collegeLevel: _, ...row } = org;
  return row;
}
