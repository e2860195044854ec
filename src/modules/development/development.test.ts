import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestServer, type TestServer } from '../../../test/server.ts';
import { auditLog, devCases, memberships, people } from '../../db/schema.ts';
import { advanceToProbation, buildDevWorld, type DevWorld, openCase, record, rowCounts, vote } from './test-support.ts';

let server: TestServer;
let world: DevWorld;
let secretary: Client;
let college: Client;
let collegeA2: Client;
let oversight: Client;
let otherUniversity: Client;
let member: Client;

beforeAll(async () => {
  server = await createTestServer();
  server.setNow(new Date('2026-11-20T04:00:00Z'));
  world = await buildDevWorld(server);
  [secretary, college, collegeA2, oversight, otherUniversity, member] = await Promise.all(
    ['secretary-a1', 'college-a1', 'college-a2', 'oversight', 'orgadmin-b', 'member-a1'].map((u) => server.signIn(u)),
  );
});
afterAll(() => server.close());

const membershipsOf = (personId: string) =>
  server.db.select().from(memberships).where(eq(memberships.personId, personId)).orderBy(memberships.validFrom);

describe('a case from application to confirmation', () => {
  it('records every step over HTTP and turns the applicant into a probationary, then a full member', async () => {
    const opened = await openCase(secretary, {
      orgId: world.branchA1.id,
      on: '2023-09-10',
      person: { code: 'S9001', name: '孙悦', personCategory: 'student', birthDate: '2003-05-01', gender: 'female' },
    });
    expect(opened).toMatchObject({
      stage: 'applicant',
      appliedOn: '2023-09-10',
      person: { code: 'S9001', name: '孙悦', birthDate: '2003-05-01' },
      org: { id: world.branchA1.id },
      events: [{ step: 'application', on: '2023-09-10', documents: [{ name: '入党申请书' }], version: 1 }],
      may: { record: true, approve: false },
    });
    // No talk yet, long past its month: the to-do list says so.
    expect(opened.nextDue).toEqual([expect.objectContaining({ kind: 'talk', due: '2023-10-10', state: 'overdue' })]);
    const caseId = opened.id;
    const personId = opened.person.id;

    await record(secretary, caseId, { step: 'leagueRecommendation', on: '2023-09-20' });
    const probation = await advanceToProbation(world, { branch: secretary, college }, caseId, {
      talk: '2023-09-25',
      activist: '2023-10-20',
      candidate: '2024-10-25',
      vote: '2024-12-10',
      approval: '2025-01-15',
    });
    expect(probation.stage).toBe('probationary');
    expect(probation.people.map((p: { code: string }) => p.code).sort()).toEqual(['A0001', 'A0002', 'A0009']);
    expect(await membershipsOf(personId)).toEqual([
      expect.objectContaining({
        orgId: world.branchA1.id,
        status: 'probationary',
        standing: 'normal',
        joinedOn: '2024-12-10',
        confirmedOn: null,
        validFrom: '2024-12-10',
        validTo: null,
      }),
    ]);

    await record(secretary, caseId, { step: 'oath', on: '2025-01-20' });
    // The applicant, now probationary, has no vote: still three voting members.
    await record(secretary, caseId, { step: 'confirmationVote', on: '2025-12-15', data: { vote: vote(3) } });
    const full = await record(college, caseId, { step: 'confirmationApproval', on: '2026-01-10' });
    expect(full.stage).toBe('full');
    expect(full.nextDue).toEqual([]);
    expect(full.events.map((e: { step: string }) => e.step)).toEqual([
      'application',
      'leagueRecommendation',
      'talk',
      'activist',
      'candidate',
      'politicalReview',
      'training',
      'sponsors',
      'publicity',
      'preReview',
      'admissionVote',
      'approval',
      'oath',
      'confirmationVote',
      'confirmationApproval',
    ]);
    expect(await membershipsOf(personId)).toEqual([
      expect.objectContaining({ status: 'probationary', validFrom: '2024-12-10', validTo: '2025-12-10' }),
      expect.objectContaining({
        status: 'full',
        joinedOn: '2024-12-10',
        confirmedOn: '2025-12-10',
        validFrom: '2025-12-10',
        validTo: null,
      }),
    ]);
    const [stored] = await server.db.select().from(devCases).where(eq(devCases.id, caseId));
    expect(stored.stage).toBe('full');

    const audit = await server.db.select().from(auditLog).where(eq(auditLog.entityId, caseId));
    expect(audit.filter((a) => a.action === 'recordStep')).toHaveLength(14);
    expect(audit.filter((a) => a.action === 'create')).toHaveLength(1);
    const memberAudit = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, personId), eq(auditLog.action, 'changeMembership')));
    expect(memberAudit).toHaveLength(2);
  });
});

