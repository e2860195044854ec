import type { z } from 'zod';
import type { Tx } from '../../db/connect.ts';
import type { App, AppContext } from '../../server/context.ts';
import { requireActor, todayInShanghai } from '../../server/context.ts';
import { buildWorkbook, sendWorkbook } from '../../server/excel.ts';
import type { Actor } from '../../server/scope.ts';
import { idParams } from '../../server/zod.ts';
import { viewRoot } from '../training/scope-root.ts';
import { acceptUnit } from './accept-unit.ts';
import { applyUnit } from './apply-unit.ts';
import { closeUnit } from './close-unit.ts';
import { listUnits } from './list-units.ts';
import { loadQuota } from './load-quota.ts';
import { type ModelUnit, presentUnit } from './load-unit.ts';
import { recordMidterm } from './record-midterm.ts';
import {
  acceptBody,
  applyBody,
  closeBody,
  cultivateBody,
  type ListQuery,
  listQuery,
  listResponse,
  midtermBody,
  quotaQuery,
  quotaView,
  unitView,
} from './schema.ts';
import { startCultivation } from './start-cultivation.ts';
import { buildUnitsSheet } from './units-sheet.ts';

const tags = ['model-units'];

export default async function modelUnitRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  const today = () => todayInShanghai(ctx.now());
  const actorOf = requireActor;

  const list = async (actor: ReturnType<typeof requireActor>, query: ListQuery) => {
    const root = query.orgId ? await viewRoot(db, actor, query.orgId) : null;
    return db.transaction((tx) => listUnits(tx, { actor, query, rootPath: root?.path }));
  };

  app.get(
    '/model-units',
    {
      schema: {
        tags,
        summary: '样板党支部、标杆院系、双带头人工作室 Model units by year, kind, level and status',
        querystring: listQuery,
        response: { 200: listResponse },
      },
    },
    async (req) => ({ items: await list(actorOf(req), req.query) }),
  );

  app.get(
    '/model-units/export.xlsx',
    { schema: { tags, summary: '导出样板创建名单（Excel） Model units as Excel', querystring: listQuery } },
    async (req, reply) => {
      const items = await list(actorOf(req), req.query);
      const name = `样板创建名单${req.query.year ?? ''}.xlsx`;
      return sendWorkbook(reply, name, await buildWorkbook([buildUnitsSheet(items)]));
    },
  );

  app.get(
    '/model-units/quota',
    {
      schema: {
        tags,
        summary: '校级样板党支部比例（ASSESS-07） Model branches against the plan year’s share',
        querystring: quotaQuery,
        response: { 200: quotaView },
      },
    },
    async (req) => {
      const year = req.query.year ?? Number(today().slice(0, 4));
      return db.transaction((tx) =>
        loadQuota(tx, { actor: actorOf(req), tenantId: req.query.tenantId, year, today: today() }),
      );
    },
  );

  app.post(
    '/model-units',
    {
      schema: {
        tags,
        summary: '院系申报（党支部、院系或工作室） The college applies for a branch, itself or a studio',
        body: applyBody,
        response: { 200: unitView },
      },
    },
    async (req) =>
      db.transaction(async (tx) =>
        presentUnit(tx, await applyUnit(tx, { input: req.body, actor: actorOf(req), today: today() })),
      ),
  );

  /** A step on one unit: `POST /model-units/:id/<action>`, answered with the unit as shown. */
  const step = <B extends z.ZodType>(
    action: string,
    summary: string,
    body: B,
    run: (tx: Tx, options: { id: string; input: z.output<B>; actor: Actor; today: string }) => Promise<ModelUnit>,
  ) =>
    app.post(
      `/model-units/:id/${action}`,
      { schema: { tags, summary, params: idParams, body, response: { 200: unitView } } },
      async (req) =>
        db.transaction(async (tx) =>
          presentUnit(
            tx,
            await run(tx, { id: req.params.id, input: req.body as z.output<B>, actor: actorOf(req), today: today() }),
          ),
        ),
    );

  step('cultivate', '立项培育（学校组织部） Take an application into cultivation', cultivateBody, startCultivation);
  step('midterm', '中期检查（学校组织部） Record the mid-term review', midtermBody, recordMidterm);
  step('accept', '验收并确定级别（学校组织部） Accept and set the level', acceptBody, acceptUnit);
  step('reject', '不予通过（学校组织部） Reject an application or cultivation', closeBody, (tx, o) =>
    closeUnit(tx, { ...o, action: 'reject' }),
  );
  step('revoke', '撤销命名（学校组织部） Revoke an accepted unit', closeBody, (tx, o) =>
    closeUnit(tx, { ...o, action: 'revoke' }),
  );
}
