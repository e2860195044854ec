import type { App, AppContext } from '../../server/context.ts';
import { requireActor, todayInShanghai } from '../../server/context.ts';
import { buildWorkbook, sendWorkbook } from '../../server/excel.ts';
import { idParams } from '../../server/zod.ts';
import { addPosition } from './add-position.ts';
import { createOrg } from './create-org.ts';
import { createTerm } from './create-term.ts';
import { dissolveOrg } from './dissolve-org.ts';
import { listOrgs } from './list-orgs.ts';
import { listExpiringTerms, listOrgTerms } from './list-terms.ts';
import { loadTermInScope } from './load-term.ts';
import { moveOrg } from './move-org.ts';
import { loadOrgDetail } from './org-detail.ts';
import { listOrgHistory } from './org-history.ts';
import { loadOrgTree } from './org-tree.ts';
import { orgsSheet } from './orgs-sheet.ts';
import { presentTerms } from './present-terms.ts';
import {
  asOfQuery,
  createOrgBody,
  createTermBody,
  dissolveOrgBody,
  expiringQuery,
  historyResponse,
  listOrgsQuery,
  listOrgsResponse,
  moveOrgBody,
  orgDetail,
  positionInput,
  termsResponse,
  termView,
  treeResponse,
  updateOrgBody,
  updatePositionBody,
  updateTermBody,
} from './schema.ts';
import { updateOrg } from './update-org.ts';
import { updatePosition } from './update-position.ts';
import { updateTerm } from './update-term.ts';

const tags = ['orgs'];

export default async function orgRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  const today = () => todayInShanghai(ctx.now());

  app.get(
    '/orgs/tree',
    {
      schema: {
        tags,
        summary: '组织树（可按日期回溯） Org tree as of a date',
        querystring: asOfQuery,
        response: { 200: treeResponse },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const asOf = req.query.asOf ?? today();
      return { asOf, roots: await loadOrgTree(db, { actor, asOf }) };
    },
  );

  app.get(
    '/orgs',
    {
      schema: { tags, summary: '党组织列表 Orgs', querystring: listOrgsQuery, response: { 200: listOrgsResponse } },
    },
    async (req) => ({ items: await listOrgs(db, { actor: requireActor(req), filters: req.query }) }),
  );

  app.get(
    '/orgs/export.xlsx',
    { schema: { tags, summary: '导出党组织 Export orgs (Excel)', querystring: listOrgsQuery } },
    async (req, reply) => {
      const rows = await listOrgs(db, { actor: requireActor(req), filters: req.query });
      return sendWorkbook(reply, '党组织.xlsx', await buildWorkbook([orgsSheet(rows)]));
    },
  );

  app.get(
    '/orgs/:id',
    {
      schema: { tags, summary: '党组织详情 Org detail', params: idParams, response: { 200: orgDetail } },
    },
    async (req) => loadOrgDetail(db, { actor: requireActor(req), orgId: req.params.id, today: today() }),
  );

  app.get(
    '/orgs/:id/history',
    {
      schema: { tags, summary: '党组织沿革 Org history', params: idParams, response: { 200: historyResponse } },
    },
    async (req) => listOrgHistory(db, requireActor(req), req.params.id),
  );

  app.post(
    '/orgs',
    {
      schema: { tags, summary: '新建党组织 Create an org', body: createOrgBody, response: { 200: orgDetail } },
    },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        const org = await createOrg(tx, { input: req.body, actor });
        return loadOrgDetail(tx, { actor, orgId: org.id, today: today() });
      });
    },
  );

  app.patch(
    '/orgs/:id',
    {
      schema: {
        tags,
        summary: '更名或修改党组织 Rename or update an org',
        params: idParams,
        body: updateOrgBody,
        response: { 200: orgDetail },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        await updateOrg(tx, { orgId: req.params.id, input: req.body, actor });
        return loadOrgDetail(tx, { actor, orgId: req.params.id, today: today() });
      });
    },
  );

  app.post(
    '/orgs/:id/move',
    {
      schema: {
        tags,
        summary: '调整隶属关系 Move an org under another parent',
        params: idParams,
        body: moveOrgBody,
        response: { 200: orgDetail },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        await moveOrg(tx, { orgId: req.params.id, input: req.body, actor });
        return loadOrgDetail(tx, { actor, orgId: req.params.id, today: today() });
      });
    },
  );

  app.post(
    '/orgs/:id/dissolve',
    {
      schema: {
        tags,
        summary: '撤销党组织 Dissolve an org',
        params: idParams,
        body: dissolveOrgBody,
        response: { 200: orgDetail },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        await dissolveOrg(tx, { orgId: req.params.id, input: req.body, actor });
        return loadOrgDetail(tx, { actor, orgId: req.params.id, today: today() });
      });
    },
  );

  app.get(
    '/orgs/:id/terms',
    {
      schema: { tags, summary: '届次与委员 Terms of an org', params: idParams, response: { 200: termsResponse } },
    },
    async (req) => listOrgTerms(db, { actor: requireActor(req), orgId: req.params.id, today: today() }),
  );

  app.post(
    '/orgs/:id/terms',
    {
      schema: {
        tags,
        summary: '新一届委员会 New term',
        params: idParams,
        body: createTermBody,
        response: { 200: termView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        const term = await createTerm(tx, { orgId: req.params.id, input: req.body, actor });
        const [view] = await presentTerms(tx, [term], today());
        return view;
      });
    },
  );

  app.get(
    '/terms/expiring',
    {
      schema: {
        tags,
        summary: '即将届满或已超期的届次 Terms ending soon or overdue',
        querystring: expiringQuery,
        response: { 200: termsResponse },
      },
    },
    async (req) =>
      listExpiringTerms(db, { actor: requireActor(req), withinDays: req.query.withinDays, today: today() }),
  );

  app.patch(
    '/terms/:id',
    {
      schema: {
        tags,
        summary: '修改届次日期 Update a term',
        params: idParams,
        body: updateTermBody,
        response: { 200: termView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        const term = await updateTerm(tx, { termId: req.params.id, input: req.body, actor });
        const [view] = await presentTerms(tx, [term], today());
        return view;
      });
    },
  );

  app.post(
    '/terms/:id/positions',
    {
      schema: {
        tags,
        summary: '增补职务 Add a seat holder',
        params: idParams,
        body: positionInput,
        response: { 200: termView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        await addPosition(tx, { termId: req.params.id, input: req.body, actor });
        const { term } = await loadTermInScope(tx, actor, 'read', req.params.id);
        const [view] = await presentTerms(tx, [term], today());
        return view;
      });
    },
  );

  app.patch(
    '/positions/:id',
    {
      schema: {
        tags,
        summary: '免职或修改职务 End or update a seat',
        params: idParams,
        body: updatePositionBody,
        response: { 200: termView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        const position = await updatePosition(tx, { positionId: req.params.id, input: req.body, actor });
        const { term } = await loadTermInScope(tx, actor, 'read', position.termId);
        const [view] = await presentTerms(tx, [term], today());
        return view;
      });
    },
  );
}
