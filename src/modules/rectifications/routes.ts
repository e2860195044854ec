import { z } from 'zod';
import type { App, AppContext } from '../../server/context.ts';
import { requireActor, todayInShanghai } from '../../server/context.ts';
import { sendWorkbook } from '../../server/excel.ts';
import { idParams } from '../../server/zod.ts';
import { createRectification } from './create-rectification.ts';
import { listRectifications, loadRectificationDetail } from './list-rectifications.ts';
import { markDone } from './mark-done.ts';
import { buildRectificationSheet } from './rectification-sheet.ts';
import {
  createRectificationBody,
  listRectificationsQuery,
  markDoneBody,
  rectificationDetail,
  rectificationView,
  updateRectificationBody,
  verifyBody,
} from './schema.ts';
import { updateRectification } from './update-rectification.ts';
import { verifyRectification } from './verify-rectification.ts';

const tags = ['rectifications'];

export default async function rectificationRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  const today = () => todayInShanghai(ctx.now());

  app.get(
    '/rectifications',
    {
      schema: {
        tags,
        summary: '整改清单 Rectification items in scope (org subtree, year, status, source, overdue)',
        querystring: listRectificationsQuery,
        response: { 200: z.object({ items: z.array(rectificationView) }) },
      },
    },
    async (req) => ({
      items: await db.transaction((tx) => listRectifications(tx, requireActor(req), req.query, today())),
    }),
  );

  app.get(
    '/rectifications/export.xlsx',
    {
      schema: {
        tags,
        summary: '导出整改清单（Excel） Rectification list as Excel',
        querystring: listRectificationsQuery,
      },
    },
    async (req, reply) => {
      const items = await db.transaction((tx) => listRectifications(tx, requireActor(req), req.query, today()));
      const name = req.query.year ? `${req.query.year}年整改清单.xlsx` : '整改清单.xlsx';
      return sendWorkbook(reply, name, await buildRectificationSheet(items));
    },
  );

  app.get(
    '/rectifications/:id',
    {
      schema: {
        tags,
        summary: '整改事项及其经过 A rectification item with its history',
        params: idParams,
        response: { 200: rectificationDetail },
      },
    },
    async (req) => db.transaction((tx) => loadRectificationDetail(tx, requireActor(req), req.params.id, today())),
  );

  app.post(
    '/rectifications',
    {
      schema: {
        tags,
        summary:
          '登记整改事项（可由检查发现、述职评议生成） Open a rectification item (from a finding, a secretary review, a meeting, or by hand)',
        body: createRectificationBody,
        response: { 200: rectificationDetail },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        const row = await createRectification(tx, { input: req.body, actor, today: today() });
        return loadRectificationDetail(tx, actor, row.id, today());
      });
    },
  );

  app.put(
    '/rectifications/:id',
    {
      schema: {
        tags,
        summary: '修改整改事项（版本不符为409） Change an open item (409 on a stale version)',
        params: idParams,
        body: updateRectificationBody,
        response: { 200: rectificationDetail },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        await updateRectification(tx, { id: req.params.id, input: req.body, actor });
        return loadRectificationDetail(tx, actor, req.params.id, today());
      });
    },
  );

  app.post(
    '/rectifications/:id/done',
    {
      schema: {
        tags,
        summary: '提交整改成效（须附佐证） Mark done with evidence',
        params: idParams,
        body: markDoneBody,
        response: { 200: rectificationDetail },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        await markDone(tx, { id: req.params.id, input: req.body, actor, today: today() });
        return loadRectificationDetail(tx, actor, req.params.id, today());
      });
    },
  );

  app.post(
    '/rectifications/:id/verify',
    {
      schema: {
        tags,
        summary: '上级验收或退回 The superior verifies the item or sends it back',
        params: idParams,
        body: verifyBody,
        response: { 200: rectificationDetail },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        await verifyRectification(tx, { id: req.params.id, input: req.body, actor, today: today() });
        return loadRectificationDetail(tx, actor, req.params.id, today());
      });
    },
  );
}
