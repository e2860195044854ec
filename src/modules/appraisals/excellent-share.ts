import type { Tx } from '../../db/connect.ts';
import { resolveParams } from '../../domain/compliance/parameters.ts';
import { ruleById } from '../../domain/compliance/rules.ts';
import type { Rule } from '../../domain/compliance/types.ts';
import { loadConfigs } from '../compliance/load-config.ts';

/**
 * The largest share of participants who may be rated 优秀 is LIFE-08's `excellentShare`. The
 * source documents (003 制度机制6/7, 000, 001) ask for excellent members to be commended but give
 * no share, so the rule's default of 20% is ours, not a documented number; a university changes it
 * with an override of LIFE-08 for its whole tree or a subtree.
 */
const appraisalRule = ruleById.get('LIFE-08') as Rule;

export const DEFAULT_EXCELLENT_SHARE = Number(appraisalRule.params.excellentShare.default);

/** The share in force for a branch, resolved as the compliance engine resolves it. */
export async function excellentShareFor(tx: Tx, tenantId: string, orgPath: string): Promise<number> {
  const config = (await loadConfigs(tx, [tenantId])).get(tenantId);
  return Number(resolveParams(appraisalRule, config?.sets ?? [], config?.overrides ?? [], orgPath).excellentShare);
}
