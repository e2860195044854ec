import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { oversightBodies, tenants } from '../../db/schema.ts';
import type { App, AppContext } from '../../server/context.ts';
import { requireActor } from '../../server/context.ts';
import { badInput, conflict, forbidden, notFound } from '../../server/errors.ts';
import { type Actor, holdsTenantRoot } from '../../server/scope.ts';
import { idParams } from '../../server/zod.ts';
import { createOversightBody } from './create-oversight-body.ts';
import { createUniversity } from './create-university.ts';
import { listOversightBodies, listUniversities } from './list-universities.ts';
import {
  calendarBody,
  calendarView,
  createOversightBodyBody,
  createUniversityBody,
  oversightBodyView,
  universityView,
} from './schema.ts';
import { readCalendar, setCalendar } from './set-calendar.ts';

const tags = ['tenants'];
const universityLabel = { zh: '学校', en: 'university' };

const requirePlatformAdmin = (actor: Actor) => {
  if (!actor.all) throw forbidden();
  return actor;
};

export default async function tenantRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

  app.get(
    '/universities',
    {
      schema: {
        tags,
        summary: '学校列表 Universities in scope',
        response: { 200: z.object({ items: z.array(universityView) }) },
      },
    },
    async (req) => ({ items: await listUniversities(db, { actor: requireActor(req) }) }),
  );

  app.post(
    '/universities',
    {
      schema: {
        tags,
        summary: '新建学校（平台管理员）Create a university (platform admin)',
        body: createUniversityBody,
        response: { 200: universityView },
      },
    },
    async (req) => {
      const actor = requirePlatformAdmin(requireActor(req));
      const id = await db.transaction(async (tx) => {
        const bodyId = req.body.oversightBodyId ?? null;
        if (bodyId) {
          const [body] = await tx.select().from(oversightBodies).where(eq(oversightBodies.id, bodyId));
          if (!body) throw badInput([{ field: 'body.oversightBodyId', reason: '工委不存在 / unknown oversight body' }]);
        }
        const [taken] = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.code, req.body.code));
        if (taken)
          throw conflict({ zh: `学校代码“${req.body.code}”已被使用`, en: `The code "${req.body.code}" is taken` }, [
            { field: 'body.code', reason: 'taken' },
          ]);
        const { tenant } = await createUniversity(tx, { ...req.body, oversightBodyId: bodyId, actor });
        return tenant.id;
      });
      const [university] = await listUniversities(db, { actor, id });
      return university;
    },
  );

  app.get(
    '/oversight-bodies',
    {
      schema: {
        tags,
        summary: '省委教育工委列表 Oversight bodies',
        response: { 200: z.object({ items: z.array(oversightBodyView) }) },
      },
    },
    async (req) => ({ items: await listOversightBodies(db, requireActor(req)) }),
  );

  app.post(
    '/oversight-bodies',
    {
      schema: {
        tags,
        summary: '新建省委教育工委（平台管理员）Create an oversight body (platform admin)',
        body: createOversightBodyBody,
        response: { 200: oversightBodyView },
      },
    },
    async (req) => {
      const actor = requirePlatformAdmin(requireActor(req));
      const body = await db.transaction((tx) => createOversightBody(tx, { ...req.body, actor }));
      return { id: body.id, code: body.code, name: body.name, version: body.version };
    },
  );

  app.get(
    '/universities/:id/calendar',
    {
      schema: {
        tags,
        summary: '校历（学期）University calendar',
        params: idParams,
        response: { 200: calendarView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const [university] = await listUniversities(db, { actor, id: req.params.id });
      if (!university) throw notFound(universityLabel);
      return { semesters: await readCalendar(db, university.id) };
    },
  );

  app.put(
    '/universities/:id/calendar',
    {
      schema: {
        tags,
        summary: '设置校历（组织部）Set the university calendar (organization department)',
        params: idParams,
        body: calendarBody,
        response: { 200: calendarView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const semesters = await db.transaction(async (tx) => {
        const [university] = await listUniversities(tx, { actor, id: req.params.id });
        if (!university) throw notFound(universityLabel);
        if (!holdsTenantRoot(actor, 'write', university.id)) throw forbidden();
        return setCalendar(tx, { tenantId: university.id, semesters: req.body.semesters, actor });
      });
      return { semesters };
    },
  );
}
