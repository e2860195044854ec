import type { Tx } from '../../db/connect.ts';
import { badInput } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { loadAwardForStep, saveAwardStep, stepError } from './load-award.ts';
import type { ReviewInput } from './schema.ts';

/** The organization department reviews a nomination: passed goes on to publicity, not passed ends it. */
export async function reviewAward(tx: Tx, options: { id: string; input: ReviewInput; actor: Actor; today: string }) {
  const { id, input, actor, today } = options;
  const { award, orgPath } = await loadAwardForStep(tx, actor, id, input.version);
  if (award.status !== 'nominated')
    throw stepError({ zh: '仅已推荐的可审核', en: 'only a nomination can be reviewed' });
  if (input.reviewedOn > today)
    throw badInput([{ field: 'reviewedOn', reason: '不能晚于今天 / cannot be in the future' }]);
  if (input.reviewedOn < award.nominatedOn)
    throw badInput([{ field: 'reviewedOn', reason: '不能早于推荐日期 / cannot be before the nomination' }]);
  return saveAwardStep(tx, actor, award, orgPath, input.passed ? 'review' : 'reject', {
    status: input.passed ? 'reviewed' : 'rejected',
    reviewedOn: input.reviewedOn,
    reviewNote: input.note ?? null,
    decidedOn: input.passed ? null : input.reviewedOn,
  });
}
