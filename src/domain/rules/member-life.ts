/** The member-level LIFE rules: make-ups (LIFE-11), lapse (LIFE-13), thought reports (LIFE-14), leading cadres (LIFE-22). */
import { type Override, resolveParams } from '../compliance/parameters.ts';
import { checkCount } from '../compliance/periodic.ts';
import type { StandardSet } from '../compliance/standard-sets.ts';
import type { Evidence, FindingDraft, Rule } from '../compliance/types.ts';
import { addDays, daysLeft, periodLabel, warningWindowDays } from '../periods.ts';
import type { Absence, MemberRecord } from './member-facts.ts';
import { MIN_MAKEUP_DAYS } from './member-facts.ts';
import { branchFor, monthsUntil, owesPeriod, runOn, spanOn } from './member-spans.ts';

const typeNames: Record<string, { zh: string; en: string }> = {
  generalAssembly: { zh: '支部党员大会', en: 'general assembly' },
  committeeMeeting: { zh: '支部委员会', en: 'committee meeting' },
  groupMeeting: { zh: '党小组会', en: 'group meeting' },
  partyLecture: { zh: '党课', en: 'Party lecture' },
  themeDay: { zh: '主题党日', en: 'theme day' },
  lifeMeeting: { zh: '组织生活会', en: 'organizational-life meeting' },
  leadershipLifeMeeting: { zh: '民主生活会', en: 'democratic life meeting' },
  studyGroupSession: { zh: '理论学习中心组学习', en: 'study-group session' },
  partyAffairsMeeting: { zh: '议党会议', en: 'Party-affairs meeting' },
};
const typeName = (type: string) => typeNames[type] ?? { zh: type, en: type };
const statusName = { absent: { zh: '缺席', en: 'absent' }, leave: { zh: '请假', en: 'on leave' } };
const monthDayZh = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

const person = (m: MemberRecord): Evidence => ({ kind: 'person', id: m.personId, label: m.name });

type AbsenceState = { absence: Absence; deadline: string } & (
  | { state: 'missing' }
  | { state: 'late'; makeupOn: string }
  | { state: 'pending'; daysLeft: number }
);

function describe(a: AbsenceState): { zh: string; en: string } {
  const t = typeName(a.absence.type);
  const s = statusName[a.absence.status];
  const zh = `${monthDayZh(a.absence.heldOn)}${t.zh}（${s.zh}，`;
  const en = `${a.absence.heldOn} ${t.en} (${s.en}, `;
  if (a.state === 'missing') return { zh: `${zh}未补课）`, en: `${en}not made up)` };
  if (a.state === 'late') return { zh: `${zh}${a.makeupOn}补课，已超期）`, en: `${en}made up late on ${a.makeupOn})` };
  return {
    zh: `${zh}补课期限${a.deadline}，还剩${a.daysLeft}天）`,
    en: `${en}make up by ${a.deadline}, ${a.daysLeft} days left)`,
  };
}

/**
 * LIFE-11. One finding per member, branch and month of the meetings missed: a breach when an
 * absence was not made up by its deadline (or was made up after it), a warning while one is
 * still open and its deadline is within a week.
 */
