/**
 * The LIFE rules about records and cadence (LIFE-08, 09, 10, 12, 15, 16) on real records through
 * the real evaluation path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/db.ts';
import { buildAttendance, buildMember, buildOrg } from '../../../../test/factories.ts';
import type { Database, Db } from '../../../db/connect.ts';
import { appraisalEntries, appraisals, lifePlans } from '../../../db/schema.ts';
import { ruleById } from '../../../domain/compliance/rules.ts';
import { brief, lifeWorld } from './life-world.ts';

let database: Database;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(() => database.close());

type World = Awaited<ReturnType<typeof lifeWorld>>;

/** An appraisal of 2021 with its step dates; entries: [leadingCadre, verdict, voted]. */
async function appraisal(
  w: World,
  props: { step: string; skip?: string[]; entries: { cadre?: boolean; verdict?: string; voted?: boolean }[] },
) {
  const closed = props.step === 'closed';
  const [a] = await db
    .insert(appraisals)
    .values({
      tenantId: w.t,
      orgId: w.branch.id,
      year: 2021,
      step: props.step,
      startedOn: '2021-12-01',
      peerReviewOn: props.step === 'selfAssessment' || props.skip?.includes('peerReview') ? null : '2021-12-08',
      voteOn:
        ['selfAssessment', 'peerReview'].includes(props.step) || props.skip?.includes('vote') ? null : '2021-12-15',
      verdictOn: (closed || props.step === 'verdict') && !props.skip?.includes('verdict') ? '2021-12-22' : null,
      closedOn: closed ? '2022-01-05' : null,
      voters: 5,
    })
    .returning();
  for (const [i, e] of props.entries.entries()) {
    const m = await buildMember(db, { tenantId: w.t, orgId: w.branch.id, code: `A08${i}${a.id.slice(0, 4)}` });
    await db.insert(appraisalEntries).values({
      tenantId: w.t,
      appraisalId: a.id,
      personId: m.person.id,
      leadingCadre: e.cadre ?? false,
      votesExcellent: e.voted === false ? null : 1,
      votesQualified: e.voted === false ? null : 4,
      votesBasicallyQualified: e.voted === false ? null : 0,
      votesUnqualified: e.voted === false ? null : 0,
      verdict: e.verdict ?? 'qualified',
    });
  }
  return a;
}

describe('LIFE-08 democratic appraisal every year', () => {
  it('a closed appraisal with every step passes; none is a warning until January 31, then a breach', async () => {
    const w = await lifeWorld(db);
    await appraisal(w, {
      step: 'closed',
      entries: [{}, {}, { verdict: 'excellent' }, {}, { cadre: true, voted: false }],
    });
    expect(await w.run('LIFE-08', '2022-03-01')).toEqual([]);

    const none = await lifeWorld(db);
    expect((await none.run('LIFE-08', '2022-01-31')).map(brief)).toEqual([
      `warning ${none.branch.code} 2021 2021年度未开展民主评议党员（要求每年1次），须于2022-01-31前完成`,
    ]);
    const late = await none.run('LIFE-08', '2022-02-01');
    expect(late.map(brief)).toEqual([`breach ${none.branch.code} 2021 2021年度未开展民主评议党员（要求每年1次）`]);
    expect(late[0].messageEn).toBe('no appraisal of members for 2021 (required once a year)');
  });

  it('an unfinished appraisal, a skipped step and a leading cadre voted on are breaches', async () => {
    const stuck = await lifeWorld(db);
    await appraisal(stuck, { step: 'vote', entries: [{ voted: false }] });
    expect((await stuck.run('LIFE-08', '2022-02-01')).map(brief)).toEqual([
      `breach ${stuck.branch.code} 2021 2021年度民主评议党员未完成（停留在“民主测评”环节）`,
    ]);

    const skipped = await lifeWorld(db);
    await appraisal(skipped, { step: 'closed', skip: ['peerReview'], entries: [{}] });
    expect((await skipped.run('LIFE-08', '2022-02-01')).map(brief)).toEqual([
      `breach ${skipped.branch.code} 2021 2021年度民主评议党员未按程序进行，缺少“党员互评”环节`,
    ]);

    const cadre = await lifeWorld(db);
    await appraisal(cadre, { step: 'closed', entries: [{}, { cadre: true }] });
    expect((await cadre.run('LIFE-08', '2022-02-01')).map(brief)).toEqual([
      `breach ${cadre.branch.code} 2021 2021年度民主评议中有1名党员领导干部参加了民主测评（党员领导干部不参加民主测评）`,
    ]);
  });

  it('more excellent verdicts than `excellentShare` is info; a LIFE-08 override of excellentShare still applies', async () => {
    const w = await lifeWorld(db);
    await appraisal(w, { step: 'closed', entries: [{ verdict: 'excellent' }, { verdict: 'excellent' }, {}, {}, {}] });
    expect((await w.run('LIFE-08', '2022-02-01')).map(brief)).toEqual([
      `info ${w.branch.code} 2021 2021年度民主评议评为优秀的党员占40%（2/5），超过20%`,
    ]);
    await w.override('LIFE-08', { excellentShare: 0.4 }, w.college.id);
    expect(await w.run('LIFE-08', '2022-02-01')).toEqual([]);
  });
});

