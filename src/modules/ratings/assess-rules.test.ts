/** ASSESS-01 and ASSESS-02 on real records through the engine: passing and failing, with the messages. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingsFor } from '../../../test/compliance.ts';
import { createTestDatabase } from '../../../test/db.ts';
import { buildMember, buildOrg, buildTerm, buildUniversity } from '../../../test/factories.ts';
import type { Database } from '../../db/connect.ts';
import { ratings, rectifications, secretaryReviewRounds, secretaryReviews } from '../../db/schema.ts';

let database: Database;
const closed = { asOf: '2026-03-01', from: '2025-01-01', to: '2025-12-31' };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** A college and a branch, each with a secretary since 2024. */
async function university() {
  const db = database.db;
  const uni = await buildUniversity(db);
  const tenantId = uni.tenantId;
  const college = await buildOrg(db, { tenantId, parentId: uni.rootId, kind: 'college', code: 'c1' });
  const branch = await buildOrg(db, { tenantId, parentId: college.id, kind: 'branch', code: 'b1' });
  const dean = await buildMember(db, { tenantId, orgId: branch.id, name: '孙海' });
  const secretary = await buildMember(db, { tenantId, orgId: branch.id, name: '王强' });
  await buildTerm(db, { tenantId, orgId: college.id, seats: [{ role: 'secretary', personId: dean.person.id }] });
  await buildTerm(db, { tenantId, orgId: branch.id, seats: [{ role: 'secretary', personId: secretary.person.id }] });
  return { tenantId, rootId: uni.rootId, college, branch, dean: dean.person, secretary: secretary.person };
}

const summary = async (tenantId: string, rule: string, range = closed) =>
  (await findingsFor(database.db, { tenantId, rules: [rule], ...range }))
    .map((f) => [f.severity, f.org, f.period, f.message, f.messageEn])
    .sort((a, b) => String(a[1]).localeCompare(String(b[1])));

describe('ASSESS-01 every college-level and branch secretary is reviewed once a year', () => {
  it('fails without a round, then with an unpublished one, and passes once published', async () => {
    const u = await university();
    expect(await summary(u.tenantId, 'ASSESS-01')).toEqual([
      [
        'breach',
        'b1',
        '2025',
        '2025年党支部书记王强未进行抓基层党建述职评议考核',
        'branch secretary 王强 was not reviewed for 2025',
      ],
      [
        'breach',
        'c1',
        '2025',
        '2025年二级党组织书记孙海未进行抓基层党建述职评议考核',
        'college-level secretary 孙海 was not reviewed for 2025',
      ],
    ]);
    const [round] = await database.db
      .insert(secretaryReviewRounds)
      .values({ tenantId: u.tenantId, orgId: u.college.id, year: 2025, level: 'branch', title: '2025年度述职评议' })
      .returning();
    await database.db
      .insert(secretaryReviews)
      .values({ tenantId: u.tenantId, roundId: round.id, personId: u.secretary.id, orgId: u.branch.id });
    expect((await summary(u.tenantId, 'ASSESS-01')).map((f) => f[3])).toEqual([
      '2025年党支部书记王强的述职评议考核尚未公布结果',
      '2025年二级党组织书记孙海未进行抓基层党建述职评议考核',
    ]);
    await database.db
      .update(secretaryReviewRounds)
      .set({ status: 'published' })
      .where(eq(secretaryReviewRounds.id, round.id));
    const [top] = await database.db
      .insert(secretaryReviewRounds)
      .values({
        tenantId: u.tenantId,
        orgId: u.rootId,
        year: 2025,
        level: 'college',
        title: '2025年度二级党组织书记述职评议',
        status: 'published',
      })
      .returning();
    await database.db
      .insert(secretaryReviews)
      .values({ tenantId: u.tenantId, roundId: top.id, personId: u.dean.id, orgId: u.college.id });
    expect(await summary(u.tenantId, 'ASSESS-01')).toEqual([]);
  });

  it('warns in the last weeks of the running year and says nothing before', async () => {
    const u = await university();
    const late = await summary(u.tenantId, 'ASSESS-01', { asOf: '2025-12-20', from: '2025-01-01', to: '2025-12-20' });
    expect(late.map((f) => f[0])).toEqual(['warning', 'warning']);
    expect(
      await summary(u.tenantId, 'ASSESS-01', { asOf: '2025-06-01', from: '2025-01-01', to: '2025-06-01' }),
    ).toEqual([]);
  });
});

describe('ASSESS-02 every organization is rated once a year; fair and lagging get a plan', () => {
  it('fails unrated, draft, and fair-without-plan orgs, and passes with final grades and the plan', async () => {
    const u = await university();
    expect(await summary(u.tenantId, 'ASSESS-02')).toEqual([
      ['breach', 'b1', '2025', '2025年未进行分类定级', 'not rated for 2025'],
      ['breach', 'c1', '2025', '2025年未进行分类定级', 'not rated for 2025'],
    ]);
    await database.db.insert(ratings).values({
      tenantId: u.tenantId,
      orgId: u.college.id,
      year: 2025,
      status: 'final',
      grade: 'good',
      computedScore: 82,
    });
    const [draft] = await database.db
      .insert(ratings)
      .values({ tenantId: u.tenantId, orgId: u.branch.id, year: 2025, computedScore: 66 })
      .returning();
    expect(await summary(u.tenantId, 'ASSESS-02')).toEqual([
      ['breach', 'b1', '2025', '2025年分类定级尚未确定等次', 'the 2025 rating is not final'],
    ]);
    await database.db.update(ratings).set({ status: 'final', grade: 'fair' }).where(eq(ratings.id, draft.id));
    expect(await summary(u.tenantId, 'ASSESS-02')).toEqual([
      [
        'breach',
        'b1',
        '2025',
        '2025年定级为“一般”，未制定整改方案',
        'rated fair for 2025 without a rectification plan',
      ],
    ]);
    await database.db.insert(rectifications).values({
      tenantId: u.tenantId,
      orgId: u.branch.id,
      source: 'rating',
      sourceId: draft.id,
      year: 2025,
      problem: '2025年分类定级为“一般”',
      ownerName: '王强',
      measures: '制定整改提高方案',
      deadline: '2026-06-30',
    });
    expect(await summary(u.tenantId, 'ASSESS-02')).toEqual([]);
  });
});