const life11: Rule<'member'> = {
  id: 'LIFE-11',
  family: 'LIFE',
  title: { zh: '缺席人员按期补课', en: 'Absences are made up in time' },
  scope: 'member',
  period: 'month',
  params: {
    makeupDays: {
      type: 'integer',
      default: 30,
      min: MIN_MAKEUP_DAYS,
      max: 365,
      stricter: 'lower',
      label: { zh: '缺席后补课期限', en: 'Make-up within' },
      unit: { zh: '天', en: 'days' },
    },
  },
  source: '003 组织生活2',
  facts: 'member',
  evaluate(ctx) {
    const memberById = new Map(ctx.facts.members.map((m) => [m.personId, m]));
    const groups = new Map<string, { member: MemberRecord; orgId: string; month: string; items: AbsenceState[] }>();
    // Tens of thousands of absences, nearly all made up in time, share a few thousand orgs and a
    // few hundred meeting days: one parameter lookup per org, one date computation per day and
    // window, and the member looked up only for the absences kept.
    const makeupDaysOf = new Map<string, number>();
    const deadlines = new Map<number, Map<string, string>>();
    for (const absence of ctx.facts.absences) {
      let makeupDays = makeupDaysOf.get(absence.orgId);
      if (makeupDays === undefined) {
        makeupDays = Number(ctx.params(absence.orgId).makeupDays);
        makeupDaysOf.set(absence.orgId, makeupDays);
      }
      let byDay = deadlines.get(makeupDays);
      if (byDay === undefined) {
        byDay = new Map();
        deadlines.set(makeupDays, byDay);
      }
      let deadline = byDay.get(absence.heldOn);
      if (deadline === undefined) {
        deadline = addDays(absence.heldOn, makeupDays);
        byDay.set(absence.heldOn, deadline);
      }
      let item: AbsenceState;
      // A make-up recorded after asOf had not happened yet as of asOf.
      const makeupOn = absence.makeupOn !== null && absence.makeupOn <= ctx.asOf ? absence.makeupOn : null;
      if (makeupOn !== null) {
        if (makeupOn <= deadline) continue;
        item = { absence, deadline, state: 'late', makeupOn };
      } else if (deadline < ctx.asOf) item = { absence, deadline, state: 'missing' };
      else {
        const left = daysLeft({ to: deadline }, ctx.asOf);
        if (left > warningWindowDays.month) continue;
        item = { absence, deadline, state: 'pending', daysLeft: left };
      }
      const member = memberById.get(absence.personId);
      if (!member) continue;
      const month = absence.heldOn.slice(0, 7);
      const key = `${absence.orgId}|${member.personId}|${month}`;
      const group = groups.get(key) ?? { member, orgId: absence.orgId, month, items: [] };
      group.items.push(item);
      groups.set(key, group);
    }
    const out: FindingDraft[] = [];
    for (const { member, orgId, month, items } of groups.values()) {
      items.sort(
        (a, b) =>
          a.absence.heldOn.localeCompare(b.absence.heldOn) || a.absence.meetingId.localeCompare(b.absence.meetingId),
      );
      const makeupDays = Number(ctx.params(orgId).makeupDays);
      const overdue = items.filter((i) => i.state !== 'pending').length;
      const list = items.map(describe);
      const label = { zh: periodLabel(month, 'zh'), en: periodLabel(month, 'en') };
      const required = { zh: `（要求缺席后${makeupDays}天内补课）`, en: ` (required: within ${makeupDays} days)` };
      const breach = overdue > 0;
      out.push({
        severity: breach ? 'breach' : 'warning',
        orgId,
        personId: member.personId,
        period: month,
        message: breach
          ? {
              zh: `${label.zh}党员${member.name}有${overdue}次缺席未在${makeupDays}天内补课：${list.map((l) => l.zh).join('、')}${required.zh}`,
              en: `Member ${member.name}: ${overdue} absence(s) in ${label.en} not made up within ${makeupDays} days: ${list.map((l) => l.en).join('; ')}${required.en}`,
            }
          : {
              zh: `${label.zh}党员${member.name}有${items.length}次缺席尚未补课：${list.map((l) => l.zh).join('、')}${required.zh}`,
              en: `Member ${member.name}: ${items.length} absence(s) in ${label.en} still to make up: ${list.map((l) => l.en).join('; ')}${required.en}`,
            },
        evidence: [
          person(member),
          ...items.map((i) => ({ kind: 'meeting' as const, id: i.absence.meetingId, label: i.absence.meetingTitle })),
        ],
        numbers: { overdue, pending: items.length - overdue, makeupDays },
      });
    }
    return out;
  },
};

/**
 * The smallest LIFE-11 `makeupDays` any org of a university can have: the university's value
 * (sets and university-wide overrides) or one of the org overrides, since the override nearest
 * an org replaces the others. A make-up within it is in time for every org.
 */
export function smallestMakeupDays(sets: StandardSet[], overrides: Override[]): number {
  const values = [Number(resolveParams(life11, sets, overrides, '').makeupDays)];
  for (const o of overrides) {
    if (o.rule === life11.id && o.values.makeupDays !== undefined) values.push(Number(o.values.makeupDays));
  }
  return Math.min(...values);
}

/**
 * LIFE-13. The clock runs from the member's last organizational life (present or late at a
 * branch or group meeting), their last excused meeting (on leave with a reason), or the start of
 * their unbroken membership, whichever is latest. A branch that held no meeting since then is
 * not the member's fault (the branch rules flag it), so it yields nothing here.
 */
