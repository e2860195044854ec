/** The effective parameters of a rule for an org, each with where it came from (default, set, override). */
import type { Tx } from '../../db/connect.ts';
import { explainParams } from '../../domain/compliance/parameters.ts';
import { knownRuleIds } from '../../domain/compliance/rule-catalog.ts';
import { ruleById } from '../../domain/compliance/rules.ts';
import { badInput } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { loadReadableOrg } from './finding-scope.ts';
import { loadConfigs } from './load-config.ts';

export async function explainRule(tx: Tx, options: { actor: Actor; rule: string; orgId: string }) {
  if (!knownRuleIds.has(options.rule)) {
    throw badInput([{ field: 'querystring.rule', reason: `未知的规则编号 ${options.rule} / unknown rule id` }]);
  }
  const org = await loadReadableOrg(tx, options.actor, options.orgId);
  const config = (await loadConfigs(tx, [org.tenantId])).get(org.tenantId) ?? { sets: [], overrides: [] };
  const params = ruleById.get(options.rule)?.params ?? {};
  return {
    rule: options.rule,
    org: { id: org.id, code: org.code, name: org.name },
    params: explainParams({ id: options.rule, params }, config.sets, config.overrides, org.path),
  };
}
