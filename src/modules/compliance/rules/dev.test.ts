/**
 * DEV-01 … DEV-10 on real records through the real evaluation path: cases and steps stored as an
 * import stores them (never gated), members whose standing on each day decides mentors, sponsors
 * and the voting members of the branch. Each describe builds its own university.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingsFor } from '../../../../test/compliance.ts';
import { createTestDatabase } from '../../../../test/db.ts';
import { buildMember, buildMembership, buildOrg, buildPerson, buildUniversity } from '../../../../test/factories.ts';
import type { Database, Db } from '../../../db/connect.ts';
import { loadDevParams, loadGateFacts } from '../../../db/facts/development.ts';
import { devCases, devEvents, parameterOverrides } from '../../../db/schema.ts';
import { stageOf } from '../../../domain/development/stage.ts';
import type { DevEvent, DevStep } from '../../../domain/development/steps.ts';

let database: Database;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(() => database.close());

type Step = { step: DevStep; on: string; data?: DevEvent['data'] };

/** A branch with five full members (张伟 … 陈静) and one probationary member (赵敏). */
async function world() {
  const u = await buildUniversity(db);
  const t = u.tenantId;
  const college = await buildOrg(db, { tenantId: t, parentId: u.rootId, kind: 'college', name: '信息工程学院党总支' });
  const branch = await buildOrg(db, {
    tenantId: t,
    parentId: college.id,
    kind: 'branch',
    branchCategory: 'student',
    name: '信息学生第一党支部',
  });
  const names = ['张伟', '李娜', '王芳', '刘洋', '陈静'];
  const full = await Promise.all(
    names.map((name, i) => buildMember(db, { tenantId: t, orgId: branch.id, code: `M00${i + 1}`, name })),
  );
  const [m1, m2, m3, m4] = full.map((m) => m.person.id);
  const probationary = (
    await buildMember(db, { tenantId: t, orgId: branch.id, code: 'M006', name: '赵敏', status: 'probationary' })
  ).person.id;
  let serial = 0;
  /** A case as an import stores it: the steps as given, the stage derived. */
  const devCase = async (name: string, steps: Step[], birthDate = '2001-03-15') => {
    serial += 1;
    const code = `S${String(serial).padStart(3, '0')}`;
    const person = await buildPerson(db, { tenantId: t, code, name, birthDate, personCategory: 'student' });
    const [row] = await db
      .insert(devCases)
      .values({ tenantId: t, personId: person.id, orgId: branch.id, stage: stageOf(steps) ?? 'applicant' })
      .returning();
    if (steps.length > 0)
      await db.insert(devEvents).values(
        steps.map((s) => ({
          tenantId: t,
          caseId: row.id,
          step: s.step,
          on: s.on,
          data: s.data ?? {},
          recordedByName: '数据集导入',
        })),
      );
    return code;
  };
  const run = async (rule: string, asOf: string, from = '2019-01-01') =>
    (await findingsFor(db, { tenantId: t, asOf, from, rules: [rule] })).map((f) => ({
      severity: f.severity,
      member: f.member,
      period: f.period,
      message: f.message,
    }));
  const english = async (rule: string, asOf: string) =>
    (await findingsFor(db, { tenantId: t, asOf, from: '2019-01-01', rules: [rule] })).map((f) => f.messageEn).sort();
  return { u, t, branch, m1, m2, m3, m4, probationary, devCase, run, english };
}

const vote = (expected: number, present: number, yes: number, no = 0, abstain = 0) => ({
  vote: { expected, present, yes, no, abstain },
});

/** Days of each quarter (the 15th of its middle month) and half year (15 May, 15 November) from … to. */
function reports(from: string, to: string): Step[] {
  const out: Step[] = [];
  for (let year = 2019; year <= 2024; year++) {
    for (const month of ['02', '05', '08', '11']) {
      const on = `${year}-${month}-15`;
      if (on < from || on > to) continue;
      out.push({ step: 'thoughtReport', on });
      if (month === '05' || month === '11') out.push({ step: 'assessment', on, data: { result: 'good' } });
    }
  }
  return out;
}

