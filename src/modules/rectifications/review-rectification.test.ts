import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../../../test/factories.ts';
import { type Client, createTestServer, type TestServer } from '../../../test/server.ts';
import { auditLog, rectifications, secretaryReviewRounds, secretaryReviews } from '../../db/schema.ts';

let server: TestServer;
let world: World;
let collegeA1: Client;
let secretaryA2: Client;
let otherUniversity: Client;

beforeAll(async () => {
  server = await createTestServer();
  world = await buildWorld(server.db);
  [collegeA1, secretaryA2, otherUniversity] = await Promise.all(
    ['college-a1', 'secretary-a2', 'orgadmin-b'].map((u) => server.signIn(u)),
  );
  server.setNow(new Date('2026-03-10T04:00:00Z'));
});
afterAll(() => server.close());

const count = async () => (await server.db.select().from(rectifications)).length;

/** A published 2025 round of branch secretaries held by college A1, with 王强's review graded 一般. */
async function publishedReview() {
  const [round] = await server.db
    .insert(secretaryReviewRounds)
    .values({
      tenantId: world.uniA.tenantId,
      orgId: world.collegeA1.id,
      year: 2025,
      level: 'branch',
      title: '2025年度党支部书记述职评议',
      status: 'published',
      publishedOn: '2026-01-20',
    })
    .returning();
  const [review] = await server.db
    .insert(secretaryReviews)
    .values({
      tenantId: world.uniA.tenantId,
      roundId: round.id,
      personId: world.secretaryA1.person.id,
      orgId: world.branchA1.id,
      report: '述职报告',
      reportedOn: '2026-01-10',
      finalScore: 68,
      grade: 'fair',
    })
    .returning();
  return review;
}

describe('a rectification item from a secretary review', () => {
  it('takes org, year and the secretary as owner from the review, audited, and refuses a second open one', async () => {
    const review = await publishedReview();
    const body = { reviewId: review.id, measures: '每月向院系党委报告支部工作', deadline: '2026-06-30' };
    const res = await collegeA1.post('/api/v1/rectifications', body);
    expect(res.statusCode).toBe(200);
    const item = res.json();
    expect(item).toMatchObject({
      org: { id: world.branchA1.id },
      source: 'review',
      sourceId: review.id,
      year: 2025,
      ownerId: world.secretaryA1.person.id,
      ownerName: '王强',
      status: 'open',
    });
    expect(item.problem).toBe('2025年度党支部书记述职评议：王强述职评议，评议结果为“一般”（68分），需整改提高');
    const audit = await server.db.select().from(auditLog).where(eq(auditLog.entityId, item.id));
    expect(audit.map((a) => a.action)).toEqual(['create']);

    const again = await collegeA1.post('/api/v1/rectifications', body);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toEqual({ id: item.id });
  });

  it('is 404 for a review outside the actor’s scope and writes nothing', async () => {
    const [review] = await server.db.select().from(secretaryReviews);
    const before = await count();
    const body = { reviewId: review.id, problem: '理论学习不够', measures: '制定学习计划', deadline: '2026-06-30' };
    expect((await secretaryA2.post('/api/v1/rectifications', body)).statusCode).toBe(404);
    expect((await otherUniversity.post('/api/v1/rectifications', body)).statusCode).toBe(404);
    expect(await count()).toBe(before);
  });

  it('refuses bad input naming the field and writes nothing', async () => {
    const [review] = await server.db.select().from(secretaryReviews);
    const before = await count();
    const base = { measures: '制定学习计划', deadline: '2026-06-30' };
    const unknown = await collegeA1.post('/api/v1/rectifications', {
      ...base,
      reviewId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(404);
    const otherOrg = await collegeA1.post('/api/v1/rectifications', {
      ...base,
      reviewId: review.id,
      orgId: world.branchA2.id,
    });
    expect(otherOrg.statusCode).toBe(400);
    expect(otherOrg.json().error.details.map((d: { field: string }) => d.field)).toEqual(['body.orgId']);
    const both = await collegeA1.post('/api/v1/rectifications', {
      ...base,
      reviewId: review.id,
      findingId: '00000000-0000-4000-8000-000000000000',
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().error.details.map((d: { field: string }) => d.field)).toEqual(['body.reviewId']);
    const notUuid = await collegeA1.post('/api/v1/rectifications', { ...base, reviewId: 'x' });
    expect(notUuid.statusCode).toBe(400);
    expect(await count()).toBe(before);
  });
});
