import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { devCases, devEvents, memberships, people } from '../../db/schema.ts';
import { stageOf } from '../../domain/development/stage.ts';
import type { DevEvent } from '../../domain/development/steps.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, conflict, forbidden, notFound } from '../../server/errors.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { codeInUse, codeTaken, personColumns } from '../members/create-person.ts';
import { isUniqueViolation } from '../members/unique-violation.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { gateWrite } from './gate-sequence.ts';
import type { Branch } from './load-case.ts';
import { devParamsOf } from './run-gate.ts';
import type { CreateCaseInput } from './schema.ts';
import { mayOnBranch } from './step-roles.ts';

/**
 * Opens a case with the application (递交入党申请书): for someone on record, or a new person
 * (applicants are usually not in the roster yet). The branch records it, so it needs write scope
 * over the branch; the application is gated like every other step (DEV-01, age).
 */
export async function createCase(tx: Tx, options: { actor: Actor; input: CreateCaseInput; asOf: string }) {
  const { actor, input, asOf } = options;
  const branch = await loadBranch(tx, actor, input.orgId);
  const personId = input.personId
    ? await existingPerson(tx, branch.tenantId, input.personId)
    : await newPerson(tx, actor, branch, input.person as NonNullable<CreateCaseInput['person']>);

  const [existing] = await tx
    .select({ id: devCases.id })
    .from(devCases)
    .where(and(eq(devCases.tenantId, branch.tenantId), eq(devCases.personId, personId)));
  if (existing) throw caseExists(existing.id);
  const [member] = await tx
    .select({ status: memberships.status })
    .from(memberships)
    .where(
      and(eq(memberships.tenantId, branch.tenantId), eq(memberships.personId, personId), isNull(memberships.validTo)),
    );
  if (member) throw badInput([{ field: 'body.personId', reason: '此人已是党员 / the person is already a member' }]);

  const application: DevEvent = { step: 'application', on: input.on, data: {} };
  await gateWrite(tx, {
    tenantId: branch.tenantId,
    branchId: branch.id,
    personId,
    before: [],
    after: [{ ...application, key: 'new' }],
    writtenKey: 'new',
    asOf,
    params: await devParamsOf(tx, branch),
  });

  const [row] = await tx
    .insert(devCases)
    .values({
      tenantId: branch.tenantId,
      personId,
      orgId: branch.id,
      stage: stageOf([application]) as string,
      note: input.note ?? null,
    })
    .returning()
    .catch((error) => {
      // Another request opened the case since the check above: the unique index has the last word.
      if (isUniqueViolation(error)) throw caseExists(null);
      throw error;
    });
  const [event] = await tx
    .insert(devEvents)
    .values({
      tenantId: branch.tenantId,
      caseId: row.id,
      step: 'application',
      on: input.on,
      data: {},
      documents: input.documents,
      recordedBy: actor.accountId || null,
      recordedByName: actor.displayName,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'devCase',
    entityId: row.id,
    tenantId: row.tenantId,
    orgPath: branch.path,
    after: { case: row, event },
  });
  return row;
}

const caseExists = (id: string | null) =>
  conflict({ zh: '此人已有发展档案', en: 'This person already has a development case' }, { id });

/** The branch from the actor's read scope (404 otherwise), which they must be able to write (403). */
async function loadBranch(
  tx: Tx,
  actor: Actor,
  orgId: string,
): Promise<Branch & { kind: string; validTo: string | null }> {
  const [org] = await selectRows<Branch & { kind: string; validTo: string | null }>(
    tx,
    sql`select o.tenant_id as "tenantId", o.id, o.code, o.name, o.path, o.kind,
        to_char(o.valid_to, 'YYYY-MM-DD') as "validTo", p.path as "parentPath"
      from orgs o left join orgs p on p.tenant_id = o.tenant_id and p.id = o.parent_id
      where o.id = ${orgId} and ${orgInScope(actor, 'read', sql`o.tenant_id`, sql`o.path`)}`,
  );
  if (!org) throw notFound({ zh: '党支部', en: 'branch' });
  if (!mayOnBranch(actor, org).record) throw forbidden();
  if (org.kind !== 'branch')
    throw badInput([{ field: 'body.orgId', reason: '发展党员由党支部进行 / a case belongs to a branch' }]);
  if (org.validTo) throw badInput([{ field: 'body.orgId', reason: '该党支部已撤销 / the branch has been dissolved' }]);
  return org;
}

async function existingPerson(tx: Tx, tenantId: string, personId: string) {
  const [person] = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), eq(people.id, personId)));
  if (!person) throw notFound({ zh: '人员', en: 'person' });
  return person.id;
}

async function newPerson(tx: Tx, actor: Actor, branch: Branch, fields: NonNullable<CreateCaseInput['person']>) {
  if (await codeInUse(tx, branch.tenantId, fields.code))
    throw badInput([{ field: 'body.person.code', reason: codeTaken }]);
  const [person] = await tx
    .insert(people)
    .values({
      tenantId: branch.tenantId,
      ...personColumns(fields),
      code: fields.code,
      name: fields.name,
      personCategory: fields.personCategory,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'person',
    entityId: person.id,
    tenantId: person.tenantId,
    orgPath: branch.path,
    after: person,
  });
  return person.id;
}
