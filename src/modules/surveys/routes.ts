import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { App, AppContext } from '../../server/context.ts';
import { requireActor, todayInShanghai } from '../../server/context.ts';
import { notFound } from '../../server/errors.ts';
import { sendWorkbook } from '../../server/excel.ts';
import type { Actor } from '../../server/scope.ts';
import { idParams } from '../../server/zod.ts';
import { loadRectificationDetail } from '../rectifications/list-rectifications.ts';
import { rectificationDetail } from '../rectifications/schema.ts';
import { closeReorganization, updateReorganization } from './change-reorganization.ts';
import { createReorganization } from './create-reorganization.ts';
import { createSurvey } from './create-survey.ts';
import { reorganizationLabel } from './load-reorganization.ts';
import { surveyLabel } from './load-survey.ts';
import {
  closeReorganizationBody,
  createReorganizationBody,
  createSurveyBody,
  listReorganizationsQuery,
  listSurveysQuery,
  type ReorganizationFilters,
  reorganizationView,
  type SurveyFilters,
  surveyRectificationBody,
  surveyView,
  updateReorganizationBody,
  updateSurveyBody,
} from './schema.ts';
import { selectReorganizations, selectSurveys, subtreeOf } from './select-surveys.ts';
import { createSurveyRectification } from './survey-rectification.ts';
import { buildReorganizationSheet, buildSurveySheet } from './survey-sheet.ts';
import { updateSurvey } from './update-survey.ts';

const tags = ['surveys'];

const surveyFilters = (f: SurveyFilters): SQL =>
  sql.join(
    [
      subtreeOf(f.org),
      f.year ? sql`x.year = ${f.year}` : sql`true`,
      f.weak === undefined ? sql`true` : sql`x.weak = ${f.weak}`,
    ],
    sql` and `,
  );
const reorganizationFilters = (f: ReorganizationFilters): SQL =>
  sql.join([subtreeOf(f.org), f.status ? sql`x.status = ${f.status}` : sql`true`], sql` and `);

export default async function surveyRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  const today = () => todayInShanghai(ctx.now());

  const presentSurvey = async (actor: Actor, id: string) => {
    const [view] = await db.transaction((tx) => selectSurveys(tx, actor, sql`x.id = ${id}`));
    if (!view) throw notFound(surveyLabel);
    return view;
  };
  const presentReorganization = async (actor: Actor, id: string) => {
    const [view] = await db.transaction((tx) => selectReorganizations(tx, actor, sql`x.id = ${id}`, today()));
    if (!view) throw notFound(reorganizationLabel);
    return view;
  };

  app.get(
    '/surveys',
    {
      schema: {
        tags,
        summary: '摸底排查（六查六看）记录 Surveys in scope',
        querystring: listSurveysQuery,
        response: { 200: z.object({ items: z.array(surveyView) }) },
      },
    },
    async (req) => ({
      items: await db.transaction((tx) => selectSurveys(tx, requireActor(req), surveyFilters(req.query))),
    }),
  );

  app.get(
    '/surveys/export.xlsx',
    { schema: { tags, summary: '导出摸底排查记录（Excel） Surveys as Excel', querystring: listSurveysQuery } },
    async (req, reply) => {
      const items = await db.transaction((tx) => selectSurveys(tx, requireActor(req), surveyFilters(req.query)));
      return sendWorkbook(reply, `${req.query.year ?? ''}摸底排查.xlsx`, await buildSurveySheet(items));
    },
  );

  app.get(
    '/surveys/:id',
    { schema: { tags, summary: '一次摸底排查 One survey', params: idParams, response: { 200: surveyView } } },
    async (req) => presentSurvey(requireActor(req), req.params.id),
  );

  app.post(
    '/surveys',
    {
      schema: {
        tags,
        summary: '登记摸底排查（上级党组织） Record a branch survey (the superior only)',
        body: createSurveyBody,
        response: { 200: surveyView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const row = await db.transaction((tx) => createSurvey(tx, { input: req.body, actor, today: today() }));
      return presentSurvey(actor, row.id);
    },
  );

  app.put(
    '/surveys/:id',
    {
      schema: {
        tags,
        summary: '修改摸底排查（版本不符为409） Correct a survey (409 on a stale version)',
        params: idParams,
        body: updateSurveyBody,
        response: { 200: surveyView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await db.transaction((tx) => updateSurvey(tx, { id: req.params.id, input: req.body, actor, today: today() }));
      return presentSurvey(actor, req.params.id);
    },
  );

  app.post(
    '/surveys/:id/rectifications',
    {
      schema: {
        tags,
        summary: '将排查发现的问题列入整改 Turn a problem found into a rectification item',
        params: idParams,
        body: surveyRectificationBody,
        response: { 200: rectificationDetail },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        const row = await createSurveyRectification(tx, { surveyId: req.params.id, input: req.body, actor });
        return loadRectificationDetail(tx, actor, row.id, today());
      });
    },
  );

  app.get(
    '/reorganizations',
    {
      schema: {
        tags,
        summary: '软弱涣散党支部整顿 Reorganizations of weak branches in scope',
        querystring: listReorganizationsQuery,
        response: { 200: z.object({ items: z.array(reorganizationView) }) },
      },
    },
    async (req) => ({
      items: await db.transaction((tx) =>
        selectReorganizations(tx, requireActor(req), reorganizationFilters(req.query), today()),
      ),
    }),
  );

  app.get(
    '/reorganizations/export.xlsx',
    {
      schema: {
        tags,
        summary: '导出整顿台账（Excel） Reorganizations as Excel',
        querystring: listReorganizationsQuery,
      },
    },
    async (req, reply) => {
      const items = await db.transaction((tx) =>
        selectReorganizations(tx, requireActor(req), reorganizationFilters(req.query), today()),
      );
      return sendWorkbook(reply, '软弱涣散党支部整顿.xlsx', await buildReorganizationSheet(items));
    },
  );

  app.get(
    '/reorganizations/:id',
    {
      schema: { tags, summary: '一项整顿 One reorganization', params: idParams, response: { 200: reorganizationView } },
    },
    async (req) => presentReorganization(requireActor(req), req.params.id),
  );

  app.post(
    '/reorganizations',
    {
      schema: {
        tags,
        summary: '列入限期整顿（上级党组织） Put a weak branch under time-limited reorganization',
        body: createReorganizationBody,
        response: { 200: reorganizationView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const row = await db.transaction((tx) => createReorganization(tx, { input: req.body, actor }));
      return presentReorganization(actor, row.id);
    },
  );

  app.put(
    '/reorganizations/:id',
    {
      schema: {
        tags,
        summary: '修改整顿方案或期限（版本不符为409） Change the plan or end date (409 on a stale version)',
        params: idParams,
        body: updateReorganizationBody,
        response: { 200: reorganizationView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await db.transaction((tx) => updateReorganization(tx, { id: req.params.id, input: req.body, actor }));
      return presentReorganization(actor, req.params.id);
    },
  );

  app.post(
    '/reorganizations/:id/close',
    {
      schema: {
        tags,
        summary: '结束整顿并记录成效 Close a reorganization with its outcome',
        params: idParams,
        body: closeReorganizationBody,
        response: { 200: reorganizationView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await db.transaction((tx) =>
        closeReorganization(tx, { id: req.params.id, input: req.body, actor, today: today() }),
      );
      return presentReorganization(actor, req.params.id);
    },
  );
}
