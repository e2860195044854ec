import { z } from 'zod';
import type { App, AppContext } from '../../server/context.ts';
import { requireActor } from '../../server/context.ts';
import { buildWorkbook, sendWorkbook } from '../../server/excel.ts';
import { listAudit } from './list-audit.ts';
import { auditEntryView, auditFilters, auditQuery } from './schema.ts';

const tags = ['audit'];
/** An export is a document for people, not a dump: beyond this, narrow the filters. */
const EXPORT_LIMIT = 20_000;

const shanghaiTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

const json = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));

export default async function auditRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

  app.get(
    '/audit',
    {
      schema: {
        tags,
        summary: '审计日志 Audit trail in scope, newest first',
        querystring: auditQuery,
        response: { 200: z.object({ items: z.array(auditEntryView), total: z.number() }) },
      },
    },
    async (req) => {
      const { page, pageSize, ...filters } = req.query;
      return listAudit(db, { actor: requireActor(req), filters, limit: pageSize, offset: (page - 1) * pageSize });
    },
  );

  app.get(
    '/audit/export.xlsx',
    { schema: { tags, summary: '导出审计日志 Export the audit trail (Excel)', querystring: auditFilters } },
    async (req, reply) => {
      const { items } = await listAudit(db, {
        actor: requireActor(req),
        filters: req.query,
        limit: EXPORT_LIMIT,
        offset: 0,
      });
      type Item = (typeof items)[number];
      const buffer = await buildWorkbook([
        {
          name: '审计日志',
          rows: items,
          columns: [
            { header: '时间', key: 'at', width: 20, value: (r: Item) => shanghaiTime.format(new Date(r.at)) },
            { header: '操作人', key: 'actorName', value: (r: Item) => r.actorName },
            { header: '操作', key: 'action', value: (r: Item) => r.action },
            { header: '对象', key: 'entity', value: (r: Item) => r.entity },
            { header: '对象编号', key: 'entityId', width: 38, value: (r: Item) => r.entityId },
            { header: '变更前', key: 'before', width: 50, value: (r: Item) => json(r.before) },
            { header: '变更后', key: 'after', width: 50, value: (r: Item) => json(r.after) },
          ],
        },
      ]);
      return sendWorkbook(reply, '审计日志.xlsx', buffer);
    },
  );
}
