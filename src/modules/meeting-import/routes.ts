import { and, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { orgs } from '../../db/schema.ts';
import type { App, AppContext } from '../../server/context.ts';
import { requireActor, todayInShanghai } from '../../server/context.ts';
import { AppError, conflict } from '../../server/errors.ts';
import { sendWorkbook } from '../../server/excel.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { importTenantOf, readUploadedWorkbook } from '../../server/upload.ts';
import { isUniqueViolation } from '../members/unique-violation.ts';
import { buildMeetingTemplate } from './build-template.ts';
import { importMeetings, MeetingImportRollback } from './import-meetings.ts';
import { parseMeetingWorkbook, type RowIssue } from './parse-meeting-rows.ts';

const tags = ['meetings'];

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

export const meetingsRejected = (issues: RowIssue[]) =>
  new AppError(
    'BAD_INPUT',
    {
      zh: `会议记录有${issues.length}处错误，未导入任何数据`,
      en: `The meeting records have ${issues.length} problem(s); nothing was imported`,
    },
    issues,
  );
const reject = (column: string, reason: string) => meetingsRejected([{ row: 0, column, reason }]);
const tenantOf = (actor: Actor, universityId: string | undefined) => importTenantOf(actor, universityId, reject);

const resultSchema = z.object({
  meetings: z.number(),
  attendance: z.number(),
  absent: z.number(),
  leave: z.number(),
  dryRun: z.boolean(),
});

export default async function meetingImportRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

  app.get(
    '/meetings/import-template.xlsx',
    {
      schema: { tags, summary: '下载会议记录导入模板 Meeting-records template (Excel)', querystring: universityQuery },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const tenantId = tenantOf(actor, req.query.universityId);
      const codes = await db
        .select({ code: orgs.code, name: orgs.name, kind: orgs.kind })
        .from(orgs)
        .where(
          and(
            eq(orgs.tenantId, tenantId),
            inArray(orgs.kind, ['college', 'branch', 'group']),
            isNull(orgs.validTo),
            orgInScope(actor, 'write', orgs.tenantId, orgs.path),
          ),
        )
        .orderBy(orgs.path);
      return sendWorkbook(reply, '会议记录导入模板.xlsx', await buildMeetingTemplate(codes));
    },
  );

  app.post(
    '/meetings/import',
    {
      schema: {
        tags,
        summary: '导入会议记录（全部正确才写入） Import meeting records, all or nothing',
        description: 'multipart/form-data with the .xlsx file in field `file`; `dryRun=1` checks without writing.',
        querystring: importQuery,
        response: { 200: resultSchema },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const tenantId = tenantOf(actor, req.query.universityId);
      const buffer = await readUploadedWorkbook(req, reject);
      const { rows, issues } = await parseMeetingWorkbook(buffer);
      if (issues.length) throw meetingsRejected(issues);
      const dryRun = req.query.dryRun;
      try {
        const result = await db.transaction((tx) =>
          importMeetings(tx, { tenantId, rows, actor, dryRun, today: todayInShanghai(ctx.now()) }),
        );
        return { ...result, dryRun };
      } catch (error) {
        if (error instanceof MeetingImportRollback) {
          if (error.issues.length) throw meetingsRejected(error.issues);
          return { ...error.result, dryRun };
        }
        if (isUniqueViolation(error))
          throw conflict({
            zh: '导入期间有会议编号被他人同时使用，未导入任何数据，请重试',
            en: 'A meeting code was taken by someone else meanwhile; nothing was imported, try again',
          });
        throw error;
      }
    },
  );
}
