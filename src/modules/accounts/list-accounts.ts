import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { accounts, grants, orgs, oversightBodies, people } from '../../db/schema.ts';
import type { Actor } from '../../server/scope.ts';
import { accountInScope } from './account-scope.ts';
import type { AccountView } from './schema.ts';

/** Accounts in the actor's scope with their grants, by username; never the password hash. */
export async function listAccounts(tx: Tx, options: { actor: Actor; q?: string; id?: string }): Promise<AccountView[]> {
  const filters: SQL[] = [accountInScope(options.actor)];
  if (options.id) filters.push(eq(accounts.id, options.id));
  if (options.q) {
    const like = `%${options.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(sql`(${accounts.username} ilike ${like} or ${accounts.displayName} ilike ${like})`);
  }
  const rows = await tx
    .select({
      id: accounts.id,
      username: accounts.username,
      displayName: accounts.displayName,
      tenantId: accounts.tenantId,
      personId: accounts.personId,
      personName: people.name,
      locale: accounts.locale,
      disabled: accounts.disabled,
      version: accounts.version,
      createdAt: accounts.createdAt,
      passwordChangedAt: accounts.passwordChangedAt,
    })
    .from(accounts)
    .leftJoin(people, and(eq(people.tenantId, accounts.tenantId), eq(people.id, accounts.personId)))
    .where(and(...filters))
    .orderBy(asc(accounts.username));
  if (rows.length === 0) return [];
  const grantRows = await tx
    .select({
      id: grants.id,
      accountId: grants.accountId,
      role: grants.role,
      tenantId: grants.tenantId,
      orgId: grants.orgId,
      orgName: orgs.name,
      oversightBodyId: grants.oversightBodyId,
      oversightBodyName: oversightBodies.name,
    })
    .from(grants)
    .leftJoin(orgs, and(eq(orgs.tenantId, grants.tenantId), eq(orgs.id, grants.orgId)))
    .leftJoin(oversightBodies, eq(oversightBodies.id, grants.oversightBodyId))
    .where(
      inArray(
        grants.accountId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(grants.createdAt), asc(grants.id));
  return rows.map((r) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    passwordChangedAt: r.passwordChangedAt ? r.passwordChangedAt.toISOString() : null,
    grants: grantRows.filter((g) => g.accountId === r.id).map(({ accountId: _, ...g }) => g),
  }));
}
