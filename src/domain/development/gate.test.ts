import { describe, expect, it } from 'vitest';
import { type GateContext, gateStep } from './gate.ts';
import type { DevEvent, DevStep } from './steps.ts';

/** The case of `dataset.md`, step by step: application 2020-09-20 to confirmation 2023-05-20. */
const happy: DevEvent[] = [
  { step: 'application', on: '2020-09-20', data: {} },
  { step: 'talk', on: '2020-10-10', data: { by: ['T1'] } },
  { step: 'leagueRecommendation', on: '2020-11-01', data: {} },
  { step: 'activist', on: '2020-11-10', data: { mentors: ['T2', 'T3'] } },
  { step: 'thoughtReport', on: '2021-01-05', data: {} },
  { step: 'assessment', on: '2021-05-10', data: { result: 'good' } },
  { step: 'candidate', on: '2021-11-15', data: {} },
  { step: 'politicalReview', on: '2022-03-01', data: {} },
  { step: 'training', on: '2022-03-10', data: { hours: 24 } },
  { step: 'sponsors', on: '2022-03-15', data: { sponsors: ['T2', 'T4'] } },
  { step: 'publicity', on: '2022-04-01', data: { until: '2022-04-07' } },
  { step: 'preReview', on: '2022-04-10', data: {} },
  {
    step: 'admissionVote',
    on: '2022-04-20',
    data: { vote: { expected: 20, present: 18, yes: 17, no: 0, abstain: 1 } },
  },
  { step: 'superiorTalk', on: '2022-05-10', data: { by: ['T9'] } },
  { step: 'approval', on: '2022-06-10', data: {} },
  { step: 'oath', on: '2022-07-01', data: {} },
  { step: 'thoughtReport', on: '2022-10-05', data: {} },
  {
    step: 'confirmationVote',
    on: '2023-04-25',
    data: { vote: { expected: 21, present: 19, yes: 19, no: 0, abstain: 0 } },
  },
  { step: 'confirmationApproval', on: '2023-05-20', data: {} },
];

const params = { talkDays: 30, trainingMonths: 12, approveMonths: 3, minAge: 18, trainingHours: 24 };
const full = { T1: 'full', T2: 'full', T3: 'full', T4: 'full', T9: 'full' } as const;
const ctx = (over: Partial<GateContext> = {}): GateContext => ({
  birthDate: '2001-03-15',
  statusOn: { ...full },
  votingMembers: 20,
  asOf: '2023-06-01',
  params,
  ...over,
});

/** The events recorded before the first step of this kind. */
const upTo = (step: DevStep) =>
  happy.slice(
    0,
    happy.findIndex((e) => e.step === step),
  );
const stepOf = (step: DevStep) => happy.find((e) => e.step === step)!;
const gate = (step: DevStep, change: Partial<DevEvent> = {}, over: Partial<GateContext> = {}, events = upTo(step)) =>
  gateStep(events, { ...stepOf(step), ...change }, ctx(over));
const zh = (v: ReturnType<typeof gateStep>) => v.map((x) => [x.rule, x.field, x.message.zh]);

describe('gateStep: the full happy path', () => {
  it('lets every step through in order, application to confirmation', () => {
    happy.forEach((event, i) => {
      const votingMembers = event.step === 'confirmationVote' ? 21 : 20;
      expect([event.step, gateStep(happy.slice(0, i), event, ctx({ votingMembers }))]).toEqual([event.step, []]);
    });
  });
  it('takes the events in any recorded order', () => {
    expect(gateStep([...upTo('admissionVote')].reverse(), stepOf('admissionVote'), ctx())).toEqual([]);
  });
});

describe('gateStep: dates', () => {
  it('refuses a step dated after today or before the previous stage step', () => {
    expect(zh(gate('talk', { on: '2023-06-02' }))).toEqual([[null, 'on', '日期2023-06-02晚于今天（2023-06-01）']]);
    expect(zh(gate('thoughtReport', { on: '2020-11-09' }))).toEqual([
      [null, 'on', '日期2020-11-09早于上一阶段步骤“确定为入党积极分子”的日期2020-11-10'],
    ]);
    expect(gate('thoughtReport', { on: '2020-11-09' })[0].message.en).toBe(
      '2020-11-09 is before the previous stage step (Became an activist, 2020-11-10)',
    );
  });
  it('refuses an approval dated before the vote it approves', () => {
    expect(zh(gate('approval', { on: '2022-04-19' }))).toEqual([
      [null, 'on', '日期2022-04-19早于支部大会讨论接收之日（2022-04-20）'],
    ]);
  });
});

