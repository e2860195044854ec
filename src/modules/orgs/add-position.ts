import type { Tx } from '../../db/connect.ts';
import { positions } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { checkOneSecretary, checkSeats } from './check-positions.ts';
import { loadSeats, loadTermInScope } from './load-term.ts';
import type { PositionInput } from './schema.ts';

/** Someone takes a seat of a term: a by-election, a new committee member, a new group leader. */
export async function addPosition(tx: Tx, options: { termId: string; input: PositionInput; actor: Actor }) {
  const { input, actor } = options;
  const { term, org } = await loadTermInScope(tx, actor, 'write', options.termId);
  const seats = await loadSeats(tx, term.tenantId, term.id);
  const issues = [
    ...(await checkSeats(tx, {
      tenantId: term.tenantId,
      orgKind: org.kind,
      electedOn: term.electedOn,
      seats: [input],
      field: () => 'body',
    })),
    ...checkOneSecretary([...seats, input], 'body.role'),
  ];
  if (issues.length) throw badInput(issues);
  const [position] = await tx
    .insert(positions)
    .values({
      tenantId: term.tenantId,
      termId: term.id,
      role: input.role,
      personId: input.personId,
      validFrom: input.validFrom,
      dualLeader: input.dualLeader ?? false,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'position',
    entityId: position.id,
    tenantId: term.tenantId,
    orgPath: org.path,
    after: position,
  });
  return position;
}
