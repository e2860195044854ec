/**
 * The people list (and its Excel export): one query joining each person's current membership,
 * branch and group, filtered and scoped in SQL.
 */

import { and, asc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/connect.ts';
import { memberships, orgs, people } from '../../db/schema.ts';
import { type Actor, personInScope } from '../../server/scope.ts';
import { presentPerson } from './load-person.ts';
import type { PeopleFilters } from './schema.ts';

const groups = alias(orgs, 'member_group');

const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function filtersToSql(actor: Actor, filters: PeopleFilters): SQL {
  const conditions: SQL[] = [personInScope(actor, 'read', people.tenantId, people.id)];
  if (filters.orgId)
    // The whole subtree of the org (its path is a prefix of the member's branch path); for a group, its members.
    conditions.push(sql`(${memberships.groupId} = ${filters.orgId}::uuid or exists (select 1 from orgs f
      where f.id = ${filters.orgId}::uuid and f.tenant_id = ${orgs.tenantId} and ${orgs.path} like f.path || '%'))`);
  if (filters.category) conditions.push(eq(people.personCategory, filters.category));
  if (filters.status) conditions.push(eq(memberships.status, filters.status));
  if (filters.standing) conditions.push(eq(memberships.standing, filters.standing));
  if (filters.q) {
    const contains = `%${likeEscaped(filters.q)}%`;
    const initials = `${likeEscaped(filters.q.toLowerCase())}%`;
    conditions.push(
      sql`(${people.name} ilike ${contains} or ${people.code} ilike ${contains} or ${people.nameInitials} like ${initials})`,
    );
  }
  return and(...conditions) as SQL;
}

const columns = {
  id: people.id,
  tenantId: people.tenantId,
  code: people.code,
  name: people.name,
  nameInitials: people.nameInitials,
  gender: people.gender,
  birthDate: people.birthDate,
  personCategory: people.personCategory,
  unit: people.unit,
  title: people.title,
  leadingCadre: people.leadingCadre,
  phone: people.phone,
  email: people.email,
  version: people.version,
  membershipId: memberships.id,
  membershipVersion: memberships.version,
  status: memberships.status,
  standing: memberships.standing,
  joinedOn: memberships.joinedOn,
  confirmedOn: memberships.confirmedOn,
  orgId: memberships.orgId,
  orgName: orgs.name,
  groupId: memberships.groupId,
  groupName: groups.name,
  validFrom: memberships.validFrom,
  total: sql<number>`count(*) over ()`.mapWith(Number),
};

type Row = Awaited<ReturnType<typeof baseQuery>>[number];

export type PersonListItem = ReturnType<typeof present>;

function present(row: Row) {
  const { membershipId, membershipVersion, status, standing, joinedOn, confirmedOn, orgId, orgName, groupId } = row;
  const { groupName, validFrom, ...person } = row;
  return {
    ...presentPerson(person),
    membership: membershipId
      ? {
          id: membershipId,
          version: membershipVersion as number,
          status: status as string,
          standing: standing as string,
          joinedOn,
          confirmedOn,
          orgId: orgId as string,
          orgName: orgName as string,
          groupId,
          groupName,
          validFrom: validFrom as string,
        }
      : null,
  };
}

function baseQuery(tx: Tx, actor: Actor, filters: PeopleFilters) {
  return tx
    .select(columns)
    .from(people)
    .leftJoin(
      memberships,
      and(eq(memberships.tenantId, people.tenantId), eq(memberships.personId, people.id), isNull(memberships.validTo)),
    )
    .leftJoin(orgs, and(eq(orgs.tenantId, memberships.tenantId), eq(orgs.id, memberships.orgId)))
    .leftJoin(groups, and(eq(groups.tenantId, memberships.tenantId), eq(groups.id, memberships.groupId)))
    .where(filtersToSql(actor, filters))
    .orderBy(asc(people.code), asc(people.id));
}

/** One page of the people the actor may read, and how many match in all. */
export async function listPeople(
  tx: Tx,
  options: { actor: Actor; filters: PeopleFilters; page: number; pageSize: number },
) {
  const rows = await baseQuery(tx, options.actor, options.filters)
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && options.page > 1) {
    // Past the last page the window count has no row to ride on.
    const [counted] = await tx
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(people)
      .leftJoin(
        memberships,
        and(
          eq(memberships.tenantId, people.tenantId),
          eq(memberships.personId, people.id),
          isNull(memberships.validTo),
        ),
      )
      .leftJoin(orgs, and(eq(orgs.tenantId, memberships.tenantId), eq(orgs.id, memberships.orgId)))
      .where(filtersToSql(options.actor, options.filters));
    total = counted.n;
  }
  return { items: rows.map(present), total };
}

/** Every matching person, for the export. */
export async function listAllPeople(tx: Tx, options: { actor: Actor; filters: PeopleFilters }) {
  const rows = await baseQuery(tx, options.actor, options.filters);
  return rows.map(present);
}
