/** DEV-11 … DEV-14 on real records through the engine: passing and failing, with the exact messages. */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingsFor } from '../../../test/compliance.ts';
import { createTestDatabase } from '../../../test/db.ts';
import { buildMember, buildOrg, buildPerson, buildTerm, buildUniversity } from '../../../test/factories.ts';
import type { Database } from '../../db/connect.ts';
import { devContacts, devEvents, devPlanLines, devPlans, devPoolAnalyses, headcounts } from '../../db/schema.ts';
import { admittedOn, buildDevCase, vote } from './test-support.ts';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** A college with a teacher branch and a student branch. */
async function college() {
  const db = database.db;
  const uni = await buildUniversity(db);
  const tenantId = uni.tenantId;
  const c = await buildOrg(db, { tenantId, parentId: uni.rootId, kind: 'college', name: '信息学院党总支' });
  const teachers = await buildOrg(db, { tenantId, parentId: c.id, kind: 'branch', name: '信息教工党支部' });
  const students = await buildOrg(db, {
    tenantId,
    parentId: c.id,
    kind: 'branch',
    name: '信息学生党支部',
    branchCategory: 'student',
  });
  return { tenantId, college: c, teachers, students };
}

const summary = async (tenantId: string, rule: string, range: { asOf: string; from: string; to: string }) =>
  (await findingsFor(database.db, { tenantId, rules: [rule], ...range })).map((f) => [
    f.severity,
    f.org,
    f.period,
    f.message,
    f.messageEn,
  ]);

describe('DEV-11 the activist pool is analysed once a year', () => {
  it('breaches a closed year without an analysis after 31 March, warns before and near the end of the open one, passes with one', async () => {
    const { tenantId, college: c } = await college();
    const closed = { asOf: '2026-04-01', from: '2025-01-01', to: '2025-12-31' };
    // Until 31 March the year's analysis may still be held: a to-do, not yet a breach.
    expect((await summary(tenantId, 'DEV-11', { ...closed, asOf: '2026-03-31' })).map((f) => f[0])).toEqual([
      'warning',
    ]);
    expect(await summary(tenantId, 'DEV-11', closed)).toEqual([
      [
        'breach',
        c.code,
        '2025',
        '2025年未开展入党积极分子队伍状况分析（要求每年至少1次）',
        'no activist pool analysis in 2025 (required: at least 1 a year)',
      ],
    ]);
    const open = { asOf: '2025-12-15', from: '2025-01-01', to: '2025-12-31' };
    expect((await summary(tenantId, 'DEV-11', open)).map((f) => [f[0], f[3]])).toEqual([
      ['warning', '2025年已开展入党积极分子队伍状况分析0次，距期末还有17天（要求每年至少1次）'],
    ]);
    // Far from the year's end nothing is due yet.
    expect(await summary(tenantId, 'DEV-11', { ...open, asOf: '2025-06-01' })).toEqual([]);
    await database.db.insert(devPoolAnalyses).values({
      tenantId,
      orgId: c.id,
      year: 2025,
      heldOn: '2025-11-20',
      summary: '积极分子12名，其中青年教师3名；学生积极分子推优比例偏低',
      recordedByName: '组织员',
    });
    expect(await summary(tenantId, 'DEV-11', closed)).toEqual([]);
  });
});

