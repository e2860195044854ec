/**
 * Facts the model-unit, award and practice-carrier rules (ASSESS-07/08/09) read, computed by
 * `src/db/facts/models.ts`, and the pure arithmetic the API shares with the rules.
 */

/** A university's branches and accepted model branches on the counted day of a year (ASSESS-07). */
export type ModelQuotaYear = {
  tenantId: string;
  year: number;
  /** December 31, or asOf in the open year: the day both numbers are counted on. */
  countedOn: string;
  branches: number;
  /** Accepted model branches (school level or above) on a branch valid on the counted day. */
  modelBranches: number;
};

/** A university's award rounds (ASSESS-08): the latest round year with a decided award. */
export type AwardHistory = {
  tenantId: string;
  /** The root org's first day: a university owes its first round `everyYears` after it. */
  foundedOn: string;
  lastRoundYear: number | null;
  lastDecidedOn: string | null;
};

/** A college-level org or branch and the practical rules and carriers it set up in a year (ASSESS-09). */
export type CarrierYear = { orgId: string; year: number; carriers: number };

export type ModelFacts = { quota: ModelQuotaYear[]; awards: AwardHistory[]; carriers: CarrierYear[] };

/** ASSESS-07's share for a plan year: 1/10 until `raisedFrom`, then `raisedShare` (003 第二、三阶段). */
export function quotaShare(params: Record<string, number | string>, year: number): number | null {
  if (year < Number(params.fromYear)) return null;
  return year >= Number(params.raisedFrom) ? Number(params.raisedShare) : Number(params.share);
}

/** Model branches needed: share × branches rounded up (10 branches at 1/10 need 1; 11 need 2). */
export const requiredModelBranches = (share: number, branches: number) =>
  // The epsilon keeps 0.1 × 30 (3.0000000000000004 in floating point) at 3.
  Math.max(0, Math.ceil(share * branches - 1e-9));

/** A share as people write it: 0.1 → "1/10", 0.25 → "1/4", 0.3 → "30%". */
export function formatShare(share: number): string {
  const inverse = 1 / share;
  if (share > 0 && Math.abs(inverse - Math.round(inverse)) < 1e-9) return `1/${Math.round(inverse)}`;
  return `${Math.round(share * 1000) / 10}%`;
}
