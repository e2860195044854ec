/** Development plans, their progress, pool analyses and secretaries' contacts through the API: validation, versions, scope, audit. */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildTerm, buildWorld, type World } from '../../../test/factories.ts';
import { type Client, createTestServer, type TestServer } from '../../../test/server.ts';
import { auditLog } from '../../db/schema.ts';
import { admittedOn, buildDevCase, vote } from './test-support.ts';

let server: TestServer;
let world: World;
let collegeA1: Client;
let collegeA2: Client;
let orgAdminA: Client;
let orgAdminB: Client;
let oversight: Client;
let secretaryA1: Client;

beforeAll(async () => {
  server = await createTestServer();
  server.setNow(new Date('2026-03-15T04:00:00Z'));
  world = await buildWorld(server.db);
  collegeA1 = await server.signIn('college-a1');
  collegeA2 = await server.signIn('college-a2');
  orgAdminA = await server.signIn('orgadmin-a');
  orgAdminB = await server.signIn('orgadmin-b');
  oversight = await server.signIn('oversight');
  secretaryA1 = await server.signIn('secretary-a1');
});
afterAll(() => server.close());

const audits = async (entity: string) =>
  (await server.db.select().from(auditLog).where(eq(auditLog.entity, entity))).map((a) => a.action);

