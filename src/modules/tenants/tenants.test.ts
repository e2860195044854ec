import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../../../test/factories.ts';
import { createTestServer, type TestServer } from '../../../test/server.ts';
import { auditLog, orgs, oversightBodies, semesters, tenants } from '../../db/schema.ts';

let server: TestServer;
let world: World;
beforeAll(async () => {
  server = await createTestServer();
  world = await buildWorld(server.db);
});
afterAll(() => server.close());

const codes = (res: { json(): { items: { code: string }[] } }) => res.json().items.map((u) => u.code);
const count = async (table: typeof tenants | typeof oversightBodies) =>
  (await server.db.select({ n: sql<number>`count(*)::int` }).from(table))[0].n;

describe('GET /universities', () => {
  it('lists all for a platform admin, the overseen ones for a viewer, their own for others', async () => {
    const platform = await server.signIn('platform');
    expect(codes(await platform.get('/api/v1/universities'))).toEqual(
      expect.arrayContaining(['uni-a', 'uni-b', 'uni-c']),
    );
    const viewer = await server.signIn('oversight');
    expect(codes(await viewer.get('/api/v1/universities')).sort()).toEqual(['uni-a', 'uni-b']);
    for (const username of ['orgadmin-a', 'college-a1', 'member-a1']) {
      const client = await server.signIn(username);
      const res = await client.get('/api/v1/universities');
      expect(codes(res)).toEqual(['uni-a']);
    }
    const b = await server.signIn('orgadmin-b');
    const res = await b.get('/api/v1/universities');
    expect(res.json().items).toEqual([
      expect.objectContaining({
        code: 'uni-b',
        oversightBodyName: '测试省委教育工委',
        standardSets: ['hbzy-2019-3s3n'],
      }),
    ]);
  });
});

describe('POST /universities', () => {
  it('creates a university with its root org, audited', async () => {
    const client = await server.signIn('platform');
    const res = await client.post('/api/v1/universities', {
      code: 'uni-new',
      name: '新建职业学院',
      validFrom: '2020-09-01',
      standardSets: ['national-baseline', 'hbzy-2019-3s3n'],
      oversightBodyId: world.body.id,
    });
    expect(res.statusCode).toBe(200);
    const university = res.json();
    expect(university).toMatchObject({ code: 'uni-new', oversightBodyId: world.body.id });
    const [root] = await server.db.select().from(orgs).where(eq(orgs.id, university.id));
    expect(root).toMatchObject({ kind: 'university', path: `/${university.id}/`, validFrom: '2020-09-01' });
    const audit = await server.db.select().from(auditLog).where(eq(auditLog.entityId, university.id));
    expect(audit).toEqual([expect.objectContaining({ action: 'create', entity: 'university', actorName: 'platform' })]);
    // The oversight viewer of that body now sees it too.
    const viewer = await server.signIn('oversight');
    expect(codes(await viewer.get('/api/v1/universities'))).toContain('uni-new');
  });

  it('names the bad field and writes nothing', async () => {
    const before = await count(tenants);
    const client = await server.signIn('platform');
    const badSet = await client.post('/api/v1/universities', {
      code: 'uni-bad',
      name: '坏',
      validFrom: '2020-09-01',
      standardSets: ['no-such-set'],
    });
    expect(badSet.statusCode).toBe(400);
    expect(badSet.json().error.details[0].field).toBe('body.standardSets.0');
    const badDate = await client.post('/api/v1/universities', {
      code: 'uni-bad',
      name: '坏',
      validFrom: '2020-02-30',
      standardSets: [],
    });
    expect(badDate.json().error.details[0].field).toBe('body.validFrom');
    const badBody = await client.post('/api/v1/universities', {
      code: 'uni-bad',
      name: '坏',
      validFrom: '2020-02-01',
      standardSets: [],
      oversightBodyId: crypto.randomUUID(),
    });
    expect(badBody.statusCode).toBe(400);
    expect(badBody.json().error.details[0].field).toBe('body.oversightBodyId');
    const taken = await client.post('/api/v1/universities', {
      code: 'uni-a',
      name: '重复',
      validFrom: '2020-02-01',
      standardSets: [],
    });
    expect(taken.statusCode).toBe(409);
    expect(await count(tenants)).toBe(before);
  });

  it('is for platform admins only (403)', async () => {
    const before = await count(tenants);
    for (const username of ['orgadmin-a', 'oversight', 'member-a1']) {
      const client = await server.signIn(username);
      const res = await client.post('/api/v1/universities', {
        code: 'uni-x',
        name: '越权',
        validFrom: '2020-09-01',
        standardSets: [],
      });
      expect(res.statusCode).toBe(403);
    }
    expect(await count(tenants)).toBe(before);
  });
});

