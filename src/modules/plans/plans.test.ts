import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMeeting, buildWorld, type World } from '../../../test/factories.ts';
import { type Client, createTestServer, type TestServer } from '../../../test/server.ts';
import { auditLog, lifePlanItems, lifePlans, meetings, parameterOverrides } from '../../db/schema.ts';
import { planProgress } from './plan-progress.ts';
import type { PlanView } from './schema.ts';

let server: TestServer;
let world: World;
let orgAdminA: Client;
let orgAdminB: Client;
let collegeA1: Client;
let collegeA2: Client;
let secretaryA1: Client;
let secretaryA2: Client;
let oversight: Client;
let memberA1: Client;

// Today is 2026-03-15 in Shanghai (already the 15th there at 20:00 UTC on the 14th).
const march15 = new Date('2026-03-14T20:00:00Z');

beforeAll(async () => {
  server = await createTestServer();
  server.setNow(march15);
  world = await buildWorld(server.db);
  [orgAdminA, orgAdminB, collegeA1, collegeA2, secretaryA1, secretaryA2, oversight, memberA1] = await Promise.all(
    [
      'orgadmin-a',
      'orgadmin-b',
      'college-a1',
      'college-a2',
      'secretary-a1',
      'secretary-a2',
      'oversight',
      'member-a1',
    ].map((u) => server.signIn(u)),
  );
});
afterAll(() => server.close());

const countPlans = async () => (await server.db.select({ n: count() }).from(lifePlans))[0].n;
const countItems = async () => (await server.db.select({ n: count() }).from(lifePlanItems))[0].n;
const countMeetings = async () => (await server.db.select({ n: count() }).from(meetings))[0].n;
const fieldsOf = (res: { json(): { error: { details: { field: string }[] } } }) =>
  res.json().error.details.map((d) => d.field);

const items2026 = () => [
  { type: 'generalAssembly', month: 1, topic: '学习全会精神' },
  { type: 'committeeMeeting', month: 2, topic: '研究年度工作' },
  { type: 'partyLecture', plannedOn: '2026-03-20', topic: '书记讲党课', lecturerId: world.secretaryA1.person.id },
  { type: 'groupMeeting', month: 6, topic: '小组学习' },
];

let plan: PlanView;

describe('POST /plans', () => {
  it('drafts a branch plan with its items, flagged late once January is over, and audits it', async () => {
    const res = await secretaryA1.post('/api/v1/plans', { orgId: world.branchA1.id, year: 2026, items: items2026() });
    expect(res.statusCode).toBe(200);
    plan = res.json();
    expect(plan).toMatchObject({ orgId: world.branchA1.id, year: 2026, status: 'draft', submittedOn: null });
    expect(plan.dueDate).toBe('2026-01-31');
    expect(plan.late).toBe(true);
    expect(plan.items.map((i) => [i.type, i.month])).toEqual([
      ['generalAssembly', 1],
      ['committeeMeeting', 2],
      ['partyLecture', 3],
      ['groupMeeting', 6],
    ]);
    expect(plan.items[2]).toMatchObject({ plannedOn: '2026-03-20', lecturerName: '王强' });
    const audits = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'lifePlan'), eq(auditLog.entityId, plan.id)));
    expect(audits.map((a) => a.action)).toEqual(['create']);
  });

  it('a plan for next year drafted now is not late', async () => {
    const res = await secretaryA2.post('/api/v1/plans', {
      orgId: world.branchA2.id,
      year: 2027,
      items: [{ type: 'generalAssembly', month: 3, topic: '支部党员大会' }],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ dueDate: '2027-01-31', late: false, status: 'draft' });
  });

  it('a second plan of the same branch and year is a 409', async () => {
    const before = await countPlans();
    const res = await collegeA1.post('/api/v1/plans', { orgId: world.branchA1.id, year: 2026, items: [] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.planId).toBe(plan.id);
    expect(await countPlans()).toBe(before);
  });

  it('rejects bad input naming the fields and writes nothing', async () => {
    const [plans, items] = [await countPlans(), await countItems()];
    const college = await secretaryA1.post('/api/v1/plans', { orgId: world.groupA1.id, year: 2028, items: [] });
    expect(college.statusCode).toBe(400);
    expect(fieldsOf(college)).toEqual(['body.orgId']);
    const res = await collegeA1.post('/api/v1/plans', {
      orgId: world.branchA2.id,
      year: 2026,
      items: [
        { type: 'partyLecture', plannedOn: '2025-12-20', topic: '跨年' },
        { type: 'generalAssembly', topic: '没有月份' },
        { type: 'partyLecture', month: 4, topic: '无此人', lecturerId: crypto.randomUUID() },
        { type: 'partyLecture', month: 4, plannedOn: '2026-05-02', topic: '月份不符' },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res).sort()).toEqual(
      ['body.items.0.plannedOn', 'body.items.1.month', 'body.items.2.lecturerId', 'body.items.3.month'].sort(),
    );
    const schema = await collegeA1.post('/api/v1/plans', {
      orgId: world.branchA2.id,
      year: 1999,
      items: [{ type: 'leadershipLifeMeeting', month: 4, topic: '' }],
    });
    expect(schema.statusCode).toBe(400);
    expect(fieldsOf(schema)).toEqual(expect.arrayContaining(['body.year', 'body.items.0.type', 'body.items.0.topic']));
    expect([await countPlans(), await countItems()]).toEqual([plans, items]);
  });

  it('a college admin drafts for a branch of its own college', async () => {
    const res = await collegeA2.post('/api/v1/plans', { orgId: world.branchA3.id, year: 2026, items: [] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ orgId: world.branchA3.id, status: 'draft', items: [] });
  });

  it('another branch, another college, another university get 404 and nothing is written', async () => {
    const before = await countPlans();
    for (const client of [secretaryA2, collegeA2, orgAdminB, memberA1, oversight]) {
      const res = await client.post('/api/v1/plans', { orgId: world.branchA1.id, year: 2030, items: [] });
      expect(res.statusCode).toBe(404);
    }
    expect(await countPlans()).toBe(before);
  });
});

