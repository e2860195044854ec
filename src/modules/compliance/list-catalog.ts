/** The rule catalog and the shipped standard sets, as the API presents them. */
import { catalogTitle } from '../../domain/compliance/catalog-titles.ts';
import { ruleCatalog } from '../../domain/compliance/rule-catalog.ts';
import { ruleById } from '../../domain/compliance/rules.ts';
import { standardSets } from '../../domain/compliance/standard-sets.ts';

/** Family of a rule id: its prefix (`LIFE-03` → `LIFE`). */
export const familyOf = (ruleId: string) => ruleId.split('-')[0];

export function listRules() {
  return ruleCatalog.map((entry) => {
    const rule = ruleById.get(entry.id);
    return {
      id: entry.id,
      implemented: rule !== undefined,
      manual: rule?.manual ?? false,
      family: rule?.family ?? familyOf(entry.id),
      // Unimplemented rules too: their Chinese title from the catalog titles.
      title: catalogTitle(entry.id),
      text: entry.text,
      scope: rule?.scope ?? null,
      period: rule?.period ?? null,
      source: rule?.source ?? entry.source,
      params: rule?.params ?? {},
    };
  });
}

export function listStandardSets() {
  return standardSets.map((s) => ({
    code: s.code,
    name: s.name,
    document: s.document,
    seed: s.seed,
    rules: Object.keys(s.rules),
    parameters: Object.fromEntries(Object.entries(s.rules).filter(([, values]) => Object.keys(values).length > 0)),
  }));
}
