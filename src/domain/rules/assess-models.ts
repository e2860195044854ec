/**
 * ASSESS rules on excellence: school-level model branches reach the plan year's share of all
 * branches (ASSESS-07), the university holds its commendation round every `everyYears` years
 * (ASSESS-08), and each college-level org and branch sets up a practical rule or service carrier
 * every year (ASSESS-09).
 */
import type { Bilingual, FindingDraft, Rule } from '../compliance/types.ts';
import { coversPeriod, daysLeft, periodLabel, warningWindowDays } from '../periods.ts';
import { formatShare, quotaShare, requiredModelBranches } from './assess-model-facts.ts';

const yearParam = (value: number, label: Bilingual) => ({
  type: 'integer' as const,
  default: value,
  min: 2000,
  max: 2100,
  // An earlier year starts the requirement sooner.
  stricter: 'lower' as const,
  label,
  unit: { zh: '年', en: 'year' },
});

/** Whether a year is judged at all: closed, or open and within its last weeks (the pace before that is no finding). */
const judged = (period: { state: 'closed' | 'open'; to: string }, asOf: string) =>
  period.state === 'closed' || daysLeft(period, asOf) <= warningWindowDays.year;

export const assess07: Rule<'models'> = {
  id: 'ASSESS-07',
  family: 'ASSESS',
  title: {
    zh: '校级样板党支部数量达到支部总数的规定比例',
    en: 'School-level model branches reach the required share of all branches',
  },
  scope: 'university',
  period: 'year',
  params: {
    share: {
      type: 'number',
      default: 0.1,
      min: 0,
      max: 1,
      stricter: 'higher',
      label: { zh: '样板党支部占支部总数比例', en: 'share of model branches' },
    },
    raisedShare: {
      type: 'number',
      default: 0.2,
      min: 0,
      max: 1,
      stricter: 'higher',
      label: { zh: '提高后的比例', en: 'raised share' },
    },
    raisedFrom: yearParam(2021, { zh: '比例提高的年份', en: 'raised share from year' }),
    fromYear: yearParam(2020, { zh: '开始考核的计划年度', en: 'first plan year checked' }),
  },
  source: '003 第二、三阶段',
  facts: 'models',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    for (const q of ctx.facts.quota) {
      const root = ctx.orgById.get(q.tenantId);
      if (!root || q.branches === 0) continue;
      const period = ctx.periods('year', q.tenantId).find((p) => p.key === String(q.year));
      if (!period || !judged(period, ctx.asOf)) continue;
      const share = quotaShare(ctx.params(root.id), q.year);
      if (share === null) continue;
      const required = requiredModelBranches(share, q.branches);
      if (q.modelBranches >= required) continue;
      const ratio = formatShare(share);
      out.push({
        severity: period.state === 'closed' ? 'breach' : 'warning',
        orgId: root.id,
        period: period.key,
        message: {
          zh: `${periodLabel(period.key, 'zh')}校级样板党支部${q.modelBranches}个，支部总数${q.branches}个，未达到${ratio}的比例（应不少于${required}个）`,
          en: `${q.modelBranches} school-level model branches of ${q.branches} branches in ${periodLabel(period.key, 'en')}, below ${ratio} (at least ${required})`,
        },
        evidence: [{ kind: 'org', id: root.id }],
        numbers: { branches: q.branches, modelBranches: q.modelBranches, required, share },
      });
    }
    return out;
  },
};