/** The statutory path of `dataset.md`, application to confirmation, with the world's members (five vote). */
function happyPath(w: Awaited<ReturnType<typeof world>>): Step[] {
  return [
    { step: 'application', on: '2020-09-20' },
    { step: 'talk', on: '2020-10-10', data: { by: [w.m1] } },
    { step: 'leagueRecommendation', on: '2020-11-01' },
    { step: 'activist', on: '2020-11-10', data: { mentors: [w.m2, w.m3] } },
    ...reports('2020-11-11', '2023-05-19'),
    { step: 'candidate', on: '2021-11-15' },
    { step: 'politicalReview', on: '2022-03-01' },
    { step: 'training', on: '2022-03-10', data: { hours: 24 } },
    { step: 'sponsors', on: '2022-03-15', data: { sponsors: [w.m2, w.m4] } },
    { step: 'publicity', on: '2022-04-01', data: { until: '2022-04-07' } },
    { step: 'preReview', on: '2022-04-10' },
    { step: 'admissionVote', on: '2022-04-20', data: vote(5, 5, 5) },
    { step: 'approval', on: '2022-06-10' },
    { step: 'oath', on: '2022-07-01' },
    { step: 'confirmationVote', on: '2023-04-25', data: vote(5, 4, 4) },
    { step: 'confirmationApproval', on: '2023-05-20' },
  ];
}

const devRuleIds = ['DEV-01', 'DEV-02', 'DEV-03', 'DEV-04', 'DEV-05', 'DEV-06', 'DEV-07', 'DEV-08', 'DEV-09', 'DEV-10'];

describe('a case that follows the law', () => {
  it('has no DEV finding from application to confirmation', async () => {
    const w = await world();
    await w.devCase('王强', happyPath(w));
    for (const rule of devRuleIds) expect([rule, await w.run(rule, '2023-06-01')]).toEqual([rule, []]);
  });
});

describe('DEV-01 age at application', () => {
  it('the 18th birthday on the application day passes, the day before is a breach of that year', async () => {
    const w = await world();
    await w.devCase('孙丽', [{ step: 'application', on: '2022-03-10' }], '2004-03-10');
    const young = await w.devCase('周杰', [{ step: 'application', on: '2022-03-10' }], '2004-03-11');
    expect(await w.run('DEV-01', '2022-06-01')).toEqual([
      {
        severity: 'breach',
        member: young,
        period: '2022',
        message: '入党申请人周杰：申请入党时未满18周岁（2004-03-11出生，2022-03-10申请时17周岁，2022-03-11年满18周岁）',
      },
    ]);
  });
});