describe('extension and cancellation of probation', () => {
  it('extends probation once by the superior, moves the end of probation, then cancels and ends the membership', async () => {
    const { person } = await buildApplicant('S9002', '吴磊');
    const opened = await openCase(secretary, { orgId: world.branchA1.id, on: '2023-03-01', personId: person.id });
    await advanceToProbation(world, { branch: secretary, college }, opened.id, {
      talk: '2023-03-15',
      activist: '2023-04-01',
      candidate: '2024-04-10',
      vote: '2024-06-20',
      approval: '2024-07-10',
    });
    // The secretary cannot decide an extension: it is the superior's approval.
    const refused = await secretary.post(`/api/v1/development/cases/${opened.id}/events`, {
      step: 'probationExtension',
      on: '2025-06-25',
      data: { months: 6 },
    });
    expect(refused.statusCode).toBe(403);
    const extended = await record(college, opened.id, {
      step: 'probationExtension',
      on: '2025-06-25',
      data: { months: 6 },
    });
    expect(extended.stage).toBe('probationary');
    expect(extended.nextDue).toContainEqual(expect.objectContaining({ kind: 'probationEnd', due: '2025-12-20' }));

    const before = await rowCounts(server);
    const twice = await college.post(`/api/v1/development/cases/${opened.id}/events`, {
      step: 'probationExtension',
      on: '2025-07-01',
      data: { months: 6 },
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.details).toContainEqual(expect.objectContaining({ field: 'body.step', rule: 'DEV-10' }));
    expect(await rowCounts(server)).toEqual(before);

    const cancelled = await record(college, opened.id, { step: 'probationCancelled', on: '2025-12-28' });
    expect(cancelled.stage).toBe('cancelled');
    expect(cancelled.nextDue).toEqual([]);
    expect(await membershipsOf(person.id)).toEqual([
      expect.objectContaining({ status: 'probationary', validFrom: '2024-06-20', validTo: '2025-12-28' }),
    ]);
    // A closed case takes no more steps.
    const after = await secretary.post(`/api/v1/development/cases/${opened.id}/events`, {
      step: 'thoughtReport',
      on: '2026-01-05',
    });
    expect(after.statusCode).toBe(400);
    expect(after.json().error.details).toContainEqual(expect.objectContaining({ field: 'body.step' }));
  });
});

let applicants = 0;
async function buildApplicant(code: string, name: string, birthDate = '2002-02-02') {
  applicants += 1;
  const [person] = await server.db
    .insert(people)
    .values({ tenantId: world.uniA.tenantId, code, name, personCategory: 'student', birthDate })
    .returning();
  return { person, n: applicants };
}

describe('refusals name the field and the rule and write nothing', () => {
  const refuse = async (
    client: Client,
    url: string,
    body: unknown,
    expected: { field: string; rule: string | null },
  ) => {
    const before = await rowCounts(server);
    const res = await client.post(url, body);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.details).toContainEqual(expect.objectContaining(expected));
    expect(await rowCounts(server)).toEqual(before);
    return res.json();
  };

  it('refuses an applicant under 18 (DEV-01), creating neither the case nor the person', async () => {
    const peopleBefore = (await server.db.select().from(people)).length;
    await refuse(
      secretary,
      '/api/v1/development/cases',
      {
        orgId: world.branchA1.id,
        on: '2024-09-01',
        person: { code: 'S9100', name: '小明', personCategory: 'student', birthDate: '2007-01-15' },
      },
      // The gate names the application date or the birth date, as the law reads it.
      { field: expect.stringMatching(/^body\.(on|birthDate)$/), rule: 'DEV-01' },
    );
    expect((await server.db.select().from(people)).length).toBe(peopleBefore);
  });

  it('refuses a candidate before twelve months of training (DEV-06), mentors and sponsors who are not full members (DEV-03, DEV-07), a vote that does not add up (DEV-08), a late approval (DEV-09), impossible orders and future dates', async () => {
    const { person } = await buildApplicant('S9003', '郑洁');
    const c = await openCase(secretary, { orgId: world.branchA1.id, on: '2023-01-10', personId: person.id });
    const url = `/api/v1/development/cases/${c.id}/events`;
    await record(secretary, c.id, { step: 'talk', on: '2023-01-20', data: { by: [world.secretaryA1.person.id] } });
    // memberA2 is a probationary member: not a mentor.
    await refuse(
      secretary,
      url,
      { step: 'activist', on: '2023-02-01', data: { mentors: [world.memberA2.person.id] } },
      { field: expect.stringMatching(/^body\.data\.mentors/), rule: 'DEV-03' },
    );
    await record(secretary, c.id, {
      step: 'activist',
      on: '2023-02-01',
      data: { mentors: [world.memberA1.person.id] },
    });
    await refuse(secretary, url, { step: 'candidate', on: '2023-12-01' }, { field: 'body.on', rule: 'DEV-06' });
    await refuse(
      secretary,
      url,
      { step: 'talk', on: '2023-01-25', data: { by: [] } },
      { field: 'body.data.by', rule: null },
    );
    // Dated before the activist decision it would need: refused at its place in the sequence.
    await refuse(secretary, url, { step: 'candidate', on: '2023-01-25' }, { field: 'body.step', rule: 'DEV-06' });
    await refuse(secretary, url, { step: 'thoughtReport', on: '2026-12-01' }, { field: 'body.on', rule: null });
    await record(secretary, c.id, { step: 'candidate', on: '2024-02-05' });
    await refuse(
      secretary,
      url,
      { step: 'sponsors', on: '2024-03-01', data: { sponsors: [world.memberA1.person.id, world.memberA2.person.id] } },
      { field: expect.stringMatching(/^body\.data\.sponsors/), rule: 'DEV-07' },
    );
    await record(secretary, c.id, { step: 'politicalReview', on: '2024-02-20' });
    await record(secretary, c.id, { step: 'training', on: '2024-02-25', data: { hours: 32 } });
    await record(secretary, c.id, {
      step: 'sponsors',
      on: '2024-03-01',
      data: { sponsors: [world.memberA1.person.id, world.extraA1.person.id] },
    });
    await record(secretary, c.id, { step: 'publicity', on: '2024-03-05', data: { until: '2024-03-11' } });
    await record(college, c.id, { step: 'preReview', on: '2024-03-15' });
    await refuse(
      secretary,
      url,
      {
        step: 'admissionVote',
        on: '2024-03-20',
        data: { vote: { expected: 3, present: 3, yes: 2, no: 0, abstain: 0 } },
      },
      { field: 'body.data.vote.yes', rule: 'DEV-08' },
    );
    await refuse(
      secretary,
      url,
      {
        step: 'admissionVote',
        on: '2024-03-20',
        data: { vote: { expected: 5, present: 5, yes: 5, no: 0, abstain: 0 } },
      },
      { field: 'body.data.vote.expected', rule: 'DEV-08' },
    );
    await record(secretary, c.id, { step: 'admissionVote', on: '2024-03-20', data: { vote: vote(3) } });
    await refuse(college, url, { step: 'approval', on: '2024-07-01' }, { field: 'body.on', rule: 'DEV-09' });
    expect(await membershipsOf(person.id)).toEqual([]);
  });

  it('refuses a correction that breaks a later step, naming that step', async () => {
    const { person } = await buildApplicant('S9004', '冯刚');
    const c = await openCase(secretary, { orgId: world.branchA1.id, on: '2022-01-10', personId: person.id });
    await record(secretary, c.id, {
      step: 'activist',
      on: '2022-02-01',
      data: { mentors: [world.memberA1.person.id] },
    });
    const withCandidate = await record(secretary, c.id, { step: 'candidate', on: '2023-02-10' });
    const activist = withCandidate.events.find((e: { step: string }) => e.step === 'activist');
    const candidate = withCandidate.events.find((e: { step: string }) => e.step === 'candidate');
    const before = await rowCounts(server);
    const res = await secretary.put(`/api/v1/development/events/${activist.id}`, { on: '2022-06-01', version: 1 });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.details).toContainEqual(
      expect.objectContaining({ field: `events.${candidate.id}.on`, rule: 'DEV-06' }),
    );
    expect(await rowCounts(server)).toEqual(before);
  });
});