describe('gateStep: sequence', () => {
  it('refuses a second application and any step before an application', () => {
    expect(zh(gate('application', {}, {}, upTo('talk')))).toEqual([[null, 'step', '已递交过入党申请书']]);
    expect(zh(gate('talk', {}, {}, []))).toEqual([[null, 'step', '须先递交入党申请书，才能记录“谈话”']]);
    expect(zh(gate('activist', {}, {}, []))).toEqual([
      [null, 'step', '须先递交入党申请书，才能记录“确定为入党积极分子”'],
    ]);
  });
  it('refuses a candidate who never was an activist, with DEV-06', () => {
    expect(zh(gate('candidate', {}, {}, upTo('activist')))).toEqual([
      ['DEV-06', 'step', '2021-11-15列为发展对象，但未经确定为入党积极分子（要求培养教育至少12个月）'],
    ]);
  });
  it('refuses preparing or voting before becoming a candidate', () => {
    expect(zh(gate('sponsors', { on: '2021-03-15' }, {}, upTo('candidate')))).toEqual([
      [null, 'step', '“确定入党介绍人”只适用于发展对象（当前阶段：入党积极分子）'],
    ]);
    expect(zh(gate('admissionVote', { on: '2021-04-20' }, {}, upTo('candidate')))).toEqual([
      [null, 'step', '“支部大会讨论接收”只适用于发展对象（当前阶段：入党积极分子）'],
    ]);
  });
  it('refuses a vote before the publicity ended or without a publicity or preliminary review', () => {
    const noPublicity = upTo('admissionVote').filter((e) => e.step !== 'publicity' && e.step !== 'preReview');
    expect(zh(gate('admissionVote', {}, {}, noPublicity))).toEqual([
      [null, 'step', '支部大会讨论接收前未进行发展公示'],
      [null, 'step', '支部大会讨论接收前未经上级党委预审'],
    ]);
    const running = upTo('admissionVote').map((e) =>
      e.step === 'publicity' ? { ...e, data: { until: '2022-04-20' } } : e,
    );
    expect(zh(gate('admissionVote', {}, {}, running))).toEqual([
      [null, 'step', '发展公示至2022-04-20，须在公示期满后再讨论接收'],
    ]);
  });
  it('refuses preparation after the admission vote carried, and an approval without one', () => {
    expect(zh(gate('training', { on: '2022-05-01' }, {}, upTo('superiorTalk')))).toEqual([
      [null, 'step', '支部大会已于2022-04-20讨论通过接收，不能再记录“集中培训”'],
    ]);
    expect(zh(gate('approval', {}, {}, upTo('admissionVote')))).toEqual([
      [null, 'step', '“上级党委审批”须在支部大会讨论通过接收之后'],
    ]);
    const failed: DevEvent = {
      step: 'admissionVote',
      on: '2022-04-20',
      data: { vote: { expected: 20, present: 18, yes: 10, no: 8, abstain: 0 } },
    };
    expect(zh(gate('approval', {}, {}, [...upTo('admissionVote'), failed]))).toEqual([
      [null, 'step', '“上级党委审批”须在支部大会讨论通过接收之后'],
    ]);
  });
  it('refuses an oath before the approval, and a second oath', () => {
    expect(zh(gate('oath', { on: '2022-06-01' }, {}, upTo('approval')))).toEqual([
      [null, 'step', '入党宣誓须在上级党委审批之后'],
    ]);
    expect(zh(gate('oath', { on: '2022-08-01' }, {}, upTo('confirmationVote')))).toEqual([
      [null, 'step', '已于2022-07-01入党宣誓'],
    ]);
  });
  it('takes confirmation steps only for probationary members', () => {
    expect(zh(gate('confirmationVote', { on: '2022-05-01' }, {}, upTo('approval')))).toEqual([
      [null, 'step', '“支部大会讨论转正”只适用于预备党员（当前阶段：发展对象）'],
    ]);
    const extension: DevEvent = { step: 'probationExtension', on: '2022-05-01', data: { months: 6 } };
    expect(zh(gateStep(upTo('approval'), extension, ctx()))).toEqual([
      [null, 'step', '“延长预备期”只适用于预备党员（当前阶段：发展对象）'],
    ]);
    expect(zh(gate('confirmationApproval', {}, {}, upTo('confirmationVote')))).toEqual([
      [null, 'step', '转正审批须在支部大会讨论通过转正之后'],
    ]);
  });
  it('keeps each step to its stage', () => {
    const at = (events: DevEvent[], step: DevStep, on: string, data: DevEvent['data'] = {}) =>
      zh(gateStep(events, { step, on, data }, ctx()));
    expect(at(upTo('candidate'), 'talk', '2021-06-01', { by: ['T1'] })).toEqual([
      [null, 'step', '“谈话”只适用于入党申请人（当前阶段：入党积极分子）'],
    ]);
    expect(at(upTo('candidate'), 'activist', '2021-06-01', { mentors: ['T2'] })).toEqual([
      [null, 'step', '“确定为入党积极分子”只适用于入党申请人（当前阶段：入党积极分子）'],
    ]);
    expect(at(upTo('activist'), 'assessment', '2020-11-05', { result: 'good' })).toEqual([
      [null, 'step', '“培养考察”须在确定为入党积极分子之后（当前阶段：入党申请人）'],
    ]);
    expect(at(upTo('politicalReview'), 'candidate', '2022-01-01')).toEqual([
      [null, 'step', '“确定为发展对象”只适用于入党积极分子（当前阶段：发展对象）'],
    ]);
    expect(at(upTo('admissionVote'), 'superiorTalk', '2022-04-15')).toEqual([
      [null, 'step', '“上级党委派人谈话”须在支部大会讨论通过接收之后'],
    ]);
    expect(at(upTo('candidate'), 'notAdmitted', '2021-06-01')).toEqual([
      [null, 'step', '“未被接收”只适用于发展对象（当前阶段：入党积极分子）'],
    ]);
    expect(at(upTo('candidate'), 'thoughtReport', '2021-06-01')).toEqual([]);
    expect(at(upTo('politicalReview'), 'notAdmitted', '2022-01-01')).toEqual([]);
  });
  it('refuses a confirmation approval dated before the vote it approves', () => {
    const voted = upTo('confirmationApproval');
    expect(zh(gateStep(voted, { step: 'confirmationApproval', on: '2023-04-24', data: {} }, ctx()))).toEqual([
      [null, 'on', '日期2023-04-24早于支部大会讨论转正之日（2023-04-25）'],
    ]);
  });
  it('refuses anything after a closed stage', () => {
    expect(zh(gateStep(happy, { step: 'thoughtReport', on: '2023-05-30', data: {} }, ctx()))).toEqual([
      [null, 'step', '档案已结束（正式党员），不能再记录“思想汇报”'],
    ]);
    const withdrawn = [...upTo('candidate'), { step: 'withdrawn', on: '2021-06-01', data: {} } as DevEvent];
    expect(zh(gateStep(withdrawn, { step: 'candidate', on: '2021-12-01', data: {} }, ctx()))).toEqual([
      [null, 'step', '档案已结束（终止培养），不能再记录“确定为发展对象”'],
    ]);
  });
  it('refuses a withdrawal of a probationary member (that is a cancellation)', () => {
    expect(zh(gateStep(upTo('oath'), { step: 'withdrawn', on: '2022-07-01', data: {} }, ctx()))).toEqual([
      [null, 'step', '“终止培养”只适用于预备党员之前的阶段（当前阶段：预备党员）'],
    ]);
    expect(gateStep(upTo('oath'), { step: 'probationCancelled', on: '2022-07-01', data: {} }, ctx())).toEqual([]);
  });
});

