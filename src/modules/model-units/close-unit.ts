import type { Tx } from '../../db/connect.ts';
import { badInput } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { loadUnitForStep, saveStep, stepError } from './load-unit.ts';
import type { CloseInput } from './schema.ts';

/**
 * Ends a unit: `reject` an application or cultivation that did not succeed, `revoke` an accepted
 * unit (撤销命名). The reason is kept in the note.
 */
export async function closeUnit(
  tx: Tx,
  options: { id: string; input: CloseInput; actor: Actor; today: string; action: 'reject' | 'revoke' },
) {
  const { id, input, actor, today, action } = options;
  const { unit, orgPath } = await loadUnitForStep(tx, actor, id, input.version);
  if (action === 'reject' && unit.status !== 'applied' && unit.status !== 'cultivating')
    throw stepError({ zh: '仅申报或培育中的可不予通过', en: 'only an application or a cultivation can be rejected' });
  if (action === 'revoke' && unit.status !== 'accepted')
    throw stepError({ zh: '仅已验收的可撤销', en: 'only an accepted unit can be revoked' });
  if (input.decidedOn > today)
    throw badInput([{ field: 'decidedOn', reason: '不能晚于今天 / cannot be in the future' }]);
  const after = action === 'revoke' ? unit.acceptedOn : unit.appliedOn;
  if (after && input.decidedOn < after)
    throw badInput([
      { field: 'decidedOn', reason: '不能早于申报或验收 / cannot be before the application or acceptance' },
    ]);
  return saveStep(tx, actor, unit, orgPath, action, {
    status: action === 'revoke' ? 'revoked' : 'rejected',
    decidedOn: input.decidedOn,
    note: input.note,
  });
}
