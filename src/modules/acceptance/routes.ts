import { z } from 'zod';
import type { App, AppContext } from '../../server/context.ts';
import { requireActor, todayInShanghai } from '../../server/context.ts';
import { sendWorkbook } from '../../server/excel.ts';
import { idParams } from '../../server/zod.ts';
import { buildCertificateSheet } from './certificate-sheet.ts';
import { listCampaigns, presentCampaign } from './list-campaigns.ts';
import { listCertificates } from './list-certificates.ts';
import { listQueue } from './list-queue.ts';
import { loadCampaign } from './load-campaign.ts';
import { loadProgress } from './load-progress.ts';
import { loadReview } from './load-review.ts';
import { openCampaign } from './open-campaign.ts';
import { buildProgressSheet } from './progress-sheet.ts';
import {
  campaignDetail,
  campaignQuery,
  campaignView,
  certificateRow,
  firstCheckBody,
  openCampaignBody,
  progressRow,
  recheckBody,
  reviewDetail,
  reviewRow,
  selfCheckBody,
  updateCampaignBody,
} from './schema.ts';
import { selfCheck } from './self-check.ts';
import { takeStep } from './take-step.ts';
import { updateCampaign } from './update-campaign.ts';

const tags = ['acceptance'];
const campaignRef = z.object({ id: z.string(), year: z.number(), title: z.string() });

export default async function acceptanceRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  const today = () => todayInShanghai(ctx.now());

  app.get(
    '/acceptance/campaigns',
    {
      schema: {
        tags,
        summary: '达标验收活动列表 Acceptance campaigns',
        querystring: campaignQuery,
        response: { 200: z.object({ items: z.array(campaignView) }) },
      },
    },
    async (req) => ({
      items: await db.transaction((tx) => listCampaigns(tx, requireActor(req), req.query)),
    }),
  );

  app.post(
    '/acceptance/campaigns',
    {
      schema: {
        tags,
        summary: '发起达标验收（学校组织部） Open an acceptance campaign for a year and standard sets',
        body: openCampaignBody,
        response: { 200: campaignView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        const c = await openCampaign(tx, { input: req.body, actor });
        return (await loadCampaign(tx, actor, c.id)) satisfies z.infer<typeof campaignView>;
      });
    },
  );

  app.get(
    '/acceptance/campaigns/:id',
    {
      schema: {
        tags,
        summary: '验收活动详情：指标与各支部进度 A campaign, its indicators and its branches',
        params: idParams,
        response: { 200: campaignDetail },
      },
    },
    async (req) => db.transaction((tx) => loadCampaign(tx, requireActor(req), req.params.id)),
  );

  app.put(
    '/acceptance/campaigns/:id',
    {
      schema: {
        tags,
        summary: '修改、结束或重开验收活动（版本不符为409） Change, close or reopen a campaign',
        params: idParams,
        body: updateCampaignBody,
        response: { 200: campaignView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        const c = await updateCampaign(tx, { id: req.params.id, input: req.body, actor });
        return presentCampaign(c, (await loadCampaign(tx, actor, c.id)).counts);
      });
    },
  );

  app.get(
    '/acceptance/campaigns/:id/progress',
    {
      schema: {
        tags,
        summary: '各院系验收进度 Progress per college',
        params: idParams,
        response: { 200: z.object({ campaign: campaignRef, items: z.array(progressRow) }) },
      },
    },
    async (req) => db.transaction((tx) => loadProgress(tx, requireActor(req), req.params.id)),
  );

  app.get(
    '/acceptance/campaigns/:id/progress/export.xlsx',
    {
      schema: { tags, summary: '导出各院系验收进度（Excel） Progress per college as Excel', params: idParams },
    },
    async (req, reply) => {
      const { campaign, items } = await db.transaction((tx) => loadProgress(tx, requireActor(req), req.params.id));
      return sendWorkbook(
        reply,
        `${campaign.year}年${campaign.title}各院系进度.xlsx`,
        await buildProgressSheet(campaign, items),
      );
    },
  );

  app.get(
    '/acceptance/campaigns/:id/certificates',
    {
      schema: {
        tags,
        summary: '达标支部名单 Certified branches',
        params: idParams,
        response: { 200: z.object({ campaign: campaignRef, items: z.array(certificateRow) }) },
      },
    },
    async (req) => db.transaction((tx) => listCertificates(tx, requireActor(req), req.params.id)),
  );

  app.get(
    '/acceptance/campaigns/:id/certificates/export.xlsx',
    {
      schema: { tags, summary: '导出达标支部名单（Excel） Certified branches as Excel', params: idParams },
    },
    async (req, reply) => {
      const { campaign, items } = await db.transaction((tx) => listCertificates(tx, requireActor(req), req.params.id));
      return sendWorkbook(
        reply,
        `${campaign.year}年${campaign.title}达标支部名单.xlsx`,
        await buildCertificateSheet(campaign, items),
      );
    },
  );

  app.get(
    '/acceptance/queue',
    {
      schema: {
        tags,
        summary: '待我处理的验收 Reviews waiting for a step the caller takes',
        response: { 200: z.object({ items: z.array(reviewRow) }) },
      },
    },
    async (req) => ({ items: await db.transaction((tx) => listQueue(tx, requireActor(req))) }),
  );

  app.get(
    '/acceptance/reviews/:id',
    {
      schema: {
        tags,
        summary: '支部验收：指标、证据、自查与各步记录 A branch review',
        params: idParams,
        response: { 200: reviewDetail },
      },
    },
    async (req) => db.transaction((tx) => loadReview(tx, requireActor(req), req.params.id)),
  );

  app.post(
    '/acceptance/reviews/:id/self-check',
    {
      schema: {
        tags,
        summary: '支部自查（支部书记） The branch secretary submits the self-check',
        params: idParams,
        body: selfCheckBody,
        response: { 200: reviewDetail },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        await selfCheck(tx, { id: req.params.id, input: req.body, actor, today: today() });
        return loadReview(tx, actor, req.params.id);
      });
    },
  );

  app.post(
    '/acceptance/reviews/:id/first-check',
    {
      schema: {
        tags,
        summary:
          '院系初验：通过或退回（院系党组织；退回即生成整改事项） The college passes or returns (a return opens a rectification item)',
        params: idParams,
        body: firstCheckBody,
        response: { 200: reviewDetail },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const { version, decision, reason, rectificationDeadline } = req.body;
      return db.transaction(async (tx) => {
        await takeStep(tx, {
          id: req.params.id,
          step: decision === 'pass' ? 'firstCheck' : 'return',
          version,
          reason,
          rectificationDeadline,
          actor,
          today: today(),
        });
        return loadReview(tx, actor, req.params.id);
      });
    },
  );

  app.post(
    '/acceptance/reviews/:id/recheck',
    {
      schema: {
        tags,
        summary:
          '学校复验：认定达标或退回（学校组织部；退回即生成整改事项） The university certifies or returns (a return opens a rectification item)',
        params: idParams,
        body: recheckBody,
        response: { 200: reviewDetail },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const { version, decision, reason, rectificationDeadline } = req.body;
      return db.transaction(async (tx) => {
        await takeStep(tx, {
          id: req.params.id,
          step: decision === 'certify' ? 'recheck' : 'return',
          version,
          reason,
          rectificationDeadline,
          actor,
          today: today(),
        });
        return loadReview(tx, actor, req.params.id);
      });
    },
  );
}
