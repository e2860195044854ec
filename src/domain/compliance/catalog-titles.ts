/**
 * A short bilingual title for every rule id of the catalog, so a catalog view (acceptance
 * indicators, the rule list) reads in Chinese too: an implemented rule's own title, else the
 * Chinese below with the catalog's English text. The Chinese follows the seeds' wording.
 */
import { ruleCatalog } from './rule-catalog.ts';
import { ruleById } from './rules.ts';
import type { Bilingual } from './types.ts';

/** Chinese titles of the catalog ids that have no implementation yet. */
export const unimplementedTitlesZh: Record<string, string> = {
  'ORG-13': '二级党组织配备专职组织员',
  'ORG-14': '二级学院配备专职党委副书记',
  'ORG-15': '专职党务和思想政治工作人员按师生总数的比例配备',
  'ORG-16': '二级党组织至少有1个达标的党员活动阵地',
  'ORG-17': '活动阵地有使用记录，长期闲置的予以提示',
  'LIFE-17': '校院两级理论学习中心组每月至少学习1次',
  'LIFE-18': '二级党组织每半年至少召开1次综合性议党会议',
  'LIFE-19': '学校党委每学期至少专题研究1次党建工作，班子成员每年召集分管部门专题会议',
  'LIFE-20': '校院领导每学期讲党课或上思政课，每年到所在支部或联系点讲党课',
  'LINK-01': '校党委委员联系二级党组织，院系班子成员联系党支部或学生班级',
  'LINK-02': '领导每学期到联系点不少于规定次数',
  'LINK-03': '院系班子成员每年完成“四个一”',
  'LINK-04': '书记每年领办1至2个党建重点项目',
  'LINK-05': '二级党组织制定行动计划实施方案并报学校备案',
  'LINK-06': '年终工作报告逐级上报（支部→院系→学校）',
  'LINK-07': '行动计划分解的任务按期完成并有佐证',
  'MEM-02': '流动党员在流出地和流入地党组织均有登记',
  'MEM-04': '领导干部按时报告个人有关事项',
  'MEM-05': '老党员、困难党员每年至少走访慰问1次',
};

const catalogText = new Map(ruleCatalog.map((r) => [r.id, r.text]));

/** The rule's title; an id outside the catalog comes back as itself. */
export function catalogTitle(id: string): Bilingual {
  const rule = ruleById.get(id);
  if (rule) return rule.title;
  const en = catalogText.get(id) ?? id;
  return { zh: unimplementedTitlesZh[id] ?? en, en };
}