const life13: Rule<'member'> = {
  id: 'LIFE-13',
  family: 'LIFE',
  title: { zh: '连续不参加组织生活（自行脱党）', en: 'No organizational life for months (lapse)' },
  scope: 'member',
  period: 'now',
  params: {
    months: {
      type: 'integer',
      default: 6,
      min: 1,
      max: 24,
      stricter: 'lower',
      label: { zh: '连续未参加组织生活月数', en: 'Months without organizational life' },
      unit: { zh: '个月', en: 'months' },
    },
    warnMonths: {
      type: 'integer',
      default: 3,
      min: 1,
      max: 24,
      stricter: 'lower',
      label: { zh: '提醒月数', en: 'Warn after' },
      unit: { zh: '个月', en: 'months' },
    },
  },
  source: '003 党员教育管理7; national (党章 第九条)',
  facts: 'member',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    const monthsSince = monthsUntil(ctx.asOf);
    for (const member of ctx.facts.members) {
      const span = spanOn(member, ctx.asOf);
      const run = runOn(member, ctx.asOf);
      if (!span || !run) continue;
      let since = run.from;
      if (member.lastLife !== null && member.lastLife > since) since = member.lastLife;
      if (member.lastExcused !== null && member.lastExcused > since) since = member.lastExcused;
      const branchLast = ctx.facts.branchLastMeeting[span.orgId];
      if (!branchLast || branchLast <= since) continue;
      const params = ctx.params(span.orgId);
      const months = Number(params.months);
      const warnMonths = Number(params.warnMonths);
      const gone = monthsSince(since);
      if (gone < Math.min(months, warnMonths)) continue;
      const breach = gone >= months;
      out.push({
        severity: breach ? 'breach' : 'warning',
        orgId: span.orgId,
        personId: member.personId,
        period: null,
        message: breach
          ? {
              zh: `党员${member.name}已连续${gone}个月未参加组织生活（${since}起），无请假等正当理由；按党章第九条应作自行脱党处理的，由支部研究决定（要求不超过${months}个月）`,
              en: `Member ${member.name} has had no organizational life for ${gone} months (since ${since}) without a recorded reason; under Article 9 of the Party Constitution the branch decides whether to treat it as lapsing (limit: ${months} months)`,
            }
          : {
              zh: `党员${member.name}已连续${gone}个月未参加组织生活（${since}起），满${months}个月将按自行脱党研究处理，请及时联系（${warnMonths}个月起提醒）`,
              en: `Member ${member.name} has had no organizational life for ${gone} months (since ${since}); at ${months} months the branch must consider it a lapse (warning from ${warnMonths} months)`,
            },
        evidence: [person(member), { kind: 'membership', id: span.id }],
        numbers: { months: gone, since, limit: months, warnMonths },
      });
    }
    return out;
  },
};

/** LIFE-14: a thought report a year from every member who was one for the whole year. */
const life14: Rule<'member'> = {
  id: 'LIFE-14',
  family: 'LIFE',
  title: { zh: '党员每年向党组织汇报思想和工作', en: 'Members report on thought and work every year' },
  scope: 'member',
  period: 'year',
  params: {
    min: {
      type: 'integer',
      default: 1,
      min: 1,
      max: 12,
      stricter: 'higher',
      label: { zh: '每年至少汇报次数', en: 'Reports a year, at least' },
      unit: { zh: '次', en: 'times' },
    },
  },
  source: '003 制度机制5; 000 五个坚持',
  facts: 'member',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    for (const member of ctx.facts.members) {
      for (const period of ctx.periods('year', member.tenantId)) {
        if (!owesPeriod(member, period)) continue;
        const orgId = branchFor(member, ctx.asOf, period);
        if (!orgId) continue;
        const count = member.reportsByYear[period.key] ?? 0;
        const min = Number(ctx.params(orgId).min);
        // Most members have reported: nothing to build for them (checkCount would return null).
        if (count >= min) continue;
        const finding = checkCount({
          period,
          asOf: ctx.asOf,
          orgId,
          personId: member.personId,
          count,
          min,
          what: { zh: '思想汇报', en: 'thought report(s)' },
          verbZh: '提交',
          subject: { zh: `党员${member.name}`, en: `Member ${member.name}` },
          evidence: [person(member)],
        });
        if (finding) out.push(finding);
      }
    }
    return out;
  },
};

/** LIFE-22: a leading cadre attends their own branch's organizational-life meeting (组织生活会) every year. */
const life22: Rule<'member'> = {
  id: 'LIFE-22',
  family: 'LIFE',
  title: { zh: '党员领导干部参加双重组织生活', en: "Leading cadres take part in their own branch's life" },
  scope: 'member',
  period: 'year',
  params: {
    min: {
      type: 'integer',
      default: 1,
      min: 1,
      max: 12,
      stricter: 'higher',
      label: { zh: '每年至少参加所在支部组织生活会次数', en: "Own branch's life meetings a year, at least" },
      unit: { zh: '次', en: 'times' },
    },
  },
  source: '003 组织生活5; 001 第6条; 002 任务4',
  facts: 'member',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    for (const member of ctx.facts.members) {
      if (!member.leadingCadre) continue;
      for (const period of ctx.periods('year', member.tenantId)) {
        if (!owesPeriod(member, period)) continue;
        const orgId = branchFor(member, ctx.asOf, period);
        if (!orgId) continue;
        const attended = member.lifeMeetingsByYear[period.key] ?? [];
        const finding = checkCount({
          period,
          asOf: ctx.asOf,
          orgId,
          personId: member.personId,
          count: attended.length,
          min: Number(ctx.params(orgId).min),
          what: { zh: '所在党支部组织生活会', en: 'organizational-life meeting(s) of their own branch attended' },
          verbZh: '参加',
          subject: { zh: `党员领导干部${member.name}`, en: `Leading cadre ${member.name}` },
          evidence: [person(member), ...attended.map((id) => ({ kind: 'meeting' as const, id }))],
        });
        if (finding) out.push(finding);
      }
    }
    return out;
  },
};

export const memberLifeRules = [life11, life13, life14, life22];
