import { and, count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildWorld, type World } from '../../../test/factories.ts';
import { type Client, createTestServer, type TestServer } from '../../../test/server.ts';
import { auditLog, memberships, people, positions, terms } from '../../db/schema.ts';
import { isUniqueViolation } from './unique-violation.ts';

let server: TestServer;
let world: World;
let orgAdminA: Client;
let orgAdminB: Client;
let collegeA1: Client;
let collegeA2: Client;
let secretaryA1: Client;
let secretaryA2: Client;
let memberA1: Client;
let oversight: Client;

beforeAll(async () => {
  server = await createTestServer();
  world = await buildWorld(server.db);
  [orgAdminA, orgAdminB, collegeA1, collegeA2, secretaryA1, secretaryA2, memberA1, oversight] = await Promise.all(
    [
      'orgadmin-a',
      'orgadmin-b',
      'college-a1',
      'college-a2',
      'secretary-a1',
      'secretary-a2',
      'member-a1',
      'oversight',
    ].map((u) => server.signIn(u)),
  );
});
afterAll(() => server.close());

const codes = (res: { json(): { items: { code: string }[] } }) => res.json().items.map((p) => p.code);
const countPeople = async () => (await server.db.select({ n: count() }).from(people))[0].n;
const countMemberships = async () => (await server.db.select({ n: count() }).from(memberships))[0].n;
const fieldsOf = (res: { json(): { error: { details: { field: string }[] } } }) =>
  res.json().error.details.map((d) => d.field);

/** A fresh member of branch A1 for tests that change things. */
const freshMember = (props: { code: string; name?: string; status?: 'full' | 'probationary'; orgId?: string }) =>
  buildMember(server.db, {
    tenantId: world.uniA.tenantId,
    orgId: props.orgId ?? world.branchA1.id,
    code: props.code,
    name: props.name ?? '孙磊',
    status: props.status,
  });

describe('GET /people', () => {
  it('lists the people of the university with their current membership and a total', async () => {
    const res = await orgAdminA.get('/api/v1/people?q=A000');
    expect(res.statusCode).toBe(200);
    expect(codes(res)).toEqual(['A0001', 'A0002', 'A0003', 'A0004']);
    expect(res.json().total).toBe(4);
    const lina = res.json().items[0];
    expect(lina).toMatchObject({
      name: '李娜',
      gender: 'female',
      membership: { status: 'full', standing: 'normal', orgId: world.branchA1.id, orgName: '机电教工第一党支部' },
    });
  });

  it('filters by the whole subtree of an org, by category, status and standing', async () => {
    expect(codes(await orgAdminA.get(`/api/v1/people?q=A000&orgId=${world.collegeA1.id}`))).toEqual([
      'A0001',
      'A0002',
      'A0003',
    ]);
    expect(codes(await orgAdminA.get(`/api/v1/people?orgId=${world.branchA3.id}&q=A000`))).toEqual(['A0004']);
    await server.db
      .update(memberships)
      .set({ groupId: world.groupA1.id })
      .where(eq(memberships.id, world.memberA1.membership.id));
    expect(codes(await orgAdminA.get(`/api/v1/people?orgId=${world.groupA1.id}`))).toEqual(['A0001']);
    expect(codes(await orgAdminA.get('/api/v1/people?q=A000&category=student'))).toEqual(['A0003']);
    expect(codes(await orgAdminA.get('/api/v1/people?q=A000&status=probationary'))).toEqual(['A0003']);
    expect(codes(await orgAdminA.get('/api/v1/people?q=A000&standing=suspended'))).toEqual([]);
  });

  it('finds Chinese names by pinyin initials, by characters and by code', async () => {
    expect(codes(await orgAdminA.get('/api/v1/people?q=ln'))).toEqual(['A0001']);
    expect(codes(await orgAdminA.get('/api/v1/people?q=LN'))).toEqual(['A0001']);
    expect(codes(await orgAdminA.get(`/api/v1/people?q=${encodeURIComponent('陈')}`))).toEqual(['A0004']);
    expect(codes(await orgAdminA.get('/api/v1/people?q=a0002'))).toEqual(['A0002']);
  });

  it('pages, and still counts past the last page', async () => {
    const page2 = await orgAdminA.get('/api/v1/people?q=A000&pageSize=3&page=2');
    expect(codes(page2)).toEqual(['A0004']);
    expect(page2.json().total).toBe(4);
    const beyond = await orgAdminA.get('/api/v1/people?q=A000&pageSize=3&page=9');
    expect(beyond.json()).toEqual({ items: [], total: 4 });
  });

  it('keeps each actor inside their scope', async () => {
    expect(codes(await secretaryA1.get('/api/v1/people?q=A000'))).toEqual(['A0001', 'A0002']);
    expect(codes(await secretaryA1.get(`/api/v1/people?orgId=${world.branchA3.id}`))).toEqual([]);
    expect(codes(await collegeA2.get(`/api/v1/people?orgId=${world.collegeA1.id}`))).toEqual([]);
    expect(codes(await orgAdminB.get('/api/v1/people'))).toEqual(['B0001']);
    expect(codes(await orgAdminB.get(`/api/v1/people?orgId=${world.branchA1.id}`))).toEqual([]);
    expect(codes(await oversight.get('/api/v1/people?q=0001'))).toEqual(['A0001', 'B0001']);
  });

  it('shows a member only themself', async () => {
    const res = await memberA1.get('/api/v1/people');
    expect(codes(res)).toEqual(['A0001']);
    expect(res.json().total).toBe(1);
  });

  it('names a bad filter', async () => {
    const res = await orgAdminA.get('/api/v1/people?status=honorary&pageSize=0');
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(expect.arrayContaining(['querystring.status', 'querystring.pageSize']));
  });
});