describe('oversight bodies', () => {
  it('lets a platform admin create one and list all; others see only theirs', async () => {
    const platform = await server.signIn('platform');
    const res = await platform.post('/api/v1/oversight-bodies', { code: 'ov-new', name: '新省委教育工委' });
    expect(res.statusCode).toBe(200);
    expect(codes(await platform.get('/api/v1/oversight-bodies'))).toEqual(
      expect.arrayContaining(['ov-new', 'ov-test', 'ov-other']),
    );
    const viewer = await server.signIn('oversight');
    expect(codes(await viewer.get('/api/v1/oversight-bodies'))).toEqual(['ov-test']);
    const b = await server.signIn('orgadmin-b');
    expect(codes(await b.get('/api/v1/oversight-bodies'))).toEqual(['ov-test']);
    const audit = await server.db.select().from(auditLog).where(eq(auditLog.entityId, res.json().id));
    expect(audit).toHaveLength(1);
  });

  it('refuses bad input, a taken code and non-platform admins, writing nothing', async () => {
    const before = await count(oversightBodies);
    const platform = await server.signIn('platform');
    const bad = await platform.post('/api/v1/oversight-bodies', { code: 'ov-x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('body.name');
    expect((await platform.post('/api/v1/oversight-bodies', { code: 'ov-test', name: '重复' })).statusCode).toBe(409);
    const viewer = await server.signIn('oversight');
    expect((await viewer.post('/api/v1/oversight-bodies', { code: 'ov-y', name: '越权' })).statusCode).toBe(403);
    expect(await count(oversightBodies)).toBe(before);
  });
});

describe('calendar', () => {
  const calendar = [
    { code: '2021-1', start: '2021-02-22', end: '2021-07-10' },
    { code: '2021-2', start: '2021-08-30', end: '2022-01-15' },
  ];

  it('is set by the org-department admin, read by everyone of the university, audited', async () => {
    const admin = await server.signIn('orgadmin-a');
    const res = await admin.put(`/api/v1/universities/${world.uniA.tenantId}/calendar`, { semesters: calendar });
    expect(res.statusCode).toBe(200);
    expect(res.json().semesters).toEqual(calendar);
    const member = await server.signIn('member-a1');
    const read = await member.get(`/api/v1/universities/${world.uniA.tenantId}/calendar`);
    expect(read.json().semesters).toEqual(calendar);
    const [entry] = await server.db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.entity} = 'calendar' and ${auditLog.entityId} = ${world.uniA.tenantId}`);
    expect(entry.after).toEqual(calendar);
    expect(entry.orgPath).toBe(world.uniA.rootPath);
    // Replacing it drops the old semesters.
    const replaced = await admin.put(`/api/v1/universities/${world.uniA.tenantId}/calendar`, {
      semesters: [calendar[1]],
    });
    expect(replaced.json().semesters).toEqual([calendar[1]]);
  });

  it('refuses overlapping semesters and an end before the start, naming the index, writing nothing', async () => {
    const admin = await server.signIn('orgadmin-b');
    const overlap = await admin.put(`/api/v1/universities/${world.uniB.tenantId}/calendar`, {
      semesters: [calendar[0], { code: '2021-x', start: '2021-07-10', end: '2021-08-01' }],
    });
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json().error.details).toEqual([expect.objectContaining({ field: 'body.semesters.1' })]);
    const backwards = await admin.put(`/api/v1/universities/${world.uniB.tenantId}/calendar`, {
      semesters: [{ code: '2021-1', start: '2021-07-10', end: '2021-02-22' }],
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details[0].field).toBe('body.semesters.0.end');
    const badDate = await admin.put(`/api/v1/universities/${world.uniB.tenantId}/calendar`, {
      semesters: [{ code: '2021-1', start: '2021-02-30', end: '2021-07-01' }],
    });
    expect(badDate.json().error.details[0].field).toBe('body.semesters.0.start');
    expect(await server.db.select().from(semesters).where(eq(semesters.tenantId, world.uniB.tenantId))).toEqual([]);
  });

  it('is 404 for another university and 403 for college admins and viewers', async () => {
    const other = await server.signIn('orgadmin-b');
    expect((await other.get(`/api/v1/universities/${world.uniA.tenantId}/calendar`)).statusCode).toBe(404);
    expect(
      (await other.put(`/api/v1/universities/${world.uniA.tenantId}/calendar`, { semesters: [] })).statusCode,
    ).toBe(404);
    for (const username of ['college-a1', 'oversight']) {
      const client = await server.signIn(username);
      const res = await client.put(`/api/v1/universities/${world.uniA.tenantId}/calendar`, { semesters: [] });
      expect(res.statusCode).toBe(403);
    }
    const viewer = await server.signIn('oversight');
    expect((await viewer.get(`/api/v1/universities/${world.uniC.tenantId}/calendar`)).statusCode).toBe(404);
    expect(await server.db.select().from(semesters).where(eq(semesters.tenantId, world.uniA.tenantId))).toHaveLength(1);
  });
});
