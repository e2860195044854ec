/** The model-unit endpoints: application by the college, cultivation, mid-term review, acceptance, the quota. */
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../../../test/factories.ts';
import { type Client, createTestServer, type TestServer } from '../../../test/server.ts';
import { auditLog, modelUnits } from '../../db/schema.ts';

let server: TestServer;
let world: World;
let orgAdminA: Client;
let orgAdminB: Client;
let collegeA1: Client;
let collegeA2: Client;
let secretaryA1: Client;

beforeAll(async () => {
  server = await createTestServer();
  server.setNow(new Date('2026-03-15T04:00:00Z'));
  world = await buildWorld(server.db);
  [orgAdminA, orgAdminB, collegeA1, collegeA2, secretaryA1] = await Promise.all(
    ['orgadmin-a', 'orgadmin-b', 'college-a1', 'college-a2', 'secretary-a1'].map((u) => server.signIn(u)),
  );
});
afterAll(() => server.close());

const counts = async () => ({
  units: (await server.db.select({ n: count() }).from(modelUnits))[0].n,
  audit: (await server.db.select({ n: count() }).from(auditLog))[0].n,
});
type Res = { statusCode: number; json(): { error: { details: { field: string; reason: string }[] } } };
const fieldsOf = (res: Res) => res.json().error.details.map((d) => d.field);
const reasonOf = (res: Res) =>
  res
    .json()
    .error.details.map((d) => d.reason)
    .join(' ');

const application = () => ({
  kind: 'modelBranch',
  orgId: world.branchA1.id,
  planYear: 2026,
  appliedOn: '2026-03-01',
  note: '党建业务深度融合',
});

