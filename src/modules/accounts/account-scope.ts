/**
 * Which accounts an actor reaches, and which of those it may change. An account is in scope when
 * every one of its grants lies in the actor's write areas (so a college admin never sees the
 * university's org-department admins); an account without grants belongs to whoever holds its
 * university. Changing an account needs more: the actor must be able to grant each of its roles,
 * so nobody resets the password of a peer or a superior.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { accounts, grants, orgs } from '../../db/schema.ts';
import { AppError, notFound } from '../../server/errors.ts';
import { type Actor, holdsTenantRoot, orgInScope, type Role } from '../../server/scope.ts';
import { mayGrant } from './policy.ts';

export function accountInScope(actor: Actor): SQL {
  if (actor.all) return sql`true`;
  const hasGrant = sql`exists (select 1 from grants g where g.account_id = ${accounts.id})`;
  const everyGrantInScope = sql`not exists (select 1 from grants g
    left join orgs o on o.tenant_id = g.tenant_id and o.id = g.org_id
    where g.account_id = ${accounts.id}
    and not coalesce(${orgInScope(actor, 'write', sql`o.tenant_id`, sql`o.path`)}, false))`;
  const roots = actor.writeAreas.filter((a) => a.path === `/${a.tenantId}/`).map((a) => a.tenantId);
  const grantless = roots.length
    ? sql`(not ${hasGrant} and ${accounts.tenantId} in (${sql.join(
        roots.map((t) => sql`${t}::uuid`),
        sql`, `,
      )}))`
    : sql`false`;
  return sql`((${hasGrant} and ${everyGrantInScope}) or ${grantless})`;
}

export const accountLabel = { zh: '账号', en: 'account' };

export type ScopedGrant = {
  id: string;
  role: Role;
  tenantId: string | null;
  orgId: string | null;
  orgPath: string | null;
  oversightBodyId: string | null;
};

/** The account with its grants, or a 404 when it lies outside the actor's scope. */
export async function loadAccountInScope(tx: Tx, actor: Actor, id: string) {
  const [account] = await tx
    .select()
    .from(accounts)
    .where(and(eq(accounts.id, id), accountInScope(actor)));
  if (!account) throw notFound(accountLabel);
  const rows = await tx
    .select({
      id: grants.id,
      role: grants.role,
      tenantId: grants.tenantId,
      orgId: grants.orgId,
      orgPath: orgs.path,
      oversightBodyId: grants.oversightBodyId,
    })
    .from(grants)
    .leftJoin(orgs, and(eq(orgs.tenantId, grants.tenantId), eq(orgs.id, grants.orgId)))
    .where(eq(grants.accountId, id));
  return { account, grants: rows.map((r) => ({ ...r, role: r.role as Role })) as ScopedGrant[] };
}

/** 403 unless the actor could have granted every role the account holds (and it is not the actor's own). */
export function assertMayManage(
  actor: Actor,
  target: { account: { id: string; tenantId: string | null }; grants: ScopedGrant[] },
) {
  if (target.account.id === actor.accountId)
    throw new AppError('FORBIDDEN', {
      zh: '不能在账号管理中修改自己的账号，请使用“我的账号”',
      en: 'You cannot manage your own account here; use your account page',
    });
  const allowed =
    target.grants.length === 0
      ? target.account.tenantId !== null && holdsTenantRoot(actor, 'write', target.account.tenantId)
      : target.grants.every((g) =>
          mayGrant(actor, g.role, g.tenantId && g.orgPath ? { tenantId: g.tenantId, path: g.orgPath } : null),
        );
  if (!allowed)
    throw new AppError('FORBIDDEN', {
      zh: '该账号的权限高于您可授予的范围，无权修改',
      en: 'This account holds roles you cannot grant; you may not change it',
    });
}

/**
 * The deepest org path that contains all the given paths: audit entries about an account are
 * filed there, so whoever sees all its grants sees its trail.
 */
export function commonPath(paths: (string | null)[]): string | null {
  if (paths.length === 0 || paths.some((p) => p === null)) return null;
  const split = (paths as string[]).map((p) => p.split('/').filter(Boolean));
  const common: string[] = [];
  for (let i = 0; i < split[0].length; i++) {
    const part = split[0][i];
    if (!split.every((s) => s[i] === part)) break;
    common.push(part);
  }
  return common.length ? `/${common.join('/')}/` : null;
}
