import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { memberships, orgs, people } from '../../db/schema.ts';
import type { App, AppContext } from '../../server/context.ts';
import { requireActor, todayInShanghai } from '../../server/context.ts';
import { AppError, conflict, notFound } from '../../server/errors.ts';
import { sendWorkbook } from '../../server/excel.ts';
import { personInScope } from '../../server/scope.ts';
import { importTenantOf, readUploadedWorkbook } from '../../server/upload.ts';
import { idParams } from '../../server/zod.ts';
import { isUniqueViolation } from '../members/unique-violation.ts';
import { buildStudyTemplate } from './build-study-template.ts';
import { computeHours } from './compute-hours.ts';
import { createSession } from './create-session.ts';
import { buildHoursSheet } from './hours-sheet.ts';
import { importStudyHours } from './import-study-hours.ts';
import { listCredits } from './list-credits.ts';
import { listSessions } from './list-sessions.ts';
import { loadSessionView } from './load-session.ts';
import { parseStudyWorkbook, type RowIssue } from './parse-study-rows.ts';
import {
  createSessionBody,
  creditItem,
  hoursQuery,
  hoursResponse,
  listSessionsQuery,
  myHoursResponse,
  sessionItem,
  sessionView,
  updateSessionBody,
  yearQuery,
} from './schema.ts';
import { viewRoot } from './scope-root.ts';
import { updateSession } from './update-session.ts';

const tags = ['training'];

const studyRejected = (issues: RowIssue[]) =>
  new AppError(
    'BAD_INPUT',
    {
      zh: `学习学时有${issues.length}处错误，未导入任何数据`,
      en: `The study hours have ${issues.length} problem(s); nothing was imported`,
    },
    issues,
  );
const reject = (column: string, reason: string) => studyRejected([{ row: 0, column, reason }]);

const importQuery = z.object({
  universityId: z.uuid().optional(),
  dryRun: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
});

