import type { Tx } from '../../db/connect.ts';
import { resolveParams } from '../../domain/compliance/parameters.ts';
import { ruleById } from '../../domain/compliance/rules.ts';
import { badInput } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { loadConfigs } from '../compliance/load-config.ts';
import { loadAwardForStep, saveAwardStep, stepError } from './load-award.ts';
import type { PublicizeInput } from './schema.ts';
import { workdaysBetween } from './workdays.ts';

/** The university's minimum publicity period in working days: ASSESS-08's `publicityWorkdays` (default 5). */
export async function publicityWorkdays(tx: Tx, tenantId: string): Promise<number> {
  const config = (await loadConfigs(tx, [tenantId])).get(tenantId);
  const rule = ruleById.get('ASSESS-08');
  if (!rule) return 5;
  return Number(resolveParams(rule, config?.sets ?? [], config?.overrides ?? [], `/${tenantId}/`).publicityWorkdays);
}

/** A reviewed nomination is publicized (公示) for at least the minimum number of working days. */
export async function publicizeAward(tx: Tx, options: { id: string; input: PublicizeInput; actor: Actor }) {
  const { id, input, actor } = options;
  const { award, orgPath } = await loadAwardForStep(tx, actor, id, input.version);
  if (award.status !== 'reviewed')
    throw stepError({ zh: '须先审核通过，才能公示', en: 'the review must pass before publicity' });
  if (award.reviewedOn && input.publicityFrom < award.reviewedOn)
    throw badInput([{ field: 'publicityFrom', reason: '不能早于审核日期 / cannot be before the review' }]);
  const minimum = await publicityWorkdays(tx, award.tenantId);
  const days =
    input.publicityUntil < input.publicityFrom ? 0 : workdaysBetween(input.publicityFrom, input.publicityUntil);
  if (days < minimum)
    throw badInput([
      {
        field: 'publicityUntil',
        reason: `公示期须不少于${minimum}个工作日（现为${days}个） / publicity needs at least ${minimum} working days (${days} given)`,
      },
    ]);
  return saveAwardStep(tx, actor, award, orgPath, 'publicize', {
    status: 'publicized',
    publicityFrom: input.publicityFrom,
    publicityUntil: input.publicityUntil,
  });
}
