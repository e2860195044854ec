/** The loader of each fact set, by the name rules use in `facts`. */
import type { FactSets } from '../../domain/compliance/fact-sets.ts';
import type { Tx } from '../connect.ts';
import { loadAcceptanceFacts } from './acceptance.ts';
import { loadDevPlanFacts } from './dev-plans.ts';
import { loadDevelopmentFacts } from './development.ts';
import { loadDuesFacts } from './dues.ts';
import { loadFundFacts } from './funds.ts';
import { loadImprovementFacts } from './improvement.ts';
import { loadLifeFacts } from './life.ts';
import { loadMemberFacts } from './member.ts';
import { loadModelFacts } from './models.ts';
import { loadRatingFacts } from './ratings.ts';
import type { FactScope } from './scope.ts';
import { loadStructureFacts } from './structure.ts';
import { loadTrainingFacts } from './training.ts';

export const factLoaders: { [K in keyof FactSets]: (tx: Tx, scope: FactScope) => Promise<FactSets[K]> } = {
  none: async () => ({}),
  structure: loadStructureFacts,
  life: loadLifeFacts,
  member: loadMemberFacts,
  training: loadTrainingFacts,
  funds: loadFundFacts,
  dues: loadDuesFacts,
  devPlans: loadDevPlanFacts,
  development: loadDevelopmentFacts,
  models: loadModelFacts,
  improvement: loadImprovementFacts,
  acceptance: loadAcceptanceFacts,
  ratings: loadRatingFacts,
};

/** Loads each fact set the rules need, once. */
export async function loadFactSets(tx: Tx, scope: FactScope, names: Iterable<keyof FactSets>) {
  const out: Partial<FactSets> = {};
  for (const name of new Set(names)) {
    (out as Record<string, unknown>)[name] = await factLoaders[name](tx, scope);
  }
  return out;
}
