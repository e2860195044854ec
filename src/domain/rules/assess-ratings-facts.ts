/** Facts the ASSESS-01 and ASSESS-02 rules read, computed by `src/db/facts/ratings.ts`. */

/** A secretary in office at a year's end (or on asOf in the running year) and whether they were reviewed. */
export type SecretaryYear = {
  orgId: string;
  year: number;
  personId: string;
  personName: string;
  /** college: a college-level org's secretary (二级党组织书记); branch: a branch secretary. */
  level: 'college' | 'branch';
  /** none: in no round of the year; open: in a round not yet published; published: reviewed. */
  review: 'none' | 'open' | 'published';
};

/** A branch or college of a year with its rating, if any, and whether a fair or lagging grade has its plan. */
export type RatingYear = {
  orgId: string;
  year: number;
  status: 'draft' | 'final' | null;
  grade: 'advanced' | 'good' | 'fair' | 'lagging' | null;
  /** A rectification item of source `rating` exists for the org and year. */
  planned: boolean;
};

export type RatingFacts = { secretaries: SecretaryYear[]; years: RatingYear[] };