describe('corrections, deletions and versions', () => {
  it('corrects a step with its version, refuses a stale one (409), deletes a step, and audits each', async () => {
    const { person } = await buildApplicant('S9005', '何静');
    const c = await openCase(secretary, { orgId: world.branchA1.id, on: '2024-02-01', personId: person.id });
    const withTalk = await record(secretary, c.id, {
      step: 'talk',
      on: '2024-02-20',
      data: { by: [world.secretaryA1.person.id] },
    });
    const talk = withTalk.events.find((e: { step: string }) => e.step === 'talk');

    const corrected = await secretary.put(`/api/v1/development/events/${talk.id}`, {
      on: '2024-02-18',
      documents: [{ name: '谈话记录' }],
      version: 1,
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json().events[1]).toMatchObject({
      on: '2024-02-18',
      documents: [{ name: '谈话记录' }],
      version: 2,
    });

    const stale = await secretary.put(`/api/v1/development/events/${talk.id}`, { on: '2024-02-19', version: 1 });
    expect(stale.statusCode).toBe(409);

    const staleDelete = await secretary.delete(`/api/v1/development/events/${talk.id}?version=1`);
    expect(staleDelete.statusCode).toBe(409);
    const deleted = await secretary.delete(`/api/v1/development/events/${talk.id}?version=2`);
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(deleted.json().events.map((e: { step: string }) => e.step)).toEqual(['application']);
    expect(deleted.json().nextDue).toEqual([expect.objectContaining({ kind: 'talk', state: 'overdue' })]);

    const onlyApplication = deleted.json().events[0];
    const refused = await secretary.delete(`/api/v1/development/events/${onlyApplication.id}?version=1`);
    expect(refused.statusCode).toBe(400);

    const audit = await server.db.select().from(auditLog).where(eq(auditLog.entityId, c.id));
    expect(audit.map((a) => a.action).sort()).toEqual(['correctStep', 'create', 'deleteStep', 'recordStep']);
    expect(audit.find((a) => a.action === 'correctStep')?.before).toMatchObject({ event: { on: '2024-02-20' } });
  });

  it('keeps the date of a step that already changed the membership', async () => {
    const [approved] = await server.db
      .select()
      .from(devCases)
      .where(and(eq(devCases.orgId, world.branchA1.id), eq(devCases.stage, 'full')));
    const detail = (await secretary.get(`/api/v1/development/cases/${approved.id}`)).json();
    const approval = detail.events.find((e: { step: string }) => e.step === 'approval');
    const moved = await college.put(`/api/v1/development/events/${approval.id}`, { on: '2025-01-16', version: 1 });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.details).toEqual([expect.objectContaining({ field: 'body.on' })]);
    const documented = await college.put(`/api/v1/development/events/${approval.id}`, {
      documents: [{ name: '党委审批意见' }],
      version: 1,
    });
    expect(documented.statusCode, documented.body).toBe(200);
  });
});