export default async function trainingRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  const today = () => todayInShanghai(ctx.now());
  const thisYear = () => Number(today().slice(0, 4));
  const sessionTaken = () =>
    conflict({ zh: '培训编号被他人同时使用，请重试', en: 'The session number was taken meanwhile; try again' });

  app.get(
    '/training/sessions',
    {
      schema: {
        tags,
        summary: '培训班次 Training sessions',
        querystring: listSessionsQuery,
        response: { 200: z.object({ items: z.array(sessionItem) }) },
      },
    },
    async (req) => ({
      items: await listSessions(db, { actor: requireActor(req), orgId: req.query.orgId, year: req.query.year }),
    }),
  );

  app.get(
    '/training/sessions/:id',
    {
      schema: {
        tags,
        summary: '培训班次及参训人员 A session and its attendees',
        params: idParams,
        response: { 200: sessionView },
      },
    },
    async (req) => loadSessionView(db, requireActor(req), req.params.id),
  );

  app.post(
    '/training/sessions',
    {
      schema: {
        tags,
        summary: '登记培训班次并计入参训人员学时 Record a session and credit its attendees',
        body: createSessionBody,
        response: { 200: sessionView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      try {
        return await db.transaction(async (tx) => {
          const session = await createSession(tx, { input: req.body, today: today(), actor });
          return loadSessionView(tx, actor, session.id);
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw sessionTaken();
        throw error;
      }
    },
  );

  app.put(
    '/training/sessions/:id',
    {
      schema: {
        tags,
        summary: '修改培训班次（版本不符为409） Change a session (409 on a stale version)',
        params: idParams,
        body: updateSessionBody,
        response: { 200: sessionView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        await updateSession(tx, { id: req.params.id, input: req.body, today: today(), actor });
        return loadSessionView(tx, actor, req.params.id);
      });
    },
  );

  app.get(
    '/training/hours',
    {
      schema: {
        tags,
        summary: '年度学时完成情况（按组织） Yearly hours of an org subtree, who is behind',
        querystring: hoursQuery,
        response: { 200: hoursResponse },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const year = req.query.year ?? thisYear();
      const root = await viewRoot(db, actor, req.query.orgId);
      const all = await db.transaction((tx) =>
        computeHours(tx, { tenantId: root.tenantId, subtreePath: root.path, year, today: today() }),
      );
      const items = req.query.behind === '1' ? all.filter((r) => r.behind) : all;
      return { year, orgId: root.id, items, total: all.length, behind: all.filter((r) => r.behind).length };
    },
  );

  app.get(
    '/training/hours/export.xlsx',
    { schema: { tags, summary: '导出年度学时（Excel） Yearly hours as Excel', querystring: hoursQuery } },
    async (req, reply) => {
      const actor = requireActor(req);
      const year = req.query.year ?? thisYear();
      const root = await viewRoot(db, actor, req.query.orgId);
      const rows = await db.transaction((tx) =>
        computeHours(tx, { tenantId: root.tenantId, subtreePath: root.path, year, today: today() }),
      );
      const items = req.query.behind === '1' ? rows.filter((r) => r.behind) : rows;
      return sendWorkbook(reply, `${root.name}${year}年学时.xlsx`, await buildHoursSheet(year, items));
    },
  );

  app.get(
    '/training/my-hours',
    {
      schema: { tags, summary: '我的学时 My study hours', querystring: yearQuery, response: { 200: myHoursResponse } },
    },
    async (req) => {
      const actor = requireActor(req);
      if (!actor.personId || !actor.tenantId) throw notFound({ zh: '党员', en: 'member' });
      const year = req.query.year ?? thisYear();
      const { personId, tenantId } = actor;
      return db.transaction(async (tx) => {
        const [person] = await tx
          .select({ id: people.id, code: people.code, name: people.name })
          .from(people)
          .where(and(eq(people.tenantId, tenantId), eq(people.id, personId)));
        if (!person) throw notFound({ zh: '党员', en: 'member' });
        const [branch] = await tx
          .select({ path: orgs.path })
          .from(memberships)
          .innerJoin(orgs, and(eq(orgs.tenantId, memberships.tenantId), eq(orgs.id, memberships.orgId)))
          .where(
            and(eq(memberships.tenantId, tenantId), eq(memberships.personId, personId), isNull(memberships.validTo)),
          )
          .orderBy(desc(memberships.validFrom))
          .limit(1);
        const rows = branch
          ? await computeHours(tx, { tenantId, subtreePath: branch.path, year, today: today(), personId })
          : [];
        return {
          year,
          person,
          summary: rows[0] ?? null,
          credits: await listCredits(tx, { tenantId, personId, year }),
        };
      });
    },
  );

  app.get(
    '/training/people/:id/credits',
    {
      schema: {
        tags,
        summary: '某人的学时明细 A person’s credited hours',
        params: idParams,
        querystring: yearQuery,
        response: { 200: z.object({ items: z.array(creditItem) }) },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const [person] = await db
        .select({ tenantId: people.tenantId, id: people.id })
        .from(people)
        .where(and(eq(people.id, req.params.id), personInScope(actor, 'read', people.tenantId, people.id)));
      if (!person) throw notFound({ zh: '人员', en: 'person' });
      return {
        items: await listCredits(db, {
          tenantId: person.tenantId,
          personId: person.id,
          year: req.query.year ?? thisYear(),
        }),
      };
    },
  );

  app.get(
    '/training/import-template.xlsx',
    { schema: { tags, summary: '下载学时导入模板 Online-study template (Excel)' } },
    async (_req, reply) => sendWorkbook(reply, '学习学时导入模板.xlsx', await buildStudyTemplate()),
  );

  app.post(
    '/training/import',
    {
      schema: {
        tags,
        summary: '导入网络学习学时（全部正确才写入） Import study hours, all or nothing',
        description: 'multipart/form-data with the .xlsx file in field `file`; `dryRun=1` checks without writing.',
        querystring: importQuery,
        response: {
          200: z.object({ credits: z.number(), people: z.number(), hours: z.number(), dryRun: z.boolean() }),
        },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const tenantId = importTenantOf(actor, req.query.universityId, reject);
      const buffer = await readUploadedWorkbook(req, reject);
      const { rows, issues } = await parseStudyWorkbook(buffer, today());
      // A file without its columns cannot be checked row by row.
      if (issues.some((i) => i.row <= 1)) throw studyRejected(issues);
      const dryRun = req.query.dryRun;
      const outcome = await db.transaction((tx) => importStudyHours(tx, { tenantId, rows, actor, dryRun, issues }));
      if (outcome.issues.length) throw studyRejected(outcome.issues);
      return { ...outcome.result, dryRun };
    },
  );
}