describe('gateStep: the fields of a step', () => {
  it('names each missing or foreign field', () => {
    expect(zh(gate('talk', { data: {} }))).toEqual([[null, 'data.by', '必填']]);
    expect(zh(gate('talk', { data: { by: [] } }))).toEqual([[null, 'data.by', '应至少填写1名谈话人']]);
    expect(zh(gate('assessment', { data: {} }))).toEqual([[null, 'data.result', '必填']]);
    expect(zh(gate('training', { data: { hours: 0 } }))[0].slice(0, 2)).toEqual([null, 'data.hours']);
    expect(zh(gate('admissionVote', { data: {} }))).toEqual([[null, 'data.vote', '必填']]);
    expect(zh(gate('oath', { data: { mentors: ['T2'] } }))).toEqual([[null, 'data.mentors', '此步骤不填写 mentors']]);
    const negative = gate('admissionVote', {
      data: { vote: { expected: 20, present: -1, yes: 17, no: 0, abstain: 1 } },
    });
    expect(negative.map((v) => [v.rule, v.field])).toEqual([[null, 'data.vote.present']]);
    const half: DevEvent = { step: 'probationExtension', on: '2023-04-25', data: { months: 6.5 } };
    expect(gateStep(upTo('confirmationVote'), half, ctx()).map((v) => [v.rule, v.field])).toEqual([
      [null, 'data.months'],
    ]);
    const unknown = { step: 'promotion', on: '2021-01-01', data: {} } as unknown as DevEvent;
    expect(zh(gateStep(upTo('talk'), unknown, ctx()))).toEqual([[null, 'step', '未知的步骤 promotion']]);
    expect(zh(gateStep([], unknown, ctx()))).toEqual([[null, 'step', '未知的步骤 promotion']]);
  });
  it('refuses a publicity that ends before it starts', () => {
    expect(zh(gate('publicity', { data: { until: '2022-03-31' } }))).toEqual([
      [null, 'data.until', '公示截止日2022-03-31早于公示开始日2022-04-01'],
    ]);
    expect(gate('publicity', { data: { until: '2022-04-01' } })).toEqual([]);
  });
});

