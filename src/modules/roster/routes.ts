import { and, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { orgs } from '../../db/schema.ts';
import type { App, AppContext } from '../../server/context.ts';
import { requireActor, todayInShanghai } from '../../server/context.ts';
import { AppError, conflict } from '../../server/errors.ts';
import { sendWorkbook } from '../../server/excel.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { importTenantOf, readUploadedWorkbook } from '../../server/upload.ts';
import { isUniqueViolation } from '../members/unique-violation.ts';
import { buildRosterTemplate } from './build-template.ts';
import { importRoster, parseRosterWorkbook, type RowIssue } from './import-roster.ts';

const tags = ['roster'];

const universityQuery = z.object({
  /** Only for platform admins, who belong to no university. */
  universityId: z.uuid().optional(),
});

const importQuery = universityQuery.extend({
  dryRun: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
});

const rosterRejected = (issues: RowIssue[]) =>
  new AppError(
    'BAD_INPUT',
    {
      zh: `名册有${issues.length}处错误，未导入任何数据`,
      en: `The roster has ${issues.length} problem(s); nothing was imported`,
    },
    issues,
  );

const reject = (column: string, reason: string) => rosterRejected([{ row: 0, column, reason }]);
const tenantOf = (actor: Actor, universityId: string | undefined) => importTenantOf(actor, universityId, reject);

export default async function rosterRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

  app.get(
    '/roster/template.xlsx',
    { schema: { tags, summary: '下载人员名册导入模板 Roster template (Excel)', querystring: universityQuery } },
    async (req, reply) => {
      const actor = requireActor(req);
      const tenantId = tenantOf(actor, req.query.universityId);
      const branch = alias(orgs, 'branch');
      // The branches and groups this user may import into, so the template lists usable codes.
      const codes = await db
        .select({ code: orgs.code, name: orgs.name, kind: orgs.kind, branchCode: branch.code })
        .from(orgs)
        .leftJoin(branch, and(eq(orgs.kind, 'group'), eq(branch.tenantId, orgs.tenantId), eq(branch.id, orgs.parentId)))
        .where(
          and(
            eq(orgs.tenantId, tenantId),
            inArray(orgs.kind, ['branch', 'group']),
            sql`${orgs.validTo} is null`,
            orgInScope(actor, 'write', orgs.tenantId, orgs.path),
          ),
        )
        .orderBy(orgs.path);
      return sendWorkbook(reply, '人员名册导入模板.xlsx', await buildRosterTemplate(codes));
    },
  );

  app.post(
    '/roster/import',
    {
      schema: {
        tags,
        summary: '导入人员名册（全部正确才写入） Import a roster, all or nothing',
        description: 'multipart/form-data with the .xlsx file in field `file`; `dryRun=1` checks without writing.',
        querystring: importQuery,
        response: {
          200: z.object({ created: z.number(), updated: z.number(), unchanged: z.number(), dryRun: z.boolean() }),
        },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const tenantId = tenantOf(actor, req.query.universityId);
      const buffer = await readUploadedWorkbook(req, reject);
      const { rows, issues } = await parseRosterWorkbook(buffer);
      if (issues.length) throw rosterRejected(issues);
      const result = await db
        .transaction((tx) =>
          importRoster(tx, { tenantId, rows, actor, dryRun: req.query.dryRun, asOf: todayInShanghai(ctx.now()) }),
        )
        .catch((error) => {
          // Someone added one of these codes between our check and our insert.
          if (isUniqueViolation(error))
            throw conflict({
              zh: '导入期间有编号被他人同时添加，未导入任何数据，请重试',
              en: 'A code was added by someone else meanwhile; nothing was imported, try again',
            });
          throw error;
        });
      if (result.issues.length) throw rosterRejected(result.issues);
      return { created: result.created, updated: result.updated, unchanged: result.unchanged, dryRun: result.dryRun };
    },
  );
}
