/**
 * ASSESS-01: every college-level and branch secretary is reviewed once a year (述职评议考核, 000
 * (五)3, 001 第12条) — the secretary in office at the year's end, by a published round.
 * ASSESS-02: every branch and college is rated once a year, and a fair or lagging one has its
 * rectification plan (004 三.2). The running year is judged only near its end (warnings).
 */
import type { Bilingual, FindingDraft, Rule, RuleContext } from '../compliance/types.ts';
import { daysLeft, type Period, periodLabel, warningWindowDays } from '../periods.ts';
import type { RatingFacts } from './assess-ratings-facts.ts';

const gradeZh = { advanced: '先进', good: '较好', fair: '一般', lagging: '后进' } as const;

/** The year period of a fact's org, when it is judged now (closed, or open within its warning window). */
function judgedYear(ctx: RuleContext<RatingFacts>, orgId: string, year: number): Period | null {
  const org = ctx.orgById.get(orgId);
  if (!org) return null;
  const period = ctx.periods('year', org.tenantId).find((p) => p.key === String(year));
  if (!period) return null;
  if (period.state === 'open' && daysLeft(period, ctx.asOf) > warningWindowDays.year) return null;
  return period;
}

const labelOf = (period: Period): Bilingual => ({
  zh: periodLabel(period.key, 'zh'),
  en: periodLabel(period.key, 'en'),
});

export const assess01: Rule<'ratings'> = {
  id: 'ASSESS-01',
  family: 'ASSESS',
  title: {
    zh: '二级党组织书记和党支部书记每年述职评议考核',
    en: 'Every college-level and branch secretary is reviewed once a year',
  },
  scope: 'person',
  period: 'year',
  params: {},
  source: '000 (五)3; 001 第12条; 003 制度机制9',
  facts: 'ratings',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    for (const s of ctx.facts.secretaries) {
      if (s.review === 'published') continue;
      const period = judgedYear(ctx, s.orgId, s.year);
      if (!period) continue;
      const label = labelOf(period);
      const role: Bilingual =
        s.level === 'college'
          ? { zh: '二级党组织书记', en: 'college-level secretary' }
          : { zh: '党支部书记', en: 'branch secretary' };
      const message: Bilingual =
        s.review === 'none'
          ? {
              zh: `${label.zh}${role.zh}${s.personName}未进行抓基层党建述职评议考核`,
              en: `${role.en} ${s.personName} was not reviewed for ${label.en}`,
            }
          : {
              zh: `${label.zh}${role.zh}${s.personName}的述职评议考核尚未公布结果`,
              en: `the ${label.en} review of ${role.en} ${s.personName} is not published`,
            };
      out.push({
        severity: period.state === 'closed' ? 'breach' : 'warning',
        orgId: s.orgId,
        personId: s.personId,
        period: period.key,
        message,
        evidence: [{ kind: 'person', id: s.personId, label: s.personName }],
        numbers: { review: s.review },
      });
    }
    return out;
  },
};

export const assess02: Rule<'ratings'> = {
  id: 'ASSESS-02',
  family: 'ASSESS',
  title: {
    zh: '每年对党组织分类定级，一般和后进的制定整改方案',
    en: 'Every organization is rated once a year; fair and lagging ones get a rectification plan',
  },
  scope: 'branch',
  period: 'year',
  params: {},
  source: '004 三.2',
  facts: 'ratings',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    for (const y of ctx.facts.years) {
      const period = judgedYear(ctx, y.orgId, y.year);
      if (!period) continue;
      const label = labelOf(period);
      let message: Bilingual | null = null;
      if (y.status === null) message = { zh: `${label.zh}未进行分类定级`, en: `not rated for ${label.en}` };
      else if (y.status === 'draft')
        message = { zh: `${label.zh}分类定级尚未确定等次`, en: `the ${label.en} rating is not final` };
      else if ((y.grade === 'fair' || y.grade === 'lagging') && !y.planned)
        message = {
          zh: `${label.zh}定级为“${gradeZh[y.grade]}”，未制定整改方案`,
          en: `rated ${y.grade} for ${label.en} without a rectification plan`,
        };
      if (!message) continue;
      out.push({
        severity: period.state === 'closed' ? 'breach' : 'warning',
        orgId: y.orgId,
        period: period.key,
        message,
        evidence: [{ kind: 'org', id: y.orgId }],
        numbers: { status: y.status, grade: y.grade },
      });
    }
    return out;
  },
};

export const assessRatingRules: Rule[] = [assess01, assess02] as Rule[];
