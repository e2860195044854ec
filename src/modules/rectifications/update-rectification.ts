/** Changes the problem, owner, measures or deadline of an open item (write scope over its org). */
import type { Tx } from '../../db/connect.ts';
import { badInput } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { loadRectification } from './load-rectification.ts';
import { resolveOwner } from './resolve-owner.ts';
import type { UpdateRectification } from './schema.ts';
import { writeRectification } from './write-rectification.ts';

export async function updateRectification(tx: Tx, options: { id: string; input: UpdateRectification; actor: Actor }) {
  const { id, input, actor } = options;
  const { org, item } = await loadRectification(tx, actor, id, 'write');
  if (item.status !== 'open')
    throw badInput([
      { field: 'status', reason: '已完成或已验收的整改事项不能修改 / only an open item can be changed' },
    ]);
  const owner =
    input.ownerId !== undefined || input.ownerName !== undefined
      ? await resolveOwner(tx, actor, org.tenantId, {
          ownerId: input.ownerId,
          ownerName: input.ownerName ?? (input.ownerId === null ? undefined : item.ownerName),
        })
      : { ownerId: item.ownerId, ownerName: item.ownerName };
  if (!owner) throw badInput([{ field: 'body.ownerName', reason: '请填写责任人 / the owner is required' }]);
  return writeRectification(tx, {
    actor,
    org,
    item,
    version: input.version,
    action: 'update',
    changes: {
      problem: input.problem ?? item.problem,
      ...owner,
      measures: input.measures ?? item.measures,
      deadline: input.deadline ?? item.deadline,
    },
  });
}
