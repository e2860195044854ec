import type { Tx } from '../../db/connect.ts';
import { badInput } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { loadUnitForStep, saveStep, stepError } from './load-unit.ts';
import type { CultivateInput } from './schema.ts';

/** The organization department takes an application into cultivation (立项培育). */
export async function startCultivation(tx: Tx, options: { id: string; input: CultivateInput; actor: Actor }) {
  const { id, input, actor } = options;
  const { unit, orgPath } = await loadUnitForStep(tx, actor, id, input.version);
  if (unit.status !== 'applied')
    throw stepError({ zh: '仅已申报的可立项培育', en: 'only an application (applied) can go into cultivation' });
  if (input.cultivationFrom < unit.appliedOn)
    throw badInput([{ field: 'cultivationFrom', reason: '不能早于申报日期 / cannot be before the application' }]);
  return saveStep(tx, actor, unit, orgPath, 'cultivate', {
    status: 'cultivating',
    cultivationFrom: input.cultivationFrom,
    note: input.note === undefined ? unit.note : input.note,
  });
}