describe('gateStep: the statutory rules', () => {
  it('DEV-01: under 18 on the application date; the 18th birthday itself is enough', () => {
    expect(gate('application', { on: '2019-03-14' }, { birthDate: '2001-03-15' })).toEqual([
      {
        rule: 'DEV-01',
        field: 'on',
        message: {
          zh: '申请入党时未满18周岁（2001-03-15出生，2019-03-14申请时17周岁，2019-03-15年满18周岁）',
          en: 'under 18 on the application date: born 2001-03-15, aged 17 on 2019-03-14 (turns 18 on 2019-03-15)',
        },
      },
    ]);
    expect(gate('application', { on: '2019-03-15' }, { birthDate: '2001-03-15' })).toEqual([]);
    expect(zh(gate('application', {}, { birthDate: null }))).toEqual([
      ['DEV-01', 'birthDate', '未登记出生日期，无法核对申请入党时是否年满18周岁'],
    ]);
  });
  it('DEV-03: one or two mentors, each a full member that day', () => {
    expect(zh(gate('activist', { data: { mentors: [] } }))).toEqual([
      ['DEV-03', 'data.mentors', '应指定1至2名正式党员作培养联系人，登记了0名'],
    ]);
    expect(zh(gate('activist', { data: { mentors: ['T1', 'T2', 'T3'] } }))).toEqual([
      ['DEV-03', 'data.mentors', '应指定1至2名正式党员作培养联系人，登记了3名'],
    ]);
    const violations = gate(
      'activist',
      { data: { mentors: ['T2', 'P5'] } },
      { statusOn: { T2: 'probationary', P5: null }, names: { T2: '李娜' } },
    );
    expect(violations).toEqual([
      {
        rule: 'DEV-03',
        field: 'data.mentors.0',
        message: {
          zh: '培养联系人李娜在2020-11-10不是正式党员（当日为预备党员）',
          en: 'mentor 李娜 was not a full member on 2020-11-10 (a probationary member that day)',
        },
      },
      {
        rule: 'DEV-03',
        field: 'data.mentors.1',
        message: {
          zh: '第二名培养联系人在2020-11-10不是正式党员（当日不是党籍正常的党员）',
          en: 'mentor #2 was not a full member on 2020-11-10 (not a member in normal standing that day)',
        },
      },
    ]);
    expect(gate('activist', { data: { mentors: ['T2'] } })).toEqual([]);
  });
  it('DEV-06: a candidate after exactly 12 months passes, a day less is refused', () => {
    expect(gate('candidate', { on: '2021-11-10' })).toEqual([]);
    expect(gate('candidate', { on: '2021-11-09' })).toEqual([
      {
        rule: 'DEV-06',
        field: 'on',
        message: {
          zh: '2020-11-10确定为入党积极分子，2021-11-09即列为发展对象，培养教育仅11个月（要求至少12个月，2021-11-10起方可）',
          en: 'became a candidate on 2021-11-09, only 11 months after becoming an activist on 2020-11-10 (required: at least 12 months, from 2021-11-10)',
        },
      },
    ]);
    expect(zh(gate('candidate', { on: '2021-05-10' }, { params: { ...params, trainingMonths: 6 } }))).toEqual([]);
  });
  it('DEV-07: two sponsors who are full members that day', () => {
    expect(zh(gate('sponsors', { data: { sponsors: ['T2'] } }))).toEqual([
      ['DEV-07', 'data.sponsors', '发展对象应有2名正式党员作入党介绍人，登记了1名'],
    ]);
    expect(zh(gate('sponsors', { data: { sponsors: ['T2', 'T2'] } }))).toEqual([
      ['DEV-07', 'data.sponsors.1', '第二名入党介绍人重复登记'],
    ]);
    expect(zh(gate('sponsors', {}, { statusOn: { T2: 'full', T4: 'probationary' } }))).toEqual([
      ['DEV-07', 'data.sponsors.1', '第二名入党介绍人在2022-03-15不是正式党员（当日为预备党员）'],
    ]);
  });
  it('DEV-07: no sponsors, no political review or too little training before the vote', () => {
    const bare = upTo('admissionVote').filter((e) => !['sponsors', 'politicalReview', 'training'].includes(e.step));
    expect(zh(gate('admissionVote', {}, {}, bare))).toEqual([
      ['DEV-07', 'step', '2022-04-20支部大会讨论接收前未确定入党介绍人（要求2名正式党员）'],
      ['DEV-07', 'step', '2022-04-20支部大会讨论接收前未进行政治审查'],
      ['DEV-07', 'step', '2022-04-20支部大会讨论接收前集中培训0学时（要求不少于24学时）'],
    ]);
    const short = upTo('admissionVote').map((e) => (e.step === 'training' ? { ...e, data: { hours: 16 } } : e));
    expect(zh(gate('admissionVote', {}, {}, short))).toEqual([
      ['DEV-07', 'step', '2022-04-20支部大会讨论接收前集中培训16学时（要求不少于24学时）'],
    ]);
    const twoSessions = [...short, { step: 'training', on: '2022-03-11', data: { hours: 8 } } as DevEvent];
    expect(gate('admissionVote', {}, {}, twoSessions)).toEqual([]);
  });
  it('DEV-08: the counts add up, 应到 is the branch, quorum and majority are of it', () => {
    const vote = (v: Partial<NonNullable<DevEvent['data']['vote']>>) => ({
      data: { vote: { expected: 20, present: 18, yes: 17, no: 0, abstain: 1, ...v } },
    });
    expect(zh(gate('admissionVote', vote({ present: 21, yes: 20 })))).toEqual([
      ['DEV-08', 'data.vote.present', '实到21人多于应到20人'],
    ]);
    expect(zh(gate('admissionVote', vote({ no: 2 })))).toEqual([
      ['DEV-08', 'data.vote.yes', '赞成17+反对2+弃权1=20，不等于实到18人'],
    ]);
    expect(zh(gate('admissionVote', vote({}), { votingMembers: 22 }))).toEqual([
      ['DEV-08', 'data.vote.expected', '应到20人与支部当日有表决权的正式党员22人不符'],
    ]);
    // 10 of 20 is not more than half: no quorum, and 10 yes do not carry.
    expect(gate('admissionVote', vote({ present: 10, yes: 10, abstain: 0 }))).toEqual([
      {
        rule: 'DEV-08',
        field: 'data.vote.present',
        message: {
          zh: '实到10人，未超过应到会有表决权的正式党员20人的半数，不足法定人数',
          en: '10 present is not more than half of the 20 full members with voting rights: no quorum',
        },
      },
      {
        rule: 'DEV-08',
        field: 'data.vote.yes',
        message: {
          zh: '赞成10票，未超过应到会有表决权的正式党员20人的半数，决议未通过',
          en: '10 yes votes are not more than half of the 20 full members with voting rights: the motion did not carry',
        },
      },
    ]);
    // 11 of 20 present and voting yes is enough; 10 yes out of 18 present is not.
    expect(gate('admissionVote', vote({ present: 11, yes: 11, abstain: 0 }))).toEqual([]);
    expect(zh(gate('admissionVote', vote({ yes: 10, no: 7 })))).toEqual([
      ['DEV-08', 'data.vote.yes', '赞成10票，未超过应到会有表决权的正式党员20人的半数，决议未通过'],
    ]);
    expect(zh(gate('confirmationVote', vote({}), { votingMembers: 21 }))).toEqual([
      ['DEV-08', 'data.vote.expected', '应到20人与支部当日有表决权的正式党员21人不符'],
    ]);
  });
  it('DEV-09: approval exactly 3 months after the vote passes, a day later is refused', () => {
    expect(gate('approval', { on: '2022-07-20' })).toEqual([]);
    expect(gate('approval', { on: '2022-07-21' })).toEqual([
      {
        rule: 'DEV-09',
        field: 'on',
        message: {
          zh: '2022-04-20支部大会讨论接收，2022-07-21上级党委才审批，超过3个月（应于2022-07-20前审批）',
          en: 'the admission vote of 2022-04-20 was approved only on 2022-07-21, more than 3 months later (due by 2022-07-20)',
        },
      },
    ]);
    expect(zh(gate('confirmationApproval', { on: '2023-07-26' }, { asOf: '2023-08-01' }))).toEqual([
      ['DEV-09', 'on', '2023-04-25支部大会讨论转正，2023-07-26上级党委才审批，超过3个月（应于2023-07-25前审批）'],
    ]);
  });
  it('DEV-10: confirmation from the end of probation, one year after the admission vote', () => {
    const votes = { votingMembers: 21 };
    expect(gate('confirmationVote', { on: '2023-04-20' }, votes)).toEqual([]);
    expect(gate('confirmationVote', { on: '2023-04-19' }, votes)).toEqual([
      {
        rule: 'DEV-10',
        field: 'on',
        message: {
          zh: '2023-04-19即讨论转正，早于预备期满之日2023-04-20',
          en: 'confirmation discussed on 2023-04-19, before the probation ends on 2023-04-20',
        },
      },
    ]);
  });
  it('DEV-10: an extension of 6 to 12 months, at the end of probation, once; confirmation after it ends', () => {
    const probation = upTo('confirmationVote');
    const extend = (on: string, months: number, events = probation) =>
      gateStep(events, { step: 'probationExtension', on, data: { months } }, ctx());
    expect(extend('2023-04-25', 6)).toEqual([]);
    expect(extend('2023-04-25', 12)).toEqual([]);
    expect(zh(extend('2023-04-25', 5))).toEqual([
      ['DEV-10', 'data.months', '延长预备期5个月（要求不少于6个月、不超过12个月）'],
    ]);
    expect(zh(extend('2023-04-25', 13))).toEqual([
      ['DEV-10', 'data.months', '延长预备期13个月（要求不少于6个月、不超过12个月）'],
    ]);
    expect(zh(extend('2023-03-01', 6))).toEqual([['DEV-10', 'on', '2023-03-01延长预备期，早于预备期满之日2023-04-20']]);
    const extended = [...probation, { step: 'probationExtension', on: '2023-04-25', data: { months: 6 } } as DevEvent];
    expect(
      zh(
        gateStep(
          extended,
          { step: 'probationExtension', on: '2023-10-25', data: { months: 6 } },
          ctx({ asOf: '2024-01-01' }),
        ),
      ),
    ).toEqual([['DEV-10', 'step', '预备期已于2023-04-25延长过，只能延长一次']]);
    const confirm = (on: string) =>
      gateStep(
        extended,
        { step: 'confirmationVote', on, data: { vote: { expected: 21, present: 19, yes: 19, no: 0, abstain: 0 } } },
        ctx({ votingMembers: 21, asOf: '2024-01-01' }),
      );
    expect(zh(confirm('2023-10-19'))).toEqual([['DEV-10', 'on', '2023-10-19即讨论转正，早于预备期满之日2023-10-20']]);
    expect(confirm('2023-10-20')).toEqual([]);
  });
  it('a carried confirmation vote awaits its approval: no extension or second vote meanwhile', () => {
    const voted = upTo('confirmationApproval');
    expect(zh(gateStep(voted, { step: 'probationExtension', on: '2023-05-01', data: { months: 6 } }, ctx()))).toEqual([
      [null, 'step', '支部大会已于2023-04-25讨论通过转正，待上级党委审批'],
    ]);
  });
});
