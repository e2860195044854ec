import { z } from 'zod';
import type { App, AppContext } from '../../server/context.ts';
import { requireActor, todayInShanghai } from '../../server/context.ts';
import { sendWorkbook } from '../../server/excel.ts';
import { idParams } from '../../server/zod.ts';
import { viewRoot } from '../training/scope-root.ts';
import { adjustRating } from './adjust-rating.ts';
import { computeRatings } from './compute-ratings.ts';
import { finalizeRating } from './finalize-rating.ts';
import { listRatings } from './list-ratings.ts';
import { loadEvaluation } from './load-evaluation.ts';
import { presentRating } from './present-rating.ts';
import { buildRatingsWorkbook } from './ratings-workbook.ts';
import {
  adjustBody,
  computeBody,
  computeResponse,
  evaluationResponse,
  finalizeBody,
  itemScoresBody,
  listQuery,
  listResponse,
  ratingView,
} from './schema.ts';
import { scoreItems } from './score-items.ts';

const tags = ['ratings'];

export default async function ratingRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  const today = () => todayInShanghai(ctx.now());

  const list = async (actor: ReturnType<typeof requireActor>, query: z.infer<typeof listQuery>) => {
    // Ratings are given after the year: last year is the default.
    const year = query.year ?? Number(today().slice(0, 4)) - 1;
    const root = await viewRoot(db, actor, query.orgId);
    const result = await db.transaction((tx) => listRatings(tx, { actor, root, year }));
    return { year, root: { id: root.id, name: root.name }, ...result };
  };

  app.get(
    '/ratings',
    {
      schema: {
        tags,
        summary: '分类定级列表（含晋位升级） A year’s ratings of a subtree with year-on-year movement',
        querystring: listQuery,
        response: { 200: listResponse },
      },
    },
    async (req) => list(requireActor(req), req.query),
  );

  app.get(
    '/ratings/export.xlsx',
    { schema: { tags, summary: '导出分类定级（Excel） The ratings list as Excel', querystring: listQuery } },
    async (req, reply) => {
      const { year, root, items } = await list(requireActor(req), req.query);
      return sendWorkbook(reply, `${root.name}${year}年分类定级.xlsx`, await buildRatingsWorkbook(year, items));
    },
  );

  app.post(
    '/ratings/compute',
    {
      schema: {
        tags,
        summary: '计算一个子树的年度定级 Compute a year’s draft ratings for the orgs the caller rates',
        body: computeBody,
        response: { 200: computeResponse },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction((tx) => computeRatings(tx, { actor, ...req.body }));
    },
  );

  app.put(
    '/ratings/:id/items',
    {
      schema: {
        tags,
        summary: '录入人工评分项 Enter the manual item scores of a draft rating',
        params: idParams,
        body: itemScoresBody,
        response: { 200: ratingView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return presentRating(await db.transaction((tx) => scoreItems(tx, { id: req.params.id, input: req.body, actor })));
    },
  );

  app.put(
    '/ratings/:id/adjustment',
    {
      schema: {
        tags,
        summary: '调整得分（须说明理由） Adjust a draft rating’s score, with a reason',
        params: idParams,
        body: adjustBody,
        response: { 200: ratingView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return presentRating(
        await db.transaction((tx) => adjustRating(tx, { id: req.params.id, input: req.body, actor })),
      );
    },
  );

  app.post(
    '/ratings/:id/finalize',
    {
      schema: {
        tags,
        summary: '确定等次（一般、后进自动生成整改） Finalize the grade; fair and lagging get a rectification plan',
        params: idParams,
        body: finalizeBody,
        response: {
          200: z.object({ rating: ratingView, rectificationId: z.string().nullable() }),
        },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const { rating, rectification } = await db.transaction((tx) =>
        finalizeRating(tx, { id: req.params.id, input: req.body, today: today(), actor }),
      );
      return { rating: presentRating(rating), rectificationId: rectification?.id ?? null };
    },
  );

  app.get(
    '/ratings/orgs/:id/evaluation',
    {
      schema: {
        tags,
        summary: '支部历年评价 An org’s ratings, reviews, acceptance and rectifications across years',
        params: idParams,
        response: { 200: evaluationResponse },
      },
    },
    async (req) => db.transaction((tx) => loadEvaluation(tx, { actor: requireActor(req), orgId: req.params.id })),
  );
}
