/**
 * The compliance score of a subtree, one formula everywhere (heat map rows, score card, overview):
 * 100 − (5 × open breaches + 1 × open warning) ÷ current branches in the subtree (at least 1),
 * rounded and floored at 0. Dividing by branches puts a college of sixty branches and one branch
 * on the same scale; a breach weighs five warnings because it is a closed period's failure.
 */
export const BREACH_WEIGHT = 5;
export const WARNING_WEIGHT = 1;

export function complianceScore(counts: { breach: number; warning: number; branches: number }): number {
  const penalty = (BREACH_WEIGHT * counts.breach + WARNING_WEIGHT * counts.warning) / Math.max(1, counts.branches);
  return Math.max(0, Math.round(100 - penalty));
}