describe('DEV-02 talk within talkDays', () => {
  it('a talk on day 30 is in time, on day 31 late; a missing one warns in its last week and is a breach after', async () => {
    const w = await world();
    await w.devCase('吴磊', [
      { step: 'application', on: '2022-03-01' },
      { step: 'talk', on: '2022-03-31', data: { by: [w.m1] } },
    ]);
    const late = await w.devCase('郑爽', [
      { step: 'application', on: '2022-03-01' },
      { step: 'talk', on: '2022-04-01', data: { by: [w.m1] } },
    ]);
    const waiting = await w.devCase('冯远', [{ step: 'application', on: '2022-03-01' }]);
    const closed = await w.devCase('何静', [
      { step: 'application', on: '2022-03-01' },
      { step: 'withdrawn', on: '2022-05-01' },
    ]);
    expect((await w.run('DEV-02', '2022-03-20')).filter((f) => f.member === waiting)).toEqual([]);
    expect((await w.run('DEV-02', '2022-03-26')).filter((f) => f.member === waiting)).toEqual([
      {
        severity: 'warning',
        member: waiting,
        period: null,
        message: '入党申请人冯远于2022-03-01递交入党申请书，尚未谈话，须于2022-03-31前谈话（还剩6天）',
      },
    ]);
    const found = await w.run('DEV-02', '2022-06-01');
    expect(found.sort((a, b) => a.member!.localeCompare(b.member!))).toEqual([
      {
        severity: 'breach',
        member: late,
        period: '2022',
        message: '入党申请人郑爽于2022-03-01递交入党申请书，2022-04-01才谈话，相隔31天（要求30天内谈话）',
      },
      {
        severity: 'breach',
        member: waiting,
        period: null,
        message:
          '入党申请人冯远于2022-03-01递交入党申请书，尚未谈话，已超过谈话期限62天（应于2022-03-31前谈话）（要求30天内谈话）',
      },
      {
        severity: 'breach',
        member: closed,
        period: '2022',
        message: '入党申请人何静于2022-03-01递交入党申请书，未记录谈话（应于2022-03-31前谈话）（要求30天内谈话）',
      },
    ]);
  });
  it('follows a university override of talkDays, and the gate gets the same value', async () => {
    const w = await world();
    await db
      .insert(parameterOverrides)
      .values({ tenantId: w.t, rule: 'DEV-02', orgId: null, values: { talkDays: 15 }, reason: 'test' });
    const code = await w.devCase('韩梅', [
      { step: 'application', on: '2022-03-01' },
      { step: 'talk', on: '2022-03-20', data: { by: [w.m1] } },
    ]);
    expect((await w.run('DEV-02', '2022-06-01')).map((f) => [f.member, f.message])).toEqual([
      [code, '入党申请人韩梅于2022-03-01递交入党申请书，2022-03-20才谈话，相隔19天（要求15天内谈话）'],
    ]);
    const params = await db.transaction((tx) => loadDevParams(tx, w.t, w.branch.path));
    expect(params).toEqual({ minAge: 18, talkDays: 15, trainingMonths: 12, trainingHours: 24, approveMonths: 3 });
  });
});

describe('DEV-03 mentors', () => {
  it('one or two full members on the day; probationary that day, outsiders and none are breaches', async () => {
    const w = await world();
    // Joined in 2020, confirmed on 2021-01-01: probationary when named on 2020-11-10.
    const later = await buildPerson(db, { tenantId: w.t, code: 'M007', name: '杨帆' });
    await buildMembership(db, {
      tenantId: w.t,
      personId: later.id,
      orgId: w.branch.id,
      status: 'full',
      joinedOn: '2020-01-01',
      confirmedOn: '2021-01-01',
    });
    const outsider = await buildPerson(db, { tenantId: w.t, code: 'X001', name: '林涛' });
    const activist = (mentors: string[]): Step[] => [
      { step: 'application', on: '2020-05-01' },
      { step: 'activist', on: '2020-11-10', data: { mentors } },
    ];
    await w.devCase('马超', activist([w.m2]));
    await w.devCase('高峰', activist([w.m2, w.m3]));
    const wrong = await w.devCase('罗琳', activist([later.id, outsider.id]));
    const none = await w.devCase('梁爽', activist([]));
    const three = await w.devCase('宋佳', activist([w.m1, w.m2, w.probationary]));
    const found = await w.run('DEV-03', '2021-01-10');
    expect(found.sort((a, b) => a.member!.localeCompare(b.member!))).toEqual([
      {
        severity: 'breach',
        member: wrong,
        period: '2020',
        message:
          '入党积极分子罗琳：培养联系人杨帆在2020-11-10不是正式党员（当日为预备党员）；入党积极分子罗琳：培养联系人林涛在2020-11-10不是正式党员（当日不是党籍正常的党员）',
      },
      {
        severity: 'breach',
        member: none,
        period: '2020',
        message: '入党积极分子梁爽：应指定1至2名正式党员作培养联系人，登记了0名',
      },
      {
        severity: 'breach',
        member: three,
        period: '2020',
        message:
          '入党积极分子宋佳：应指定1至2名正式党员作培养联系人，登记了3名；入党积极分子宋佳：培养联系人赵敏在2020-11-10不是正式党员（当日为预备党员）',
      },
    ]);
  });
});

