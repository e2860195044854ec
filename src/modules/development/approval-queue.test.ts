import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestServer, type TestServer } from '../../../test/server.ts';
import { people } from '../../db/schema.ts';
import { advanceToProbation, buildDevWorld, type DevWorld, openCase, record, vote } from './test-support.ts';

let server: TestServer;
let world: DevWorld;
let secretary: Client;
let college: Client;
let collegeA2: Client;
let orgAdmin: Client;

beforeAll(async () => {
  server = await createTestServer();
  server.setNow(new Date('2026-11-20T04:00:00Z'));
  world = await buildDevWorld(server);
  [secretary, college, collegeA2, orgAdmin] = await Promise.all(
    ['secretary-a1', 'college-a1', 'college-a2', 'orgadmin-a'].map((u) => server.signIn(u)),
  );
});
afterAll(() => server.close());

async function newCase(code: string, name: string, on: string) {
  const [person] = await server.db
    .insert(people)
    .values({ tenantId: world.uniA.tenantId, code, name, personCategory: 'student', birthDate: '2002-02-02' })
    .returning();
  return (await openCase(secretary, { orgId: world.branchA1.id, on, personId: person.id })).id as string;
}

/** Talk, activist, candidate and the candidate's preparation up to the publicity. */
async function prepare(caseId: string, start: { talk: string; activist: string; candidate: string }) {
  const sponsors = [world.memberA1.person.id, world.extraA1.person.id];
  await record(secretary, caseId, { step: 'talk', on: start.talk, data: { by: [world.secretaryA1.person.id] } });
  await record(secretary, caseId, {
    step: 'activist',
    on: start.activist,
    data: { mentors: [world.memberA1.person.id] },
  });
  await record(secretary, caseId, { step: 'candidate', on: start.candidate });
  await record(secretary, caseId, { step: 'politicalReview', on: '2026-08-01' });
  await record(secretary, caseId, { step: 'training', on: '2026-08-05', data: { hours: 24 } });
  await record(secretary, caseId, { step: 'sponsors', on: '2026-08-10', data: { sponsors } });
  await record(secretary, caseId, { step: 'publicity', on: '2026-08-20', data: { until: '2026-08-27' } });
}

const queue = (client: Client, orgId?: string) =>
  client.get(`/api/v1/development/queue${orgId ? `?orgId=${orgId}` : ''}`);

describe('the approval queue (GET /development/queue)', () => {
  let preReview: string;
  let approval: string;
  let talked: string;
  let confirmation: string;
  let decision: string;

  beforeAll(async () => {
    const start = { talk: '2025-03-15', activist: '2025-04-01', candidate: '2026-04-10' };
    preReview = await newCase('Q0001', '预审甲', '2025-03-01');
    await prepare(preReview, start);
    // A thought report after the publicity does not hide what the case waits for.
    await record(secretary, preReview, { step: 'thoughtReport', on: '2026-09-30' });

    approval = await newCase('Q0002', '审批乙', '2025-03-01');
    await prepare(approval, start);
    await record(college, approval, { step: 'preReview', on: '2026-09-01' });
    await record(secretary, approval, { step: 'admissionVote', on: '2026-09-10', data: { vote: vote(3) } });

    talked = await newCase('Q0003', '谈话丙', '2025-03-01');
    await prepare(talked, start);
    await record(college, talked, { step: 'preReview', on: '2026-09-01' });
    await record(secretary, talked, { step: 'admissionVote', on: '2026-09-05', data: { vote: vote(3) } });
    await record(college, talked, { step: 'superiorTalk', on: '2026-09-20', data: { by: [world.memberA1.person.id] } });

    const dates = { talk: '2023-03-15', activist: '2023-04-01', candidate: '2024-04-10', vote: '2024-06-20' };
    confirmation = await newCase('Q0005', '转正戊', '2023-03-01');
    await advanceToProbation(world, { branch: secretary, college }, confirmation, { ...dates, approval: '2024-07-10' });
    await record(secretary, confirmation, { step: 'confirmationVote', on: '2025-06-25', data: { vote: vote(3) } });

    decision = await newCase('Q0006', '延期己', '2023-03-01');
    await advanceToProbation(world, { branch: secretary, college }, decision, { ...dates, approval: '2024-07-10' });
    // A year of probation since 2024-06-20, and no confirmation vote: the committee must decide.
  }, 60_000);

  it('lists what each case waits for and since when, oldest first, in one list for the college', async () => {
    const res = await queue(college, world.collegeA1.id);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { case: { id: string }; waiting: string; since: string }[];
    expect(items.map((i) => [i.case.id, i.waiting, i.since])).toEqual([
      [decision, 'probationDecision', '2025-06-20'],
      [confirmation, 'confirmationApproval', '2025-06-25'],
      [preReview, 'preReview', '2026-08-20'],
      // Waiting since the vote, not since the superior's talk.
      [talked, 'approval', '2026-09-05'],
      [approval, 'approval', '2026-09-10'],
    ]);
    expect(res.json().items[0]).toMatchObject({
      case: { stage: 'probationary', person: { code: 'Q0006', name: '延期己' }, org: { id: world.branchA1.id } },
      lastStep: { step: 'approval', on: '2024-07-10' },
    });
    // The university's organization department approves for every college.
    const all = await queue(orgAdmin);
    expect(all.json().items).toHaveLength(5);
  });

  it('drops a case once the college has recorded what it waited for', async () => {
    await record(college, approval, { step: 'approval', on: '2026-10-10' });
    const items = (await queue(college)).json().items as { case: { id: string }; waiting: string }[];
    expect(items.find((i) => i.case.id === approval)).toBeUndefined();
    expect(items).toHaveLength(4);
  });

  it('is a 404 for an org outside the caller, and empty for another college and for a secretary', async () => {
    expect((await queue(collegeA2, world.collegeA1.id)).statusCode).toBe(404);
    expect((await queue(collegeA2)).json()).toEqual({ items: [] });
    // The secretary records the branch's steps but approves nothing of their own branch.
    const own = await queue(secretary, world.branchA1.id);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toEqual({ items: [] });
  });
});
