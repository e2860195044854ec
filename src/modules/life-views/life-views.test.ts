import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAccount,
  buildAttendance,
  buildMeeting,
  buildMembership,
  buildOrg,
  buildPerson,
  buildWorld,
  type World,
} from '../../../test/factories.ts';
import { type Client, createTestServer, type TestServer } from '../../../test/server.ts';
import { positions, terms, thoughtReports } from '../../db/schema.ts';

let server: TestServer;
let world: World;
let orgAdminA: Client;
let orgAdminB: Client;
let collegeA1: Client;
let collegeA2: Client;
let secretaryA1: Client;
let secretaryA2: Client;
let memberA1: Client;
let oversight: Client;
const ids: Record<string, string> = {};

type Item = Record<string, unknown> & { id: string; heldOn: string; type: string };
type Todo = {
  kind: string;
  orgId: string;
  branchId: string;
  meetingType: string | null;
  title: string;
  counts: Record<string, number>;
  dueOn: string;
  link: string;
};

beforeAll(async () => {
  server = await createTestServer();
  // 2026-06-15 in Shanghai: month 2026-06, second quarter.
  server.setNow(new Date('2026-06-15T02:00:00Z'));
  world = await buildWorld(server.db);
  const db = server.db;
  const t = world.uniA.tenantId;
  const lina = world.memberA1.person.id;
  const wang = world.secretaryA1.person.id;

  // Branch A1 has a committee (so its monthly committee meeting is due) and group A1.
  const [term] = await db
    .insert(terms)
    .values({ tenantId: t, orgId: world.branchA1.id, electedOn: '2024-01-10', endsOn: '2027-01-09' })
    .returning();
  await db.insert(positions).values([
    { tenantId: t, termId: term.id, role: 'secretary', personId: wang, validFrom: '2024-01-10' },
    { tenantId: t, termId: term.id, role: 'organizationMember', personId: lina, validFrom: '2024-01-10' },
  ]);

  const m = (props: Parameters<typeof buildMeeting>[1]) => buildMeeting(db, props);
  const a1 = world.branchA1.id;
  ids.gaQ1 = (await m({ tenantId: t, orgId: a1, heldOn: '2026-03-12', type: 'generalAssembly' })).id;
  ids.plQ1 = (await m({ tenantId: t, orgId: a1, heldOn: '2026-02-20', type: 'partyLecture', lecturerId: wang })).id;
  ids.ga = (await m({ tenantId: t, orgId: a1, heldOn: '2026-06-05', type: 'generalAssembly', lecturerId: wang })).id;
  ids.theme = (
    await m({ tenantId: t, orgId: a1, heldOn: '2026-06-10', type: 'themeDay', title: '主题党日：重温入党誓词' })
  ).id;
  ids.lecture = (
    await m({
      tenantId: t,
      orgId: a1,
      heldOn: '2026-06-20',
      type: 'partyLecture',
      status: 'notified',
      title: '书记讲党课',
    })
  ).id;
  ids.committee = (
    await m({ tenantId: t, orgId: a1, heldOn: '2026-06-01', type: 'committeeMeeting', status: 'planned' })
  ).id;
  ids.group = (await m({ tenantId: t, orgId: world.groupA1.id, heldOn: '2026-05-10', type: 'groupMeeting' })).id;
  ids.gaA2 = (await m({ tenantId: t, orgId: world.branchA2.id, heldOn: '2026-04-10', type: 'generalAssembly' })).id;
  ids.plA2 = (await m({ tenantId: t, orgId: world.branchA2.id, heldOn: '2026-05-08', type: 'partyLecture' })).id;
  ids.themeA3 = (await m({ tenantId: t, orgId: world.branchA3.id, heldOn: '2026-06-08', type: 'themeDay' })).id;
  ids.themeB1 = (
    await m({ tenantId: world.uniB.tenantId, orgId: world.branchB1.id, heldOn: '2026-06-03', type: 'themeDay' })
  ).id;

  const att = (meetingId: string, personId: string, props: Partial<Parameters<typeof buildAttendance>[1]> = {}) =>
    buildAttendance(db, { tenantId: t, meetingId, personId, ...props });
  await att(ids.gaQ1, lina, { status: 'absent', reason: '出差' });
  await att(ids.gaQ1, wang);
  await att(ids.ga, lina);
  await att(ids.ga, wang, { status: 'absent', reason: '外出开会' });
  await att(ids.theme, lina, { status: 'late' });
  await att(ids.theme, wang);
  await att(ids.gaA2, world.memberA2.person.id, {
    status: 'leave',
    reason: '实习',
    makeupOn: '2026-04-20',
    makeupContent: '自学会议材料',
  });

  await db.insert(thoughtReports).values([
    {
      tenantId: t,
      personId: lina,
      orgId: a1,
      submittedOn: '2026-05-02',
      title: '2026年第二季度思想汇报',
      content: '……',
    },
    {
      tenantId: t,
      personId: world.memberA2.person.id,
      orgId: world.branchA2.id,
      submittedOn: '2026-05-03',
      title: '思想汇报',
      content: '……',
      readAt: new Date('2026-05-04T02:00:00Z'),
    },
  ]);

  [orgAdminA, orgAdminB, collegeA1, collegeA2, secretaryA1, secretaryA2, memberA1, oversight] = await Promise.all(
    [
      'orgadmin-a',
      'orgadmin-b',
      'college-a1',
      'college-a2',
      'secretary-a1',
      'secretary-a2',
      'member-a1',
      'oversight',
    ].map((u) => server.signIn(u)),
  );
});
afterAll(() => server.close());