describe('DEV-04 and DEV-05 thought reports and assessments', () => {
  it('owes every whole quarter and half year in training; the partial first one is free; the open one warns near its end', async () => {
    const w = await world();
    const code = await w.devCase('曹颖', [
      { step: 'application', on: '2020-06-01' },
      { step: 'activist', on: '2020-12-20', data: { mentors: [w.m2] } },
      { step: 'thoughtReport', on: '2021-02-10' },
      { step: 'assessment', on: '2021-05-10', data: { result: 'good' } },
      { step: 'thoughtReport', on: '2021-08-10' },
    ]);
    expect(await w.run('DEV-04', '2021-09-20', '2020-01-01')).toEqual([
      {
        severity: 'breach',
        member: code,
        period: '2021-Q2',
        message: '2021年第2季度入党积极分子曹颖未提交思想汇报（要求每季度至少1次）',
      },
    ]);
    expect(await w.run('DEV-04', '2021-12-20', '2021-10-01')).toEqual([
      {
        severity: 'warning',
        member: code,
        period: '2021-Q4',
        message: '2021年第4季度入党积极分子曹颖已提交思想汇报0次，距期末还有12天（要求每季度至少1次）',
      },
    ]);
    expect(await w.run('DEV-05', '2022-01-10', '2020-01-01')).toEqual([
      {
        severity: 'breach',
        member: code,
        period: '2021-H2',
        message: '2021年下半年入党积极分子曹颖未进行培养考察（要求每半年至少1次）',
      },
    ]);
  });
});

describe('DEV-06 a year of training before becoming a candidate', () => {
  it('exactly 12 months passes, a day less is a breach; an application without an activist step too', async () => {
    const w = await world();
    const path = (candidateOn: string): Step[] => [
      { step: 'application', on: '2020-05-01' },
      { step: 'activist', on: '2020-11-10', data: { mentors: [w.m2] } },
      { step: 'candidate', on: candidateOn },
    ];
    await w.devCase('田甜', path('2021-11-10'));
    const early = await w.devCase('邓超', path('2021-11-09'));
    const skipped = await w.devCase('许晴', [
      { step: 'application', on: '2020-05-01' },
      { step: 'candidate', on: '2021-06-01' },
    ]);
    // Recorded from a later stage (the early papers were kept elsewhere): not judged.
    await w.devCase('沈腾', [{ step: 'candidate', on: '2021-06-01' }]);
    const found = await w.run('DEV-06', '2022-01-10');
    expect(found.sort((a, b) => a.member!.localeCompare(b.member!))).toEqual([
      {
        severity: 'breach',
        member: early,
        period: '2021',
        message:
          '发展对象邓超：2020-11-10确定为入党积极分子，2021-11-09即列为发展对象，培养教育仅11个月（要求至少12个月，2021-11-10起方可）',
      },
      {
        severity: 'breach',
        member: skipped,
        period: '2021',
        message: '发展对象许晴：2021-06-01列为发展对象，但未经确定为入党积极分子（要求培养教育至少12个月）',
      },
    ]);
    expect(await w.english('DEV-06', '2022-01-10')).toEqual([
      'Candidate 许晴: became a candidate on 2021-06-01 without having been an activist (required: at least 12 months of training)',
      'Candidate 邓超: became a candidate on 2021-11-09, only 11 months after becoming an activist on 2020-11-10 (required: at least 12 months, from 2021-11-10)',
    ]);
  });
});

describe('DEV-07 sponsors, political review and training before the vote', () => {
  it('finds a probationary sponsor, a missing review and short training in one finding of the year', async () => {
    const w = await world();
    const code = await w.devCase('袁泉', [
      { step: 'application', on: '2020-05-01' },
      { step: 'activist', on: '2020-11-10', data: { mentors: [w.m2] } },
      { step: 'candidate', on: '2021-11-15' },
      { step: 'training', on: '2022-03-10', data: { hours: 16 } },
      { step: 'sponsors', on: '2022-03-15', data: { sponsors: [w.m2, w.probationary] } },
      { step: 'admissionVote', on: '2022-04-20', data: vote(5, 5, 5) },
    ]);
    expect(await w.run('DEV-07', '2022-06-01')).toEqual([
      {
        severity: 'breach',
        member: code,
        period: '2022',
        message:
          '发展对象袁泉：入党介绍人赵敏在2022-03-15不是正式党员（当日为预备党员）；发展对象袁泉：2022-04-20支部大会讨论接收前未进行政治审查；发展对象袁泉：2022-04-20支部大会讨论接收前集中培训16学时（要求不少于24学时）',
      },
    ]);
  });
});

