/** Which orgs owe which periods, shared by the LIFE rules. */

import type { OrgNode, RuleContext } from '../compliance/types.ts';
import type { PeriodKind } from '../periods.ts';
import { coversPeriod, type Period } from '../periods.ts';
import type { Interval } from './life-facts.ts';

/**
 * Every (org, period) pair where an org of these kinds existed for the whole period: a branch
 * dissolved mid-year or created mid-quarter owes nothing for that partial period.
 */
export function* owedPeriods<F>(
  ctx: RuleContext<F>,
  kinds: OrgNode['kind'][],
  kind: PeriodKind,
): Generator<{ org: OrgNode; period: Period }> {
  for (const org of ctx.core.orgs) {
    if (!kinds.includes(org.kind)) continue;
    for (const period of ctx.periods(kind, org.tenantId)) {
      if (coversPeriod(org, period)) yield { org, period };
    }
  }
}

/** Whether the union of intervals [from, to) covers every day of the period. */
export function coveredThroughout(intervals: Interval[] | undefined, period: Pick<Period, 'from' | 'to'>) {
  if (!intervals || intervals.length === 0) return false;
  const sorted = [...intervals].sort((a, b) => a.from.localeCompare(b.from));
  let reach = period.from; // first day not yet known to be covered
  for (const i of sorted) {
    if (i.from > reach) break;
    if (i.to === null) return true;
    if (i.to > reach) reach = i.to;
    if (reach > period.to) return true;
  }
  return reach > period.to;
}