describe('GET /plans and /plans/:id', () => {
  it('lists plans in the subtree of the org for those who read it', async () => {
    const res = await collegeA1.get(`/api/v1/plans?orgId=${world.collegeA1.id}&year=2026`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((p: { id: string }) => p.id)).toEqual([plan.id]);
    expect(res.json().items[0]).toMatchObject({ orgName: '机电教工第一党支部', itemCount: 4, late: true });
    const all = await orgAdminA.get('/api/v1/plans?year=2026');
    expect(all.json().items).toHaveLength(2);
    const viewer = await oversight.get('/api/v1/plans?year=2026');
    expect(viewer.json().items).toHaveLength(2);
  });

  it('lists nothing outside the scope', async () => {
    for (const client of [secretaryA2, collegeA2, orgAdminB, memberA1]) {
      const res = await client.get(`/api/v1/plans?orgId=${world.collegeA1.id}&year=2026`);
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toEqual([]);
    }
    const bad = await orgAdminA.get('/api/v1/plans?year=abc&orgId=x');
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(expect.arrayContaining(['querystring.year', 'querystring.orgId']));
  });

  it('shows a plan to its branch and its superiors, 404 to others', async () => {
    for (const client of [secretaryA1, collegeA1, orgAdminA, oversight])
      expect((await client.get(`/api/v1/plans/${plan.id}`)).statusCode).toBe(200);
    for (const client of [secretaryA2, collegeA2, orgAdminB, memberA1])
      expect((await client.get(`/api/v1/plans/${plan.id}`)).statusCode).toBe(404);
    expect((await orgAdminA.get(`/api/v1/plans/${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect((await orgAdminA.get('/api/v1/plans/not-a-uuid')).statusCode).toBe(400);
  });
});

describe('PATCH /plans/:id', () => {
  it('replaces the items of a draft; a stale version is a 409', async () => {
    const res = await secretaryA1.patch(`/api/v1/plans/${plan.id}`, {
      version: plan.version,
      items: [...items2026(), { type: 'themeDay', month: 7, topic: '七一主题党日' }],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(5);
    expect(res.json().version).toBe(plan.version + 1);
    const stale = await secretaryA1.patch(`/api/v1/plans/${plan.id}`, { version: plan.version, items: [] });
    expect(stale.statusCode).toBe(409);
    plan = res.json();
    expect(await countItems()).toBeGreaterThanOrEqual(5);
  });

  it('rejects bad items and leaves the plan as it was', async () => {
    const res = await secretaryA1.patch(`/api/v1/plans/${plan.id}`, {
      version: plan.version,
      items: [{ type: 'partyLecture', plannedOn: '2027-01-05', topic: '明年' }],
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.items.0.plannedOn']);
    const now = (await secretaryA1.get(`/api/v1/plans/${plan.id}`)).json();
    expect(now.items).toHaveLength(5);
    expect(now.version).toBe(plan.version);
  });

  it('another branch, college or university cannot change it (404)', async () => {
    for (const client of [secretaryA2, collegeA2, orgAdminB, memberA1, oversight]) {
      const res = await client.patch(`/api/v1/plans/${plan.id}`, { version: plan.version, items: [] });
      expect(res.statusCode).toBe(404);
    }
    expect((await secretaryA1.get(`/api/v1/plans/${plan.id}`)).json().items).toHaveLength(5);
  });
});

describe('the workflow: submit, return, approve', () => {
  it('approving or returning a draft is a 409', async () => {
    const approve = await collegeA1.post(`/api/v1/plans/${plan.id}/approve`, {});
    expect(approve.statusCode).toBe(409);
    const ret = await collegeA1.post(`/api/v1/plans/${plan.id}/return`, { comment: '请补充' });
    expect(ret.statusCode).toBe(409);
  });

  it('only the branch side submits; others get 404', async () => {
    for (const client of [secretaryA2, collegeA2, orgAdminB, memberA1])
      expect((await client.post(`/api/v1/plans/${plan.id}/submit`, {})).statusCode).toBe(404);
    const stale = await secretaryA1.post(`/api/v1/plans/${plan.id}/submit`, { version: plan.version - 1 });
    expect(stale.statusCode, stale.body).toBe(409);
    const res = await secretaryA1.post(`/api/v1/plans/${plan.id}/submit`, { version: plan.version });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'submitted', submittedOn: '2026-03-15', late: true });
    plan = res.json();
    const again = await secretaryA1.post(`/api/v1/plans/${plan.id}/submit`);
    expect(again.statusCode, again.body).toBe(409);
    const edit = await secretaryA1.patch(`/api/v1/plans/${plan.id}`, { version: plan.version, items: [] });
    expect(edit.statusCode).toBe(409);
  });

  it('the branch secretary cannot review its own plan (403); other colleges and universities get 404', async () => {
    expect((await secretaryA1.post(`/api/v1/plans/${plan.id}/approve`, {})).statusCode).toBe(403);
    expect((await secretaryA1.post(`/api/v1/plans/${plan.id}/return`, { comment: '自己退回' })).statusCode).toBe(403);
    expect((await oversight.post(`/api/v1/plans/${plan.id}/approve`, {})).statusCode).toBe(403);
    for (const client of [secretaryA2, collegeA2, orgAdminB, memberA1])
      expect((await client.post(`/api/v1/plans/${plan.id}/approve`, {})).statusCode).toBe(404);
    expect((await secretaryA1.get(`/api/v1/plans/${plan.id}`)).json().status).toBe('submitted');
  });

  it('a return needs a comment; the superior returns it with one', async () => {
    const none = await collegeA1.post(`/api/v1/plans/${plan.id}/return`, { comment: '  ' });
    expect(none.statusCode).toBe(400);
    expect(fieldsOf(none)).toEqual(['body.comment']);
    const missing = await collegeA1.post(`/api/v1/plans/${plan.id}/return`, {});
    expect(missing.statusCode).toBe(400);
    expect((await secretaryA1.get(`/api/v1/plans/${plan.id}`)).json().status).toBe('submitted');
    const res = await collegeA1.post(`/api/v1/plans/${plan.id}/return`, { comment: '请补充党课安排' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'returned',
      reviewComment: '请补充党课安排',
      reviewedByName: 'college-a1',
    });
    plan = res.json();
  });

  it('the branch amends and resubmits; the organization department approves', async () => {
    const edit = await secretaryA1.patch(`/api/v1/plans/${plan.id}`, { version: plan.version, items: items2026() });
    expect(edit.statusCode).toBe(200);
    expect((await secretaryA1.post(`/api/v1/plans/${plan.id}/submit`, {})).statusCode).toBe(200);
    const res = await orgAdminA.post(`/api/v1/plans/${plan.id}/approve`, { comment: '同意' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved', reviewComment: '同意', reviewedByName: 'orgadmin-a' });
    expect(res.json().reviewedAt).toBe(march15.toISOString());
    plan = res.json();
    const actions = (
      await server.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.entity, 'lifePlan'), eq(auditLog.entityId, plan.id)))
        .orderBy(auditLog.id)
    ).map((a) => a.action);
    expect(actions).toEqual(['create', 'update', 'submit', 'return', 'update', 'submit', 'approve']);
  });
});

describe('late filing against the configured due date', () => {
  it('a due date set for the college moves the deadline of its branches', async () => {
    await server.db.insert(parameterOverrides).values({
      tenantId: world.uniA.tenantId,
      rule: 'LIFE-10',
      orgId: world.collegeA1.id,
      values: { dueDate: '03-31' },
    });
    const a1 = (await secretaryA1.get(`/api/v1/plans/${plan.id}`)).json();
    expect(a1).toMatchObject({ dueDate: '2026-03-31', late: false });
    const a3 = (await orgAdminA.get('/api/v1/plans?year=2026'))
      .json()
      .items.find((p: { orgId: string }) => p.orgId === world.branchA3.id);
    expect(a3).toMatchObject({ dueDate: '2026-01-31', late: true });
  });
});

describe('POST /plans/:id/items/:itemId/schedule', () => {
  it('an item of a plan not yet approved cannot be scheduled (409)', async () => {
    const draft = (await orgAdminA.get('/api/v1/plans?year=2027')).json().items[0];
    const view = (await secretaryA2.get(`/api/v1/plans/${draft.id}`)).json();
    const before = await countMeetings();
    const res = await secretaryA2.post(`/api/v1/plans/${draft.id}/items/${view.items[0].id}/schedule`, {
      heldOn: '2027-03-10',
    });
    expect(res.statusCode).toBe(409);
    expect(await countMeetings()).toBe(before);
  });

  it('a month-only item needs a day; a day outside the year is refused; nothing is written', async () => {
    const before = await countMeetings();
    const month = plan.items.find((i) => i.type === 'groupMeeting');
    const res = await secretaryA1.post(`/api/v1/plans/${plan.id}/items/${month?.id}/schedule`, {});
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.heldOn']);
    const outside = await secretaryA1.post(`/api/v1/plans/${plan.id}/items/${month?.id}/schedule`, {
      heldOn: '2027-06-01',
      orgId: world.branchA2.id,
    });
    expect(outside.statusCode).toBe(400);
    expect(fieldsOf(outside).sort()).toEqual(['body.heldOn', 'body.orgId']);
    const times = await secretaryA1.post(`/api/v1/plans/${plan.id}/items/${month?.id}/schedule`, {
      heldOn: '2026-06-12',
      startTime: '15:00',
      endTime: '14:00',
    });
    expect(times.statusCode).toBe(400);
    expect(fieldsOf(times)).toEqual(['body.endTime']);
    const [unlinked] = await server.db
      .select()
      .from(lifePlanItems)
      .where(eq(lifePlanItems.id, month?.id as string));
    expect(unlinked.meetingId).toBeNull();
    expect(await countMeetings()).toBe(before);
  });

  it('other branches, colleges and universities get 404', async () => {
    const item = plan.items[2];
    for (const client of [secretaryA2, collegeA2, orgAdminB, memberA1, oversight])
      expect(
        (await client.post(`/api/v1/plans/${plan.id}/items/${item.id}/schedule`, { heldOn: '2026-03-20' })).statusCode,
      ).toBe(404);
    expect(
      (await secretaryA1.post(`/api/v1/plans/${plan.id}/items/${crypto.randomUUID()}/schedule`, {})).statusCode,
    ).toBe(404);
  });

  it('turns an item into a planned meeting linked to it, once', async () => {
    const item = plan.items.find((i) => i.type === 'partyLecture');
    const before = await countMeetings();
    const res = await secretaryA1.post(`/api/v1/plans/${plan.id}/items/${item?.id}/schedule`, { startTime: '14:30' });
    expect(res.statusCode).toBe(200);
    const scheduled = res.json().items.find((i: { id: string }) => i.id === item?.id);
    expect(scheduled.meeting).toMatchObject({ heldOn: '2026-03-20', status: 'planned', title: '书记讲党课' });
    expect(scheduled.meeting.code).toMatch(/^m-2026-\d{6}$/);
    expect(await countMeetings()).toBe(before + 1);
    const [meeting] = await server.db.select().from(meetings).where(eq(meetings.id, scheduled.meetingId));
    expect(meeting).toMatchObject({
      orgId: world.branchA1.id,
      type: 'partyLecture',
      lecturerId: world.secretaryA1.person.id,
      startTime: '14:30',
      audience: 'branch',
      status: 'planned',
    });
    const twice = await secretaryA1.post(`/api/v1/plans/${plan.id}/items/${item?.id}/schedule`, {});
    expect(twice.statusCode).toBe(409);
    expect(await countMeetings()).toBe(before + 1);
    plan = res.json();
  });

  it('a group meeting can be scheduled for a group of the branch', async () => {
    const item = plan.items.find((i) => i.type === 'groupMeeting');
    const res = await secretaryA1.post(`/api/v1/plans/${plan.id}/items/${item?.id}/schedule`, {
      heldOn: '2026-06-12',
      orgId: world.groupA1.id,
    });
    expect(res.statusCode).toBe(200);
    const [meeting] = await server.db
      .select()
      .from(meetings)
      .where(eq(meetings.id, res.json().items.find((i: { id: string }) => i.id === item?.id).meetingId));
    expect(meeting).toMatchObject({ orgId: world.groupA1.id, audience: 'group' });
    plan = res.json();
  });
});

describe('done and overdue', () => {
  /** Moves the clock and signs in again there: the sessions of March have expired by April. */
  const viewAt = async (now: Date): Promise<PlanView> => {
    server.setNow(now);
    const client = await server.signIn('secretary-a1');
    return (await client.get(`/api/v1/plans/${plan.id}`)).json();
  };
  const stateOf = (view: PlanView) => Object.fromEntries(view.items.map((i) => [i.type, [i.done, i.overdue]]));

  it('a held meeting of the type that month does an item; a passed month without one is overdue', async () => {
    await buildMeeting(server.db, {
      tenantId: world.uniA.tenantId,
      orgId: world.branchA1.id,
      type: 'committeeMeeting',
      heldOn: '2026-02-10',
    });
    // Another branch's general assembly in January does not count for this one.
    await buildMeeting(server.db, {
      tenantId: world.uniA.tenantId,
      orgId: world.branchA2.id,
      type: 'generalAssembly',
      heldOn: '2026-01-10',
    });
    // A planned (not yet held) assembly in January does not count either.
    await buildMeeting(server.db, {
      tenantId: world.uniA.tenantId,
      orgId: world.branchA1.id,
      type: 'generalAssembly',
      heldOn: '2026-01-20',
      status: 'planned',
    });
    const view: PlanView = (await secretaryA1.get(`/api/v1/plans/${plan.id}`)).json();
    expect(stateOf(view)).toEqual({
      generalAssembly: [false, true],
      committeeMeeting: [true, false],
      partyLecture: [false, false],
      groupMeeting: [false, false],
    });
    expect(view.counts).toEqual({ total: 4, done: 1, overdue: 1 });
  });

  it('in April the lecture still planned is overdue; once held it is done', async () => {
    expect(stateOf(await viewAt(new Date('2026-04-10T01:00:00Z'))).partyLecture).toEqual([false, true]);
    // April begins in Shanghai at 16:00 UTC on March 31.
    expect(stateOf(await viewAt(new Date('2026-03-31T15:59:00Z'))).partyLecture).toEqual([false, false]);
    expect(stateOf(await viewAt(new Date('2026-03-31T16:00:00Z'))).partyLecture).toEqual([false, true]);
    const lecture = plan.items.find((i) => i.type === 'partyLecture');
    await server.db
      .update(meetings)
      .set({ status: 'held' })
      .where(eq(meetings.id, lecture?.meetingId as string));
    expect(stateOf(await viewAt(new Date('2026-04-10T01:00:00Z'))).partyLecture).toEqual([true, false]);
  });

  it('a group meeting held by a group of the branch does the group-meeting item', async () => {
    const item = plan.items.find((i) => i.type === 'groupMeeting');
    await server.db
      .update(meetings)
      .set({ status: 'recorded' })
      .where(eq(meetings.id, item?.meetingId as string));
    const view = await viewAt(new Date('2026-08-01T04:00:00Z'));
    expect(stateOf(view).groupMeeting).toEqual([true, false]);
    expect(view.counts).toEqual({ total: 4, done: 3, overdue: 1 });
  });
});

describe('planProgress', () => {
  it('two items of a type in a month need two meetings, the linked one counting first', () => {
    const items = [
      { id: 'a', type: 'partyLecture', month: 5, meetingId: null },
      { id: 'b', type: 'partyLecture', month: 5, meetingId: 'm2' },
      { id: 'c', type: 'partyLecture', month: 6, meetingId: null },
    ];
    const meetingsHeld = [
      { id: 'm1', type: 'partyLecture', heldOn: '2026-05-03', status: 'recorded' },
      { id: 'm2', type: 'partyLecture', heldOn: '2026-05-20', status: 'held' },
      { id: 'm3', type: 'partyLecture', heldOn: '2026-05-28', status: 'held' },
    ];
    const progress = planProgress(items, meetingsHeld.slice(0, 2), { year: 2026, today: '2026-07-01' });
    expect([...progress.values()]).toEqual([
      { done: true, overdue: false },
      { done: true, overdue: false },
      { done: false, overdue: true },
    ]);
    const onlyLinked = planProgress(items, meetingsHeld.slice(1, 2), { year: 2026, today: '2026-05-31' });
    expect(onlyLinked.get('a')).toEqual({ done: false, overdue: false });
    expect(onlyLinked.get('b')).toEqual({ done: true, overdue: false });
  });
});
