import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { duesBases } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, conflict } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { loadDuesPerson } from './load-dues-person.ts';
import type { CreateBaseInput } from './schema.ts';

/** A member's income base and category from an effective month on (also the yearly re-verification). */
export async function createBase(tx: Tx, options: { input: CreateBaseInput; actor: Actor }) {
  const { input, actor } = options;
  const person = await loadDuesPerson(tx, actor, 'write', input.personId);
  if (person.firstMonth && input.effectiveMonth < person.firstMonth)
    throw badInput([
      {
        field: 'body.effectiveMonth',
        reason: `早于入党（${person.firstMonth}）/ before the member was admitted (${person.firstMonth})`,
      },
    ]);
  const [existing] = await tx
    .select({ id: duesBases.id })
    .from(duesBases)
    .where(
      and(
        eq(duesBases.tenantId, person.tenantId),
        eq(duesBases.personId, person.id),
        eq(duesBases.effectiveMonth, input.effectiveMonth),
      ),
    );
  if (existing)
    throw conflict(
      {
        zh: `该党员${input.effectiveMonth}起的党费基数已存在，请修改原记录`,
        en: `A dues base from ${input.effectiveMonth} already exists for this member; edit it instead`,
      },
      { baseId: existing.id },
    );
  const [base] = await tx
    .insert(duesBases)
    .values({
      tenantId: person.tenantId,
      personId: person.id,
      effectiveMonth: input.effectiveMonth,
      category: input.category,
      base: input.base,
      verifiedOn: input.verifiedOn ?? null,
      note: input.note ?? null,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'duesBase',
    entityId: base.id,
    tenantId: base.tenantId,
    orgPath: person.orgPath,
    after: base,
  });
  return base;
}
