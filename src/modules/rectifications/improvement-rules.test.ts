/** ASSESS-03, ASSESS-04 and ASSESS-05 on real records through the engine: passing and failing, with the messages. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingsFor } from '../../../test/compliance.ts';
import { createTestDatabase } from '../../../test/db.ts';
import { buildMeeting, buildMember, buildOrg, buildTerm, buildUniversity } from '../../../test/factories.ts';
import type { Database } from '../../db/connect.ts';
import { ratings, rectifications, reorganizations, surveys } from '../../db/schema.ts';
import { sixChecks } from '../surveys/six-checks.ts';

let database: Database;
const range = { asOf: '2026-03-01', from: '2025-01-01', to: '2025-12-31' };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

async function branch() {
  const db = database.db;
  const uni = await buildUniversity(db);
  const tenantId = uni.tenantId;
  const college = await buildOrg(db, { tenantId, parentId: uni.rootId, kind: 'college' });
  const b = await buildOrg(db, { tenantId, parentId: college.id, kind: 'branch' });
  return { tenantId, college, branch: b };
}

const summary = async (tenantId: string, rule: string) =>
  (await findingsFor(database.db, { tenantId, rules: [rule], ...range })).map((f) => [
    f.severity,
    f.org,
    f.period,
    f.message,
  ]);

const item = (
  tenantId: string,
  orgId: string,
  values: Partial<typeof rectifications.$inferInsert> & { problem: string },
) =>
  database.db
    .insert(rectifications)
    .values({
      tenantId,
      orgId,
      source: 'manual',
      year: 2025,
      ownerName: '王强',
      measures: '制定学习计划并按月落实',
      deadline: '2025-10-31',
      ...values,
    })
    .returning();

const checklist = sixChecks.map((check) => ({ check, result: 'good', note: '' }));

describe('ASSESS-03 each branch rectifies at least 2 problems a year, verified by its superior', () => {
  it('fails a branch without verified items, counts only verified ones with evidence, and reports overdue items', async () => {
    const { tenantId, branch: b } = await branch();
    expect(await summary(tenantId, 'ASSESS-03')).toEqual([
      ['breach', b.code, '2025', '2025年经上级验收的整改问题0个（要求至少2个）'],
    ]);
    await item(tenantId, b.id, {
      problem: '“三会一课”记录不规范',
      status: 'verified',
      evidence: '2025年9—10月会议记录',
      doneOn: '2025-10-20',
      verifiedOn: '2025-11-02',
      verifiedByName: '机电学院党总支',
    });
    const [second] = await item(tenantId, b.id, {
      problem: '党员学习台账缺失',
      status: 'done',
      evidence: '学习台账照片',
      doneOn: '2025-10-25',
    });
    expect(await summary(tenantId, 'ASSESS-03')).toEqual([
      ['breach', b.code, '2025', '2025年经上级验收的整改问题1个（要求至少2个），另有1个未完成或未验收'],
    ]);
    await database.db
      .update(rectifications)
      .set({ status: 'verified', verifiedOn: '2025-11-05', verifiedByName: '机电学院党总支' })
      .where(eq(rectifications.id, second.id));
    expect(await summary(tenantId, 'ASSESS-03')).toEqual([]);

    // An open item past its deadline is a breach of its own, whatever the year's count.
    await item(tenantId, b.id, { problem: '支部活动阵地未挂牌', year: 2026, deadline: '2026-02-15' });
    await item(tenantId, b.id, { problem: '组织生活会整改未公示', year: 2026, deadline: '2026-05-15' });
    expect(await summary(tenantId, 'ASSESS-03')).toEqual([
      ['breach', b.code, null, '1个整改事项逾期未完成：支部活动阵地未挂牌（期限2026-02-15）'],
    ]);
  });
});

describe('ASSESS-05 every branch is surveyed once a year', () => {
  it('fails a branch without a survey of the year and passes once it is surveyed', async () => {
    const { tenantId, branch: b } = await branch();
    expect(await summary(tenantId, 'ASSESS-05')).toEqual([
      ['breach', b.code, '2025', '2025年未对党支部开展摸底排查（六查六看）'],
    ]);
    await database.db.insert(surveys).values({
      tenantId,
      orgId: b.id,
      year: 2025,
      surveyedOn: '2025-11-12',
      checklist,
      conclusion: '支部运行正常',
      recordedByName: '机电学院党总支',
    });
    expect(await summary(tenantId, 'ASSESS-05')).toEqual([]);
  });
});

describe('ASSESS-04 a weak branch is put under time-limited reorganization', () => {
  it('names each weakness, and passes once the branch is fixed or under reorganization', async () => {
    const { tenantId, branch: b } = await branch();
    const members = [];
    for (let i = 0; i < 7; i++) members.push(await buildMember(database.db, { tenantId, orgId: b.id }));
    expect(await summary(tenantId, 'ASSESS-04')).toEqual([
      [
        'breach',
        b.code,
        null,
        '党支部正式党员7名，应设未设支部委员会；3个月以上未过组织生活（无记录），未列入限期整顿',
      ],
    ]);

    await buildTerm(database.db, {
      tenantId,
      orgId: b.id,
      electedOn: '2024-09-10',
      seats: [
        { role: 'secretary', personId: members[0].person.id },
        { role: 'organizationMember', personId: members[1].person.id },
        { role: 'propagandaMember', personId: members[2].person.id },
      ],
    });
    await buildMeeting(database.db, { tenantId, orgId: b.id, type: 'generalAssembly', heldOn: '2025-11-20' });
    // A committee meeting is not the members' organizational life.
    await buildMeeting(database.db, { tenantId, orgId: b.id, type: 'committeeMeeting', heldOn: '2026-02-10' });
    expect(await summary(tenantId, 'ASSESS-04')).toEqual([
      ['breach', b.code, null, '党支部3个月以上未过组织生活（最近一次2025-11-20），未列入限期整顿'],
    ]);

    // A group's meeting is the branch's organizational life.
    const group = await buildOrg(database.db, { tenantId, parentId: b.id, kind: 'group' });
    await buildMeeting(database.db, { tenantId, orgId: group.id, type: 'groupMeeting', heldOn: '2026-01-10' });
    expect(await summary(tenantId, 'ASSESS-04')).toEqual([]);

    await database.db.insert(surveys).values({
      tenantId,
      orgId: b.id,
      year: 2025,
      surveyedOn: '2025-12-01',
      checklist,
      conclusion: '班子不团结，作用发挥不明显',
      weak: true,
      recordedByName: '机电学院党总支',
    });
    expect(await summary(tenantId, 'ASSESS-04')).toEqual([
      ['breach', b.code, null, '党支部2025年摸底排查认定为软弱涣散，未列入限期整顿'],
    ]);

    const [reorganization] = await database.db
      .insert(reorganizations)
      .values({
        tenantId,
        orgId: b.id,
        reasons: ['surveyWeak'],
        startedOn: '2026-01-05',
        endsOn: '2026-06-30',
        plan: '调整支委班子，恢复每月主题党日',
      })
      .returning();
    expect(await summary(tenantId, 'ASSESS-04')).toEqual([]);

    await database.db
      .update(reorganizations)
      .set({ endsOn: '2026-02-20' })
      .where(eq(reorganizations.id, reorganization.id));
    expect(await summary(tenantId, 'ASSESS-04')).toEqual([
      ['breach', b.code, null, '限期整顿已于2026-02-20到期（2026-01-05开始），尚未结束'],
    ]);
  });

  it('counts a final lagging rating of this year or last, not a draft', async () => {
    const { tenantId, branch: b } = await branch();
    await buildMeeting(database.db, { tenantId, orgId: b.id, type: 'themeDay', heldOn: '2026-02-20' });
    const [rating] = await database.db
      .insert(ratings)
      .values({ tenantId, orgId: b.id, year: 2025, status: 'draft', grade: null })
      .returning();
    expect(await summary(tenantId, 'ASSESS-04')).toEqual([]);
    await database.db.update(ratings).set({ status: 'final', grade: 'lagging' }).where(eq(ratings.id, rating.id));
    expect(await summary(tenantId, 'ASSESS-04')).toEqual([
      ['breach', b.code, null, '党支部2025年定级为后进，未列入限期整顿'],
    ]);
  });
});
