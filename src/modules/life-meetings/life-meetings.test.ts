import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLifeMeeting, buildMember, buildWorld, type World } from '../../../test/factories.ts';
import { type Client, createTestServer, type TestServer } from '../../../test/server.ts';
import {
  auditLog,
  lifeMeetingOpinions,
  lifeMeetingRectifications,
  lifeMeetingTalks,
  meetings,
} from '../../db/schema.ts';

let server: TestServer;
let world: World;
let secretaryA1: Client;
let secretaryA2: Client;
let collegeA1: Client;
let collegeA2: Client;
let orgAdminB: Client;
let oversight: Client;
let memberA1: Client;
let meetingId: string;
let otherTypeId: string;
let base: string;

// Today is 2026-07-10 in Shanghai; the life meeting was held on 2026-06-30.
beforeAll(async () => {
  server = await createTestServer();
  server.setNow(new Date('2026-07-10T04:00:00Z'));
  world = await buildWorld(server.db);
  const meeting = await buildLifeMeeting(server.db, {
    tenantId: world.uniA.tenantId,
    orgId: world.branchA1.id,
    heldOn: '2026-06-30',
    status: 'held',
  });
  meetingId = meeting.id;
  base = `/api/v1/life-meetings/${meetingId}`;
  const [other] = await server.db
    .insert(meetings)
    .values({
      tenantId: world.uniA.tenantId,
      code: 'GA-1',
      orgId: world.branchA1.id,
      type: 'generalAssembly',
      heldOn: '2026-06-20',
      title: '支部党员大会',
    })
    .returning();
  otherTypeId = other.id;
  [secretaryA1, secretaryA2, collegeA1, collegeA2, orgAdminB, oversight, memberA1] = await Promise.all(
    ['secretary-a1', 'secretary-a2', 'college-a1', 'college-a2', 'orgadmin-b', 'oversight', 'member-a1'].map((u) =>
      server.signIn(u),
    ),
  );
});
afterAll(() => server.close());

const fieldsOf = (res: { json(): { error: { details: { field: string }[] } } }) =>
  res.json().error.details.map((d) => d.field);
const countTalks = async () => (await server.db.select({ n: count() }).from(lifeMeetingTalks))[0].n;
const countOpinions = async () => (await server.db.select({ n: count() }).from(lifeMeetingOpinions))[0].n;
const countPoints = async () => (await server.db.select({ n: count() }).from(lifeMeetingRectifications))[0].n;
const outsiders = () => [secretaryA2, collegeA2, orgAdminB, memberA1];

describe('the preparation checklist', () => {
  it('starts with every member of the branch still to be talked with', async () => {
    const res = await secretaryA1.get(base);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.meeting).toMatchObject({ id: meetingId, heldOn: '2026-06-30', orgId: world.branchA1.id });
    expect(body.checklist).toMatchObject({
      members: 2,
      membersTalkedWith: 0,
      talksCoverEveryMember: false,
      opinions: 0,
      rectificationsOpen: 0,
      rectificationsDone: 0,
    });
    expect(body.checklist.membersWithoutTalk.map((m: { name: string }) => m.name).sort()).toEqual(['李娜', '王强']);
  });

  it('is read in scope only, and only for organizational-life meetings', async () => {
    for (const client of [collegeA1, oversight]) expect((await client.get(base)).statusCode).toBe(200);
    for (const client of outsiders()) {
      expect((await client.get(base)).statusCode).toBe(404);
      expect((await client.get(`${base}/talks`)).statusCode).toBe(404);
    }
    expect((await secretaryA1.get(`/api/v1/life-meetings/${otherTypeId}`)).statusCode).toBe(404);
    const badId = await secretaryA1.get('/api/v1/life-meetings/not-a-uuid');
    expect(badId.statusCode).toBe(400);
    expect(fieldsOf(badId)).toEqual(['params.meetingId']);
  });
});

