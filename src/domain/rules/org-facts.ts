/**
 * Facts the ORG rules read, computed by `src/db/facts/structure.ts` for a whole scope as of asOf.
 * Everything here is the state on asOf: memberships, seats and terms valid that day.
 */

/** Members in normal standing whose membership on asOf is in the org (a branch). */
export type MemberCounts = {
  orgId: string;
  full: number;
  probationary: number;
  /** Members with no group, or whose group is not a live group of this branch on asOf. */
  ungrouped: number;
};

/** A seat of a term that had started by asOf (it may have ended since: a vacancy, or a handover). */
export type SeatFact = {
  positionId: string;
  role: string;
  personId: string;
  validFrom: string;
  validTo: string | null;
  dualLeader: boolean;
  personName: string;
  personCategory: string;
  /** Free text (处长, 辅导员, 讲师 …): what ORG-11/12 can read of a post. */
  title: string | null;
  /** The holder's membership on asOf (any org), or null when they have none then. */
  memberStatus: string | null;
  memberStanding: string | null;
};

/** The current term of an org on asOf: the latest elected on or before it. */
export type TermFact = {
  id: string;
  orgId: string;
  electedOn: string;
  endsOn: string;
  seats: SeatFact[];
};

/** A membership in normal standing on asOf whose org is not a live branch that day (ORG-08). */
export type UnplacedMember = {
  membershipId: string;
  personId: string;
  personName: string;
  orgId: string;
  orgKind: string;
  orgName: string;
  orgValidFrom: string;
  orgValidTo: string | null;
};

export type StructureFacts = {
  counts: MemberCounts[];
  terms: TermFact[];
  unplaced: UnplacedMember[];
};