describe('LIFE-09 organizational life every `everyDays` days', () => {
  const march = { from: '2021-03-01', to: '2021-03-31' };

  it('gaps of up to everyDays pass, counting the last day of the previous month', async () => {
    const w = await lifeWorld(db);
    const group = await buildOrg(db, { tenantId: w.t, parentId: w.branch.id, kind: 'group', name: '第一党小组' });
    await w.meeting('2021-02-26', 'themeDay');
    await w.meeting('2021-03-12', 'groupMeeting', { orgId: group.id }); // a group's meeting is the branch's life
    await w.meeting('2021-03-26', 'partyLecture');
    expect(await w.run('LIFE-09', '2021-04-01', march)).toEqual([]);
  });

  it('a longer gap, carried across the month boundary, is a breach; committee and planned meetings are not life', async () => {
    const w = await lifeWorld(db);
    await w.meeting('2021-02-26', 'themeDay');
    await w.meeting('2021-03-05', 'committeeMeeting');
    await w.meeting('2021-03-10', 'generalAssembly', { status: 'planned' });
    await w.meeting('2021-03-15', 'themeDay');
    await w.meeting('2021-03-29', 'generalAssembly');
    const found = await w.run('LIFE-09', '2021-04-01', march);
    expect(found.map(brief)).toEqual([
      `breach ${w.branch.code} 2021-03 2021年3月党员连续16天未过组织生活（要求至少每14天1次）`,
    ]);
    expect(found[0].messageEn).toBe(
      '2021-03: 16 days in a row without organizational life (required: at least every 14 days)',
    );

    // A subtree override of everyDays (the fixture's 实习期 case) relaxes it.
    await w.override('LIFE-09', { everyDays: 30 }, w.college.id);
    expect(await w.run('LIFE-09', '2021-04-01', march)).toEqual([]);
  });

  it('the open month warns once overdue; a branch created mid-month owes nothing for it', async () => {
    const w = await lifeWorld(db);
    await w.meeting('2021-03-01', 'themeDay');
    expect(await w.run('LIFE-09', '2021-03-15', march)).toEqual([]);
    expect((await w.run('LIFE-09', '2021-03-20', march)).map(brief)).toEqual([
      `warning ${w.branch.code} 2021-03 2021年3月至今党员连续19天未过组织生活（要求至少每14天1次）`,
    ]);

    const young = await lifeWorld(db, { validFrom: '2021-03-10' });
    expect(await young.run('LIFE-09', '2021-04-01', march)).toEqual([]);
    expect((await young.run('LIFE-09', '2021-05-01', { from: '2021-04-01', to: '2021-04-30' })).map(brief)).toEqual([
      `breach ${young.branch.code} 2021-04 2021年4月党员连续52天未过组织生活（要求至少每14天1次）`,
    ]);
  });
});

describe('LIFE-10 the year’s plan filed by `dueDate`', () => {
  const plan = (w: World, year: number, status: string, submittedOn: string | null) =>
    db.insert(lifePlans).values({ tenantId: w.t, orgId: w.branch.id, year, status, submittedOn }).returning();

  it('a plan filed by January 31 passes; a late one is a breach; a dueDate override still applies', async () => {
    const w = await lifeWorld(db);
    await plan(w, 2021, 'approved', '2021-01-31');
    expect(await w.run('LIFE-10', '2021-12-01', { from: '2021-01-01' })).toEqual([]);

    const late = await lifeWorld(db);
    await plan(late, 2021, 'submitted', '2021-02-10');
    expect((await late.run('LIFE-10', '2021-12-01', { from: '2021-01-01' })).map(brief)).toEqual([
      `breach ${late.branch.code} 2021 2021年度“三会一课”计划于2021-02-10报上级备案，晚于截止日期2021-01-31`,
    ]);
    await late.override('LIFE-10', { dueDate: '02-28' });
    expect(await late.run('LIFE-10', '2021-12-01', { from: '2021-01-01' })).toEqual([]);
  });

  it('no filed plan: a warning in the 30 days before the due date, a breach after; a returned or draft plan is not filed', async () => {
    const w = await lifeWorld(db);
    await plan(w, 2021, 'returned', '2021-01-20');
    await plan(w, 2022, 'draft', null);
    const found = await w.run('LIFE-10', '2022-01-10');
    expect(found.map(brief)).toEqual([
      `breach ${w.branch.code} 2021 2021年度“三会一课”计划未在2021-01-31前报上级备案（被退回后未重新报送）`,
      `warning ${w.branch.code} 2022 2022年度“三会一课”计划尚未报上级备案，距截止日期2022-01-31还有22天`,
    ]);
    expect((await w.run('LIFE-10', '2021-12-31', { from: '2021-06-01' })).map(brief)).toEqual([
      `breach ${w.branch.code} 2021 2021年度“三会一课”计划未在2021-01-31前报上级备案（被退回后未重新报送）`,
    ]);
  });
});

