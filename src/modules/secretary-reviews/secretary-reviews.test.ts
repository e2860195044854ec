/** Secretaries' reviews: rounds per level, reports, scores (never one's own), publishing within scope, results into ratings. */
import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildMember, buildTerm, buildWorld, type World } from '../../../test/factories.ts';
import { type Client, createTestServer, type TestServer } from '../../../test/server.ts';
import { auditLog, ratings, secretaryReviewScores, secretaryReviews } from '../../db/schema.ts';

let server: TestServer;
let world: World;
let orgAdminA: Client;
let orgAdminB: Client;
let collegeA1: Client;
let collegeA2: Client;
let secretaryA1: Client;
/** The college's secretary, who also works in the organization department. */
let deanSecretary: Client;
let deanPersonId: string;

beforeAll(async () => {
  server = await createTestServer();
  server.setNow(new Date('2025-12-20T04:00:00Z'));
  world = await buildWorld(server.db);
  const t = world.uniA.tenantId;
  const dean = await buildMember(server.db, { tenantId: t, orgId: world.branchA1.id, code: 'A0100', name: '孙海' });
  deanPersonId = dean.person.id;
  await buildTerm(server.db, {
    tenantId: t,
    orgId: world.collegeA1.id,
    seats: [{ role: 'secretary', personId: dean.person.id }],
  });
  await buildTerm(server.db, {
    tenantId: t,
    orgId: world.branchA1.id,
    seats: [{ role: 'secretary', personId: world.secretaryA1.person.id }],
  });
  await buildTerm(server.db, {
    tenantId: t,
    orgId: world.branchA2.id,
    seats: [{ role: 'secretary', personId: world.memberA2.person.id }],
  });
  await buildAccount(server.db, {
    role: 'orgDepartmentAdmin',
    tenantId: t,
    orgId: world.uniA.rootId,
    personId: dean.person.id,
    username: 'dean-secretary',
    displayName: '孙海',
  });
  [orgAdminA, orgAdminB, collegeA1, collegeA2, secretaryA1, deanSecretary] = await Promise.all(
    ['orgadmin-a', 'orgadmin-b', 'college-a1', 'college-a2', 'secretary-a1', 'dean-secretary'].map((u) =>
      server.signIn(u),
    ),
  );
});
afterAll(() => server.close());

const counts = async () => ({
  reviews: (await server.db.select({ n: count() }).from(secretaryReviews))[0].n,
  scores: (await server.db.select({ n: count() }).from(secretaryReviewScores))[0].n,
  audit: (await server.db.select({ n: count() }).from(auditLog))[0].n,
});
const fieldsOf = (res: { json(): { error: { details: { field: string }[] } } }) =>
  res.json().error.details.map((d) => d.field);
type Review = {
  id: string;
  orgName: string;
  personName: string;
  version: number;
  finalScore: number | null;
  grade: string | null;
  scores: unknown[] | null;
  report: string | null;
};

let branchRound: { id: string; version: number };
const detail = async (client: Client, id = branchRound.id) =>
  (await client.get(`/api/v1/secretary-reviews/rounds/${id}`)).json();
const reviewOf = async (client: Client, personName: string) =>
  ((await detail(client)).reviews as Review[]).find((r) => r.personName === personName) as Review;

