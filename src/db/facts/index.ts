/** The loader of each fact set, by the name rules use in `facts`. */
import type { FactSets } from '../../domain/compliance/fact-sets.ts';
import type { Tx } from '../connect.ts';
import type { SnapshotReaders } from '../snapshot-readers.ts';
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

/** The loaders of the largest sets, which spread their statements over the readers themselves. */
const spreadOverReaders = new Set<keyof FactSets>(['structure', 'life', 'member']);

/**
 * Loads one fact set: on `tx`, or on a reader sharing its snapshot when `readers` are given (each
 * statement of the largest sets on a reader of its own).
 */
export function loadFactSet<K extends keyof FactSets>(
  tx: Tx,
  scope: FactScope,
  name: K,
  readers: SnapshotReaders | null = null,
): Promise<FactSets[K]> {
  const load = factLoaders[name] as (on: Tx, scope: FactScope, readers?: SnapshotReaders) => Promise<FactSets[K]>;
  if (!readers) return load(tx, scope);
  return spreadOverReaders.has(name) ? load(tx, scope, readers) : readers.run((reader) => load(reader, scope));
}
