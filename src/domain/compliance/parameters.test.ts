import { describe, expect, it } from 'vitest';
import { checkParamValues, explainParams, type Override, resolveParams } from './parameters.ts';
import type { StandardSet } from './standard-sets.ts';
import type { ParamSpec } from './types.ts';

const rule: { id: string; params: Record<string, ParamSpec> } = {
  id: 'ORG-05',
  params: {
    maxSize: { type: 'integer', default: 30, min: 1, stricter: 'lower', label: { zh: '人数上限', en: 'max size' } },
    minGroups: { type: 'integer', default: 1, min: 0, stricter: 'higher', label: { zh: '小组', en: 'groups' } },
  },
};
const set = (code: string, values: Record<string, number>): StandardSet => ({
  code,
  name: { zh: code, en: code },
  document: { zh: code, en: code },
  seed: null,
  rules: { 'ORG-05': values },
});
const root = '/u/';
const college = '/u/c1/';
const branch = '/u/c1/b1/';
const override = (id: string, orgId: string | null, values: Record<string, number>): Override => ({
  id,
  rule: 'ORG-05',
  orgId,
  orgCode: orgId,
  values,
  updatedByName: '组织部',
  updatedAt: '2026-11-01 10:00',
  reason: 'test',
});

describe('parameter resolution', () => {
  it('uses the default when no set gives a value', () => {
    expect(resolveParams(rule, [set('a', {})], [], branch)).toEqual({ maxSize: 30, minGroups: 1 });
  });

  it('takes the stricter of two sets that disagree, in both directions', () => {
    const sets = [set('a', { maxSize: 25, minGroups: 1 }), set('b', { maxSize: 40, minGroups: 2 })];
    const explained = explainParams(rule, sets, [], branch);
    expect(explained.map((e) => [e.param, e.value, e.source])).toEqual([
      ['maxSize', 25, { kind: 'set', set: 'a' }],
      ['minGroups', 2, { kind: 'set', set: 'b' }],
    ]);
    expect(explained[0].fromSets).toEqual([
      { set: 'a', value: 25 },
      { set: 'b', value: 40 },
    ]);
  });

  it('lets an override win over the sets even when it is weaker, the nearest subtree last', () => {
    const sets = [set('a', { maxSize: 25 })];
    const overrides = [override('o2', 'c1', { maxSize: 35 }), override('o1', null, { maxSize: 28 })];
    const explained = explainParams(rule, sets, overrides, branch)[0];
    expect(explained.value).toBe(35);
    expect(explained.source).toMatchObject({ kind: 'override', overrideId: 'o2', orgId: 'c1', by: '组织部' });
    expect(explained.fromOverrides.map((o) => o.value)).toEqual([28, 35]);
    // Another college's branch gets only the university-wide override.
    expect(resolveParams(rule, sets, overrides, '/u/c2/b9/').maxSize).toBe(28);
    expect(resolveParams(rule, sets, overrides, root).maxSize).toBe(28);
    expect(resolveParams(rule, sets, overrides, college).maxSize).toBe(35);
  });

  it('rejects unknown rules, unknown parameters and values outside the schema', () => {
    expect(checkParamValues('ORG-99', rule.params, {})).toEqual([
      { field: 'rule', reason: { zh: '未知的规则编号 ORG-99', en: 'unknown rule id ORG-99' } },
    ]);
    expect(checkParamValues('ORG-05', rule.params, { maxSize: -1, minGroups: 1.5, colour: 3 })).toEqual([
      { field: 'values.maxSize', reason: { zh: '不能小于 1', en: 'must be at least 1' } },
      { field: 'values.minGroups', reason: { zh: '应为整数', en: 'expected an integer' } },
      {
        field: 'values.colour',
        reason: { zh: '规则 ORG-05 没有参数 colour', en: 'rule ORG-05 has no parameter colour' },
      },
    ]);
    expect(checkParamValues('ORG-05', rule.params, { maxSize: 20 })).toEqual([]);
  });
});
