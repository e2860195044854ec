import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { accounts, grants } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { conflict } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { commonPath } from './account-scope.ts';
import type { ResolvedGrant } from './resolve-grant.ts';

export type CreateAccountOptions = {
  username: string;
  displayName: string;
  tenantId: string | null;
  personId: string | null;
  grants: ResolvedGrant[];
  /** argon2id hash of the generated (or, from the CLI, chosen) password. */
  passwordHash: string;
  actor: Pick<Actor, 'accountId' | 'displayName'>;
};

const usernameTaken = (username: string) =>
  conflict({ zh: `用户名“${username}”已被使用`, en: `The username "${username}" is taken` }, [
    { field: 'body.username', reason: 'taken' },
  ]);

/** Creates an account with its grants; the API and `zhibu admin create` both come here. */
export async function createAccount(tx: Tx, options: CreateAccountOptions) {
  const [existing] = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(sql`lower(${accounts.username}) = ${options.username.toLowerCase()}`);
  if (existing) throw usernameTaken(options.username);
  let account: typeof accounts.$inferSelect;
  try {
    [account] = await tx
      .insert(accounts)
      .values({
        username: options.username,
        displayName: options.displayName,
        passwordHash: options.passwordHash,
        tenantId: options.tenantId,
        personId: options.personId,
      })
      .returning();
  } catch (error) {
    // Two creations racing for one name: the unique index decides.
    if (isUniqueViolation(error)) throw usernameTaken(options.username);
    throw error;
  }
  const rows = options.grants.length
    ? await tx
        .insert(grants)
        .values(
          options.grants.map((g) => ({
            accountId: account.id,
            role: g.role,
            tenantId: g.tenantId,
            orgId: g.orgId,
            oversightBodyId: g.oversightBodyId,
          })),
        )
        .returning()
    : [];
  await recordAudit(tx, options.actor, {
    action: 'create',
    entity: 'account',
    entityId: account.id,
    tenantId: account.tenantId,
    orgPath: commonPath(options.grants.map((g) => g.orgPath)),
    after: {
      username: account.username,
      displayName: account.displayName,
      personId: account.personId,
      grants: rows.map((g) => ({ role: g.role, orgId: g.orgId, oversightBodyId: g.oversightBodyId })),
    },
  });
  return { account, grants: rows };
}

export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: string }).code === '23505') return true;
  }
  return false;
}