describe('LIFE-12 minutes and a sign-in list for every meeting', () => {
  it('a held meeting without minutes or sign-ins is a breach of its month; a planned one is not judged', async () => {
    const w = await lifeWorld(db);
    const m = await w.member('C1201', '李磊');
    const guest = await w.member('C1202', '王芳');
    const complete = await w.meeting('2021-03-05', 'committeeMeeting');
    await buildAttendance(db, { tenantId: w.t, meetingId: complete.id, personId: m.person.id });
    await w.meeting('2021-03-12', 'themeDay', { minutes: false });
    const guestsOnly = await w.meeting('2021-03-20', 'generalAssembly');
    await buildAttendance(db, { tenantId: w.t, meetingId: guestsOnly.id, personId: guest.person.id, guest: true });
    await w.meeting('2021-03-28', 'partyLecture', { status: 'planned', minutes: false });
    const found = await w.run('LIFE-12', '2021-05-01', { from: '2021-01-01' });
    expect(found.map(brief)).toEqual([
      `breach ${w.branch.code} 2021-03 2021年3月有2次会议纪实不完整：3月12日主题党日缺会议记录、签到；3月20日支部党员大会缺签到（要求每次会议有会议记录和签到）`,
    ]);
    expect(found[0].messageEn).toBe(
      '2021-03: 2 meeting record(s) incomplete — 2021-03-12 theme day: no minutes and sign-in list; 2021-03-20 general assembly: no sign-in list (required: minutes and a sign-in list)',
    );

    // Evaluating only the college's subtree finds the same (the sign-in check takes another path there).
    expect(await w.run('LIFE-12', '2021-05-01', { from: '2021-01-01', orgId: w.college.id })).toEqual(found);

    // The same gap in the open month is a warning: the record may still be completed.
    expect((await w.run('LIFE-12', '2021-03-25', { from: '2021-01-01' })).map((f) => f.severity)).toEqual(['warning']);
  });

  it('a complete record passes', async () => {
    const w = await lifeWorld(db);
    const m = await w.member('C1211', '赵娜');
    const meeting = await w.meeting('2021-03-12', 'themeDay');
    await buildAttendance(db, { tenantId: w.t, meetingId: meeting.id, personId: m.person.id, status: 'absent' });
    expect(await w.run('LIFE-12', '2021-05-01', { from: '2021-01-01' })).toEqual([]);
  });
});

describe('LIFE-15 year-end report to the general assembly', () => {
  it('a general assembly in December or January passes', async () => {
    const dec = await lifeWorld(db);
    await dec.meeting('2021-12-20', 'generalAssembly');
    expect(await dec.run('LIFE-15', '2022-03-01')).toEqual([]);

    const jan = await lifeWorld(db);
    await jan.meeting('2022-01-31', 'generalAssembly');
    expect(await jan.run('LIFE-15', '2022-03-01')).toEqual([]);
  });

  it('none at year end is a warning until January 31 and a breach after; an October assembly does not count', async () => {
    const w = await lifeWorld(db);
    await w.meeting('2021-10-20', 'generalAssembly');
    await w.meeting('2021-12-20', 'generalAssembly', { status: 'notified' });
    expect((await w.run('LIFE-15', '2022-01-10')).map(brief)).toEqual([
      `warning ${w.branch.code} 2021 2021年年终（2021年12月至2022年1月）尚未召开支部党员大会，支委会或支部书记无法向党员大会报告工作（截止2022-01-31）`,
    ]);
    const found = await w.run('LIFE-15', '2022-02-01');
    expect(found.map(brief)).toEqual([
      `breach ${w.branch.code} 2021 2021年年终（2021年12月至2022年1月）未召开支部党员大会，支委会或支部书记无法向党员大会报告工作`,
    ]);
    expect(await w.run('LIFE-15', '2021-11-30', { from: '2021-01-01' })).toEqual([]);
  });
});

describe('LIFE-16 branch-building report heard by the college', () => {
  it('is manual: no record exists, so the engine produces nothing on its own', async () => {
    expect(ruleById.get('LIFE-16')?.manual).toBe(true);
    const w = await lifeWorld(db);
    expect(await w.run('LIFE-16', '2022-03-01')).toEqual([]);
  });
});
