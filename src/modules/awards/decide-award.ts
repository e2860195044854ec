import type { Tx } from '../../db/connect.ts';
import { badInput } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { loadAwardForStep, saveAwardStep, stepError } from './load-award.ts';
import type { DecideInput, RejectInput } from './schema.ts';

/** After the publicity period ended, the university decides the commendation by a document (表彰决定). */
export async function decideAward(tx: Tx, options: { id: string; input: DecideInput; actor: Actor; today: string }) {
  const { id, input, actor, today } = options;
  const { award, orgPath } = await loadAwardForStep(tx, actor, id, input.version);
  if (award.status !== 'publicized' || !award.publicityUntil)
    throw stepError({ zh: '须先公示，才能作出表彰决定', en: 'publicity comes before the decision' });
  if (input.decidedOn > today)
    throw badInput([{ field: 'decidedOn', reason: '不能晚于今天 / cannot be in the future' }]);
  if (input.decidedOn <= award.publicityUntil)
    throw badInput([
      {
        field: 'decidedOn',
        reason: `公示期至${award.publicityUntil}，期满后方可决定 / publicity runs until ${award.publicityUntil}`,
      },
    ]);
  return saveAwardStep(tx, actor, award, orgPath, 'decide', {
    status: 'decided',
    decidedOn: input.decidedOn,
    decisionDocument: input.decisionDocument,
  });
}

/** Ends a nomination before the decision (e.g. an objection raised during publicity), with the reason. */
export async function rejectAward(tx: Tx, options: { id: string; input: RejectInput; actor: Actor; today: string }) {
  const { id, input, actor, today } = options;
  const { award, orgPath } = await loadAwardForStep(tx, actor, id, input.version);
  if (award.status === 'decided' || award.status === 'rejected')
    throw stepError({ zh: '已表彰或已否决的不能再否决', en: 'a decided or rejected nomination cannot be rejected' });
  if (input.decidedOn > today)
    throw badInput([{ field: 'decidedOn', reason: '不能晚于今天 / cannot be in the future' }]);
  if (input.decidedOn < award.nominatedOn)
    throw badInput([{ field: 'decidedOn', reason: '不能早于推荐日期 / cannot be before the nomination' }]);
  return saveAwardStep(tx, actor, award, orgPath, 'reject', {
    status: 'rejected',
    decidedOn: input.decidedOn,
    reviewNote: input.note,
  });
}
