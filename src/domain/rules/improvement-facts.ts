/**
 * Facts the improvement rules read (ASSESS-03 rectification, ASSESS-04 weak branches and their
 * reorganization, ASSESS-05 surveys), computed by `src/db/facts/improvement.ts` for a whole scope.
 */

/** A rectification item (整改事项) of an org: the ones of the evaluated years, and every open one. */
export type RectificationFact = {
  id: string;
  orgId: string;
  year: number;
  problem: string;
  status: 'open' | 'done' | 'verified';
  deadline: string;
  /** Owner, measures, deadline and evidence all filled in: what ASSESS-03 counts once verified. */
  complete: boolean;
};

/** A survey (摸底排查) of an org for a year. */
export type SurveyFact = { id: string; orgId: string; year: number; surveyedOn: string; weak: boolean };

/** A reorganization (整顿) of an org that had started by asOf. */
export type ReorganizationFact = {
  id: string;
  orgId: string;
  status: 'open' | 'closed';
  startedOn: string;
  endsOn: string;
};

/** What makes a branch weak on asOf (ASSESS-04), per live branch of the scope. */
export type BranchStateFact = {
  orgId: string;
  /** Full members in normal standing on asOf. */
  fullMembers: number;
  /** Whether the current term has a committee seat beyond secretary and deputy (held or left vacant). */
  hasCommittee: boolean;
  /** Last day the branch (or one of its groups) held organizational life on or before asOf. */
  lastLifeOn: string | null;
  /** The latest final rating of the asOf year or the one before, or null. */
  rating: { year: number; grade: string } | null;
};

export type ImprovementFacts = {
  rectifications: RectificationFact[];
  surveys: SurveyFact[];
  reorganizations: ReorganizationFact[];
  branches: BranchStateFact[];
};
