/** Which orgs owe which periods, shared by the LIFE rules. */

import type { CoreFacts, OrgNode, RuleContext } from '../compliance/types.ts';
import type { PeriodKind } from '../periods.ts';
import { coversPeriod, type Period } from '../periods.ts';
import type { Interval } from './life-facts.ts';

type Owed = { org: OrgNode; period: Period }[];

// Several rules ask for the same (kinds, period kind) in one evaluation: computed once per core facts.
const owedCache = new WeakMap<CoreFacts, Map<string, Owed>>();

/**
 * Every (org, period) pair where an org of these kinds existed for the whole period: a branch
 * dissolved mid-year or created mid-quarter owes nothing for that partial period.
 */
export function owedPeriods<F>(ctx: RuleContext<F>, kinds: OrgNode['kind'][], kind: PeriodKind): Owed {
  let byKey = owedCache.get(ctx.core);
  if (!byKey) {
    byKey = new Map();
    owedCache.set(ctx.core, byKey);
  }
  const key = `${kinds.join(',')}|${kind}|${ctx.from}|${ctx.to}|${ctx.asOf}`;
  const cached = byKey.get(key);
  if (cached) return cached;
  const owed: Owed = [];
  for (const org of ctx.core.orgs) {
    if (!kinds.includes(org.kind)) continue;
    for (const period of ctx.periods(kind, org.tenantId)) {
      if (coversPeriod(org, period)) owed.push({ org, period });
    }
  }
  byKey.set(key, owed);
  return owed;
}

/** Merges intervals [from, to) into disjoint ones, sorted (to null: open-ended). */
export function mergeIntervals(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.from.localeCompare(b.from));
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out.at(-1);
    if (last && (last.to === null || i.from <= last.to)) {
      if (last.to !== null && (i.to === null || i.to > last.to)) last.to = i.to;
    } else out.push({ ...i });
  }
  return out;
}

/** Whether merged intervals (see `mergeIntervals`) cover every day of the period. */
export function coveredThroughout(merged: Interval[] | undefined, period: Pick<Period, 'from' | 'to'>) {
  return (merged ?? []).some((i) => i.from <= period.from && (i.to === null || i.to > period.to));
}
