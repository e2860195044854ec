/**
 * The "at least N meetings per period" LIFE rules (LIFE-01…07, 21) on real records through the
 * real evaluation path, with their boundaries: the last day of a quarter, a branch dissolved
 * mid-year or created mid-quarter, the open period, planned meetings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/db.ts';
import { buildMembership, buildOrg, buildPerson } from '../../../../test/factories.ts';
import type { Database, Db } from '../../../db/connect.ts';
import { brief, lifeWorld, monthly } from './life-world.ts';

let database: Database;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(() => database.close());

describe('LIFE-01 general assembly every quarter', () => {
  it('a meeting on the last day of a quarter counts for it; a missing quarter is a breach', async () => {
    const w = await lifeWorld(db);
    await w.meetings('generalAssembly', ['2021-03-31', '2021-06-15', '2021-09-30', '2021-12-15']);
    expect(await w.run('LIFE-01', '2022-01-10')).toEqual([]);

    const gap = await lifeWorld(db);
    // 2021-04-01 is the first day of Q2: it does not rescue Q1.
    await gap.meetings('generalAssembly', ['2021-04-01', '2021-09-30', '2021-12-15']);
    // Planned and notified meetings are not held: they do not count.
    await gap.meeting('2021-08-20', 'generalAssembly', { status: 'planned' });
    await gap.meeting('2021-08-21', 'generalAssembly', { status: 'notified' });
    await gap.meeting('2021-05-10', 'generalAssembly', { status: 'held' });
    const found = await gap.run('LIFE-01', '2022-01-10');
    expect(found.map(brief)).toEqual([
      `breach ${gap.branch.code} 2021-Q1 2021年第1季度未召开支部党员大会（要求每季度至少1次）`,
    ]);
    expect(found[0].messageEn).toBe('no general assembly in Q1 2021 (required: at least 1 a quarter)');
  });

  it('the open quarter warns near its end and never breaches', async () => {
    const w = await lifeWorld(db);
    await w.meetings('generalAssembly', ['2021-03-10', '2021-06-10']);
    expect((await w.run('LIFE-01', '2021-09-20', { from: '2021-01-01' })).map(brief)).toEqual([
      `warning ${w.branch.code} 2021-Q3 2021年第3季度已召开支部党员大会0次，距期末还有11天（要求每季度至少1次）`,
    ]);
    // Mid-quarter and on pace: nothing yet.
    expect(await w.run('LIFE-01', '2021-08-01', { from: '2021-01-01' })).toEqual([]);
  });

  it('a branch dissolved mid-year owes nothing for its partial quarter and the rest of the year', async () => {
    const w = await lifeWorld(db);
    await w.dissolve(w.branch.id, '2021-08-15');
    const found = await w.run('LIFE-01', '2022-01-10');
    expect(found.map((f) => `${f.severity} ${f.period}`)).toEqual(['breach 2021-Q1', 'breach 2021-Q2']);
  });

  it('a branch created mid-quarter owes only the quarters after', async () => {
    const w = await lifeWorld(db, { validFrom: '2021-05-10' });
    await w.meetings('generalAssembly', ['2021-09-01']);
    const found = await w.run('LIFE-01', '2022-01-10');
    expect(found.map((f) => `${f.severity} ${f.period}`)).toEqual(['breach 2021-Q4']);
  });

  it('a university override of `min` raises the requirement', async () => {
    const w = await lifeWorld(db);
    await w.meetings('generalAssembly', ['2021-03-31', '2021-06-15', '2021-09-30', '2021-12-15', '2021-12-20']);
    await w.override('LIFE-01', { min: 2 });
    const found = await w.run('LIFE-01', '2022-01-10');
    expect(found.map((f) => f.message)).toEqual([
      '2021年第1季度仅召开支部党员大会1次（要求每季度至少2次）',
      '2021年第2季度仅召开支部党员大会1次（要求每季度至少2次）',
      '2021年第3季度仅召开支部党员大会1次（要求每季度至少2次）',
    ]);
  });
});

describe('LIFE-02 committee meeting every month (branches with a committee)', () => {
  it('a month without one is a breach for a branch with a committee', async () => {
    const w = await lifeWorld(db);
    const sec = await w.member('C0201', '李磊');
    const org = await w.member('C0202', '张涛');
    const prop = await w.member('C0203', '王芳');
    await w.term('2020-09-09', [
      { role: 'secretary', personId: sec.person.id },
      { role: 'organizationMember', personId: org.person.id },
      { role: 'propagandaMember', personId: prop.person.id },
    ]);
    await w.meetings('committeeMeeting', monthly(2021, 1, 12, 5, [10]));
    const found = await w.run('LIFE-02', '2022-01-01');
    expect(found.map(brief)).toEqual([
      `breach ${w.branch.code} 2021-10 2021年10月未召开支部委员会会议（要求每月至少1次）`,
    ]);
  });

  it('a branch with only a secretary (and deputy) owes none; a committee elected mid-month owes from the next month', async () => {
    const w = await lifeWorld(db);
    const sec = await w.member('C0211', '赵娜');
    const dep = await w.member('C0212', '孙伟');
    await w.term('2020-09-09', [
      { role: 'secretary', personId: sec.person.id },
      { role: 'deputySecretary', personId: dep.person.id },
    ]);
    expect(await w.run('LIFE-02', '2022-01-01')).toEqual([]);

    const late = await lifeWorld(db);
    const a = await late.member('C0221', '周强');
    const b = await late.member('C0222', '吴敏');
    const c = await late.member('C0223', '郑洁');
    await late.term('2021-03-10', [
      { role: 'secretary', personId: a.person.id },
      { role: 'organizationMember', personId: b.person.id },
      { role: 'disciplineMember', personId: c.person.id },
    ]);
    await late.meetings('committeeMeeting', monthly(2021, 4, 12, 5, [7]));
    const found = await late.run('LIFE-02', '2022-01-01');
    expect(found.map((f) => `${f.severity} ${f.period}`)).toEqual(['breach 2021-07']);
  });
});

describe('LIFE-03 group meeting every month in each group', () => {
  it('each group is judged on its own, named in the message', async () => {
    const w = await lifeWorld(db);
    const g1 = await buildOrg(db, { tenantId: w.t, parentId: w.branch.id, kind: 'group', name: '第一党小组' });
    const g2 = await buildOrg(db, { tenantId: w.t, parentId: w.branch.id, kind: 'group', name: '第二党小组' });
    // A group with nobody in it (the third) owes nothing; one that gets its first member on
    // 2021-03-10 (the fourth) owes from April.
    await buildOrg(db, { tenantId: w.t, parentId: w.branch.id, kind: 'group', name: '第三党小组' });
    const g4 = await buildOrg(db, { tenantId: w.t, parentId: w.branch.id, kind: 'group', name: '第四党小组' });
    for (const [group, validFrom] of [
      [g1, '2015-01-01'],
      [g2, '2015-01-01'],
      [g4, '2021-03-10'],
    ] as const) {
      const person = await buildPerson(db, { tenantId: w.t });
      await buildMembership(db, {
        tenantId: w.t,
        personId: person.id,
        orgId: w.branch.id,
        groupId: group.id,
        validFrom,
      });
    }
    await w.meetings('groupMeeting', monthly(2021, 4, 12, 8), { orgId: g4.id });
    await w.meetings('groupMeeting', monthly(2021, 1, 12, 8), { orgId: g1.id });
    await w.meetings('groupMeeting', monthly(2021, 1, 12, 8, [5]), { orgId: g2.id });
    // A group meeting recorded on the branch is not the group's.
    await w.meeting('2021-05-20', 'groupMeeting');
    const found = await w.run('LIFE-03', '2022-01-01');
    expect(found.map(brief)).toEqual([
      `breach ${g2.code} 2021-05 2021年5月第二党小组未召开党小组会（要求每月至少1次）`,
    ]);
    expect(found[0].messageEn).toBe('第二党小组: no group meeting in 2021-05 (required: at least 1 a month)');
  });
});

describe('LIFE-04 Party lecture every quarter', () => {
  it('a quarter without a lecture is a breach', async () => {
    const w = await lifeWorld(db);
    await w.meetings('partyLecture', ['2021-03-25', '2021-06-25', '2021-09-25', '2021-12-25']);
    expect(await w.run('LIFE-04', '2022-01-10')).toEqual([]);

    const gap = await lifeWorld(db);
    await gap.meetings('partyLecture', ['2021-06-25', '2021-09-25', '2021-12-25']);
    expect((await gap.run('LIFE-04', '2022-01-10')).map(brief)).toEqual([
      `breach ${gap.branch.code} 2021-Q1 2021年第1季度未开展党课（要求每季度至少1次）`,
    ]);
  });
});

describe('LIFE-05 the secretary gives a Party lecture every year', () => {
  it('only a lecture by the holder of the secretary seat that day counts', async () => {
    const w = await lifeWorld(db);
    const old = await w.member('C0501', '李磊');
    const now = await w.member('C0502', '张涛');
    await w.term('2018-09-01', [{ role: 'secretary', personId: old.person.id }]);
    await w.term('2021-03-01', [{ role: 'secretary', personId: now.person.id }]);
    // The former secretary lectures after the new term is elected: not the secretary's lecture.
    await w.meeting('2021-06-25', 'partyLecture', { lecturerId: old.person.id });
    const found = await w.run('LIFE-05', '2022-01-10');
    expect(found.map(brief)).toEqual([`breach ${w.branch.code} 2021 2021年支部书记未讲党课（要求每年至少1次）`]);
    expect(found[0].messageEn).toBe('secretary: no Party lecture in 2021 (required: at least 1 a year)');

    // The same person lecturing while still secretary (before the new term) counts.
    await w.meeting('2021-02-25', 'partyLecture', { lecturerId: old.person.id });
    expect(await w.run('LIFE-05', '2022-01-10')).toEqual([]);
  });

  it('a year the seat was not filled throughout is a vacancy (ORG-07), not a missing lecture', async () => {
    const w = await lifeWorld(db);
    const sec = await w.member('C0521', '孙丽');
    await w.term('2022-03-01', [{ role: 'secretary', personId: sec.person.id }]);
    // 2021 had no secretary; 2022 had one only from March; 2023 had one all year and no lecture.
    expect(
      (await w.run('LIFE-05', '2024-01-10', { from: '2021-01-01' })).map((f) => `${f.severity} ${f.period}`),
    ).toEqual(['breach 2023']);
  });

  it('a planned lecture by the secretary does not count', async () => {
    const w = await lifeWorld(db);
    const sec = await w.member('C0511', '赵娜');
    await w.term('2020-09-09', [{ role: 'secretary', personId: sec.person.id }]);
    await w.meeting('2021-12-28', 'partyLecture', { lecturerId: sec.person.id, status: 'planned' });
    expect((await w.run('LIFE-05', '2022-01-10')).map((f) => `${f.severity} ${f.period}`)).toEqual(['breach 2021']);
  });
});

describe('LIFE-06 theme day every month', () => {
  it('a month without a theme day is a breach; the open month warns in its last week', async () => {
    const w = await lifeWorld(db);
    await w.meetings('themeDay', monthly(2021, 1, 12, 15, [2]));
    await w.meeting('2021-02-26', 'themeDay', { status: 'planned' });
    expect((await w.run('LIFE-06', '2022-01-01')).map(brief)).toEqual([
      `breach ${w.branch.code} 2021-02 2021年2月未开展主题党日（要求每月至少1次）`,
    ]);
    expect((await w.run('LIFE-06', '2022-01-26')).filter((f) => f.period === '2022-01').map(brief)).toEqual([
      `warning ${w.branch.code} 2022-01 2022年1月已开展主题党日0次，距期末还有6天（要求每月至少1次）`,
    ]);
  });
});

describe('LIFE-07 organizational-life meeting every year', () => {
  it('a year without one is a breach', async () => {
    const w = await lifeWorld(db);
    await w.meeting('2021-12-28', 'lifeMeeting');
    expect(await w.run('LIFE-07', '2022-01-10')).toEqual([]);

    const none = await lifeWorld(db);
    await none.meeting('2021-12-28', 'lifeMeeting', { status: 'notified' });
    expect((await none.run('LIFE-07', '2022-01-10')).map(brief)).toEqual([
      `breach ${none.branch.code} 2021 2021年未召开专题组织生活会（要求每年至少1次）`,
    ]);
  });
});

describe('LIFE-21 democratic life meeting of the leadership teams', () => {
  it('the university and each college owe one a year; branches do not', async () => {
    const w = await lifeWorld(db);
    await w.meeting('2021-01-20', 'leadershipLifeMeeting', { orgId: w.u.rootId });
    const found = await w.run('LIFE-21', '2022-01-10');
    expect(found.map(brief)).toEqual([
      `breach ${w.college.code} 2021 2021年未召开领导班子民主生活会（要求每年至少1次）`,
    ]);

    await w.meeting('2021-12-30', 'leadershipLifeMeeting', { orgId: w.college.id });
    expect(await w.run('LIFE-21', '2022-01-10')).toEqual([]);
  });
});
