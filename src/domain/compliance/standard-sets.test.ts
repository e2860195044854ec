import { describe, expect, it } from 'vitest';
import { checkParamValues } from './parameters.ts';
import { knownRuleIds, ruleCatalog } from './rule-catalog.ts';
import { ruleById } from './rules.ts';
import { standardSets } from './standard-sets.ts';

describe('shipped standard sets', () => {
  it('name only catalog rules, with values their rules accept', () => {
    for (const set of standardSets) {
      for (const [rule, values] of Object.entries(set.rules)) {
        expect(knownRuleIds.has(rule), `${set.code} names ${rule}`).toBe(true);
        expect(checkParamValues(rule, ruleById.get(rule)?.params ?? null, values), `${set.code} ${rule}`).toEqual([]);
      }
    }
  });

  it('ship the five documented sets, each citing its document', () => {
    expect(standardSets.map((s) => s.code)).toEqual([
      'national-baseline',
      'hbzy-2019-3s3n',
      'jyu-2021-plan',
      'jljy-2016-five',
      'zjjm-2012-year',
    ]);
    for (const set of standardSets) expect(set.document.zh.length).toBeGreaterThan(10);
    const hbzy = standardSets.find((s) => s.code === 'hbzy-2019-3s3n')!;
    expect(Object.keys(hbzy.rules)).toEqual(expect.arrayContaining(['ORG-17', 'LIFE-13', 'LIFE-22', 'ASSESS-07']));
    expect(Object.keys(hbzy.rules)).not.toContain('LIFE-09');
    expect(Object.keys(standardSets.find((s) => s.code === 'jljy-2016-five')!.rules)).toContain('LIFE-09');
  });

  it('implement rules with the catalog source clause', () => {
    const catalogSource = new Map(ruleCatalog.map((r) => [r.id, r.source]));
    for (const rule of ruleById.values()) {
      expect(knownRuleIds.has(rule.id), rule.id).toBe(true);
      expect(rule.source, rule.id).toBe(catalogSource.get(rule.id));
      for (const [name, spec] of Object.entries(rule.params)) {
        expect(checkParamValues(rule.id, rule.params, { [name]: spec.default }), `${rule.id}.${name} default`).toEqual(
          [],
        );
      }
    }
  });
});
