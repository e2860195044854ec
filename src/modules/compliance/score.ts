/**
 * The compliance score of a subtree, one formula everywhere (heat map rows, score card, overview):
 * the share of its rule checks that are met, in points. A check is one org against one adopted
 * rule that judges branches or below; a check with an open breach has failed, one with only open
 * warnings counts half. Counting distinct (org, rule) checks rather than findings keeps a branch
 * with forty members behind on their dues from weighing forty missed assemblies, and puts a
 * college of sixty branches and a single branch on the same 0–100 scale.
 */
import { ruleById } from '../../domain/compliance/rules.ts';
import { adoptedRuleIds, type StandardSet } from '../../domain/compliance/standard-sets.ts';
import type { Rule } from '../../domain/compliance/types.ts';

export const WARNING_SHARE = 0.5;

/** Rules about the university or a college never judge a branch. */
const aboveBranch = new Set(['university', 'college']);

/** The adopted, implemented, automatic rules that judge a branch, its groups, members or meetings. */
export function branchLevelRules(sets: StandardSet[]): Rule[] {
  return [...adoptedRuleIds(sets)]
    .map((id) => ruleById.get(id))
    .filter((r): r is Rule => r !== undefined && !r.manual && !aboveBranch.has(r.scope));
}

export function complianceScore(c: { breachedChecks: number; warnedChecks: number; branches: number; rules: number }) {
  const checks = Math.max(1, c.branches) * Math.max(1, c.rules);
  const failed = Math.min(checks, c.breachedChecks + WARNING_SHARE * c.warnedChecks);
  return Math.round(100 * (1 - failed / checks));
}
