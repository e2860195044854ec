import type { App, AppContext } from '../../server/context.ts';
import { requireActor, todayInShanghai } from '../../server/context.ts';
import { idParams } from '../../server/zod.ts';
import { listReports } from './list-reports.ts';
import { loadReportView } from './load-report.ts';
import { readReport } from './read-report.ts';
import { listReportsQuery, listReportsResponse, readReportBody, reportView, submitReportBody } from './schema.ts';
import { submitReport } from './submit-report.ts';

const tags = ['reports'];

export default async function reportRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  const today = () => todayInShanghai(ctx.now());

  app.get(
    '/reports',
    {
      schema: {
        tags,
        summary: '思想汇报列表 Thought reports',
        querystring: listReportsQuery,
        response: { 200: listReportsResponse },
      },
    },
    async (req) => listReports(db, { actor: requireActor(req), filters: req.query }),
  );

  app.get(
    '/reports/:id',
    { schema: { tags, summary: '思想汇报 A thought report', params: idParams, response: { 200: reportView } } },
    async (req) => loadReportView(db, requireActor(req), req.params.id),
  );

  app.post(
    '/reports',
    {
      schema: {
        tags,
        summary: '提交思想汇报（党员本人） Submit a thought report (the member)',
        body: submitReportBody,
        response: { 200: reportView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        const report = await submitReport(tx, { input: req.body, today: today(), actor });
        return loadReportView(tx, actor, report.id);
      });
    },
  );

  app.post(
    '/reports/:id/read',
    {
      schema: {
        tags,
        summary: '批阅思想汇报（支部书记） Read and comment (the branch)',
        params: idParams,
        body: readReportBody,
        response: { 200: reportView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        await readReport(tx, {
          reportId: req.params.id,
          comment: req.body?.comment || null,
          version: req.body?.version,
          now: ctx.now(),
          actor,
        });
        return loadReportView(tx, actor, req.params.id);
      });
    },
  );
}
