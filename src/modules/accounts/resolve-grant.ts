/**
 * Turns a requested grant into a checked one: the org exists in the granter's write scope (else
 * 404), fits the role (a college admin on a college…), is not dissolved, and the policy lets the
 * granter hand out that role there (else 403).
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { orgs, oversightBodies } from '../../db/schema.ts';
import { AppError, badInput, notFound } from '../../server/errors.ts';
import { type Actor, orgInScope, type Role } from '../../server/scope.ts';
import { isOrgBound, mayGrant, orgKindOfRole } from './policy.ts';
import type { GrantInput } from './schema.ts';

export type ResolvedGrant = {
  role: Role;
  tenantId: string | null;
  orgId: string | null;
  orgPath: string | null;
  oversightBodyId: string | null;
};

const notGrantable = (role: Role) =>
  new AppError('FORBIDDEN', {
    zh: `您无权授予该角色（${role}）`,
    en: `You may not grant the role ${role} here`,
  });

export async function resolveGrant(
  tx: Tx,
  options: { input: GrantInput; field: string; today: string; actor: Actor },
): Promise<ResolvedGrant> {
  const { input, field, actor } = options;
  const role = input.role;
  if (isOrgBound(role)) {
    if (!input.orgId)
      throw badInput([{ field: `${field}.orgId`, reason: '该角色须指定组织 / required for this role' }]);
    if (input.oversightBodyId)
      throw badInput([{ field: `${field}.oversightBodyId`, reason: '该角色不设工委 / not allowed for this role' }]);
    const [org] = await tx
      .select()
      .from(orgs)
      .where(and(eq(orgs.id, input.orgId), orgInScope(actor, 'write', orgs.tenantId, orgs.path)));
    if (!org) throw notFound({ zh: '组织', en: 'org' });
    if (org.kind !== orgKindOfRole[role])
      throw badInput([
        {
          field: `${field}.orgId`,
          reason: `该角色须授予在${kindNames[orgKindOfRole[role] as string]}上 / ${role} is granted on a ${orgKindOfRole[role]}`,
        },
      ]);
    if (org.validTo !== null && org.validTo <= options.today)
      throw badInput([{ field: `${field}.orgId`, reason: '组织已撤销 / the org is dissolved' }]);
    if (!mayGrant(actor, role, org)) throw notGrantable(role);
    return { role, tenantId: org.tenantId, orgId: org.id, orgPath: org.path, oversightBodyId: null };
  }
  if (!mayGrant(actor, role, null)) throw notGrantable(role);
  if (input.orgId) throw badInput([{ field: `${field}.orgId`, reason: '该角色不设组织 / not allowed for this role' }]);
  if (role === 'platformAdmin') {
    if (input.oversightBodyId)
      throw badInput([{ field: `${field}.oversightBodyId`, reason: '该角色不设工委 / not allowed for this role' }]);
    return { role, tenantId: null, orgId: null, orgPath: null, oversightBodyId: null };
  }
  if (!input.oversightBodyId)
    throw badInput([{ field: `${field}.oversightBodyId`, reason: '须指定工委 / required for this role' }]);
  const [body] = await tx.select().from(oversightBodies).where(eq(oversightBodies.id, input.oversightBodyId));
  if (!body) throw notFound({ zh: '工委', en: 'oversight body' });
  return { role, tenantId: null, orgId: null, orgPath: null, oversightBodyId: body.id };
}

const kindNames: Record<string, string> = { university: '学校', college: '二级党组织', branch: '党支部' };

export const sameGrant = (a: ResolvedGrant, b: ResolvedGrant) =>
  a.role === b.role && a.orgId === b.orgId && a.oversightBodyId === b.oversightBodyId;