describe('model branch from application to acceptance', () => {
  let id: string;

  it('takes each step in order, each by its role, and refuses steps out of order naming the step', async () => {
    const start = await counts();
    const applied = await collegeA1.post('/api/v1/model-units', application());
    expect(applied.statusCode).toBe(200);
    expect(applied.json()).toMatchObject({
      status: 'applied',
      level: 'school',
      orgCode: 'b-a1',
      collegeName: '机电工程学院党总支',
      version: 1,
    });
    id = applied.json().id;
    const url = (step: string) => `/api/v1/model-units/${id}/${step}`;

    const early = await orgAdminA.post(url('accept'), { version: 1, acceptedOn: '2026-03-10', level: 'school' });
    expect(early.statusCode).toBe(400);
    expect(fieldsOf(early)).toEqual(['step']);
    expect(reasonOf(early)).toContain('mid-term review');
    const earlyMidterm = await orgAdminA.post(url('midterm'), {
      version: 1,
      midtermOn: '2026-03-05',
      result: 'passed',
      note: '按计划推进',
    });
    expect(fieldsOf(earlyMidterm)).toEqual(['step']);
    // The college applies; cultivation is the organization department's.
    expect((await collegeA1.post(url('cultivate'), { version: 1, cultivationFrom: '2026-03-02' })).statusCode).toBe(
      403,
    );
    expect(await counts()).toEqual({ units: start.units + 1, audit: start.audit + 1 });

    const cultivating = await orgAdminA.post(url('cultivate'), { version: 1, cultivationFrom: '2026-03-02' });
    expect(cultivating.json()).toMatchObject({ status: 'cultivating', cultivationFrom: '2026-03-02', version: 2 });
    const notYet = await orgAdminA.post(url('accept'), { version: 2, acceptedOn: '2026-03-10', level: 'school' });
    expect(fieldsOf(notYet)).toEqual(['step']);
    const failed = await orgAdminA.post(url('midterm'), {
      version: 2,
      midtermOn: '2026-03-06',
      result: 'failed',
      note: '台账不全',
    });
    expect(failed.json()).toMatchObject({ status: 'cultivating', midtermResult: 'failed', version: 3 });
    expect(
      fieldsOf(await orgAdminA.post(url('accept'), { version: 3, acceptedOn: '2026-03-10', level: 'school' })),
    ).toEqual(['step']);
    const passed = await orgAdminA.post(url('midterm'), {
      version: 3,
      midtermOn: '2026-03-08',
      result: 'passed',
      note: '整改到位',
    });
    expect(passed.json()).toMatchObject({ midtermResult: 'passed', midtermOn: '2026-03-08', version: 4 });
    const staleRes = await orgAdminA.post(url('accept'), { version: 3, acceptedOn: '2026-03-10', level: 'school' });
    expect(staleRes.statusCode).toBe(409);
    const beforeDate = await orgAdminA.post(url('accept'), { version: 4, acceptedOn: '2026-03-07', level: 'school' });
    expect(fieldsOf(beforeDate)).toEqual(['acceptedOn']);
    const accepted = await orgAdminA.post(url('accept'), { version: 4, acceptedOn: '2026-03-10', level: 'school' });
    expect(accepted.json()).toMatchObject({
      status: 'accepted',
      acceptedOn: '2026-03-10',
      level: 'school',
      version: 5,
    });
    expect(
      fieldsOf(await orgAdminA.post(url('reject'), { version: 5, decidedOn: '2026-03-11', note: '不符合' })),
    ).toEqual(['step']);
    // apply, cultivate, two mid-term reviews, accept.
    expect(await counts()).toEqual({ units: start.units + 1, audit: start.audit + 5 });
  });

  it('counts the accepted model branch against the plan year’s share (1/5 of 3 branches needs 1)', async () => {
    const quota = await collegeA1.get('/api/v1/model-units/quota?year=2026');
    expect(quota.json()).toMatchObject({
      year: 2026,
      countedOn: '2026-03-15',
      branches: 3,
      modelBranches: 1,
      share: 0.2,
      required: 1,
      met: true,
      adopted: true,
    });
    // 2025: it was accepted in 2026; 1/5 of 3 branches needed 1.
    expect((await orgAdminA.get('/api/v1/model-units/quota?year=2025')).json()).toMatchObject({
      countedOn: '2025-12-31',
      modelBranches: 0,
      required: 1,
      met: false,
    });
    expect((await orgAdminA.get('/api/v1/model-units/quota?year=2019')).json()).toMatchObject({
      share: null,
      required: 0,
      met: true,
    });
    expect((await orgAdminB.get(`/api/v1/model-units/quota?tenantId=${world.uniA.tenantId}`)).statusCode).toBe(404);
  });

  it('refuses a second open application of the same kind and level (409), writing nothing', async () => {
    const before = await counts();
    expect((await collegeA1.post('/api/v1/model-units', application())).statusCode).toBe(409);
    expect(await counts()).toEqual(before);
  });

  it('revokes the accepted unit with a reason, and then it no longer counts', async () => {
    const [unit] = (await orgAdminA.get('/api/v1/model-units?kind=modelBranch&status=accepted')).json().items;
    const noReason = await orgAdminA.post(`/api/v1/model-units/${unit.id}/revoke`, {
      version: unit.version,
      decidedOn: '2026-03-14',
      note: '',
    });
    expect(fieldsOf(noReason)).toEqual(['body.note']);
    const revoked = await orgAdminA.post(`/api/v1/model-units/${unit.id}/revoke`, {
      version: unit.version,
      decidedOn: '2026-03-14',
      note: '发生违纪问题',
    });
    expect(revoked.json()).toMatchObject({ status: 'revoked', decidedOn: '2026-03-14' });
    expect((await orgAdminA.get('/api/v1/model-units/quota?year=2026')).json()).toMatchObject({
      modelBranches: 0,
      met: false,
    });
  });
});

