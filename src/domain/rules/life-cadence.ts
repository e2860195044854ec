/**
 * LIFE-09, “坚持每两周党员过一次组织生活” (000 (二)3; 001 第4条): members of a branch have
 * organizational life at least every `everyDays` days.
 *
 * The check, per branch and month: a day is overdue when more than `everyDays` days have passed
 * since the branch's last day of organizational life on or before it (its general assemblies,
 * Party lectures, theme days, life meetings and its groups' meetings; committee meetings are not
 * members' organizational life). The last such day before the month is carried in, so a stretch
 * that runs across a month boundary is judged as one. A month with an overdue day is a breach
 * when closed, a warning while open (counting up to asOf); the message gives the longest run of
 * days without organizational life in that month, counted up to the month's end.
 */
import type { FindingDraft, Rule, RuleContext } from '../compliance/types.ts';
import { periodLabel } from '../periods.ts';
import type { LifeFacts } from './life-facts.ts';
import { owedPeriods } from './life-owed.ts';

/** A day as a whole number (days since 1970-01-01), so runs are integer arithmetic. */
export const dayNumber = (day: string) =>
  Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;

/**
 * The longest run of days without organizational life that has an overdue day inside [from, end],
 * or 0. `days` are sorted day numbers of organizational life; `before` is the day the run starts
 * from when none precedes `from`.
 */
export function longestOverdueRun(days: number[], before: number, from: number, end: number, everyDays: number) {
  let last = before;
  let longest = 0;
  const consider = (stop: number) => {
    const overdueFrom = Math.max(last + everyDays + 1, from);
    if (overdueFrom <= stop - 1) longest = Math.max(longest, stop - last - 1);
  };
  for (const day of days) {
    if (day < from) {
      last = day;
      continue;
    }
    if (day > end) break;
    consider(day);
    last = day;
  }
  consider(end + 1);
  return longest;
}

export const lifeCadenceRule: Rule<'life'> = {
  id: 'LIFE-09',
  family: 'LIFE',
  title: { zh: '党员每两周过一次组织生活', en: 'Members have organizational life every two weeks' },
  scope: 'branch',
  period: 'month',
  params: {
    everyDays: {
      type: 'integer',
      default: 14,
      min: 1,
      max: 92,
      stricter: 'lower',
      label: { zh: '组织生活最长间隔', en: 'longest interval between organizational life' },
      unit: { zh: '天', en: 'days' },
    },
  },
  source: '000 (二)3; 001 第4条',
  facts: 'life',
  evaluate(ctx: RuleContext<LifeFacts>) {
    const out: FindingDraft[] = [];
    const labels = new Map<string, { zh: string; en: string }>();
    for (const { org, period } of owedPeriods(ctx, ['branch'], 'month')) {
      const everyDays = Number(ctx.params(org.id).everyDays);
      // With no organizational life on record before, the run starts at the branch's creation or
      // at the first evaluated year, whichever is later: an older history is not judged here.
      const start = Math.max(dayNumber(org.validFrom), dayNumber(ctx.facts.lifeDaysFrom));
      const end = period.state === 'open' && ctx.asOf < period.to ? ctx.asOf : period.to;
      const longest = longestOverdueRun(
        ctx.facts.lifeDays[org.id] ?? [],
        start - 1,
        dayNumber(period.from),
        dayNumber(end),
        everyDays,
      );
      if (longest === 0) continue;
      let label = labels.get(period.key);
      if (!label) {
        label = { zh: periodLabel(period.key, 'zh'), en: periodLabel(period.key, 'en') };
        labels.set(period.key, label);
      }
      const open = period.state === 'open';
      out.push({
        severity: open ? 'warning' : 'breach',
        orgId: org.id,
        period: period.key,
        evidence: [{ kind: 'org', id: org.id, label: org.name }],
        numbers: { longestGapDays: longest, everyDays },
        message: {
          zh: `${label.zh}${open ? '至今' : ''}党员连续${longest}天未过组织生活（要求至少每${everyDays}天1次）`,
          en: `${label.en}: ${longest} days in a row without organizational life${open ? ' so far' : ''} (required: at least every ${everyDays} days)`,
        },
      });
    }
    return out;
  },
};
