/** The practice-carrier endpoints: record, correct, remove, list by year, coverage per org, export. */
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../../../test/factories.ts';
import { type Client, createTestServer, type TestServer } from '../../../test/server.ts';
import { auditLog, practiceCarriers } from '../../db/schema.ts';

let server: TestServer;
let world: World;
let orgAdminA: Client;
let orgAdminB: Client;
let collegeA1: Client;
let collegeA2: Client;
let secretaryA1: Client;
let memberA1: Client;

beforeAll(async () => {
  server = await createTestServer();
  server.setNow(new Date('2026-03-15T04:00:00Z'));
  world = await buildWorld(server.db);
  [orgAdminA, orgAdminB, collegeA1, collegeA2, secretaryA1, memberA1] = await Promise.all(
    ['orgadmin-a', 'orgadmin-b', 'college-a1', 'college-a2', 'secretary-a1', 'member-a1'].map((u) => server.signIn(u)),
  );
});
afterAll(() => server.close());

const counts = async () => ({
  carriers: (await server.db.select({ n: count() }).from(practiceCarriers))[0].n,
  audit: (await server.db.select({ n: count() }).from(auditLog))[0].n,
});
type Res = { statusCode: number; json(): { error: { details: { field: string }[] } } };
const fieldsOf = (res: Res) => res.json().error.details.map((d) => d.field);

const carrier = () => ({
  orgId: world.branchA1.id,
  year: 2026,
  kind: 'carrier',
  title: '党员先锋岗',
  description: '每名党员在教学岗位上亮身份、作表率',
  establishedOn: '2026-03-02',
});

describe('recording a carrier', () => {
  let id: string;

  it('records, corrects at the version read (409 when stale) and removes it, each audited', async () => {
    const start = await counts();
    const created = await secretaryA1.post('/api/v1/practice-carriers', carrier());
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({ orgCode: 'b-a1', kind: 'carrier', version: 1 });
    id = created.json().id;
    const fixed = await secretaryA1.put(`/api/v1/practice-carriers/${id}`, { version: 1, title: '党员示范岗' });
    expect(fixed.json()).toMatchObject({ title: '党员示范岗', version: 2 });
    expect((await secretaryA1.put(`/api/v1/practice-carriers/${id}`, { version: 1, title: '旧' })).statusCode).toBe(
      409,
    );
    const rule = await collegeA1.post('/api/v1/practice-carriers', {
      ...carrier(),
      orgId: world.collegeA1.id,
      kind: 'rule',
      title: '党政联席会议制度',
    });
    expect(rule.statusCode).toBe(200);
    expect((await collegeA1.delete(`/api/v1/practice-carriers/${rule.json().id}?version=2`)).statusCode).toBe(409);
    expect((await collegeA1.delete(`/api/v1/practice-carriers/${rule.json().id}?version=1`)).statusCode).toBe(204);
    expect(await counts()).toEqual({ carriers: start.carriers + 1, audit: start.audit + 4 });
  });

  it('refuses a day outside the year, a future day, a group or a missing title — naming the field, writing nothing', async () => {
    const before = await counts();
    expect(
      fieldsOf(await secretaryA1.post('/api/v1/practice-carriers', { ...carrier(), establishedOn: '2025-12-30' })),
    ).toEqual(['establishedOn']);
    expect(
      fieldsOf(await secretaryA1.post('/api/v1/practice-carriers', { ...carrier(), establishedOn: '2026-03-16' })),
    ).toEqual(['establishedOn']);
    expect(
      fieldsOf(await secretaryA1.post('/api/v1/practice-carriers', { ...carrier(), orgId: world.groupA1.id })),
    ).toEqual(['orgId']);
    expect(fieldsOf(await secretaryA1.post('/api/v1/practice-carriers', { ...carrier(), title: ' ' }))).toEqual([
      'body.title',
    ]);
    expect(fieldsOf(await secretaryA1.put(`/api/v1/practice-carriers/${id}`, { version: 2, year: 2025 }))).toEqual([
      'establishedOn',
    ]);
    expect(await counts()).toEqual(before);
  });

  it('keeps other branches, colleges and universities out (404), and members read-only (404 to write)', async () => {
    const before = await counts();
    expect(
      (await secretaryA1.post('/api/v1/practice-carriers', { ...carrier(), orgId: world.branchA2.id })).statusCode,
    ).toBe(404);
    expect((await collegeA2.post('/api/v1/practice-carriers', carrier())).statusCode).toBe(404);
    expect((await orgAdminB.put(`/api/v1/practice-carriers/${id}`, { version: 2, title: '改' })).statusCode).toBe(404);
    expect((await collegeA2.delete(`/api/v1/practice-carriers/${id}?version=2`)).statusCode).toBe(404);
    expect((await memberA1.post('/api/v1/practice-carriers', carrier())).statusCode).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it('lists by year, shows each college and branch against the minimum, and exports', async () => {
    const listed = await collegeA1.get('/api/v1/practice-carriers?year=2026');
    expect(listed.json().items.map((c: { title: string }) => c.title)).toEqual(['党员示范岗']);
    expect((await collegeA1.get('/api/v1/practice-carriers?year=2025')).json().items).toEqual([]);
    expect((await collegeA2.get('/api/v1/practice-carriers?year=2026')).json().items).toEqual([]);
    const coverage = await orgAdminA.get(`/api/v1/practice-carriers/coverage?year=2026&orgId=${world.collegeA1.id}`);
    expect(
      coverage
        .json()
        .items.map((r: { orgCode: string; carriers: number; met: boolean }) => [r.orgCode, r.carriers, r.met]),
    ).toEqual([
      ['c-a1', 0, false],
      ['b-a1', 1, true],
      ['b-a2', 0, false],
    ]);
    expect((await orgAdminB.get(`/api/v1/practice-carriers/coverage?orgId=${world.collegeA1.id}`)).statusCode).toBe(
      404,
    );
    const exported = await orgAdminA.get('/api/v1/practice-carriers/export.xlsx?year=2026');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
  });
});
