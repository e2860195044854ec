/**
 * The member-level rules (LIFE-11, 13, 14, 22, MEM-01, 03) on real records through the real
 * evaluation path: each case builds its own university, so the cases do not see each other.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingsFor } from '../../../../test/compliance.ts';
import { createTestDatabase } from '../../../../test/db.ts';
import {
  buildAttendance,
  buildMeeting,
  buildMember,
  buildMembership,
  buildOrg,
  buildPerson,
  buildUniversity,
} from '../../../../test/factories.ts';
import type { Database, Db } from '../../../db/connect.ts';
import { attendance, thoughtReports } from '../../../db/schema.ts';

let database: Database;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(() => database.close());

/** A university with one college and a branch (and a second branch for transfers). */
async function world() {
  const u = await buildUniversity(db);
  const college = await buildOrg(db, { tenantId: u.tenantId, parentId: u.rootId, kind: 'college' });
  const branch = await buildOrg(db, {
    tenantId: u.tenantId,
    parentId: college.id,
    kind: 'branch',
    name: '机电教工第一党支部',
  });
  const other = await buildOrg(db, {
    tenantId: u.tenantId,
    parentId: college.id,
    kind: 'branch',
    name: '机电教工第二党支部',
  });
  const t = u.tenantId;
  const member = (code: string, name: string, props: { orgId?: string; leadingCadre?: boolean } = {}) =>
    buildMember(db, { tenantId: t, orgId: props.orgId ?? branch.id, code, name, leadingCadre: props.leadingCadre });
  const meeting = (heldOn: string, type = 'generalAssembly', orgId = branch.id) =>
    buildMeeting(db, { tenantId: t, orgId, heldOn, type });
  const attend = (
    meetingId: string,
    personId: string,
    status: 'present' | 'absent' | 'leave' | 'late' = 'present',
    extra: { reason?: string; makeupOn?: string; guest?: boolean } = {},
  ) => buildAttendance(db, { tenantId: t, meetingId, personId, status, ...extra });
  const run = (rule: string, asOf: string) => findingsFor(db, { tenantId: t, asOf, rules: [rule] });
  return { u, t, branch, other, member, meeting, attend, run };
}

const pick = (f: { severity: string; member: string | null; period: string | null; message: string }) => ({
  severity: f.severity,
  member: f.member,
  period: f.period,
  message: f.message,
});

describe('LIFE-11 make-up of absences', () => {
  it('a make-up on day makeupDays is in time; day makeupDays+1 or none is a breach; an open one warns in its last week', async () => {
    const w = await world();
    const onTime = await w.member('L1101', '李娜');
    const late = await w.member('L1102', '王强');
    const never = await w.member('L1103', '刘洋');
    const m = await w.meeting('2021-03-10');
    await w.attend(m.id, onTime.person.id, 'absent', { makeupOn: '2021-04-09' });
    await w.attend(m.id, late.person.id, 'absent', { makeupOn: '2021-04-10' });
    await w.attend(m.id, never.person.id, 'leave', { reason: '出差' });

    const found = await w.run('LIFE-11', '2021-06-01');
    expect(found.map(pick).sort((a, b) => a.member!.localeCompare(b.member!))).toEqual([
      {
        severity: 'breach',
        member: 'L1102',
        period: '2021-03',
        message:
          '2021年3月党员王强有1次缺席未在30天内补课：3月10日支部党员大会（缺席，2021-04-10补课，已超期）（要求缺席后30天内补课）',
      },
      {
        severity: 'breach',
        member: 'L1103',
        period: '2021-03',
        message:
          '2021年3月党员刘洋有1次缺席未在30天内补课：3月10日支部党员大会（请假，未补课）（要求缺席后30天内补课）',
      },
    ]);
    expect(found.every((f) => f.org === w.branch.code)).toBe(true);

    // Before the deadline (2021-04-09) none had been made up yet: each is a to-do in its last week.
    const open = await w.run('LIFE-11', '2021-04-05');
    expect(open.map((f) => [f.member, f.severity]).sort()).toEqual([
      ['L1101', 'warning'],
      ['L1102', 'warning'],
      ['L1103', 'warning'],
    ]);
    expect(open.find((f) => f.member === 'L1103')?.message).toBe(
      '2021年3月党员刘洋有1次缺席尚未补课：3月10日支部党员大会（请假，补课期限2021-04-09，还剩5天）（要求缺席后30天内补课）',
    );
    expect(await w.run('LIFE-11', '2021-03-20')).toEqual([]);
  });

  it('absences of one month are one finding listing each meeting', async () => {
    const w = await world();
    const a = await w.member('L1111', '陈静');
    const m1 = await w.meeting('2021-05-15', 'themeDay');
    const m2 = await w.meeting('2021-05-25', 'partyLecture');
    await w.attend(m1.id, a.person.id, 'absent');
    await w.attend(m2.id, a.person.id, 'absent');
    const found = await w.run('LIFE-11', '2021-08-01');
    expect(found.map((f) => f.message)).toEqual([
      '2021年5月党员陈静有2次缺席未在30天内补课：5月15日主题党日（缺席，未补课）、5月25日党课（缺席，未补课）（要求缺席后30天内补课）',
    ]);
    expect(found[0].messageEn).toBe(
      'Member 陈静: 2 absence(s) in 2021-05 not made up within 30 days: 2021-05-15 theme day (absent, not made up); 2021-05-25 Party lecture (absent, not made up) (required: within 30 days)',
    );
  });
});

