/** The Excel side of member development: the activist-list template and import, and the roster of activists and candidates. */
import { z } from 'zod';
import type { App, AppContext } from '../../server/context.ts';
import { requireActor, todayInShanghai } from '../../server/context.ts';
import { AppError } from '../../server/errors.ts';
import { sendWorkbook } from '../../server/excel.ts';
import type { Actor } from '../../server/scope.ts';
import { importTenantOf, readUploadedWorkbook } from '../../server/upload.ts';
import { buildImportTemplate } from '../dues/build-import-template.ts';
import { type RowIssue, readDuesWorkbook } from '../dues/import-sheet.ts';
import { activistColumns } from './columns.ts';
import { importActivists } from './import-activists.ts';
import { loadRoster } from './load-roster.ts';
import { buildRosterSheet } from './roster-sheet.ts';

const tags = ['development'];
const universityQuery = z.object({ universityId: z.uuid().optional() });
const importQuery = universityQuery.extend({
  dryRun: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
});
const rosterQuery = z.object({ orgId: z.uuid().optional() });

const rejected = (issues: RowIssue[]) =>
  new AppError(
    'BAD_INPUT',
    {
      zh: `名单有${issues.length}处错误，未导入任何数据`,
      en: `The list has ${issues.length} problem(s); nothing was imported`,
    },
    issues,
  );
const reject = (column: string, reason: string) => rejected([{ row: 0, column, reason }]);
const tenantOf = (actor: Actor, universityId: string | undefined) => importTenantOf(actor, universityId, reject);

const due = z.object({
  kind: z.string(),
  rule: z.string(),
  due: z.string(),
  state: z.string(),
  label: z.object({ zh: z.string(), en: z.string() }),
});
const rosterEntry = z.object({
  caseId: z.string(),
  personCode: z.string(),
  personName: z.string(),
  gender: z.string().nullable(),
  birthDate: z.string().nullable(),
  personCategory: z.string(),
  branchCode: z.string(),
  branchName: z.string(),
  stage: z.string(),
  stageName: z.string(),
  appliedOn: z.string().nullable(),
  activistOn: z.string().nullable(),
  candidateOn: z.string().nullable(),
  mentors: z.array(z.string()),
  sponsors: z.array(z.string()),
  next: due.nullable(),
});

export default async function devRosterRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  const today = () => todayInShanghai(ctx.now());

  app.get(
    '/development/activists/template.xlsx',
    { schema: { tags, summary: '下载入党积极分子名单导入模板 Activist list template (Excel)' } },
    async (_req, reply) =>
      sendWorkbook(
        reply,
        '入党积极分子名单导入模板.xlsx',
        await buildImportTemplate('入党积极分子名单', activistColumns, []),
      ),
  );

  app.post(
    '/development/activists/import',
    {
      schema: {
        tags,
        summary: '导入入党积极分子名单（全部正确才写入） Import an activist list, all or nothing',
        description:
          'multipart/form-data with the .xlsx file in field `file`; `dryRun=1` checks without writing. Each row opens a case with its application and activist steps.',
        querystring: importQuery,
        response: { 200: z.object({ rows: z.number(), dryRun: z.boolean() }) },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const tenantId = tenantOf(actor, req.query.universityId);
      const buffer = await readUploadedWorkbook(req, reject);
      const { rows, issues } = await readDuesWorkbook(buffer, activistColumns);
      if (issues.length) throw rejected(issues);
      const result = await db.transaction((tx) =>
        importActivists(tx, { tenantId, rows, actor, dryRun: req.query.dryRun, today: today() }),
      );
      if (result.issues.length) throw rejected(result.issues);
      return { rows: result.rows, dryRun: result.dryRun };
    },
  );

  app.get(
    '/development/roster',
    {
      schema: {
        tags,
        summary: '入党积极分子和发展对象花名册 Roster of activists and candidates',
        querystring: rosterQuery,
        response: { 200: z.object({ orgName: z.string(), items: z.array(rosterEntry) }) },
      },
    },
    async (req) => {
      const { root, entries } = await loadRoster(db, {
        actor: requireActor(req),
        orgId: req.query.orgId,
        asOf: today(),
      });
      return { orgName: root.name, items: entries };
    },
  );

  app.get(
    '/development/roster.xlsx',
    {
      schema: {
        tags,
        summary: '导出入党积极分子和发展对象花名册（Excel） Roster as Excel',
        querystring: rosterQuery,
      },
    },
    async (req, reply) => {
      const { root, entries } = await loadRoster(db, {
        actor: requireActor(req),
        orgId: req.query.orgId,
        asOf: today(),
      });
      return sendWorkbook(
        reply,
        `${root.name}入党积极分子和发展对象花名册.xlsx`,
        await buildRosterSheet('花名册', entries),
      );
    },
  );
}
