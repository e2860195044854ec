/** The ratings endpoints: compute from the engine's findings, manual items, adjustment, finalize, movement, scope. */
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../../../test/factories.ts';
import { type Client, createTestServer, type TestServer } from '../../../test/server.ts';
import { auditLog, ratings, rectifications } from '../../db/schema.ts';
import { standardSetByCode } from '../../domain/compliance/standard-sets.ts';
import { branchLevelRules } from '../compliance/score.ts';
import { insertFinding } from '../compliance/test-support.ts';

let server: TestServer;
let world: World;
let orgAdminA: Client;
let orgAdminB: Client;
let collegeA1: Client;
let collegeA2: Client;
let secretaryA1: Client;

/** How many adopted branch-level rules a family has under the test university's set. */
const rulesOf = (family: string) =>
  branchLevelRules([standardSetByCode.get('hbzy-2019-3s3n')!]).filter((r) => r.family === family).length;
const round1 = (n: number) => Math.round(n * 10) / 10;

beforeAll(async () => {
  server = await createTestServer();
  server.setNow(new Date('2026-03-15T04:00:00Z'));
  world = await buildWorld(server.db);
  [orgAdminA, orgAdminB, collegeA1, collegeA2, secretaryA1] = await Promise.all(
    ['orgadmin-a', 'orgadmin-b', 'college-a1', 'college-a2', 'secretary-a1'].map((u) => server.signIn(u)),
  );
  const tenantId = world.uniA.tenantId;
  const b1 = world.branchA1;
  // 2025: one breached and one warned LIFE check, one breached EDU check; a 2024 breach does not count.
  await insertFinding(server.db, { tenantId, org: b1, rule: 'LIFE-01', period: '2025-Q3' });
  await insertFinding(server.db, { tenantId, org: b1, rule: 'LIFE-01', period: '2025-Q4' });
  await insertFinding(server.db, { tenantId, org: b1, rule: 'LIFE-02', period: '2025', severity: 'warning' });
  await insertFinding(server.db, {
    tenantId,
    org: b1,
    rule: 'EDU-01',
    period: '2025',
    personId: world.memberA1.person.id,
  });
  await insertFinding(server.db, { tenantId, org: b1, rule: 'LIFE-04', period: '2024' });
  await insertFinding(server.db, { tenantId, org: b1, rule: 'LIFE-05', period: '2025', status: 'resolved' });
});
afterAll(() => server.close());

const counts = async () => ({
  ratings: (await server.db.select({ n: count() }).from(ratings))[0].n,
  rectifications: (await server.db.select({ n: count() }).from(rectifications))[0].n,
  audit: (await server.db.select({ n: count() }).from(auditLog))[0].n,
});
const fieldsOf = (res: { json(): { error: { details: { field: string }[] } } }) =>
  res.json().error.details.map((d) => d.field);
type Row = { org: { code: string }; rating: { id: string; version: number; items: { key: string; score: number }[] } };
const rowOf = async (client: Client, code: string, year = 2025) => {
  const res = await client.get(`/api/v1/ratings?year=${year}`);
  return (res.json().items as Row[]).find((r) => r.org.code === code);
};

describe('POST /ratings/compute', () => {
  it('a college admin computes the branches of the college, not the college itself', async () => {
    const res = await collegeA1.post('/api/v1/ratings/compute', { orgId: world.collegeA1.id, year: 2025 });
    expect(res.json()).toEqual({ year: 2025, computed: 2, kept: 0 });
    const rated = await server.db.select({ orgId: ratings.orgId }).from(ratings);
    expect(rated.map((r) => r.orgId).sort()).toEqual([world.branchA1.id, world.branchA2.id].sort());
  });

  it('scores the engine items from the year’s open findings of the subtree', async () => {
    const row = await rowOf(collegeA1, 'b-a1');
    const items = Object.fromEntries((row?.rating.items ?? []).map((i) => [i.key, i]));
    expect(items.LIFE).toMatchObject({
      score: round1(25 * (1 - 1.5 / rulesOf('LIFE'))),
      source: 'computed',
      detail: `rules ${rulesOf('LIFE')}, branches 1, breached 1, warned 1`,
    });
    expect(items.EDU.score).toBe(round1(15 * (1 - 1 / rulesOf('EDU'))));
    expect(items.DUES.score).toBe(10);
    expect(items.role).toMatchObject({ score: null, source: 'manual' });
  });

  it('the organization department computes the rest of the university; another university gets a 404', async () => {
    const res = await orgAdminA.post('/api/v1/ratings/compute', { orgId: world.uniA.rootId, year: 2025 });
    expect(res.json()).toEqual({ year: 2025, computed: 5, kept: 0 });
    const before = await counts();
    expect(
      (await orgAdminB.post('/api/v1/ratings/compute', { orgId: world.collegeA1.id, year: 2025 })).statusCode,
    ).toBe(404);
    expect(
      (await secretaryA1.post('/api/v1/ratings/compute', { orgId: world.branchA1.id, year: 2025 })).statusCode,
    ).toBe(403);
    expect(await counts()).toEqual(before);
  });
});