describe('LIFE-13 no organizational life (lapse)', () => {
  it('breach at exactly `months`, warning one day less and from `warnMonths`, nothing before', async () => {
    const w = await world();
    const gone = await w.member('L1301', '周超');
    const active = await w.member('L1302', '赵敏');
    const first = await w.meeting('2021-01-10');
    await w.attend(first.id, gone.person.id);
    await w.attend(first.id, active.person.id);
    for (const day of ['2021-02-20', '2021-04-20', '2021-06-20']) {
      const m = await w.meeting(day, 'themeDay');
      await w.attend(m.id, gone.person.id, 'absent');
      await w.attend(m.id, active.person.id);
    }

    expect((await w.run('LIFE-13', '2021-07-10')).map(pick)).toEqual([
      {
        severity: 'breach',
        member: 'L1301',
        period: null,
        message:
          '党员周超已连续6个月未参加组织生活（2021-01-10起），无请假等正当理由；按党章第九条应作自行脱党处理的，由支部研究决定（要求不超过6个月）',
      },
    ]);
    expect((await w.run('LIFE-13', '2021-07-09')).map(pick)).toEqual([
      {
        severity: 'warning',
        member: 'L1301',
        period: null,
        message:
          '党员周超已连续5个月未参加组织生活（2021-01-10起），满6个月将按自行脱党研究处理，请及时联系（3个月起提醒）',
      },
    ]);
    expect((await w.run('LIFE-13', '2021-04-10')).map((f) => f.severity)).toEqual(['warning']);
    expect(await w.run('LIFE-13', '2021-04-09')).toEqual([]);
  });

  it('a leave with a reason is a recorded reason; a leave without one is not', async () => {
    const w = await world();
    const excused = await w.member('L1311', '孙丽');
    const unexcused = await w.member('L1312', '钱进');
    const first = await w.meeting('2021-01-10');
    await w.attend(first.id, excused.person.id);
    await w.attend(first.id, unexcused.person.id);
    const sick = await w.meeting('2021-04-20', 'themeDay');
    await w.attend(sick.id, excused.person.id, 'leave', { reason: '住院治疗' });
    await w.attend(sick.id, unexcused.person.id, 'leave');
    const found = await w.run('LIFE-13', '2021-07-10');
    expect(found.map((f) => [f.member, f.severity])).toEqual([['L1312', 'breach']]);
  });

  it("a new member's clock starts when their membership does; a branch with no meetings since flags no one", async () => {
    const w = await world();
    const person = await buildPerson(db, { tenantId: w.t, code: 'L1321', name: '新党员' });
    await buildMembership(db, { tenantId: w.t, personId: person.id, orgId: w.branch.id, validFrom: '2021-05-01' });
    const quiet = await buildPerson(db, { tenantId: w.t, code: 'L1322', name: '安静' });
    await buildMembership(db, { tenantId: w.t, personId: quiet.id, orgId: w.other.id, validFrom: '2020-01-01' });
    await w.meeting('2021-06-01', 'themeDay');

    expect((await w.run('LIFE-13', '2021-11-01')).map(pick)).toEqual([
      {
        severity: 'breach',
        member: 'L1321',
        period: null,
        message:
          '党员新党员已连续6个月未参加组织生活（2021-05-01起），无请假等正当理由；按党章第九条应作自行脱党处理的，由支部研究决定（要求不超过6个月）',
      },
    ]);
    expect((await w.run('LIFE-13', '2021-10-31')).map((f) => f.severity)).toEqual(['warning']);
  });
  it("a member who moved in brings their earlier attendance, and the branch's own evaluation agrees", async () => {
    const w = await world();
    const mover = await buildPerson(db, { tenantId: w.t, code: 'L1331', name: '转入' });
    await buildMembership(db, {
      tenantId: w.t,
      personId: mover.id,
      orgId: w.other.id,
      validFrom: '2015-01-01',
      validTo: '2021-03-01',
    });
    await buildMembership(db, { tenantId: w.t, personId: mover.id, orgId: w.branch.id, validFrom: '2021-03-01' });
    const before = await w.meeting('2021-02-20', 'themeDay', w.other.id);
    await w.attend(before.id, mover.id);
    const after = await w.meeting('2021-06-01', 'themeDay');
    await w.attend(after.id, mover.id, 'absent');

    const expected = [
      {
        severity: 'breach',
        member: 'L1331',
        period: null,
        message:
          '党员转入已连续6个月未参加组织生活（2021-02-20起），无请假等正当理由；按党章第九条应作自行脱党处理的，由支部研究决定（要求不超过6个月）',
      },
    ];
    expect((await w.run('LIFE-13', '2021-08-25')).map(pick)).toEqual(expected);
    const branchOnly = await findingsFor(db, {
      tenantId: w.t,
      orgId: w.branch.id,
      asOf: '2021-08-25',
      rules: ['LIFE-13'],
    });
    expect(branchOnly.map(pick)).toEqual(expected);
  });
});

