import type { Tx } from '../../db/connect.ts';
import { badInput } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { loadUnitForStep, saveStep, stepError } from './load-unit.ts';
import type { AcceptInput } from './schema.ts';

/** The organization department accepts a unit whose mid-term review passed, and sets its level. */
export async function acceptUnit(tx: Tx, options: { id: string; input: AcceptInput; actor: Actor; today: string }) {
  const { id, input, actor, today } = options;
  const { unit, orgPath } = await loadUnitForStep(tx, actor, id, input.version);
  if (unit.status !== 'cultivating')
    throw stepError({
      zh: '须先立项培育并通过中期检查，才能验收',
      en: 'cultivation and the mid-term review come first',
    });
  if (unit.midtermResult !== 'passed' || !unit.midtermOn)
    throw stepError({ zh: '须先通过中期检查，才能验收', en: 'the mid-term review must pass before acceptance' });
  if (input.acceptedOn > today)
    throw badInput([{ field: 'acceptedOn', reason: '不能晚于今天 / cannot be in the future' }]);
  if (input.acceptedOn < unit.midtermOn)
    throw badInput([{ field: 'acceptedOn', reason: '不能早于中期检查 / cannot be before the mid-term review' }]);
  return saveStep(tx, actor, unit, orgPath, 'accept', {
    status: 'accepted',
    acceptedOn: input.acceptedOn,
    level: input.level,
    note: input.note === undefined ? unit.note : input.note,
  });
}
