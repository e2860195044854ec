import type { App, AppContext } from '../../server/context.ts';
import { requireActor } from '../../server/context.ts';
import { buildWorkbook, sendWorkbook } from '../../server/excel.ts';
import { idParams } from '../../server/zod.ts';
import { changeMembership } from './change-membership.ts';
import { createPerson } from './create-person.ts';
import { listAllPeople, listPeople } from './list-people.ts';
import { loadPersonDetail } from './load-person.ts';
import { peopleSheet } from './people-sheet.ts';
import {
  changeMembershipBody,
  createPersonBody,
  listPeopleQuery,
  listPeopleResponse,
  peopleFilters,
  personDetail,
  updatePersonBody,
} from './schema.ts';
import { updatePerson } from './update-person.ts';

const tags = ['members'];

export default async function memberRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

  app.get(
    '/people',
    {
      schema: {
        tags,
        summary: '人员与党员列表 People and members',
        querystring: listPeopleQuery,
        response: { 200: listPeopleResponse },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const { page, pageSize, ...filters } = req.query;
      return listPeople(db, { actor, filters, page, pageSize });
    },
  );

  app.get(
    '/people/export.xlsx',
    { schema: { tags, summary: '导出人员名册 Export people (Excel)', querystring: peopleFilters } },
    async (req, reply) => {
      const actor = requireActor(req);
      const rows = await listAllPeople(db, { actor, filters: req.query });
      return sendWorkbook(reply, '党员名册.xlsx', await buildWorkbook([peopleSheet(rows)]));
    },
  );

  app.get(
    '/people/:id',
    {
      schema: {
        tags,
        summary: '人员详情 Person with membership history',
        params: idParams,
        response: { 200: personDetail },
      },
    },
    async (req) => loadPersonDetail(db, requireActor(req), req.params.id),
  );

  app.post(
    '/people',
    {
      schema: {
        tags,
        summary: '新增人员 Add a person (optionally with the first membership)',
        body: createPersonBody,
        response: { 200: personDetail },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const { membership, ...fields } = req.body;
      return db.transaction(async (tx) => {
        const person = await createPerson(tx, { fields, membership, actor });
        return loadPersonDetail(tx, actor, person.id);
      });
    },
  );

  app.patch(
    '/people/:id',
    {
      schema: {
        tags,
        summary: '修改人员信息 Update a person',
        params: idParams,
        body: updatePersonBody,
        response: { 200: personDetail },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        await updatePerson(tx, { personId: req.params.id, patch: req.body, actor });
        return loadPersonDetail(tx, actor, req.params.id);
      });
    },
  );

  app.post(
    '/people/:id/membership',
    {
      schema: {
        tags,
        summary: '组织关系变更（调动、转正、党籍状态） Change membership: move, confirm, standing',
        params: idParams,
        body: changeMembershipBody,
        response: { 200: personDetail },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        await changeMembership(tx, { personId: req.params.id, change: req.body, actor });
        return loadPersonDetail(tx, actor, req.params.id);
      });
    },
  );
}
