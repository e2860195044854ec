import type { App, AppContext } from '../../server/context.ts';
import { requireActor, todayInShanghai } from '../../server/context.ts';
import { idParams } from '../../server/zod.ts';
import { appendEvent } from './append-event.ts';
import { approvalQueue } from './approval-queue.ts';
import { caseDetail } from './case-detail.ts';
import { correctEvent, deleteEvent } from './correct-event.ts';
import { createCase } from './create-case.ts';
import { deleteCase } from './delete-case.ts';
import { listCases } from './list-cases.ts';
import { listDue } from './list-due.ts';
import { pipeline } from './pipeline.ts';
import {
  appendEventBody,
  caseDetail as caseDetailView,
  correctEventBody,
  createCaseBody,
  dueQuery,
  dueResponse,
  listCasesQuery,
  listCasesResponse,
  pipelineQuery,
  pipelineResponse,
  queueQuery,
  queueResponse,
  versionQuery,
} from './schema.ts';

const tags = ['development'];

export default async function developmentRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  const today = () => todayInShanghai(ctx.now());

  app.get(
    '/development/cases',
    {
      schema: {
        tags,
        summary: '发展党员档案列表 Development cases in scope',
        querystring: listCasesQuery,
        response: { 200: listCasesResponse },
      },
    },
    async (req) => {
      const { page, pageSize, ...filters } = req.query;
      return listCases(db, { actor: requireActor(req), filters, page, pageSize });
    },
  );

  app.post(
    '/development/cases',
    {
      schema: {
        tags,
        summary: '建立发展档案（递交入党申请书） Open a case with the application',
        body: createCaseBody,
        response: { 200: caseDetailView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        const row = await createCase(tx, { actor, input: req.body, asOf: today() });
        return caseDetail(tx, actor, row.id, today());
      });
    },
  );

  app.get(
    '/development/cases/:id',
    {
      schema: {
        tags,
        summary: '发展档案详情 A case: events, stage, what is due next',
        params: idParams,
        response: { 200: caseDetailView },
      },
    },
    async (req) => caseDetail(db, requireActor(req), req.params.id, today()),
  );

  app.delete(
    '/development/cases/:id',
    {
      schema: {
        tags,
        summary: '删除误建的发展档案 Delete a case opened by mistake',
        params: idParams,
        querystring: versionQuery,
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      await db.transaction((tx) => deleteCase(tx, { actor, caseId: req.params.id, version: req.query.version }));
      return reply.code(204).send();
    },
  );

  app.post(
    '/development/cases/:id/events',
    {
      schema: {
        tags,
        summary: '记录发展步骤 Record a step (gated; approvals by the superior committee)',
        params: idParams,
        body: appendEventBody,
        response: { 200: caseDetailView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        await appendEvent(tx, { actor, caseId: req.params.id, input: req.body, asOf: today() });
        return caseDetail(tx, actor, req.params.id, today());
      });
    },
  );

  app.put(
    '/development/events/:id',
    {
      schema: {
        tags,
        summary: '更正发展步骤 Correct a step (the case is gated again)',
        params: idParams,
        body: correctEventBody,
        response: { 200: caseDetailView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        const caseId = await correctEvent(tx, { actor, eventId: req.params.id, input: req.body, asOf: today() });
        return caseDetail(tx, actor, caseId, today());
      });
    },
  );

  app.delete(
    '/development/events/:id',
    {
      schema: {
        tags,
        summary: '删除误记的发展步骤 Delete a step recorded by mistake',
        params: idParams,
        querystring: versionQuery,
        response: { 200: caseDetailView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        const caseId = await deleteEvent(tx, {
          actor,
          eventId: req.params.id,
          version: req.query.version,
          asOf: today(),
        });
        return caseDetail(tx, actor, caseId, today());
      });
    },
  );

  app.get(
    '/development/due',
    {
      schema: {
        tags,
        summary: '发展党员待办 What open cases owe next (overdue, near, within N days)',
        querystring: dueQuery,
        response: { 200: dueResponse },
      },
    },
    async (req) => listDue(db, { actor: requireActor(req), ...req.query, asOf: today() }),
  );

  app.get(
    '/development/queue',
    {
      schema: {
        tags,
        summary: '上级党委待审批（预审、接收审批、转正审批、预备期满的决定） Cases waiting for the superior committee',
        querystring: queueQuery,
        response: { 200: queueResponse },
      },
    },
    async (req) => approvalQueue(db, { actor: requireActor(req), orgId: req.query.orgId, asOf: today() }),
  );

  app.get(
    '/development/pipeline',
    {
      schema: {
        tags,
        summary: '发展党员进度看板 Cases per stage per branch, with those stuck or late',
        querystring: pipelineQuery,
        response: { 200: pipelineResponse },
      },
    },
    async (req) => pipeline(db, { actor: requireActor(req), orgId: req.query.orgId }),
  );
}
