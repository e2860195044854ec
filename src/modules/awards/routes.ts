import type { z } from 'zod';
import type { Tx } from '../../db/connect.ts';
import type { App, AppContext } from '../../server/context.ts';
import { requireActor, todayInShanghai } from '../../server/context.ts';
import { buildWorkbook, sendWorkbook } from '../../server/excel.ts';
import type { Actor } from '../../server/scope.ts';
import { idParams } from '../../server/zod.ts';
import { orgAwards, personAwards } from './award-records.ts';
import { buildAwardsSheet } from './awards-sheet.ts';
import { decideAward, rejectAward } from './decide-award.ts';
import { listAwards } from './list-awards.ts';
import { listRounds } from './list-rounds.ts';
import { type Award, presentAward } from './load-award.ts';
import { nominate } from './nominate.ts';
import { publicizeAward } from './publicize-award.ts';
import { reviewAward } from './review-award.ts';
import {
  awardView,
  decideBody,
  listQuery,
  listResponse,
  nominateBody,
  publicizeBody,
  rejectBody,
  reviewBody,
  roundsQuery,
  roundsResponse,
} from './schema.ts';

const tags = ['awards'];

export default async function awardRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  const today = () => todayInShanghai(ctx.now());

  app.get(
    '/awards',
    {
      schema: {
        tags,
        summary: '评选表彰推荐名单 Nominations by round, kind and status',
        querystring: listQuery,
        response: { 200: listResponse },
      },
    },
    async (req) => ({
      items: await db.transaction((tx) => listAwards(tx, { actor: requireActor(req), query: req.query })),
    }),
  );

  app.get(
    '/awards/export.xlsx',
    { schema: { tags, summary: '导出评选表彰名单（Excel） Nominations as Excel', querystring: listQuery } },
    async (req, reply) => {
      const items = await db.transaction((tx) => listAwards(tx, { actor: requireActor(req), query: req.query }));
      return sendWorkbook(
        reply,
        `评选表彰${req.query.year ?? ''}.xlsx`,
        await buildWorkbook([buildAwardsSheet(items)]),
      );
    },
  );

  app.get(
    '/awards/rounds',
    {
      schema: {
        tags,
        summary: '评选表彰轮次与下次应开展年度（ASSESS-08） Rounds and when the next is due',
        querystring: roundsQuery,
        response: { 200: roundsResponse },
      },
    },
    async (req) => db.transaction((tx) => listRounds(tx, { actor: requireActor(req), tenantId: req.query.tenantId })),
  );

  app.get(
    '/awards/people/:id',
    {
      schema: {
        tags,
        summary: '个人所获表彰 A person’s commendations',
        params: idParams,
        response: { 200: listResponse },
      },
    },
    async (req) => ({
      items: await db.transaction((tx) => personAwards(tx, { actor: requireActor(req), personId: req.params.id })),
    }),
  );

  app.get(
    '/awards/orgs/:id',
    {
      schema: {
        tags,
        summary: '组织所获表彰 An org’s commendations',
        params: idParams,
        response: { 200: listResponse },
      },
    },
    async (req) => ({
      items: await db.transaction((tx) => orgAwards(tx, { actor: requireActor(req), orgId: req.params.id })),
    }),
  );

  app.post(
    '/awards',
    {
      schema: {
        tags,
        summary: '推荐（党员须为本组织党员） Nominate a member or an organization',
        body: nominateBody,
        response: { 200: awardView },
      },
    },
    async (req) =>
      db.transaction(async (tx) =>
        presentAward(tx, await nominate(tx, { input: req.body, actor: requireActor(req), today: today() })),
      ),
  );

  /** A step on one nomination: `POST /awards/:id/<action>`, answered with the nomination as shown. */
  const step = <B extends z.ZodType>(
    action: string,
    summary: string,
    body: B,
    run: (tx: Tx, options: { id: string; input: z.output<B>; actor: Actor; today: string }) => Promise<Award>,
  ) =>
    app.post(
      `/awards/:id/${action}`,
      { schema: { tags, summary, params: idParams, body, response: { 200: awardView } } },
      async (req) =>
        db.transaction(async (tx) =>
          presentAward(
            tx,
            await run(tx, {
              id: req.params.id,
              input: req.body as z.output<B>,
              actor: requireActor(req),
              today: today(),
            }),
          ),
        ),
    );

  step('review', '审核（学校组织部） Review a nomination', reviewBody, reviewAward);
  step(
    'publicize',
    '公示（不少于规定工作日） Publicize for at least the minimum working days',
    publicizeBody,
    publicizeAward,
  );
  step('decide', '公示期满后作出表彰决定 Decide after publicity', decideBody, decideAward);
  step('reject', '不予表彰（如公示有异议） Reject a nomination', rejectBody, rejectAward);
}
