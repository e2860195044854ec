/**
 * The superior's verification (上级验收): accepting the evidence closes the item (verified); sending
 * it back reopens it with the reason. Only the org's superior may do either — the branch itself
 * cannot verify its own item (403).
 */
import type { Tx } from '../../db/connect.ts';
import { badInput } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { loadRectification } from './load-rectification.ts';
import type { VerifyRectification } from './schema.ts';
import { writeRectification } from './write-rectification.ts';

export async function verifyRectification(
  tx: Tx,
  options: { id: string; input: VerifyRectification; actor: Actor; today: string },
) {
  const { id, input, actor, today } = options;
  const { org, item } = await loadRectification(tx, actor, id, 'supervise');
  if (item.status !== 'done')
    throw badInput([
      {
        field: 'status',
        reason:
          item.status === 'open' ? '尚未提交整改成效 / the evidence has not been filed' : '已验收 / already verified',
      },
    ]);
  const note = input.note?.trim() || null;
  if (input.decision === 'accept')
    return writeRectification(tx, {
      actor,
      org,
      item,
      version: input.version,
      action: 'verify',
      changes: { status: 'verified', verifiedOn: today, verifiedByName: actor.displayName, verificationNote: note },
    });
  if (!note) throw badInput([{ field: 'body.note', reason: '退回须说明原因 / say why it is sent back' }]);
  return writeRectification(tx, {
    actor,
    org,
    item,
    version: input.version,
    action: 'return',
    changes: { status: 'open', verifiedOn: null, verifiedByName: actor.displayName, verificationNote: note },
  });
}