describe('manual items, adjustment and finalize', () => {
  it('refuses a grade without a rubric score, naming the unscored items, and writes nothing', async () => {
    const row = await rowOf(collegeA1, 'b-a1');
    const before = await counts();
    const res = await collegeA1.post(`/api/v1/ratings/${row?.rating.id}/finalize`, { version: row?.rating.version });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['items.role', 'items.masses', 'items.review']);
    const adjust = await collegeA1.put(`/api/v1/ratings/${row?.rating.id}/adjustment`, {
      version: row?.rating.version,
      adjustment: 5,
      reason: '工作有特色',
    });
    expect(fieldsOf(adjust)).toEqual(['items.role', 'items.masses', 'items.review']);
    expect(await counts()).toEqual(before);
  });

  it('enters manual scores within their points, and a score above the item is a 400', async () => {
    const row = await rowOf(collegeA1, 'b-a1');
    const over = await collegeA1.put(`/api/v1/ratings/${row?.rating.id}/items`, {
      version: row?.rating.version,
      scores: { role: 16 },
    });
    expect(fieldsOf(over)).toEqual(['scores.role']);
    const res = await collegeA1.put(`/api/v1/ratings/${row?.rating.id}/items`, {
      version: row?.rating.version,
      scores: { role: 0, masses: 0, review: 0 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().computedScore).toEqual(expect.any(Number));
    const stale = await collegeA1.put(`/api/v1/ratings/${row?.rating.id}/items`, {
      version: row?.rating.version,
      scores: { role: 1 },
    });
    expect(stale.statusCode).toBe(409);
  });

  it('adjusts only with a reason, records who and when, and is audited', async () => {
    const row = await rowOf(collegeA1, 'b-a1');
    const noReason = await collegeA1.put(`/api/v1/ratings/${row?.rating.id}/adjustment`, {
      version: row?.rating.version,
      adjustment: -15,
      reason: '  ',
    });
    expect(fieldsOf(noReason)).toEqual(['reason']);
    const before = await counts();
    const res = await collegeA1.put(`/api/v1/ratings/${row?.rating.id}/adjustment`, {
      version: row?.rating.version,
      adjustment: -15,
      reason: '年内两次组织生活未按期召开',
    });
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ adjustment: -15, adjustmentReason: '年内两次组织生活未按期召开', status: 'draft' });
    expect(r.adjustedByName).toBeTruthy();
    expect(r.finalScore).toBe(Math.max(0, r.computedScore - 15));
    expect(await counts()).toEqual({ ...before, audit: before.audit + 1 });
    const [entry] = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'rating'), eq(auditLog.action, 'adjust')));
    expect(entry.entityId).toBe(row?.rating.id);
  });

  it('the branch secretary cannot adjust their own rating; another college gets a 404', async () => {
    const row = await rowOf(collegeA1, 'b-a1');
    const body = { version: row?.rating.version, adjustment: 10, reason: '自评' };
    expect((await secretaryA1.put(`/api/v1/ratings/${row?.rating.id}/adjustment`, body)).statusCode).toBe(403);
    expect((await collegeA2.put(`/api/v1/ratings/${row?.rating.id}/adjustment`, body)).statusCode).toBe(404);
    expect((await orgAdminB.put(`/api/v1/ratings/${row?.rating.id}/adjustment`, body)).statusCode).toBe(404);
  });

  it('finalizes a lagging grade with its rectification plan in the same transaction', async () => {
    const row = await rowOf(collegeA1, 'b-a1');
    const res = await collegeA1.post(`/api/v1/ratings/${row?.rating.id}/finalize`, {
      version: row?.rating.version,
      rectificationDeadline: '2026-05-31',
    });
    expect(res.statusCode).toBe(200);
    const { rating, rectificationId } = res.json();
    expect(rating).toMatchObject({ status: 'final', grade: 'lagging', ratedOn: '2026-03-15' });
    const [item] = await server.db.select().from(rectifications).where(eq(rectifications.id, rectificationId));
    expect(item).toMatchObject({
      orgId: world.branchA1.id,
      source: 'rating',
      sourceId: rating.id,
      year: 2025,
      deadline: '2026-05-31',
      status: 'open',
    });
    expect(item.problem).toContain(`2025年分类定级为“后进”（${rating.finalScore}分）`);
    const again = await collegeA1.post(`/api/v1/ratings/${rating.id}/finalize`, { version: rating.version });
    expect(again.statusCode).toBe(409);
  });

  it('finalizes a good grade without a rectification', async () => {
    const row = await rowOf(collegeA1, 'b-a2');
    const scored = await collegeA1.put(`/api/v1/ratings/${row?.rating.id}/items`, {
      version: row?.rating.version,
      scores: { role: 15, masses: 10, review: 10 },
    });
    const before = await counts();
    const res = await collegeA1.post(`/api/v1/ratings/${row?.rating.id}/finalize`, { version: scored.json().version });
    expect(res.json()).toMatchObject({ rating: { grade: 'advanced', finalScore: 100 }, rectificationId: null });
    expect(await counts()).toEqual({ ...before, audit: before.audit + 1 });
  });
});