describe('DEV-08 votes', () => {
  it('judges 应到, quorum and majority against the full members of the branch on the day', async () => {
    const w = await world();
    // Joins the branch after the vote: not a voter on 2022-04-20.
    const newcomer = await buildPerson(db, { tenantId: w.t, code: 'M008', name: '黄磊' });
    await buildMembership(db, { tenantId: w.t, personId: newcomer.id, orgId: w.branch.id, validFrom: '2022-05-01' });
    const path = (data: DevEvent['data'] | null, after: DevStep): Step[] => [
      { step: 'application', on: '2020-05-01' },
      { step: 'activist', on: '2020-11-10', data: { mentors: [w.m2] } },
      { step: 'candidate', on: '2021-11-15' },
      ...(data ? [{ step: 'admissionVote' as const, on: '2022-04-20', data }] : []),
      { step: after, on: '2022-05-20' },
    ];
    await w.devCase('石磊', path(vote(5, 3, 3), 'approval'));
    const bad = await w.devCase('唐嫣', path(vote(6, 3, 2, 1), 'approval'));
    const noVote = await w.devCase('陆毅', path(null, 'approval'));
    // The assembly rejected the candidate and the case ended: a lawful decision, no finding.
    await w.devCase('何炅', path(vote(5, 5, 2, 3), 'notAdmitted'));
    // …but the record of a rejecting vote must still add up.
    const miscounted = await w.devCase('欧阳', path(vote(5, 6, 5, 0, 1), 'notAdmitted'));
    const found = await w.run('DEV-08', '2022-06-01');
    expect(found.sort((a, b) => a.member!.localeCompare(b.member!))).toEqual([
      {
        severity: 'breach',
        member: bad,
        period: '2022',
        message:
          '发展对象唐嫣：2022-04-20支部大会讨论接收：应到6人与支部当日有表决权的正式党员5人不符；发展对象唐嫣：2022-04-20支部大会讨论接收：赞成2票，未超过应到会有表决权的正式党员5人的半数，决议未通过',
      },
      {
        severity: 'breach',
        member: noVote,
        period: '2022',
        message: '发展对象陆毅：2022-05-20上级党委审批，但没有支部大会讨论接收的记录',
      },
      {
        severity: 'breach',
        member: miscounted,
        period: '2022',
        message: '发展对象欧阳：2022-04-20支部大会讨论接收：实到6人多于应到5人',
      },
    ]);
    const gate = await db.transaction((tx) =>
      loadGateFacts(tx, {
        tenantId: w.t,
        orgId: w.branch.id,
        day: '2022-04-20',
        personIds: [w.m1, w.probationary, newcomer.id],
      }),
    );
    expect(gate).toEqual({
      statusOn: { [w.m1]: 'full', [w.probationary]: 'probationary', [newcomer.id]: null },
      votingMembers: 5,
    });
  });
});

describe('DEV-09 approval within approveMonths', () => {
  it('exactly 3 months passes, a day more is late; an open case warns before and breaches after the due day', async () => {
    const w = await world();
    const path = (extra: Step[]): Step[] => [
      { step: 'application', on: '2020-05-01' },
      { step: 'activist', on: '2020-11-10', data: { mentors: [w.m2] } },
      { step: 'candidate', on: '2021-11-15' },
      { step: 'admissionVote', on: '2022-04-20', data: vote(5, 5, 5) },
      ...extra,
    ];
    await w.devCase('秦岚', path([{ step: 'approval', on: '2022-07-20' }]));
    const late = await w.devCase('贾玲', path([{ step: 'approval', on: '2022-07-21' }]));
    const waiting = await w.devCase('范伟', path([]));
    expect((await w.run('DEV-09', '2022-06-01')).filter((f) => f.member === waiting)).toEqual([]);
    // On 2022-07-01 the late approval has not happened yet either: both await it.
    expect((await w.run('DEV-09', '2022-07-01')).filter((f) => f.member === waiting)).toEqual([
      {
        severity: 'warning',
        member: waiting,
        period: null,
        message: '发展对象范伟于2022-04-20经支部大会讨论通过接收，尚待上级党委审批，须于2022-07-20前审批（还剩20天）',
      },
    ]);
    const found = await w.run('DEV-09', '2022-08-01');
    expect(found.sort((a, b) => a.member!.localeCompare(b.member!))).toEqual([
      {
        severity: 'breach',
        member: late,
        period: '2022',
        message:
          '发展对象贾玲：2022-04-20支部大会讨论接收，2022-07-21上级党委才审批，超过3个月（应于2022-07-20前审批）',
      },
      {
        severity: 'breach',
        member: waiting,
        period: null,
        message:
          '发展对象范伟于2022-04-20经支部大会讨论通过接收，超过3个月仍未经上级党委审批（应于2022-07-20前审批，已超期12天）',
      },
    ]);
  });
});

