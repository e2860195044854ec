import { and, desc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/connect.ts';
import { memberships, orgs, people, positions, terms } from '../../db/schema.ts';
import { notFound } from '../../server/errors.ts';
import { type Access, type Actor, personInScope } from '../../server/scope.ts';

const groups = alias(orgs, 'member_group');

export const personNotFound = () => notFound({ zh: '人员', en: 'person' });

/** The person row if the actor reaches it with this access, else a 404. */
export async function loadPersonInScope(tx: Tx, actor: Actor, access: Access, personId: string) {
  const [person] = await tx
    .select()
    .from(people)
    .where(and(eq(people.id, personId), personInScope(actor, access, people.tenantId, people.id)));
  if (!person) throw personNotFound();
  return person;
}

/** The open membership interval of a person, if any. */
export async function loadCurrentMembership(tx: Tx, tenantId: string, personId: string) {
  const [current] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.personId, personId), isNull(memberships.validTo)));
  return current ?? null;
}

type PersonFields = Pick<
  typeof people.$inferSelect,
  | 'id'
  | 'tenantId'
  | 'code'
  | 'name'
  | 'nameInitials'
  | 'gender'
  | 'birthDate'
  | 'personCategory'
  | 'unit'
  | 'title'
  | 'leadingCadre'
  | 'phone'
  | 'email'
  | 'version'
>;

/** The person fields every response shows, whatever else the query selected. */
export const presentPerson = (person: PersonFields) => ({
  id: person.id,
  tenantId: person.tenantId,
  code: person.code,
  name: person.name,
  nameInitials: person.nameInitials,
  gender: person.gender,
  birthDate: person.birthDate,
  personCategory: person.personCategory,
  unit: person.unit,
  title: person.title,
  leadingCadre: person.leadingCadre,
  phone: person.phone,
  email: person.email,
  version: person.version,
});

/** A person with the history of their membership (newest first) and the seats they hold or held. */
export async function loadPersonDetail(tx: Tx, actor: Actor, personId: string) {
  const person = await loadPersonInScope(tx, actor, 'read', personId);
  const history = await tx
    .select({
      id: memberships.id,
      version: memberships.version,
      status: memberships.status,
      standing: memberships.standing,
      joinedOn: memberships.joinedOn,
      confirmedOn: memberships.confirmedOn,
      orgId: memberships.orgId,
      orgName: orgs.name,
      groupId: memberships.groupId,
      groupName: groups.name,
      validFrom: memberships.validFrom,
      validTo: memberships.validTo,
    })
    .from(memberships)
    .innerJoin(orgs, and(eq(orgs.tenantId, memberships.tenantId), eq(orgs.id, memberships.orgId)))
    .leftJoin(groups, and(eq(groups.tenantId, memberships.tenantId), eq(groups.id, memberships.groupId)))
    .where(and(eq(memberships.tenantId, person.tenantId), eq(memberships.personId, person.id)))
    .orderBy(desc(memberships.validFrom), desc(memberships.createdAt));
  const seats = await tx
    .select({
      id: positions.id,
      role: positions.role,
      termId: positions.termId,
      orgId: terms.orgId,
      orgName: orgs.name,
      validFrom: positions.validFrom,
      validTo: positions.validTo,
      dualLeader: positions.dualLeader,
    })
    .from(positions)
    .innerJoin(terms, and(eq(terms.tenantId, positions.tenantId), eq(terms.id, positions.termId)))
    .innerJoin(orgs, and(eq(orgs.tenantId, terms.tenantId), eq(orgs.id, terms.orgId)))
    .where(and(eq(positions.tenantId, person.tenantId), eq(positions.personId, person.id)))
    .orderBy(desc(positions.validFrom));
  return { person: presentPerson(person), memberships: history, positions: seats };
}
