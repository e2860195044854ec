/**
 * ORG-06 and ORG-07: terms end and seats fall vacant — re-election on time, vacancies filled
 * (003 支部设置7–8; 002 任务12).
 */
import type { FindingDraft, Rule, Severity } from '../compliance/types.ts';
import { addMonths, daysBetween } from '../periods.ts';
import { daysEn, isCommitteeRole, joinProblems, liveOrgs, roleNames, termOf, vacancies } from './org-structure.ts';

export const org06: Rule<'structure'> = {
  id: 'ORG-06',
  family: 'ORG',
  title: { zh: '任期届满按时换届', en: 'Re-election when the term ends' },
  scope: 'branch',
  period: 'now',
  params: {
    termYears: {
      type: 'integer',
      default: 3,
      min: 1,
      max: 10,
      stricter: 'lower',
      label: { zh: '党支部每届任期', en: 'Term of a branch committee' },
      unit: { zh: '年', en: 'years' },
    },
    warnDays: {
      type: 'integer',
      default: 90,
      min: 0,
      max: 365,
      // Warning earlier is stricter.
      stricter: 'higher',
      label: { zh: '届满前预警天数', en: 'Days of warning before a term ends' },
      unit: { zh: '天', en: 'days' },
    },
  },
  source: '003 支部设置7; 002 任务12',
  facts: 'structure',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    // An org with no term on record has nothing to re-elect: a branch without a secretary or
    // committee is ORG-03/04's finding; a college's committee is not always recorded here.
    for (const org of liveOrgs(ctx, ['branch', 'college'])) {
      const term = termOf(ctx, org.id);
      if (!term) continue;
      const p = ctx.params(org.id);
      const [termYears, warnDays] = [Number(p.termYears), Number(p.warnDays)];
      // A branch's term is `termYears` (003 支部设置7: 一般每届任期3年) even when recorded longer;
      // a college's term follows its own election rules (a 二级党委 serves five years), so the
      // recorded end is its due day. The term ends on its last day: re-election is due by then.
      const capped = addMonths(term.electedOn, termYears * 12);
      const due = org.kind === 'branch' && capped < term.endsOn ? capped : term.endsOn;
      const left = daysBetween(ctx.asOf, due);
      if (left > warnDays) continue;
      const overdue = left < 0;
      out.push({
        severity: overdue ? 'breach' : 'warning',
        orgId: org.id,
        period: null,
        message: overdue
          ? {
              zh: `本届任期（${term.electedOn}选举）已于${due}届满，已逾期${-left}天未换届`,
              en: `The term elected on ${term.electedOn} ended on ${due}; re-election is ${daysEn(-left)} overdue`,
            }
          : {
              zh: `本届任期（${term.electedOn}选举）将于${due}届满（剩余${left}天），应按时换届`,
              en: `The term elected on ${term.electedOn} ends on ${due} (${daysEn(left)} left); hold the re-election on time`,
            },
        evidence: [{ kind: 'term', id: term.id, label: `${term.electedOn} – ${term.endsOn}` }],
        numbers: { electedOn: term.electedOn, endsOn: term.endsOn, due, daysLeft: left, termYears, warnDays },
      });
    }
    return out;
  },
};

export const org07: Rule<'structure'> = {
  id: 'ORG-07',
  family: 'ORG',
  title: { zh: '委员空缺及时补选', en: 'Vacant seats are filled' },
  scope: 'branch',
  period: 'now',
  params: {
    fillDays: {
      type: 'integer',
      default: 90,
      min: 0,
      max: 365,
      stricter: 'lower',
      label: { zh: '空缺补选期限（文件要求“及时”）', en: 'Days to fill a vacant seat (the documents say “promptly”)' },
      unit: { zh: '天', en: 'days' },
    },
  },
  source: '003 支部设置8',
  facts: 'structure',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    for (const branch of liveOrgs(ctx, ['branch'])) {
      const term = termOf(ctx, branch.id);
      const open = vacancies(term, ctx.asOf).filter((v) => isCommitteeRole(v.seat.role));
      if (!term || open.length === 0) continue;
      const fillDays = Number(ctx.params(branch.id).fillDays);
      // One finding per branch (findings are keyed by rule and org): each vacancy is listed, and
      // the finding is a breach as soon as one of them is past the deadline.
      let severity: Severity = 'warning';
      const lines = open.map((v) => {
        const days = daysBetween(v.since, ctx.asOf);
        if (days > fillDays) severity = 'breach';
        const role = roleNames[v.seat.role] ?? { zh: v.seat.role, en: v.seat.role };
        return {
          zh: `${role.zh}（原任${v.seat.personName}）自${v.since}起空缺${days}天`,
          en: `the ${role.en} seat (last held by ${v.seat.personName}) has been vacant since ${v.since}, ${daysEn(days)}`,
        };
      });
      const all = joinProblems(lines);
      out.push({
        severity,
        orgId: branch.id,
        period: null,
        message: {
          zh: `${all.zh}（要求${fillDays}天内补选）`,
          en: `${all.en.charAt(0).toUpperCase()}${all.en.slice(1)} (to be filled within ${fillDays} days)`,
        },
        evidence: [
          { kind: 'term', id: term.id },
          ...open.map((v) => ({ kind: 'position' as const, id: v.seat.positionId, label: v.seat.personName })),
        ],
        numbers: {
          vacancies: open.length,
          longestDays: Math.max(...open.map((v) => daysBetween(v.since, ctx.asOf))),
          fillDays,
        },
      });
    }
    return out;
  },
};

export const orgTermRules = [org06, org07] satisfies Rule<'structure'>[];
