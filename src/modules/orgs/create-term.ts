import type { Tx } from '../../db/connect.ts';
import { positions, terms } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, conflict } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { checkOneSecretary, checkSeats, termDatesIssue } from './check-positions.ts';
import { loadOrgInScope } from './load-org.ts';
import type { CreateTermInput } from './schema.ts';

/** A newly elected committee (or a lone secretary) of an org in the actor's write scope, with its seats. */
export async function createTerm(tx: Tx, options: { orgId: string; input: CreateTermInput; actor: Actor }) {
  const { input, actor } = options;
  const org = await loadOrgInScope(tx, actor, 'write', options.orgId);
  if (org.validTo)
    throw conflict({
      zh: `该党组织已于 ${org.validTo} 撤销，不能再选举`,
      en: `The organization was dissolved on ${org.validTo}; it holds no more elections`,
    });
  const issues = [
    ...termDatesIssue(input.electedOn, input.endsOn),
    ...(await checkSeats(tx, {
      tenantId: org.tenantId,
      orgKind: org.kind,
      electedOn: input.electedOn,
      seats: input.positions,
      field: (i) => `body.positions.${i}`,
    })),
    ...checkOneSecretary(input.positions, 'body.positions'),
  ];
  if (issues.length) throw badInput(issues);
  const [term] = await tx
    .insert(terms)
    .values({ tenantId: org.tenantId, orgId: org.id, electedOn: input.electedOn, endsOn: input.endsOn })
    .returning();
  const seats = input.positions.length
    ? await tx
        .insert(positions)
        .values(
          input.positions.map((p) => ({
            tenantId: org.tenantId,
            termId: term.id,
            role: p.role,
            personId: p.personId,
            validFrom: p.validFrom,
            dualLeader: p.dualLeader ?? false,
          })),
        )
        .returning()
    : [];
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'term',
    entityId: term.id,
    tenantId: org.tenantId,
    orgPath: org.path,
    after: { ...term, positions: seats },
  });
  return term;
}