const fieldsOf = (res: { json(): { error: { details: { field: string }[] } } }) =>
  res.json().error.details.map((d) => d.field);

describe('GET /life/calendar', () => {
  it('lists a month of a branch with type, status, time, place and attendance counts', async () => {
    const res = await secretaryA1.get(`/api/v1/life/calendar?orgId=${world.branchA1.id}&month=2026-06`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { from: string; to: string; items: Item[] };
    expect([body.from, body.to]).toEqual(['2026-06-01', '2026-06-30']);
    expect(body.items.map((i) => i.id)).toEqual([ids.committee, ids.ga, ids.theme, ids.lecture]);
    const ga = body.items[1];
    expect(ga).toMatchObject({
      type: 'generalAssembly',
      status: 'recorded',
      heldOn: '2026-06-05',
      startTime: '14:30',
      endTime: '16:00',
      place: '党员活动室',
      lecturerName: '王强',
      expected: 2,
      present: 1,
      absent: 1,
      attendanceRate: 50,
    });
    // Late counts as attended.
    expect(body.items[2]).toMatchObject({ expected: 2, present: 1, late: 1, attendanceRate: 100 });
    // A committee meeting expects the seat holders, not the whole branch.
    expect(body.items[0]).toMatchObject({ status: 'planned', expected: 2, attendanceRate: 0 });
  });

  it('takes a from–to range for the list view and covers the whole subtree (groups too)', async () => {
    const res = await collegeA1.get('/api/v1/life/calendar?from=2026-04-01&to=2026-05-31');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Item[];
    expect(items.map((i) => i.id)).toEqual([ids.gaA2, ids.plA2, ids.group]);
    expect(items[0]).toMatchObject({ expected: 1, present: 0, leave: 1, attendanceRate: 0 });
  });

  it('without an org shows the whole read scope of the caller and nothing outside it', async () => {
    const res = await orgAdminA.get('/api/v1/life/calendar?month=2026-06');
    const got = (res.json().items as Item[]).map((i) => i.id);
    expect(got).toContain(ids.themeA3);
    expect(got).not.toContain(ids.themeB1);
    const b = await orgAdminB.get('/api/v1/life/calendar?month=2026-06');
    expect((b.json().items as Item[]).map((i) => i.id)).toEqual([ids.themeB1]);
    const viewer = await oversight.get('/api/v1/life/calendar?month=2026-06');
    expect((viewer.json().items as Item[]).map((i) => i.id).sort()).toEqual(
      [ids.committee, ids.ga, ids.theme, ids.lecture, ids.themeA3, ids.themeB1].sort(),
    );
  });

  it('rejects a month that does not exist, naming it', async () => {
    const res = await secretaryA1.get(`/api/v1/life/calendar?orgId=${world.branchA1.id}&month=2026-13`);
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['querystring.month']);
    const half = await secretaryA1.get('/api/v1/life/calendar?from=2026-06-01');
    expect(half.statusCode).toBe(400);
    expect(fieldsOf(half)).toEqual(['querystring.to']);
    const backwards = await secretaryA1.get('/api/v1/life/calendar?from=2026-06-30&to=2026-06-01');
    expect(fieldsOf(backwards)).toEqual(['querystring.to']);
    const bad = await secretaryA1.get('/api/v1/life/calendar?from=2026-02-30&to=2026-03-01');
    expect(fieldsOf(bad)).toEqual(['querystring.from']);
  });

  it('answers 404 for a branch outside the scope', async () => {
    for (const client of [secretaryA2, collegeA2, orgAdminB]) {
      const res = await client.get(`/api/v1/life/calendar?orgId=${world.branchA1.id}&month=2026-06`);
      expect(res.statusCode).toBe(404);
    }
    // A member reads their own page, not the branch calendar.
    const member = await memberA1.get(`/api/v1/life/calendar?orgId=${world.branchA1.id}&month=2026-06`);
    expect(member.statusCode).toBe(404);
  });
});