describe('annual development plan', () => {
  let planId: string;

  it('a college admin files their college’s plan by branch and category, once per year', async () => {
    const res = await collegeA1.post('/api/v1/dev-plans', {
      orgId: world.collegeA1.id,
      year: 2025,
      note: '控制总量、优化结构',
      lines: [
        { orgId: world.branchA2.id, category: 'student', quota: 3 },
        { orgId: world.branchA1.id, category: 'staff', quota: 1 },
      ],
    });
    expect(res.statusCode).toBe(200);
    const plan = res.json();
    planId = plan.id;
    expect(plan).toMatchObject({ orgName: '机电工程学院党总支', year: 2025, version: 1 });
    expect(
      plan.lines.map((l: { orgName: string; category: string; quota: number }) => [l.orgName, l.category, l.quota]),
    ).toEqual([
      ['机电教工第一党支部', 'staff', 1],
      ['机电学生第一党支部', 'student', 3],
    ]);
    expect(await audits('devPlan')).toEqual(['create']);

    const again = await collegeA1.post('/api/v1/dev-plans', { orgId: world.collegeA1.id, year: 2025, lines: [] });
    expect(again.statusCode).toBe(409);
  });

  it('refuses a negative quota, a branch of another college, a repeated line and a plan for a branch', async () => {
    const bad = await collegeA1.post('/api/v1/dev-plans', {
      orgId: world.collegeA1.id,
      year: 2026,
      lines: [{ orgId: world.branchA1.id, category: 'staff', quota: -1 }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([expect.objectContaining({ field: 'body.lines.0.quota' })]);

    const outside = await collegeA1.post('/api/v1/dev-plans', {
      orgId: world.collegeA1.id,
      year: 2026,
      lines: [
        { orgId: world.branchA3.id, category: 'staff', quota: 1 },
        { orgId: world.branchA1.id, category: 'staff', quota: 1 },
        { orgId: world.branchA1.id, category: 'staff', quota: 2 },
      ],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details.map((d: { field: string }) => d.field)).toEqual(['lines.0.orgId', 'lines.2']);

    const branch = await orgAdminA.post('/api/v1/dev-plans', { orgId: world.branchA1.id, year: 2026, lines: [] });
    expect(branch.statusCode).toBe(400);
    expect(branch.json().error.details[0].field).toBe('orgId');
  });

  it('changes the numbers at the version read and answers 409 to a stale one', async () => {
    const lines = [
      { orgId: world.branchA2.id, category: 'student', quota: 2 },
      { orgId: world.branchA1.id, category: 'staff', quota: 1 },
    ];
    const ok = await orgAdminA.put(`/api/v1/dev-plans/${planId}`, { version: 1, lines });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().version).toBe(2);
    const late = await collegeA1.put(`/api/v1/dev-plans/${planId}`, { version: 1, lines: [] });
    expect(late.statusCode).toBe(409);
    expect(await audits('devPlan')).toEqual(['create', 'update']);
  });

  it('keeps plans within scope: another college or university gets 404, a reader without write scope 403', async () => {
    expect((await collegeA2.get(`/api/v1/dev-plans/${planId}`)).statusCode).toBe(404);
    expect((await collegeA2.put(`/api/v1/dev-plans/${planId}`, { version: 2, lines: [] })).statusCode).toBe(404);
    expect((await orgAdminB.get(`/api/v1/dev-plans/${planId}`)).statusCode).toBe(404);
    expect(
      (await collegeA2.post('/api/v1/dev-plans', { orgId: world.collegeA1.id, year: 2027, lines: [] })).statusCode,
    ).toBe(404);
    expect(
      (await secretaryA1.post('/api/v1/dev-plans', { orgId: world.collegeA1.id, year: 2027, lines: [] })).statusCode,
    ).toBe(404);
    expect((await oversight.get(`/api/v1/dev-plans/${planId}`)).statusCode).toBe(200);
    expect((await oversight.put(`/api/v1/dev-plans/${planId}`, { version: 2, lines: [] })).statusCode).toBe(403);
  });

  it('shows admissions against the plan per branch, category and month', async () => {
    const db = server.db;
    const tenantId = world.uniA.tenantId;
    for (const on of ['2025-06-12', '2025-06-20', '2025-09-01']) {
      const p = await buildPerson(db, { tenantId, personCategory: 'student' });
      await buildDevCase(db, { tenantId, orgId: world.branchA2.id, personId: p.id, events: admittedOn(on) });
    }
    const teacher = await buildPerson(db, { tenantId });
    await buildDevCase(db, {
      tenantId,
      orgId: world.branchA1.id,
      personId: teacher.id,
      events: admittedOn('2025-11-05', vote(10, 5)), // not carried: no admission
    });

    const res = await collegeA1.get(`/api/v1/dev-plans/${planId}/progress`);
    expect(res.statusCode).toBe(200);
    const progress = res.json();
    const june = 5;
    expect(
      progress.lines.map(
        (l: { orgCode: string; category: string; quota: number; admitted: number; remaining: number }) => [
          l.orgCode,
          l.category,
          l.quota,
          l.admitted,
          l.remaining,
        ],
      ),
    ).toEqual([
      ['b-a1', 'staff', 1, 0, 1],
      ['b-a2', 'student', 2, 3, -1],
    ]);
    expect(progress.lines[1].byMonth[june]).toBe(2);
    expect(progress.totals).toMatchObject({ quota: 3, admitted: 3 });
    expect(progress.totals.largestMonthShare).toBeCloseTo(2 / 3);

    const overview = (await orgAdminA.get('/api/v1/dev-plans?year=2025')).json();
    expect(
      overview.items.map((i: { orgCode: string; quota: number | null; admitted: number }) => [
        i.orgCode,
        i.quota,
        i.admitted,
      ]),
    ).toEqual([
      ['c-a1', 3, 3],
      ['c-a2', null, 0],
    ]);
    const own = (await collegeA2.get('/api/v1/dev-plans?year=2025')).json();
    expect(own.items.map((i: { orgCode: string }) => i.orgCode)).toEqual(['c-a2']);
  });
});

describe('activist pool analysis', () => {
  it('records the analysis with the pipeline counts of its day; refuses a future day or another year', async () => {
    const db = server.db;
    const tenantId = world.uniA.tenantId;
    const activist = await buildPerson(db, { tenantId, personCategory: 'staff', birthDate: '1996-01-01' });
    await buildDevCase(db, {
      tenantId,
      orgId: world.branchA1.id,
      personId: activist.id,
      events: [
        ['application', '2025-03-01'],
        ['activist', '2025-10-01'],
      ],
    });
    const res = await collegeA1.post('/api/v1/dev-pool-analyses', {
      orgId: world.collegeA1.id,
      year: 2025,
      heldOn: '2025-12-20',
      summary: '积极分子结构：青年教师1名，学生积极分子推优比例待提高',
    });
    expect(res.statusCode).toBe(200);
    const analysis = res.json();
    expect(analysis.counts.byStage.activist).toEqual({ student: 0, staff: 1 });
    // Admitted by the branch but not yet approved by the superior, the three students are still candidates.
    expect(analysis.counts.byStage.candidate).toEqual({ student: 3, staff: 1 });
    expect(analysis.counts.youngTeachers).toBe(1);
    expect(analysis.recordedByName).toBe('college-a1');

    const future = await collegeA1.post('/api/v1/dev-pool-analyses', {
      orgId: world.collegeA1.id,
      year: 2026,
      heldOn: '2026-04-01',
      summary: 'x',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details[0].field).toBe('heldOn');
    const early = await collegeA1.post('/api/v1/dev-pool-analyses', {
      orgId: world.collegeA1.id,
      year: 2025,
      heldOn: '2024-12-01',
      summary: 'x',
    });
    expect(early.statusCode).toBe(400);

    const changed = await collegeA1.put(`/api/v1/dev-pool-analyses/${analysis.id}`, {
      version: 1,
      heldOn: '2025-09-01',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().counts.byStage.activist).toEqual({ student: 0, staff: 0 });
    expect(changed.json().counts.byStage.applicant).toEqual({ student: 0, staff: 1 });
    expect(
      (await collegeA1.put(`/api/v1/dev-pool-analyses/${analysis.id}`, { version: 1, summary: 'y' })).statusCode,
    ).toBe(409);
    expect(
      (await collegeA2.put(`/api/v1/dev-pool-analyses/${analysis.id}`, { version: 2, summary: 'y' })).statusCode,
    ).toBe(404);
    expect(
      (
        await collegeA2.post('/api/v1/dev-pool-analyses', {
          orgId: world.collegeA1.id,
          year: 2025,
          heldOn: '2025-12-20',
          summary: 'x',
        })
      ).statusCode,
    ).toBe(404);
    expect(await audits('devPoolAnalysis')).toEqual(['create', 'update']);

    const list = (await orgAdminA.get('/api/v1/dev-pool-analyses?year=2025')).json();
    expect(list.items.map((i: { orgName: string; heldOn: string }) => [i.orgName, i.heldOn])).toEqual([
      ['机电工程学院党总支', '2025-09-01'],
    ]);
    expect((await collegeA2.get('/api/v1/dev-pool-analyses?year=2025')).json().items).toEqual([]);
  });
});

describe('secretaries in contact with young-teacher activists', () => {
  it('links only a secretary of the college or of one of its teacher branches, once, and ends the contact', async () => {
    const db = server.db;
    const tenantId = world.uniA.tenantId;
    await buildTerm(db, {
      tenantId,
      orgId: world.branchA1.id,
      electedOn: '2024-09-10',
      seats: [{ role: 'secretary', personId: world.secretaryA1.person.id }],
    });
    const young = await buildPerson(db, { tenantId, code: 'T7001', name: '青年教师丙', birthDate: '1994-02-02' });
    const devCase = await buildDevCase(db, {
      tenantId,
      orgId: world.branchA1.id,
      personId: young.id,
      events: [
        ['application', '2025-03-01'],
        ['activist', '2025-09-01'],
      ],
    });
    const notSecretary = await collegeA1.post('/api/v1/dev-contacts', {
      caseId: devCase.id,
      secretaryId: world.memberA1.person.id,
      fromOn: '2025-10-01',
    });
    expect(notSecretary.statusCode).toBe(400);
    expect(notSecretary.json().error.details[0].field).toBe('secretaryId');
    const beforeActivist = await collegeA1.post('/api/v1/dev-contacts', {
      caseId: devCase.id,
      secretaryId: world.secretaryA1.person.id,
      fromOn: '2025-08-01',
    });
    expect(beforeActivist.json().error.details[0].field).toBe('fromOn');

    const res = await collegeA1.post('/api/v1/dev-contacts', {
      caseId: devCase.id,
      secretaryId: world.secretaryA1.person.id,
      fromOn: '2025-10-01',
      note: '每月谈心一次',
    });
    expect(res.statusCode).toBe(200);
    const contact = res.json();
    expect(contact).toMatchObject({ personCode: 'T7001', secretaryName: '王强', stage: 'activist', toOn: null });
    const twice = await collegeA1.post('/api/v1/dev-contacts', {
      caseId: devCase.id,
      secretaryId: world.secretaryA1.person.id,
      fromOn: '2025-11-01',
    });
    expect(twice.statusCode).toBe(409);
    expect(
      (
        await collegeA2.post('/api/v1/dev-contacts', {
          caseId: devCase.id,
          secretaryId: world.secretaryA1.person.id,
          fromOn: '2025-10-01',
        })
      ).statusCode,
    ).toBe(404);

    const current = (await collegeA1.get(`/api/v1/dev-contacts?orgId=${world.collegeA1.id}&current=1`)).json();
    expect(current.items.map((c: { personName: string }) => c.personName)).toEqual(['青年教师丙']);
    const backwards = await collegeA1.put(`/api/v1/dev-contacts/${contact.id}`, { version: 1, toOn: '2025-09-01' });
    expect(backwards.statusCode).toBe(400);
    const ended = await collegeA1.put(`/api/v1/dev-contacts/${contact.id}`, { version: 1, toOn: '2026-01-31' });
    expect(ended.json()).toMatchObject({ toOn: '2026-01-31', version: 2 });
    expect((await collegeA1.put(`/api/v1/dev-contacts/${contact.id}`, { version: 1, toOn: null })).statusCode).toBe(
      409,
    );
    expect((await collegeA1.get(`/api/v1/dev-contacts?orgId=${world.collegeA1.id}&current=1`)).json().items).toEqual(
      [],
    );
    expect((await collegeA2.get(`/api/v1/dev-contacts?orgId=${world.collegeA1.id}`)).statusCode).toBe(404);
    const trail = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'devContact'), eq(auditLog.entityId, contact.id)));
    expect(trail.map((t) => t.action)).toEqual(['create', 'update']);
  });
});
