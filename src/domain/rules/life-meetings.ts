/**
 * The "at least N meetings per period" LIFE rules: general assembly, committee meeting, group
 * meeting, Party lecture (and the secretary's own), theme day, organizational-life meeting and the
 * leadership's democratic life meeting. Each counts held or recorded meetings from `LifeFacts` and
 * reports through `checkCount` (breach for a closed period, warning for the open one).
 */
import { checkCount } from '../compliance/periodic.ts';
import type { Bilingual, FindingDraft, OrgNode, ParamSpec, Rule, RuleContext } from '../compliance/types.ts';
import type { Period, PeriodKind } from '../periods.ts';
import { type CountedMeetingType, heldIn, type LifeFacts } from './life-facts.ts';
import { coveredThroughout, owedPeriods } from './life-owed.ts';

const perLabel: Record<'month' | 'quarter' | 'year', Bilingual> = {
  month: { zh: '每月至少次数', en: 'minimum a month' },
  quarter: { zh: '每季度至少次数', en: 'minimum a quarter' },
  year: { zh: '每年至少次数', en: 'minimum a year' },
};

const minParam = (per: 'month' | 'quarter' | 'year'): Record<string, ParamSpec> => ({
  min: {
    type: 'integer',
    default: 1,
    min: 1,
    max: per === 'month' ? 10 : 50,
    stricter: 'higher',
    label: perLabel[per],
  },
});

type CountRuleSpec = {
  id: string;
  title: Bilingual;
  scope: Rule['scope'];
  kinds: OrgNode['kind'][];
  period: 'month' | 'quarter' | 'year';
  source: string;
  what: Bilingual;
  verbZh?: string;
  /** How many count for an org in a period. */
  count(facts: LifeFacts, org: OrgNode, period: Period): number;
  /** Whether the org owes the period at all beyond existing for all of it (e.g. it has a committee). */
  owes?(facts: LifeFacts, org: OrgNode, period: Period): boolean;
  subject?(org: OrgNode): Bilingual;
};

function countRule(spec: CountRuleSpec): Rule<'life'> {
  return {
    id: spec.id,
    family: 'LIFE',
    title: spec.title,
    scope: spec.scope,
    period: spec.period,
    params: minParam(spec.period),
    source: spec.source,
    facts: 'life',
    evaluate(ctx: RuleContext<LifeFacts>) {
      const out: FindingDraft[] = [];
      for (const { org, period } of owedPeriods(ctx, spec.kinds, spec.period as PeriodKind)) {
        if (spec.owes && !spec.owes(ctx.facts, org, period)) continue;
        const finding = checkCount({
          period,
          asOf: ctx.asOf,
          orgId: org.id,
          count: spec.count(ctx.facts, org, period),
          min: Number(ctx.params(org.id).min),
          what: spec.what,
          verbZh: spec.verbZh,
          subject: spec.subject?.(org),
          evidence: [{ kind: 'org', id: org.id, label: org.name }],
        });
        if (finding) out.push(finding);
      }
      return out;
    },
  };
}

const meetingsOf = (type: CountedMeetingType) => (facts: LifeFacts, org: OrgNode, period: Period) =>
  heldIn(facts, org.id, type, period);

export const generalAssemblyRule = countRule({
  id: 'LIFE-01',
  title: { zh: '支部党员大会每季度至少召开1次', en: 'A general assembly at least once a quarter' },
  scope: 'branch',
  kinds: ['branch'],
  period: 'quarter',
  source: '003 制度机制2',
  what: { zh: '支部党员大会', en: 'general assembly' },
  count: meetingsOf('generalAssembly'),
});

/**
 * Only a branch that has a committee owes committee meetings: one whose current term had a seat
 * beyond secretary and deputy (organization, propaganda, discipline or plain committee member)
 * held throughout the month. A branch that should have a committee (≥ 7 full members) but has
 * none is ORG-03's finding, not a missing committee meeting every month.
 */