describe('GET /life/todos', () => {
  it('gives a secretary what is due in their branch: meetings by type, make-ups, reports, overdue plans', async () => {
    const res = await secretaryA1.get('/api/v1/life/todos');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Todo[];
    const due = items.filter((i) => i.kind === 'meetingDue');
    expect(due.map((i) => [i.orgId, i.meetingType, i.dueOn]).sort()).toEqual(
      [
        [world.branchA1.id, 'committeeMeeting', '2026-06-30'],
        [world.branchA1.id, 'partyLecture', '2026-06-30'],
        [world.groupA1.id, 'groupMeeting', '2026-06-30'],
      ].sort(),
    );
    // The notified lecture is counted as planned, not as held.
    expect(due.find((i) => i.meetingType === 'partyLecture')?.counts).toEqual({ held: 0, planned: 1 });
    expect(due.find((i) => i.meetingType === 'groupMeeting')?.branchId).toBe(world.branchA1.id);
    const makeups = items.find((i) => i.kind === 'makeupsOpen');
    // 李娜 (March assembly) and 王强 (June assembly); the oldest absence is due 30 days after it.
    expect(makeups).toMatchObject({ orgId: world.branchA1.id, counts: { open: 2 }, dueOn: '2026-04-11' });
    expect(items.find((i) => i.kind === 'reportsUnread')).toMatchObject({
      counts: { unread: 1 },
      dueOn: '2026-05-02',
    });
    expect(items.find((i) => i.kind === 'plannedOverdue')).toMatchObject({
      counts: { overdue: 1 },
      dueOn: '2026-06-01',
    });
    expect(items.every((i) => i.branchId === world.branchA1.id)).toBe(true);
    expect(due.find((i) => i.meetingType === 'groupMeeting')?.title).toBe('第一党小组：本期党小组会尚未召开');
    expect(items.every((i) => i.link.startsWith('/'))).toBe(true);
  });

  it('computes the list for several branches at once for a college admin', async () => {
    const res = await collegeA1.get('/api/v1/life/todos');
    const items = res.json().items as Todo[];
    const branches = new Set(items.map((i) => i.branchId));
    expect(branches).toEqual(new Set([world.branchA1.id, world.branchA2.id]));
    // Branch A2 held its assembly and lecture this quarter; only the theme day is due; no committee, no groups.
    expect(items.filter((i) => i.branchId === world.branchA2.id).map((i) => [i.kind, i.meetingType])).toEqual([
      ['meetingDue', 'themeDay'],
    ]);
    // Its read report and made-up absence are not to-dos.
    expect(items.filter((i) => i.branchId === world.branchA2.id && i.kind !== 'meetingDue')).toEqual([]);
  });

  it('asks a committee meeting only of a branch whose current term has a committee', async () => {
    const t = world.uniA.tenantId;
    // Branch A3 had a committee in an earlier term; its current term has a lone secretary (ORG-04).
    const [old, current] = await server.db
      .insert(terms)
      .values([
        { tenantId: t, orgId: world.branchA3.id, electedOn: '2020-01-10', endsOn: '2023-01-09' },
        { tenantId: t, orgId: world.branchA3.id, electedOn: '2023-01-10', endsOn: '2026-01-09' },
      ])
      .returning();
    await server.db.insert(positions).values([
      {
        tenantId: t,
        termId: old.id,
        role: 'propagandaMember',
        personId: world.memberA3.person.id,
        validFrom: '2020-01-10',
      },
      {
        tenantId: t,
        termId: current.id,
        role: 'secretary',
        personId: world.memberA3.person.id,
        validFrom: '2023-01-10',
      },
    ]);
    const items = (await collegeA2.get('/api/v1/life/todos')).json().items as Todo[];
    const a3 = items.filter((i) => i.branchId === world.branchA3.id && i.kind === 'meetingDue');
    expect(a3.map((i) => i.meetingType).sort()).toEqual(['generalAssembly', 'partyLecture']);
  });

  it('shows each branch only to those who run it', async () => {
    const a2 = (await collegeA2.get('/api/v1/life/todos')).json().items as Todo[];
    expect(new Set(a2.map((i) => i.branchId))).toEqual(new Set([world.branchA3.id]));
    const b = (await orgAdminB.get('/api/v1/life/todos')).json().items as Todo[];
    expect(new Set(b.map((i) => i.branchId))).toEqual(new Set([world.branchB1.id]));
    // Reading is not running: viewers and members have no to-dos.
    expect((await oversight.get('/api/v1/life/todos')).json().items).toEqual([]);
    expect((await memberA1.get('/api/v1/life/todos')).json().items).toEqual([]);
  });

  it('speaks English to an account that chose it', async () => {
    const english = await server.signIn('orgadmin-b');
    expect((await english.patch('/api/v1/auth/preferences', { locale: 'en-US' })).statusCode).toBe(200);
    const items = (await english.get('/api/v1/life/todos')).json().items as Todo[];
    expect(items.find((i) => i.meetingType === 'generalAssembly')?.title).toBe(
      '乙校教工党支部: no general assembly held yet this period',
    );
  });

  it('needs a sign-in', async () => {
    expect((await server.anonymous.get('/api/v1/life/todos')).statusCode).toBe(401);
  });
});

