import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.ts';
import { accounts, grants, orgs, sessions, tenants } from '../../db/schema.ts';
import { type Actor, buildActor, type Grant, type Role } from '../../server/scope.ts';

export const SESSION_COOKIE = 'zhibu_sid';
/** Idle sessions end after this long; each request slides the expiry. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export async function createSession(db: Db, accountId: string, now: Date) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.insert(sessions).values({
    tokenHash: sha256(token),
    accountId,
    csrfToken,
    expiresAt: new Date(now.getTime() + SESSION_IDLE_MS),
  });
  // Expired sessions are swept on login rather than by a job: cheap and always current.
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
  return { token, csrfToken };
}

export async function destroySession(db: Db, token: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
}

export async function destroyOtherSessions(db: Db, accountId: string, keepToken: string) {
  await db
    .delete(sessions)
    .where(and(eq(sessions.accountId, accountId), sql`${sessions.tokenHash} <> ${sha256(keepToken)}`));
}

/** Loads the session's account and grants, and slides the expiry. */
export async function loadSession(
  db: Db,
  token: string,
  now: Date,
): Promise<{ actor: Actor; csrfToken: string } | null> {
  const tokenHash = sha256(token);
  const [row] = await db
    .select({ accountId: sessions.accountId, csrfToken: sessions.csrfToken, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), eq(accounts.disabled, false)));
  if (!row) return null;
  // Write the slide at most once a minute: reads stay reads.
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_IDLE_MS) })
      .where(eq(sessions.tokenHash, tokenHash));
  }
  const actor = await loadActor(db, row.accountId);
  return actor ? { actor, csrfToken: row.csrfToken } : null;
}

export async function loadActor(db: Db, accountId: string): Promise<Actor | null> {
  const [account] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  if (!account) return null;
  const rows = await db
    .select({
      role: grants.role,
      tenantId: grants.tenantId,
      orgId: grants.orgId,
      orgPath: orgs.path,
      oversightBodyId: grants.oversightBodyId,
    })
    .from(grants)
    .leftJoin(orgs, and(eq(orgs.tenantId, grants.tenantId), eq(orgs.id, grants.orgId)))
    .where(eq(grants.accountId, accountId));
  const grantList: Grant[] = rows.map((r) => ({ ...r, role: r.role as Role }));
  const bodies = grantList.filter((g) => g.role === 'oversightViewer' && g.oversightBodyId);
  const overseen = bodies.length
    ? await db
        .select({ tenantId: tenants.id })
        .from(tenants)
        .where(
          sql`${tenants.oversightBodyId} in (${sql.join(
            bodies.map((b) => sql`${b.oversightBodyId}::uuid`),
            sql`, `,
          )})`,
        )
    : [];
  return buildActor(
    {
      accountId: account.id,
      username: account.username,
      displayName: account.displayName,
      locale: account.locale === 'en-US' ? 'en-US' : 'zh-CN',
      tenantId: account.tenantId,
      personId: account.personId,
      grants: grantList,
    },
    overseen.map((t) => ({ tenantId: t.tenantId, rootPath: `/${t.tenantId}/` })),
  );
}