describe('applications: bad input, roles and scope', () => {
  it('refuses a wrong org kind, a future date, a studio without a member as leader — naming the field, writing nothing', async () => {
    const before = await counts();
    const college = await collegeA1.post('/api/v1/model-units', { ...application(), orgId: world.collegeA1.id });
    expect(fieldsOf(college)).toEqual(['orgId']);
    expect(
      fieldsOf(await collegeA1.post('/api/v1/model-units', { ...application(), appliedOn: '2026-04-01' })),
    ).toEqual(['appliedOn']);
    const studio = { ...application(), kind: 'dualLeaderStudio' };
    expect(fieldsOf(await collegeA1.post('/api/v1/model-units', studio))).toEqual(['leaderId']);
    const outsider = await collegeA1.post('/api/v1/model-units', { ...studio, leaderId: world.memberA2.person.id });
    expect(fieldsOf(outsider)).toEqual(['leaderId']);
    const badKind = await collegeA1.post('/api/v1/model-units', { ...application(), kind: 'banner' });
    expect(badKind.statusCode).toBe(400);
    expect(JSON.stringify(badKind.json().error.details)).toContain('kind');
    expect(await counts()).toEqual(before);
  });

  it('lets only the college apply: a branch secretary is a 403, another college and university a 404', async () => {
    const before = await counts();
    expect((await secretaryA1.post('/api/v1/model-units', { ...application(), level: 'province' })).statusCode).toBe(
      403,
    );
    expect((await collegeA2.post('/api/v1/model-units', { ...application(), level: 'province' })).statusCode).toBe(404);
    expect((await orgAdminB.post('/api/v1/model-units', { ...application(), level: 'province' })).statusCode).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it('records a studio with its leader and a benchmark college, lists them by kind, hides them elsewhere, exports', async () => {
    const studio = await collegeA1.post('/api/v1/model-units', {
      ...application(),
      kind: 'dualLeaderStudio',
      leaderId: world.secretaryA1.person.id,
    });
    expect(studio.json()).toMatchObject({ kind: 'dualLeaderStudio', leaderName: '王强', status: 'applied' });
    const benchmark = await collegeA1.post('/api/v1/model-units', {
      ...application(),
      kind: 'benchmarkCollege',
      orgId: world.collegeA1.id,
    });
    expect(benchmark.json()).toMatchObject({ kind: 'benchmarkCollege', collegeName: '机电工程学院党总支' });
    expect(
      (
        await collegeA2.post('/api/v1/model-units', {
          ...application(),
          kind: 'benchmarkCollege',
          orgId: world.collegeA1.id,
        })
      ).statusCode,
    ).toBe(404);
    const studios = await orgAdminA.get('/api/v1/model-units?year=2026&kind=dualLeaderStudio');
    expect(studios.json().items.map((u: { orgCode: string }) => u.orgCode)).toEqual(['b-a1']);
    expect((await collegeA2.get('/api/v1/model-units')).json().items).toEqual([]);
    expect((await orgAdminB.get('/api/v1/model-units')).json().items).toEqual([]);
    expect(
      (
        await orgAdminB.post(`/api/v1/model-units/${studio.json().id}/cultivate`, {
          version: 1,
          cultivationFrom: '2026-03-02',
        })
      ).statusCode,
    ).toBe(404);
    const rejected = await orgAdminA.post(`/api/v1/model-units/${studio.json().id}/reject`, {
      version: 1,
      decidedOn: '2026-03-12',
      note: '材料不全',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', note: '材料不全' });
    const exported = await orgAdminA.get('/api/v1/model-units/export.xlsx?year=2026');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
  });
});

describe('each step refuses a stale version and a day before the step it follows, writing nothing', () => {
  it('cultivate, mid-term review, reject and revoke', async () => {
    const applied = await collegeA1.post('/api/v1/model-units', {
      ...application(),
      orgId: world.branchA2.id,
      appliedOn: '2026-03-05',
    });
    const id = applied.json().id;
    const url = (step: string) => `/api/v1/model-units/${id}/${step}`;
    const before = await counts();
    expect((await orgAdminA.post(url('cultivate'), { version: 2, cultivationFrom: '2026-03-06' })).statusCode).toBe(
      409,
    );
    expect(fieldsOf(await orgAdminA.post(url('cultivate'), { version: 1, cultivationFrom: '2026-03-04' }))).toEqual([
      'cultivationFrom',
    ]);
    expect((await orgAdminA.post(url('reject'), { version: 2, decidedOn: '2026-03-06', note: '否' })).statusCode).toBe(
      409,
    );
    expect(fieldsOf(await orgAdminA.post(url('reject'), { version: 1, decidedOn: '2026-03-04', note: '否' }))).toEqual([
      'decidedOn',
    ]);
    expect(fieldsOf(await orgAdminA.post(url('revoke'), { version: 1, decidedOn: '2026-03-06', note: '否' }))).toEqual([
      'step',
    ]);
    expect(await counts()).toEqual(before);
    await orgAdminA.post(url('cultivate'), { version: 1, cultivationFrom: '2026-03-06' });
    const midterm = { version: 2, midtermOn: '2026-03-05', result: 'passed', note: '好' };
    expect(fieldsOf(await orgAdminA.post(url('midterm'), midterm))).toEqual(['midtermOn']);
    expect((await orgAdminA.post(url('midterm'), { ...midterm, version: 1, midtermOn: '2026-03-07' })).statusCode).toBe(
      409,
    );
    expect(fieldsOf(await orgAdminA.post(url('midterm'), { ...midterm, midtermOn: '2026-03-16' }))).toEqual([
      'midtermOn',
    ]);
    expect(await counts()).toEqual({ ...before, audit: before.audit + 1 });
  });
});