describe('GET /life/me', () => {
  it('shows a member their upcoming meetings, attendance this year, open make-ups and reports', async () => {
    const res = await memberA1.get('/api/v1/life/me');
    expect(res.statusCode).toBe(200);
    const me = res.json();
    expect(me.personId).toBe(world.memberA1.person.id);
    expect(me.upcoming.map((m: Item) => m.id)).toEqual([ids.lecture]);
    // Held this year where 李娜 was expected: March assembly (absent), February lecture (nothing
    // recorded: not attended), June assembly, theme day (late).
    expect(me.attendance).toMatchObject({ expected: 4, attended: 2, absent: 1, leave: 0, rate: 50 });
    expect(me.attendance.meetings.map((m: Item) => m.id)).toEqual([ids.plQ1, ids.gaQ1, ids.ga, ids.theme]);
    expect(me.makeups.map((m: Item) => [m.id, m.attendance])).toEqual([[ids.gaQ1, 'absent']]);
    expect(me.reports).toEqual([
      expect.objectContaining({ title: '2026年第二季度思想汇报', submittedOn: '2026-05-02', read: false }),
    ]);
  });

  it('gives each member their own record', async () => {
    const me = (await secretaryA1.get('/api/v1/life/me')).json();
    expect(me.personId).toBe(world.secretaryA1.person.id);
    expect(me.upcoming.map((m: Item) => m.id)).toEqual([ids.lecture]);
    expect(me.attendance).toMatchObject({ expected: 4, attended: 2, absent: 1, rate: 50 });
    expect(me.makeups.map((m: Item) => m.id)).toEqual([ids.ga]);
    expect(me.reports).toEqual([]);
  });

  it('follows a member who moved: meetings of the old branch stay in their year', async () => {
    const t = world.uniA.tenantId;
    const person = await buildPerson(server.db, { tenantId: t, code: 'MV001', name: '周敏' });
    await buildMembership(server.db, {
      tenantId: t,
      personId: person.id,
      orgId: world.branchA2.id,
      validFrom: '2015-01-01',
      validTo: '2026-05-01',
    });
    await buildMembership(server.db, {
      tenantId: t,
      personId: person.id,
      orgId: world.branchA1.id,
      validFrom: '2026-05-01',
    });
    await buildAccount(server.db, {
      role: 'member',
      tenantId: t,
      orgId: world.branchA1.id,
      personId: person.id,
      username: 'mover',
    });
    const me = (await (await server.signIn('mover')).get('/api/v1/life/me')).json();
    // April assembly of A2 (no attendance recorded), June assembly and theme day of A1.
    expect(me.attendance.meetings.map((m: Item) => m.id)).toEqual([ids.gaA2, ids.ga, ids.theme]);
    expect(me.attendance).toMatchObject({ expected: 3, attended: 0 });
  });

  it('is a 404 for an account with no person (nothing of anyone else is shown)', async () => {
    const res = await orgAdminA.get('/api/v1/life/me');
    expect(res.statusCode).toBe(404);
  });
});