describe('scope and roles', () => {
  let caseId: string;
  beforeAll(async () => {
    const { person } = await buildApplicant('S9006', '秦岚');
    caseId = (await openCase(secretary, { orgId: world.branchA1.id, on: '2025-03-01', personId: person.id })).id;
  });

  it('hides a case from those outside the branch (404) and lets a reader read but not write (403)', async () => {
    for (const client of [collegeA2, otherUniversity, member]) {
      expect((await client.get(`/api/v1/development/cases/${caseId}`)).statusCode).toBe(404);
      const write = await client.post(`/api/v1/development/cases/${caseId}/events`, {
        step: 'talk',
        on: '2025-03-10',
        data: { by: [world.secretaryA1.person.id] },
      });
      expect(write.statusCode).toBe(404);
    }
    const read = await oversight.get(`/api/v1/development/cases/${caseId}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().may).toEqual({ record: false, approve: false });
    const write = await oversight.post(`/api/v1/development/cases/${caseId}/events`, {
      step: 'talk',
      on: '2025-03-10',
      data: { by: [world.secretaryA1.person.id] },
    });
    expect(write.statusCode).toBe(403);
    const list = (await collegeA2.get('/api/v1/development/cases')).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(caseId);
    const outside = await collegeA2.post('/api/v1/development/cases', {
      orgId: world.branchA1.id,
      on: '2025-03-01',
      person: { code: 'S9200', name: '外人', personCategory: 'student', birthDate: '2001-01-01' },
    });
    expect(outside.statusCode).toBe(404);
  });

  it('refuses the branch secretary an approval step (403) and lets the college record it', async () => {
    const before = await rowCounts(server);
    const res = await secretary.post(`/api/v1/development/cases/${caseId}/events`, {
      step: 'preReview',
      on: '2025-03-10',
    });
    expect(res.statusCode).toBe(403);
    expect(await rowCounts(server)).toEqual(before);
    const detail = (await college.get(`/api/v1/development/cases/${caseId}`)).json();
    expect(detail.may).toEqual({ record: true, approve: true });
  });

  it('deletes a case opened by mistake with its version, and keeps one that led to a membership', async () => {
    const { person } = await buildApplicant('S9007', '误建');
    const c = await openCase(secretary, { orgId: world.branchA1.id, on: '2025-05-01', personId: person.id });
    const withTalk = await record(secretary, c.id, {
      step: 'talk',
      on: '2025-05-10',
      data: { by: [world.secretaryA1.person.id] },
    });
    expect((await secretary.delete(`/api/v1/development/cases/${c.id}?version=1`)).statusCode).toBe(409);
    expect((await oversight.delete(`/api/v1/development/cases/${c.id}?version=2`)).statusCode).toBe(403);
    const before = await rowCounts(server);
    expect((await secretary.delete(`/api/v1/development/cases/${c.id}?version=${withTalk.version}`)).statusCode).toBe(
      204,
    );
    expect(await rowCounts(server)).toEqual({ ...before, cases: before.cases - 1, events: before.events - 2 });
    const audit = await server.db.select().from(auditLog).where(eq(auditLog.entityId, c.id));
    expect(audit.map((a) => a.action)).toContain('delete');

    const [full] = await server.db.select().from(devCases).where(eq(devCases.stage, 'full'));
    const kept = await college.delete(`/api/v1/development/cases/${full.id}?version=${full.version}`);
    expect(kept.statusCode).toBe(400);
  });

  it('opens one case per person only (409)', async () => {
    const detail = (await secretary.get(`/api/v1/development/cases/${caseId}`)).json();
    const again = await secretary.post('/api/v1/development/cases', {
      orgId: world.branchA1.id,
      on: '2025-04-01',
      personId: detail.person.id,
    });
    expect(again.statusCode).toBe(409);
  });
});

describe('lists and the pipeline board', () => {
  it('lists cases by stage and name, and counts them per stage and branch with the late ones', async () => {
    const applicants = (await college.get('/api/v1/development/cases?stage=applicant&pageSize=100')).json();
    expect(applicants.items.every((i: { stage: string }) => i.stage === 'applicant')).toBe(true);
    expect(applicants.total).toBe(applicants.items.length);
    const byInitials = (await college.get('/api/v1/development/cases?q=sy')).json();
    expect(byInitials.items.map((i: { person: { name: string } }) => i.person.name)).toEqual(['孙悦']);

    const [late] = await server.db.select().from(devCases).where(eq(devCases.stage, 'cancelled'));
    // An open DEV finding about a person makes their case count as stuck or late on the board.
    const { findings } = await import('../../db/schema.ts');
    await server.db.insert(findings).values({
      tenantId: world.uniA.tenantId,
      key: `DEV-02|${late.personId}`,
      rule: 'DEV-02',
      family: 'DEV',
      severity: 'breach',
      orgId: world.branchA1.id,
      orgPath: world.branchA1.path,
      personId: late.personId,
      messageZh: '未在一个月内谈话',
      messageEn: 'no talk within a month',
      source: 'test',
    });

    const board = (await college.get(`/api/v1/development/pipeline?orgId=${world.collegeA1.id}`)).json();
    const cases = await server.db.select().from(devCases).where(eq(devCases.orgId, world.branchA1.id));
    const a1 = board.branches.find((b: { org: { id: string } }) => b.org.id === world.branchA1.id);
    expect(a1.total).toBe(cases.length);
    expect(a1.counts.full).toBe(1);
    expect(a1.counts.cancelled).toBe(1);
    expect(a1.counts.applicant).toBe(cases.filter((c) => c.stage === 'applicant').length);
    expect(a1.withFindings).toBe(1);
    expect(a1.parent).toMatchObject({ code: 'c-a1' });
    // Branch A2 develops nobody and still shows, with zeros; college A2's branch is outside the subtree.
    const a2 = board.branches.find((b: { org: { id: string } }) => b.org.id === world.branchA2.id);
    expect(a2).toMatchObject({ total: 0, withFindings: 0, counts: { applicant: 0 } });
    expect(board.branches.some((b: { org: { id: string } }) => b.org.id === world.branchA3.id)).toBe(false);
    expect(board.totals.full).toBe(1);

    const listed = (await college.get(`/api/v1/development/cases?orgId=${world.branchA1.id}&stage=cancelled`)).json();
    expect(listed.items).toEqual([expect.objectContaining({ openFindings: 1 })]);
    const detail = (await college.get(`/api/v1/development/cases/${late.id}`)).json();
    expect(detail.findings).toEqual([expect.objectContaining({ rule: 'DEV-02', message: '未在一个月内谈话' })]);
    expect((await secretary.get('/api/v1/development/pipeline')).json().branches).toHaveLength(1);
    const none = await server.db.select().from(auditLog).where(like(auditLog.entity, 'devCase'));
    expect(none.length).toBeGreaterThan(0);
  });
});

describe('what is due', () => {
  it("lists what the branch's open cases owe, soonest first, and nothing of closed cases or other colleges", async () => {
    const res = await secretary.get('/api/v1/development/due?within=0');
    expect(res.statusCode, res.body).toBe(200);
    const items: {
      case: { person: { code: string }; stage: string };
      due: { kind: string; due: string; state: string };
    }[] = res.json().items;
    const talks = items.filter((i) => i.due.kind === 'talk').map((i) => [i.case.person.code, i.due.due, i.due.state]);
    // S9004 went on to be an activist without the talk: it is still owed.
    expect(talks).toEqual([
      ['S9004', '2022-02-09', 'overdue'],
      ['S9005', '2024-03-02', 'overdue'],
      ['S9006', '2025-03-31', 'overdue'],
    ]);
    expect(items.map((i) => i.due.due)).toEqual(items.map((i) => i.due.due).sort());
    expect(items.some((i) => ['S9001', 'S9002'].includes(i.case.person.code))).toBe(false);
    // The candidate of 2024 owes a thought report for the last quarter (none since becoming an activist).
    expect(items).toContainEqual(
      expect.objectContaining({
        case: expect.objectContaining({ person: expect.objectContaining({ code: 'S9003' }), stage: 'candidate' }),
        due: expect.objectContaining({ kind: 'thoughtReport', due: '2026-09-30', state: 'overdue' }),
      }),
    );
    expect((await collegeA2.get('/api/v1/development/due')).json().items).toEqual([]);
  });
});

describe('parameters of the branch', () => {
  it("takes talkDays from the college's override for what is due, and minAge for the gate", async () => {
    const { parameterOverrides } = await import('../../db/schema.ts');
    await server.db.insert(parameterOverrides).values([
      { tenantId: world.uniA.tenantId, rule: 'DEV-02', orgId: world.collegeA1.id, values: { talkDays: 15 } },
      { tenantId: world.uniA.tenantId, rule: 'DEV-01', orgId: world.collegeA1.id, values: { minAge: 20 } },
    ]);
    const { person } = await buildApplicant('S9300', '钱多', '2005-06-01');
    const under20 = await secretary.post('/api/v1/development/cases', {
      orgId: world.branchA1.id,
      on: '2024-09-01',
      personId: person.id,
    });
    expect(under20.statusCode).toBe(400);
    expect(under20.json().error.details).toEqual([expect.objectContaining({ rule: 'DEV-01' })]);
    const opened = await openCase(secretary, { orgId: world.branchA1.id, on: '2026-11-10', personId: person.id });
    expect(opened.nextDue).toEqual([expect.objectContaining({ kind: 'talk', due: '2026-11-25', state: 'warning' })]);
  });
});
