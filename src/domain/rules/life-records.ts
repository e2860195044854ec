/**
 * LIFE-10 (the year's 三会一课 plan filed with the superior by `dueDate`) and LIFE-12 (every
 * meeting record has minutes and a sign-in list).
 */
import type { FindingDraft, Rule, RuleContext } from '../compliance/types.ts';
import { daysBetween, type Period, periodKeyOf, periodLabel, warningWindowDays } from '../periods.ts';
import type { LifeFacts, RecordGap } from './life-facts.ts';
import { owedPeriods } from './life-owed.ts';

/**
 * A plan counts as filed when its status is submitted or approved; its filing day is its last
 * submission (a returned plan is not filed until it is submitted again). A plan filed late is a
 * breach as soon as it is filed; one not filed is a breach once the due date has passed and a
 * warning within the year's warning window before it. A branch that did not exist on January 1
 * owes no plan for that year.
 */
export const lifePlanRule: Rule<'life'> = {
  id: 'LIFE-10',
  family: 'LIFE',
  title: { zh: '年度“三会一课”计划按时报上级备案', en: 'The year’s plan of 三会一课 filed with the superior on time' },
  scope: 'branch',
  period: 'year',
  params: {
    dueDate: {
      type: 'monthDay',
      default: '01-31',
      stricter: 'lower',
      label: { zh: '报备截止日（月-日）', en: 'filing deadline (MM-DD)' },
    },
  },
  source: '003 组织生活1',
  facts: 'life',
  evaluate(ctx: RuleContext<LifeFacts>) {
    const plans = new Map(ctx.facts.lifePlans.map((p) => [`${p.orgId}|${p.year}`, p]));
    const out: FindingDraft[] = [];
    for (const { org, period } of owedPeriods(ctx, ['branch'], 'year')) {
      const year = Number(period.key);
      const due = `${year}-${ctx.params(org.id).dueDate}`;
      const plan = plans.get(`${org.id}|${year}`);
      const filedOn = plan && (plan.status === 'submitted' || plan.status === 'approved') ? plan.submittedOn : null;
      const base = {
        orgId: org.id,
        period: period.key,
        evidence: plan
          ? [{ kind: 'plan' as const, id: plan.id }]
          : [{ kind: 'org' as const, id: org.id, label: org.name }],
      };
      const what = { zh: `${year}年度“三会一课”计划`, en: `the ${year} plan of 三会一课` };
      if (filedOn !== null) {
        if (filedOn <= due) continue;
        out.push({
          ...base,
          severity: 'breach',
          numbers: { dueDate: due, filedOn },
          message: {
            zh: `${what.zh}于${filedOn}报上级备案，晚于截止日期${due}`,
            en: `${what.en} was filed on ${filedOn}, after the deadline ${due}`,
          },
        });
        continue;
      }
      const returned = plan?.status === 'returned';
      if (ctx.asOf > due) {
        out.push({
          ...base,
          severity: 'breach',
          numbers: { dueDate: due, filedOn: null },
          message: {
            zh: `${what.zh}未在${due}前报上级备案${returned ? '（被退回后未重新报送）' : ''}`,
            en: `${what.en} was not filed by ${due}${returned ? ' (returned and not filed again)' : ''}`,
          },
        });
        continue;
      }
      const left = daysBetween(ctx.asOf, due) + 1;
      if (left > warningWindowDays.year) continue;
      out.push({
        ...base,
        severity: 'warning',
        numbers: { dueDate: due, daysLeft: left },
        message: {
          zh: `${what.zh}尚未报上级备案，距截止日期${due}还有${left}天`,
          en: `${what.en} is not filed yet, ${left} days left until ${due}`,
        },
      });
    }
    return out;
  },
};

const typeNames: Record<string, { zh: string; en: string }> = {
  generalAssembly: { zh: '支部党员大会', en: 'general assembly' },
  committeeMeeting: { zh: '支部委员会会议', en: 'committee meeting' },
  groupMeeting: { zh: '党小组会', en: 'group meeting' },
  partyLecture: { zh: '党课', en: 'Party lecture' },
  themeDay: { zh: '主题党日', en: 'theme day' },
  lifeMeeting: { zh: '组织生活会', en: 'organizational-life meeting' },
};

/**
 * One finding per org (branch or group) and month listing its held meetings whose record lacks
 * minutes or a sign-in list: a breach for a closed month, a warning for the open one (the record
 * may still be completed).
 */
export const meetingRecordRule: Rule<'life'> = {
  id: 'LIFE-12',
  family: 'LIFE',
  title: { zh: '会议有记录、有签到（纪实）', en: 'Every meeting record has minutes and a sign-in list' },
  scope: 'branch',
  period: 'month',
  params: {},
  source: '003 制度机制8',
  facts: 'life',
  evaluate(ctx: RuleContext<LifeFacts>) {
    const groups = new Map<string, { period: Period; gaps: RecordGap[] }>();
    for (const gap of ctx.facts.recordGaps) {
      const org = ctx.orgById.get(gap.orgId);
      if (!org) continue;
      const key = periodKeyOf(gap.heldOn, 'month');
      const period = ctx.periods('month', org.tenantId).find((p) => p.key === key);
      if (!period) continue;
      const id = `${gap.orgId}|${key}`;
      const entry = groups.get(id) ?? { period, gaps: [] };
      entry.gaps.push(gap);
      groups.set(id, entry);
    }
    const out: FindingDraft[] = [];
    for (const [id, { period, gaps }] of groups) {
      const lacks = (g: RecordGap, zh: boolean) =>
        [!g.hasMinutes && (zh ? '会议记录' : 'minutes'), !g.hasSignIn && (zh ? '签到' : 'sign-in list')]
          .filter(Boolean)
          .join(zh ? '、' : ' and ');
      const zhDay = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
      const zhItems = gaps
        .map((g) => `${zhDay(g.heldOn)}${typeNames[g.type]?.zh ?? g.type}缺${lacks(g, true)}`)
        .join('；');
      const enItems = gaps
        .map((g) => `${g.heldOn} ${typeNames[g.type]?.en ?? g.type}: no ${lacks(g, false)}`)
        .join('; ');
      out.push({
        severity: period.state === 'closed' ? 'breach' : 'warning',
        orgId: id.split('|')[0],
        period: period.key,
        evidence: gaps.map((g) => ({ kind: 'meeting' as const, id: g.id, label: g.code })),
        numbers: { meetings: gaps.length },
        message: {
          zh: `${periodLabel(period.key, 'zh')}有${gaps.length}次会议纪实不完整：${zhItems}（要求每次会议有会议记录和签到）`,
          en: `${periodLabel(period.key, 'en')}: ${gaps.length} meeting record(s) incomplete — ${enItems} (required: minutes and a sign-in list)`,
        },
      });
    }
    return out;
  },
};
