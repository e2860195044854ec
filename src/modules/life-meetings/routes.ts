import type { App, AppContext } from '../../server/context.ts';
import { requireActor, todayInShanghai } from '../../server/context.ts';
import { deletePreparationRow, type PreparationList } from './delete-preparation-row.ts';
import { loadLifeMeetingInScope } from './load-life-meeting.ts';
import { listOpinions, listRectifications, listTalks, preparationChecklist } from './preparation-checklist.ts';
import { createOpinion, updateOpinion } from './save-opinion.ts';
import { createRectification, updateRectification } from './save-rectification.ts';
import { createTalk, updateTalk } from './save-talk.ts';
import {
  createOpinionBody,
  createRectificationBody,
  createTalkBody,
  meetingParams,
  rowParams,
  updateOpinionBody,
  updateRectificationBody,
  updateTalkBody,
  versionQuery,
} from './schema.ts';

const tags = ['life-meetings'];

export default async function lifeMeetingRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  const today = () => todayInShanghai(ctx.now());

  app.get(
    '/life-meetings/:meetingId',
    { schema: { tags, summary: '组织生活会准备情况 Life meeting preparation checklist', params: meetingParams } },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) =>
        preparationChecklist(tx, await loadLifeMeetingInScope(tx, actor, 'read', req.params.meetingId), today()),
      );
    },
  );

  const lists = { talks: listTalks, opinions: listOpinions, rectifications: listRectifications };
  for (const [list, load] of Object.entries(lists))
    app.get(
      `/life-meetings/:meetingId/${list}`,
      { schema: { tags, summary: `组织生活会${list} Life meeting ${list}`, params: meetingParams } },
      async (req) => {
        const actor = requireActor(req);
        return db.transaction(async (tx) => {
          const { meeting } = await loadLifeMeetingInScope(tx, actor, 'read', req.params.meetingId);
          return { items: await load(tx, meeting) };
        });
      },
    );

  app.post(
    '/life-meetings/:meetingId/talks',
    { schema: { tags, summary: '记录谈心谈话 Record a talk', params: meetingParams, body: createTalkBody } },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction((tx) => createTalk(tx, { meetingId: req.params.meetingId, input: req.body, actor }));
    },
  );

  app.patch(
    '/life-meetings/:meetingId/talks/:id',
    { schema: { tags, summary: '修改谈心谈话 Update a talk', params: rowParams, body: updateTalkBody } },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction((tx) =>
        updateTalk(tx, { meetingId: req.params.meetingId, talkId: req.params.id, input: req.body, actor }),
      );
    },
  );

  app.post(
    '/life-meetings/:meetingId/opinions',
    { schema: { tags, summary: '记录征求的意见 Record an opinion', params: meetingParams, body: createOpinionBody } },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction((tx) => createOpinion(tx, { meetingId: req.params.meetingId, input: req.body, actor }));
    },
  );

  app.patch(
    '/life-meetings/:meetingId/opinions/:id',
    { schema: { tags, summary: '修改意见 Update an opinion', params: rowParams, body: updateOpinionBody } },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction((tx) =>
        updateOpinion(tx, { meetingId: req.params.meetingId, opinionId: req.params.id, input: req.body, actor }),
      );
    },
  );

  app.post(
    '/life-meetings/:meetingId/rectifications',
    {
      schema: {
        tags,
        summary: '添加整改事项 Add a rectification point',
        params: meetingParams,
        body: createRectificationBody,
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction((tx) =>
        createRectification(tx, { meetingId: req.params.meetingId, input: req.body, today: today(), actor }),
      );
    },
  );

  app.patch(
    '/life-meetings/:meetingId/rectifications/:id',
    {
      schema: {
        tags,
        summary: '修改或完成整改事项 Update or complete a rectification point',
        params: rowParams,
        body: updateRectificationBody,
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction((tx) =>
        updateRectification(tx, {
          meetingId: req.params.meetingId,
          rectificationId: req.params.id,
          input: req.body,
          today: today(),
          actor,
        }),
      );
    },
  );

  for (const list of ['talks', 'opinions', 'rectifications'] as PreparationList[])
    app.delete(
      `/life-meetings/:meetingId/${list}/:id`,
      { schema: { tags, summary: `删除 Delete one of ${list}`, params: rowParams, querystring: versionQuery } },
      async (req) => {
        const actor = requireActor(req);
        await db.transaction((tx) =>
          deletePreparationRow(tx, {
            list,
            meetingId: req.params.meetingId,
            id: req.params.id,
            version: req.query.version,
            actor,
          }),
        );
        return { deleted: true };
      },
    );
}