describe('talks', () => {
  let talkId: string;

  it('refuses a talk with oneself, after the meeting, with an unknown person or without topic, writing nothing', async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [
        {
          personId: world.memberA1.person.id,
          withPersonId: world.memberA1.person.id,
          heldOn: '2026-06-20',
          topic: '谈心',
        },
        ['body.withPersonId'],
      ],
      [
        {
          personId: world.secretaryA1.person.id,
          withPersonId: world.memberA1.person.id,
          heldOn: '2026-07-01',
          topic: '谈心',
        },
        ['body.heldOn'],
      ],
      [
        {
          personId: world.memberB1.person.id,
          withPersonId: world.memberA1.person.id,
          heldOn: '2026-06-20',
          topic: '谈心',
        },
        ['body.personId'],
      ],
      [
        {
          personId: world.secretaryA1.person.id,
          withPersonId: world.memberA1.person.id,
          heldOn: '2026-06-20',
          topic: '',
        },
        ['body.topic'],
      ],
    ];
    for (const [body, fields] of cases) {
      const res = await secretaryA1.post(`${base}/talks`, body);
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res)).toEqual(fields);
    }
    expect(await countTalks()).toBe(0);
  });

  it('is 404 outside the scope and for another type of meeting', async () => {
    const body = {
      personId: world.secretaryA1.person.id,
      withPersonId: world.memberA1.person.id,
      heldOn: '2026-06-20',
      topic: '谈心',
    };
    for (const client of [...outsiders(), oversight])
      expect((await client.post(`${base}/talks`, body)).statusCode).toBe(404);
    expect((await secretaryA1.post(`/api/v1/life-meetings/${otherTypeId}/talks`, body)).statusCode).toBe(404);
    expect(await countTalks()).toBe(0);
  });

  it('records a talk, and the checklist counts both people as talked with', async () => {
    const res = await secretaryA1.post(`${base}/talks`, {
      personId: world.secretaryA1.person.id,
      withPersonId: world.memberA1.person.id,
      heldOn: '2026-06-20',
      topic: '查摆问题，交流思想',
    });
    expect(res.statusCode).toBe(200);
    talkId = res.json().id;
    expect(res.json()).toMatchObject({ version: 1, heldOn: '2026-06-20' });
    const checklist = (await secretaryA1.get(base)).json().checklist;
    expect(checklist).toMatchObject({ membersTalkedWith: 2, talksCoverEveryMember: true, talks: 1 });
    const talks = (await collegeA1.get(`${base}/talks`)).json().items;
    expect(talks).toEqual([expect.objectContaining({ id: talkId, personName: '王强', withPersonName: '李娜' })]);
    const [audit] = await server.db.select().from(auditLog).where(eq(auditLog.entityId, talkId));
    expect(audit).toMatchObject({ action: 'create', entity: 'lifeMeetingTalk' });
  });

  it('a new member of the branch is uncovered until someone talks with them', async () => {
    await buildMember(server.db, {
      tenantId: world.uniA.tenantId,
      orgId: world.branchA1.id,
      code: 'LM1',
      name: '新党员',
    });
    const checklist = (await secretaryA1.get(base)).json().checklist;
    expect(checklist).toMatchObject({ members: 3, membersTalkedWith: 2, talksCoverEveryMember: false });
    expect(checklist.membersWithoutTalk.map((m: { name: string }) => m.name)).toEqual(['新党员']);
  });

  it('updates at the version read (stale → 409), validating the merged talk', async () => {
    const staleRes = await secretaryA1.patch(`${base}/talks/${talkId}`, { version: 5, topic: '改' });
    expect(staleRes.statusCode).toBe(409);
    const late = await secretaryA1.patch(`${base}/talks/${talkId}`, { version: 1, heldOn: '2026-07-02' });
    expect(fieldsOf(late)).toEqual(['body.heldOn']);
    const noVersion = await secretaryA1.patch(`${base}/talks/${talkId}`, { topic: '改' });
    expect(fieldsOf(noVersion)).toEqual(['body.version']);
    for (const client of outsiders())
      expect((await client.patch(`${base}/talks/${talkId}`, { version: 1, topic: '改' })).statusCode).toBe(404);
    const ok = await secretaryA1.patch(`${base}/talks/${talkId}`, { version: 1, topic: '谈工作与思想' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ version: 2, topic: '谈工作与思想', heldOn: '2026-06-20' });
  });

  it('deletes at the version read', async () => {
    for (const client of outsiders())
      expect((await client.delete(`${base}/talks/${talkId}?version=2`)).statusCode).toBe(404);
    expect((await secretaryA1.delete(`${base}/talks/${talkId}?version=1`)).statusCode).toBe(409);
    const badVersion = await secretaryA1.delete(`${base}/talks/${talkId}?version=x`);
    expect(fieldsOf(badVersion)).toEqual(['querystring.version']);
    expect(await countTalks()).toBe(1);
    expect((await secretaryA1.delete(`${base}/talks/${talkId}?version=2`)).statusCode).toBe(200);
    expect(await countTalks()).toBe(0);
    expect((await secretaryA1.delete(`${base}/talks/${talkId}?version=2`)).statusCode).toBe(404);
    const actions = await server.db.select({ a: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, talkId));
    expect(actions.map((a) => a.a)).toEqual(['create', 'update', 'delete']);
  });
});

