/**
 * Topics of the demo's organizational life, as branches of a vocational college write them in
 * their records. A topic with `from` only appears once the event it studies has happened, so a
 * demo as of 2024 does not study a plenum of later that year.
 */
import type { Random } from './random.ts';

type Topic = { title: string; from?: string };

const study: Topic[] = [
  { title: '学习贯彻习近平新时代中国特色社会主义思想' },
  { title: '学习贯彻党的二十大精神', from: '2022-10-23' },
  { title: '学习贯彻党的二十届三中全会精神', from: '2024-07-19' },
  { title: '学习贯彻党的二十届四中全会精神', from: '2025-10-24' },
  { title: '学习贯彻全国教育大会精神', from: '2024-09-10' },
  { title: '学习《中国共产党纪律处分条例》', from: '2024-01-01' },
  { title: '学习《中国共产党章程》' },
  { title: '学习习近平总书记关于职业教育的重要论述' },
  { title: '学习习近平总书记在庆祝中国共产党成立周年大会上的重要讲话精神' },
];

/** Spring: the two sessions (全国两会) are studied in March and April. */
const twoSessions: Topic = { title: '学习贯彻全国两会精神' };

const assemblyBusiness = [
  '讨论接收预备党员',
  '讨论预备党员按期转正',
  '确定发展对象',
  '通报支部上半年工作',
  '支部书记述职并部署下半年工作',
  '审议支部年度工作计划',
  '开展党员党性分析',
];

const committeeBusiness = [
  '研究部署本月支部工作',
  '研究发展党员工作',
  '研究主题党日活动安排',
  '研究党员教育培训计划',
  '研究困难党员帮扶工作',
  '讨论支部工作计划执行情况',
  '研究党费收缴与使用情况',
  '研究“三会一课”落实情况',
];

const groupStudy = [
  '学习《习近平谈治国理政》第四卷并交流体会',
  '学习《习近平著作选读》',
  '交流学习党史心得',
  '学习近期《求是》文章',
  '围绕本职工作开展批评与自我批评',
  '学习身边先进典型事迹',
  '交流本月思想与工作情况',
];

const lectures = [
  '弘扬伟大建党精神 争做新时代合格党员',
  '以习近平新时代中国特色社会主义思想铸魂育人',
  '坚定理想信念 践行初心使命',
  '新时代职业教育高质量发展与党建引领',
  '严守党的纪律 永葆清正廉洁',
  '学思想 强党性 重实践 建新功',
  '从党史中汲取奋进力量',
  '培育和践行社会主义核心价值观',
  '增强“四个意识” 坚定“四个自信” 做到“两个维护”',
];

/** 主题党日: what the month of the year suggests. */
const themeDays: Record<number, string[]> = {
  1: ['“新年新气象 党员当先锋”主题党日', '走访慰问困难党员主题党日'],
  2: ['“开学第一课”主题党日', '寒假社会实践交流主题党日'],
  3: ['“学雷锋 见行动”志愿服务主题党日', '社区志愿服务主题党日'],
  4: ['“清明祭英烈”主题党日', '参观革命烈士纪念馆主题党日'],
  5: ['“五四”青年节主题党日', '“劳动创造幸福”主题党日'],
  6: ['“七一”前夕重温入党誓词主题党日', '党史知识竞赛主题党日'],
  7: ['庆祝中国共产党成立纪念日主题党日', '“七一”表彰交流主题党日'],
  8: ['暑期社会实践主题党日', '“八一”拥军优属主题党日'],
  9: ['“迎新生 党员先行”主题党日', '教师节师德师风主题党日'],
  10: ['“喜迎国庆 礼赞祖国”主题党日', '参观校史馆主题党日'],
  11: ['“宪法宣传”主题党日', '党员义务劳动主题党日'],
  12: ['国家公祭日主题党日', '年终党员志愿服务主题党日'],
};

const themeDayPlaces = [
  '校史馆',
  '革命烈士纪念馆',
  '社区党群服务中心',
  '校园志愿服务站',
  '图书馆报告厅',
  '市党史教育基地',
];

const available = (topics: Topic[], on: string) => topics.filter((t) => !t.from || t.from <= on);

export function studyTopic(random: Random, on: string): string {
  const month = Number(on.slice(5, 7));
  const pool = available(study, on);
  return (month === 3 || month === 4) && random.chance(0.5) ? twoSessions.title : random.pick(pool).title;
}

export const meetingTitles = {
  generalAssembly: (random: Random, on: string) =>
    random.chance(0.5) ? studyTopic(random, on) : `${studyTopic(random, on)}；${random.pick(assemblyBusiness)}`,
  committeeMeeting: (random: Random) => random.pick(committeeBusiness),
  groupMeeting: (random: Random, on: string) =>
    random.chance(0.4) ? `${studyTopic(random, on)}专题学习` : random.pick(groupStudy),
  partyLecture: (random: Random, bySecretary: boolean) =>
    bySecretary ? `书记讲党课：${random.pick(lectures)}` : `专题党课：${random.pick(lectures)}`,
  themeDay: (random: Random, on: string) => random.pick(themeDays[Number(on.slice(5, 7))]),
  lifeMeeting: (year: number) => `${year}年度组织生活会暨民主评议党员`,
  studyGroupSession: (random: Random, on: string) => `理论学习中心组学习：${studyTopic(random, on)}`,
  leadershipLifeMeeting: (year: number) => `${year}年度领导班子民主生活会`,
};

export const themeDayPlace = (random: Random) => random.pick(themeDayPlaces);

/** Reasons given for leave (请假), by the kind of member. */
export const leaveReasons = {
  staff: ['出差', '外出培训', '病假', '事假', '监考', '带学生参加技能大赛'],
  student: ['病假', '事假', '参加技能竞赛', '课程实训冲突', '校外实习'],
  retired: ['身体原因', '外出探亲', '住院治疗'],
};

export const makeupContents = [
  '自学会议精神并向支部书记汇报学习体会',
  '观看会议录像并提交学习心得',
  '由党小组长单独传达会议精神',
  '参加下次党小组会补学并作交流发言',
  '通过“学习强国”自学相关内容并撰写心得',
];