describe('DEV-10 probation and confirmation', () => {
  const admitted = (w: Awaited<ReturnType<typeof world>>, extra: Step[]): Step[] => [
    { step: 'application', on: '2020-05-01' },
    { step: 'activist', on: '2020-11-10', data: { mentors: [w.m2] } },
    { step: 'candidate', on: '2021-11-15' },
    { step: 'admissionVote', on: '2022-04-20', data: vote(5, 5, 5) },
    { step: 'approval', on: '2022-06-10' },
    ...extra,
  ];
  it('warns before the end of probation and through the grace, then breaches', async () => {
    const w = await world();
    const code = await w.devCase('刘涛', admitted(w, []));
    expect(await w.run('DEV-10', '2023-03-01')).toEqual([]);
    expect((await w.run('DEV-10', '2023-04-01')).map((f) => [f.severity, f.member, f.message])).toEqual([
      ['warning', code, '预备党员刘涛预备期将于2023-04-20期满，届时应由支部大会讨论转正（还剩20天）'],
    ]);
    expect((await w.run('DEV-10', '2023-05-10')).map((f) => [f.severity, f.message])).toEqual([
      ['warning', '预备党员刘涛预备期已于2023-04-20期满，尚未讨论转正，须于2023-05-20前讨论（要求期满后30天内讨论）'],
    ]);
    expect((await w.run('DEV-10', '2023-05-21')).map((f) => [f.severity, f.period, f.message])).toEqual([
      ['breach', null, '预备党员刘涛预备期已于2023-04-20期满，31天后仍未讨论转正（要求期满后30天内讨论）'],
    ]);
    expect(await w.english('DEV-10', '2023-05-21')).toEqual([
      'Probationary member 刘涛: probation ended on 2023-04-20; confirmation not discussed 31 days later (required: within 30 days)',
    ]);
  });
  it('finds a confirmation before the end, an extension out of 6..12 months and a second extension', async () => {
    const w = await world();
    const early = await w.devCase(
      '李晨',
      admitted(w, [{ step: 'confirmationVote', on: '2023-04-19', data: vote(5, 5, 5) }]),
    );
    await w.devCase('王凯', admitted(w, [{ step: 'confirmationVote', on: '2023-04-20', data: vote(5, 5, 5) }]));
    const twice = await w.devCase('江疏', [
      ...admitted(w, [
        { step: 'probationExtension', on: '2023-04-25', data: { months: 5 } },
        { step: 'probationExtension', on: '2023-09-25', data: { months: 6 } },
      ]),
    ]);
    const found = await w.run('DEV-10', '2023-10-01');
    expect(
      found.sort((a, b) => a.member!.localeCompare(b.member!)).map((f) => [f.severity, f.member, f.period, f.message]),
    ).toEqual([
      ['breach', early, '2023', '预备党员李晨：2023-04-19即讨论转正，早于预备期满之日2023-04-20'],
      [
        'breach',
        twice,
        '2023',
        '预备党员江疏：延长预备期5个月（要求不少于6个月、不超过12个月）；预备党员江疏：预备期已于2023-04-25延长过，只能延长一次',
      ],
    ]);
  });
});
