import { z } from 'zod';
import type { App, AppContext } from '../../server/context.ts';
import { requireActor, todayInShanghai } from '../../server/context.ts';
import { idParams } from '../../server/zod.ts';
import { createVerdictBody, listVerdictsQuery, updateVerdictBody, verdictView, versionQuery } from './schema.ts';
import { createVerdict, deleteVerdict, listVerdicts, presentVerdict, updateVerdict } from './verdicts.ts';

const tags = ['compliance'];

export default async function verdictRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

  app.get(
    '/compliance/verdicts',
    {
      schema: {
        tags,
        summary: '人工判定列表 Verdicts on manual rules',
        querystring: listVerdictsQuery,
        response: { 200: z.object({ items: z.array(verdictView) }) },
      },
    },
    async (req) => ({ items: await listVerdicts(db, requireActor(req), req.query) }),
  );

  app.post(
    '/compliance/verdicts',
    {
      schema: {
        tags,
        summary: '作出人工判定 Record a verdict (superior org only)',
        body: createVerdictBody,
        response: { 200: verdictView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        const row = await createVerdict(tx, actor, req.body, todayInShanghai(ctx.now()));
        return presentVerdict(tx, row.id);
      });
    },
  );

  app.put(
    '/compliance/verdicts/:id',
    {
      schema: {
        tags,
        summary: '修改人工判定 Change a verdict',
        params: idParams,
        body: updateVerdictBody,
        response: { 200: verdictView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        await updateVerdict(tx, actor, req.params.id, req.body);
        return presentVerdict(tx, req.params.id);
      });
    },
  );

  app.delete(
    '/compliance/verdicts/:id',
    {
      schema: { tags, summary: '撤销人工判定 Withdraw a verdict', params: idParams, querystring: versionQuery },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      await db.transaction((tx) => deleteVerdict(tx, actor, req.params.id, req.query.version));
      return reply.code(204).send();
    },
  );
}