async function buildThoughtReport(props: { tenantId: string; personId: string; orgId: string; submittedOn: string }) {
  await db.insert(thoughtReports).values({ ...props, title: '思想汇报', content: '本季度学习和工作情况' });
}

describe('LIFE-14 thought reports', () => {
  it('a member of the whole year owes one; a member who joined mid-year owes nothing that year', async () => {
    const w = await world();
    const reported = await w.member('L1401', '李娜');
    await w.member('L1402', '王强');
    const joined = await buildPerson(db, { tenantId: w.t, code: 'L1403', name: '刘洋' });
    await buildMembership(db, { tenantId: w.t, personId: joined.id, orgId: w.branch.id, validFrom: '2021-03-01' });
    await buildThoughtReport({
      tenantId: w.t,
      personId: reported.person.id,
      orgId: w.branch.id,
      submittedOn: '2021-09-15',
    });

    const found = await w.run('LIFE-14', '2022-01-10');
    expect(found.map((f) => ({ ...pick(f), en: f.messageEn }))).toEqual([
      {
        severity: 'breach',
        member: 'L1402',
        period: '2021',
        message: '2021年党员王强未提交思想汇报（要求每年至少1次）',
        en: 'Member 王强: no thought report(s) in 2021 (required: at least 1 a year)',
      },
    ]);
    // The open year warns only in its last 30 days (2020 is closed then, and owed by both).
    const december = await w.run('LIFE-14', '2021-12-10');
    expect(december.filter((f) => f.period === '2021').map((f) => [f.member, f.severity, f.message])).toEqual([
      ['L1402', 'warning', '2021年党员王强已提交思想汇报0次，距期末还有22天（要求每年至少1次）'],
    ]);
  });
});

describe('LIFE-22 leading cadres in their own branch', () => {
  it("a cadre at their own branch's life meeting passes; at another branch's only, or none, is a breach", async () => {
    const w = await world();
    const inOwn = await w.member('L2201', '张书记', { leadingCadre: true });
    const elsewhere = await w.member('L2202', '王院长', { leadingCadre: true });
    await w.member('L2203', '普通党员');
    const own = await w.meeting('2021-12-20', 'lifeMeeting');
    await w.attend(own.id, inOwn.person.id);
    const visiting = await w.meeting('2021-12-21', 'lifeMeeting', w.other.id);
    await w.attend(visiting.id, elsewhere.person.id, 'present', { guest: true });

    const found = await w.run('LIFE-22', '2022-01-10');
    expect(found.map((f) => ({ ...pick(f), en: f.messageEn }))).toEqual([
      {
        severity: 'breach',
        member: 'L2202',
        period: '2021',
        message: '2021年党员领导干部王院长未参加所在党支部组织生活会（要求每年至少1次）',
        en: 'Leading cadre 王院长: no organizational-life meeting(s) of their own branch attended in 2021 (required: at least 1 a year)',
      },
    ]);
  });
});

