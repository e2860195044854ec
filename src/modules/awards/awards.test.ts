/** The award endpoints: nomination, review, publicity, decision, the record on the person or org, rounds. */
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../../../test/factories.ts';
import { type Client, createTestServer, type TestServer } from '../../../test/server.ts';
import { auditLog, awards } from '../../db/schema.ts';
import { workdaysBetween } from './workdays.ts';

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
  awards: (await server.db.select({ n: count() }).from(awards))[0].n,
  audit: (await server.db.select({ n: count() }).from(auditLog))[0].n,
});
type Res = { statusCode: number; json(): { error: { details: { field: string; reason: string }[] } } };
const fieldsOf = (res: Res) => res.json().error.details.map((d) => d.field);
const reasonOf = (res: Res) =>
  res
    .json()
    .error.details.map((d) => d.reason)
    .join(' ');

const nomination = () => ({
  roundYear: 2026,
  kind: 'outstandingMember',
  personId: world.memberA1.person.id,
  nominatingOrgId: world.branchA1.id,
  nominatedOn: '2026-03-01',
  reason: '教书育人成绩突出，发挥先锋模范作用',
});

describe('working days', () => {
  it('counts Monday to Friday, both ends included', () => {
    expect(workdaysBetween('2026-03-02', '2026-03-06')).toBe(5);
    expect(workdaysBetween('2026-03-06', '2026-03-10')).toBe(3);
    expect(workdaysBetween('2026-03-07', '2026-03-08')).toBe(0);
  });
});

describe('an outstanding member from nomination to decision', () => {
  it('takes each step in order, each by its role, and refuses a short publicity or an early decision', async () => {
    const start = await counts();
    const nominated = await secretaryA1.post('/api/v1/awards', nomination());
    expect(nominated.statusCode).toBe(200);
    expect(nominated.json()).toMatchObject({ status: 'nominated', personName: '李娜', version: 1 });
    const url = `/api/v1/awards/${nominated.json().id}`;

    const early = await orgAdminA.post(`${url}/publicize`, {
      version: 1,
      publicityFrom: '2026-03-02',
      publicityUntil: '2026-03-06',
    });
    expect(fieldsOf(early)).toEqual(['step']);
    expect(reasonOf(early)).toContain('review must pass');
    expect(
      fieldsOf(await orgAdminA.post(`${url}/decide`, { version: 1, decidedOn: '2026-03-10', decisionDocument: '文' })),
    ).toEqual(['step']);
    expect(
      (await secretaryA1.post(`${url}/review`, { version: 1, reviewedOn: '2026-03-02', passed: true })).statusCode,
    ).toBe(403);
    expect(await counts()).toEqual({ awards: start.awards + 1, audit: start.audit + 1 });

    const reviewed = await orgAdminA.post(`${url}/review`, { version: 1, reviewedOn: '2026-03-02', passed: true });
    expect(reviewed.json()).toMatchObject({ status: 'reviewed', reviewedOn: '2026-03-02', version: 2 });
    const short = await orgAdminA.post(`${url}/publicize`, {
      version: 2,
      publicityFrom: '2026-03-02',
      publicityUntil: '2026-03-05',
    });
    expect(fieldsOf(short)).toEqual(['publicityUntil']);
    expect(reasonOf(short)).toContain('公示期须不少于5个工作日（现为4个）');
    const publicized = await orgAdminA.post(`${url}/publicize`, {
      version: 2,
      publicityFrom: '2026-03-02',
      publicityUntil: '2026-03-06',
    });
    expect(publicized.json()).toMatchObject({ status: 'publicized', publicityUntil: '2026-03-06', version: 3 });
    const during = await orgAdminA.post(`${url}/decide`, {
      version: 3,
      decidedOn: '2026-03-06',
      decisionDocument: '院党委〔2026〕5号',
    });
    expect(fieldsOf(during)).toEqual(['decidedOn']);
    expect(
      (
        await orgAdminA.post(`${url}/decide`, {
          version: 2,
          decidedOn: '2026-03-09',
          decisionDocument: '院党委〔2026〕5号',
        })
      ).statusCode,
    ).toBe(409);
    const decided = await orgAdminA.post(`${url}/decide`, {
      version: 3,
      decidedOn: '2026-03-09',
      decisionDocument: '院党委〔2026〕5号',
    });
    expect(decided.json()).toMatchObject({ status: 'decided', decisionDocument: '院党委〔2026〕5号', version: 4 });
    expect(await counts()).toEqual({ awards: start.awards + 1, audit: start.audit + 4 });
  });

  it('shows the decision on the person, and the rounds with the next one due', async () => {
    const record = await collegeA1.get(`/api/v1/awards/people/${world.memberA1.person.id}`);
    expect(record.json().items).toEqual([
      expect.objectContaining({ kind: 'outstandingMember', roundYear: 2026, decidedOn: '2026-03-09' }),
    ]);
    expect((await orgAdminB.get(`/api/v1/awards/people/${world.memberA1.person.id}`)).statusCode).toBe(404);
    expect((await collegeA2.get(`/api/v1/awards/people/${world.memberA1.person.id}`)).statusCode).toBe(404);
    const rounds = await orgAdminA.get('/api/v1/awards/rounds');
    expect(rounds.json()).toMatchObject({
      everyYears: 2,
      publicityWorkdays: 5,
      lastRoundYear: 2026,
      nextDueYear: 2028,
      rounds: [{ roundYear: 2026, decided: 1, nominated: 0 }],
    });
    expect((await orgAdminB.get(`/api/v1/awards/rounds?tenantId=${world.uniA.tenantId}`)).statusCode).toBe(404);
  });

  it('refuses a second nomination of the same member in the round (409)', async () => {
    const before = await counts();
    expect((await secretaryA1.post('/api/v1/awards', nomination())).statusCode).toBe(409);
    expect(await counts()).toEqual(before);
  });
});

