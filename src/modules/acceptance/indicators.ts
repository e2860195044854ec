/**
 * A campaign's indicators: every rule of its standard sets (in catalog order, with its bilingual
 * catalog title) followed by its manual indicators.
 */

import { catalogTitle } from '../../domain/compliance/catalog-titles.ts';
import { ruleCatalog } from '../../domain/compliance/rule-catalog.ts';
import { standardSetByCode } from '../../domain/compliance/standard-sets.ts';
import type { Indicator, ManualIndicator } from './schema.ts';

export function campaignIndicators(setCodes: string[], manual: ManualIndicator[]): Indicator[] {
  const ids = new Set(setCodes.flatMap((code) => Object.keys(standardSetByCode.get(code)?.rules ?? {})));
  const rules: Indicator[] = ruleCatalog
    .filter((r) => ids.has(r.id))
    .map((r) => ({
      code: r.id,
      kind: 'rule',
      title: catalogTitle(r.id),
      source: r.source,
    }));
  return [
    ...rules,
    ...manual.map(
      (m): Indicator => ({ code: m.code, kind: 'manual', title: { zh: m.title, en: m.title }, source: null }),
    ),
  ];
}