describe('MEM-01 transfers', () => {
  it('received on day `days` passes, on day `days`+1 is a breach, two branches at once is a breach', async () => {
    const w = await world();
    const onTime = await buildPerson(db, { tenantId: w.t, code: 'M0101', name: '准时' });
    const slow = await buildPerson(db, { tenantId: w.t, code: 'M0102', name: '迟缓' });
    const twice = await buildPerson(db, { tenantId: w.t, code: 'M0103', name: '重复' });
    const leaver = await buildPerson(db, { tenantId: w.t, code: 'M0104', name: '毕业' });
    const at = (personId: string, orgId: string, validFrom: string, validTo: string | null = null) =>
      buildMembership(db, { tenantId: w.t, personId, orgId, validFrom, validTo });
    await at(onTime.id, w.branch.id, '2015-01-01', '2021-03-01');
    await at(onTime.id, w.other.id, '2021-05-30');
    await at(slow.id, w.branch.id, '2015-01-01', '2021-03-01');
    await at(slow.id, w.other.id, '2021-05-31');
    await at(twice.id, w.branch.id, '2015-01-01');
    await at(twice.id, w.other.id, '2021-06-01');
    await at(leaver.id, w.branch.id, '2015-01-01', '2021-06-30');

    const found = await w.run('MEM-01', '2021-12-01');
    expect(found.map(pick).sort((a, b) => a.member!.localeCompare(b.member!))).toEqual([
      {
        severity: 'breach',
        member: 'M0102',
        period: null,
        message:
          '党员迟缓组织关系于2021-03-01从机电教工第一党支部转出，2021-05-31才由机电教工第二党支部接收，间隔91天（要求转出后90天内接收，党员只能在一个支部）',
      },
      {
        severity: 'breach',
        member: 'M0103',
        period: null,
        message:
          '党员重复2021-06-01至今同时在机电教工第一党支部和机电教工第二党支部两个支部（要求转出后90天内接收，党员只能在一个支部）',
      },
    ]);
    expect(found.find((f) => f.member === 'M0102')?.org).toBe(w.other.code);
  });
});

describe('MEM-03 out of touch', () => {
  it('no contact for `months` is a breach; a thought report or a check-in is contact', async () => {
    const w = await world();
    const silent = await w.member('M0301', '失联');
    const writer = await w.member('M0302', '写汇报');
    const m = await w.meeting('2021-06-01');
    await w.attend(m.id, silent.person.id);
    await w.attend(m.id, writer.person.id);
    await buildThoughtReport({
      tenantId: w.t,
      personId: writer.person.id,
      orgId: w.branch.id,
      submittedOn: '2021-09-01',
    });
    // A QR check-in is contact even before the secretary marks the meeting held.
    const scanner = await w.member('M0303', '扫码');
    await w.attend(m.id, scanner.person.id);
    const notified = await buildMeeting(db, {
      tenantId: w.t,
      orgId: w.branch.id,
      heldOn: '2021-07-01',
      status: 'notified',
    });
    await w.attend(notified.id, scanner.person.id);
    await db
      .update(attendance)
      .set({ checkedInAt: new Date('2021-07-01T06:30:00Z') })
      .where(and(eq(attendance.meetingId, notified.id), eq(attendance.personId, scanner.person.id)));

    expect((await w.run('MEM-03', '2021-12-01')).map(pick)).toEqual([
      {
        severity: 'breach',
        member: 'M0301',
        period: null,
        message:
          '党员失联已6个月无任何联系记录（最近一次：2021-06-01参加会议或签到），应按失联党员排查（要求不超过6个月）',
      },
    ]);
    expect(await w.run('MEM-03', '2021-11-30')).toEqual([]);
  });
});