describe('opening a round', () => {
  it('a college opens its branch round with every branch secretary in it', async () => {
    const res = await collegeA1.post('/api/v1/secretary-reviews/rounds', {
      orgId: world.collegeA1.id,
      year: 2025,
      level: 'branch',
    });
    expect(res.statusCode).toBe(200);
    branchRound = res.json();
    const d = await detail(collegeA1);
    expect(d.round).toMatchObject({
      level: 'branch',
      status: 'open',
      reviews: 2,
      title: '机电工程学院党总支2025年度党支部书记抓基层党建述职评议考核',
    });
    expect((d.reviews as Review[]).map((r) => [r.orgName, r.personName])).toEqual([
      ['机电教工第一党支部', '王强'],
      ['机电学生第一党支部', '刘洋'],
    ]);
  });

  it('refuses a college-level round at a college, a second round, and another university', async () => {
    const oversight = await server.signIn('oversight');
    const before = await counts();
    const wrong = await collegeA1.post('/api/v1/secretary-reviews/rounds', {
      orgId: world.collegeA1.id,
      year: 2025,
      level: 'college',
    });
    expect(fieldsOf(wrong)).toEqual(['level']);
    const twice = await collegeA1.post('/api/v1/secretary-reviews/rounds', {
      orgId: world.collegeA1.id,
      year: 2025,
      level: 'branch',
    });
    expect(twice.statusCode).toBe(409);
    const readOnly = await oversight.post('/api/v1/secretary-reviews/rounds', {
      orgId: world.collegeA1.id,
      year: 2025,
      level: 'branch',
    });
    expect(readOnly.statusCode).toBe(403);
    const other = await orgAdminB.post('/api/v1/secretary-reviews/rounds', {
      orgId: world.collegeA1.id,
      year: 2025,
      level: 'branch',
    });
    expect(other.statusCode).toBe(404);
    expect(await counts()).toEqual(before);
  });
});

