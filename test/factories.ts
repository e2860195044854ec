/**
 * Factories that build records in a real database, shared by tests (and by the shape of the demo
 * generator): a test reads like a story — a university, a college, a branch, a member, a login.
 */
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../src/db/connect.ts';
import {
  accounts,
  attendance,
  grants,
  meetings,
  memberships,
  orgHistory,
  orgs,
  oversightBodies,
  people,
  positions,
  terms,
} from '../src/db/schema.ts';
import { hashPassword } from '../src/modules/auth/passwords.ts';
import { nameInitials } from '../src/modules/members/name-initials.ts';
import { createUniversity } from '../src/modules/tenants/create-university.ts';
import type { Role } from '../src/server/scope.ts';

const uniq = () => randomBytes(3).toString('hex');
const actor = { accountId: '', displayName: 'test' };

export async function buildUniversity(db: Db, props: { code?: string; name?: string; oversightBodyId?: string } = {}) {
  const code = props.code ?? `u-${uniq()}`;
  const { tenant, rootPath } = await createUniversity(db, {
    code,
    name: props.name ?? `测试大学${code}`,
    validFrom: '2015-01-01',
    standardSets: ['hbzy-2019-3s3n'],
    oversightBodyId: props.oversightBodyId ?? null,
    actor,
  });
  return { tenantId: tenant.id, rootId: tenant.id, rootPath, code };
}

export async function buildOversightBody(db: Db, props: { code?: string; name?: string } = {}) {
  const [body] = await db
    .insert(oversightBodies)
    .values({ code: props.code ?? `ov-${uniq()}`, name: props.name ?? '省委教育工委' })
    .returning();
  return body;
}

type OrgProps = {
  tenantId: string;
  parentId: string;
  kind: 'college' | 'branch' | 'group';
  code?: string;
  name?: string;
  subkind?: string | null;
  branchCategory?: string | null;
  jointUnits?: string[];
  temporary?: Record<string, unknown> | null;
  validFrom?: string;
  validTo?: string | null;
};

export async function buildOrg(db: Db, props: OrgProps) {
  const [parent] = await db
    .select()
    .from(orgs)
    .where(and(eq(orgs.tenantId, props.tenantId), eq(orgs.id, props.parentId)));
  const code = props.code ?? `${props.kind}-${uniq()}`;
  const validFrom = props.validFrom ?? '2015-01-01';
  const id = crypto.randomUUID();
  const defaults = {
    college: { subkind: 'generalBranch', branchCategory: null },
    branch: { subkind: null, branchCategory: 'teacher' },
    group: { subkind: null, branchCategory: null },
  }[props.kind];
  const [org] = await db
    .insert(orgs)
    .values({
      tenantId: props.tenantId,
      id,
      code,
      kind: props.kind,
      subkind: props.subkind === undefined ? defaults.subkind : props.subkind,
      branchCategory: props.branchCategory === undefined ? defaults.branchCategory : props.branchCategory,
      name: props.name ?? `${code}党组织`,
      parentId: parent.id,
      path: `${parent.path}${id}/`,
      depth: parent.depth + 1,
      jointUnits: props.jointUnits ?? [],
      temporary: props.temporary ?? null,
      validFrom,
      validTo: props.validTo ?? null,
    })
    .returning();
  await db.insert(orgHistory).values({
    tenantId: org.tenantId,
    orgId: org.id,
    change: 'create',
    name: org.name,
    parentId: org.parentId,
    kind: org.kind,
    subkind: org.subkind,
    branchCategory: org.branchCategory,
    validFrom,
  });
  return org;
}

type PersonProps = {
  tenantId: string;
  code?: string;
  name?: string;
  gender?: 'male' | 'female';
  birthDate?: string;
  personCategory?: 'staff' | 'student' | 'retired';
  unit?: string;
  title?: string;
  leadingCadre?: boolean;
};

export async function buildPerson(db: Db, props: PersonProps) {
  const [person] = await db
    .insert(people)
    .values({
      tenantId: props.tenantId,
      code: props.code ?? `P${uniq()}`,
      name: props.name ?? '张伟',
      nameInitials: nameInitials(props.name ?? '张伟'),
      gender: props.gender ?? 'male',
      birthDate: props.birthDate ?? '1985-03-01',
      personCategory: props.personCategory ?? 'staff',
      unit: props.unit ?? null,
      title: props.title ?? null,
      leadingCadre: props.leadingCadre ?? false,
    })
    .returning();
  return person;
}

