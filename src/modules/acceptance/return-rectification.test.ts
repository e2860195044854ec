/** A returned acceptance opens the branch's rectification item, in the step's transaction. */
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildTerm, buildWorld, type World } from '../../../test/factories.ts';
import { type Client, createTestServer, type TestServer } from '../../../test/server.ts';
import { acceptanceSteps, auditLog, rectifications } from '../../db/schema.ts';
import { defaultReturnDeadline } from './return-rectification.ts';

let server: TestServer;
let world: World;
let orgAdminA: Client;
let collegeA1: Client;
let collegeA2: Client;
let secretaryA1: Client;
let secretaryA2: Client;
let secretaryA3: Client;
let campaignId: string;

beforeAll(async () => {
  server = await createTestServer();
  server.setNow(new Date('2026-04-15T04:00:00Z'));
  world = await buildWorld(server.db);
  [orgAdminA, collegeA1, collegeA2, secretaryA1, secretaryA2] = await Promise.all(
    ['orgadmin-a', 'college-a1', 'college-a2', 'secretary-a1', 'secretary-a2'].map((u) => server.signIn(u)),
  );
  await buildAccount(server.db, {
    role: 'branchSecretary',
    tenantId: world.uniA.tenantId,
    orgId: world.branchA3.id,
    username: 'secretary-a3',
  });
  secretaryA3 = await server.signIn('secretary-a3');
  // 王强 holds branch A1's secretary seat; branch A2 has no secretary on record.
  await buildTerm(server.db, {
    tenantId: world.uniA.tenantId,
    orgId: world.branchA1.id,
    seats: [{ role: 'secretary', personId: world.secretaryA1.person.id }],
  });
  const res = await orgAdminA.post('/api/v1/acceptance/campaigns', {
    year: 2026,
    title: '2026年党支部达标验收',
    standardSets: ['hbzy-2019-3s3n'],
    opensOn: '2026-04-01',
    closesOn: '2026-06-30',
  });
  campaignId = res.json().id;
});
afterAll(() => server.close());

const written = async () => ({
  items: (await server.db.select({ n: count() }).from(rectifications))[0].n,
  steps: (await server.db.select({ n: count() }).from(acceptanceSteps))[0].n,
  audit: (await server.db.select({ n: count() }).from(auditLog))[0].n,
});

async function selfChecked(client: Client, orgId: string) {
  const detail = (await client.get(`/api/v1/acceptance/campaigns/${campaignId}`)).json();
  const row = detail.reviews.find((r: { orgId: string }) => r.orgId === orgId);
  const url = `/api/v1/acceptance/reviews/${row.id}`;
  const review = (await client.post(`${url}/self-check`, { version: row.version, statement: '逐项自查' })).json();
  return { url, review };
}

describe('a return of an acceptance', () => {
  it('by the college opens an item owned by the branch secretary, due when the campaign closes, audited', async () => {
    const { url, review } = await selfChecked(secretaryA1, world.branchA1.id);
    const before = await written();
    const res = await collegeA1.post(`${url}/first-check`, {
      version: review.version,
      decision: 'return',
      reason: '组织生活会记录缺少党员互评内容',
    });
    expect(res.statusCode).toBe(200);
    const items = await server.db
      .select()
      .from(rectifications)
      .where(and(eq(rectifications.source, 'acceptance'), eq(rectifications.sourceId, review.id)));
    expect(items).toMatchObject([
      {
        orgId: world.branchA1.id,
        year: 2026,
        problem: '2026年党支部达标验收退回：组织生活会记录缺少党员互评内容',
        ownerId: world.secretaryA1.person.id,
        ownerName: '王强',
        deadline: '2026-06-30',
        status: 'open',
      },
    ]);
    const audit = await server.db.select().from(auditLog).where(eq(auditLog.entityId, items[0].id));
    expect(audit.map((a) => [a.entity, a.action])).toEqual([['rectification', 'create']]);
    expect(await written()).toEqual({ items: before.items + 1, steps: before.steps + 1, audit: before.audit + 2 });
    // The branch sees it in its rectification list.
    const list = (await secretaryA1.get('/api/v1/rectifications?source=acceptance')).json().items;
    expect(list.map((i: { id: string }) => i.id)).toEqual([items[0].id]);
  });

  it('by the university takes the deadline given; without a secretary the branch’s name stands as owner', async () => {
    const { url, review } = await selfChecked(secretaryA2, world.branchA2.id);
    const passed = (await collegeA1.post(`${url}/first-check`, { version: review.version, decision: 'pass' })).json();
    const res = await orgAdminA.post(`${url}/recheck`, {
      version: passed.version,
      decision: 'return',
      reason: '缺少党员发展台账',
      rectificationDeadline: '2026-05-20',
    });
    expect(res.statusCode).toBe(200);
    const [item] = await server.db.select().from(rectifications).where(eq(rectifications.sourceId, review.id));
    expect(item).toMatchObject({
      source: 'acceptance',
      problem: '2026年党支部达标验收退回：缺少党员发展台账',
      ownerId: null,
      ownerName: `${world.branchA2.name}书记`,
      deadline: '2026-05-20',
    });
  });

  it('writes nothing out of scope, with a past deadline, or a deadline without a return', async () => {
    const { url, review } = await selfChecked(secretaryA3, world.branchA3.id);
    const before = await written();
    const body = { version: review.version, decision: 'return', reason: '材料不全' };
    expect((await collegeA1.post(`${url}/first-check`, body)).statusCode).toBe(404);
    const past = await collegeA2.post(`${url}/first-check`, { ...body, rectificationDeadline: '2026-04-01' });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.details.map((d: { field: string }) => d.field)).toEqual(['body.rectificationDeadline']);
    const onPass = await collegeA2.post(`${url}/first-check`, {
      version: review.version,
      decision: 'pass',
      rectificationDeadline: '2026-06-01',
    });
    expect(onPass.statusCode).toBe(400);
    expect(onPass.json().error.details.map((d: { field: string }) => d.field)).toEqual(['body.rectificationDeadline']);
    expect(await written()).toEqual(before);
  });

  it('defaults the deadline to the campaign’s close, or a month when the close is nearer', () => {
    expect(defaultReturnDeadline('2026-04-15', '2026-06-30')).toBe('2026-06-30');
    expect(defaultReturnDeadline('2026-06-20', '2026-06-30')).toBe('2026-07-20');
  });
});