describe('GET /ratings, movement and the evaluation page', () => {
  it('shows last year’s grade and the movement; drafts only to those who rate the org', async () => {
    await server.db.insert(ratings).values([
      {
        tenantId: world.uniA.tenantId,
        orgId: world.branchA1.id,
        year: 2024,
        status: 'final',
        grade: 'good',
        computedScore: 80,
      },
      {
        tenantId: world.uniA.tenantId,
        orgId: world.branchA2.id,
        year: 2024,
        status: 'final',
        grade: 'fair',
        computedScore: 65,
      },
    ]);
    const res = await collegeA1.get(`/api/v1/ratings?year=2025&orgId=${world.collegeA1.id}`);
    const rows = res.json().items as { org: { code: string }; previousGrade: string; movement: string }[];
    expect(rows.map((r) => [r.org.code, r.previousGrade, r.movement])).toEqual([
      ['c-a1', null, null],
      ['b-a1', 'good', 'demoted'],
      ['b-a2', 'fair', 'promoted'],
    ]);
    expect(res.json().counts).toEqual({ advanced: 1, good: 0, fair: 0, lagging: 1, unrated: 1 });
    const mine = (await secretaryA1.get('/api/v1/ratings?year=2025')).json();
    expect(mine.items.map((r: Row) => [r.org.code, r.rating?.id !== undefined])).toEqual([['b-a1', true]]);
    // The college's own draft is the organization department's, not the college admin's.
    const college = (await rowOf(collegeA1, 'c-a1')) as Row | undefined;
    expect(college?.rating).toBeNull();
    expect((await rowOf(orgAdminA, 'c-a1'))?.rating).not.toBeNull();
  });

  it('exports the list as Excel', async () => {
    const res = await collegeA1.get(`/api/v1/ratings/export.xlsx?year=2025&orgId=${world.collegeA1.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
  });

  it('a branch’s evaluation across years: grades, movement and rectifications; out of scope is a 404', async () => {
    const res = await secretaryA1.get(`/api/v1/ratings/orgs/${world.branchA1.id}/evaluation`);
    expect(res.statusCode).toBe(200);
    const years = res.json().years as {
      year: number;
      rating: { grade: string };
      movement: string;
      rectifications: { source: string }[];
    }[];
    expect(years.map((y) => [y.year, y.rating?.grade, y.movement, y.rectifications.map((i) => i.source)])).toEqual([
      [2025, 'lagging', 'demoted', ['rating']],
      [2024, 'good', 'new', []],
    ]);
    expect((await collegeA2.get(`/api/v1/ratings/orgs/${world.branchA1.id}/evaluation`)).statusCode).toBe(404);
  });
});