type MembershipProps = {
  tenantId: string;
  personId: string;
  orgId: string;
  groupId?: string | null;
  status?: 'full' | 'probationary';
  standing?: string;
  joinedOn?: string;
  confirmedOn?: string | null;
  validFrom?: string;
  validTo?: string | null;
};

export async function buildMembership(db: Db, props: MembershipProps) {
  const status = props.status ?? 'full';
  const [membership] = await db
    .insert(memberships)
    .values({
      tenantId: props.tenantId,
      personId: props.personId,
      orgId: props.orgId,
      groupId: props.groupId ?? null,
      status,
      standing: props.standing ?? 'normal',
      joinedOn: props.joinedOn ?? '2010-06-30',
      confirmedOn: props.confirmedOn === undefined ? (status === 'full' ? '2011-06-30' : null) : props.confirmedOn,
      validFrom: props.validFrom ?? '2015-01-01',
      validTo: props.validTo ?? null,
    })
    .returning();
  return membership;
}

/** A person who is a member of `orgId`, in one call. */
export async function buildMember(db: Db, props: PersonProps & { orgId: string; status?: 'full' | 'probationary' }) {
  const person = await buildPerson(db, props);
  const membership = await buildMembership(db, {
    tenantId: props.tenantId,
    personId: person.id,
    orgId: props.orgId,
    status: props.status,
  });
  return { person, membership };
}

// Hashing is the slow part of building accounts; tests share one password hash.
export const TEST_PASSWORD = 'test-Password-1';
let testHash: Promise<string> | null = null;

export async function buildAccount(
  db: Db,
  props: {
    role: Role;
    tenantId?: string | null;
    orgId?: string | null;
    personId?: string | null;
    oversightBodyId?: string | null;
    username?: string;
    displayName?: string;
  },
) {
  testHash ??= hashPassword(TEST_PASSWORD);
  const username = props.username ?? `${props.role}-${uniq()}`;
  const [account] = await db
    .insert(accounts)
    .values({
      username,
      passwordHash: await testHash,
      displayName: props.displayName ?? username,
      tenantId: props.tenantId ?? null,
      personId: props.personId ?? null,
    })
    .returning();
  await db.insert(grants).values({
    accountId: account.id,
    role: props.role,
    tenantId: props.tenantId ?? null,
    orgId: props.orgId ?? null,
    oversightBodyId: props.oversightBodyId ?? null,
  });
  return { ...account, password: TEST_PASSWORD };
}

/**
 * Two universities under one oversight body plus a third outside it, and one login per role:
 * the world every out-of-scope test needs.
 *
 *   uniA ─ collegeA1 ─ branchA1 (memberA1, secretaryA1) ─ groupA1
 *        │          └ branchA2 (memberA2)
 *        └ collegeA2 ─ branchA3 (memberA3)
 *   uniB ─ collegeB1 ─ branchB1 (memberB1)
 *   uniC (other oversight body)
 */
