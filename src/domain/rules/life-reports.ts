/**
 * Reporting rules. LIFE-15 is checked only as far as records go; LIFE-16 has no records at all.
 */
import type { FindingDraft, Rule, RuleContext } from '../compliance/types.ts';
import { periodLabel } from '../periods.ts';
import { yearEndDeadline } from './life-appraisal.ts';
import { heldIn, type LifeFacts } from './life-facts.ts';
import { owedPeriods } from './life-owed.ts';

/**
 * LIFE-15 has two parts. (1) The branch reports its work to the superior in writing at least
 * once a year: no record of written reports exists, so this part is not checked (a person judges
 * it). (2) The committee or secretary reports to the general assembly at year end: a report to
 * the assembly needs an assembly, so the checkable condition is that the branch held a general
 * assembly at year end — in December of the year or, like the other year-end work, by January 31
 * of the next. Whether the report was given at it is not recorded either. No such assembly is a
 * breach after January 31, a warning from December 1 until then.
 */
export const yearEndReportRule: Rule<'life'> = {
  id: 'LIFE-15',
  family: 'LIFE',
  title: {
    zh: '支委会或支部书记年终向党员大会报告工作',
    en: 'The committee or secretary reports to the general assembly at year end',
  },
  scope: 'branch',
  period: 'year',
  params: {},
  source: '003 制度机制4; 003 五(三)',
  facts: 'life',
  evaluate(ctx: RuleContext<LifeFacts>) {
    const out: FindingDraft[] = [];
    for (const { org, period } of owedPeriods(ctx, ['branch'], 'year')) {
      const year = Number(period.key);
      const window = { from: `${year}-12-01`, to: yearEndDeadline(year) };
      if (ctx.asOf < window.from) continue;
      if (heldIn(ctx.facts, org.id, 'generalAssembly', window) > 0) continue;
      const late = ctx.asOf > window.to;
      const y = { zh: periodLabel(period.key, 'zh'), en: periodLabel(period.key, 'en') };
      const zh = `${y.zh}年终（${year}年12月至${year + 1}年1月）${late ? '未' : '尚未'}召开支部党员大会，支委会或支部书记无法向党员大会报告工作`;
      const en = `no general assembly at the end of ${y.en} (December to January)${late ? '' : ' yet'}, so the year's work was not reported to it`;
      out.push({
        severity: late ? 'breach' : 'warning',
        orgId: org.id,
        period: period.key,
        evidence: [{ kind: 'org', id: org.id, label: org.name }],
        numbers: { deadline: window.to },
        message: late ? { zh, en } : { zh: `${zh}（截止${window.to}）`, en: `${en} (due by ${window.to})` },
      });
    }
    return out;
  },
};

/**
 * LIFE-16: a college-level organization hears at least one branch-building report a year and links
 * its leaders to branches. Neither the hearing of such a report nor leaders' contact points are
 * recorded (LINK-01 will bring contact points), so the rule is manual: a person records the
 * evidence and the verdict.
 */
export const branchBuildingReportRule: Rule<'life'> = {
  id: 'LIFE-16',
  family: 'LIFE',
  title: {
    zh: '党总支每年至少听取1次党支部建设情况汇报，领导班子成员联系指导党支部',
    en: 'A college-level organization hears a branch-building report yearly and links its leaders to branches',
  },
  scope: 'college',
  period: 'year',
  params: {},
  source: '003 制度机制1',
  facts: 'life',
  manual: true,
  evaluate: () => [],
};