export const assess08: Rule<'models'> = {
  id: 'ASSESS-08',
  family: 'ASSESS',
  title: {
    zh: '定期开展优秀共产党员、优秀党务工作者、先进基层党组织评选表彰',
    en: 'Outstanding members, Party-affairs workers and organizations are commended regularly',
  },
  scope: 'university',
  period: 'now',
  params: {
    everyYears: {
      type: 'integer',
      default: 2,
      min: 1,
      max: 10,
      stricter: 'lower',
      label: { zh: '评选表彰间隔', en: 'years between rounds' },
      unit: { zh: '年', en: 'years' },
    },
    // Not checked by the rule: the awards module refuses a publicity period shorter than this.
    publicityWorkdays: {
      type: 'integer',
      default: 5,
      min: 1,
      max: 30,
      stricter: 'higher',
      label: { zh: '公示期不少于（工作日）', en: 'publicity period at least (working days)' },
      unit: { zh: '个工作日', en: 'working days' },
    },
  },
  source: '001 第7条',
  facts: 'models',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    const asOfYear = Number(ctx.asOf.slice(0, 4));
    for (const h of ctx.facts.awards) {
      const root = ctx.orgById.get(h.tenantId);
      if (!root) continue;
      const every = Number(ctx.params(root.id).everyYears);
      const since = h.lastRoundYear ?? Number(h.foundedOn.slice(0, 4));
      const dueYear = since + every;
      if (asOfYear < dueYear) continue;
      const rule = { zh: `要求每${every}年开展1次`, en: `required every ${every} years` };
      const last: Bilingual =
        h.lastRoundYear === null
          ? { zh: '未开展过评选表彰', en: 'no commendation round recorded' }
          : {
              zh: `最近一次评选表彰为${h.lastRoundYear}年`,
              en: `the last commendation round was in ${h.lastRoundYear}`,
            };
      const overdue = asOfYear > dueYear;
      out.push({
        severity: overdue ? 'breach' : 'warning',
        orgId: root.id,
        period: null,
        message: overdue
          ? {
              zh: `${last.zh}，${dueYear}年应开展而未开展优秀共产党员、优秀党务工作者、先进基层党组织评选表彰（${rule.zh}）`,
              en: `${last.en}; the round due in ${dueYear} for outstanding members, Party-affairs workers and organizations was not held (${rule.en})`,
            }
          : {
              zh: `${last.zh}，${dueYear}年应开展优秀共产党员、优秀党务工作者、先进基层党组织评选表彰（${rule.zh}）`,
              en: `${last.en}; a round for outstanding members, Party-affairs workers and organizations is due in ${dueYear} (${rule.en})`,
            },
        evidence: [{ kind: 'org', id: root.id }],
        numbers: { lastRoundYear: h.lastRoundYear, dueYear, everyYears: every },
      });
    }
    return out;
  },
};

export const assess09: Rule<'models'> = {
  id: 'ASSESS-09',
  family: 'ASSESS',
  title: {
    zh: '每个基层党组织每年至少建立1项务实管用的制度或服务载体',
    en: 'Each organization sets up at least one practical rule or service carrier a year',
  },
  scope: 'branch',
  period: 'year',
  params: {
    minCarriers: {
      type: 'integer',
      default: 1,
      min: 1,
      max: 20,
      stricter: 'higher',
      label: { zh: '每年至少（项）', en: 'at least a year' },
      unit: { zh: '项', en: 'items' },
    },
  },
  source: '004 二.6, 三.4',
  facts: 'models',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    const counted = new Map(ctx.facts.carriers.map((c) => [`${c.orgId} ${c.year}`, c.carriers]));
    for (const org of ctx.core.orgs) {
      if (org.kind !== 'college' && org.kind !== 'branch') continue;
      for (const period of ctx.periods('year', org.tenantId)) {
        // An org owes the year only if it existed throughout it.
        if (!coversPeriod(org, period) || !judged(period, ctx.asOf)) continue;
        const min = Number(ctx.params(org.id).minCarriers);
        const n = counted.get(`${org.id} ${period.key}`) ?? 0;
        if (n >= min) continue;
        out.push({
          severity: period.state === 'closed' ? 'breach' : 'warning',
          orgId: org.id,
          period: period.key,
          message: {
            zh: `${periodLabel(period.key, 'zh')}建立务实管用的制度或服务载体${n}项（要求每年至少${min}项）`,
            en: `${n} practical rules or service carriers set up in ${periodLabel(period.key, 'en')} (at least ${min} a year)`,
          },
          evidence: [{ kind: 'org', id: org.id }],
          numbers: { carriers: n, required: min },
        });
      }
    }
    return out;
  },
};

export const assessModelRules: Rule[] = [assess07, assess08, assess09] as Rule[];