describe('DEV-12 admissions follow the annual plan, without a rush in one month', () => {
  const range = { asOf: '2026-03-01', from: '2025-01-01', to: '2025-12-31' };

  it('breaches admissions without a plan and over it, and a month with most of the year; passes within the plan', async () => {
    const db = database.db;
    const { tenantId, college: c, students } = await college();
    const days = ['2025-05-20', '2025-06-10', '2025-06-12', '2025-06-20', '2025-11-15'];
    const cases = [];
    for (const [i, on] of days.entries()) {
      const p = await buildPerson(db, { tenantId, name: `学生${i + 1}`, personCategory: 'student' });
      cases.push(await buildDevCase(db, { tenantId, orgId: students.id, personId: p.id, events: admittedOn(on) }));
    }
    // Neither a vote that failed nor a vote the superior then refused is an admission.
    const failed = await buildPerson(db, { tenantId, personCategory: 'student' });
    await buildDevCase(db, {
      tenantId,
      orgId: students.id,
      personId: failed.id,
      events: admittedOn('2025-06-15', vote(10, 5)),
    });
    const refused = await buildPerson(db, { tenantId, personCategory: 'student' });
    await buildDevCase(db, {
      tenantId,
      orgId: students.id,
      personId: refused.id,
      events: [...admittedOn('2025-06-16'), ['notAdmitted', '2025-07-01']],
    });

    expect(await summary(tenantId, 'DEV-12', range)).toEqual([
      [
        'breach',
        c.code,
        '2025',
        '2025年发展党员5名，未制定年度发展计划；6月集中发展3名，占全年5名的60%（要求不超过40%，不得突击发展）',
        '2025: 5 admitted without an annual development plan; 3 of 5 admitted in 2025-06 (60%; at most 40%, no rush admissions)',
      ],
    ]);

    const [plan] = await db.insert(devPlans).values({ tenantId, orgId: c.id, year: 2025 }).returning();
    await db.insert(devPlanLines).values([
      { tenantId, planId: plan.id, orgId: students.id, category: 'student', quota: 4 },
      { tenantId, planId: plan.id, orgId: students.id, category: 'staff', quota: 1 },
    ]);
    expect((await summary(tenantId, 'DEV-12', range)).map((f) => f[3])).toEqual([
      '2025年超出发展计划：信息学生党支部学生5名（计划4名）；6月集中发展3名，占全年5名的60%（要求不超过40%，不得突击发展）',
    ]);

    await db.update(devPlanLines).set({ quota: 5 }).where(eq(devPlanLines.category, 'student'));
    // One June admission moves to September: two in a month of five is 40%, allowed.
    await db
      .update(devEvents)
      .set({ on: '2025-09-18' })
      .where(and(eq(devEvents.caseId, cases[3].id), eq(devEvents.step, 'admissionVote')));
    expect(await summary(tenantId, 'DEV-12', range)).toEqual([]);
  });

  it('warns in the open year', async () => {
    const db = database.db;
    const { tenantId, college: c, teachers } = await college();
    const p = await buildPerson(db, { tenantId });
    await buildDevCase(db, { tenantId, orgId: teachers.id, personId: p.id, events: admittedOn('2025-04-10') });
    expect(await summary(tenantId, 'DEV-12', { asOf: '2025-05-01', from: '2025-01-01', to: '2025-12-31' })).toEqual([
      [
        'warning',
        c.code,
        '2025',
        '2025年发展党员1名，未制定年度发展计划',
        '2025: 1 admitted without an annual development plan',
      ],
    ]);
  });
});

describe('DEV-12 judges the share of one month only when the year is over', () => {
  it('says nothing of a spring batch mid-year, and breaches the same batch once the year has closed', async () => {
    const db = database.db;
    const { tenantId, college: c, students } = await college();
    for (const on of ['2025-05-20', '2025-05-21', '2025-05-22', '2025-05-23', '2025-05-24']) {
      const p = await buildPerson(db, { tenantId, personCategory: 'student' });
      await buildDevCase(db, { tenantId, orgId: students.id, personId: p.id, events: admittedOn(on) });
    }
    const [plan] = await db.insert(devPlans).values({ tenantId, orgId: c.id, year: 2025 }).returning();
    await db
      .insert(devPlanLines)
      .values({ tenantId, planId: plan.id, orgId: students.id, category: 'student', quota: 10 });
    const year = { from: '2025-01-01', to: '2025-12-31' };
    expect(await summary(tenantId, 'DEV-12', { ...year, asOf: '2025-07-01' })).toEqual([]);
    expect((await summary(tenantId, 'DEV-12', { ...year, asOf: '2026-01-05' })).map((f) => [f[0], f[3]])).toEqual([
      ['breach', '2025年5月集中发展5名，占全年5名的100%（要求不超过40%，不得突击发展）'],
    ]);
  });
});

