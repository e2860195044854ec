/**
 * The org files its evidence (整改成效): open → done, waiting for the superior. Evidence is
 * required by the request schema, so a closure without it is a 400 naming `evidence`.
 */
import type { Tx } from '../../db/connect.ts';
import { badInput } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { loadRectification } from './load-rectification.ts';
import type { MarkDone } from './schema.ts';
import { writeRectification } from './write-rectification.ts';

export async function markDone(tx: Tx, options: { id: string; input: MarkDone; actor: Actor; today: string }) {
  const { id, input, actor, today } = options;
  const { org, item } = await loadRectification(tx, actor, id, 'write');
  if (item.status !== 'open')
    throw badInput([
      {
        field: 'status',
        reason:
          item.status === 'done'
            ? '已提交整改成效，等待上级验收 / already done, waiting for verification'
            : '已验收 / already verified',
      },
    ]);
  const doneOn = input.doneOn ?? today;
  if (doneOn > today) throw badInput([{ field: 'body.doneOn', reason: '不能晚于今天 / not after today' }]);
  return writeRectification(tx, {
    actor,
    org,
    item,
    version: input.version,
    action: 'done',
    changes: { status: 'done', evidence: input.evidence, doneOn },
  });
}
