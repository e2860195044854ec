/** The Excel templates and all-or-nothing imports of income bases and payments. */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { people } from '../../db/schema.ts';
import type { App, AppContext } from '../../server/context.ts';
import { requireActor, todayInShanghai } from '../../server/context.ts';
import { AppError } from '../../server/errors.ts';
import { sendWorkbook } from '../../server/excel.ts';
import { type Actor, personInScope } from '../../server/scope.ts';
import { importTenantOf, readUploadedWorkbook } from '../../server/upload.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { buildImportTemplate } from './build-import-template.ts';
import { baseColumns, type ImportColumn, paymentColumns } from './import-columns.ts';
import { type DuesImportResult, importBases, importPayments } from './import-dues.ts';
import { type RowIssue, readDuesWorkbook } from './import-sheet.ts';

const tags = ['dues'];
const universityQuery = z.object({ universityId: z.uuid().optional() });
const importQuery = universityQuery.extend({
  dryRun: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
});

export const duesRejected = (issues: RowIssue[]) =>
  new AppError(
    'BAD_INPUT',
    {
      zh: `文件有${issues.length}处错误，未导入任何数据`,
      en: `The file has ${issues.length} problem(s); nothing was imported`,
    },
    issues,
  );
const reject = (column: string, reason: string) => duesRejected([{ row: 0, column, reason }]);
const tenantOf = (actor: Actor, universityId: string | undefined) => importTenantOf(actor, universityId, reject);

/** Current members the actor may write, for pre-filling a template. */
async function writableMembers(ctx: AppContext, actor: Actor, tenantId: string) {
  return selectRows<{ code: string; name: string }>(
    ctx.db,
    sql`select people.code, people.name from people
      where people.tenant_id = ${tenantId}::uuid and ${personInScope(actor, 'write', people.tenantId, people.id)}
        and exists (select 1 from memberships m where m.tenant_id = people.tenant_id and m.person_id = people.id
          and m.valid_to is null and m.standing = 'normal')
      order by people.code`,
  );
}

type Kind = {
  path: string;
  summary: string;
  sheetName: string;
  fileName: string;
  columns: ImportColumn[];
  run: typeof importBases;
};

const kinds: Kind[] = [
  {
    path: 'bases',
    summary: '党费基数（工资表）',
    sheetName: '党费基数',
    fileName: '党费基数导入模板.xlsx',
    columns: baseColumns,
    run: importBases,
  },
  {
    path: 'payments',
    summary: '党费交纳记录',
    sheetName: '党费交纳',
    fileName: '党费交纳导入模板.xlsx',
    columns: paymentColumns,
    run: importPayments,
  },
];

export async function duesImportRoutes(app: App, ctx: AppContext) {
  for (const kind of kinds) {
    app.get(
      `/dues/${kind.path}/template.xlsx`,
      { schema: { tags, summary: `下载${kind.summary}导入模板 Template (Excel)`, querystring: universityQuery } },
      async (req, reply) => {
        const actor = requireActor(req);
        const tenantId = tenantOf(actor, req.query.universityId);
        const members = await writableMembers(ctx, actor, tenantId);
        return sendWorkbook(reply, kind.fileName, await buildImportTemplate(kind.sheetName, kind.columns, members));
      },
    );
    app.post(
      `/dues/${kind.path}/import`,
      {
        schema: {
          tags,
          summary: `导入${kind.summary}（全部正确才写入） Import, all or nothing`,
          description: 'multipart/form-data with the .xlsx file in field `file`; `dryRun=1` checks without writing.',
          querystring: importQuery,
          response: { 200: z.object({ rows: z.number(), dryRun: z.boolean() }) },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        const tenantId = tenantOf(actor, req.query.universityId);
        const buffer = await readUploadedWorkbook(req, reject);
        const { rows, issues } = await readDuesWorkbook(buffer, kind.columns);
        if (issues.length) throw duesRejected(issues);
        const result: DuesImportResult = await ctx.db.transaction((tx) =>
          kind.run(tx, { tenantId, rows, actor, dryRun: req.query.dryRun, today: todayInShanghai(ctx.now()) }),
        );
        if (result.issues.length) throw duesRejected(result.issues);
        return { rows: result.rows, dryRun: result.dryRun };
      },
    );
  }
}
