import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { devContacts } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, conflict } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { loadContactCase } from './load-contact-case.ts';
import type { CreateContactInput } from './schema.ts';

/**
 * Links a secretary to an activist or candidate (书记联系青年教师入党积极分子, DEV-14). The secretary
 * holds, on the first day, the secretary seat of the case's college-level organization or of a
 * teacher branch in it — the seats the rule names.
 */
export async function createContact(tx: Tx, options: { input: CreateContactInput; actor: Actor; today: string }) {
  const { input, actor } = options;
  const { devCase, college } = await loadContactCase(tx, { actor, access: 'write', caseId: input.caseId });
  if (devCase.stage !== 'activist' && devCase.stage !== 'candidate')
    throw badInput([
      { field: 'caseId', reason: '只为入党积极分子和发展对象确定联系书记 / only activists and candidates are linked' },
    ]);
  if (input.fromOn > options.today) throw badInput([{ field: 'fromOn', reason: '晚于今天 / in the future' }]);
  if (devCase.activistOn && input.fromOn < devCase.activistOn)
    throw badInput([
      {
        field: 'fromOn',
        reason: `早于确定为入党积极分子（${devCase.activistOn}）/ before the person became an activist`,
      },
    ]);
  const [seat] = await selectRows<{ personId: string }>(
    tx,
    sql`select p.person_id as "personId" from positions p
      join terms t on t.tenant_id = p.tenant_id and t.id = p.term_id
      join orgs o on o.tenant_id = t.tenant_id and o.id = t.org_id
      where p.tenant_id = ${college.tenantId}::uuid and p.person_id = ${input.secretaryId}::uuid
        and p.role = 'secretary' and p.valid_from <= ${input.fromOn}::date
        and (p.valid_to is null or p.valid_to > ${input.fromOn}::date)
        and (o.id = ${college.id}::uuid
          or (o.kind = 'branch' and o.branch_category = 'teacher' and o.path like ${`${college.path}%`}))
      limit 1`,
  );
  if (!seat)
    throw badInput([
      {
        field: 'secretaryId',
        reason: `${input.fromOn}不是${college.name}或其教师党支部的书记 / not the secretary of this college-level organization or one of its teacher branches on that day`,
      },
    ]);
  const [open] = await tx
    .select({ id: devContacts.id })
    .from(devContacts)
    .where(
      and(
        eq(devContacts.tenantId, college.tenantId),
        eq(devContacts.caseId, devCase.id),
        eq(devContacts.secretaryId, input.secretaryId),
        isNull(devContacts.toOn),
      ),
    );
  if (open)
    throw conflict({
      zh: '该书记已在联系此人，无需重复登记',
      en: 'This secretary is already in contact with this person',
    });
  const [row] = await tx
    .insert(devContacts)
    .values({
      tenantId: college.tenantId,
      caseId: devCase.id,
      secretaryId: input.secretaryId,
      fromOn: input.fromOn,
      note: input.note ?? null,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'devContact',
    entityId: row.id,
    tenantId: row.tenantId,
    orgPath: college.path,
    after: row,
  });
  return row;
}
