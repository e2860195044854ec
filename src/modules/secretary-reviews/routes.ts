import { z } from 'zod';
import type { App, AppContext } from '../../server/context.ts';
import { requireActor, todayInShanghai } from '../../server/context.ts';
import { sendWorkbook } from '../../server/excel.ts';
import { idParams } from '../../server/zod.ts';
import { addReview } from './add-review.ts';
import { createRound } from './create-round.ts';
import { listRounds, loadRoundDetail } from './list-rounds.ts';
import { publishRound } from './publish-round.ts';
import { buildRoundWorkbook } from './round-workbook.ts';
import {
  addReviewBody,
  createRoundBody,
  publishBody,
  reportBody,
  roundDetail,
  roundsQuery,
  roundView,
  scoreBody,
  scoreView,
} from './schema.ts';
import { scoreReview } from './score-review.ts';
import { submitReport } from './submit-report.ts';

const tags = ['secretary-reviews'];
const created = z.object({ id: z.string(), version: z.number() });

export default async function secretaryReviewRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  const today = () => todayInShanghai(ctx.now());

  app.get(
    '/secretary-reviews/rounds',
    {
      schema: {
        tags,
        summary: '述职评议轮次 Review rounds the caller sees',
        querystring: roundsQuery,
        response: { 200: z.object({ items: z.array(roundView) }) },
      },
    },
    async (req) => ({
      items: await db.transaction((tx) => listRounds(tx, { actor: requireActor(req), year: req.query.year })),
    }),
  );

  app.post(
    '/secretary-reviews/rounds',
    {
      schema: {
        tags,
        summary: '开启年度述职评议（自动列入各书记） Open a year’s round for a level, with every secretary of it',
        body: createRoundBody,
        response: { 200: created },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const round = await db.transaction((tx) => createRound(tx, { input: req.body, today: today(), actor }));
      return { id: round.id, version: round.version };
    },
  );

  app.get(
    '/secretary-reviews/rounds/:id',
    {
      schema: {
        tags,
        summary: '一轮述职评议及其评议对象 A round with the reviews the caller sees',
        params: idParams,
        response: { 200: roundDetail },
      },
    },
    async (req) => db.transaction((tx) => loadRoundDetail(tx, { actor: requireActor(req), id: req.params.id })),
  );

  app.get(
    '/secretary-reviews/rounds/:id/export.xlsx',
    {
      schema: {
        tags,
        summary: '导出述职评议（Excel） A round’s reviews the caller sees, as Excel',
        params: idParams,
      },
    },
    async (req, reply) => {
      const detail = await db.transaction((tx) => loadRoundDetail(tx, { actor: requireActor(req), id: req.params.id }));
      return sendWorkbook(reply, `${detail.round.title}.xlsx`, await buildRoundWorkbook(detail));
    },
  );

  app.post(
    '/secretary-reviews/rounds/:id/reviews',
    {
      schema: {
        tags,
        summary: '增加评议对象 Add a secretary to an open round',
        params: idParams,
        body: addReviewBody,
        response: { 200: created },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const review = await db.transaction((tx) => addReview(tx, { roundId: req.params.id, input: req.body, actor }));
      return { id: review.id, version: review.version };
    },
  );

  app.post(
    '/secretary-reviews/rounds/:id/publish',
    {
      schema: {
        tags,
        summary: '公布评议结果 Publish the results (every review scored)',
        params: idParams,
        body: publishBody,
        response: { 200: created },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const round = await db.transaction((tx) =>
        publishRound(tx, { id: req.params.id, version: req.body.version, today: today(), actor }),
      );
      return { id: round.id, version: round.version };
    },
  );

  app.put(
    '/secretary-reviews/reviews/:id/report',
    {
      schema: {
        tags,
        summary: '提交述职报告 The secretary’s written report',
        params: idParams,
        body: reportBody,
        response: { 200: created },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const review = await db.transaction((tx) =>
        submitReport(tx, { id: req.params.id, input: req.body, today: today(), actor }),
      );
      return { id: review.id, version: review.version };
    },
  );

  app.put(
    '/secretary-reviews/reviews/:id/score',
    {
      schema: {
        tags,
        summary: '评议打分（不能为本人评分） A reviewer’s score; nobody scores their own review',
        params: idParams,
        body: scoreBody,
        response: { 200: scoreView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const s = await db.transaction((tx) => scoreReview(tx, { id: req.params.id, input: req.body, actor }));
      return {
        id: s.id,
        reviewerAccount: s.reviewerAccount,
        reviewerName: s.reviewerName,
        score: s.score,
        comment: s.comment,
        version: s.version,
      };
    },
  );
}
