import type { App, AppContext } from '../../server/context.ts';
import { requireActor, todayInShanghai } from '../../server/context.ts';
import { buildWorkbook, sendWorkbook } from '../../server/excel.ts';
import { idParams } from '../../server/zod.ts';
import { viewRoot } from '../training/scope-root.ts';
import { buildCarriersSheet } from './carriers-sheet.ts';
import { createCarrier } from './create-carrier.ts';
import { carrierCoverage, listCarriers } from './list-carriers.ts';
import { presentCarrier } from './load-carrier.ts';
import {
  carrierView,
  coverageQuery,
  coverageResponse,
  createBody,
  listQuery,
  listResponse,
  updateBody,
  versionQuery,
} from './schema.ts';
import { deleteCarrier, updateCarrier } from './update-carrier.ts';

const tags = ['practice-carriers'];

export default async function practiceCarrierRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  const today = () => todayInShanghai(ctx.now());
  const rootPath = async (actor: ReturnType<typeof requireActor>, orgId: string | undefined) =>
    orgId ? (await viewRoot(db, actor, orgId)).path : undefined;

  app.get(
    '/practice-carriers',
    {
      schema: {
        tags,
        summary: '务实管用的制度与服务载体 Practical rules and service carriers by year',
        querystring: listQuery,
        response: { 200: listResponse },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const root = await rootPath(actor, req.query.orgId);
      return { items: await db.transaction((tx) => listCarriers(tx, { actor, year: req.query.year, rootPath: root })) };
    },
  );

  app.get(
    '/practice-carriers/export.xlsx',
    { schema: { tags, summary: '导出制度与服务载体（Excel） Carriers as Excel', querystring: listQuery } },
    async (req, reply) => {
      const actor = requireActor(req);
      const root = await rootPath(actor, req.query.orgId);
      const items = await db.transaction((tx) => listCarriers(tx, { actor, year: req.query.year, rootPath: root }));
      return sendWorkbook(
        reply,
        `制度与服务载体${req.query.year ?? ''}.xlsx`,
        await buildWorkbook([buildCarriersSheet(items)]),
      );
    },
  );

  app.get(
    '/practice-carriers/coverage',
    {
      schema: {
        tags,
        summary: '各组织年度建立情况（ASSESS-09） Each college and branch against the yearly minimum',
        querystring: coverageQuery,
        response: { 200: coverageResponse },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const year = req.query.year ?? Number(today().slice(0, 4));
      const root = await rootPath(actor, req.query.orgId);
      return { year, items: await db.transaction((tx) => carrierCoverage(tx, { actor, year, rootPath: root })) };
    },
  );

  app.post(
    '/practice-carriers',
    {
      schema: {
        tags,
        summary: '登记制度或服务载体 Record a rule or carrier',
        body: createBody,
        response: { 200: carrierView },
      },
    },
    async (req) =>
      db.transaction(async (tx) =>
        presentCarrier(tx, await createCarrier(tx, { input: req.body, actor: requireActor(req), today: today() })),
      ),
  );

  app.put(
    '/practice-carriers/:id',
    {
      schema: {
        tags,
        summary: '修改（版本不符为409） Correct a carrier (409 on a stale version)',
        params: idParams,
        body: updateBody,
        response: { 200: carrierView },
      },
    },
    async (req) =>
      db.transaction(async (tx) =>
        presentCarrier(
          tx,
          await updateCarrier(tx, { id: req.params.id, input: req.body, actor: requireActor(req), today: today() }),
        ),
      ),
  );

  app.delete(
    '/practice-carriers/:id',
    { schema: { tags, summary: '删除 Remove a carrier', params: idParams, querystring: versionQuery } },
    async (req, reply) => {
      await db.transaction((tx) =>
        deleteCarrier(tx, { id: req.params.id, version: req.query.version, actor: requireActor(req) }),
      );
      return reply.code(204).send();
    },
  );
}