describe('opinions', () => {
  it('records opinions heard before the meeting and counts them by source', async () => {
    const badSource = await secretaryA1.post(`${base}/opinions`, {
      source: 'press',
      content: '意见',
      collectedOn: '2026-06-10',
    });
    expect(fieldsOf(badSource)).toEqual(['body.source']);
    const late = await secretaryA1.post(`${base}/opinions`, {
      source: 'masses',
      content: '意见',
      collectedOn: '2026-07-01',
    });
    expect(late.statusCode).toBe(400);
    expect(fieldsOf(late)).toEqual(['body.collectedOn']);
    for (const client of [...outsiders(), oversight])
      expect(
        (await client.post(`${base}/opinions`, { source: 'masses', content: '意见', collectedOn: '2026-06-10' }))
          .statusCode,
      ).toBe(404);
    expect(await countOpinions()).toBe(0);

    const masses = await secretaryA1.post(`${base}/opinions`, {
      source: 'masses',
      content: '联系服务学生不够',
      collectedOn: '2026-06-10',
    });
    expect(masses.statusCode).toBe(200);
    const superior = await collegeA1.post(`${base}/opinions`, {
      source: 'superior',
      content: '理论学习深度不够',
      collectedOn: '2026-06-12',
    });
    expect(superior.statusCode).toBe(200);
    const edited = await secretaryA1.patch(`${base}/opinions/${masses.json().id}`, {
      version: 1,
      source: 'members',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ version: 2, source: 'members', content: '联系服务学生不够' });
    expect((await secretaryA1.patch(`${base}/opinions/${masses.json().id}`, { version: 1 })).statusCode).toBe(409);
    const checklist = (await secretaryA1.get(base)).json().checklist;
    expect(checklist.opinions).toBe(2);
    expect(checklist.opinionsBySource).toEqual({ masses: 0, members: 1, superior: 1, other: 0 });
  });
});

describe('rectification points', () => {
  let pointId: string;

  it('refuses a deadline before the meeting, completion without evidence or in the future, and unknown owners', async () => {
    const owner = world.memberA1.person.id;
    const cases: [Record<string, unknown>, string[]][] = [
      [{ content: '加强学习', ownerId: owner, deadline: '2026-06-01' }, ['body.deadline']],
      [{ content: '加强学习', ownerId: owner, deadline: '2026-08-01', doneOn: '2026-07-05' }, ['body.evidence']],
      [
        { content: '加强学习', ownerId: owner, deadline: '2026-08-01', doneOn: '2026-07-20', evidence: '学习笔记' },
        ['body.doneOn'],
      ],
      [{ content: '加强学习', ownerId: world.memberB1.person.id, deadline: '2026-08-01' }, ['body.ownerId']],
      [{ content: '加强学习', ownerId: owner }, ['body.deadline']],
    ];
    for (const [body, fields] of cases) {
      const res = await secretaryA1.post(`${base}/rectifications`, body);
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res)).toEqual(fields);
    }
    for (const client of [...outsiders(), oversight])
      expect(
        (await client.post(`${base}/rectifications`, { content: '加强学习', ownerId: owner, deadline: '2026-08-01' }))
          .statusCode,
      ).toBe(404);
    expect(await countPoints()).toBe(0);
  });

  it('tracks open, overdue and done points', async () => {
    const first = await secretaryA1.post(`${base}/rectifications`, {
      content: '每月开展一次理论学习',
      ownerId: world.secretaryA1.person.id,
      deadline: '2026-07-05',
    });
    expect(first.statusCode).toBe(200);
    pointId = first.json().id;
    const second = await secretaryA1.post(`${base}/rectifications`, {
      content: '结对帮扶困难学生',
      ownerId: world.memberA1.person.id,
      deadline: '2026-09-30',
    });
    expect(second.statusCode).toBe(200);
    let checklist = (await secretaryA1.get(base)).json().checklist;
    expect(checklist).toMatchObject({ rectificationsOpen: 2, rectificationsDone: 0, rectificationsOverdue: 1 });

    const noEvidence = await secretaryA1.patch(`${base}/rectifications/${pointId}`, {
      version: 1,
      doneOn: '2026-07-08',
    });
    expect(fieldsOf(noEvidence)).toEqual(['body.evidence']);
    const done = await secretaryA1.patch(`${base}/rectifications/${pointId}`, {
      version: 1,
      doneOn: '2026-07-08',
      evidence: '7月理论学习记录',
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ version: 2, doneOn: '2026-07-08', evidence: '7月理论学习记录' });
    checklist = (await secretaryA1.get(base)).json().checklist;
    expect(checklist).toMatchObject({ rectificationsOpen: 1, rectificationsDone: 1, rectificationsOverdue: 0 });
    const points = (await secretaryA1.get(`${base}/rectifications`)).json().items;
    expect(points.map((p: { ownerName: string }) => p.ownerName)).toEqual(['王强', '李娜']);

    // Reopening clears the completion.
    const reopened = await secretaryA1.patch(`${base}/rectifications/${pointId}`, {
      version: 2,
      doneOn: null,
      evidence: null,
    });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json()).toMatchObject({ version: 3, doneOn: null, evidence: null });
    expect((await secretaryA1.patch(`${base}/rectifications/${pointId}`, { version: 2 })).statusCode).toBe(409);
    for (const client of outsiders())
      expect((await client.patch(`${base}/rectifications/${pointId}`, { version: 3 })).statusCode).toBe(404);
  });

  it('deletes a point of this meeting only', async () => {
    const other = await buildLifeMeeting(server.db, { tenantId: world.uniA.tenantId, orgId: world.branchA1.id });
    expect(
      (await secretaryA1.delete(`/api/v1/life-meetings/${other.id}/rectifications/${pointId}?version=3`)).statusCode,
    ).toBe(404);
    expect((await secretaryA1.delete(`${base}/rectifications/${pointId}?version=3`)).statusCode).toBe(200);
    expect(await countPoints()).toBe(1);
  });
});
