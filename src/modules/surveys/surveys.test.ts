import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingsFor } from '../../../test/compliance.ts';
import { buildWorld, type World } from '../../../test/factories.ts';
import { type Client, createTestServer, type TestServer } from '../../../test/server.ts';
import { auditLog, rectifications, reorganizations, surveys } from '../../db/schema.ts';
import { sixChecks } from './six-checks.ts';

let server: TestServer;
let world: World;
let orgAdmin: Client;
let collegeA1: Client;
let collegeA2: Client;
let secretary: Client;
let secretaryA2: Client;
let otherUniversity: Client;

beforeAll(async () => {
  server = await createTestServer();
  world = await buildWorld(server.db);
  [orgAdmin, collegeA1, collegeA2, secretary, secretaryA2, otherUniversity] = await Promise.all(
    ['orgadmin-a', 'college-a1', 'college-a2', 'secretary-a1', 'secretary-a2', 'orgadmin-b'].map((u) =>
      server.signIn(u),
    ),
  );
  server.setNow(new Date('2026-03-10T04:00:00Z'));
});
afterAll(() => server.close());

const checklist = () =>
  sixChecks.map((check) =>
    check === 'leadership'
      ? { check, result: 'problem', note: '组织委员调离后空缺半年未补选' }
      : { check, result: 'good', note: '' },
  );
const survey = (orgId = world.branchA1.id) => ({
  orgId,
  year: 2025,
  surveyedOn: '2025-12-05',
  checklist: checklist(),
  conclusion: '班子不健全，其余正常',
  weak: false,
});
const count = async () => (await server.db.select().from(surveys)).length;

describe('surveys (摸底排查, 六查六看)', () => {
  it('is recorded by the superior with all six checks, once a branch a year, audited', async () => {
    const res = await collegeA1.post('/api/v1/surveys', survey());
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s).toMatchObject({
      org: { code: 'b-a1' },
      year: 2025,
      surveyedOn: '2025-12-05',
      weak: false,
      recordedByName: 'college-a1',
      rectifications: 0,
      mayEdit: true,
      version: 1,
    });
    expect(s.checklist.map((c: { check: string }) => c.check)).toEqual([...sixChecks]);
    const again = await orgAdmin.post('/api/v1/surveys', survey());
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toEqual({ id: s.id });
    const audit = await server.db.select().from(auditLog).where(eq(auditLog.entityId, s.id));
    expect(audit.map((a) => a.action)).toEqual(['create']);
    // The branch reads its survey but cannot change it.
    expect((await secretary.get(`/api/v1/surveys/${s.id}`)).json().mayEdit).toBe(false);
    expect((await secretary.put(`/api/v1/surveys/${s.id}`, { conclusion: '自评良好', version: 1 })).statusCode).toBe(
      403,
    );

    // ASSESS-05 is met for the surveyed branch only.
    const findings = await findingsFor(server.db, {
      tenantId: world.uniA.tenantId,
      asOf: '2026-03-01',
      from: '2025-01-01',
      to: '2025-12-31',
      rules: ['ASSESS-05'],
    });
    expect(findings.map((f) => f.org).sort()).toEqual(['b-a2', 'b-a3']);
  });

  it('names what is wrong and writes nothing', async () => {
    const before = await count();
    const missing = await collegeA1.post('/api/v1/surveys', {
      ...survey(world.branchA2.id),
      checklist: checklist().slice(0, 5),
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0]).toMatchObject({ field: 'body.checklist' });
    expect(missing.json().error.details[0].reason).toContain('resources');
    const noNote = checklist().map((c) => (c.check === 'role' ? { ...c, result: 'problem', note: '' } : c));
    const res = await collegeA1.post('/api/v1/surveys', { ...survey(world.branchA2.id), checklist: noNote });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual(['body.checklist.3.note']);
    const future = await collegeA1.post('/api/v1/surveys', { ...survey(world.branchA2.id), surveyedOn: '2026-04-01' });
    expect(future.json().error.details[0].field).toBe('body.surveyedOn');
    const college = await orgAdmin.post('/api/v1/surveys', survey(world.collegeA1.id));
    expect(college.statusCode).toBe(400);
    expect(college.json().error.details[0].field).toBe('body.orgId');
    expect((await collegeA1.post('/api/v1/surveys', { ...survey(), conclusion: '' })).statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it('is 403 for the branch itself and 404 outside the scope', async () => {
    const before = await count();
    expect((await secretaryA2.post('/api/v1/surveys', survey(world.branchA2.id))).statusCode).toBe(403);
    expect((await collegeA2.post('/api/v1/surveys', survey(world.branchA2.id))).statusCode).toBe(404);
    expect((await otherUniversity.post('/api/v1/surveys', survey(world.branchA2.id))).statusCode).toBe(404);
    expect(await count()).toBe(before);
    const [s] = await server.db.select().from(surveys);
    expect((await collegeA2.get(`/api/v1/surveys/${s.id}`)).statusCode).toBe(404);
    expect((await otherUniversity.get('/api/v1/surveys')).json().items).toEqual([]);
  });

  it('is corrected with its version, and a problem found becomes a rectification item', async () => {
    const [s] = await server.db.select().from(surveys);
    const url = `/api/v1/surveys/${s.id}`;
    const changed = await collegeA1.put(url, { weak: true, conclusion: '班子不健全，软弱涣散', version: 1 });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ weak: true, version: 2 });
    expect((await collegeA1.put(url, { weak: false, version: 1 })).statusCode).toBe(409);

    const body = {
      check: 'leadership',
      ownerName: '王强',
      measures: '召开党员大会补选组织委员',
      deadline: '2026-04-30',
    };
    const noProblem = await secretary.post(`${url}/rectifications`, { ...body, check: 'resources' });
    expect(noProblem.statusCode).toBe(400);
    expect(noProblem.json().error.details[0].field).toBe('body.check');
    const item = await secretary.post(`${url}/rectifications`, body);
    expect(item.statusCode).toBe(200);
    expect(item.json()).toMatchObject({
      source: 'survey',
      sourceId: s.id,
      year: 2025,
      problem: '查领导班子情况：组织委员调离后空缺半年未补选',
      status: 'open',
    });
    expect((await secretary.post(`${url}/rectifications`, body)).statusCode).toBe(409);
    expect((await secretaryA2.post(`${url}/rectifications`, body)).statusCode).toBe(404);
    expect((await collegeA1.get(url)).json().rectifications).toBe(1);
    const items = await server.db.select().from(rectifications).where(eq(rectifications.sourceId, s.id));
    expect(items).toHaveLength(1);

    const list = await orgAdmin.get(`/api/v1/surveys?org=${world.collegeA1.id}&weak=true`);
    expect(list.json().items.map((x: { id: string }) => x.id)).toEqual([s.id]);
    const xlsx = await orgAdmin.get('/api/v1/surveys/export.xlsx?year=2025');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as never);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(6).value).toBe('查领导班子情况');
    expect(sheet.getRow(2).getCell(6).value).toBe('问题：组织委员调离后空缺半年未补选');
  });
});