export async function buildWorld(db: Db) {
  const body = await buildOversightBody(db, { code: 'ov-test', name: '测试省委教育工委' });
  const otherBody = await buildOversightBody(db, { code: 'ov-other', name: '另一省委教育工委' });
  const uniA = await buildUniversity(db, { code: 'uni-a', name: '甲职业技术学院', oversightBodyId: body.id });
  const uniB = await buildUniversity(db, { code: 'uni-b', name: '乙职业技术学院', oversightBodyId: body.id });
  const uniC = await buildUniversity(db, { code: 'uni-c', name: '丙职业技术学院', oversightBodyId: otherBody.id });
  const t = uniA.tenantId;
  const collegeA1 = await buildOrg(db, {
    tenantId: t,
    parentId: uniA.rootId,
    kind: 'college',
    code: 'c-a1',
    name: '机电工程学院党总支',
  });
  const collegeA2 = await buildOrg(db, {
    tenantId: t,
    parentId: uniA.rootId,
    kind: 'college',
    code: 'c-a2',
    name: '经济管理学院党总支',
  });
  const branchA1 = await buildOrg(db, {
    tenantId: t,
    parentId: collegeA1.id,
    kind: 'branch',
    code: 'b-a1',
    name: '机电教工第一党支部',
  });
  const branchA2 = await buildOrg(db, {
    tenantId: t,
    parentId: collegeA1.id,
    kind: 'branch',
    code: 'b-a2',
    name: '机电学生第一党支部',
    branchCategory: 'student',
  });
  const branchA3 = await buildOrg(db, {
    tenantId: t,
    parentId: collegeA2.id,
    kind: 'branch',
    code: 'b-a3',
    name: '经管教工党支部',
  });
  const groupA1 = await buildOrg(db, {
    tenantId: t,
    parentId: branchA1.id,
    kind: 'group',
    code: 'g-a1',
    name: '第一党小组',
  });
  const collegeB1 = await buildOrg(db, {
    tenantId: uniB.tenantId,
    parentId: uniB.rootId,
    kind: 'college',
    code: 'c-b1',
    name: '乙校机电学院党委',
    subkind: 'collegeCommittee',
  });
  const branchB1 = await buildOrg(db, {
    tenantId: uniB.tenantId,
    parentId: collegeB1.id,
    kind: 'branch',
    code: 'b-b1',
    name: '乙校教工党支部',
  });

  const memberA1 = await buildMember(db, {
    tenantId: t,
    orgId: branchA1.id,
    code: 'A0001',
    name: '李娜',
    gender: 'female',
  });
  const secretaryA1 = await buildMember(db, { tenantId: t, orgId: branchA1.id, code: 'A0002', name: '王强' });
  const memberA2 = await buildMember(db, {
    tenantId: t,
    orgId: branchA2.id,
    code: 'A0003',
    name: '刘洋',
    personCategory: 'student',
    birthDate: '2003-04-05',
    status: 'probationary',
  });
  const memberA3 = await buildMember(db, {
    tenantId: t,
    orgId: branchA3.id,
    code: 'A0004',
    name: '陈静',
    gender: 'female',
  });
  const memberB1 = await buildMember(db, {
    tenantId: uniB.tenantId,
    orgId: branchB1.id,
    code: 'B0001',
    name: '赵敏',
    gender: 'female',
  });

  const accountsByRole = {
    platformAdmin: await buildAccount(db, { role: 'platformAdmin', username: 'platform' }),
    oversightViewer: await buildAccount(db, {
      role: 'oversightViewer',
      oversightBodyId: body.id,
      username: 'oversight',
    }),
    orgAdminA: await buildAccount(db, {
      role: 'orgDepartmentAdmin',
      tenantId: t,
      orgId: uniA.rootId,
      username: 'orgadmin-a',
    }),
    orgAdminB: await buildAccount(db, {
      role: 'orgDepartmentAdmin',
      tenantId: uniB.tenantId,
      orgId: uniB.rootId,
      username: 'orgadmin-b',
    }),
    collegeAdminA1: await buildAccount(db, {
      role: 'collegeAdmin',
      tenantId: t,
      orgId: collegeA1.id,
      username: 'college-a1',
    }),
    collegeAdminA2: await buildAccount(db, {
      role: 'collegeAdmin',
      tenantId: t,
      orgId: collegeA2.id,
      username: 'college-a2',
    }),
    secretaryA1: await buildAccount(db, {
      role: 'branchSecretary',
      tenantId: t,
      orgId: branchA1.id,
      personId: secretaryA1.person.id,
      username: 'secretary-a1',
    }),
    secretaryA2: await buildAccount(db, {
      role: 'branchSecretary',
      tenantId: t,
      orgId: branchA2.id,
      username: 'secretary-a2',
    }),
    memberA1: await buildAccount(db, {
      role: 'member',
      tenantId: t,
      orgId: branchA1.id,
      personId: memberA1.person.id,
      username: 'member-a1',
    }),
  };
  return {
    body,
    otherBody,
    uniA,
    uniB,
    uniC,
    collegeA1,
    collegeA2,
    branchA1,
    branchA2,
    branchA3,
    groupA1,
    collegeB1,
    branchB1,
    memberA1,
    secretaryA1,
    memberA2,
    memberA3,
    memberB1,
    accounts: accountsByRole,
  };
}
export type World = Awaited<ReturnType<typeof buildWorld>>;

