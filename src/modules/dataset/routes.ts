import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { oversightBodies, tenants } from '../../db/schema.ts';
import type { App, AppContext } from '../../server/context.ts';
import { requireActor } from '../../server/context.ts';
import { badInput, forbidden, notFound } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { errorBody } from '../../server/zod.ts';
import { exportDatasetSnapshot } from './export-dataset.ts';
import { importDataset } from './import-dataset.ts';

const importedView = z.object({
  university: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  counts: z.record(z.string(), z.number()),
});

/** Universities whose whole tree the actor reads: org-department admins and oversight viewers. */
function universityInScope(actor: Actor): SQL {
  if (actor.all) return sql`true`;
  const roots = actor.readAreas.filter((a) => a.path === `/${a.tenantId}/`).map((a) => a.tenantId);
  return roots.length ? inArray(tenants.id, roots) : sql`false`;
}

export default async function datasetRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

  app.get(
    '/dataset/export',
    {
      schema: {
        tags: ['dataset'],
        summary: '导出数据集 Export a university as a zhibu-dataset/1 document',
        description:
          'The whole university: configuration, org tree, people, memberships, terms, meetings. ' +
          'Readers of the university root only (organization-department admin, oversight viewer, platform admin).',
        querystring: z.object({ university: z.string().min(1).max(100) }),
        response: { 200: z.unknown().describe('the zhibu-dataset/1 document (docs/dataset.md)'), 404: errorBody },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const [tenant] = await db
        .select({ id: tenants.id })
        .from(tenants)
        .where(and(eq(tenants.code, req.query.university), universityInScope(actor)));
      if (!tenant) throw notFound({ zh: '学校', en: 'university' });
      return exportDatasetSnapshot(db, { tenantId: tenant.id });
    },
  );

  app.post(
    '/dataset/import',
    {
      schema: {
        tags: ['dataset'],
        summary: '导入数据集 Import a zhibu-dataset/1 document as a new university',
        description:
          'Platform admins only. Every problem is reported as details [{pointer, reason}] and nothing is written. ' +
          'A university code that already exists is a 409.',
        querystring: z.object({ oversightBody: z.string().min(1).max(100).optional() }),
        body: z.unknown().describe('the zhibu-dataset/1 document (docs/dataset.md)'),
        response: { 200: importedView, 400: errorBody, 403: errorBody, 409: errorBody },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      if (!actor.all) throw forbidden();
      return db.transaction(async (tx) => {
        let oversightBodyId: string | null = null;
        if (req.query.oversightBody) {
          const [body] = await tx
            .select({ id: oversightBodies.id })
            .from(oversightBodies)
            .where(eq(oversightBodies.code, req.query.oversightBody));
          if (!body)
            throw badInput([{ field: 'query.oversightBody', reason: '未知的工委代码 / unknown oversight body' }]);
          oversightBodyId = body.id;
        }
        const { university, counts } = await importDataset(tx, { document: req.body, actor, oversightBodyId });
        return { university, counts };
      });
    },
  );
}
