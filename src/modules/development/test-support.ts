/** A world for development tests: branch A1 with three full members, and helpers that record steps over HTTP. */
import { expect } from 'vitest';
import { buildMember, buildWorld } from '../../../test/factories.ts';
import type { Client, TestServer } from '../../../test/server.ts';
import { devCases, devEvents, memberships } from '../../db/schema.ts';

export async function buildDevWorld(server: TestServer) {
  const world = await buildWorld(server.db);
  // A third full member, so sponsors and votes have someone besides the secretary.
  const extra = await buildMember(server.db, {
    tenantId: world.uniA.tenantId,
    orgId: world.branchA1.id,
    code: 'A0009',
    name: '周敏',
  });
  return { ...world, extraA1: extra };
}
export type DevWorld = Awaited<ReturnType<typeof buildDevWorld>>;

export type StepInput = { step: string; on: string; data?: Record<string, unknown>; documents?: { name: string }[] };

/** Records a step and expects it through. */
export async function record(client: Client, caseId: string, input: StepInput) {
  const res = await client.post(`/api/v1/development/cases/${caseId}/events`, { data: {}, ...input });
  expect(res.statusCode, `${input.step} ${input.on}: ${res.body}`).toBe(200);
  return res.json();
}

export async function openCase(
  client: Client,
  body: { orgId: string; on: string; personId?: string; person?: Record<string, unknown> },
) {
  const res = await client.post('/api/v1/development/cases', { documents: [{ name: '入党申请书' }], ...body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Rows in the tables a development write touches, to show that a refused one wrote nothing. */
export async function rowCounts(server: TestServer) {
  const [cases, events, members] = await Promise.all([
    server.db.select().from(devCases),
    server.db.select().from(devEvents),
    server.db.select().from(memberships),
  ]);
  return { cases: cases.length, events: events.length, memberships: members.length };
}

const vote = (n: number) => ({ expected: n, present: n, yes: n, no: 0, abstain: 0 });

/**
 * Takes a fresh applicant (application on `start`) through every step to probation: the branch's
 * steps by `branch`, the superior's by `college`. The admission vote falls 15 months after `start`.
 */
export async function advanceToProbation(
  world: DevWorld,
  clients: { branch: Client; college: Client },
  caseId: string,
  dates: { talk: string; activist: string; candidate: string; vote: string; approval: string },
) {
  const { branch, college } = clients;
  const mentor = world.memberA1.person.id;
  const sponsors = [world.memberA1.person.id, world.extraA1.person.id];
  const before = (day: string, days: number) => {
    const d = new Date(`${day}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - days);
    return d.toISOString().slice(0, 10);
  };
  await record(branch, caseId, { step: 'talk', on: dates.talk, data: { by: [world.secretaryA1.person.id] } });
  await record(branch, caseId, { step: 'activist', on: dates.activist, data: { mentors: [mentor] } });
  await record(branch, caseId, { step: 'candidate', on: dates.candidate });
  await record(branch, caseId, { step: 'politicalReview', on: before(dates.vote, 40) });
  await record(branch, caseId, { step: 'training', on: before(dates.vote, 35), data: { hours: 24 } });
  await record(branch, caseId, { step: 'sponsors', on: before(dates.vote, 30), data: { sponsors } });
  await record(branch, caseId, {
    step: 'publicity',
    on: before(dates.vote, 20),
    data: { until: before(dates.vote, 14) },
  });
  await record(college, caseId, { step: 'preReview', on: before(dates.vote, 10) });
  await record(branch, caseId, { step: 'admissionVote', on: dates.vote, data: { vote: vote(3) } });
  return record(college, caseId, { step: 'approval', on: dates.approval });
}

export { vote };
