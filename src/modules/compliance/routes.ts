/** The compliance API: catalog, standard sets, configuration, explain, evaluation, findings, dashboards, to-dos. */
import { z } from 'zod';
import type { App, AppContext } from '../../server/context.ts';
import { requireActor, todayInShanghai } from '../../server/context.ts';
import { sendWorkbook } from '../../server/excel.ts';
import { idParams } from '../../server/zod.ts';
import { createOverride } from './create-override.ts';
import { deleteOverride } from './delete-override.ts';
import { explainRule } from './explain-rule.ts';
import { findingsWorkbook } from './findings-workbook.ts';
import { listRules, listStandardSets } from './list-catalog.ts';
import { listFindingTodos } from './list-finding-todos.ts';
import { listFindings } from './list-findings.ts';
import { listRuns } from './list-runs.ts';
import { loadComplianceConfig } from './load-compliance-config.ts';
import { loadFinding } from './load-finding.ts';
import { loadHeatmap } from './load-heatmap.ts';
import { loadOverview } from './load-overview.ts';
import { loadScorecard } from './load-scorecard.ts';
import { loadTrend } from './load-trend.ts';
import { runEvaluation } from './run-evaluation.ts';
import {
  configQuery,
  configResponse,
  createOverrideBody,
  deleteOverrideQuery,
  evaluateBody,
  evaluateResponse,
  explainQuery,
  explainResponse,
  findingDetail,
  findingsQuery,
  findingsResponse,
  heatmapQuery,
  heatmapResponse,
  overrideView,
  overviewResponse,
  putConfigBody,
  rulesResponse,
  runsQuery,
  runsResponse,
  scorecardQuery,
  scorecardResponse,
  standardSetsResponse,
  todosResponse,
  trendQuery,
  trendResponse,
  updateOverrideBody,
} from './schema.ts';
import { updateOverride } from './update-override.ts';
import { updateStandardSets } from './update-standard-sets.ts';

const tags = ['compliance'];

