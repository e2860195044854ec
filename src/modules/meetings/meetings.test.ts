import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildPerson, type World } from '../../../test/factories.ts';
import type { TestServer } from '../../../test/server.ts';
import { attendance, auditLog, meetings, venues } from '../../db/schema.ts';
import type { MeetingDetail } from './schema.ts';
import { type Clients, expectedIds, fieldsOf, heldMeeting, planMeeting, setUp, tableCounts } from './test-support.ts';

let server: TestServer;
let world: World;
let as: Clients;

beforeAll(async () => {
  ({ server, world, as } = await setUp());
});
afterAll(() => server.close());

const counts = () => tableCounts(server.db);

describe('POST /meetings', () => {
  it('plans a meeting with a generated code, its expected attendees and an audit row', async () => {
    const detail = await planMeeting(as.secretaryA1, {
      orgId: world.branchA1.id,
      heldOn: '2026-06-20',
      startTime: '14:30',
      endTime: '16:00',
      title: '学习贯彻党的二十大精神',
      lecturerId: world.secretaryA1.person.id,
      place: '机电楼 301',
    });
    expect(detail.meeting).toMatchObject({
      orgId: world.branchA1.id,
      orgName: '机电教工第一党支部',
      status: 'planned',
      audience: 'branch',
      lecturerName: '王强',
      minutes: false,
      version: 1,
    });
    expect(detail.meeting.code).toMatch(/^m-2026-\d{6}$/);
    expect(expectedIds(detail)).toEqual([world.memberA1.person.id, world.secretaryA1.person.id].sort());
    expect(detail.counts).toMatchObject({ expected: 2, present: 0, unrecorded: 2, attendanceRate: null });
    const [audit] = await server.db.select().from(auditLog).where(eq(auditLog.entityId, detail.meeting.id));
    expect(audit).toMatchObject({ entity: 'meeting', action: 'create', orgPath: world.branchA1.path });

    const next = await planMeeting(as.secretaryA1, { orgId: world.branchA1.id, heldOn: '2026-07-01' });
    expect(Number(next.meeting.code.slice(7))).toBe(Number(detail.meeting.code.slice(7)) + 1);
  });

  it('defaults the audience by type and org kind', async () => {
    const committee = await planMeeting(as.secretaryA1, {
      orgId: world.branchA1.id,
      type: 'committeeMeeting',
      heldOn: '2026-06-21',
    });
    expect(committee.meeting.audience).toBe('committee');
    const group = await planMeeting(as.secretaryA1, {
      orgId: world.groupA1.id,
      type: 'groupMeeting',
      heldOn: '2026-06-21',
    });
    expect(group.meeting.audience).toBe('group');
    const study = await planMeeting(as.collegeA1, {
      orgId: world.collegeA1.id,
      type: 'studyGroupSession',
      heldOn: '2026-06-21',
    });
    expect(study.meeting.audience).toBe('leadership');
    const talk = await planMeeting(as.secretaryA1, {
      orgId: world.branchA1.id,
      type: 'conversation',
      heldOn: '2026-06-21',
    });
    expect(talk.meeting).toMatchObject({ type: 'conversation', audience: 'branch' });
  });

  it('refuses bad input naming the field, writing nothing', async () => {
    const before = await counts();
    const post = (body: Record<string, unknown>) =>
      as.secretaryA1.post('/api/v1/meetings', {
        orgId: world.branchA1.id,
        type: 'generalAssembly',
        heldOn: '2026-06-20',
        title: 't',
        ...body,
      });
    const outsider = await buildPerson(server.db, { tenantId: world.uniB.tenantId, code: 'OUT-1' });
    const cases: [Record<string, unknown>, string][] = [
      [{ heldOn: '2014-12-31' }, 'body.heldOn'],
      [{ heldOn: '2026-02-30' }, 'body.heldOn'],
      [{ type: 'party' }, 'body.type'],
      [{ title: '' }, 'body.title'],
      [{ startTime: '25:00' }, 'body.startTime'],
      [{ startTime: '15:00', endTime: '14:00' }, 'body.endTime'],
      [{ lecturerId: outsider.id }, 'body.lecturerId'],
      [{ venueId: crypto.randomUUID() }, 'body.venueId'],
      [{ audience: 'group' }, 'body.audience'],
      [{ audience: 'leadership' }, 'body.audience'],
    ];
    for (const [body, field] of cases) {
      const res = await post(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(fieldsOf(res)).toContain(field);
    }
    expect(await counts()).toEqual(before);
  });

  it('is 404 for an org out of write scope', async () => {
    const before = await counts();
    for (const client of [as.secretaryA2, as.collegeA2, as.orgAdminB, as.oversight, as.memberA1]) {
      const res = await client.post('/api/v1/meetings', {
        orgId: world.branchA1.id,
        type: 'generalAssembly',
        heldOn: '2026-06-20',
        title: 't',
      });
      expect(res.statusCode).toBe(404);
    }
    expect(await counts()).toEqual(before);
  });
});

describe('GET /meetings and /meetings/:id', () => {
  let a1: MeetingDetail;
  let a3: MeetingDetail;
  beforeAll(async () => {
    a1 = await planMeeting(as.secretaryA1, {
      orgId: world.branchA1.id,
      type: 'partyLecture',
      heldOn: '2026-05-10',
      title: '五月党课',
    });
    a3 = await planMeeting(as.collegeA2, { orgId: world.branchA3.id, heldOn: '2026-05-11', title: '经管大会' });
  });

  it('lists the subtree in read scope with counts and filters', async () => {
    const ids = async (client: Clients[keyof Clients], query = '') =>
      ((await client.get(`/api/v1/meetings${query}`)).json().items as { id: string }[]).map((m) => m.id);
    expect(await ids(as.secretaryA1)).toContain(a1.meeting.id);
    expect(await ids(as.secretaryA1)).not.toContain(a3.meeting.id);
    expect(await ids(as.orgAdminA, `?orgId=${world.collegeA1.id}`)).toContain(a1.meeting.id);
    expect(await ids(as.orgAdminA, `?orgId=${world.collegeA1.id}`)).not.toContain(a3.meeting.id);
    expect(await ids(as.oversight)).toEqual(expect.arrayContaining([a1.meeting.id, a3.meeting.id]));
    expect(await ids(as.secretaryA2)).not.toContain(a1.meeting.id);
    expect(await ids(as.collegeA2)).not.toContain(a1.meeting.id);
    expect(await ids(as.orgAdminB)).toEqual([]);
    expect(await ids(as.secretaryA1, '?type=partyLecture')).toEqual([a1.meeting.id]);
    expect(await ids(as.secretaryA1, '?from=2026-05-01&to=2026-05-31')).toEqual([a1.meeting.id]);
    expect(await ids(as.secretaryA1, '?status=recorded')).toEqual([]);
    const item = (await as.secretaryA1.get('/api/v1/meetings?type=partyLecture')).json().items[0];
    expect(item.counts).toMatchObject({ expected: 2 });
    expect((await as.secretaryA1.get('/api/v1/meetings?from=2026-13-01')).statusCode).toBe(400);
  });

  it('lets a member read the meetings they are expected at, and nothing else', async () => {
    const list = (await as.memberA1.get('/api/v1/meetings')).json().items as { id: string }[];
    expect(list.map((m) => m.id)).toContain(a1.meeting.id);
    expect(list.map((m) => m.id)).not.toContain(a3.meeting.id);
    expect((await as.memberA1.get(`/api/v1/meetings/${a1.meeting.id}`)).statusCode).toBe(200);
    expect((await as.memberA1.get(`/api/v1/meetings/${a3.meeting.id}`)).statusCode).toBe(404);
    const res = await as.memberA1.patch(`/api/v1/meetings/${a1.meeting.id}`, { version: 1, title: 'x' });
    expect(res.statusCode).toBe(404);
  });

  it('shows the detail in scope and 404 outside it', async () => {
    const res = await as.collegeA1.get(`/api/v1/meetings/${a1.meeting.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().meeting.title).toBe('五月党课');
    for (const client of [as.secretaryA2, as.collegeA2, as.orgAdminB])
      expect((await client.get(`/api/v1/meetings/${a1.meeting.id}`)).statusCode).toBe(404);
    expect((await as.secretaryA1.get(`/api/v1/meetings/${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect((await as.secretaryA1.get('/api/v1/meetings/not-a-uuid')).statusCode).toBe(400);
  });
});

describe('PATCH /meetings/:id', () => {
  it('changes the fields sent, bumps the version, audits, and 409s a stale version', async () => {
    const m = await planMeeting(as.secretaryA1, { orgId: world.branchA1.id, heldOn: '2026-06-25' });
    const res = await as.secretaryA1.patch(`/api/v1/meetings/${m.meeting.id}`, {
      version: 1,
      title: '改期后的大会',
      heldOn: '2026-06-26',
      minutesText: '会议记录草稿',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().meeting).toMatchObject({
      title: '改期后的大会',
      heldOn: '2026-06-26',
      minutes: true,
      version: 2,
    });
    const audits = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, m.meeting.id), eq(auditLog.action, 'update')));
    expect(audits).toHaveLength(1);
    const stale = await as.secretaryA1.patch(`/api/v1/meetings/${m.meeting.id}`, { version: 1, title: 'x' });
    expect(stale.statusCode).toBe(409);
  });

  it('refuses bad input and strangers, writing nothing', async () => {
    const m = await planMeeting(as.secretaryA1, { orgId: world.branchA1.id, heldOn: '2026-06-25' });
    const before = await counts();
    const bad = await as.secretaryA1.patch(`/api/v1/meetings/${m.meeting.id}`, { version: 1, heldOn: '1999-01-01' });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(['body.heldOn']);
    const noVersion = await as.secretaryA1.patch(`/api/v1/meetings/${m.meeting.id}`, { title: 'x' });
    expect(fieldsOf(noVersion)).toEqual(['body.version']);
    for (const client of [as.secretaryA2, as.collegeA2, as.orgAdminB, as.oversight])
      expect((await client.patch(`/api/v1/meetings/${m.meeting.id}`, { version: 1, title: 'x' })).statusCode).toBe(404);
    expect(await counts()).toEqual(before);
    const [row] = await server.db.select().from(meetings).where(eq(meetings.id, m.meeting.id));
    expect(row.version).toBe(1);
  });
});

describe('status transitions and DELETE', () => {
  it('goes planned → notified → held → recorded', async () => {
    const m = await planMeeting(as.secretaryA1, { orgId: world.branchA1.id, heldOn: '2026-06-15' });
    const id = m.meeting.id;
    const notified = await as.secretaryA1.post(`/api/v1/meetings/${id}/notify`, { version: 1 });
    expect(notified.json().meeting).toMatchObject({ status: 'notified', version: 2 });
    expect(notified.json().meeting.notifiedAt).toBe('2026-06-15T02:00:00.000Z');
    const held = await as.secretaryA1.post(`/api/v1/meetings/${id}/held`, { version: 2 });
    expect(held.json().meeting.status).toBe('held');
    const noMinutes = await as.secretaryA1.post(`/api/v1/meetings/${id}/record`, { version: 3 });
    expect(noMinutes.statusCode).toBe(400);
    expect(fieldsOf(noMinutes)).toEqual(['minutesText']);
    const recorded = await as.secretaryA1.post(`/api/v1/meetings/${id}/record`, { version: 3, minutesText: '记录' });
    expect(recorded.json().meeting).toMatchObject({ status: 'recorded', minutes: true, minutesText: '记录' });
    const again = await as.secretaryA1.post(`/api/v1/meetings/${id}/notify`, { version: 4 });
    expect(again.statusCode).toBe(409);
    const actions = (await server.db.select().from(auditLog).where(eq(auditLog.entityId, id))).map((a) => a.action);
    expect(actions).toEqual(['create', 'notify', 'held', 'record']);
  });

  it('cannot mark a meeting dated after today held (400 naming heldOn)', async () => {
    const m = await planMeeting(as.secretaryA1, { orgId: world.branchA1.id, heldOn: '2026-06-16' });
    const res = await as.secretaryA1.post(`/api/v1/meetings/${m.meeting.id}/held`, { version: 1 });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['heldOn']);
    expect(res.json().error.message).toContain('2026-06-16');
    const [row] = await server.db.select().from(meetings).where(eq(meetings.id, m.meeting.id));
    expect(row).toMatchObject({ status: 'planned', version: 1 });
  });

  it('keeps a held meeting out of the future', async () => {
    const m = await heldMeeting(as.secretaryA1, { orgId: world.branchA1.id, heldOn: '2026-06-14' });
    const res = await as.secretaryA1.patch(`/api/v1/meetings/${m.meeting.id}`, {
      version: m.meeting.version,
      heldOn: '2026-06-16',
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.heldOn']);
  });

  it('refuses stale versions and out-of-scope callers', async () => {
    const m = await planMeeting(as.secretaryA1, { orgId: world.branchA1.id, heldOn: '2026-06-10' });
    expect((await as.secretaryA1.post(`/api/v1/meetings/${m.meeting.id}/notify`, { version: 9 })).statusCode).toBe(409);
    for (const client of [as.secretaryA2, as.collegeA2, as.orgAdminB, as.memberA1])
      expect((await client.post(`/api/v1/meetings/${m.meeting.id}/held`, { version: 1 })).statusCode).toBe(404);
    const [row] = await server.db.select().from(meetings).where(eq(meetings.id, m.meeting.id));
    expect(row.status).toBe('planned');
  });

  it('deletes only a planned meeting', async () => {
    const m = await planMeeting(as.secretaryA1, { orgId: world.branchA1.id, heldOn: '2026-06-10' });
    for (const client of [as.secretaryA2, as.collegeA2, as.orgAdminB])
      expect((await client.delete(`/api/v1/meetings/${m.meeting.id}?version=1`)).statusCode).toBe(404);
    expect((await as.secretaryA1.delete(`/api/v1/meetings/${m.meeting.id}?version=7`)).statusCode).toBe(409);
    expect((await as.secretaryA1.delete(`/api/v1/meetings/${m.meeting.id}`)).statusCode).toBe(400);
    const res = await as.secretaryA1.delete(`/api/v1/meetings/${m.meeting.id}?version=1`);
    expect(res.statusCode).toBe(200);
    expect(await server.db.select().from(meetings).where(eq(meetings.id, m.meeting.id))).toEqual([]);
    const held = await heldMeeting(as.secretaryA1, { orgId: world.branchA1.id, heldOn: '2026-06-10' });
    const refused = await as.secretaryA1.delete(`/api/v1/meetings/${held.meeting.id}?version=${held.meeting.version}`);
    expect(refused.statusCode).toBe(409);
  });
});

describe('PUT /meetings/:id/attendance', () => {
  it('records expected attendees and guests, with counts and an audit row', async () => {
    const m = await heldMeeting(as.secretaryA1, { orgId: world.branchA1.id, heldOn: '2026-06-12' });
    const guest = await buildPerson(server.db, { tenantId: world.uniA.tenantId, code: 'GUEST-1', name: '孙丽' });
    const res = await as.secretaryA1.put(`/api/v1/meetings/${m.meeting.id}/attendance`, {
      entries: [
        { personId: world.memberA1.person.id, status: 'leave', reason: '出差' },
        { personId: world.secretaryA1.person.id, status: 'present' },
        { personId: guest.id, status: 'present', guest: true },
      ],
    });
    expect(res.statusCode).toBe(200);
    const detail = res.json() as MeetingDetail;
    expect(detail.counts).toMatchObject({ expected: 2, present: 1, leave: 1, guests: 1, attendanceRate: 0.5 });
    expect(detail.guests).toMatchObject([{ personId: guest.id, name: '孙丽', attendance: { guest: true } }]);
    expect(detail.expected.find((e) => e.personId === world.memberA1.person.id)?.attendance).toMatchObject({
      status: 'leave',
      reason: '出差',
    });
    const audits = await server.db.select().from(auditLog).where(eq(auditLog.entity, 'attendance'));
    expect(audits.some((a) => a.entityId === m.meeting.id)).toBe(true);

    // A correction updates the row in place.
    const fix = await as.secretaryA1.put(`/api/v1/meetings/${m.meeting.id}/attendance`, {
      entries: [{ personId: world.memberA1.person.id, status: 'late' }],
    });
    expect(fix.json().counts).toMatchObject({ present: 1, late: 1, leave: 0, attendanceRate: 1 });
    // The list counts in the database what the detail counts in the application.
    const listed = (await as.secretaryA1.get('/api/v1/meetings?from=2026-06-12&to=2026-06-12')).json().items;
    expect(listed.find((i: { id: string }) => i.id === m.meeting.id).counts).toEqual(fix.json().counts);
  });

  it('refuses non-attendees, a leave without reason, duplicates and unknown guests, writing nothing', async () => {
    const m = await heldMeeting(as.secretaryA1, { orgId: world.branchA1.id, heldOn: '2026-06-12' });
    const before = await counts();
    const put = (entries: unknown[]) => as.secretaryA1.put(`/api/v1/meetings/${m.meeting.id}/attendance`, { entries });
    const ok = { personId: world.memberA1.person.id, status: 'present' };
    const cases: [unknown[], string][] = [
      [[ok, ok, ok, { personId: world.memberA3.person.id, status: 'present' }], 'body.entries.3.personId'],
      [[ok, { personId: world.secretaryA1.person.id, status: 'leave' }], 'body.entries.1.reason'],
      [[ok, ok], 'body.entries.1.personId'],
      [[{ personId: world.memberB1.person.id, status: 'present', guest: true }], 'body.entries.0.personId'],
      [[{ personId: world.memberA1.person.id, status: 'asleep' }], 'body.entries.0.status'],
      [[], 'body.entries'],
    ];
    for (const [entries, field] of cases) {
      const res = await put(entries);
      expect(res.statusCode, JSON.stringify(entries)).toBe(400);
      expect(fieldsOf(res)).toContain(field);
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses attendance before the meeting day', async () => {
    const m = await planMeeting(as.secretaryA1, { orgId: world.branchA1.id, heldOn: '2026-06-30' });
    const res = await as.secretaryA1.put(`/api/v1/meetings/${m.meeting.id}/attendance`, {
      entries: [{ personId: world.memberA1.person.id, status: 'present' }],
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['heldOn']);
  });

  it('is 404 out of scope, writing nothing', async () => {
    const m = await heldMeeting(as.secretaryA1, { orgId: world.branchA1.id, heldOn: '2026-06-12' });
    const before = await counts();
    for (const client of [as.secretaryA2, as.collegeA2, as.orgAdminB, as.memberA1, as.oversight]) {
      const res = await client.put(`/api/v1/meetings/${m.meeting.id}/attendance`, {
        entries: [{ personId: world.memberA1.person.id, status: 'present' }],
      });
      expect(res.statusCode).toBe(404);
    }
    expect(await counts()).toEqual(before);
  });
});

describe('make-ups', () => {
  let meetingId: string;
  beforeAll(async () => {
    const m = await heldMeeting(as.secretaryA1, {
      orgId: world.branchA1.id,
      heldOn: '2026-06-01',
      title: '六月主题党日',
      type: 'themeDay',
    });
    meetingId = m.meeting.id;
    await as.secretaryA1.put(`/api/v1/meetings/${meetingId}/attendance`, {
      entries: [
        { personId: world.memberA1.person.id, status: 'absent' },
        { personId: world.secretaryA1.person.id, status: 'present' },
      ],
    });
  });

  const openTasks = async (client: Clients[keyof Clients], query = '?open=1') =>
    ((await client.get(`/api/v1/makeups${query}`)).json().items as { meetingId: string; personId: string }[]).filter(
      (t) => t.meetingId === meetingId,
    );

  it('lists the absentee as an open make-up in scope only', async () => {
    expect(await openTasks(as.secretaryA1)).toMatchObject([{ personId: world.memberA1.person.id }]);
    expect(await openTasks(as.collegeA1, `?open=1&orgId=${world.collegeA1.id}`)).toHaveLength(1);
    expect(await openTasks(as.memberA1)).toHaveLength(1);
    expect(await openTasks(as.secretaryA2)).toEqual([]);
    expect(await openTasks(as.collegeA2)).toEqual([]);
    expect(await openTasks(as.orgAdminB)).toEqual([]);
  });

  it('refuses a make-up before the meeting, of someone present, or out of scope', async () => {
    const url = `/api/v1/meetings/${meetingId}/attendance/${world.memberA1.person.id}/makeup`;
    const early = await as.secretaryA1.post(url, { makeupOn: '2026-05-31', makeupContent: '自学' });
    expect(early.statusCode).toBe(400);
    expect(fieldsOf(early)).toEqual(['body.makeupOn']);
    const present = await as.secretaryA1.post(
      `/api/v1/meetings/${meetingId}/attendance/${world.secretaryA1.person.id}/makeup`,
      { makeupOn: '2026-06-05', makeupContent: '自学' },
    );
    expect(fieldsOf(present)).toEqual(['params.personId']);
    for (const client of [as.secretaryA2, as.collegeA2, as.orgAdminB, as.memberA1])
      expect((await client.post(url, { makeupOn: '2026-06-05', makeupContent: '自学' })).statusCode).toBe(404);
    const [row] = await server.db
      .select()
      .from(attendance)
      .where(and(eq(attendance.meetingId, meetingId), eq(attendance.personId, world.memberA1.person.id)));
    expect(row.makeupOn).toBeNull();
  });

  it('records the make-up, which closes the task', async () => {
    const url = `/api/v1/meetings/${meetingId}/attendance/${world.memberA1.person.id}/makeup`;
    const res = await as.secretaryA1.post(url, { makeupOn: '2026-06-05', makeupContent: '观看录像并提交心得' });
    expect(res.statusCode).toBe(200);
    const entry = (res.json() as MeetingDetail).expected.find((e) => e.personId === world.memberA1.person.id);
    expect(entry?.attendance).toMatchObject({ status: 'absent', makeupOn: '2026-06-05' });
    expect(await openTasks(as.secretaryA1)).toEqual([]);
    expect(await openTasks(as.secretaryA1, '')).toMatchObject([{ makeupContent: '观看录像并提交心得' }]);
  });
});

describe('venues', () => {
  it('adds a venue to an org in write scope and lists the rooms a branch may use', async () => {
    const res = await as.collegeA1.post('/api/v1/venues', { orgId: world.collegeA1.id, name: '机电学院党员活动室' });
    expect(res.statusCode).toBe(200);
    const venue = res.json();
    const list = (await as.secretaryA1.get(`/api/v1/venues?orgId=${world.branchA1.id}`)).json().items;
    expect(list.map((v: { id: string }) => v.id)).toContain(venue.id);
    const m = await planMeeting(as.secretaryA1, { orgId: world.branchA1.id, heldOn: '2026-06-20', venueId: venue.id });
    expect(m.meeting.venueName).toBe('机电学院党员活动室');
    // Another college's room is not this branch's.
    const other = (await as.collegeA2.post('/api/v1/venues', { orgId: world.collegeA2.id, name: '经管活动室' })).json();
    const refused = await as.secretaryA1.post('/api/v1/meetings', {
      orgId: world.branchA1.id,
      type: 'themeDay',
      heldOn: '2026-06-20',
      title: 't',
      venueId: other.id,
    });
    expect(fieldsOf(refused)).toEqual(['body.venueId']);
    expect((await as.collegeA2.get(`/api/v1/venues?orgId=${world.branchA1.id}`)).statusCode).toBe(404);
  });

  it('refuses a nameless venue and strangers, writing nothing', async () => {
    const before = (await server.db.select().from(venues)).length;
    const bad = await as.secretaryA1.post('/api/v1/venues', { orgId: world.branchA1.id, name: ' ' });
    expect(fieldsOf(bad)).toEqual(['body.name']);
    for (const client of [as.secretaryA2, as.collegeA2, as.orgAdminB, as.memberA1])
      expect((await client.post('/api/v1/venues', { orgId: world.branchA1.id, name: '活动室' })).statusCode).toBe(404);
    expect((await server.db.select().from(venues)).length).toBe(before);
  });
});

describe('a member of another university', () => {
  it('is never expected at this university’s meetings', async () => {
    const m = await planMeeting(as.secretaryA1, { orgId: world.branchA1.id, heldOn: '2026-06-20' });
    await buildMember(server.db, { tenantId: world.uniB.tenantId, orgId: world.branchB1.id, code: 'B-X' });
    expect(expectedIds(m)).not.toContain(world.memberB1.person.id);
  });
});