describe('DEV-13 student members are about 5% of students', () => {
  it('notes a missing headcount and a ratio below the target, and passes around it', async () => {
    const db = database.db;
    const { tenantId, students } = await college();
    const asOf = { asOf: '2025-10-01', from: '2025-10-01', to: '2025-10-01' };
    for (let i = 0; i < 2; i++) await buildMember(db, { tenantId, orgId: students.id, personCategory: 'student' });
    const uni = (await findingsFor(db, { tenantId, rules: ['DEV-13'], ...asOf }))[0]?.org;
    expect(await summary(tenantId, 'DEV-13', asOf)).toEqual([
      [
        'info',
        uni,
        null,
        '未登记在校学生人数，无法计算学生党员比例（学生党员2人）',
        'no student headcount recorded, so the student member ratio cannot be computed (2 student members)',
      ],
    ]);
    await db.insert(headcounts).values({ tenantId, year: 2025, staff: 20, students: 100 });
    expect(await summary(tenantId, 'DEV-13', asOf)).toEqual([
      [
        'info',
        uni,
        null,
        '学生党员占在校学生的2%（学生党员2人／2025年在校学生100人），低于目标5%左右（允许±1%）',
        'student members are 2% of students (2 of 100 in 2025), below the target of about 5% (±1%)',
      ],
    ]);
    for (let i = 0; i < 3; i++) await buildMember(db, { tenantId, orgId: students.id, personCategory: 'student' });
    expect(await summary(tenantId, 'DEV-13', asOf)).toEqual([]);
  });
});

describe('DEV-14 college and teacher-branch secretaries are in contact with young-teacher activists', () => {
  it('breaches young teachers without a secretary and an idle college secretary, passes once both are linked', async () => {
    const db = database.db;
    const { tenantId, college: c, teachers } = await college();
    const collegeSecretary = await buildMember(db, { tenantId, orgId: teachers.id, name: '总支书记' });
    const branchSecretary = await buildMember(db, { tenantId, orgId: teachers.id, name: '支部书记' });
    await buildTerm(db, {
      tenantId,
      orgId: c.id,
      seats: [{ role: 'secretary', personId: collegeSecretary.person.id }],
    });
    await buildTerm(db, {
      tenantId,
      orgId: teachers.id,
      seats: [{ role: 'secretary', personId: branchSecretary.person.id }],
    });
    const young = await buildPerson(db, { tenantId, code: 'T9001', name: '青年教师甲', birthDate: '1992-05-01' });
    const older = await buildPerson(db, { tenantId, code: 'T9002', name: '资深教师乙', birthDate: '1980-05-01' });
    const activist = (personId: string) =>
      buildDevCase(db, {
        tenantId,
        orgId: teachers.id,
        personId,
        events: [
          ['application', '2025-03-01'],
          ['activist', '2025-09-01'],
        ],
      });
    const youngCase = await activist(young.id);
    await activist(older.id);
    const range = { asOf: '2026-03-01', from: '2026-03-01', to: '2026-03-01' };

    expect(await summary(tenantId, 'DEV-14', range)).toEqual([
      [
        'breach',
        c.code,
        null,
        '1名青年教师入党积极分子未确定联系的书记（青年教师甲）；二级党组织书记未联系任何青年教师入党积极分子',
        '1 young-teacher activist(s) have no secretary in contact (T9001); the college-level secretary is in contact with no young-teacher activist',
      ],
    ]);
    // A contact that ended before asOf does not count; the branch secretary's current one does.
    await db.insert(devContacts).values([
      {
        tenantId,
        caseId: youngCase.id,
        secretaryId: collegeSecretary.person.id,
        fromOn: '2025-09-10',
        toOn: '2025-12-31',
      },
      { tenantId, caseId: youngCase.id, secretaryId: branchSecretary.person.id, fromOn: '2025-09-10' },
    ]);
    expect((await summary(tenantId, 'DEV-14', range)).map((f) => f[3])).toEqual([
      '二级党组织书记未联系任何青年教师入党积极分子',
    ]);
    await db
      .insert(devContacts)
      .values({ tenantId, caseId: youngCase.id, secretaryId: collegeSecretary.person.id, fromOn: '2026-01-05' });
    expect(await summary(tenantId, 'DEV-14', range)).toEqual([]);
    // Within a month of becoming an activist no secretary is due yet (graceDays 30).
    expect(await summary(tenantId, 'DEV-14', { ...range, asOf: '2025-09-20' })).toEqual([]);
  });
});
