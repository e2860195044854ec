import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../../../test/factories.ts';
import { sampleDataset } from '../../../test/fixtures/dataset.ts';
import { type Client, createTestServer, type TestServer } from '../../../test/server.ts';
import { auditLog, orgs, people, tenants } from '../../db/schema.ts';

let server: TestServer;
let world: World;
let platform: Client;
let oversight: Client;
let orgAdminA: Client;
let orgAdminB: Client;
let collegeA1: Client;
let secretaryA1: Client;
let memberA1: Client;
beforeAll(async () => {
  server = await createTestServer();
  world = await buildWorld(server.db);
  [platform, oversight, orgAdminA, orgAdminB, collegeA1, secretaryA1, memberA1] = await Promise.all(
    ['platform', 'oversight', 'orgadmin-a', 'orgadmin-b', 'college-a1', 'secretary-a1', 'member-a1'].map((u) =>
      server.signIn(u),
    ),
  );
});
afterAll(() => server.close());

const counts = async () => ({
  tenants: (await server.db.select({ n: sql<number>`count(*)::int` }).from(tenants))[0].n,
  orgs: (await server.db.select({ n: sql<number>`count(*)::int` }).from(orgs))[0].n,
  people: (await server.db.select({ n: sql<number>`count(*)::int` }).from(people))[0].n,
  audit: (await server.db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0].n,
});

describe('GET /dataset/export', () => {
  it('gives the organization-department admin their university as a document', async () => {
    const res = await orgAdminA.get('/api/v1/dataset/export?university=uni-a');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.format).toBe('zhibu-dataset/1');
    expect(doc.university).toMatchObject({ code: 'uni-a', name: '甲职业技术学院' });
    expect(doc.orgs.map((o: { code: string }) => o.code)).toEqual(['b-a1', 'b-a2', 'b-a3', 'c-a1', 'c-a2', 'g-a1']);
    expect(doc.people.map((p: { code: string }) => p.code)).toEqual(['A0001', 'A0002', 'A0003', 'A0004']);
  });

  it('lets the oversight viewer export the universities it oversees, and platform admins any', async () => {
    expect((await oversight.get('/api/v1/dataset/export?university=uni-b')).statusCode).toBe(200);
    expect((await oversight.get('/api/v1/dataset/export?university=uni-c')).statusCode).toBe(404);
    const res = await platform.get('/api/v1/dataset/export?university=uni-c');
    expect(res.statusCode).toBe(200);
    expect(res.json().orgs).toEqual([]);
  });

  it('is a 404 for everyone below the university root and for another university', async () => {
    for (const client of [collegeA1, secretaryA1, memberA1]) {
      const res = await client.get('/api/v1/dataset/export?university=uni-a');
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    expect((await orgAdminB.get('/api/v1/dataset/export?university=uni-a')).statusCode).toBe(404);
    expect((await orgAdminA.get('/api/v1/dataset/export?university=no-such')).statusCode).toBe(404);
  });

  it('names the missing query parameter', async () => {
    const res = await orgAdminA.get('/api/v1/dataset/export');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'querystring.university' })]);
  });

  it('needs a session', async () => {
    expect((await server.anonymous.get('/api/v1/dataset/export?university=uni-a')).statusCode).toBe(401);
  });
});

describe('POST /dataset/import', () => {
  it('imports a document as a new university for the platform admin', async () => {
    const document = sampleDataset('api-sample');
    const res = await platform.post('/api/v1/dataset/import?oversightBody=ov-test', document);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.university).toMatchObject({ code: 'api-sample', name: '样本职业技术学院' });
    expect(body.counts).toMatchObject({ orgs: 6, people: 4, memberships: 5, terms: 3, positions: 3, meetings: 2 });
    const [tenant] = await server.db.select().from(tenants).where(eq(tenants.code, 'api-sample'));
    expect(tenant.oversightBodyId).toBe(world.body.id);
    // Under the oversight body, its viewer now reads it; the export brings the same records back.
    const exported = await oversight.get('/api/v1/dataset/export?university=api-sample');
    expect(exported.statusCode).toBe(200);
    expect(exported.json().university).toEqual(document.university);
    expect(exported.json().memberships).toHaveLength(5);
  });

  it('is forbidden to everyone but platform admins, and writes nothing', async () => {
    const before = await counts();
    for (const client of [orgAdminA, oversight, collegeA1, secretaryA1]) {
      const res = await client.post('/api/v1/dataset/import', sampleDataset('not-allowed'));
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    expect(await counts()).toEqual(before);
  });

  it('answers a bad document with 400, every problem by pointer, and writes nothing', async () => {
    const before = await counts();
    const document = sampleDataset('api-bad');
    document.orgs[1].parent = 'c-nowhere';
    document.memberships[0].status = 'member';
    document.extra = true;
    const res = await platform.post('/api/v1/dataset/import', document);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('BAD_INPUT');
    expect(res.json().error.message).toContain('数据集有 3 处错误');
    expect(res.json().error.details.map((d: { pointer: string }) => d.pointer)).toEqual([
      '/orgs/1/parent',
      '/memberships/0/status',
      '/extra',
    ]);
    expect(await counts()).toEqual(before);
  });

  it('answers a body that is not a document with 400', async () => {
    const res = await platform.post('/api/v1/dataset/import', [1, 2, 3]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ pointer: '' })]);
  });

  it('refuses an existing university code with 409 and an unknown oversight body with 400', async () => {
    const before = await counts();
    const taken = await platform.post('/api/v1/dataset/import', sampleDataset('uni-a'));
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.message).toBe('学校代码 uni-a 已存在');
    const unknownBody = await platform.post('/api/v1/dataset/import?oversightBody=ov-none', sampleDataset('api-x'));
    expect(unknownBody.statusCode).toBe(400);
    expect(unknownBody.json().error.details).toEqual([expect.objectContaining({ field: 'query.oversightBody' })]);
    expect(await counts()).toEqual(before);
  });
});
