/**
 * The standard sets Zhibu ships, one per source document plus the national baseline. A set is a
 * list of rule ids with the parameter values its document gives; a value the document does not
 * give is the rule's default. A university adopts one or more sets (`tenants.standard_sets`).
 */
import type { Bilingual, ParamValues } from './types.ts';

export type StandardSet = {
  code: string;
  name: Bilingual;
  /** The document it comes from: issuer, number and date. */
  document: Bilingual;
  /** Seed file in `shared/seeds/` (null for national regulations). */
  seed: string | null;
  /** Rule id → parameter values this set sets (empty: the rule with its defaults). */
  rules: Record<string, ParamValues>;
};

const ids = (prefix: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}-${String(from + i).padStart(2, '0')}`);

const withDefaults = (ruleIds: string[], values: Record<string, ParamValues> = {}) =>
  Object.fromEntries(ruleIds.map((id) => [id, values[id] ?? {}]));

export const standardSets: StandardSet[] = [
  {
    code: 'national-baseline',
    name: { zh: '全国性党内法规基线', en: 'National baseline' },
    document: {
      zh: '《中国共产党章程》《中国共产党发展党员工作细则》《关于中国共产党党费收缴、使用和管理的规定》',
      en: 'Party Constitution; Rules on Member Development; Regulations on Membership Dues (2008)',
    },
    seed: null,
    rules: withDefaults([...ids('DEV', 1, 14), 'DUES-01', 'LIFE-13', 'MEM-01'], {
      'LIFE-13': { months: 6 },
      'MEM-01': { days: 90 },
    }),
  },
  {
    code: 'hbzy-2019-3s3n',
    name: { zh: '鹤壁职业技术学院“两化一创”三标准三规范', en: 'Hebi Polytechnic 2019 three standards, three norms' },
    document: {
      zh: '鹤职院党发〔2019〕4号《党支部建设“两化一创”强基引领三年行动计划（2019-2021）》',
      en: 'Hebi Polytechnic Party Committee No. 4 (2019), branch-building three-year action plan 2019–2021',
    },
    seed: '003',
    rules: withDefaults(
      [
        ...ids('ORG', 1, 17),
        ...ids('LIFE', 1, 8),
        ...ids('LIFE', 10, 16),
        'LIFE-22',
        'EDU-01',
        'EDU-03',
        ...ids('DUES', 2, 4),
        ...ids('ASSESS', 1, 7),
      ],
      {
        'ORG-06': { termYears: 3 },
        'LIFE-13': { months: 6 },
        'EDU-01': { hours: 32 },
        // 第二阶段 (2020): 1/10 of all branches; 第三阶段 (2021): 1/5.
        'ASSESS-07': { fromYear: 2020, share: 0.1, raisedFrom: 2021, raisedShare: 0.2 },
      },
    ),
  },
  {
    code: 'jyu-2021-plan',
    name: { zh: '嘉应学院加强党的基层组织建设三年行动计划', en: 'Jiaying University 2021–2023 action plan' },
    document: {
      zh: '嘉院党〔2021〕54号《加强党的基层组织建设三年行动计划（2021-2023年）实施方案》',
      en: 'Jiaying University Party Committee No. 54 (2021), three-year action plan 2021–2023',
    },
    seed: '002',
    rules: withDefaults(
      [
        'ORG-06',
        'ORG-10',
        'ORG-11',
        'ORG-13',
        'ORG-14',
        'ORG-15',
        'LIFE-19',
        'LIFE-20',
        'LIFE-22',
        'DEV-11',
        'DEV-14',
        'EDU-01',
        'EDU-02',
        'LINK-07',
        'MEM-02',
        'MEM-03',
        'MEM-05',
      ],
      { 'ORG-10': { coverage: 1 }, 'ORG-15': { ratio: 0.01 }, 'EDU-01': { hours: 32 }, 'EDU-02': { hours: 56 } },
    ),
  },
  {
    code: 'jljy-2016-five',
    name: { zh: '吉林交通职业技术学院“五创五强”', en: 'Jilin Jiaotong Polytechnic 2016 five-strengths programme' },
    document: {
      zh: '吉交院党字〔2016〕30号《关于落实基层党组织建设“五创五强”工程的实施方案》、〔2016〕10号《关于进一步加强和改进基层党组织建设的意见》',
      en: 'Jilin Jiaotong Polytechnic Party Committee Nos. 30 and 10 (2016)',
    },
    seed: '000, 001',
    rules: withDefaults(
      [
        'ORG-09',
        'ORG-12',
        'ORG-16',
        'LIFE-07',
        'LIFE-08',
        'LIFE-09',
        'LIFE-14',
        'LIFE-17',
        'LIFE-18',
        'LIFE-21',
        'LIFE-22',
        'EDU-03',
        'EDU-04',
        'DUES-04',
        'FUND-02',
        'ASSESS-01',
        'ASSESS-08',
        'LINK-01',
        'LINK-02',
        'LINK-03',
      ],
      { 'LIFE-09': { everyDays: 14 }, 'LINK-02': { visits: 2 }, 'ASSESS-08': { everyYears: 2 } },
    ),
  },
  {
    code: 'zjjm-2012-year',
    name: {
      zh: '浙江经贸职业技术学院基层组织建设年',
      en: 'Zhejiang Economic & Trade Polytechnic 2012 grassroots year',
    },
    document: {
      zh: '浙江经贸职业技术学院党委《基层组织建设年活动实施方案》（2012年4月10日）',
      en: 'Zhejiang Economic & Trade Polytechnic Party Committee, grassroots-organization year plan (2012-04-10)',
    },
    seed: '004',
    rules: withDefaults(
      [
        'ORG-01',
        'ORG-11',
        'DEV-13',
        'FUND-01',
        'ASSESS-02',
        'ASSESS-03',
        'ASSESS-05',
        'ASSESS-09',
        'LINK-01',
        'LINK-04',
      ],
      { 'ORG-01': { minFull: 3 }, 'DEV-13': { targetRatio: 0.05 }, 'FUND-01': { perStaff: 30000, perStudent: 10000 } },
    ),
  },
];

export const standardSetByCode = new Map(standardSets.map((s) => [s.code, s]));

/** Every rule id the given sets adopt, in catalog order. */
export function adoptedRuleIds(sets: StandardSet[]): Set<string> {
  return new Set(sets.flatMap((s) => Object.keys(s.rules)));
}