describe('nominations: bad input, roles and scope', () => {
  it('refuses a non-member, a missing person, an org outside the nominator, a future day — naming the field, writing nothing', async () => {
    const before = await counts();
    const outsider = await secretaryA1.post('/api/v1/awards', { ...nomination(), personId: world.memberA3.person.id });
    expect(fieldsOf(outsider)).toEqual(['personId']);
    const noPerson = await secretaryA1.post('/api/v1/awards', {
      ...nomination(),
      kind: 'outstandingWorker',
      personId: null,
    });
    expect(fieldsOf(noPerson)).toEqual(['personId']);
    const otherCollege = await collegeA1.post('/api/v1/awards', {
      ...nomination(),
      kind: 'advancedOrg',
      personId: null,
      orgId: world.collegeA2.id,
      nominatingOrgId: world.collegeA1.id,
    });
    expect(fieldsOf(otherCollege)).toEqual(['orgId']);
    expect(fieldsOf(await secretaryA1.post('/api/v1/awards', { ...nomination(), nominatedOn: '2026-03-20' }))).toEqual([
      'nominatedOn',
    ]);
    const noReason = await secretaryA1.post('/api/v1/awards', { ...nomination(), reason: '' });
    expect(fieldsOf(noReason)).toEqual(['body.reason']);
    expect(await counts()).toEqual(before);
  });

  it('hides another college’s and university’s orgs (404)', async () => {
    const before = await counts();
    expect((await collegeA2.post('/api/v1/awards', { ...nomination(), kind: 'outstandingWorker' })).statusCode).toBe(
      404,
    );
    expect((await orgAdminB.post('/api/v1/awards', { ...nomination(), kind: 'outstandingWorker' })).statusCode).toBe(
      404,
    );
    expect(await counts()).toEqual(before);
  });

  it('nominates an advanced branch, rejects it on an objection, and lists and exports by round', async () => {
    const org = await collegeA1.post('/api/v1/awards', {
      ...nomination(),
      kind: 'advancedOrg',
      personId: null,
      orgId: world.branchA2.id,
      nominatingOrgId: world.collegeA1.id,
    });
    expect(org.json()).toMatchObject({ kind: 'advancedOrg', orgName: '机电学生第一党支部', personId: null });
    const rejected = await orgAdminA.post(`/api/v1/awards/${org.json().id}/reject`, {
      version: 1,
      decidedOn: '2026-03-12',
      note: '公示期间收到实名反映，经核实不符合条件',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', decidedOn: '2026-03-12' });
    expect((await collegeA1.get(`/api/v1/awards/orgs/${world.branchA2.id}`)).json().items).toEqual([]);
    const listed = await orgAdminA.get('/api/v1/awards?year=2026');
    expect(
      listed
        .json()
        .items.map((a: { status: string }) => a.status)
        .sort(),
    ).toEqual(['decided', 'rejected']);
    expect((await orgAdminA.get('/api/v1/awards?year=2026&status=rejected')).json().items).toHaveLength(1);
    expect((await collegeA2.get('/api/v1/awards')).json().items).toEqual([]);
    expect((await orgAdminB.get('/api/v1/awards')).json().items).toEqual([]);
    const exported = await orgAdminA.get('/api/v1/awards/export.xlsx?year=2026');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
  });
});

describe('each step refuses a stale version and a day before the step it follows, writing nothing', () => {
  it('review, publicity and rejection', async () => {
    const nominated = await secretaryA1.post('/api/v1/awards', {
      ...nomination(),
      kind: 'outstandingWorker',
      personId: world.secretaryA1.person.id,
    });
    const url = `/api/v1/awards/${nominated.json().id}`;
    const before = await counts();
    expect(
      (await orgAdminA.post(`${url}/review`, { version: 2, reviewedOn: '2026-03-02', passed: true })).statusCode,
    ).toBe(409);
    expect(
      fieldsOf(await orgAdminA.post(`${url}/review`, { version: 1, reviewedOn: '2026-02-28', passed: true })),
    ).toEqual(['reviewedOn']);
    expect(
      (await orgAdminA.post(`${url}/reject`, { version: 2, decidedOn: '2026-03-02', note: '不符合' })).statusCode,
    ).toBe(409);
    expect(fieldsOf(await orgAdminA.post(`${url}/reject`, { version: 1, decidedOn: '2026-03-02', note: '' }))).toEqual([
      'body.note',
    ]);
    expect(await counts()).toEqual(before);
    await orgAdminA.post(`${url}/review`, { version: 1, reviewedOn: '2026-03-03', passed: true });
    const publicity = { version: 2, publicityFrom: '2026-03-02', publicityUntil: '2026-03-09' };
    expect(fieldsOf(await orgAdminA.post(`${url}/publicize`, publicity))).toEqual(['publicityFrom']);
    expect(
      (await orgAdminA.post(`${url}/publicize`, { ...publicity, version: 1, publicityFrom: '2026-03-03' })).statusCode,
    ).toBe(409);
    expect(
      fieldsOf(
        await orgAdminA.post(`${url}/publicize`, {
          ...publicity,
          publicityFrom: '2026-03-10',
          publicityUntil: '2026-03-09',
        }),
      ),
    ).toEqual(['publicityUntil']);
    expect(await counts()).toEqual({ ...before, audit: before.audit + 1 });
  });
});