describe('GET /people/:id', () => {
  it('returns the person, membership history and seats held', async () => {
    const [term] = await server.db
      .insert(terms)
      .values({
        tenantId: world.uniA.tenantId,
        orgId: world.branchA1.id,
        electedOn: '2023-01-10',
        endsOn: '2026-01-09',
      })
      .returning();
    await server.db.insert(positions).values({
      tenantId: world.uniA.tenantId,
      termId: term.id,
      role: 'secretary',
      personId: world.secretaryA1.person.id,
      validFrom: '2023-01-10',
    });
    const res = await collegeA1.get(`/api/v1/people/${world.secretaryA1.person.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.person).toMatchObject({ code: 'A0002', name: '王强', nameInitials: 'wq' });
    expect(body.memberships).toEqual([
      expect.objectContaining({ orgName: '机电教工第一党支部', validFrom: '2015-01-01', validTo: null }),
    ]);
    expect(body.positions).toEqual([
      expect.objectContaining({ role: 'secretary', orgId: world.branchA1.id, orgName: '机电教工第一党支部' }),
    ]);
  });

  it('is a 404 outside the scope, and a member sees only themself', async () => {
    const id = world.memberA1.person.id;
    for (const client of [secretaryA2, collegeA2, orgAdminB])
      expect((await client.get(`/api/v1/people/${id}`)).statusCode).toBe(404);
    expect((await memberA1.get(`/api/v1/people/${id}`)).statusCode).toBe(200);
    expect((await memberA1.get(`/api/v1/people/${world.secretaryA1.person.id}`)).statusCode).toBe(404);
  });

  it('names a malformed id', async () => {
    const res = await orgAdminA.get('/api/v1/people/not-a-uuid');
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['params.id']);
  });
});

describe('POST /people', () => {
  const newPerson = (code: string, membership?: Record<string, unknown>) => ({
    code,
    name: '周杰',
    gender: 'male',
    birthDate: '1990-05-06',
    personCategory: 'staff',
    unit: '机电工程学院',
    title: '讲师',
    leadingCadre: false,
    phone: '13800000000',
    email: 'zhoujie@example.edu.cn',
    ...(membership && { membership }),
  });

  it('creates a person with the first membership, and audits it', async () => {
    const res = await collegeA1.post(
      '/api/v1/people',
      newPerson('N0001', {
        orgId: world.branchA1.id,
        groupId: world.groupA1.id,
        status: 'probationary',
        joinedOn: '2024-06-30',
        validFrom: '2024-06-30',
      }),
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.person).toMatchObject({ code: 'N0001', nameInitials: 'zj', version: 1 });
    expect(body.memberships).toEqual([
      expect.objectContaining({ status: 'probationary', standing: 'normal', groupName: '第一党小组' }),
    ]);
    const audit = await server.db.select().from(auditLog).where(eq(auditLog.entityId, body.person.id));
    expect(audit).toEqual([
      expect.objectContaining({ action: 'create', entity: 'person', orgPath: world.branchA1.path }),
    ]);
    expect(codes(await orgAdminA.get('/api/v1/people?q=zj'))).toEqual(['N0001']);
  });

  it('lets a university admin add someone without a membership, but not a college admin', async () => {
    expect((await orgAdminA.post('/api/v1/people', newPerson('N0002'))).statusCode).toBe(200);
    const before = await countPeople();
    const res = await collegeA1.post('/api/v1/people', newPerson('N0003'));
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.membership']);
    expect(await countPeople()).toBe(before);
  });

  it.each([
    [
      'a probationary member with a confirmation date',
      { status: 'probationary', joinedOn: '2024-01-01', confirmedOn: '2025-01-01', validFrom: '2024-01-01' },
      'body.membership.confirmedOn',
    ],
    [
      'confirmation before joining',
      { status: 'full', joinedOn: '2024-01-01', confirmedOn: '2023-01-01', validFrom: '2024-01-01' },
      'body.membership.confirmedOn',
    ],
    [
      'a date that does not exist',
      { status: 'full', joinedOn: '2021-02-30', validFrom: '2024-01-01' },
      'body.membership.joinedOn',
    ],
    [
      'a college instead of a branch',
      { orgId: 'college', status: 'full', validFrom: '2024-01-01' },
      'body.membership.orgId',
    ],
    [
      'a group of another branch',
      { orgId: 'branchA2', groupId: 'groupA1', status: 'full', validFrom: '2024-01-01' },
      'body.membership.groupId',
    ],
  ])('refuses %s, naming the field and writing nothing', async (_, membership, field) => {
    const ids: Record<string, string> = {
      college: world.collegeA1.id,
      branchA2: world.branchA2.id,
      groupA1: world.groupA1.id,
    };
    const m = membership as Record<string, string>;
    const body = newPerson('N0100', {
      ...m,
      orgId: ids[m.orgId] ?? world.branchA1.id,
      ...(m.groupId && { groupId: ids[m.groupId] }),
    });
    const [peopleBefore, membershipsBefore] = [await countPeople(), await countMemberships()];
    const res = await orgAdminA.post('/api/v1/people', body);
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual([field]);
    expect([await countPeople(), await countMemberships()]).toEqual([peopleBefore, membershipsBefore]);
  });

  it('refuses a taken code and an impossible birth date', async () => {
    const before = await countPeople();
    const taken = await orgAdminA.post(
      '/api/v1/people',
      newPerson('A0001', { orgId: world.branchA1.id, status: 'full', validFrom: '2024-01-01' }),
    );
    expect(taken.statusCode).toBe(400);
    expect(fieldsOf(taken)).toEqual(['body.code']);
    const badDate = await orgAdminA.post('/api/v1/people', { ...newPerson('N0101'), birthDate: '1990-13-01' });
    expect(badDate.statusCode).toBe(400);
    expect(fieldsOf(badDate)).toEqual(['body.birthDate']);
    expect(await countPeople()).toBe(before);
  });

  it('is a 404 for a branch outside the write scope', async () => {
    const before = await countPeople();
    const membership = { orgId: world.branchA1.id, status: 'full', validFrom: '2024-01-01' };
    for (const client of [collegeA2, secretaryA2, orgAdminB, oversight, memberA1]) {
      const res = await client.post('/api/v1/people', newPerson('N0200', membership));
      expect(res.statusCode).toBe(404);
    }
    expect(await countPeople()).toBe(before);
  });
});

describe('unique codes', () => {
  it('recognizes the refusal of the unique index on both databases', async () => {
    const error = await server.db
      .insert(people)
      .values({ tenantId: world.uniA.tenantId, code: 'A0001', name: '重复', personCategory: 'staff' })
      .catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(new Error('other'))).toBe(false);
  });
});

describe('PATCH /people/:id', () => {
  it('updates fields with the version read, recomputing the pinyin initials', async () => {
    const { person } = await freshMember({ code: 'U0001', name: '孙磊' });
    const res = await secretaryA1.patch(`/api/v1/people/${person.id}`, {
      version: 1,
      name: '钱敏',
      phone: '13900000000',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().person).toMatchObject({ name: '钱敏', nameInitials: 'qm', phone: '13900000000', version: 2 });
    expect(codes(await orgAdminA.get('/api/v1/people?q=qm'))).toEqual(['U0001']);
    const audit = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, person.id), eq(auditLog.action, 'update')));
    expect(audit).toHaveLength(1);
  });

  it('is a 409 on a stale version, changing nothing', async () => {
    const { person } = await freshMember({ code: 'U0002' });
    expect((await orgAdminA.patch(`/api/v1/people/${person.id}`, { version: 1, unit: '一' })).statusCode).toBe(200);
    const res = await orgAdminA.patch(`/api/v1/people/${person.id}`, { version: 1, unit: '二' });
    expect(res.statusCode).toBe(409);
    const [row] = await server.db.select().from(people).where(eq(people.id, person.id));
    expect(row.unit).toBe('一');
  });

  it('names bad fields and writes nothing', async () => {
    const { person } = await freshMember({ code: 'U0003' });
    const res = await orgAdminA.patch(`/api/v1/people/${person.id}`, {
      version: 1,
      email: 'not-an-email',
      gender: 'other',
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(expect.arrayContaining(['body.email', 'body.gender']));
    const taken = await orgAdminA.patch(`/api/v1/people/${person.id}`, { version: 1, code: 'A0001' });
    expect(fieldsOf(taken)).toEqual(['body.code']);
    const [row] = await server.db.select().from(people).where(eq(people.id, person.id));
    expect(row).toMatchObject({ code: 'U0003', email: null, version: 1 });
  });

  it('is a 404 outside the write scope', async () => {
    const { person } = await freshMember({ code: 'U0004' });
    for (const client of [secretaryA2, collegeA2, orgAdminB, oversight, memberA1]) {
      const res = await client.patch(`/api/v1/people/${person.id}`, { version: 1, unit: 'x' });
      expect(res.statusCode).toBe(404);
    }
    const [row] = await server.db.select().from(people).where(eq(people.id, person.id));
    expect(row.version).toBe(1);
  });
});

describe('POST /people/:id/membership', () => {
  it('moves a member to another branch of the university and keeps the history', async () => {
    const { person } = await freshMember({ code: 'M0001' });
    const res = await orgAdminA.post(`/api/v1/people/${person.id}/membership`, {
      effectiveOn: '2024-03-01',
      orgId: world.branchA3.id,
      membershipVersion: 1,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().memberships).toEqual([
      expect.objectContaining({ orgName: '经管教工党支部', validFrom: '2024-03-01', validTo: null, status: 'full' }),
      expect.objectContaining({ orgName: '机电教工第一党支部', validFrom: '2015-01-01', validTo: '2024-03-01' }),
    ]);
    expect(codes(await orgAdminA.get(`/api/v1/people?orgId=${world.branchA3.id}&q=M0001`))).toEqual(['M0001']);
    expect(codes(await secretaryA1.get('/api/v1/people?q=M0001'))).toEqual([]);
  });

  it('confirms a probationary member with the confirmation date', async () => {
    const { person } = await freshMember({ code: 'M0002', status: 'probationary' });
    const missing = await secretaryA1.post(`/api/v1/people/${person.id}/membership`, {
      effectiveOn: '2025-07-01',
      status: 'full',
      membershipVersion: 1,
    });
    expect(missing.statusCode).toBe(400);
    expect(fieldsOf(missing)).toEqual(['body.confirmedOn']);
    const res = await secretaryA1.post(`/api/v1/people/${person.id}/membership`, {
      effectiveOn: '2025-07-01',
      status: 'full',
      confirmedOn: '2025-07-01',
      membershipVersion: 1,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().memberships[0]).toMatchObject({ status: 'full', confirmedOn: '2025-07-01' });
    expect(res.json().memberships[1]).toMatchObject({ status: 'probationary', validTo: '2025-07-01' });
  });

  it('changes the standing, and refuses a stale membership version', async () => {
    const { person } = await freshMember({ code: 'M0003' });
    const ok = await secretaryA1.post(`/api/v1/people/${person.id}/membership`, {
      effectiveOn: '2025-01-01',
      standing: 'suspended',
      membershipVersion: 1,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().memberships[0]).toMatchObject({ standing: 'suspended', version: 1 });
    const before = await countMemberships();
    const stale = await secretaryA1.post(`/api/v1/people/${person.id}/membership`, {
      effectiveOn: '2025-06-01',
      standing: 'normal',
      membershipVersion: 2,
    });
    expect(stale.statusCode).toBe(409);
    expect(await countMemberships()).toBe(before);
  });

  it('names bad input and writes nothing', async () => {
    const { person } = await freshMember({ code: 'M0004' });
    const before = await countMemberships();
    const early = await orgAdminA.post(`/api/v1/people/${person.id}/membership`, {
      effectiveOn: '2014-01-01',
      standing: 'lapsed',
      membershipVersion: 1,
    });
    expect(fieldsOf(early)).toEqual(['body.effectiveOn']);
    const demote = await orgAdminA.post(`/api/v1/people/${person.id}/membership`, {
      effectiveOn: '2024-01-01',
      status: 'probationary',
      confirmedOn: null,
      membershipVersion: 1,
    });
    expect(fieldsOf(demote)).toEqual(['body.status']);
    const notBranch = await orgAdminA.post(`/api/v1/people/${person.id}/membership`, {
      effectiveOn: '2024-01-01',
      orgId: world.collegeA2.id,
      membershipVersion: 1,
    });
    expect(fieldsOf(notBranch)).toEqual(['body.orgId']);
    const badDate = await orgAdminA.post(`/api/v1/people/${person.id}/membership`, {
      effectiveOn: '2024-02-30',
      membershipVersion: 1,
    });
    expect(fieldsOf(badDate)).toEqual(['body.effectiveOn']);
    expect(await countMemberships()).toBe(before);
  });

  it('is a 404 for a person or a destination outside the write scope', async () => {
    const { person } = await freshMember({ code: 'M0005' });
    const before = await countMemberships();
    const intoOtherCollege = await collegeA1.post(`/api/v1/people/${person.id}/membership`, {
      effectiveOn: '2024-03-01',
      orgId: world.branchA3.id,
      membershipVersion: 1,
    });
    expect(intoOtherCollege.statusCode).toBe(404);
    const intoOtherUniversity = await orgAdminA.post(`/api/v1/people/${person.id}/membership`, {
      effectiveOn: '2024-03-01',
      orgId: world.branchB1.id,
      membershipVersion: 1,
    });
    expect(intoOtherUniversity.statusCode).toBe(404);
    for (const client of [secretaryA2, collegeA2, orgAdminB, memberA1]) {
      const res = await client.post(`/api/v1/people/${person.id}/membership`, {
        effectiveOn: '2024-03-01',
        standing: 'suspended',
        membershipVersion: 1,
      });
      expect(res.statusCode).toBe(404);
    }
    expect(await countMemberships()).toBe(before);
  });
});

describe('GET /people/export.xlsx', () => {
  const readRows = async (body: Buffer) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as never);
    const ws = workbook.worksheets[0];
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  };

  it('exports the filtered list with Chinese headers', async () => {
    const res = await secretaryA1.get('/api/v1/people/export.xlsx?q=A000');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await readRows(res.rawPayload);
    expect(rows[0]).toEqual([
      '编号',
      '姓名',
      '性别',
      '出生日期',
      '人员类别',
      '单位',
      '职称',
      '所在支部',
      '党小组',
      '党员状态',
      '党籍状态',
      '入党日期',
      '转正日期',
    ]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['A0001', 'A0002']);
    expect(rows[1]).toEqual(expect.arrayContaining(['李娜', '女', '教职工', '机电教工第一党支部', '正式党员', '正常']));
  });

  it('exports nothing outside the scope and names a bad filter', async () => {
    const other = await orgAdminB.get(`/api/v1/people/export.xlsx?orgId=${world.collegeA1.id}`);
    expect(other.statusCode).toBe(200);
    expect(await readRows(other.rawPayload)).toHaveLength(1);
    const bad = await orgAdminA.get('/api/v1/people/export.xlsx?category=alumni');
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(['querystring.category']);
  });
});
