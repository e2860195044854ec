import { z } from 'zod';
import type { App, AppContext } from '../../server/context.ts';
import { requireActor, todayInShanghai } from '../../server/context.ts';
import { forbidden, notFound } from '../../server/errors.ts';
import { idParams } from '../../server/zod.ts';
import { generatePassword, hashPassword } from '../auth/passwords.ts';
import { accountLabel } from './account-scope.ts';
import { addGrant } from './add-grant.ts';
import { checkNewAccount } from './check-new-account.ts';
import { createAccount } from './create-account.ts';
import { listAccounts } from './list-accounts.ts';
import { grantsAnything } from './policy.ts';
import { removeGrant } from './remove-grant.ts';
import { resetPassword } from './reset-password.ts';
import {
  accountView,
  createAccountBody,
  grantInput,
  grantParams,
  listAccountsQuery,
  updateAccountBody,
} from './schema.ts';
import { updateAccount } from './update-account.ts';

const tags = ['accounts'];

export default async function accountRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

  /** Members and oversight viewers change no accounts: a plain 403 before anything is loaded. */
  const requireGranter = (req: Parameters<typeof requireActor>[0]) => {
    const actor = requireActor(req);
    if (!grantsAnything(actor)) throw forbidden();
    return actor;
  };

  app.get(
    '/accounts',
    {
      schema: {
        tags,
        summary: '账号列表 Accounts in scope',
        querystring: listAccountsQuery,
        response: { 200: z.object({ items: z.array(accountView) }) },
      },
    },
    async (req) => ({ items: await listAccounts(db, { actor: requireActor(req), q: req.query.q }) }),
  );

  app.get(
    '/accounts/:id',
    { schema: { tags, summary: '账号详情 Account', params: idParams, response: { 200: accountView } } },
    async (req) => {
      const [account] = await listAccounts(db, { actor: requireActor(req), id: req.params.id });
      if (!account) throw notFound(accountLabel);
      return account;
    },
  );

  app.post(
    '/accounts',
    {
      schema: {
        tags,
        summary: '新建账号（生成初始密码，仅显示一次）Create an account with a generated password',
        body: createAccountBody,
        response: { 200: z.object({ account: accountView, password: z.string() }) },
      },
    },
    async (req) => {
      const actor = requireGranter(req);
      const password = generatePassword();
      const passwordHash = await hashPassword(password);
      const id = await db.transaction(async (tx) => {
        const checked = await checkNewAccount(tx, {
          grants: req.body.grants,
          personId: req.body.personId ?? null,
          today: todayInShanghai(ctx.now()),
          actor,
        });
        const { account } = await createAccount(tx, {
          username: req.body.username,
          displayName: req.body.displayName,
          passwordHash,
          ...checked,
          actor,
        });
        return account.id;
      });
      const [account] = await listAccounts(db, { actor: { ...actor, all: true }, id });
      return { account, password };
    },
  );

  app.patch(
    '/accounts/:id',
    {
      schema: {
        tags,
        summary: '修改账号（显示名、停用）Rename or disable an account',
        params: idParams,
        body: updateAccountBody,
        response: { 200: accountView },
      },
    },
    async (req) => {
      const actor = requireGranter(req);
      await db.transaction((tx) => updateAccount(tx, { id: req.params.id, ...req.body, actor }));
      const [account] = await listAccounts(db, { actor, id: req.params.id });
      return account;
    },
  );

  app.post(
    '/accounts/:id/grants',
    {
      schema: {
        tags,
        summary: '授予角色 Grant a role',
        params: idParams,
        body: grantInput,
        response: { 200: accountView },
      },
    },
    async (req) => {
      const actor = requireGranter(req);
      await db.transaction((tx) =>
        addGrant(tx, { id: req.params.id, input: req.body, today: todayInShanghai(ctx.now()), actor }),
      );
      const [account] = await listAccounts(db, { actor, id: req.params.id });
      return account;
    },
  );

  app.delete(
    '/accounts/:id/grants/:grantId',
    {
      schema: {
        tags,
        summary: '撤销授权 Revoke a grant',
        params: grantParams,
        response: { 200: accountView.nullable() },
      },
    },
    async (req) => {
      const actor = requireGranter(req);
      await db.transaction((tx) => removeGrant(tx, { ...req.params, actor }));
      // After the revocation the account may lie outside the actor's scope: then there is nothing to show.
      const [account] = await listAccounts(db, { actor, id: req.params.id });
      return account ?? null;
    },
  );

  app.post(
    '/accounts/:id/reset-password',
    {
      schema: {
        tags,
        summary: '重置密码（生成新密码，仅显示一次）Reset to a generated password',
        params: idParams,
        response: { 200: z.object({ password: z.string() }) },
      },
    },
    async (req) => {
      const actor = requireGranter(req);
      return db.transaction((tx) => resetPassword(tx, { id: req.params.id, now: ctx.now(), actor }));
    },
  );
}
