import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { memberships, people } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput } from '../../server/errors.ts';
import { type Actor, holdsTenantRoot } from '../../server/scope.ts';
import { checkMembershipFacts, resolvePlacement } from './check-membership.ts';
import { nameInitials } from './name-initials.ts';
import type { MembershipInput, PersonFields } from './schema.ts';
import { isUniqueViolation } from './unique-violation.ts';

export const codeTaken = '编号已存在 / the code is already in use';

/** Whether a person code is taken in the university (optionally by someone other than `exceptId`). */
export async function codeInUse(tx: Tx, tenantId: string, code: string, exceptId?: string) {
  const rows = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), eq(people.code, code)));
  return rows.some((r) => r.id !== exceptId);
}

/** The columns of a person row from validated fields (blank optional text stored as null). */
export const personColumns = (fields: Partial<PersonFields>) => {
  const blankToNull = (v: string | null | undefined) => (v === undefined ? undefined : v?.trim() ? v.trim() : null);
  return {
    ...(fields.code !== undefined && { code: fields.code }),
    ...(fields.name !== undefined && { name: fields.name, nameInitials: nameInitials(fields.name) }),
    ...(fields.gender !== undefined && { gender: fields.gender }),
    ...(fields.birthDate !== undefined && { birthDate: fields.birthDate }),
    ...(fields.personCategory !== undefined && { personCategory: fields.personCategory }),
    ...(fields.unit !== undefined && { unit: blankToNull(fields.unit) }),
    ...(fields.title !== undefined && { title: blankToNull(fields.title) }),
    ...(fields.leadingCadre !== undefined && { leadingCadre: fields.leadingCadre }),
    ...(fields.phone !== undefined && { phone: blankToNull(fields.phone) }),
    ...(fields.email !== undefined && { email: blankToNull(fields.email) }),
  };
};

/**
 * Creates a person, with their first membership when given. The person's university is the
 * branch's; without a membership only a university-wide admin may add someone (nobody else
 * would see them afterwards).
 */
export async function createPerson(
  tx: Tx,
  options: { fields: PersonFields; membership?: MembershipInput; actor: Actor },
) {
  const { fields, membership, actor } = options;
  let tenantId = actor.tenantId;
  let orgPath = tenantId ? `/${tenantId}/` : null;
  if (membership) {
    const issues = checkMembershipFacts({
      status: membership.status,
      joinedOn: membership.joinedOn ?? null,
      confirmedOn: membership.confirmedOn ?? null,
    }).map((i) => ({ field: `body.membership.${i.field}`, reason: i.reason }));
    if (issues.length) throw badInput(issues);
    const placement = await resolvePlacement(tx, {
      actor,
      orgId: membership.orgId,
      groupId: membership.groupId ?? null,
      on: membership.validFrom,
      fields: { org: 'body.membership.orgId', group: 'body.membership.groupId' },
    });
    tenantId = placement.tenantId;
    orgPath = placement.org.path;
  } else if (!tenantId || !holdsTenantRoot(actor, 'write', tenantId)) {
    throw badInput([
      {
        field: 'body.membership',
        reason: '须指定所在支部（仅学校党委组织部可添加无组织关系的人员） / a branch is required',
      },
    ]);
  }
  const tenant = tenantId as string;
  if (await codeInUse(tx, tenant, fields.code)) throw badInput([{ field: 'body.code', reason: codeTaken }]);
  const [person] = await tx
    .insert(people)
    .values({
      tenantId: tenant,
      ...personColumns(fields),
      code: fields.code,
      name: fields.name,
      personCategory: fields.personCategory,
    })
    .returning()
    .catch((error) => {
      if (isUniqueViolation(error)) throw badInput([{ field: 'body.code', reason: codeTaken }]);
      throw error;
    });
  let created: typeof memberships.$inferSelect | null = null;
  if (membership) {
    [created] = await tx
      .insert(memberships)
      .values({
        tenantId: tenant,
        personId: person.id,
        orgId: membership.orgId,
        groupId: membership.groupId ?? null,
        status: membership.status,
        standing: membership.standing ?? 'normal',
        joinedOn: membership.joinedOn ?? null,
        confirmedOn: membership.confirmedOn ?? null,
        validFrom: membership.validFrom,
      })
      .returning();
  }
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'person',
    entityId: person.id,
    tenantId: tenant,
    orgPath,
    after: { ...person, membership: created },
  });
  return person;
}
