import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { accounts } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import type { App, AppContext } from '../../server/context.ts';
import { requireActor } from '../../server/context.ts';
import { AppError, badInput } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { hashPassword, passwordWeakness, verifyPassword } from './passwords.ts';
import {
  createSession,
  destroyOtherSessions,
  destroySession,
  loadActor,
  SESSION_COOKIE,
  SESSION_IDLE_MS,
} from './sessions.ts';
import { clearFailures, lockedUntil, recordFailure } from './throttle.ts';

const grantView = z.object({
  role: z.string(),
  tenantId: z.string().nullable(),
  orgId: z.string().nullable(),
  oversightBodyId: z.string().nullable(),
});
export const sessionView = z.object({
  account: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    locale: z.enum(['zh-CN', 'en-US']),
    tenantId: z.string().nullable(),
    personId: z.string().nullable(),
    grants: z.array(grantView),
  }),
  csrfToken: z.string(),
});

const present = (actor: Actor, csrfToken: string) => ({
  account: {
    id: actor.accountId,
    username: actor.username,
    displayName: actor.displayName,
    locale: actor.locale,
    tenantId: actor.tenantId,
    personId: actor.personId,
    grants: actor.grants.map(({ role, tenantId, orgId, oversightBodyId }) => ({
      role,
      tenantId,
      orgId,
      oversightBodyId,
    })),
  },
  csrfToken,
});

// A hash to verify against when the username is unknown, so timing does not reveal accounts.
const decoyHash = hashPassword('decoy-password-0');

export default async function authRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

  app.post(
    '/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: '登录 Sign in',
        body: z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }),
        response: { 200: sessionView },
      },
    },
    async (req, reply) => {
      const now = ctx.now();
      const userKey = `user:${req.body.username.toLowerCase()}`;
      const ipKey = `ip:${req.ip}`;
      const locked = (await lockedUntil(db, userKey, now)) ?? (await lockedUntil(db, ipKey, now));
      if (locked) {
        const minutes = Math.ceil((locked.getTime() - now.getTime()) / 60_000);
        throw new AppError(
          'THROTTLED',
          {
            zh: `登录失败次数过多，请${minutes}分钟后再试`,
            en: `Too many failed sign-ins; try again in ${minutes} minutes`,
          },
          { retryAfterMinutes: minutes },
        );
      }
      const [account] = await db
        .select()
        .from(accounts)
        .where(sql`lower(${accounts.username}) = ${req.body.username.toLowerCase()}`);
      const ok = account
        ? !account.disabled && (await verifyPassword(account.passwordHash, req.body.password))
        : (await verifyPassword(await decoyHash, req.body.password)) && false;
      if (!account || !ok) {
        await recordFailure(db, userKey, now);
        await recordFailure(db, ipKey, now, 50);
        throw new AppError('UNAUTHENTICATED', {
          zh: '用户名或密码错误',
          en: 'Wrong username or password',
        });
      }
      await clearFailures(db, userKey);
      const { token, csrfToken } = await createSession(db, account.id, now);
      const actor = await loadActor(db, account.id);
      await recordAudit(
        db,
        { accountId: account.id, displayName: account.displayName },
        {
          action: 'login',
          entity: 'account',
          entityId: account.id,
          tenantId: account.tenantId,
        },
      );
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: process.env.COOKIE_SECURE === '1',
        maxAge: SESSION_IDLE_MS / 1000,
      });
      return present(actor as Actor, csrfToken);
    },
  );

  app.post('/auth/logout', { schema: { tags: ['auth'], summary: '退出 Sign out' } }, async (req, reply) => {
    if (req.sessionToken) await destroySession(db, req.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get(
    '/auth/session',
    { schema: { tags: ['auth'], summary: '当前会话 Current session', response: { 200: sessionView } } },
    async (req) => present(requireActor(req), req.csrfToken as string),
  );

  app.post(
    '/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: '修改密码 Change password',
        body: z.object({ currentPassword: z.string().min(1), newPassword: z.string().min(1).max(200) }),
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const weakness = passwordWeakness(req.body.newPassword);
      if (weakness) throw badInput([{ field: 'body.newPassword', reason: weakness.zh }]);
      const [account] = await db.select().from(accounts).where(eq(accounts.id, actor.accountId));
      if (!(await verifyPassword(account.passwordHash, req.body.currentPassword)))
        throw badInput([{ field: 'body.currentPassword', reason: '当前密码不正确 / wrong current password' }]);
      const passwordHash = await hashPassword(req.body.newPassword);
      await db.transaction(async (tx) => {
        await tx
          .update(accounts)
          .set({ passwordHash, passwordChangedAt: ctx.now(), version: sql`${accounts.version} + 1` })
          .where(eq(accounts.id, actor.accountId));
        await recordAudit(tx, actor, {
          action: 'changePassword',
          entity: 'account',
          entityId: actor.accountId,
          tenantId: actor.tenantId,
        });
      });
      // Other devices signed in with the old password are signed out.
      await destroyOtherSessions(db, actor.accountId, req.sessionToken as string);
      return { ok: true };
    },
  );

  app.patch(
    '/auth/preferences',
    {
      schema: {
        tags: ['auth'],
        summary: '界面语言等偏好 Preferences',
        body: z.object({ locale: z.enum(['zh-CN', 'en-US']) }),
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await db.transaction(async (tx) => {
        await tx.update(accounts).set({ locale: req.body.locale }).where(eq(accounts.id, actor.accountId));
        await recordAudit(tx, actor, {
          action: 'update',
          entity: 'account',
          entityId: actor.accountId,
          tenantId: actor.tenantId,
          before: { locale: actor.locale },
          after: { locale: req.body.locale },
        });
      });
      return { ok: true };
    },
  );
}