describe('GET /life/counts', () => {
  it('counts held meetings of a subtree by type and quarter (planned ones not counted)', async () => {
    const res = await orgAdminA.get(
      `/api/v1/life/counts?orgId=${world.collegeA1.id}&from=2026-01-01&to=2026-12-31&by=quarter`,
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.periods).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(body.items).toEqual([
      { period: '2026-Q1', type: 'generalAssembly', count: 1 },
      { period: '2026-Q1', type: 'partyLecture', count: 1 },
      { period: '2026-Q2', type: 'generalAssembly', count: 2 },
      { period: '2026-Q2', type: 'groupMeeting', count: 1 },
      { period: '2026-Q2', type: 'partyLecture', count: 1 },
      { period: '2026-Q2', type: 'themeDay', count: 1 },
    ]);
    expect(body.totals).toEqual({ generalAssembly: 3, partyLecture: 2, groupMeeting: 1, themeDay: 1 });
  });

  it('counts by month and by year, defaulting to this year', async () => {
    const months = (await secretaryA1.get(`/api/v1/life/counts?orgId=${world.branchA1.id}&by=month`)).json();
    expect(months.periods).toHaveLength(12);
    expect(months.items).toContainEqual({ period: '2026-06', type: 'themeDay', count: 1 });
    const years = (
      await orgAdminA.get(`/api/v1/life/counts?orgId=${world.uniA.rootId}&from=2025-01-01&to=2026-12-31&by=year`)
    ).json();
    expect(years.periods).toEqual(['2025', '2026']);
    expect(years.items).toContainEqual({ period: '2026', type: 'themeDay', count: 2 });
    expect(years.totals.generalAssembly).toBe(3);
  });

  it('rejects an unknown period and a reversed range, naming the field', async () => {
    const res = await orgAdminA.get(`/api/v1/life/counts?orgId=${world.collegeA1.id}&by=week`);
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['querystring.by']);
    const rev = await orgAdminA.get(`/api/v1/life/counts?orgId=${world.collegeA1.id}&from=2026-05-01&to=2026-01-01`);
    expect(fieldsOf(rev)).toEqual(['querystring.to']);
    const decades = await orgAdminA.get(
      `/api/v1/life/counts?orgId=${world.collegeA1.id}&from=1990-01-01&to=2026-01-01`,
    );
    expect(fieldsOf(decades)).toEqual(['querystring.to']);
    const noOrg = await orgAdminA.get('/api/v1/life/counts');
    expect(fieldsOf(noOrg)).toEqual(['querystring.orgId']);
  });

  it('answers 404 outside the scope', async () => {
    for (const client of [secretaryA2, collegeA2, orgAdminB]) {
      const res = await client.get(`/api/v1/life/counts?orgId=${world.branchA1.id}`);
      expect(res.statusCode).toBe(404);
    }
  });

  it('counts a new group of a branch under that branch', async () => {
    const g = await buildOrg(server.db, {
      tenantId: world.uniA.tenantId,
      parentId: world.branchA2.id,
      kind: 'group',
      code: 'g-a2',
      name: '学生第一党小组',
    });
    await buildMeeting(server.db, {
      tenantId: world.uniA.tenantId,
      orgId: g.id,
      type: 'groupMeeting',
      heldOn: '2025-11-05',
    });
    const body = (
      await secretaryA2.get(`/api/v1/life/counts?orgId=${world.branchA2.id}&from=2025-01-01&to=2025-12-31&by=year`)
    ).json();
    expect(body.items).toEqual([{ period: '2025', type: 'groupMeeting', count: 1 }]);
  });
});

describe('GET /life/todos on another day', () => {
  it('follows the clock: next month the theme day is due again', async () => {
    // Last in the file: signing in on a later day ends every session idle since June.
    server.setNow(new Date('2026-07-02T02:00:00Z'));
    const res = await (await server.signIn('secretary-a1')).get('/api/v1/life/todos');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Todo[];
    const due = items.filter((i) => i.kind === 'meetingDue').map((i) => [i.meetingType, i.dueOn]);
    expect(due).toContainEqual(['themeDay', '2026-07-31']);
    expect(due).toContainEqual(['generalAssembly', '2026-09-30']);
    expect(items.find((i) => i.kind === 'plannedOverdue')?.counts).toEqual({ overdue: 2 });
  });
});