/** An organizational-life meeting (组织生活会) of an org, as the meetings module stores it. */
export async function buildLifeMeeting(
  db: Db,
  props: { tenantId: string; orgId: string; heldOn?: string; title?: string; status?: string },
) {
  const [meeting] = await db
    .insert(meetings)
    .values({
      tenantId: props.tenantId,
      code: `LM-${uniq()}`,
      orgId: props.orgId,
      type: 'lifeMeeting',
      heldOn: props.heldOn ?? '2026-06-30',
      title: props.title ?? '专题组织生活会',
      audience: 'branch',
      status: props.status ?? 'planned',
    })
    .returning();
  return meeting;
}

/** A member of `orgId` who can sign in as themself (role member), for self-service endpoints. */
export async function buildMemberWithLogin(
  db: Db,
  props: PersonProps & { orgId: string; status?: 'full' | 'probationary'; username?: string },
) {
  const member = await buildMember(db, props);
  const account = await buildAccount(db, {
    role: 'member',
    tenantId: props.tenantId,
    orgId: props.orgId,
    personId: member.person.id,
    username: props.username,
  });
  return { ...member, account };
}

/** A meeting of any type; held and recorded by default (the history a ledger shows). */
export async function buildMeeting(
  db: Db,
  props: {
    tenantId: string;
    orgId: string;
    type?: string;
    heldOn?: string;
    startTime?: string | null;
    endTime?: string | null;
    title?: string;
    lecturerId?: string | null;
    place?: string | null;
    audience?: string | null;
    status?: 'planned' | 'notified' | 'held' | 'recorded';
    minutes?: boolean;
    minutesText?: string | null;
  },
) {
  const [meeting] = await db
    .insert(meetings)
    .values({
      tenantId: props.tenantId,
      code: `M-${uniq()}`,
      orgId: props.orgId,
      type: props.type ?? 'generalAssembly',
      heldOn: props.heldOn ?? '2026-03-12',
      startTime: props.startTime === undefined ? '14:30' : props.startTime,
      endTime: props.endTime === undefined ? '16:00' : props.endTime,
      title: props.title ?? '学习贯彻全会精神',
      lecturerId: props.lecturerId ?? null,
      place: props.place === undefined ? '党员活动室' : props.place,
      audience: props.audience ?? null,
      status: props.status ?? 'recorded',
      minutes: props.minutes ?? Boolean(props.minutesText),
      minutesText: props.minutesText ?? null,
    })
    .returning();
  return meeting;
}

/** One person's attendance at a meeting, with the make-up of an absence when given. */
export async function buildAttendance(
  db: Db,
  props: {
    tenantId: string;
    meetingId: string;
    personId: string;
    status?: 'present' | 'absent' | 'leave' | 'late';
    reason?: string | null;
    guest?: boolean;
    makeupOn?: string | null;
    makeupContent?: string | null;
  },
) {
  const [row] = await db
    .insert(attendance)
    .values({
      tenantId: props.tenantId,
      meetingId: props.meetingId,
      personId: props.personId,
      status: props.status ?? 'present',
      reason: props.reason ?? null,
      guest: props.guest ?? false,
      makeupOn: props.makeupOn ?? null,
      makeupContent: props.makeupContent ?? null,
    })
    .returning();
  return row;
}

/** A term of an org with its seats: `{ role, personId }`, each held from the election day unless told. */
export async function buildTerm(
  db: Db,
  props: {
    tenantId: string;
    orgId: string;
    electedOn?: string;
    endsOn?: string;
    seats: { role: string; personId: string; from?: string; to?: string | null; dualLeader?: boolean }[];
  },
) {
  const electedOn = props.electedOn ?? '2024-09-10';
  const [term] = await db
    .insert(terms)
    .values({ tenantId: props.tenantId, orgId: props.orgId, electedOn, endsOn: props.endsOn ?? '2027-09-10' })
    .returning();
  const seats =
    props.seats.length === 0
      ? []
      : await db
          .insert(positions)
          .values(
            props.seats.map((s) => ({
              tenantId: props.tenantId,
              termId: term.id,
              role: s.role,
              personId: s.personId,
              validFrom: s.from ?? electedOn,
              validTo: s.to ?? null,
              dualLeader: s.dualLeader ?? false,
            })),
          )
          .returning();
  return { term, seats };
}
