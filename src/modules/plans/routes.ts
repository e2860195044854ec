import type { App, AppContext } from '../../server/context.ts';
import { requireActor, todayInShanghai } from '../../server/context.ts';
import { idParams } from '../../server/zod.ts';
import { createPlan } from './create-plan.ts';
import { listPlans } from './list-plans.ts';
import { loadPlanView } from './plan-view.ts';
import { reviewPlan } from './review-plan.ts';
import { scheduleItem } from './schedule-item.ts';
import {
  approvePlanBody,
  createPlanBody,
  listPlansQuery,
  listPlansResponse,
  planItemParams,
  planView,
  returnPlanBody,
  scheduleItemBody,
  submitPlanBody,
  updatePlanBody,
} from './schema.ts';
import { submitPlan } from './submit-plan.ts';
import { updatePlan } from './update-plan.ts';

const tags = ['plans'];

export default async function planRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  const today = () => todayInShanghai(ctx.now());

  app.get(
    '/plans',
    {
      schema: {
        tags,
        summary: '年度三会一课计划 Annual plans',
        querystring: listPlansQuery,
        response: { 200: listPlansResponse },
      },
    },
    async (req) => ({ items: await listPlans(db, { actor: requireActor(req), filters: req.query, today: today() }) }),
  );

  app.get(
    '/plans/:id',
    {
      schema: {
        tags,
        summary: '计划详情与完成情况 Plan with done/overdue items',
        params: idParams,
        response: { 200: planView },
      },
    },
    async (req) => loadPlanView(db, { actor: requireActor(req), planId: req.params.id, today: today() }),
  );

  app.post(
    '/plans',
    { schema: { tags, summary: '制定年度计划 Draft a plan', body: createPlanBody, response: { 200: planView } } },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        const plan = await createPlan(tx, { input: req.body, actor });
        return loadPlanView(tx, { actor, planId: plan.id, today: today() });
      });
    },
  );

  app.patch(
    '/plans/:id',
    {
      schema: {
        tags,
        summary: '修改计划（草稿或退回时） Change a draft or returned plan',
        params: idParams,
        body: updatePlanBody,
        response: { 200: planView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        await updatePlan(tx, { planId: req.params.id, input: req.body, actor });
        return loadPlanView(tx, { actor, planId: req.params.id, today: today() });
      });
    },
  );

  app.post(
    '/plans/:id/submit',
    {
      schema: {
        tags,
        summary: '报上级审批 Submit to the superior',
        params: idParams,
        body: submitPlanBody,
        response: { 200: planView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        await submitPlan(tx, { planId: req.params.id, version: req.body?.version, today: today(), actor });
        return loadPlanView(tx, { actor, planId: req.params.id, today: today() });
      });
    },
  );

  app.post(
    '/plans/:id/approve',
    {
      schema: {
        tags,
        summary: '上级批准 Approve (superior)',
        params: idParams,
        body: approvePlanBody,
        response: { 200: planView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        await reviewPlan(tx, {
          planId: req.params.id,
          decision: 'approve',
          comment: req.body?.comment || null,
          version: req.body?.version,
          now: ctx.now(),
          actor,
        });
        return loadPlanView(tx, { actor, planId: req.params.id, today: today() });
      });
    },
  );

  app.post(
    '/plans/:id/return',
    {
      schema: {
        tags,
        summary: '上级退回（须说明理由） Return with a comment (superior)',
        params: idParams,
        body: returnPlanBody,
        response: { 200: planView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        await reviewPlan(tx, {
          planId: req.params.id,
          decision: 'return',
          comment: req.body.comment,
          version: req.body.version,
          now: ctx.now(),
          actor,
        });
        return loadPlanView(tx, { actor, planId: req.params.id, today: today() });
      });
    },
  );

  app.post(
    '/plans/:id/items/:itemId/schedule',
    {
      schema: {
        tags,
        summary: '将计划事项安排为会议 Schedule an item as a planned meeting',
        params: planItemParams,
        body: scheduleItemBody,
        response: { 200: planView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        await scheduleItem(tx, {
          planId: req.params.id,
          itemId: req.params.itemId,
          input: req.body,
          today: today(),
          actor,
        });
        return loadPlanView(tx, { actor, planId: req.params.id, today: today() });
      });
    },
  );
}