export const committeeMeetingRule = countRule({
  id: 'LIFE-02',
  title: { zh: '支部委员会会议每月至少召开1次（设支委会的支部）', en: 'A committee meeting at least once a month' },
  scope: 'branch',
  kinds: ['branch'],
  period: 'month',
  source: '003 制度机制2',
  what: { zh: '支部委员会会议', en: 'committee meeting' },
  count: meetingsOf('committeeMeeting'),
  owes: (facts, org, period) => coveredThroughout(facts.committeeSeats[org.id], period),
});

/** A group owes a month only if it had a member in normal standing on every day of it. */
export const groupMeetingRule = countRule({
  id: 'LIFE-03',
  title: { zh: '党小组会每月至少召开1次', en: 'A group meeting at least once a month in each group' },
  scope: 'group',
  kinds: ['group'],
  period: 'month',
  source: '003 制度机制2',
  what: { zh: '党小组会', en: 'group meeting' },
  count: meetingsOf('groupMeeting'),
  owes: (facts, org, period) => coveredThroughout(facts.groupMembers[org.id], period),
  subject: (org) => ({ zh: org.name, en: org.name }),
});

export const partyLectureRule = countRule({
  id: 'LIFE-04',
  title: { zh: '支部每季度至少开展1次党课教育', en: 'A Party lecture at least once a quarter' },
  scope: 'branch',
  kinds: ['branch'],
  period: 'quarter',
  source: '003 制度机制3',
  what: { zh: '党课', en: 'Party lecture' },
  verbZh: '开展',
  count: meetingsOf('partyLecture'),
});

/**
 * The lecturer must hold the secretary seat of the branch's current term on the day of the lecture.
 * A year in which no secretary is on record at all is a vacancy (ORG-07), not a missing lecture.
 */
export const secretaryLectureRule = countRule({
  id: 'LIFE-05',
  title: { zh: '支部书记每年至少讲1次党课', en: 'The secretary gives at least one Party lecture a year' },
  scope: 'branch',
  kinds: ['branch'],
  period: 'year',
  source: '003 制度机制3',
  what: { zh: '党课', en: 'Party lecture' },
  verbZh: '讲',
  subject: () => ({ zh: '支部书记', en: 'secretary' }),
  // Owed only for a year the seat was filled throughout (by one secretary or in turn): a secretary
  // elected on December 14 is not in breach for that year, and a vacancy is ORG-07's finding.
  owes: (facts, org, period) => coveredThroughout(facts.secretarySeats[org.id], period),
  count: (facts, org, period) => facts.secretaryLectures[org.id]?.[Number(period.key.slice(0, 4))] ?? 0,
});

export const themeDayRule = countRule({
  id: 'LIFE-06',
  title: { zh: '每月开展1次主题党日', en: 'A theme day every month' },
  scope: 'branch',
  kinds: ['branch'],
  period: 'month',
  source: '003 组织生活3',
  what: { zh: '主题党日', en: 'theme day' },
  verbZh: '开展',
  count: meetingsOf('themeDay'),
});

export const lifeMeetingRule = countRule({
  id: 'LIFE-07',
  title: { zh: '每年至少召开1次专题组织生活会', en: 'An organizational-life meeting at least once a year' },
  scope: 'branch',
  kinds: ['branch'],
  period: 'year',
  source: '003 组织生活4; 000 五个坚持',
  what: { zh: '专题组织生活会', en: 'organizational-life meeting' },
  count: meetingsOf('lifeMeeting'),
});

export const leadershipLifeMeetingRule = countRule({
  id: 'LIFE-21',
  title: { zh: '领导班子每年召开民主生活会', en: 'Leadership teams hold a democratic life meeting every year' },
  scope: 'college',
  kinds: ['university', 'college'],
  period: 'year',
  source: '000 (一)2',
  what: { zh: '领导班子民主生活会', en: 'democratic life meeting' },
  count: meetingsOf('leadershipLifeMeeting'),
});