describe('reports and scores', () => {
  it('the secretary sees only their own review and writes the report; a stale version is a 409', async () => {
    const rounds = (await secretaryA1.get('/api/v1/secretary-reviews/rounds?year=2025')).json().items;
    expect(rounds.map((r: { id: string; canManage: boolean }) => [r.id, r.canManage])).toEqual([
      [branchRound.id, false],
    ]);
    const d = await detail(secretaryA1);
    expect((d.reviews as Review[]).map((r) => r.personName)).toEqual(['王强']);
    const mine = d.reviews[0] as Review;
    const res = await secretaryA1.put(`/api/v1/secretary-reviews/reviews/${mine.id}/report`, {
      version: mine.version,
      report: '一年来抓党建工作情况：组织生活按期开展……',
    });
    expect(res.statusCode).toBe(200);
    const stale = await secretaryA1.put(`/api/v1/secretary-reviews/reviews/${mine.id}/report`, {
      version: mine.version,
      report: '重写',
    });
    expect(stale.statusCode).toBe(409);
    const other = await reviewOf(collegeA1, '刘洋');
    expect(
      (await secretaryA1.put(`/api/v1/secretary-reviews/reviews/${other.id}/report`, { version: 1, report: 'x' }))
        .statusCode,
    ).toBe(404);
    expect((await collegeA2.get(`/api/v1/secretary-reviews/rounds/${branchRound.id}`)).statusCode).toBe(404);
  });

  it('organizers score; the secretary cannot score, and a score outside 0–100 is a 400', async () => {
    const wang = await reviewOf(collegeA1, '王强');
    const before = await counts();
    expect(
      (await secretaryA1.put(`/api/v1/secretary-reviews/reviews/${wang.id}/score`, { score: 99 })).statusCode,
    ).toBe(403);
    const bad = await collegeA1.put(`/api/v1/secretary-reviews/reviews/${wang.id}/score`, { score: 101 });
    expect(bad.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
    expect(
      (await collegeA1.put(`/api/v1/secretary-reviews/reviews/${wang.id}/score`, { score: 88, comment: '较好' }))
        .statusCode,
    ).toBe(200);
    expect((await orgAdminA.put(`/api/v1/secretary-reviews/reviews/${wang.id}/score`, { score: 93 })).statusCode).toBe(
      200,
    );
    expect(await counts()).toEqual({ ...before, scores: before.scores + 2, audit: before.audit + 2 });
    const again = await collegeA1.put(`/api/v1/secretary-reviews/reviews/${wang.id}/score`, { score: 80 });
    expect(fieldsOf(again)).toEqual(['version']);
  });

  it('nobody scores their own review, even an organizer', async () => {
    const res = await orgAdminA.post('/api/v1/secretary-reviews/rounds', {
      orgId: world.uniA.rootId,
      year: 2025,
      level: 'college',
    });
    const d = await detail(orgAdminA, res.json().id);
    const own = (d.reviews as Review[]).find((r) => r.personName === '孙海') as Review;
    const before = await counts();
    const refused = await deanSecretary.put(`/api/v1/secretary-reviews/reviews/${own.id}/score`, { score: 100 });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe('不能为本人的述职评分');
    expect(await counts()).toEqual(before);
    // Their own review's reviewer scores are not shown to them.
    expect(
      ((await detail(deanSecretary, res.json().id)).reviews as Review[]).find((r) => r.personName === '孙海')?.scores,
    ).toBeNull();
    expect(deanPersonId).toBeTruthy();
  });
});

describe('publishing', () => {
  it('refuses while a review has no score, naming it, and changes nothing', async () => {
    const liu = await reviewOf(collegeA1, '刘洋');
    const round = (await detail(collegeA1)).round;
    const res = await collegeA1.post(`/api/v1/secretary-reviews/rounds/${branchRound.id}/publish`, {
      version: round.version,
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual([`reviews.${liu.id}`]);
    expect((await detail(collegeA1)).round.status).toBe('open');
  });

  it('publishes the mean and grade, shows them to the secretary, and feeds the draft rating', async () => {
    await server.db.insert(ratings).values({
      tenantId: world.uniA.tenantId,
      orgId: world.branchA1.id,
      year: 2025,
      items: [
        { key: 'role', max: 15, score: 15, source: 'manual', applicable: true, detail: null },
        { key: 'review', max: 10, score: null, source: 'manual', applicable: true, detail: null },
      ],
    });
    const wangBefore = await reviewOf(secretaryA1, '王强');
    expect(wangBefore.finalScore).toBeNull();
    const liu = await reviewOf(collegeA1, '刘洋');
    await collegeA1.put(`/api/v1/secretary-reviews/reviews/${liu.id}/score`, { score: 58 });
    const round = (await detail(collegeA1)).round;
    const res = await collegeA1.post(`/api/v1/secretary-reviews/rounds/${branchRound.id}/publish`, {
      version: round.version,
    });
    expect(res.statusCode).toBe(200);
    const wang = await reviewOf(secretaryA1, '王强');
    expect([wang.finalScore, wang.grade, wang.scores]).toEqual([91, 'excellent', null]);
    expect([(await reviewOf(collegeA1, '刘洋')).finalScore, (await reviewOf(collegeA1, '刘洋')).grade]).toEqual([
      58,
      'poor',
    ]);
    const [rating] = await server.db.select().from(ratings).where(eq(ratings.orgId, world.branchA1.id));
    expect(rating.items).toContainEqual({
      key: 'review',
      max: 10,
      score: 9.1,
      source: 'review',
      applicable: true,
      detail: 'review 91',
    });
    expect(rating.computedScore).toBe(Math.round((100 * 24.1) / 25));
    const late = await collegeA1.put(`/api/v1/secretary-reviews/reviews/${liu.id}/score`, { score: 70, version: 1 });
    expect(late.statusCode).toBe(409);
  });
});

const sheetOf = async (res: { rawPayload: Buffer }) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as never);
  const ws = workbook.worksheets[0];
  const rows: unknown[][] = [];
  ws.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return { name: ws.name, rows };
};
const exportUrl = (id = branchRound.id) => `/api/v1/secretary-reviews/rounds/${id}/export.xlsx`;

describe('the Excel export of a round', () => {
  it('gives the organizer every review with each reviewer’s score, the mean, the grade and publication', async () => {
    const res = await collegeA1.get(exportUrl());
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('述职评议考核.xlsx'));
    const reviewers = ((await reviewOf(collegeA1, '王强')).scores as { reviewerName: string; score: number }[]).map(
      (s) => [s.reviewerName, s.score],
    );
    expect(reviewers.map(([, score]) => score)).toEqual([88, 93]);
    const { name, rows } = await sheetOf(res);
    expect(name).toBe('2025年述职评议');
    const published = '已公布（2025-12-20）';
    expect(rows).toEqual([
      [
        '书记',
        '所在组织',
        '述职报告',
        '提交日期',
        `${reviewers[0][0]}评分`,
        `${reviewers[1][0]}评分`,
        '评分人数',
        '平均得分',
        '等次',
        '结果',
      ],
      ['王强', '机电教工第一党支部', '已提交', '2025-12-20', 88, 93, 2, 91, '好', published],
      ['刘洋', '机电学生第一党支部', '未提交', undefined, 58, undefined, 1, 58, '差', published],
    ]);
  });

  it('gives the secretary only their own review, without the reviewers’ scores', async () => {
    const res = await secretaryA1.get(exportUrl());
    expect(res.statusCode).toBe(200);
    expect((await sheetOf(res)).rows).toEqual([
      ['书记', '所在组织', '述职报告', '提交日期', '评分人数', '平均得分', '等次', '结果'],
      ['王强', '机电教工第一党支部', '已提交', '2025-12-20', undefined, 91, '好', '已公布（2025-12-20）'],
    ]);
  });

  it('shows organizers the mean so far of an open round, without a grade', async () => {
    const round = (
      (await orgAdminA.get('/api/v1/secretary-reviews/rounds?year=2025')).json().items as {
        id: string;
        level: string;
      }[]
    ).find((r) => r.level === 'college') as { id: string };
    const dean = ((await detail(orgAdminA, round.id)).reviews as Review[]).find(
      (r) => r.personName === '孙海',
    ) as Review;
    await orgAdminA.put(`/api/v1/secretary-reviews/reviews/${dean.id}/score`, { score: 75 });
    const { rows } = await sheetOf(await orgAdminA.get(exportUrl(round.id)));
    const row = rows.find((r) => r[0] === '孙海') as unknown[];
    expect(row.slice(-4)).toEqual([1, 75, undefined, '未公布']);
  });

  it('is a 404 out of scope or for an unknown round, a 400 for a malformed id', async () => {
    expect((await collegeA2.get(exportUrl())).statusCode).toBe(404);
    expect((await orgAdminB.get(exportUrl())).statusCode).toBe(404);
    expect((await collegeA1.get(exportUrl('00000000-0000-4000-8000-000000000000'))).statusCode).toBe(404);
    expect((await collegeA1.get(exportUrl('x'))).statusCode).toBe(400);
  });
});

describe('rectification items from a review', () => {
  it('tells who may open one and links the item opened from the review', async () => {
    const oversight = await server.signIn('oversight');
    const flags = async (client: Client) =>
      (
        (await detail(client)).reviews as (Review & { canRectify: boolean; rectification: { id: string } | null })[]
      ).map((r) => [r.personName, r.canRectify, r.rectification?.id ?? null]);
    expect(await flags(collegeA1)).toEqual([
      ['王强', true, null],
      ['刘洋', true, null],
    ]);
    expect((await flags(oversight)).map(([, can]) => can)).toEqual([false, false]);
    const liu = await reviewOf(collegeA1, '刘洋');
    const created = await collegeA1.post('/api/v1/rectifications', {
      reviewId: liu.id,
      measures: '每月向学院党总支报告支部工作',
      deadline: '2026-06-30',
    });
    expect(created.statusCode).toBe(200);
    expect(await flags(collegeA1)).toEqual([
      ['王强', true, null],
      ['刘洋', true, created.json().id],
    ]);
    expect((await reviewOf(collegeA1, '刘洋')) as unknown).toMatchObject({
      rectification: { id: created.json().id, status: 'open' },
    });
  });
});
