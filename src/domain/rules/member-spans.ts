/**
 * A member's membership rows read as time: where they were on a day, and the unbroken runs of
 * normal standing that say since when they owe organizational life and whether they owe a
 * whole period's requirement.
 */
import { monthsBetween, type Period, validOn } from '../periods.ts';
import type { MemberRecord, MembershipSpan } from './member-facts.ts';

/** An unbroken run [from, to) of normal-standing membership rows (a move between branches on one day does not break it). */
export type Run = { from: string; to: string | null };

// Rules ask for a member's runs several times per evaluation: computed once per fact set.
const runsOf = new WeakMap<MembershipSpan[], Run[]>();

export function normalRuns(spans: MembershipSpan[]): Run[] {
  const cached = runsOf.get(spans);
  if (cached) return cached;
  const runs: Run[] = [];
  for (const s of spans) {
    if (s.standing !== 'normal') continue;
    const last = runs[runs.length - 1];
    if (last && (last.to === null || last.to >= s.validFrom)) {
      if (last.to !== null && (s.validTo === null || s.validTo > last.to)) last.to = s.validTo;
    } else runs.push({ from: s.validFrom, to: s.validTo });
  }
  runsOf.set(spans, runs);
  return runs;
}

/** The run of normal standing that includes a day, if the person was a member in normal standing then. */
export const runOn = (member: MemberRecord, day: string) =>
  normalRuns(member.memberships).find((r) => validOn({ validFrom: r.from, validTo: r.to }, day)) ?? null;

/** The normal-standing membership row valid on a day (the latest begun, should two overlap). */
export function spanOn(member: MemberRecord, day: string): MembershipSpan | null {
  let found: MembershipSpan | null = null;
  for (const s of member.memberships) if (s.standing === 'normal' && validOn(s, day)) found = s;
  return found;
}

/** Whether the member was in normal standing for the whole period: only then do they owe its requirement. */
export const owesPeriod = (member: MemberRecord, period: Pick<Period, 'from' | 'to'>) =>
  normalRuns(member.memberships).some((r) => r.from <= period.from && (r.to === null || r.to > period.to));

/** Where a finding about a member's period goes: their branch at asOf, or at the end of the period if they have left. */
export const branchFor = (member: MemberRecord, asOf: string, period: Pick<Period, 'to'>) =>
  (spanOn(member, asOf) ?? spanOn(member, period.to))?.orgId ?? null;

/**
 * `monthsBetween(day, asOf)` remembered per day: rules ask it for every member, and members'
 * last days fall on a few hundred distinct meeting days.
 */
export function monthsUntil(asOf: string): (day: string) => number {
  const memo = new Map<string, number>();
  return (day) => {
    let months = memo.get(day);
    if (months === undefined) {
      months = monthsBetween(day, asOf);
      memo.set(day, months);
    }
    return months;
  };
}
