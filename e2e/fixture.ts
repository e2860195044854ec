/**
 * The data the browser tests run on, and the handful of facts about it they rely on. The facts are
 * read back from the database rather than restated, so the tests follow the data.
 */
import { and, asc, eq, gte, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../src/db/connect.ts';
import { memberships, orgs, people, positions, terms } from '../src/db/schema.ts';
import { seedDemo } from '../src/modules/demo/seed-demo.ts';
import { todayInShanghai } from '../src/server/context.ts';

export type Login = { username: string; password: string };

export type Fixture = {
  /** The organization-department admin of the university. */
  admin: Login;
  university: { id: string; name: string };
  /** A college that has the branch below. */
  college: { id: string; name: string };
  /** A branch with a current committee term and members. */
  branch: { id: string; name: string; code: string };
  term: { electedOn: string; endsOn: string; secretaryName: string };
  /** Names of the branch's current members. */
  branchMembers: string[];
};

/** The demo university as `zhibu seed --demo` loads it today, with its generated logins. */
export async function seedDemoUniversity(db: Db): Promise<Fixture> {
  const demo = await seedDemo(db, { asOf: todayInShanghai(new Date()) });
  const admin = demo.logins.find((l) => l.role === 'orgDepartmentAdmin');
  if (!admin) throw new Error('the demo has no organization-department login');
  return describe(db, demo.tenantId, { username: admin.username, password: admin.password });
}

const parents = alias(orgs, 'parent');

/** Finds, in one university, the branch whose current term ends first, its college and members. */
export async function describe(db: Db, tenantId: string, admin: Login): Promise<Fixture> {
  const today = todayInShanghai(new Date());
  const [university] = await db
    .select({ id: orgs.id, name: orgs.name })
    .from(orgs)
    .where(and(eq(orgs.tenantId, tenantId), eq(orgs.id, tenantId)));
  const [found] = await db
    .select({
      branch: { id: orgs.id, name: orgs.name, code: orgs.code, parentId: orgs.parentId },
      term: { id: terms.id, electedOn: terms.electedOn, endsOn: terms.endsOn },
    })
    .from(terms)
    .innerJoin(orgs, and(eq(orgs.tenantId, terms.tenantId), eq(orgs.id, terms.orgId)))
    .innerJoin(parents, and(eq(parents.tenantId, orgs.tenantId), eq(parents.id, orgs.parentId)))
    .where(
      and(
        eq(terms.tenantId, tenantId),
        eq(orgs.kind, 'branch'),
        eq(parents.kind, 'college'),
        isNull(orgs.validTo),
        gte(terms.endsOn, today),
      ),
    )
    .orderBy(asc(terms.endsOn), asc(orgs.code))
    .limit(1);
  if (!found) throw new Error('the e2e data has no branch with a current term');
  const [college] = await db
    .select({ id: orgs.id, name: orgs.name, kind: orgs.kind })
    .from(orgs)
    .where(and(eq(orgs.tenantId, tenantId), eq(orgs.id, found.branch.parentId!)));
  const [secretary] = await db
    .select({ name: people.name })
    .from(positions)
    .innerJoin(people, and(eq(people.tenantId, positions.tenantId), eq(people.id, positions.personId)))
    .where(and(eq(positions.tenantId, tenantId), eq(positions.termId, found.term.id), eq(positions.role, 'secretary')));
  const members = await db
    .select({ name: people.name })
    .from(memberships)
    .innerJoin(people, and(eq(people.tenantId, memberships.tenantId), eq(people.id, memberships.personId)))
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.orgId, found.branch.id), isNull(memberships.validTo)))
    .orderBy(asc(people.code));
  return {
    admin,
    university,
    college: { id: college.id, name: college.name },
    branch: { id: found.branch.id, name: found.branch.name, code: found.branch.code },
    term: { electedOn: found.term.electedOn, endsOn: found.term.endsOn, secretaryName: secretary?.name ?? '' },
    branchMembers: members.map((m) => m.name),
  };
}