describe('reorganizations (整顿) of weak branches', () => {
  const plan = (orgId = world.branchA1.id) => ({
    orgId,
    reasons: ['surveyWeak', 'weakLeadership'],
    startedOn: '2026-01-05',
    endsOn: '2026-06-30',
    plan: '调整充实支委班子，恢复每月主题党日，学院党总支书记联系指导',
  });
  const rows = async () => (await server.db.select().from(reorganizations)).length;

  it('puts a branch under reorganization, refuses a second open one, changes and closes it', async () => {
    const res = await collegeA1.post('/api/v1/reorganizations', plan());
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ org: { code: 'b-a1' }, status: 'open', overdue: false, mayEdit: true, version: 1 });
    expect((await orgAdmin.post('/api/v1/reorganizations', plan())).statusCode).toBe(409);
    const url = `/api/v1/reorganizations/${r.id}`;

    expect((await secretary.put(url, { endsOn: '2026-12-31', version: 1 })).statusCode).toBe(403);
    expect((await collegeA2.put(url, { endsOn: '2026-12-31', version: 1 })).statusCode).toBe(404);
    const early = await collegeA1.put(url, { endsOn: '2026-01-01', version: 1 });
    expect(early.json().error.details[0].field).toBe('body.endsOn');
    const moved = await collegeA1.put(url, { endsOn: '2026-03-01', version: 1 });
    expect(moved.json()).toMatchObject({ endsOn: '2026-03-01', overdue: true, version: 2 });
    expect((await collegeA1.put(url, { endsOn: '2026-04-01', version: 1 })).statusCode).toBe(409);

    const noOutcome = await collegeA1.post(`${url}/close`, { closedOn: '2026-03-08', version: 2 });
    expect(noOutcome.statusCode).toBe(400);
    expect(noOutcome.json().error.details[0].field).toBe('body.outcome');
    const closed = await collegeA1.post(`${url}/close`, {
      closedOn: '2026-03-08',
      outcome: '补选组织委员，恢复组织生活，经验收转为一般',
      version: 2,
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', closedOn: '2026-03-08', overdue: false, version: 3 });
    expect((await collegeA1.put(url, { plan: '再改', version: 3 })).statusCode).toBe(400);
    const audit = await server.db.select().from(auditLog).where(eq(auditLog.entityId, r.id));
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'close']);
    expect((await secretary.get('/api/v1/reorganizations?status=closed')).json().items).toHaveLength(1);
  });

  it('refuses bad input, the branch itself and orgs out of scope, writing nothing', async () => {
    const before = await rows();
    const backwards = await collegeA1.post('/api/v1/reorganizations', {
      ...plan(world.branchA2.id),
      endsOn: '2026-01-01',
    });
    expect(backwards.json().error.details[0].field).toBe('body.endsOn');
    const noReason = await collegeA1.post('/api/v1/reorganizations', { ...plan(world.branchA2.id), reasons: [] });
    expect(noReason.json().error.details[0].field).toBe('body.reasons');
    expect((await secretaryA2.post('/api/v1/reorganizations', plan(world.branchA2.id))).statusCode).toBe(403);
    expect((await collegeA2.post('/api/v1/reorganizations', plan(world.branchA2.id))).statusCode).toBe(404);
    expect((await otherUniversity.post('/api/v1/reorganizations', plan(world.branchA2.id))).statusCode).toBe(404);
    expect(await rows()).toBe(before);
    expect((await otherUniversity.get('/api/v1/reorganizations')).json().items).toEqual([]);
  });
});
