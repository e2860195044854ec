/**
 * Facts the member-level rules (LIFE-11, 13, 14, 22, MEM-01, 03) read, computed by
 * `src/db/facts/member.ts` for every person with a membership in the scope, in a few set-based
 * queries.
 */

/** One membership interval [validFrom, validTo) of a person. */
export type MembershipSpan = {
  id: string;
  /** The branch (a group is only named on the membership, never its org). */
  orgId: string;
  standing: string;
  validFrom: string;
  validTo: string | null;
};

export type MemberRecord = {
  tenantId: string;
  personId: string;
  code: string;
  name: string;
  leadingCadre: boolean;
  /** Every membership row of the person, ordered by validFrom (also rows outside the scope). */
  memberships: MembershipSpan[];
  /**
   * Last day (≤ asOf) present or late at a meeting of a branch or group: organizational life
   * (LIFE-13). Of lastLife and lastExcused only the later is sure to be given: the earlier may be
   * null when it is months older (the loader does not read that far back for it).
   */
  lastLife: string | null;
  /** Last day (≤ asOf) on leave with a reason from a meeting of a branch or group: an excused meeting (LIFE-13). See lastLife. */
  lastExcused: string | null;
  /** Last day (≤ asOf) present or late at any meeting, or checked in by its QR code (MEM-03). */
  lastAttended: string | null;
  /** Last thought report submitted on or before asOf (MEM-03). */
  lastReport: string | null;
  /** Thought reports per calendar year within the evaluated range (LIFE-14). */
  reportsByYear: Record<string, number>;
  /**
   * Organizational-life meetings (组织生活会) of their own branch attended per year within the
   * range, for leading cadres only (LIFE-22), with the meeting ids.
   */
  lifeMeetingsByYear: Record<string, string[]>;
};

/** An absence (absent, or on leave) from a held meeting within the range, not made up in time for any allowed `makeupDays`. */
export type Absence = {
  personId: string;
  meetingId: string;
  meetingTitle: string;
  type: string;
  heldOn: string;
  status: 'absent' | 'leave';
  makeupOn: string | null;
  /** The member's branch on the meeting day (the one that arranges the make-up). */
  orgId: string;
};

export type MemberFacts = {
  members: MemberRecord[];
  absences: Absence[];
  /** Last held meeting day (≤ asOf) of each branch, counting its groups' meetings. */
  branchLastMeeting: Record<string, string>;
};

/**
 * The smallest `makeupDays` a university may set: the loader leaves out make-ups done within it,
 * since they are in time under any allowed value.
 */
export const MIN_MAKEUP_DAYS = 7;
