/** An override's values must fit its rule's parameter schema; every problem names its field. */
import { checkParamValues } from '../../domain/compliance/parameters.ts';
import { ruleById } from '../../domain/compliance/rules.ts';
import { badInput } from '../../server/errors.ts';

export function checkOverrideValues(rule: string, values: Record<string, unknown>) {
  const issues = checkParamValues(rule, ruleById.get(rule)?.params ?? null, values, 'body.values').map((i) => ({
    field: i.field === 'rule' ? 'body.rule' : i.field,
    reason: `${i.reason.zh} / ${i.reason.en}`,
  }));
  if (issues.length === 0 && Object.keys(values).length === 0) {
    issues.push({ field: 'body.values', reason: '至少设置一个参数 / set at least one parameter' });
  }
  if (issues.length > 0) throw badInput(issues);
}
