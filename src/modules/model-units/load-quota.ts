import type { Tx } from '../../db/connect.ts';
import { modelQuotaSql } from '../../db/facts/models.ts';
import { resolveParams } from '../../domain/compliance/parameters.ts';
import { ruleById } from '../../domain/compliance/rules.ts';
import { adoptedRuleIds } from '../../domain/compliance/standard-sets.ts';
import type { ModelQuotaYear } from '../../domain/rules/assess-model-facts.ts';
import { quotaShare, requiredModelBranches } from '../../domain/rules/assess-model-facts.ts';
import { notFound } from '../../server/errors.ts';
import { type Actor, tenantIdsInScope } from '../../server/scope.ts';
import { loadConfigs } from '../compliance/load-config.ts';
import { selectRows } from '../orgs/select-rows.ts';
import type { QuotaView } from './schema.ts';

/**
 * ASSESS-07 for one university and plan year, counted the way the engine counts it: branches and
 * accepted model branches on December 31 (today in the current year; for a later year, the
 * branches and model branches as they stand).
 */
export async function loadQuota(
  tx: Tx,
  options: { actor: Actor; tenantId: string | undefined; year: number; today: string },
): Promise<QuotaView> {
  const { actor, year, today } = options;
  const tenantId = options.tenantId ?? actor.tenantId;
  if (!tenantId || !(actor.all || tenantIdsInScope(actor, 'read').includes(tenantId)))
    throw notFound({ zh: '学校', en: 'university' });
  const countedOn = year > Number(today.slice(0, 4)) ? `${year}-12-31` : today;
  const [row] = await selectRows<ModelQuotaYear>(tx, modelQuotaSql([tenantId], { from: year, to: year }, countedOn));
  if (!row) throw notFound({ zh: '学校', en: 'university' });
  const config = (await loadConfigs(tx, [tenantId])).get(tenantId);
  const rule = ruleById.get('ASSESS-07');
  const params = rule ? resolveParams(rule, config?.sets ?? [], config?.overrides ?? [], `/${tenantId}/`) : {};
  const share = quotaShare(params, year);
  const required = share === null ? 0 : requiredModelBranches(share, row.branches);
  return {
    tenantId,
    year,
    countedOn: row.countedOn,
    branches: row.branches,
    modelBranches: row.modelBranches,
    share,
    required,
    met: row.modelBranches >= required,
    adopted: adoptedRuleIds(config?.sets ?? []).has('ASSESS-07'),
  };
}
