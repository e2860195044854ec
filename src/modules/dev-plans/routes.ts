/**
 * Development plans per college-level organization (发展计划, DEV-12), their progress, the yearly
 * activist pool analyses (DEV-11) and the secretaries' contacts with activists (DEV-14).
 */
import { z } from 'zod';
import type { App, AppContext } from '../../server/context.ts';
import { requireActor, todayInShanghai } from '../../server/context.ts';
import { idParams, isoDate } from '../../server/zod.ts';
import { createContact } from './create-contact.ts';
import { createPlan } from './create-plan.ts';
import { listAnalyses } from './list-analyses.ts';
import { listContacts, presentContact } from './list-contacts.ts';
import { listPlans } from './list-plans.ts';
import { loadCollege } from './load-college.ts';
import { loadPlan, presentPlan } from './load-plan.ts';
import { loadPlanProgress } from './plan-progress.ts';
import { poolCountsOn } from './pool-counts.ts';
import { recordAnalysis, updateAnalysis } from './record-analysis.ts';
import {
  analysisView,
  contactsQuery,
  contactView,
  createContactBody,
  createPlanBody,
  listQuery,
  overviewResponse,
  planView,
  poolCounts,
  progressView,
  recordAnalysisBody,
  updateAnalysisBody,
  updateContactBody,
  updatePlanBody,
} from './schema.ts';
import { updateContact } from './update-contact.ts';
import { updatePlan } from './update-plan.ts';

const tags = ['development plans'];

type AnalysisRow = {
  id: string;
  orgId: string;
  year: number;
  heldOn: string;
  summary: string;
  counts: unknown;
  recordedByName: string;
  version: number;
};
const presentAnalysis = (row: AnalysisRow, orgName: string) => ({
  id: row.id,
  orgId: row.orgId,
  orgName,
  year: row.year,
  heldOn: row.heldOn,
  summary: row.summary,
  counts: row.counts as z.infer<typeof poolCounts>,
  recordedByName: row.recordedByName,
  version: row.version,
});

export default async function devPlanRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  const today = () => todayInShanghai(ctx.now());

  app.get(
    '/dev-plans',
    {
      schema: {
        tags,
        summary: '各二级党组织年度发展计划与完成情况 Plans and admissions per college-level organization',
        querystring: listQuery,
        response: { 200: overviewResponse },
      },
    },
    async (req) =>
      listPlans(db, {
        actor: requireActor(req),
        orgId: req.query.orgId,
        year: req.query.year ?? Number(today().slice(0, 4)),
      }),
  );

  app.post(
    '/dev-plans',
    {
      schema: {
        tags,
        summary: '制定年度发展计划（按支部、类别） File a development plan',
        body: createPlanBody,
        response: { 200: planView },
      },
    },
    async (req) => db.transaction((tx) => createPlan(tx, { input: req.body, actor: requireActor(req) })),
  );

  app.get(
    '/dev-plans/:id',
    { schema: { tags, summary: '发展计划 A development plan', params: idParams, response: { 200: planView } } },
    async (req) => {
      const { plan, college } = await loadPlan(db, { actor: requireActor(req), access: 'read', planId: req.params.id });
      return presentPlan(db, plan, college);
    },
  );

  app.put(
    '/dev-plans/:id',
    {
      schema: {
        tags,
        summary: '修改发展计划（版本不符为409） Change a plan (409 on a stale version)',
        params: idParams,
        body: updatePlanBody,
        response: { 200: planView },
      },
    },
    async (req) =>
      db.transaction((tx) => updatePlan(tx, { planId: req.params.id, input: req.body, actor: requireActor(req) })),
  );

  app.get(
    '/dev-plans/:id/progress',
    {
      schema: {
        tags,
        summary: '发展计划执行进度（按支部、类别、月份） Admissions against the plan',
        params: idParams,
        response: { 200: progressView },
      },
    },
    async (req) => loadPlanProgress(db, { actor: requireActor(req), planId: req.params.id }),
  );

  app.get(
    '/dev-pool-analyses',
    {
      schema: {
        tags,
        summary: '入党积极分子队伍状况分析 Activist pool analyses',
        querystring: listQuery,
        response: { 200: z.object({ items: z.array(analysisView) }) },
      },
    },
    async (req) => {
      const rows = await listAnalyses(db, { actor: requireActor(req), orgId: req.query.orgId, year: req.query.year });
      return { items: rows.map((r) => presentAnalysis(r, r.orgName)) };
    },
  );

  app.get(
    '/dev-pool-analyses/counts',
    {
      schema: {
        tags,
        summary: '某日的发展队伍统计（分析的数据基础） The pipeline counts of a day',
        querystring: z.object({ orgId: z.uuid(), on: isoDate.optional() }),
        response: { 200: poolCounts },
      },
    },
    async (req) => {
      const college = await loadCollege(db, { actor: requireActor(req), access: 'read', orgId: req.query.orgId });
      return poolCountsOn(db, { tenantId: college.tenantId, path: college.path, on: req.query.on ?? today() });
    },
  );

  app.post(
    '/dev-pool-analyses',
    {
      schema: {
        tags,
        summary: '登记年度积极分子队伍状况分析 Record a pool analysis',
        body: recordAnalysisBody,
        response: { 200: analysisView },
      },
    },
    async (req) => {
      const { row, college } = await db.transaction((tx) =>
        recordAnalysis(tx, { input: req.body, actor: requireActor(req), today: today() }),
      );
      return presentAnalysis(row, college.name);
    },
  );

  app.put(
    '/dev-pool-analyses/:id',
    {
      schema: {
        tags,
        summary: '更正队伍状况分析（版本不符为409） Correct a pool analysis',
        params: idParams,
        body: updateAnalysisBody,
        response: { 200: analysisView },
      },
    },
    async (req) => {
      const { row, college } = await db.transaction((tx) =>
        updateAnalysis(tx, { id: req.params.id, input: req.body, actor: requireActor(req), today: today() }),
      );
      return presentAnalysis(row, college.name);
    },
  );

  app.get(
    '/dev-contacts',
    {
      schema: {
        tags,
        summary: '书记联系入党积极分子 Secretaries in contact with activists',
        querystring: contactsQuery,
        response: { 200: z.object({ items: z.array(contactView) }) },
      },
    },
    async (req) => ({
      items: await listContacts(db, {
        actor: requireActor(req),
        orgId: req.query.orgId,
        current: req.query.current === '1',
        today: today(),
      }),
    }),
  );

  app.post(
    '/dev-contacts',
    {
      schema: {
        tags,
        summary: '确定联系书记 Link a secretary to an activist',
        body: createContactBody,
        response: { 200: contactView },
      },
    },
    async (req) => {
      return db.transaction(async (tx) =>
        presentContact(tx, await createContact(tx, { input: req.body, actor: requireActor(req), today: today() })),
      );
    },
  );

  app.put(
    '/dev-contacts/:id',
    {
      schema: {
        tags,
        summary: '结束或修改联系（版本不符为409） End or change a contact',
        params: idParams,
        body: updateContactBody,
        response: { 200: contactView },
      },
    },
    async (req) => {
      return db.transaction(async (tx) =>
        presentContact(tx, await updateContact(tx, { id: req.params.id, input: req.body, actor: requireActor(req) })),
      );
    },
  );
}
