import type { Tx } from '../../db/connect.ts';
import { badInput } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { loadUnitForStep, saveStep, stepError } from './load-unit.ts';
import type { MidtermInput } from './schema.ts';

/**
 * The mid-term review of a unit in cultivation. A failed review keeps it in cultivation (it may be
 * reviewed again, or rejected); only a passed one opens acceptance.
 */
export async function recordMidterm(tx: Tx, options: { id: string; input: MidtermInput; actor: Actor; today: string }) {
  const { id, input, actor, today } = options;
  const { unit, orgPath } = await loadUnitForStep(tx, actor, id, input.version);
  if (unit.status !== 'cultivating')
    throw stepError({ zh: '须先立项培育，才能中期检查', en: 'cultivation comes before the mid-term review' });
  if (unit.midtermResult === 'passed')
    throw stepError({ zh: '中期检查已通过，下一步为验收', en: 'the mid-term review passed; acceptance is next' });
  if (input.midtermOn > today)
    throw badInput([{ field: 'midtermOn', reason: '不能晚于今天 / cannot be in the future' }]);
  if (unit.cultivationFrom && input.midtermOn < unit.cultivationFrom)
    throw badInput([{ field: 'midtermOn', reason: '不能早于培育开始 / cannot be before cultivation began' }]);
  return saveStep(tx, actor, unit, orgPath, 'midterm', {
    midtermOn: input.midtermOn,
    midtermResult: input.result,
    midtermNote: input.note,
  });
}
