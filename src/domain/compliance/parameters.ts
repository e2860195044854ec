/**
 * Effective rule parameters. Order of precedence, from weakest to strongest:
 * the rule's default → the adopted standard sets (the stricter value when two disagree) → the
 * university-wide override → subtree overrides, the nearest ancestor last. Every value can say
 * where it came from (`explainParams`).
 */
import { knownRuleIds } from './rule-catalog.ts';
import type { StandardSet } from './standard-sets.ts';
import type { ParamSpec, ParamValue, ParamValues } from './types.ts';

export type Override = {
  id: string;
  rule: string;
  /** null: the whole university. */
  orgId: string | null;
  orgCode?: string | null;
  values: ParamValues;
  reason?: string | null;
  updatedByName?: string | null;
  updatedAt?: string | null;
};

export type ParamSource =
  | { kind: 'default' }
  | { kind: 'set'; set: string }
  | {
      kind: 'override';
      overrideId: string;
      orgId: string | null;
      orgCode: string | null;
      by: string | null;
      at: string | null;
      reason: string | null;
    };

export type ParamExplanation = {
  param: string;
  spec: ParamSpec;
  /** Each adopted set that sets it, with its value. */
  fromSets: { set: string; value: ParamValue }[];
  /** Each override on the path to the org, outermost first; the last one wins. */
  fromOverrides: { value: ParamValue; source: Extract<ParamSource, { kind: 'override' }> }[];
  value: ParamValue;
  source: ParamSource;
};

const stricterOf = (spec: ParamSpec, a: ParamValue, b: ParamValue): ParamValue => {
  if (spec.type === 'monthDay') return String(a) <= String(b) ? a : b;
  if (spec.stricter === 'higher') return Number(a) >= Number(b) ? a : b;
  return Number(a) <= Number(b) ? a : b;
};

/** Overrides of a rule that apply to an org with this path, outermost first (university-wide, then down the tree). */
export function overridesOnPath(overrides: Override[], rule: string, orgPath: string): Override[] {
  const ancestors = orgPath.split('/').filter(Boolean);
  const depth = (o: Override) => (o.orgId === null ? -1 : ancestors.indexOf(o.orgId));
  return overrides
    .filter((o) => o.rule === rule && (o.orgId === null || ancestors.includes(o.orgId)))
    .sort((a, b) => depth(a) - depth(b));
}

export function explainParams(
  rule: { id: string; params: Record<string, ParamSpec> },
  sets: StandardSet[],
  overrides: Override[],
  orgPath: string,
): ParamExplanation[] {
  const onPath = overridesOnPath(overrides, rule.id, orgPath);
  return Object.entries(rule.params).map(([param, spec]) => {
    const fromSets = sets
      .filter((s) => s.rules[rule.id]?.[param] !== undefined)
      .map((s) => ({ set: s.code, value: s.rules[rule.id][param] }));
    let value: ParamValue = spec.default;
    let source: ParamSource = { kind: 'default' };
    for (const [i, f] of fromSets.entries()) {
      const next = i === 0 ? f.value : stricterOf(spec, value, f.value);
      if (i === 0 || next !== value) source = { kind: 'set', set: f.set };
      value = next;
    }
    const fromOverrides = onPath
      .filter((o) => o.values[param] !== undefined)
      .map((o) => ({
        value: o.values[param],
        source: {
          kind: 'override' as const,
          overrideId: o.id,
          orgId: o.orgId,
          orgCode: o.orgCode ?? null,
          by: o.updatedByName ?? null,
          at: o.updatedAt ?? null,
          reason: o.reason ?? null,
        },
      }));
    const last = fromOverrides.at(-1);
    if (last) {
      value = last.value;
      source = last.source;
    }
    return { param, spec, fromSets, fromOverrides, value, source };
  });
}

/** The effective values only (what rules receive). */
export function resolveParams(
  rule: { id: string; params: Record<string, ParamSpec> },
  sets: StandardSet[],
  overrides: Override[],
  orgPath: string,
): ParamValues {
  return Object.fromEntries(explainParams(rule, sets, overrides, orgPath).map((e) => [e.param, e.value]));
}

export type ParamIssue = { field: string; reason: { zh: string; en: string } };

/**
 * Checks parameter values against a rule's schema. `specs` is null for a rule in the catalog that
 * has no implementation yet: its values are kept unchecked until the rule (and its schema) exists.
 */
export function checkParamValues(
  ruleId: string,
  specs: Record<string, ParamSpec> | null,
  values: Record<string, unknown>,
  field = 'values',
): ParamIssue[] {
  if (!knownRuleIds.has(ruleId)) {
    return [{ field: 'rule', reason: { zh: `未知的规则编号 ${ruleId}`, en: `unknown rule id ${ruleId}` } }];
  }
  if (specs === null) return [];
  const issues: ParamIssue[] = [];
  for (const [param, value] of Object.entries(values)) {
    const spec = specs[param];
    const at = `${field}.${param}`;
    if (!spec) {
      issues.push({
        field: at,
        reason: { zh: `规则 ${ruleId} 没有参数 ${param}`, en: `rule ${ruleId} has no parameter ${param}` },
      });
      continue;
    }
    if (spec.type === 'monthDay') {
      const ok = typeof value === 'string' && /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(value);
      if (!ok) issues.push({ field: at, reason: { zh: '应为 MM-DD 格式的日期', en: 'expected a day as MM-DD' } });
      continue;
    }
    if (typeof value !== 'number' || !Number.isFinite(value) || (spec.type === 'integer' && !Number.isInteger(value))) {
      const kind = spec.type === 'integer' ? { zh: '整数', en: 'an integer' } : { zh: '数字', en: 'a number' };
      issues.push({ field: at, reason: { zh: `应为${kind.zh}`, en: `expected ${kind.en}` } });
      continue;
    }
    if (spec.min !== undefined && value < spec.min) {
      issues.push({ field: at, reason: { zh: `不能小于 ${spec.min}`, en: `must be at least ${spec.min}` } });
    } else if (spec.max !== undefined && value > spec.max) {
      issues.push({ field: at, reason: { zh: `不能大于 ${spec.max}`, en: `must be at most ${spec.max}` } });
    }
  }
  return issues;
}