export default async function complianceRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  const today = () => todayInShanghai(ctx.now());

  app.get(
    '/compliance/rules',
    { schema: { tags, summary: '规则目录 The rule catalog', response: { 200: rulesResponse } } },
    async (req) => {
      requireActor(req);
      return { items: listRules() };
    },
  );

  app.get(
    '/compliance/standard-sets',
    { schema: { tags, summary: '标准集 The shipped standard sets', response: { 200: standardSetsResponse } } },
    async (req) => {
      requireActor(req);
      return { items: listStandardSets() };
    },
  );

  app.get(
    '/compliance/config',
    {
      schema: {
        tags,
        summary: '学校采用的标准集与参数调整 A university’s standard sets and overrides',
        querystring: configQuery,
        response: { 200: configResponse },
      },
    },
    async (req) =>
      db.transaction((tx) => loadComplianceConfig(tx, { actor: requireActor(req), university: req.query.university })),
  );

  app.put(
    '/compliance/config',
    {
      schema: {
        tags,
        summary: '设置采用的标准集（组织部） Adopt standard sets (organization department)',
        body: putConfigBody,
        response: { 200: configResponse },
      },
    },
    async (req) => db.transaction((tx) => updateStandardSets(tx, { actor: requireActor(req), ...req.body })),
  );

  app.post(
    '/compliance/overrides',
    {
      schema: {
        tags,
        summary: '新增参数调整（组织部） Add a parameter override (organization department)',
        body: createOverrideBody,
        response: { 201: overrideView },
      },
    },
    async (req, reply) => {
      const view = await db.transaction((tx) => createOverride(tx, { actor: requireActor(req), ...req.body }));
      return reply.code(201).send(view);
    },
  );

  app.put(
    '/compliance/overrides/:id',
    {
      schema: {
        tags,
        summary: '修改参数调整 Change a parameter override',
        params: idParams,
        body: updateOverrideBody,
        response: { 200: overrideView },
      },
    },
    async (req) =>
      db.transaction((tx) => updateOverride(tx, { actor: requireActor(req), id: req.params.id, ...req.body })),
  );

  app.delete(
    '/compliance/overrides/:id',
    {
      schema: {
        tags,
        summary: '删除参数调整 Remove a parameter override',
        params: idParams,
        querystring: deleteOverrideQuery,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await db.transaction((tx) =>
        deleteOverride(tx, { actor: requireActor(req), id: req.params.id, version: req.query.version }),
      );
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/compliance/explain',
    {
      schema: {
        tags,
        summary: '参数来源说明 Effective parameters of a rule for an org, and where each came from',
        querystring: explainQuery,
        response: { 200: explainResponse },
      },
    },
    async (req) =>
      db.transaction((tx) => explainRule(tx, { actor: requireActor(req), rule: req.query.rule, orgId: req.query.org })),
  );

  app.post(
    '/compliance/evaluate',
    {
      schema: {
        tags,
        summary: '立即检测 Evaluate a subtree now',
        body: evaluateBody,
        response: { 200: evaluateResponse },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const { asOf, ...rest } = req.body ?? {};
      return db.transaction((tx) => runEvaluation(tx, { actor, asOf: asOf ?? today(), ...rest }, db));
    },
  );

  app.get(
    '/compliance/runs',
    {
      schema: {
        tags,
        summary: '检测记录 Recent evaluation runs',
        querystring: runsQuery,
        response: { 200: runsResponse },
      },
    },
    async (req) =>
      db.transaction(async (tx) => ({ items: await listRuns(tx, { actor: requireActor(req), org: req.query.org }) })),
  );

  app.get(
    '/compliance/findings',
    {
      schema: {
        tags,
        summary: '合规问题列表 Findings by filter',
        querystring: findingsQuery,
        response: { 200: findingsResponse },
      },
    },
    async (req) => db.transaction((tx) => listFindings(tx, { actor: requireActor(req), filters: req.query })),
  );

  app.get(
    '/compliance/findings.xlsx',
    { schema: { tags, summary: '导出合规问题（Excel） Export findings', querystring: findingsQuery } },
    async (req, reply) => {
      const buffer = await db.transaction((tx) =>
        findingsWorkbook(tx, { actor: requireActor(req), filters: req.query }),
      );
      return sendWorkbook(reply, `合规问题-${today()}.xlsx`, buffer);
    },
  );

  app.get(
    '/compliance/findings/:id',
    {
      schema: {
        tags,
        summary: '合规问题详情（依据、证据、历史） A finding with its evidence and history',
        params: idParams,
        response: { 200: findingDetail },
      },
    },
    async (req) => db.transaction((tx) => loadFinding(tx, { actor: requireActor(req), id: req.params.id })),
  );

  app.get(
    '/compliance/heatmap',
    {
      schema: {
        tags,
        summary: '热力图：下级组织 × 规则类别 Heat map of child orgs by rule family',
        querystring: heatmapQuery,
        response: { 200: heatmapResponse },
      },
    },
    async (req) => db.transaction((tx) => loadHeatmap(tx, { actor: requireActor(req), org: req.query.org })),
  );

  app.get(
    '/compliance/scorecard',
    {
      schema: {
        tags,
        summary: '支部合规记分卡 A branch’s score card',
        querystring: scorecardQuery,
        response: { 200: scorecardResponse },
      },
    },
    async (req) => db.transaction((tx) => loadScorecard(tx, { actor: requireActor(req), org: req.query.org })),
  );

  app.get(
    '/compliance/trend',
    {
      schema: {
        tags,
        summary: '问题趋势（按月、季、年） Breaches and warnings by period',
        querystring: trendQuery,
        response: { 200: trendResponse },
      },
    },
    async (req) => db.transaction((tx) => loadTrend(tx, { actor: requireActor(req), ...req.query, today: today() })),
  );

  app.get(
    '/compliance/overview',
    {
      schema: {
        tags,
        summary: '各校合规概览 Compliance per university in reach',
        response: { 200: overviewResponse },
      },
    },
    async (req) => db.transaction((tx) => loadOverview(tx, { actor: requireActor(req) })),
  );

  app.get(
    '/compliance/todos',
    {
      schema: {
        tags,
        summary: '合规待办 My to-dos from findings',
        response: { 200: todosResponse },
      },
    },
    async (req) => db.transaction(async (tx) => ({ items: await listFindingTodos(tx, { actor: requireActor(req) }) })),
  );
}
