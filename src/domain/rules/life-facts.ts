/** Facts the branch-level LIFE rules read, computed by `src/db/facts/life.ts` for a whole scope and range. */
import type { Period } from '../periods.ts';

/** Meeting types the LIFE rules count. */
export type CountedMeetingType =
  | 'generalAssembly'
  | 'committeeMeeting'
  | 'groupMeeting'
  | 'partyLecture'
  | 'themeDay'
  | 'lifeMeeting'
  | 'leadershipLifeMeeting';

/** A day interval [from, to) (to null: still open). */
export type Interval = { from: string; to: string | null };

export type AppraisalFact = {
  id: string;
  orgId: string;
  year: number;
  step: string;
  startedOn: string;
  peerReviewOn: string | null;
  voteOn: string | null;
  verdictOn: string | null;
  closedOn: string | null;
  participants: number;
  /** Participants rated 优秀 in the organization verdict. */
  excellent: number;
  /** Leading cadres with vote tallies recorded (they must not be voted on). */
  cadresVotedOn: number;
};

export type LifePlanFact = { id: string; orgId: string; year: number; status: string; submittedOn: string | null };

/** A held meeting of a branch or group whose record lacks minutes or a sign-in list (LIFE-12). */
export type RecordGap = {
  id: string;
  orgId: string;
  code: string;
  type: string;
  heldOn: string;
  hasMinutes: boolean;
  hasSignIn: boolean;
};

export type LifeFacts = {
  /**
   * Held meetings (status held or recorded) per org, type and month: `held[orgId][type]['2021-03']`.
   * Months cover every calendar year the evaluated range touches, so any month, quarter, half or
   * year overlapping the range sums from them.
   */
  held: Record<string, Partial<Record<CountedMeetingType, Record<string, number>>>>;
  /** Party lectures of a branch given by its secretary that day, per year: `secretaryLectures[orgId][2021]`. */
  secretaryLectures: Record<string, Record<number, number>>;
  /**
   * Per branch, the intervals during which a committee seat (beyond secretary and deputy) was held,
   * merged into disjoint sorted ones.
   */
  committeeSeats: Record<string, Interval[]>;
  /** Per branch, the merged intervals during which its current term's secretary seat was held. */
  secretarySeats: Record<string, Interval[]>;
  /** Per group, the merged intervals during which it had at least one member in normal standing. */
  groupMembers: Record<string, Interval[]>;
  /**
   * Per branch, the sorted days of organizational life (its own general assemblies, Party lectures,
   * theme days and life meetings, and its groups' meetings), from a year before the range on, as
   * day numbers (days since 1970-01-01).
   */
  lifeDays: Record<string, number[]>;
  /**
   * The first day of the evaluated years. Days before it are in `lifeDays` only to carry a gap
   * in; a branch with none is not blamed for the time before it (its history may not be loaded).
   */
  lifeDaysFrom: string;
  appraisals: AppraisalFact[];
  lifePlans: LifePlanFact[];
  recordGaps: RecordGap[];
};

/** Held meetings of a type at an org within a calendar period (month, quarter, half or year). */
export function heldIn(facts: LifeFacts, orgId: string, type: CountedMeetingType, period: Pick<Period, 'from' | 'to'>) {
  const months = facts.held[orgId]?.[type];
  if (!months) return 0;
  const first = period.from.slice(0, 7);
  const last = period.to.slice(0, 7);
  let count = 0;
  for (const month in months) if (month >= first && month <= last) count += months[month];
  return count;
}
